package dev.reco.monitoring.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * How to freeze numeric bins from a reference sample: the method and the number of bins, or
 * explicit cut points. Immutable; validated on construction. {@link #fit(double[])} applies it.
 *
 * <p>Cost: fitting quantile bins sorts a copy of the reference ({@code 8n} bytes, O(n log n));
 * equal-width bins need one pass. Counting a sample against the frozen bins is a binary search
 * over the cut points per value.
 *
 * @param method quantile, equal-width or explicit cut points
 * @param bins requested number of bins, in {@code [2, 10_000]} ({@code cuts.length + 1} for
 *     explicit cut points); ties in the reference may leave fewer
 * @param cuts the explicit cut points, strictly increasing and finite; empty for other methods
 */
public record BinSpec(BinningMethod method, int bins, double[] cuts) {

  /** Largest number of bins a spec may request. */
  public static final int MAX_BINS = 10_000;

  /** The default number of bins: 10. */
  public static final int DEFAULT_BINS = 10;

  /**
   * Validates and copies the cut points.
   *
   * @throws IllegalArgumentException if {@code bins} is out of range, or the cut points do not
   *     suit the method
   */
  public BinSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(cuts, "cuts");
    cuts = cuts.clone();
    if (method == BinningMethod.EXPLICIT) {
      Binning.checkCuts(cuts);
      if (bins != cuts.length + 1) {
        throw new IllegalArgumentException("bins = " + bins + " with " + cuts.length
            + " explicit cuts; expected bins = cuts.length + 1 = " + (cuts.length + 1));
      }
    } else {
      if (cuts.length != 0) {
        throw new IllegalArgumentException("cuts.length = " + cuts.length + " for method "
            + method + "; expected no cut points (they are fitted from the reference)");
      }
      if (bins < 2 || bins > MAX_BINS) {
        throw new IllegalArgumentException(
            "bins = " + bins + "; expected 2 <= bins <= " + MAX_BINS);
      }
    }
  }

  /**
   * Quantile bins: about equal reference shares per bin.
   *
   * @param bins number of bins, in {@code [2, 10_000]}
   * @return the spec
   * @throws IllegalArgumentException if {@code bins} is out of range
   */
  public static BinSpec quantiles(int bins) {
    return new BinSpec(BinningMethod.QUANTILE, bins, new double[0]);
  }

  /**
   * Equal-width bins between the reference minimum and maximum.
   *
   * @param bins number of bins, in {@code [2, 10_000]}
   * @return the spec
   * @throws IllegalArgumentException if {@code bins} is out of range
   */
  public static BinSpec equalWidth(int bins) {
    return new BinSpec(BinningMethod.EQUAL_WIDTH, bins, new double[0]);
  }

  /**
   * Fixed cut points: bins {@code (-inf, c0), [c0, c1), ..., [c_last, +inf)}.
   *
   * @param cuts strictly increasing finite cut points, at least one
   * @return the spec
   * @throws IllegalArgumentException if the cut points are empty, not finite or not strictly
   *     increasing
   */
  public static BinSpec explicit(double... cuts) {
    return new BinSpec(BinningMethod.EXPLICIT, cuts.length + 1, cuts);
  }

  /**
   * Returns a copy of the explicit cut points (empty for fitted methods).
   *
   * @return the cut points
   */
  @Override
  public double[] cuts() {
    return cuts.clone();
  }

  /**
   * Freezes bins from a reference sample.
   *
   * @param reference the reference values; {@code NaN} values are missing and ignored
   * @return the frozen bins
   * @throws IllegalArgumentException if {@code reference} holds an infinite value, or (for
   *     fitted methods) no non-missing value
   */
  public Binning fit(double[] reference) {
    switch (method) {
      case QUANTILE:
        return Binning.quantiles(reference, bins);
      case EQUAL_WIDTH:
        return Binning.equalWidth(reference, bins);
      default:
        Checks.finiteOrMissing("reference", reference);
        return Binning.ofCuts(cuts);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinSpec s && s.method == method && s.bins == bins
        && Arrays.equals(s.cuts, cuts);
  }

  @Override
  public int hashCode() {
    return (method.hashCode() * 31 + bins) * 31 + Arrays.hashCode(cuts);
  }

  @Override
  public String toString() {
    return method == BinningMethod.EXPLICIT
        ? "BinSpec[EXPLICIT, cuts=" + Arrays.toString(cuts) + "]"
        : "BinSpec[" + method + ", bins=" + bins + "]";
  }
}
