package dev.reco.monitoring.drift;

/**
 * A drift test for a numeric column: freeze what it needs from the reference once (bins, a sorted
 * copy), then test any number of current samples against it. Implementations are immutable,
 * thread-safe configurations: {@link Psi}, {@link ChiSquare}, {@link JensenShannon},
 * {@link Wasserstein} and {@link KsDrift}.
 *
 * <p>{@code NaN} marks a missing value: it is counted, reported in {@link DriftResult} and kept
 * out of the statistic. Infinite values are rejected.
 */
public interface NumericDriftTest {

  /**
   * Returns the name this test reports in {@link DriftResult#test()}.
   *
   * @return the test's name, e.g. {@code "psi"}
   */
  String name();

  /**
   * Freezes the reference side of the test.
   *
   * @param reference reference values; {@code NaN} for missing
   * @return the frozen reference, immutable and thread-safe
   * @throws IllegalArgumentException if {@code reference} holds an infinite value, or the test
   *     needs a non-missing value and there is none
   */
  NumericReference freeze(double[] reference);

  /**
   * Tests a current sample against a reference sample: {@code freeze(reference).test(current)}.
   *
   * @param reference reference values; {@code NaN} for missing
   * @param current current values; {@code NaN} for missing
   * @return the result
   * @throws IllegalArgumentException if a sample holds an infinite value, or the test needs a
   *     non-missing reference value and there is none
   */
  default DriftResult test(double[] reference, double[] current) {
    return freeze(reference).test(current);
  }
}
