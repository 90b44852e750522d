package dev.reco.monitoring.drift;

import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link DatasetDrift} comparison. Immutable; validated on construction.
 *
 * @param rule the default test per column type and sample size
 * @param missingRate the missing-rate test run on every column
 * @param correction how the p-values of all columns are corrected for multiple testing
 * @param alpha the family's significance level, in {@code (0, 1]}; in a dataset comparison it
 *     replaces each test's own alpha
 * @param driftShare share of drifted columns, in {@code (0, 1]}, at or above which the dataset
 *     has drifted
 * @param numericTests per-column numeric tests that override the rule (copied)
 * @param categoricalTests per-column categorical tests that override the rule (copied)
 */
public record DatasetDriftConfig(
    ColumnTestRule rule,
    MissingRate missingRate,
    Correction correction,
    double alpha,
    double driftShare,
    Map<String, NumericDriftTest> numericTests,
    Map<String, CategoricalDriftTest> categoricalTests) {

  /** The default share of drifted columns for dataset drift, 0.5. */
  public static final double DEFAULT_DRIFT_SHARE = 0.5;

  /**
   * Validates the settings and copies the maps.
   *
   * @throws IllegalArgumentException if {@code alpha} or {@code driftShare} is out of range
   * @throws NullPointerException if a setting, a key or a value is null
   */
  public DatasetDriftConfig {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(missingRate, "missingRate");
    Objects.requireNonNull(correction, "correction");
    Checks.alpha(alpha);
    if (!(driftShare > 0.0 && driftShare <= 1.0)) {
      throw new IllegalArgumentException(
          "driftShare = " + driftShare + "; expected 0 < driftShare <= 1");
    }
    numericTests = Map.copyOf(numericTests);
    categoricalTests = Map.copyOf(categoricalTests);
  }

  /**
   * Returns the defaults: {@link ColumnTestRule#defaults()}, {@link MissingRate#defaults()},
   * Benjamini-Hochberg at alpha 0.05, dataset drift at a drifted share of 0.5.
   *
   * @return the default settings
   */
  public static DatasetDriftConfig defaults() {
    return new DatasetDriftConfig(ColumnTestRule.defaults(), MissingRate.defaults(),
        Correction.BENJAMINI_HOCHBERG, Psi.DEFAULT_ALPHA, DEFAULT_DRIFT_SHARE, Map.of(),
        Map.of());
  }

  /**
   * Returns a copy with another column test rule.
   *
   * @param value the rule
   * @return the new settings
   */
  public DatasetDriftConfig withRule(ColumnTestRule value) {
    return new DatasetDriftConfig(value, missingRate, correction, alpha, driftShare,
        numericTests, categoricalTests);
  }

  /**
   * Returns a copy with another missing-rate test.
   *
   * @param value the test
   * @return the new settings
   */
  public DatasetDriftConfig withMissingRate(MissingRate value) {
    return new DatasetDriftConfig(rule, value, correction, alpha, driftShare, numericTests,
        categoricalTests);
  }

  /**
   * Returns a copy with another multiple-testing correction.
   *
   * @param value the correction
   * @return the new settings
   */
  public DatasetDriftConfig withCorrection(Correction value) {
    return new DatasetDriftConfig(rule, missingRate, value, alpha, driftShare, numericTests,
        categoricalTests);
  }

  /**
   * Returns a copy with another family significance level.
   *
   * @param value alpha, in {@code (0, 1]}
   * @return the new settings
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public DatasetDriftConfig withAlpha(double value) {
    return new DatasetDriftConfig(rule, missingRate, correction, value, driftShare, numericTests,
        categoricalTests);
  }

  /**
   * Returns a copy with another drifted share for dataset drift.
   *
   * @param value the share, in {@code (0, 1]}
   * @return the new settings
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public DatasetDriftConfig withDriftShare(double value) {
    return new DatasetDriftConfig(rule, missingRate, correction, alpha, value, numericTests,
        categoricalTests);
  }

  /**
   * Returns a copy that tests one numeric column with a given test instead of the rule's.
   *
   * @param column the column name
   * @param test the test
   * @return the new settings
   */
  public DatasetDriftConfig withNumericTest(String column, NumericDriftTest test) {
    Map<String, NumericDriftTest> copy = new java.util.HashMap<>(numericTests);
    copy.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(test, "test"));
    return new DatasetDriftConfig(rule, missingRate, correction, alpha, driftShare, copy,
        categoricalTests);
  }

  /**
   * Returns a copy that tests one categorical column with a given test instead of the rule's.
   *
   * @param column the column name
   * @param test the test
   * @return the new settings
   */
  public DatasetDriftConfig withCategoricalTest(String column, CategoricalDriftTest test) {
    Map<String, CategoricalDriftTest> copy = new java.util.HashMap<>(categoricalTests);
    copy.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(test, "test"));
    return new DatasetDriftConfig(rule, missingRate, correction, alpha, driftShare, numericTests,
        copy);
  }
}
