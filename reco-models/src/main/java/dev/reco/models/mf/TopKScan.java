package dev.reco.models.mf;

import dev.reco.core.IdIndex;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import dev.reco.core.recommend.TopK;
import java.util.function.IntPredicate;

/**
 * Keeps the top {@code k} eligible items of one request while the catalog is scored tile by tile,
 * so no score array of the catalog's size is needed and most items cost one comparison.
 *
 * <p>Tiles are offered in increasing item order. Once the heap holds {@code k} items, a later
 * item (higher index) can only enter with a score strictly above the worst kept score (on equal
 * scores the lower index ranks first), so every other item is rejected by that one comparison;
 * only items that pass it are checked for eligibility (for a request,
 * {@link CandidateSelector#isEligible}: allow and deny lists, seen items, the query item, the
 * filter, which is therefore called at most once per item) and offered to a {@link TopK}. With a
 * request's selector the result equals {@link CandidateSelector#selectByScore(float[], Source)} on
 * the whole score array whenever {@link #applies} holds: the top {@code k} eligible items by
 * score, ties by lower index, NaN skipped, {@code -0.0} reported as {@code 0.0}.
 *
 * <p>Not thread-safe; one instance per request.
 */
final class TopKScan {
  private final IntPredicate eligibility;
  private final TopK top;
  private boolean full;
  private float threshold = Float.NEGATIVE_INFINITY;

  /**
   * Creates a scan for one request.
   *
   * @param eligibility which items may be kept, e.g. a request's
   *     {@link CandidateSelector#isEligible}; called at most once per item
   * @param k the requested length, {@code >= 1}
   * @param candidates the number of items that will be offered
   */
  TopKScan(IntPredicate eligibility, int k, int candidates) {
    this.eligibility = eligibility;
    this.top = new TopK(Math.max(1, Math.min(k, candidates)));
  }

  /**
   * Returns whether the tile-wise scan gives the selector's answer for these options: not with a
   * category cap (which walks the ranking below the top {@code k}) nor with an allow-list (the
   * selector then visits only the allowed items, which is cheaper than scanning the catalog).
   *
   * @param options the request options
   * @return whether {@link TopKScan} may serve the request
   */
  static boolean applies(RecommendOptions options) {
    return options.categoryCap().isEmpty() && options.allowList().isEmpty();
  }

  /**
   * Offers items {@code firstItem .. firstItem + len - 1} with scores {@code scores[0 .. len)}.
   * Calls must come in increasing item order without overlap.
   *
   * @param scores the tile's scores
   * @param len number of items in the tile
   * @param firstItem the item index of {@code scores[0]}
   */
  void offer(float[] scores, int len, int firstItem) {
    for (int r = 0; r < len; r++) {
      offer(firstItem + r, scores[r]);
    }
  }

  /**
   * Offers one item; items must come in increasing order, also across calls of
   * {@link #offer(float[], int, int)}.
   *
   * @param item the item index
   * @param s its score
   */
  void offer(int item, float s) {
    // full: only a strictly higher score ranks before the worst kept (it has a lower index);
    // not full: everything but NaN is a candidate
    if (full ? s > threshold : s == s) {
      if (eligibility.test(item)) {
        top.offer(item, s);
        if (top.isFull()) {
          full = true;
          threshold = top.threshold();
        }
      }
    }
  }

  /**
   * Returns the kept items, best first.
   *
   * @param items the index the items refer to
   * @param source the serving source
   * @return the list
   */
  Recommendations result(IdIndex items, Source source) {
    int[] ids = new int[top.size()];
    float[] scores = new float[ids.length];
    top.drainTo(ids, scores);
    return Recommendations.of(items, ids, scores, source);
  }
}
