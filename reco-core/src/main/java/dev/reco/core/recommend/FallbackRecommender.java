package dev.reco.core.recommend;

import dev.reco.core.IdIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serves each request from the first recommender of a chain that serves it, e.g. a trained model,
 * then category popularity, then global popularity:
 * <pre>{@code
 * Recommender r = FallbackRecommender.of(als, categoryPopularity, mostPopular);
 * }</pre>
 *
 * <p>A member serves a request when its list is not {@linkplain Recommendations#isServed()
 * unserved} (source {@link Source#NONE}); the chain's answer is that member's list, with its
 * source. A list that is served but short (everything else filtered out, or a member that knows
 * few items) is returned as it is. {@link #filling} chains instead complete a short list from the
 * next serving members, skipping items already listed, until it has {@code k} items: each rank then
 * keeps the score and {@linkplain Recommendations#source(int) source} of the member that supplied
 * it, so scores are non-increasing within each source's run of ranks but not across runs.
 *
 * <p>When no member serves, the result is unserved; end the chain with
 * {@code dev.reco.core.baseline.MostPopular}, which serves every user. Similar-items requests
 * go the same way through the members that {@linkplain Recommender#supportsSimilarItems() support}
 * them. Immutable and thread-safe when the members are.
 */
public final class FallbackRecommender implements Recommender {
  private final Recommender[] chain;
  private final boolean fill;
  private final IdIndex items;

  private FallbackRecommender(Recommender[] chain, boolean fill) {
    if (chain.length == 0) {
      throw new IllegalArgumentException("chain is empty; expected at least one recommender");
    }
    for (int j = 0; j < chain.length; j++) {
      if (chain[j] == null) {
        throw new NullPointerException("chain[" + j + "] is null; expected a recommender");
      }
    }
    IdIndex first = chain[0].items();
    for (int j = 1; j < chain.length; j++) {
      IdIndex other = chain[j].items();
      if (other != first && !other.equals(first)) {
        throw new IllegalArgumentException("chain[" + j + "] has an item index of " + other.size()
            + " ids that differs from chain[0]'s (" + first.size()
            + " ids); expected every member fitted on the same item index");
      }
    }
    this.chain = chain;
    this.fill = fill;
    this.items = first;
  }

  /**
   * Returns a chain that answers each request from its first serving member.
   *
   * @param first the preferred recommender
   * @param rest the fallbacks, in order
   * @return the chain
   * @throws IllegalArgumentException if the members have different item indexes
   * @throws NullPointerException if a member is null
   */
  public static FallbackRecommender of(Recommender first, Recommender... rest) {
    return new FallbackRecommender(concat(first, rest), false);
  }

  /**
   * Returns a chain that completes a short list from the next serving members, without
   * duplicates.
   *
   * @param first the preferred recommender
   * @param rest the fallbacks, in order
   * @return the chain
   * @throws IllegalArgumentException if the members have different item indexes
   * @throws NullPointerException if a member is null
   */
  public static FallbackRecommender filling(Recommender first, Recommender... rest) {
    return new FallbackRecommender(concat(first, rest), true);
  }

  private static Recommender[] concat(Recommender first, Recommender[] rest) {
    Recommender[] chain = new Recommender[rest.length + 1];
    chain[0] = first;
    System.arraycopy(rest, 0, chain, 1, rest.length);
    return chain;
  }

  /** Returns the members, in order. */
  public List<Recommender> chain() {
    return Collections.unmodifiableList(Arrays.asList(chain));
  }

  /** Returns whether short lists are completed from later members. */
  public boolean fills() {
    return fill;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    TopK.checkK(k);
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(options, "options");
    return serve(k, r -> r.recommend(userId, k, options), false);
  }

  /** Asks each member for the users its predecessors left unserved (or short), in batches. */
  @Override
  public List<Recommendations> recommend(List<String> userIds, int k, RecommendOptions options) {
    TopK.checkK(k);
    Objects.requireNonNull(userIds, "userIds");
    Objects.requireNonNull(options, "options");
    int n = userIds.size();
    for (int j = 0; j < n; j++) {
      Objects.requireNonNull(userIds.get(j), "userIds[" + j + "]");
    }
    Merged[] merged = new Merged[n];
    Recommendations[] out = new Recommendations[n];
    int[] pending = new int[n];
    for (int j = 0; j < n; j++) {
      pending[j] = j;
    }
    int numPending = n;
    for (Recommender member : chain) {
      if (numPending == 0) {
        break;
      }
      List<String> ask = new ArrayList<>(numPending);
      for (int p = 0; p < numPending; p++) {
        ask.add(userIds.get(pending[p]));
      }
      List<Recommendations> answers = member.recommend(ask, k, options);
      int still = 0;
      for (int p = 0; p < numPending; p++) {
        int j = pending[p];
        Recommendations answer = answers.get(p);
        if (answer.isServed()) {
          if (!fill) {
            out[j] = answer;
            continue;
          }
          if (merged[j] == null) {
            merged[j] = new Merged(k, items.size());
          }
          merged[j].add(answer);
          if (merged[j].isFull()) {
            continue;
          }
        }
        pending[still++] = j;
      }
      numPending = still;
    }
    List<Recommendations> result = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      if (out[j] != null) {
        result.add(out[j]);
      } else if (merged[j] != null) {
        result.add(merged[j].result(items));
      } else {
        result.add(Recommendations.unserved(items));
      }
    }
    return result;
  }

  /** Returns whether some member supports similar items. */
  @Override
  public boolean supportsSimilarItems() {
    for (Recommender r : chain) {
      if (r.supportsSimilarItems()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Answers from the first supporting member that serves the item.
   *
   * @throws UnsupportedOperationException if no member supports similar items
   */
  @Override
  public Recommendations similarItems(String itemId, int k, RecommendOptions options) {
    TopK.checkK(k);
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(options, "options");
    if (!supportsSimilarItems()) {
      throw new UnsupportedOperationException(
          "no member of this FallbackRecommender supports similarItems");
    }
    return serve(k, r -> r.similarItems(itemId, k, options), true);
  }

  private Recommendations serve(int k, Function<Recommender, Recommendations> ask,
      boolean similar) {
    Merged merged = null;
    for (Recommender member : chain) {
      if (similar && !member.supportsSimilarItems()) {
        continue;
      }
      Recommendations answer = ask.apply(member);
      if (!answer.isServed()) {
        continue;
      }
      if (!fill) {
        return answer;
      }
      if (merged == null) {
        merged = new Merged(k, items.size());
      }
      merged.add(answer);
      if (merged.isFull()) {
        break;
      }
    }
    return merged == null ? Recommendations.unserved(items) : merged.result(items);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(fill ? "FallbackRecommender.filling[" : "FallbackRecommender[");
    for (int j = 0; j < chain.length; j++) {
      sb.append(j == 0 ? "" : " -> ").append(chain[j]);
    }
    return sb.append(']').toString();
  }

  /** A list being completed from successive sources; skips items already present. */
  private static final class Merged {
    final int[] index;
    final float[] score;
    final Source[] sources;
    int size;
    Source firstServed;

    Merged(int k, int numItems) {
      int capacity = Math.min(k, numItems); // a list holds each item at most once
      index = new int[capacity];
      score = new float[capacity];
      sources = new Source[capacity];
    }

    boolean isFull() {
      return size == index.length;
    }

    void add(Recommendations r) {
      if (firstServed == null) {
        firstServed = r.source();
      }
      // items of earlier sources, sorted for binary search; a source lists an item at most once
      int[] listed = Arrays.copyOf(index, size);
      Arrays.sort(listed);
      for (int rank = 0; rank < r.size() && size < index.length; rank++) {
        int item = r.itemIndex(rank);
        if (Arrays.binarySearch(listed, item) < 0) {
          index[size] = item;
          score[size] = r.score(rank);
          sources[size] = r.source(rank);
          size++;
        }
      }
    }

    Recommendations result(IdIndex items) {
      Source first = size > 0 ? sources[0] : firstServed;
      boolean single = true;
      for (int p = 1; p < size; p++) {
        single &= sources[p].equals(first);
      }
      return new Recommendations(items, Arrays.copyOf(index, size), Arrays.copyOf(score, size),
          first, single ? null : Arrays.copyOf(sources, size));
    }
  }
}
