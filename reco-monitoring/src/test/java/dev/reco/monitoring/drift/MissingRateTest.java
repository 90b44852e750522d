package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MissingRateTest {

  @Test
  void handComputedTwoProportionZ() {
    // 5 of 100 vs 15 of 100: pooled 0.1, se = sqrt(0.1 * 0.9 * (1/100 + 1/100)) = 0.0424264
    // z = (0.15 - 0.05) / se = 2.3570226; p = erfc(z / sqrt 2) = 0.0184221
    // h = 2 asin(sqrt 0.15) - 2 asin(sqrt 0.05) = 0.3443720
    DriftResult r = MissingRate.defaults().test(5, 100, 15, 100);
    assertEquals(0.1 / Math.sqrt(0.1 * 0.9 * 0.02), r.statistic(), 1e-12);
    assertEquals(2.3570226039551585, r.statistic(), 1e-12);
    assertEquals(0.01842212545409897, r.pValue(), 1e-14); // scipy chi2_contingency 2 x 2
    assertEquals(2 * Math.asin(Math.sqrt(0.15)) - 2 * Math.asin(Math.sqrt(0.05)),
        r.effectSize(), 1e-15);
    assertEquals(Verdict.DRIFT, r.verdict());
    assertEquals(MissingRate.EFFECT, r.effect());
    assertEquals(100, r.referenceCount());
    assertEquals(15, r.currentMissing());
  }

  @Test
  void fallingShareGivesNegativeZ() {
    DriftResult r = MissingRate.defaults().test(15, 100, 5, 100);
    assertEquals(-2.3570226039551585, r.statistic(), 1e-12);
  }

  @Test
  void noMissingAnywhereIsNoEvidence() {
    DriftResult r = MissingRate.defaults().test(0, 10, 0, 1_000_000);
    assertEquals(0.0, r.statistic());
    assertEquals(1.0, r.pValue());
    assertEquals(0.0, r.effectSize());
    assertEquals(Verdict.NO_DRIFT, r.verdict());
    assertEquals(Verdict.NO_DRIFT, MissingRate.defaults().test(4, 4, 9, 9).verdict());
  }

  @Test
  void smallChangeAtLargeSamplesIsSignificantButNotDrift() {
    // 40.0% vs 40.5% of two million rows: z = 7.2, p ~ 1e-12; h = 0.0102 < 0.1
    DriftResult r = MissingRate.defaults().test(800_000, 2_000_000, 810_000, 2_000_000);
    assertTrue(r.pValue() < 1e-10, r.toString());
    assertTrue(r.effectSize() < 0.011, r.toString());
    assertEquals(Verdict.NO_DRIFT, r.verdict());
  }

  @Test
  void badCountsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MissingRate.defaults().test(5, 4, 0, 1));
    assertTrue(e.getMessage().contains("referenceMissing = 5 with referenceRows = 4"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MissingRate.defaults().test(0, 4, 0, 0));
    assertTrue(e.getMessage().contains("currentRows = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MissingRate.defaults().test(0, 4, -1, 3));
    assertTrue(e.getMessage().contains("currentMissing = -1"), e.getMessage());
  }
}
