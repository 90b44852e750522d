package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * Chooses the drift test of a column from its type and sample size. Immutable configuration.
 *
 * <p>The sample size is {@code min(n, m)}, the smaller of the two non-missing counts. At or below
 * {@link #smallSampleLimit()} the rule picks a test with a p-value that guards against sampling
 * noise; above it, a distance whose noise has become small next to its threshold:
 *
 * <table>
 *   <caption>Default test per column type and sample size</caption>
 *   <tr><th>type</th><th>{@code min(n, m) <= 1000}</th><th>{@code min(n, m) > 1000}</th></tr>
 *   <tr><td>numeric</td><td>{@link Psi}, 10 quantile bins, chi-square significance, threshold
 *       0.1</td><td>{@link Wasserstein} / reference sd, threshold 0.1</td></tr>
 *   <tr><td>categorical</td><td>{@link ChiSquare}, Cramér's V threshold 0.1</td>
 *       <td>{@link JensenShannon} distance, threshold 0.1 (with its chi-square
 *       significance)</td></tr>
 * </table>
 *
 * <p>Every test of the rule can be replaced, for instance a {@link KsDrift} for small numeric
 * samples: {@code ColumnTestRule.defaults().withNumericTests(KsDrift.using(backend),
 * Wasserstein.defaults())}.
 *
 * @param smallSampleLimit largest {@code min(n, m)} that counts as a small sample, {@code >= 0}
 * @param smallNumeric test for numeric columns with a small sample
 * @param largeNumeric test for numeric columns with a large sample
 * @param smallCategorical test for categorical columns with a small sample
 * @param largeCategorical test for categorical columns with a large sample
 */
public record ColumnTestRule(
    int smallSampleLimit,
    NumericDriftTest smallNumeric,
    NumericDriftTest largeNumeric,
    CategoricalDriftTest smallCategorical,
    CategoricalDriftTest largeCategorical) {

  /** The default small-sample limit, 1000 values. */
  public static final int DEFAULT_SMALL_SAMPLE_LIMIT = 1000;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if {@code smallSampleLimit < 0}
   * @throws NullPointerException if a test is null
   */
  public ColumnTestRule {
    if (smallSampleLimit < 0) {
      throw new IllegalArgumentException(
          "smallSampleLimit = " + smallSampleLimit + "; expected smallSampleLimit >= 0");
    }
    Objects.requireNonNull(smallNumeric, "smallNumeric");
    Objects.requireNonNull(largeNumeric, "largeNumeric");
    Objects.requireNonNull(smallCategorical, "smallCategorical");
    Objects.requireNonNull(largeCategorical, "largeCategorical");
  }

  /**
   * Returns the default rule (see the class documentation).
   *
   * @return the default rule
   */
  public static ColumnTestRule defaults() {
    return new ColumnTestRule(DEFAULT_SMALL_SAMPLE_LIMIT, Psi.defaults(), Wasserstein.defaults(),
        ChiSquare.defaults(), JensenShannon.defaults());
  }

  /**
   * Returns a copy with another small-sample limit.
   *
   * @param limit largest {@code min(n, m)} that counts as small, {@code >= 0}
   * @return the new rule
   * @throws IllegalArgumentException if {@code limit < 0}
   */
  public ColumnTestRule withSmallSampleLimit(int limit) {
    return new ColumnTestRule(limit, smallNumeric, largeNumeric, smallCategorical,
        largeCategorical);
  }

  /**
   * Returns a copy with other numeric tests.
   *
   * @param small test for small samples
   * @param large test for large samples
   * @return the new rule
   */
  public ColumnTestRule withNumericTests(NumericDriftTest small, NumericDriftTest large) {
    return new ColumnTestRule(smallSampleLimit, small, large, smallCategorical,
        largeCategorical);
  }

  /**
   * Returns a copy with other categorical tests.
   *
   * @param small test for small samples
   * @param large test for large samples
   * @return the new rule
   */
  public ColumnTestRule withCategoricalTests(CategoricalDriftTest small,
      CategoricalDriftTest large) {
    return new ColumnTestRule(smallSampleLimit, smallNumeric, largeNumeric, small, large);
  }

  /**
   * Picks the test for a numeric column.
   *
   * @param referenceCount non-missing reference values
   * @param currentCount non-missing current values
   * @return {@link #smallNumeric()} if {@code min(referenceCount, currentCount) <=
   *     smallSampleLimit}, else {@link #largeNumeric()}
   */
  public NumericDriftTest numericTest(long referenceCount, long currentCount) {
    return Math.min(referenceCount, currentCount) <= smallSampleLimit ? smallNumeric
        : largeNumeric;
  }

  /**
   * Picks the test for a categorical column.
   *
   * @param referenceCount non-missing reference values
   * @param currentCount non-missing current values
   * @return {@link #smallCategorical()} if {@code min(referenceCount, currentCount) <=
   *     smallSampleLimit}, else {@link #largeCategorical()}
   */
  public CategoricalDriftTest categoricalTest(long referenceCount, long currentCount) {
    return Math.min(referenceCount, currentCount) <= smallSampleLimit ? smallCategorical
        : largeCategorical;
  }
}
