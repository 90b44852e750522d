package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link KsDrift} through the SciPy-compatible backend: missing values, verdicts, the rule's hook. */
class KsDriftTest {
  private final KsDrift ks = KsDrift.using(TestKs.BACKEND);

  @Test
  void statisticIsTheEffectAndMissingValuesStayOut() {
    // {1, 2, 3} vs {2, 3, 4, 5}: CDF gaps 1/3, 5/12, 1/2, 1/4 at 1, 2, 3, 4 -> D = 1/2
    DriftResult r = ks.test(new double[] {3, Double.NaN, 1, 2},
        new double[] {5, 2, Double.NaN, 4, 3, Double.NaN});
    assertEquals(0.5, r.statistic(), 1e-15);
    assertEquals(0.5, r.effectSize(), 1e-15);
    assertEquals(KsDrift.EFFECT, r.effect());
    assertEquals("ks", r.test());
    assertEquals(3, r.referenceCount());
    assertEquals(1, r.referenceMissing());
    assertEquals(4, r.currentCount());
    assertEquals(2, r.currentMissing());
    assertEquals(Verdict.NO_DRIFT, r.verdict()); // 7 values: p is large
  }

  @Test
  void verdictNeedsSignificanceAndD() {
    SplittableRandom random = new SplittableRandom(8);
    double[] ref = Samples.normal(random, 800, 0, 1);
    DriftResult shifted = ks.test(ref, Samples.normal(random, 800, 0.5, 1));
    assertEquals(Verdict.DRIFT, shifted.verdict());
    assertTrue(shifted.pValue() < 1e-10);
    // D of about 0.2 is below a threshold of 0.3
    assertEquals(Verdict.NO_DRIFT, ks.withThreshold(0.3).test(ref,
        Samples.normal(random, 800, 0.5, 1)).verdict());
  }

  @Test
  void emptySideIsNotTested() {
    DriftResult r = ks.freeze(new double[] {1, 2}).test(new double[] {Double.NaN});
    assertEquals(Verdict.NOT_TESTED, r.verdict());
    assertTrue(Double.isNaN(r.statistic()));
  }

  @Test
  void plugsIntoTheColumnRule() {
    ColumnTestRule rule = ColumnTestRule.defaults().withNumericTests(ks, Wasserstein.defaults());
    assertEquals(ks, rule.numericTest(500, 800));
    assertEquals(Wasserstein.defaults(), rule.numericTest(5000, 8000));
  }

  @Test
  void outcomeIsValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KsOutcome(1.5, 0.5));
    assertTrue(e.getMessage().contains("statistic = 1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new KsOutcome(0.5, -0.1));
    assertTrue(e.getMessage().contains("pValue = -0.1"), e.getMessage());
    assertTrue(Double.isNaN(new KsOutcome(0.5, Double.NaN).pValue()));
    assertThrows(NullPointerException.class, () -> KsDrift.using(null));
  }

  @Test
  void adaptingReadsTheImplementationsResult() {
    // a fake implementation: D = n / 10 and p = m / 10 for sample sizes n, m
    KsBackend backend = KsBackend.adapting((a, b) -> new double[] {a.length / 10.0, b.length / 10.0},
        r -> r[0], r -> r[1]);
    KsOutcome o = backend.twoSided(new double[] {1, 2, 3}, new double[] {1, 2, 3, 4, 5});
    assertEquals(0.3, o.statistic(), 1e-15);
    assertEquals(0.5, o.pValue(), 1e-15);
    // the outcome's checks still apply to what the implementation returns
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KsBackend.adapting((a, b) -> 2.0, r -> r, r -> 0.5).twoSided(new double[] {1},
            new double[] {2}));
    assertTrue(e.getMessage().contains("statistic = 2.0"), e.getMessage());
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> KsBackend.adapting((a, b) -> null, r -> 0.0, r -> 0.0).twoSided(new double[] {1},
            new double[] {2}));
    assertTrue(npe.getMessage().contains("KS result"), npe.getMessage());
    assertThrows(NullPointerException.class, () -> KsBackend.adapting(null, r -> 0.0, r -> 0.0));
  }
}
