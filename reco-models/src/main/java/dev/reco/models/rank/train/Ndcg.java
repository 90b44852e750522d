package dev.reco.models.rank.train;

import java.util.Arrays;

/**
 * NDCG@K over grouped rows, the metric LambdaMART optimizes and reports.
 *
 * <p>The row at 0-based rank {@code i} of a group contributes {@code (2^label - 1) / log2(i + 2)}
 * when {@code i < K}; the ideal DCG sorts the group's labels in decreasing order. Rows are ranked
 * by decreasing score, ties by increasing row index (the order of the data, which is what a stable
 * sort of the candidates gives). A group whose ideal DCG is 0 (every label 0) has no NDCG: it is
 * skipped by {@link #mean}, which is {@code NaN} when every group is skipped.
 */
final class Ndcg {
  private Ndcg() {}

  /** Returns the gain {@code 2^label - 1}. */
  static double gain(float label) {
    return Math.pow(2.0, label) - 1.0;
  }

  /** Returns {@code 1 / log2(position + 2)} for a 0-based rank. */
  static double discount(int position) {
    return 1.0 / (Math.log(position + 2.0) / Math.log(2.0));
  }

  /** Returns the ideal DCG@K of the labels {@code from <= r < to}. */
  static double idealDcg(float[] labels, int from, int to, int k) {
    float[] sorted = Arrays.copyOfRange(labels, from, to);
    Arrays.sort(sorted);
    double dcg = 0.0;
    int n = sorted.length;
    for (int i = 0; i < Math.min(k, n); i++) {
      dcg += gain(sorted[n - 1 - i]) * discount(i);
    }
    return dcg;
  }

  /**
   * Writes the rows {@code from .. to-1} to {@code order[0 .. to-from-1]} by decreasing score,
   * ties by increasing row (a stable merge sort; {@code tmp} is scratch of the same length).
   */
  static void rank(double[] scores, int from, int to, int[] order, int[] tmp) {
    int n = to - from;
    for (int i = 0; i < n; i++) {
      order[i] = from + i;
    }
    if (n <= 24) {
      insertion(scores, order, 0, n);
      return;
    }
    mergeSort(scores, order, tmp, 0, n);
  }

  private static void insertion(double[] s, int[] a, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      int v = a[i];
      double sv = s[v];
      int j = i - 1;
      while (j >= lo && s[a[j]] < sv) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void mergeSort(double[] s, int[] a, int[] tmp, int lo, int hi) {
    if (hi - lo <= 24) {
      insertion(s, a, lo, hi);
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(s, a, tmp, lo, mid);
    mergeSort(s, a, tmp, mid, hi);
    if (!(s[a[mid - 1]] < s[a[mid]])) {
      // Already ordered: the last of the left half is not below the first of the right half.
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    int o = lo;
    while (i < mid && j < hi) {
      // Take from the right only when strictly greater: equal scores keep their order.
      a[o++] = s[tmp[j]] > s[tmp[i]] ? tmp[j++] : tmp[i++];
    }
    while (i < mid) {
      a[o++] = tmp[i++];
    }
    while (j < hi) {
      a[o++] = tmp[j++];
    }
  }

  /**
   * Returns NDCG@K of one group ranked by {@code scores}, or {@code NaN} when its ideal DCG is 0.
   */
  static double group(float[] labels, double[] scores, int from, int to, int k) {
    int n = to - from;
    int[] order = new int[n];
    rank(scores, from, to, order, new int[n]);
    return ofOrder(labels, from, to, k, order);
  }

  private static double ofOrder(float[] labels, int from, int to, int k, int[] order) {
    return ofOrder(labels, from, to, k, order, idealDcg(labels, from, to, k));
  }

  private static double ofOrder(
      float[] labels, int from, int to, int k, int[] order, double ideal) {
    if (ideal == 0.0) {
      return Double.NaN;
    }
    double dcg = 0.0;
    for (int i = 0; i < Math.min(k, to - from); i++) {
      dcg += gain(labels[order[i]]) * discount(i);
    }
    return dcg / ideal;
  }

  /**
   * Returns the mean NDCG@K over the groups with a positive ideal DCG, or {@code NaN} if there is
   * none.
   */
  static double mean(float[] labels, int[] offsets, double[] scores, int k) {
    return mean(labels, offsets, idealDcgs(labels, offsets, k), scores, k);
  }

  /** Returns the ideal DCG@K of every group. */
  static double[] idealDcgs(float[] labels, int[] offsets, int k) {
    double[] ideal = new double[offsets.length - 1];
    for (int g = 0; g < ideal.length; g++) {
      ideal[g] = idealDcg(labels, offsets[g], offsets[g + 1], k);
    }
    return ideal;
  }

  /** As {@link #mean(float[], int[], double[], int)} with the groups' ideal DCGs given. */
  static double mean(float[] labels, int[] offsets, double[] ideal, double[] scores, int k) {
    int groups = offsets.length - 1;
    int longest = 0;
    for (int g = 0; g < groups; g++) {
      longest = Math.max(longest, offsets[g + 1] - offsets[g]);
    }
    int[] order = new int[longest];
    int[] tmp = new int[longest];
    double sum = 0.0;
    int counted = 0;
    for (int g = 0; g < groups; g++) {
      int from = offsets[g];
      int to = offsets[g + 1];
      rank(scores, from, to, order, tmp);
      double v = ofOrder(labels, from, to, k, order, ideal[g]);
      if (v == v) {
        sum += v;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }
}
