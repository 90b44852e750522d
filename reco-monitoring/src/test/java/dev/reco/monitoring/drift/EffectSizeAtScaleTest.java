package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At a million rows a side, a 0.01 sd shift is highly significant but negligible: the effect
 * thresholds keep every test at NO_DRIFT, while a 0.5 sd shift drifts (PSI 0.1 is about a 0.33 sd shift).
 */
class EffectSizeAtScaleTest {
  private static final int N = 1_000_000;
  private static double[] reference;
  private static double[] tiny;
  private static double[] real;

  @BeforeAll
  static void samples() {
    SplittableRandom random = new SplittableRandom(77);
    reference = Samples.normal(random, N, 0, 1);
    tiny = Samples.normal(random, N, 0.01, 1);
    real = Samples.normal(random, N, 0.5, 1);
  }

  @Test
  void binnedTestsAreSignificantButBelowTheirThresholds() {
    for (NumericDriftTest test : new NumericDriftTest[] {Psi.defaults(), ChiSquare.defaults(),
        JensenShannon.defaults()}) {
      NumericReference frozen = test.freeze(reference);
      DriftResult r = frozen.test(tiny);
      assertTrue(r.pValue() < 1e-4, r.toString()); // significant
      assertTrue(r.effectSize() < 0.1 * r.effectThreshold(), r.toString()); // but negligible
      assertEquals(Verdict.NO_DRIFT, r.verdict(), test.name());
      assertEquals(Verdict.DRIFT, frozen.test(real).verdict(), test.name());
    }
  }

  @Test
  void wassersteinMeasuresTheShiftInStandardDeviations() {
    NumericReference frozen = Wasserstein.defaults().freeze(reference);
    DriftResult small = frozen.test(tiny);
    assertEquals(0.01, small.effectSize(), 0.004);
    assertEquals(Verdict.NO_DRIFT, small.verdict());
    DriftResult large = frozen.test(real);
    assertEquals(0.5, large.effectSize(), 0.004);
    assertEquals(Verdict.DRIFT, large.verdict());
  }

  @Test
  void chiSquarePValueAloneWouldAlarm() {
    DriftResult r = ChiSquare.defaults().test(reference, tiny);
    // a p-value-only rule (threshold 0) calls the negligible shift drift
    assertEquals(Verdict.DRIFT, ChiSquare.defaults().withThreshold(0).test(reference, tiny)
        .verdict());
    assertEquals(Verdict.NO_DRIFT, r.verdict());
  }
}
