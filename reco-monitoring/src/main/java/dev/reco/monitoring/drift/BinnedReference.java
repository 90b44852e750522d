package dev.reco.monitoring.drift;

/** A reference frozen as bins and their counts; each current sample is counted in those bins. */
final class BinnedReference implements NumericReference {
  private final BinnedDriftTest test;
  private final Binning binning;
  private final BinCounts reference;

  private BinnedReference(BinnedDriftTest test, Binning binning, BinCounts reference) {
    this.test = test;
    this.binning = binning;
    this.reference = reference;
  }

  static NumericReference freeze(BinSpec spec, double[] reference, BinnedDriftTest test) {
    Binning binning = spec.fit(reference);
    long[] counts = new long[binning.bins()];
    long missing = binning.countInto("reference", reference, counts);
    return new BinnedReference(test, binning, new BinCounts(counts, missing, false));
  }

  @Override
  public DriftResult test(double[] current) {
    long[] counts = new long[binning.bins()];
    long missing = binning.countInto("current", current, counts);
    return test.compare(binning, reference, new BinCounts(counts, missing, false));
  }

  @Override
  public long count() {
    return reference.total();
  }

  @Override
  public long missing() {
    return reference.missing();
  }

  Binning binning() {
    return binning;
  }
}
