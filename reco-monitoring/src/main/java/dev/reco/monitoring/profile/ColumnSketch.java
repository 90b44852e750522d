package dev.reco.monitoring.profile;

import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * An immutable copy of one numeric column's quantile sketch: the items a KLL sketch retained,
 * their cumulative weights, and the sketch's rank-error bound. Answers CDF and quantile queries
 * and feeds {@link SketchKs}. Thread-safe.
 *
 * <p>While a sketch has retained every value it saw ({@link #exact()}), its CDF is the exact
 * empirical CDF and its rank error is 0. Past that, every CDF value it returns is within
 * {@link #normalizedRankError()} of the true empirical CDF with about 99% confidence (the bound
 * DataSketches publishes for KLL sketches).
 */
public final class ColumnSketch {
  private final long n;
  private final int k;
  private final boolean exact;
  private final double[] items;
  private final long[] cumulative; // inclusive cumulative weight of items[0..i]
  private final double min;
  private final double max;

  private ColumnSketch(long n, int k, boolean exact, double[] items, long[] cumulative,
      double min, double max) {
    this.n = n;
    this.k = k;
    this.exact = exact;
    this.items = items;
    this.cumulative = cumulative;
    this.min = min;
    this.max = max;
  }

  static ColumnSketch of(KllDoublesSketch sketch) {
    if (sketch.isEmpty()) {
      return new ColumnSketch(0, sketch.getK(), true, new double[0], new long[0], Double.NaN,
          Double.NaN);
    }
    DoublesSortedView view = sketch.getSortedView();
    return new ColumnSketch(sketch.getN(), sketch.getK(), !sketch.isEstimationMode(),
        view.getQuantiles().clone(), view.getCumulativeWeights().clone(), sketch.getMinItem(),
        sketch.getMaxItem());
  }

  /**
   * Returns the number of values sketched.
   *
   * @return the count; missing values are not sketched
   */
  public long n() {
    return n;
  }

  /**
   * Returns the KLL parameter {@code k} of the sketch.
   *
   * @return {@code k}
   */
  public int k() {
    return k;
  }

  /**
   * Returns whether the sketch still holds every value it saw, so that its CDF is exact.
   *
   * @return {@code true} if no value was compacted away
   */
  public boolean exact() {
    return exact;
  }

  /**
   * Returns the bound on the absolute error of {@link #cdf}: 0 for an {@link #exact()} sketch,
   * otherwise the KLL normalized rank error for this {@code k} (about 99% confidence), e.g.
   * 0.0133 for {@code k = 200}.
   *
   * @return the rank-error bound, in {@code [0, 1]}
   */
  public double normalizedRankError() {
    return exact ? 0.0 : KllSketch.getNormalizedRankError(k, false);
  }

  /**
   * Returns the smallest value sketched.
   *
   * @return the minimum, or {@code NaN} if the sketch is empty
   */
  public double min() {
    return min;
  }

  /**
   * Returns the largest value sketched.
   *
   * @return the maximum, or {@code NaN} if the sketch is empty
   */
  public double max() {
    return max;
  }

  /**
   * Returns the estimated fraction of sketched values {@code <= x}.
   *
   * @param x the point
   * @return the estimated CDF at {@code x}, in {@code [0, 1]}
   * @throws IllegalStateException if the sketch is empty
   * @throws IllegalArgumentException if {@code x} is NaN
   */
  public double cdf(double x) {
    requireNonEmpty();
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("x = NaN; expected a number");
    }
    return (double) weightAtOrBelow(x) / n;
  }

  /**
   * Returns the estimated quantile: the smallest retained value whose estimated CDF is at least
   * {@code rank}.
   *
   * @param rank the normalized rank, in {@code [0, 1]}
   * @return the quantile
   * @throws IllegalStateException if the sketch is empty
   * @throws IllegalArgumentException if {@code rank} is outside {@code [0, 1]}
   */
  public double quantile(double rank) {
    requireNonEmpty();
    if (!(rank >= 0.0 && rank <= 1.0)) {
      throw new IllegalArgumentException("rank = " + rank + "; expected 0 <= rank <= 1");
    }
    double target = rank * n;
    for (int lo = 0, hi = items.length - 1; ; ) {
      if (lo >= hi) {
        return items[lo];
      }
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
  }

  /** Total weight of retained items {@code <= x}. */
  long weightAtOrBelow(double x) {
    int lo = 0;
    int hi = items.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (items[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == 0 ? 0 : cumulative[lo - 1];
  }

  double[] itemView() {
    return items;
  }

  long[] cumulativeView() {
    return cumulative;
  }

  private void requireNonEmpty() {
    if (n == 0) {
      throw new IllegalStateException("sketch is empty; expected at least one sketched value");
    }
  }

  @Override
  public String toString() {
    return "ColumnSketch[n=" + n + ", k=" + k + ", retained=" + items.length + ", exact=" + exact
        + ", min=" + min + ", max=" + max + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnSketch s && s.n == n && s.k == k && s.exact == exact
        && Arrays.equals(s.items, items) && Arrays.equals(s.cumulative, cumulative)
        && Double.compare(s.min, min) == 0 && Double.compare(s.max, max) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(items) * 31 + Long.hashCode(n);
  }
}
