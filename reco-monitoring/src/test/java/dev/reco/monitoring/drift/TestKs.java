package dev.reco.monitoring.drift;

/** The KS backend every test of this package uses: the SciPy-compatible implementation. */
final class TestKs {
  private TestKs() {}

  static final KsBackend BACKEND = KsDrift.SCIPY_COMPATIBLE;
}
