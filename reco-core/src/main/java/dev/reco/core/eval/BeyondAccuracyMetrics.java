package dev.reco.core.eval;

import java.util.Objects;

/**
 * Per-list measures beyond accuracy: novelty, average recommendation popularity and intra-list
 * diversity. Stateless and thread-safe. Catalog-wide measures (coverage, Gini) need every list
 * and live in {@link RecommendationCounts}.
 *
 * <p>Each function looks at the first {@code n = min(k, length)} items of {@code ranked}, which
 * must be distinct item ids in range of the item data passed. A list with no item (or, for
 * diversity, fewer than two) has no defined value and is refused; the caller leaves such users
 * out of the average. Per-user values are averaged over users with {@link MeanAccumulator}.
 */
public final class BeyondAccuracyMetrics {
  private BeyondAccuracyMetrics() {}

  /**
   * Returns the novelty of a list: the mean self-information of its items,
   * {@code (1/n) * sum_i -log2 p(i)}, with {@code p(i)} the share of training users who
   * interacted with item {@code i} (see {@link ItemPopularity} for items no user touched).
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param k cutoff, {@code >= 1}
   * @param popularity training popularity of every item
   * @return novelty in bits, in {@code [0, log2(numUsers)]}
   * @throws IllegalArgumentException if {@code k < 1}, {@code length} is out of range, the list
   *     is empty, repeats an item or holds an item outside the popularity table
   */
  public static double novelty(int[] ranked, int length, int k, ItemPopularity popularity) {
    Objects.requireNonNull(popularity, "popularity");
    int n = checkList(ranked, length, k, popularity.numItems(), 1);
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += popularity.selfInformationUnchecked(ranked[i]);
    }
    return sum / n;
  }

  /**
   * Returns the average popularity of a list: the mean number of training users who interacted
   * with its items, {@code (1/n) * sum_i users(i)}. Its mean over users is ARP (average
   * recommendation popularity, Abdollahpouri et al., FLAIRS 2019); lower means less popularity
   * bias.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param k cutoff, {@code >= 1}
   * @param popularity training popularity of every item
   * @return the mean user count, in {@code [0, numUsers]}
   * @throws IllegalArgumentException as {@link #novelty}
   */
  public static double averagePopularity(
      int[] ranked, int length, int k, ItemPopularity popularity) {
    Objects.requireNonNull(popularity, "popularity");
    int n = checkList(ranked, length, k, popularity.numItems(), 1);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += popularity.usersUnchecked(ranked[i]);
    }
    return (double) sum / n;
  }

  /**
   * Returns the intra-list diversity of a list by item vectors: the mean cosine distance
   * {@code 1 - cos(v_a, v_b)} over all {@code n(n-1)/2} unordered pairs of distinct positions.
   * Cosine distance lies in [0, 2] (0 for parallel vectors, 1 for orthogonal, 2 for opposite);
   * each pair's value is clamped to that range against rounding.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param k cutoff, {@code >= 2}
   * @param itemVectors vectors of all items, row-major: item {@code i} occupies
   *     {@code [i * dimension, (i + 1) * dimension)}
   * @param dimension vector length, {@code >= 1}, dividing {@code itemVectors.length}
   * @return the mean pairwise distance, in [0, 2]
   * @throws IllegalArgumentException if the list has fewer than two items, repeats an item, or
   *     holds an item without a vector, if a listed item's vector is zero or not finite, or if
   *     {@code dimension} does not fit {@code itemVectors}
   */
  public static double intraListCosineDistance(
      int[] ranked, int length, int k, float[] itemVectors, int dimension) {
    Objects.requireNonNull(itemVectors, "itemVectors");
    if (dimension < 1 || itemVectors.length % dimension != 0) {
      throw new IllegalArgumentException("dimension = " + dimension + " with itemVectors.length = "
          + itemVectors.length + "; expected dimension >= 1 dividing the length");
    }
    int n = checkList(ranked, length, k, itemVectors.length / dimension, 2);
    double[] norms = new double[n];
    for (int a = 0; a < n; a++) {
      int base = ranked[a] * dimension;
      double s = 0.0;
      for (int d = 0; d < dimension; d++) {
        double x = itemVectors[base + d];
        s += x * x;
      }
      double norm = Math.sqrt(s);
      if (!(norm > 0.0) || Double.isInfinite(norm)) {
        throw new IllegalArgumentException("vector of item " + ranked[a] + " (ranked[" + a
            + "]) has norm " + norm + "; expected a finite, non-zero vector");
      }
      norms[a] = norm;
    }
    double sum = 0.0;
    for (int a = 0; a < n; a++) {
      int baseA = ranked[a] * dimension;
      for (int b = a + 1; b < n; b++) {
        int baseB = ranked[b] * dimension;
        double dot = 0.0;
        for (int d = 0; d < dimension; d++) {
          dot += (double) itemVectors[baseA + d] * itemVectors[baseB + d];
        }
        double distance = 1.0 - dot / (norms[a] * norms[b]);
        sum += Math.min(2.0, Math.max(0.0, distance));
      }
    }
    return sum / ((double) n * (n - 1) / 2.0);
  }

  /**
   * Returns the intra-list diversity of a list by categories: the share of the
   * {@code n(n-1)/2} unordered pairs of distinct positions whose items are in different
   * categories (each item has exactly one category).
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param k cutoff, {@code >= 2}
   * @param itemCategory category id of every item
   * @return a value in [0, 1]: 0 when all items share a category, 1 when all differ
   * @throws IllegalArgumentException if the list has fewer than two items, repeats an item, or
   *     holds an item outside {@code itemCategory}
   */
  public static double intraListCategoryDiversity(
      int[] ranked, int length, int k, int[] itemCategory) {
    Objects.requireNonNull(itemCategory, "itemCategory");
    int n = checkList(ranked, length, k, itemCategory.length, 2);
    long different = 0;
    for (int a = 0; a < n; a++) {
      int ca = itemCategory[ranked[a]];
      for (int b = a + 1; b < n; b++) {
        if (itemCategory[ranked[b]] != ca) {
          different++;
        }
      }
    }
    return different / ((double) n * (n - 1) / 2.0);
  }

  /** Validates a list against a catalog and returns {@code n = min(k, length)}. */
  static int checkList(int[] ranked, int length, int k, int numItems, int minItems) {
    Checks.k(k);
    Checks.length(ranked, length);
    int n = Math.min(k, length);
    if (n < minItems) {
      throw new IllegalArgumentException("min(k, length) = " + n + " (k = " + k + ", length = "
          + length + "); expected at least " + minItems + (minItems == 1 ? " item" : " items"));
    }
    for (int i = 0; i < length; i++) {
      if (ranked[i] < 0 || ranked[i] >= numItems) {
        throw new IllegalArgumentException("ranked[" + i + "] = " + ranked[i]
            + "; expected an item in [0, " + numItems + ")");
      }
    }
    Checks.distinct(ranked, length, null);
    return n;
  }
}
