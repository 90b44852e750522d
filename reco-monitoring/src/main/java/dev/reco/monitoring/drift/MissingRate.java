package dev.reco.monitoring.drift;

import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * Tests whether the share of missing values changed: a two-proportion z-test with Cohen's h as
 * the effect size. A jump in missing values is a drift signal of its own (a broken join, a new
 * client version that stops sending a field), and the value tests cannot see it because they
 * keep missing values out. Immutable configuration.
 *
 * <p>With {@code a} missing of {@code n} reference rows and {@code b} missing of {@code m}
 * current rows, {@code p1 = a / n}, {@code p2 = b / m}, pooled {@code p = (a + b) / (n + m)}:
 *
 * <pre>
 *   z = (p2 - p1) / sqrt(p (1 - p) (1/n + 1/m)),   p-value = P(|Z| >= |z|) = erfc(|z| / sqrt 2)
 *   h = |2 asin(sqrt p2) - 2 asin(sqrt p1)|
 * </pre>
 *
 * <p>{@code z^2} is Pearson's X² of the 2 x 2 table missing / present by reference / current
 * without continuity correction. When no row on either side is missing (or every row is),
 * {@code z = 0} and {@code p = 1}. Cohen's h weighs a change near 0 or 1 more than the same
 * change near 0.5: 0% to 0.25% missing is {@code h = 0.1}, 40% to 41% is {@code h = 0.02}.
 *
 * <p>Verdict: {@link Verdict#DRIFT} when {@code p <= alpha} and {@code h >= threshold}.
 *
 * @param alpha significance level, in {@code (0, 1]}
 * @param threshold Cohen's h at or above which a significant change is drift, finite and
 *     {@code >= 0}
 */
public record MissingRate(double alpha, double threshold) {

  /** Name reported in {@link DriftResult#test()}. */
  public static final String NAME = "missing-rate";

  /** Name of the effect measure, Cohen's h. */
  public static final String EFFECT = "cohens-h";

  /** The default threshold on Cohen's h, 0.1. */
  public static final double DEFAULT_THRESHOLD = 0.1;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public MissingRate {
    Checks.alpha(alpha);
    Checks.threshold(threshold);
  }

  /**
   * Returns the defaults: alpha 0.05, Cohen's h threshold 0.1.
   *
   * @return the default configuration
   */
  public static MissingRate defaults() {
    return new MissingRate(Psi.DEFAULT_ALPHA, DEFAULT_THRESHOLD);
  }

  /**
   * Returns a copy with another significance level.
   *
   * @param value alpha, in {@code (0, 1]}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public MissingRate withAlpha(double value) {
    return new MissingRate(value, threshold);
  }

  /**
   * Returns a copy with another threshold on Cohen's h.
   *
   * @param value the threshold, finite and {@code >= 0}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public MissingRate withThreshold(double value) {
    return new MissingRate(alpha, value);
  }

  /**
   * Tests the change of the missing share.
   *
   * @param referenceMissing missing reference rows, in {@code [0, referenceRows]}
   * @param referenceRows all reference rows, {@code >= 1}
   * @param currentMissing missing current rows, in {@code [0, currentRows]}
   * @param currentRows all current rows, {@code >= 1}
   * @return the result: statistic z (positive when the current share is higher), p-value,
   *     Cohen's h; {@code referenceCount} and {@code currentCount} hold the row counts
   * @throws IllegalArgumentException if a count is out of range
   */
  public DriftResult test(long referenceMissing, long referenceRows, long currentMissing,
      long currentRows) {
    check("reference", referenceMissing, referenceRows);
    check("current", currentMissing, currentRows);
    double p1 = (double) referenceMissing / referenceRows;
    double p2 = (double) currentMissing / currentRows;
    double pooled = ((double) referenceMissing + currentMissing)
        / ((double) referenceRows + currentRows);
    double z;
    double p;
    if (pooled == 0.0 || pooled == 1.0) {
      z = 0.0;
      p = 1.0;
    } else {
      double se = Math.sqrt(pooled * (1.0 - pooled)
          * (1.0 / referenceRows + 1.0 / currentRows));
      z = (p2 - p1) / se;
      p = Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }
    double h = Math.abs(2.0 * Math.asin(Math.sqrt(p2)) - 2.0 * Math.asin(Math.sqrt(p1)));
    return new DriftResult(NAME, z, p, EFFECT, h, alpha, threshold,
        Verdict.decide(p, alpha, h, threshold), referenceRows, currentRows, referenceMissing,
        currentMissing, List.of());
  }

  private static void check(String side, long missing, long rows) {
    if (rows < 1) {
      throw new IllegalArgumentException(side + "Rows = " + rows + "; expected at least 1 row");
    }
    if (missing < 0 || missing > rows) {
      throw new IllegalArgumentException(side + "Missing = " + missing + " with " + side
          + "Rows = " + rows + "; expected 0 <= missing <= rows");
    }
  }
}
