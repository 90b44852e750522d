package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WassersteinTest {

  @Test
  void handComputedDistances() {
    // u = {0, 1}, v = {0, 2}: CDFs agree on [0, 1) (1/2 each), differ by 1/2 on [1, 2): W = 0.5
    assertEquals(0.5, Wasserstein.distance(new double[] {0, 1}, new double[] {0, 2}), 1e-15);
    // a shift by 5 moves every unit of mass by 5
    assertEquals(5.0, Wasserstein.distance(new double[] {0, 1, 3}, new double[] {5, 6, 8}),
        1e-14);
    // unequal sizes: u = {0}, v = {0, 1}: |1 - 1/2| on [0, 1) = 0.5
    assertEquals(0.5, Wasserstein.distance(new double[] {0}, new double[] {0, 1}), 1e-15);
  }

  @Test
  void normalisedByThePopulationStandardDeviationOfTheReference() {
    // reference {0, 1}: mean 0.5, sd (ddof 0) 0.5; W to {0, 2} = 0.5 -> 1.0 sd
    DriftResult r = Wasserstein.defaults().test(new double[] {0, 1}, new double[] {0, 2});
    assertEquals(0.5, r.statistic(), 1e-15);
    assertEquals(1.0, r.effectSize(), 1e-15);
    assertEquals("wasserstein/std", r.effect());
    assertTrue(Double.isNaN(r.pValue()));
    assertEquals(Verdict.DRIFT, r.verdict()); // no p-value: effect 1.0 >= 0.1 decides
    // {0, 1, 3}: sd = sqrt(42 / 27) = 1.2472 (numpy.std); W = 5 -> 4.0089
    DriftResult s = Wasserstein.defaults().test(new double[] {0, 1, 3}, new double[] {5, 6, 8});
    assertEquals(5.0 / Math.sqrt(42.0 / 27), s.effectSize(), 1e-14);
    assertEquals("wasserstein",
        Wasserstein.defaults().withNormalized(false).test(new double[] {0, 1}, new double[] {0, 2})
            .effect());
  }

  @Test
  void aShiftOfDStandardDeviationsIsAnEffectOfD() {
    double[] x = Samples.normal(new SplittableRandom(4), 10_000, 3, 2);
    double[] shifted = x.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += 0.3 * 2; // 0.3 sd of the population, exactly
    }
    DriftResult r = Wasserstein.defaults().test(x, shifted);
    assertEquals(0.6, r.statistic(), 1e-12);
    assertEquals(0.3, r.effectSize(), 0.01); // the sample sd is within 1% of 2
  }

  @Test
  void constantReference() {
    assertEquals(0.0, Wasserstein.defaults().test(new double[] {2, 2}, new double[] {2})
        .effectSize());
    DriftResult r = Wasserstein.defaults().test(new double[] {2, 2}, new double[] {3});
    assertEquals(1.0, r.statistic());
    assertEquals(Double.POSITIVE_INFINITY, r.effectSize());
    assertEquals(Verdict.DRIFT, r.verdict());
  }

  @Test
  void missingValuesAreCountedAndLeftOut() {
    DriftResult r = Wasserstein.defaults().withNormalized(false)
        .test(new double[] {0, Double.NaN, 1}, new double[] {Double.NaN, 0, 2, Double.NaN});
    assertEquals(0.5, r.statistic(), 1e-15);
    assertEquals(2, r.referenceCount());
    assertEquals(1, r.referenceMissing());
    assertEquals(2, r.currentCount());
    assertEquals(2, r.currentMissing());
    DriftResult none = Wasserstein.defaults().test(new double[] {Double.NaN}, new double[] {1});
    assertEquals(Verdict.NOT_TESTED, none.verdict());
    assertEquals(1, none.referenceMissing());
  }

  @Test
  void permutationTestIsSeededAndBoundedBelow() {
    SplittableRandom random = new SplittableRandom(5);
    double[] a = Samples.normal(random, 60, 0, 1);
    double[] b = Samples.normal(random, 50, 2, 1);
    Wasserstein w = Wasserstein.defaults().withPermutations(99, 17);
    DriftResult r = w.test(a, b);
    // a 2 sd shift: no resample reaches the observed distance, so p = 1 / (1 + 99)
    assertEquals(0.01, r.pValue(), 1e-15);
    assertEquals(Verdict.DRIFT, r.verdict());
    double[] c = Samples.normal(random, 50, 0.1, 1);
    double p1 = w.test(a, c).pValue();
    assertEquals(p1, w.test(a, c).pValue()); // same seed, same p
    assertNotEquals(p1, w.withPermutations(99, 18).test(a, c).pValue());
    assertTrue(p1 > 0.01 && p1 <= 1.0);
  }

  @Test
  void permutationTestHoldsItsLevelWithoutDrift() {
    Wasserstein w = Wasserstein.defaults().withPermutations(199, 3).withThreshold(0.0);
    int alarms = 0;
    int runs = 200;
    for (int r = 0; r < runs; r++) {
      SplittableRandom random = new SplittableRandom(300 + r);
      if (w.test(Samples.normal(random, 40, 0, 1), Samples.normal(random, 30, 0, 1)).drifted()) {
        alarms++;
      }
    }
    // exact-level test at alpha 0.05: binomial(200, 0.05) lies in [2, 20] with 99.9%
    assertTrue(alarms >= 2 && alarms <= 20, "alarms " + alarms);
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Wasserstein.distance(new double[0], new double[] {1}));
    assertTrue(e.getMessage().contains("u is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Wasserstein.distance(new double[] {1}, new double[] {Double.NaN}));
    assertTrue(e.getMessage().contains("v[0] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Wasserstein.defaults().withPermutations(-1, 0));
    assertTrue(e.getMessage().contains("permutations = -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Wasserstein.defaults().test(new double[] {Double.NEGATIVE_INFINITY},
            new double[] {1}));
    assertTrue(e.getMessage().contains("reference[0] = -Infinity"), e.getMessage());
  }
}
