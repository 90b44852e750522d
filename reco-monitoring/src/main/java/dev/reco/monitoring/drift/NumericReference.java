package dev.reco.monitoring.drift;

/**
 * The reference side of a {@link NumericDriftTest}, frozen once (bins and their counts, or a
 * sorted copy of the values) and tested against many current samples. Immutable and
 * thread-safe.
 */
public interface NumericReference {

  /**
   * Tests a current sample against the frozen reference.
   *
   * @param current current values; {@code NaN} for missing
   * @return the result; {@link Verdict#NOT_TESTED} when either side has no non-missing value
   * @throws IllegalArgumentException if {@code current} holds an infinite value
   */
  DriftResult test(double[] current);

  /**
   * Returns the number of non-missing reference values.
   *
   * @return the count
   */
  long count();

  /**
   * Returns the number of missing reference values.
   *
   * @return the missing count
   */
  long missing();
}
