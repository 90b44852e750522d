package dev.reco.monitoring.drift;

/**
 * A drift test for a categorical column, computed from {@link CategoryCounts}. Implementations
 * are immutable, thread-safe configurations: {@link ChiSquare}, {@link JensenShannon} and
 * {@link Psi}.
 *
 * <p>The reference's categories define the bins. Current categories the reference lacks are
 * pooled into one extra bin, {@link BinDetail.Kind#UNSEEN}, present only when the current sample
 * has such categories; it has a reference count of 0, so new categories always raise the
 * statistic. {@code null} marks a missing value: counted, reported, and kept out of the
 * statistic.
 */
public interface CategoricalDriftTest {

  /**
   * Returns the name this test reports in {@link DriftResult#test()}.
   *
   * @return the test's name, e.g. {@code "chi-square"}
   */
  String name();

  /**
   * Tests current category counts against reference counts.
   *
   * @param reference reference counts
   * @param current current counts
   * @return the result; {@link Verdict#NOT_TESTED} when either side has no non-missing value
   */
  DriftResult test(CategoryCounts reference, CategoryCounts current);

  /**
   * Tests current labels against reference labels: counts both and calls
   * {@link #test(CategoryCounts, CategoryCounts)}.
   *
   * @param reference reference labels; {@code null} for missing
   * @param current current labels; {@code null} for missing
   * @return the result
   */
  default DriftResult test(String[] reference, String[] current) {
    return test(CategoryCounts.of(reference), CategoryCounts.of(current));
  }
}
