package dev.reco.core.recommend;

import dev.reco.core.IdIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fitted, immutable recommender: ranks items for a user, and, when the model can, items similar
 * to an item.
 *
 * <h2>Contract</h2>
 * Every implementation (checked by the contract test suite {@code RecommenderContractTest} in
 * reco-core's test jar):
 * <ul>
 *   <li>is immutable and thread-safe: concurrent calls give the same lists as sequential ones;
 *   <li>is deterministic: the same call on the same model, or on a model fitted again on the same
 *       data and config, gives an equal list (bit-identical scores);
 *   <li>returns at most {@code k} items in rank order: scores non-increasing, equal scores by
 *       lower item index, no item twice; fewer than {@code k} when fewer are eligible, never
 *       padded with ineligible items;
 *   <li>applies {@link RecommendOptions}: allow-list, deny-list, seen items, predicate,
 *       category cap;
 *   <li>rejects {@code k < 1} with an {@link IllegalArgumentException} naming {@code k}, and null
 *       arguments with a {@link NullPointerException};
 *   <li>never throws for an unknown user or item: it answers from what it knows (e.g. global
 *       popularity, context from {@link RecommendOptions#recentItems()}) or returns
 *       {@link Recommendations#unserved(IdIndex) an unserved list} (source {@link Source#NONE}),
 *       which a {@link FallbackRecommender} hands to the next recommender in its chain.
 * </ul>
 *
 * <h2>Implementing</h2>
 * Resolve the user, create a {@link CandidateSelector} per request and let it apply the options:
 * <pre>{@code
 * public Recommendations recommend(String userId, int k, RecommendOptions options) {
 *   Objects.requireNonNull(userId, "userId");
 *   CandidateSelector selector =
 *       CandidateSelector.forUser(items, k, options, trainByUser, users.indexOf(userId));
 *   if (users.indexOf(userId) == IdIndex.UNKNOWN) {
 *     return selector.result(Source.NONE); // unserved: a fallback chain serves it
 *   }
 *   return selector.selectByScore(i -> score(user, i), SOURCE);
 * }
 * }</pre>
 */
public interface Recommender {

  /**
   * Returns the item index of this recommender: results refer to items by dense index in it, and
   * item predicates receive its indexes.
   *
   * @return the item index
   */
  IdIndex items();

  /**
   * Recommends up to {@code k} items for a user.
   *
   * @param userId the external user id; an unknown id is served from what the model knows, or
   *     gets an unserved list
   * @param k the most items to return, {@code >= 1}
   * @param options eligibility rules and request context
   * @return the ranked list and its source
   * @throws IllegalArgumentException if {@code k < 1}, or the options' category cap covers
   *     another item index
   * @throws NullPointerException if {@code userId} or {@code options} is null
   */
  Recommendations recommend(String userId, int k, RecommendOptions options);

  /**
   * Recommends up to {@code k} items for a user with {@link RecommendOptions#defaults()}
   * (seen items excluded).
   *
   * @param userId the external user id
   * @param k the most items to return, {@code >= 1}
   * @return the ranked list and its source
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code userId} is null
   */
  default Recommendations recommend(String userId, int k) {
    return recommend(userId, k, RecommendOptions.defaults());
  }

  /**
   * Recommends for many users with the same options; element {@code j} of the result equals
   * {@code recommend(userIds.get(j), k, options)}. The default loops; models may score users in
   * blocks. Options that describe one user ({@link RecommendOptions#recentItems()}) apply to every
   * user of the batch.
   *
   * @param userIds the external user ids
   * @param k the most items per user, {@code >= 1}
   * @param options eligibility rules shared by every user
   * @return one list per user, in the order of {@code userIds}
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if the list, an id or {@code options} is null
   */
  default List<Recommendations> recommend(List<String> userIds, int k, RecommendOptions options) {
    TopK.checkK(k);
    Objects.requireNonNull(userIds, "userIds");
    Objects.requireNonNull(options, "options");
    List<Recommendations> out = new ArrayList<>(userIds.size());
    for (String userId : userIds) {
      out.add(recommend(userId, k, options));
    }
    return out;
  }

  /**
   * Returns whether {@link #similarItems(String, int, RecommendOptions)} is supported.
   *
   * @return false by default
   */
  default boolean supportsSimilarItems() {
    return false;
  }

  /**
   * Returns up to {@code k} items similar to an item, most similar first, never the item itself.
   * {@code excludeSeen} applies to {@link RecommendOptions#recentItems()} only (there is no
   * user). An unknown item gives an unserved list.
   *
   * @param itemId the external id of the query item
   * @param k the most items to return, {@code >= 1}
   * @param options eligibility rules
   * @return the ranked list and its source
   * @throws UnsupportedOperationException if {@link #supportsSimilarItems()} is false
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code itemId} or {@code options} is null
   */
  default Recommendations similarItems(String itemId, int k, RecommendOptions options) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " does not support similarItems; check supportsSimilarItems() first");
  }

  /**
   * Returns up to {@code k} items similar to an item, with {@link RecommendOptions#defaults()}.
   *
   * @param itemId the external id of the query item
   * @param k the most items to return, {@code >= 1}
   * @return the ranked list and its source
   * @throws UnsupportedOperationException if {@link #supportsSimilarItems()} is false
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code itemId} is null
   */
  default Recommendations similarItems(String itemId, int k) {
    return similarItems(itemId, k, RecommendOptions.defaults());
  }
}
