package dev.reco.monitoring.profile;

import java.util.Arrays;
import java.util.Objects;

/**
 * Numeric bin edges frozen from a reference sample. Strictly increasing finite edges
 * {@code e_0 < e_1 < ... < e_{k-1}} define {@code k + 1} bins: the underflow bin
 * {@code (-inf, e_0)}, the bins {@code [e_0, e_1)}, ..., {@code [e_{k-2}, e_{k-1})}, and the
 * overflow bin {@code [e_{k-1}, +inf)}. A value {@code v} falls in bin {@code #{j : e_j <= v}}
 * (primitive comparison, so {@code -0.0} and {@code 0.0} are the same value and infinities fall in
 * the outer bins). {@code NaN} is not binned: profiles count it as missing.
 *
 * <p>The same edges, read as cut points, give the same bins as the drift tests' {@code Binning}
 * with those cut points, so a profile's counts can be handed to PSI, chi-square or
 * Jensen-Shannon as they are.
 *
 * <h2>Quantile edges</h2>
 *
 * <p>For {@code n} sorted finite reference values {@code x[0] <= ... <= x[n-1]} and {@code B}
 * requested bins, the candidate edges are {@code x[0]} (the minimum), {@code x[floor(n q / B)]}
 * for {@code q = 1 .. B-1}, and {@code Math.nextUp(x[n-1])} (just above the maximum); repeated
 * candidates collapse into one. Every reference value then lies in one of the (at most {@code B})
 * inner bins, each inner bin holds at least one reference value, and the underflow and overflow
 * bins count only current values outside the reference range. Ties merge: a value repeated in
 * more than {@code n / B} rows gives fewer than {@code B} inner bins. A constant reference
 * {@code v} gets the edges {@code v, nextUp(v)}: one inner bin {@code [v, v]}. (If the maximum
 * is {@code Double.MAX_VALUE}, no finite edge lies above it; the edge is omitted and the maximum
 * counts in the overflow bin.)
 *
 * <h2>Equal-width edges</h2>
 *
 * <p>Edges {@code min + (max - min) * q / B} for {@code q = 0 .. B-1}, then {@code nextUp(max)};
 * edges that rounding makes equal collapse.
 *
 * <p>Immutable and thread-safe. Memory: {@code 8} bytes per edge.
 */
public final class NumericBins {
  /** Largest number of inner bins a factory accepts. */
  public static final int MAX_BINS = 10_000;

  /** Up to this many edges, {@link #bin(double[], double)} counts instead of searching. */
  static final int LINEAR_MAX = 16;

  private final double[] edges;

  private NumericBins(double[] edges) {
    this.edges = edges;
  }

  /**
   * Bins with the given edges.
   *
   * @param edges strictly increasing finite edges, at least one and at most {@code MAX_BINS + 1}
   * @return the bins ({@code edges.length + 1} of them, underflow and overflow included)
   * @throws IllegalArgumentException if there is no edge, too many, an edge is not finite or the
   *     edges are not strictly increasing
   */
  public static NumericBins ofEdges(double... edges) {
    Objects.requireNonNull(edges, "edges");
    if (edges.length == 0 || edges.length > MAX_BINS + 1) {
      throw new IllegalArgumentException("edges.length = " + edges.length
          + "; expected 1 <= edges.length <= " + (MAX_BINS + 1));
    }
    double[] copy = edges.clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Double.isFinite(copy[i])) {
        throw new IllegalArgumentException(
            "edges[" + i + "] = " + copy[i] + "; expected a finite edge");
      }
      if (i > 0 && !(copy[i] > copy[i - 1])) {
        throw new IllegalArgumentException("edges[" + i + "] = " + copy[i] + " after edges["
            + (i - 1) + "] = " + copy[i - 1] + "; expected strictly increasing edges");
      }
      copy[i] += 0.0; // -0.0 becomes 0.0: the same edge with a plainer label
    }
    return new NumericBins(copy);
  }

  /**
   * Quantile edges frozen from a reference sample (see the class documentation). Sorts a copy of
   * the finite values: {@code 8n} bytes and {@code O(n log n)} time, once.
   *
   * @param reference the reference values; {@code NaN} values are missing and skipped
   * @param bins requested number of inner bins, in {@code [1, MAX_BINS]}
   * @return the frozen bins
   * @throws IllegalArgumentException if {@code bins} is out of range, a reference value is
   *     infinite, or no reference value is present
   */
  public static NumericBins quantiles(double[] reference, int bins) {
    checkBins(bins);
    double[] sorted = presentSorted(reference);
    int n = sorted.length;
    double[] candidates = new double[bins + 1];
    candidates[0] = sorted[0];
    for (int q = 1; q < bins; q++) {
      candidates[q] = sorted[(int) ((long) n * q / bins)];
    }
    candidates[bins] = above(sorted[n - 1]);
    return new NumericBins(strictlyIncreasing(candidates));
  }

  /**
   * Equal-width edges between the reference minimum and maximum (see the class documentation).
   *
   * @param reference the reference values; {@code NaN} values are missing and skipped
   * @param bins requested number of inner bins, in {@code [1, MAX_BINS]}
   * @return the frozen bins
   * @throws IllegalArgumentException if {@code bins} is out of range, a reference value is
   *     infinite, or no reference value is present
   */
  public static NumericBins equalWidth(double[] reference, int bins) {
    checkBins(bins);
    Objects.requireNonNull(reference, "reference");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < reference.length; i++) {
      double v = reference[i];
      if (v != v) {
        continue;
      }
      checkFinite(i, v);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min > max) {
      throw noValues();
    }
    double[] candidates = new double[bins + 1];
    for (int q = 0; q < bins; q++) {
      double e = min + (max - min) * q / bins;
      if (!Double.isFinite(e)) {
        e = min + (max / bins - min / bins) * q; // max - min overflows
      }
      candidates[q] = e;
    }
    candidates[bins] = above(max);
    return new NumericBins(strictlyIncreasing(candidates));
  }

  /**
   * Returns the bin of a value: the number of edges {@code <= value}, in
   * {@code [0, edgeCount()]}. Branch-free: a count over up to 16 edges, a binary search over
   * more ({@code O(log k)}).
   *
   * @param value a non-NaN value (a NaN lands in bin 0; profiles count NaN as missing instead)
   * @return the bin index; 0 is the underflow bin, {@code edgeCount()} the overflow bin
   */
  public int bin(double value) {
    return bin(edges, value);
  }

  /**
   * The bin of {@code value} among {@code edges} (non-empty, strictly increasing): a branch-free
   * count for up to {@value #LINEAR_MAX} edges (no mispredicted branches, faster than a search at
   * that size), a branch-free binary search above.
   */
  static int bin(double[] edges, double value) {
    if (edges.length <= LINEAR_MAX) {
      int count = 0;
      for (double e : edges) {
        count += e <= value ? 1 : 0;
      }
      return count;
    }
    int base = 0;
    int n = edges.length;
    while (n > 1) {
      int half = n >>> 1;
      base = edges[base + half] <= value ? base + half : base;
      n -= half;
    }
    return base + (edges[base] <= value ? 1 : 0);
  }

  /**
   * Returns the number of bins, underflow and overflow included: {@code edgeCount() + 1}.
   *
   * @return the number of bins
   */
  public int bins() {
    return edges.length + 1;
  }

  /**
   * Returns the number of edges.
   *
   * @return the number of edges, {@code >= 1}
   */
  public int edgeCount() {
    return edges.length;
  }

  /**
   * Returns a copy of the edges.
   *
   * @return the strictly increasing edges
   */
  public double[] edges() {
    return edges.clone();
  }

  double[] edgeView() {
    return edges;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericBins b && Arrays.equals(b.edges, edges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    return "NumericBins" + Arrays.toString(edges);
  }

  private static void checkBins(int bins) {
    if (bins < 1 || bins > MAX_BINS) {
      throw new IllegalArgumentException(
          "bins = " + bins + "; expected 1 <= bins <= " + MAX_BINS);
    }
  }

  private static void checkFinite(int i, double v) {
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("reference[" + i + "] = " + v
          + "; expected a finite value or NaN (missing) to freeze bins from");
    }
  }

  private static IllegalArgumentException noValues() {
    return new IllegalArgumentException(
        "reference has no non-missing value; expected at least one to freeze bins from");
  }

  /** Just above {@code max}, or {@code max} itself if nothing finite is above it. */
  private static double above(double max) {
    double up = Math.nextUp(max);
    return Double.isFinite(up) ? up : max;
  }

  private static double[] presentSorted(double[] reference) {
    Objects.requireNonNull(reference, "reference");
    double[] present = new double[reference.length];
    int n = 0;
    for (int i = 0; i < reference.length; i++) {
      double v = reference[i];
      if (v != v) {
        continue;
      }
      checkFinite(i, v);
      present[n++] = v + 0.0;
    }
    if (n == 0) {
      throw noValues();
    }
    double[] sorted = Arrays.copyOf(present, n);
    Arrays.sort(sorted);
    return sorted;
  }

  private static double[] strictlyIncreasing(double[] candidates) {
    double[] out = new double[candidates.length];
    int k = 0;
    for (double c : candidates) {
      if (k == 0 || c > out[k - 1]) {
        out[k++] = c + 0.0;
      }
    }
    return Arrays.copyOf(out, k);
  }
}
