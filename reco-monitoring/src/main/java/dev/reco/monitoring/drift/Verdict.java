package dev.reco.monitoring.drift;

/**
 * The outcome of one drift test.
 *
 * <p>The rule (see {@code docs/drift-tests.md}): a test reports {@link #DRIFT} when it is
 * significant, {@code p <= alpha} (a test without a p-value counts as significant), <em>and</em>
 * its effect size reaches the effect threshold, {@code effect >= threshold}. A large sample makes
 * tiny shifts significant; the effect threshold keeps them from being called drift.
 */
public enum Verdict {
  /** The test ran and the difference is not significant or too small to matter. */
  NO_DRIFT,
  /** The difference is significant and at least as large as the effect threshold. */
  DRIFT,
  /** The test could not run: one side has no non-missing value. */
  NOT_TESTED;

  /**
   * Applies the verdict rule.
   *
   * @param pValue p-value, or {@code NaN} for a test without one
   * @param alpha significance level
   * @param effect effect size, or {@code NaN} when the test did not run
   * @param threshold effect threshold
   * @return the verdict
   */
  static Verdict decide(double pValue, double alpha, double effect, double threshold) {
    if (Double.isNaN(effect)) {
      return NOT_TESTED;
    }
    return significant(pValue, alpha) && effect >= threshold ? DRIFT : NO_DRIFT;
  }

  /** {@code p <= alpha}, with a missing p-value counting as significant. */
  static boolean significant(double pValue, double alpha) {
    return Double.isNaN(pValue) || pValue <= alpha;
  }
}
