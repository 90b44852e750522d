package dev.reco.monitoring.drift;

/**
 * A drift test that works on counts in frozen bins ({@link Psi}, {@link JensenShannon},
 * {@link ChiSquare}): besides raw values and category counts it compares two {@link BinCounts}
 * directly, which is how counters kept elsewhere (for instance streaming profiles) are tested
 * without the raw values.
 */
public interface BinnedDriftTest extends NumericDriftTest, CategoricalDriftTest {
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
