package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * One bin (a value range or a category) of a binned drift test: counts, shares and the bin's
 * contribution to the statistic.
 *
 * <p>The contribution is test-specific and sums over the bins to the statistic: the PSI term
 * {@code (q' - p') ln(q' / p')} for {@link Psi}, the two cells' {@code (O - E)^2 / E} for
 * {@link ChiSquare}, the term of the Jensen-Shannon divergence in bits for {@link JensenShannon}
 * (those terms sum to the squared distance).
 *
 * @param kind what the bin stands for
 * @param label printable name: {@code "[0.5, 1.25)"}, a category, or {@code "(unseen)"}
 * @param lower inclusive lower end of a {@link Kind#RANGE} bin ({@code -Infinity} for the first),
 *     {@code NaN} for categories
 * @param upper exclusive upper end of a {@link Kind#RANGE} bin ({@code +Infinity} for the last),
 *     {@code NaN} for categories
 * @param referenceCount reference values in the bin
 * @param currentCount current values in the bin
 * @param referenceShare {@code referenceCount} over the reference's non-missing values
 * @param currentShare {@code currentCount} over the current non-missing values
 * @param contribution the bin's term of the statistic
 */
public record BinDetail(
    Kind kind,
    String label,
    double lower,
    double upper,
    long referenceCount,
    long currentCount,
    double referenceShare,
    double currentShare,
    double contribution) {

  /** What a bin stands for. */
  public enum Kind {
    /** A numeric range {@code [lower, upper)} of frozen bins. */
    RANGE,
    /** A category seen in the reference. */
    CATEGORY,
    /** All current categories absent from the reference, pooled into one bin. */
    UNSEEN
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if a count is negative
   * @throws NullPointerException if {@code kind} or {@code label} is null
   */
  public BinDetail {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    if (referenceCount < 0 || currentCount < 0) {
      throw new IllegalArgumentException("referenceCount = " + referenceCount + ", currentCount = "
          + currentCount + "; expected counts >= 0");
    }
  }
}
