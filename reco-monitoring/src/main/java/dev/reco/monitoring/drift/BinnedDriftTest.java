package dev.reco.monitoring.drift;

/**
 * A drift test that works on counts in frozen bins ({@link Psi}, {@link JensenShannon},
 * {@link ChiSquare}): besides raw values and category counts it compares two {@link BinCounts}
 * directly, which is how counters kept elsewhere (for instance streaming profiles) are tested
 * without the raw values.
 */
public interface BinnedDriftTest extends NumericDriftTest, CategoricalDriftTest {
  /**
   * Returns how the bins are frozen from a reference sample.
   *
   * @return the bin settings
   */
  BinSpec bins();

  /**
   * Freezes bins from the reference by {@link #bins()} and counts the reference in them; each
   * current sample is then counted in the same bins and compared with {@link #compare}.
   *
   * @param reference reference values; {@code NaN} for missing
   * @return the frozen reference
   * @throws IllegalArgumentException if {@code reference} holds an infinite value or, for fitted
   *     bins, no non-missing value
   */
  @Override
  default NumericReference freeze(double[] reference) {
    return BinnedReference.freeze(bins(), reference, this);
  }

  /**
   * Runs the test on counts in frozen bins.
   *
   * @param binning the frozen bins, for the bin labels
   * @param reference reference counts in those bins
   * @param current current counts in those bins
   * @return the result, with one {@link BinDetail} per bin
   * @throws IllegalArgumentException if the counts do not have {@code binning.bins()} bins
   */
  DriftResult compare(Binning binning, BinCounts reference, BinCounts current);
}
