package dev.reco.monitoring.drift;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one drift test on one column: statistic, p-value, effect size, the thresholds
 * it was judged by, the verdict and, for binned tests, per-bin details.
 *
 * <p>Missing values ({@code NaN}, {@code null}) never enter a statistic: {@code referenceCount}
 * and {@code currentCount} are the non-missing values the test used, and the missing ones are
 * counted beside them. Their change is judged by its own test, {@link MissingRate}.
 *
 * @param test the test's name: {@code "psi"}, {@code "chi-square"}, {@code "jensen-shannon"},
 *     {@code "wasserstein"}, {@code "ks"} or {@code "missing-rate"}
 * @param statistic the test statistic (PSI, Pearson's X², Jensen-Shannon distance, Wasserstein-1
 *     distance in data units, KS D, or the z of the missing-rate test); {@code NaN} when not tested
 * @param pValue the p-value, or {@code NaN} for a test without one (or not tested)
 * @param effect name of the effect measure: {@code "psi"}, {@code "cramers-v"},
 *     {@code "js-distance"}, {@code "wasserstein/std"}, {@code "wasserstein"}, {@code "ks-d"} or
 *     {@code "cohens-h"}
 * @param effectSize the effect measure's value; {@code NaN} when not tested
 * @param alpha significance level the p-value was judged by
 * @param effectThreshold the effect size at or above which a significant result is drift
 * @param verdict {@link Verdict#decide the verdict rule} applied to the fields above
 * @param referenceCount non-missing reference values used (rows, for the missing-rate test)
 * @param currentCount non-missing current values used (rows, for the missing-rate test)
 * @param referenceMissing missing reference values
 * @param currentMissing missing current values
 * @param bins per-bin details of a binned test, empty otherwise
 */
public record DriftResult(
    String test,
    double statistic,
    double pValue,
    String effect,
    double effectSize,
    double alpha,
    double effectThreshold,
    Verdict verdict,
    long referenceCount,
    long currentCount,
    long referenceMissing,
    long currentMissing,
    List<BinDetail> bins) {

  /**
   * Checks the fields and copies {@code bins}.
   *
   * @throws IllegalArgumentException if a count is negative or the p-value is outside
   *     {@code [0, 1]} and not {@code NaN}
   * @throws NullPointerException if a reference field is null
   */
  public DriftResult {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(verdict, "verdict");
    bins = List.copyOf(bins);
    if (!Double.isNaN(pValue) && !(pValue >= 0.0 && pValue <= 1.0)) {
      throw new IllegalArgumentException("pValue = " + pValue + "; expected 0 <= p <= 1 or NaN");
    }
    if (referenceCount < 0 || currentCount < 0 || referenceMissing < 0 || currentMissing < 0) {
      throw new IllegalArgumentException("referenceCount = " + referenceCount
          + ", currentCount = " + currentCount + ", referenceMissing = " + referenceMissing
          + ", currentMissing = " + currentMissing + "; expected counts >= 0");
    }
  }

  /**
   * Tells whether the verdict is {@link Verdict#DRIFT}.
   *
   * @return {@code true} for drift
   */
  public boolean drifted() {
    return verdict == Verdict.DRIFT;
  }

  /** A result for a test that could not run because a side has no non-missing value. */
  static DriftResult notTested(String test, String effect, double alpha, double threshold,
      long referenceCount, long currentCount, long referenceMissing, long currentMissing) {
    return new DriftResult(test, Double.NaN, Double.NaN, effect, Double.NaN, alpha, threshold,
        Verdict.NOT_TESTED, referenceCount, currentCount, referenceMissing, currentMissing,
        List.of());
  }
}
