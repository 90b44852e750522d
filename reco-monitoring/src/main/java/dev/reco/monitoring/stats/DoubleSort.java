package dev.reco.monitoring.stats;

import java.util.Arrays;

/**
 * Sorts doubles into the same order as {@link Arrays#sort(double[])} (so {@code -0.0} before
 * {@code 0.0}) with a least-significant-digit radix sort on their bit patterns: six passes of
 * 11 bits, skipping a pass when every value shares that digit. For a million values this is
 * several times faster than a comparison sort; below {@link #RADIX_MIN} values the comparison
 * sort is used. Needs two {@code long[n]} buffers (16 bytes per value).
 */
final class DoubleSort {
  /** Fewest values for which the radix sort is used. */
  static final int RADIX_MIN = 4096;

  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;
  private static final int MASK = BUCKETS - 1;
  private static final int PASSES = (64 + BITS - 1) / BITS;

  private DoubleSort() {}

  /**
   * Returns a sorted copy of {@code values}, or {@code null} if a value is NaN.
   *
   * @param values the values; not modified
   * @return the values in ascending order, or {@code null} when one is NaN
   */
  static double[] sortedCopy(double[] values) {
    int n = values.length;
    if (n < RADIX_MIN) {
      double[] copy = values.clone();
      Arrays.sort(copy);
      if (n > 0 && Double.isNaN(copy[n - 1])) { // Arrays.sort puts NaN last
        return null;
      }
      return copy;
    }
    long[] keys = new long[n];
    int[][] counts = new int[PASSES][BUCKETS];
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (v != v) {
        return null;
      }
      long bits = Double.doubleToRawLongBits(v);
      // Negative values: flip every bit (larger magnitude sorts first); others: flip the sign.
      long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
      keys[i] = key;
      for (int p = 0; p < PASSES; p++) {
        counts[p][(int) (key >>> (p * BITS)) & MASK]++;
      }
    }
    long[] from = keys;
    long[] to = new long[n];
    for (int p = 0; p < PASSES; p++) {
      int[] count = counts[p];
      int shift = p * BITS;
      if (count[(int) (from[0] >>> shift) & MASK] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long key = from[i];
        to[count[(int) (key >>> shift) & MASK]++] = key;
      }
      long[] t = from;
      from = to;
      to = t;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long key = from[i];
      // Inverse: keys with the top bit set came from non-negative values.
      long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
      out[i] = Double.longBitsToDouble(bits);
    }
    return out;
  }
}
