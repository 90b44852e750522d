package dev.reco.core.synth;

import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight, restricted to a prefix
 * {@code [0, prefix)} of the indexes. The generator orders users by join time and items by
 * appearance time, so "everyone present at time t" is always a prefix.
 *
 * <p>Two structures, 16 bytes per index. A Walker alias table (Vose, "A linear algorithm for
 * generating random numbers with a given distribution", IEEE TSE 1991) packs each cell's 32-bit
 * threshold and its alias into one {@code long}, so a draw over all indexes costs one uniform
 * and one memory access. A draw over a prefix that holds at least half of the total weight
 * rejects alias draws beyond the prefix (at most 2 tries expected, usually about 1); a lighter
 * prefix (only early in a period where most users or items are yet to arrive) uses binary
 * search over the inclusive cumulative sums. Immutable.
 */
final class PrefixSampler {
  private static final double TWO_32 = 4294967296.0;

  private final double[] cumulative; // cumulative[i] = w[0] + ... + w[i]
  private final long[] alias; // threshold (unsigned, of 2^32) << 32 | alias index
  private final int n;

  /**
   * Builds a sampler over the weights.
   *
   * @param weights non-negative finite weights, at least one, with a positive finite sum
   * @throws IllegalArgumentException if a weight is negative or not finite, or the sum is not
   *     positive and finite
   */
  PrefixSampler(double[] weights) {
    n = weights.length;
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
    alias = buildAlias(weights, sum);
  }

  /**
   * Vose's construction: scale weights to mean 1, then repeatedly fill an under-full cell
   * ("small") with mass from an over-full one ("large"). Cells left at the end (full, or off by
   * rounding) point to themselves, so their threshold does not matter.
   */
  private static long[] buildAlias(double[] weights, double sum) {
    int n = weights.length;
    double[] p = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      p[i] = weights[i] * (n / sum);
      if (p[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    long[] table = new long[n];
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      table[s] = pack(p[s], l);
      p[l] = (p[l] + p[s]) - 1;
      if (p[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      table[l] = pack(1, l);
    }
    while (ns > 0) {
      int s = small[--ns];
      table[s] = pack(1, s);
    }
    return table;
  }

  private static long pack(double threshold, int aliasIndex) {
    long t = (long) Math.min(threshold * TWO_32, TWO_32 - 1);
    return t << 32 | (aliasIndex & 0xFFFF_FFFFL);
  }

  /** Returns the number of indexes. */
  int size() {
    return n;
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
   * w[prefix - 1])}, consuming one or more uniforms from {@code rng}.
   *
   * @param rng the random stream
   * @param prefix a count in {@code [1, size()]} whose total weight is positive
   * @return the index
   */
  int sample(SplittableRandom rng, int prefix) {
    if (prefix == n) {
      return aliasDraw(Rand.uniform(rng));
    }
    if (cumulative[prefix - 1] >= 0.5 * cumulative[n - 1]) {
      while (true) {
        int i = aliasDraw(Rand.uniform(rng));
        if (i < prefix) {
          return i;
        }
      }
    }
    return search(Rand.uniform(rng), prefix);
  }

  /** One draw from the alias table over all indexes, for a uniform {@code u} in [0, 1). */
  int aliasDraw(double u) {
    double x = u * n;
    int i = Math.min((int) x, n - 1);
    long cell = alias[i];
    long f = (long) ((x - i) * TWO_32);
    return f < (cell >>> 32) ? i : (int) cell;
  }

  /**
   * The first index in {@code [0, prefix)} whose cumulative weight exceeds {@code u} times the
   * prefix's weight (the last index if rounding leaves none), by binary search.
   */
  int search(double u, int prefix) {
    int last = prefix - 1;
    double target = u * cumulative[last];
    int lo = 0;
    int hi = last;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Returns the exact probability that {@link #aliasDraw} returns {@code index}, as encoded in
   * the table (for tests): its own cell's share plus the shares other cells alias to it.
   */
  double aliasProbability(int index) {
    double mass = 0;
    for (int i = 0; i < n; i++) {
      long cell = alias[i];
      int a = (int) cell;
      double own = a == i ? TWO_32 : (cell >>> 32);
      if (i == index) {
        mass += own;
      }
      if (a == index && a != i) {
        mass += TWO_32 - own;
      }
    }
    return mass / TWO_32 / n;
  }
}
