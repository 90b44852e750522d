package dev.reco.core.synth;

/**
 * Draws an index with probability proportional to its weight, restricted to a prefix
 * {@code [0, prefix)} of the indexes. The generator orders users by join time and items by
 * appearance time, so "everyone present at time t" is always a prefix.
 *
 * <p>Inclusive cumulative sums plus a guide table (the "indexed search" of Chen and Asau, 1974;
 * Devroye, <i>Non-Uniform Random Variate Generation</i>, 1986, section III.2.4): cell {@code g}
 * of {@code n} equal cells of {@code [0, total)} stores the first index whose cumulative weight
 * exceeds the cell's lower edge, so a draw starts its linear search there. The expected number of
 * comparisons is below 2 whatever the weights; memory is 12 bytes per index. Immutable.
 */
final class CumulativeSampler {
  private final double[] cumulative; // cumulative[i] = w[0] + ... + w[i]
  private final int[] guide;
  private final double cellsPerWeight;

  /**
   * Builds a sampler over the weights.
   *
   * @param weights non-negative finite weights, at least one, with a positive finite sum
   * @throws IllegalArgumentException if a weight is negative or not finite, or the sum is not
   *     positive and finite
   */
  CumulativeSampler(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("weights is empty; expected at least one weight");
    }
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "weights[" + i + "] = " + w + "; expected a finite weight >= 0");
      }
      sum += w;
      cumulative[i] = sum;
    }
    if (!(sum > 0 && sum < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "sum of weights = " + sum + "; expected a positive finite sum");
    }
    guide = new int[n];
    cellsPerWeight = n / sum;
    int i = 0;
    for (int g = 0; g < n; g++) {
      double edge = g / cellsPerWeight;
      while (i < n - 1 && cumulative[i] <= edge) {
        i++;
      }
      guide[g] = i;
    }
  }

  /** Returns the number of indexes. */
  int size() {
    return cumulative.length;
  }

  /**
   * Returns the total weight of the first {@code prefix} indexes.
   *
   * @param prefix a count in {@code [1, size()]}
   * @return the weight, {@code >= 0}
   */
  double prefixWeight(int prefix) {
    return cumulative[prefix - 1];
  }

  /**
   * Draws an index in {@code [0, prefix)} with probability {@code w[i] / (w[0] + ... +
   * w[prefix - 1])}: the first index whose cumulative weight exceeds {@code u} times the
   * prefix's total weight.
   *
   * @param u a uniform number in {@code [0, 1)}
   * @param prefix a count in {@code [1, size()]} whose total weight is positive
   * @return the index
   */
  int sample(double u, int prefix) {
    int last = prefix - 1;
    double target = u * cumulative[last];
    int g = (int) (target * cellsPerWeight);
    int i = Math.min(guide[Math.min(g, guide.length - 1)], last);
    // Rounding in the cell computation can land one cell too far; step back if so.
    while (i > 0 && cumulative[i - 1] > target) {
      i--;
    }
    while (i < last && cumulative[i] <= target) {
      i++;
    }
    return i;
  }
}
