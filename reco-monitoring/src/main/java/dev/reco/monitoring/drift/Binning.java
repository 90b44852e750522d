package dev.reco.monitoring.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * Numeric bins frozen from a reference sample: strictly increasing finite cut points
 * {@code c_0 < ... < c_{k-1}} define the {@code k + 1} bins {@code (-inf, c_0)},
 * {@code [c_0, c_1)}, ..., {@code [c_{k-1}, +inf)}. The outer bins are open, so current values
 * outside the reference range still land in a bin. A value {@code v} falls in bin
 * {@code #{j : c_j <= v}} (primitive comparison: {@code -0.0} and {@code 0.0} are the same
 * value). Immutable and thread-safe.
 *
 * <h2>Quantile cut points</h2>
 *
 * <p>With {@code n} sorted non-missing reference values {@code x[0] <= ... <= x[n-1]} and
 * {@code B} requested bins, cut point {@code k} ({@code k = 1 .. B-1}) is the order statistic
 * {@code x[floor(n k / B)]} (NumPy: {@code np.sort(ref)[n * k // B]}). Without ties, bin
 * {@code k} then holds exactly the reference values of ranks {@code floor(n (k-1) / B)} to
 * {@code floor(n k / B) - 1}: every bin gets {@code n / B} values, give or take one. Ties are
 * merged: a run of equal values always shares one bin, repeated cut points collapse into one,
 * and a cut point equal to the reference minimum is replaced by the smallest reference value
 * above the minimum (so the first bin never starts empty). Every frozen quantile bin therefore
 * holds at least one reference value, and a value repeated in more than {@code n / B} rows gives
 * fewer than {@code B} bins.
 *
 * <h2>Equal-width cut points</h2>
 *
 * <p>Cut point {@code k} is {@code min + (max - min) * k / B} (evaluated in that order), for the
 * reference minimum and maximum; cut points that rounding makes equal or not above {@code min}
 * are dropped. Equal-width bins may be empty in the reference; the tests' epsilon policy handles
 * that.
 *
 * <h2>Constant reference</h2>
 *
 * <p>A reference with a single distinct value {@code v} gets the cut points {@code v} and
 * {@code Math.nextUp(v)}: the bins {@code (-inf, v)}, {@code [v, v]} and {@code (v, +inf)}, so that
 * any current value other than {@code v} shows up as a change.
 */
public final class Binning {
  private final double[] cuts;

  private Binning(double[] cuts) {
    this.cuts = cuts;
  }

  /**
   * Fixed cut points.
   *
   * @param cuts strictly increasing finite cut points, at least one
   * @return the bins
   * @throws IllegalArgumentException if the cut points are empty, not finite or not strictly
   *     increasing
   */
  public static Binning ofCuts(double... cuts) {
    Objects.requireNonNull(cuts, "cuts");
    checkCuts(cuts);
    double[] copy = cuts.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] += 0.0; // -0.0 becomes 0.0, the same cut point with a plainer label
    }
    return new Binning(copy);
  }

  /**
   * Quantile bins frozen from a reference sample (see the class documentation).
   *
   * @param reference reference values; {@code NaN} values are missing and ignored
   * @param bins requested number of bins, in {@code [2, 10_000]}
   * @return the bins
   * @throws IllegalArgumentException if {@code bins} is out of range, or {@code reference} holds
   *     an infinite value or no non-missing value
   */
  public static Binning quantiles(double[] reference, int bins) {
    checkBins(bins);
    double[] sorted = Checks.sortedPresent("reference", reference);
    int n = sorted.length;
    requirePresent(n);
    double min = sorted[0];
    double aboveMin = Double.NaN;
    double[] cuts = new double[bins - 1];
    int k = 0;
    for (int q = 1; q < bins; q++) {
      double c = sorted[(int) ((long) n * q / bins)];
      if (c == min) {
        if (Double.isNaN(aboveMin)) {
          aboveMin = firstAbove(sorted, min);
        }
        c = aboveMin;
      }
      if (!Double.isNaN(c) && (k == 0 || c > cuts[k - 1])) {
        cuts[k++] = c + 0.0;
      }
    }
    return k == 0 ? constant(min) : new Binning(Arrays.copyOf(cuts, k));
  }

  /**
   * Equal-width bins between the reference minimum and maximum (see the class documentation).
   *
   * @param reference reference values; {@code NaN} values are missing and ignored
   * @param bins requested number of bins, in {@code [2, 10_000]}
   * @return the bins
   * @throws IllegalArgumentException if {@code bins} is out of range, or {@code reference} holds
   *     an infinite value or no non-missing value
   */
  public static Binning equalWidth(double[] reference, int bins) {
    checkBins(bins);
    Objects.requireNonNull(reference, "reference");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long n = 0;
    for (int i = 0; i < reference.length; i++) {
      double v = reference[i];
      if (v != v) {
        continue;
      }
      if (Double.isInfinite(v)) {
        throw Checks.infinite("reference", i, v);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
    }
    requirePresent(n);
    if (min == max) {
      return constant(min);
    }
    double[] cuts = new double[bins - 1];
    int k = 0;
    double last = min;
    for (int q = 1; q < bins; q++) {
      double c = min + (max - min) * q / bins;
      if (Double.isInfinite(c) || Double.isNaN(c)) {
        c = min + (max / bins - min / bins) * q; // max - min overflows
      }
      if (c > last) {
        cuts[k++] = c + 0.0;
        last = c;
      }
    }
    return k == 0 ? constant(min) : new Binning(Arrays.copyOf(cuts, k));
  }

  private static Binning constant(double v) {
    double value = v + 0.0;
    return value == Double.MAX_VALUE
        ? new Binning(new double[] {value})
        : new Binning(new double[] {value, Math.nextUp(value)});
  }

  /** The smallest value of {@code sorted} above {@code min}, or {@code NaN} if none. */
  private static double firstAbove(double[] sorted, double min) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= min) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < sorted.length ? sorted[lo] : Double.NaN;
  }

  private static void checkBins(int bins) {
    if (bins < 2 || bins > BinSpec.MAX_BINS) {
      throw new IllegalArgumentException(
          "bins = " + bins + "; expected 2 <= bins <= " + BinSpec.MAX_BINS);
    }
  }

  private static void requirePresent(long n) {
    if (n == 0) {
      throw new IllegalArgumentException(
          "reference has no non-missing value; expected at least one to freeze bins from");
    }
  }

  static void checkCuts(double[] cuts) {
    if (cuts.length == 0) {
      throw new IllegalArgumentException("cuts is empty; expected at least one cut point");
    }
    if (cuts.length > BinSpec.MAX_BINS - 1) {
      throw new IllegalArgumentException("cuts.length = " + cuts.length + "; expected at most "
          + (BinSpec.MAX_BINS - 1));
    }
    for (int i = 0; i < cuts.length; i++) {
      if (!Double.isFinite(cuts[i])) {
        throw new IllegalArgumentException(
            "cuts[" + i + "] = " + cuts[i] + "; expected a finite cut point");
      }
      if (i > 0 && !(cuts[i] > cuts[i - 1])) {
        throw new IllegalArgumentException("cuts[" + i + "] = " + cuts[i] + " after cuts["
            + (i - 1) + "] = " + cuts[i - 1] + "; expected strictly increasing cut points");
      }
    }
  }

  /**
   * Returns the number of bins, {@code cuts().length + 1}.
   *
   * @return the number of bins
   */
  public int bins() {
    return cuts.length + 1;
  }

  /**
   * Returns a copy of the cut points.
   *
   * @return the strictly increasing cut points
   */
  public double[] cuts() {
    return cuts.clone();
  }

  /**
   * Returns the bin of a value: the number of cut points {@code <= value}.
   *
   * @param value a finite value
   * @return the bin index, in {@code [0, bins())}
   * @throws IllegalArgumentException if {@code value} is {@code NaN} or infinite
   */
  public int binOf(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value = " + value + "; expected a finite value");
    }
    return search(cuts, value);
  }

  /** Largest number of cut points for which counting compares a value with every cut point. */
  static final int LINEAR_CUTS = 16;

  /**
   * Number of cut points {@code <= v}: a binary search with primitive comparisons whose steps
   * only move {@code base}, so the JIT can use conditional moves instead of branches that random
   * data mispredicts.
   */
  static int search(double[] c, double v) {
    int base = 0;
    int n = c.length;
    while (n > 1) {
      int half = n >>> 1;
      base = c[base + half] <= v ? base + half : base;
      n -= half;
    }
    return base + (c[base] <= v ? 1 : 0);
  }

  /** Number of cut points {@code <= v} by comparing with each: no branch, for few cut points. */
  static int scan(double[] c, double v) {
    int k = 0;
    for (int j = 0; j < c.length; j++) {
      k += c[j] <= v ? 1 : 0;
    }
    return k;
  }

  /**
   * Counts values per bin; {@code NaN} values are counted as missing.
   *
   * @param values the values
   * @return the counts
   * @throws IllegalArgumentException if {@code values} holds an infinite value
   */
  public BinCounts count(double[] values) {
    long[] counts = new long[bins()];
    long missing = countInto("values", values, counts);
    return new BinCounts(counts, missing, false);
  }

  /** Adds the bin counts of {@code values} to {@code counts} and returns the missing count. */
  long countInto(String name, double[] values, long[] counts) {
    Objects.requireNonNull(values, name);
    final double[] c = cuts;
    final boolean linear = c.length <= LINEAR_CUTS;
    long missing = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (v != v) {
        missing++;
        continue;
      }
      if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
        throw Checks.infinite(name, i, v);
      }
      counts[linear ? scan(c, v) : search(c, v)]++;
    }
    return missing;
  }

  /**
   * Returns the inclusive lower end of a bin.
   *
   * @param bin the bin index
   * @return the lower end, {@code -Infinity} for bin 0
   * @throws IndexOutOfBoundsException if {@code bin} is out of range
   */
  public double lower(int bin) {
    Objects.checkIndex(bin, bins());
    return bin == 0 ? Double.NEGATIVE_INFINITY : cuts[bin - 1];
  }

  /**
   * Returns the exclusive upper end of a bin.
   *
   * @param bin the bin index
   * @return the upper end, {@code +Infinity} for the last bin
   * @throws IndexOutOfBoundsException if {@code bin} is out of range
   */
  public double upper(int bin) {
    Objects.checkIndex(bin, bins());
    return bin == cuts.length ? Double.POSITIVE_INFINITY : cuts[bin];
  }

  /**
   * Returns a printable name of a bin, e.g. {@code "[0.5, 1.25)"} or {@code "(-inf, 0.5)"}.
   *
   * @param bin the bin index
   * @return the label
   * @throws IndexOutOfBoundsException if {@code bin} is out of range
   */
  public String label(int bin) {
    Objects.checkIndex(bin, bins());
    String lo = bin == 0 ? "(-inf" : "[" + cuts[bin - 1];
    String hi = bin == cuts.length ? "+inf)" : cuts[bin] + ")";
    return lo + ", " + hi;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Binning b && Arrays.equals(b.cuts, cuts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cuts);
  }

  @Override
  public String toString() {
    return "Binning" + Arrays.toString(cuts);
  }
}
