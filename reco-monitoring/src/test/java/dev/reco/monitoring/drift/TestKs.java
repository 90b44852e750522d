package dev.reco.monitoring.drift;

/**
 * The KS backend every test of this package uses. Once {@code dev.reco.monitoring.stats} is on
 * the class path, {@link #BACKEND} becomes
 * {@code KsBackend.adapting((a, b) -> KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED,
 * Method.AUTO), KsResult::statistic, KsResult::pValue)} and {@link StandInKs} can go.
 */
final class TestKs {
  private TestKs() {}

  static final KsBackend BACKEND =
      KsBackend.adapting(StandInKs::test, StandInKs.Result::statistic, StandInKs.Result::pValue);
}
