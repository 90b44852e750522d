package dev.reco.core.baseline;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.Source;
import java.util.Objects;

/**
 * Recommends unseen items in a random order that is fixed for each (seed, user id): the sanity
 * floor every real model must beat. Serves every user. Source: {@link Source#RANDOM}.
 *
 * <p>Item {@code i}'s score for a user is a uniform number in {@code [0, 1)} with 24 random bits,
 * drawn from a counter-based generator keyed by (seed, user id, i) (the SplitMix64 finaliser, as
 * {@link java.util.SplittableRandom} uses). A score therefore does not depend on the other items,
 * the filters, {@code k} or the thread, so lists are deterministic and filters commute with
 * ranking. A request scores every eligible item: O(items log k), no allocation per item.
 * Immutable and thread-safe. Similar items are not supported.
 */
public final class RandomRecommender implements Recommender {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final float TWO_POW_MINUS_24 = 0x1.0p-24f;

  private final RandomRecommenderConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final CsrMatrix byUser;

  private RandomRecommender(RandomRecommenderConfig config, Interactions data) {
    this.config = config;
    this.users = data.users();
    this.items = data.items();
    this.byUser = data.byUser();
  }

  /**
   * Fits the recommender: keeps the item index and each user's seen items.
   *
   * @param data the training interactions
   * @param config the seed
   * @return the model
   */
  public static RandomRecommender fit(Interactions data, RandomRecommenderConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    return new RandomRecommender(config, data);
  }

  /** Returns the configuration this model was fitted with. */
  public RandomRecommenderConfig config() {
    return config;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    Objects.requireNonNull(userId, "userId");
    CandidateSelector selector =
        CandidateSelector.forUser(items, k, options, byUser, users.indexOf(userId));
    long key = userKey(config.seed(), userId);
    return selector.selectByScore(i -> score(key, i), Source.RANDOM);
  }

  /** A 64-bit key for (seed, user id): FNV-1a over the id's chars, mixed with the seed. */
  static long userKey(long seed, String userId) {
    long h = 0xcbf29ce484222325L;
    for (int j = 0; j < userId.length(); j++) {
      h = (h ^ userId.charAt(j)) * 0x100000001b3L;
    }
    return mix64(h ^ mix64(seed));
  }

  /** The score of item {@code i} under a user key: 24 random bits scaled to [0, 1). */
  static float score(long key, int item) {
    return (mix64(key + (item + 1L) * GOLDEN_GAMMA) >>> 40) * TWO_POW_MINUS_24;
  }

  /** SplitMix64 finaliser (Stafford variant 13). */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "RandomRecommender[items=" + items.size() + ", seed=" + config.seed() + "]";
  }
}
