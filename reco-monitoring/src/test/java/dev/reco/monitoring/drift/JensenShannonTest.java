package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JensenShannonTest {

  @Test
  void handComputedDistance() {
    // p = (1/2, 1/2), q = (1, 0), mu = (3/4, 1/4)
    // KL(p||mu) = 1/2 ln(2/3) + 1/2 ln 2 = 1/2 ln(4/3); KL(q||mu) = ln(4/3)
    // JSD = (3/2 ln(4/3)) / 2 = 3/4 ln(4/3) nats = 3/4 log2(4/3) bits; distance = sqrt of that
    double expected = Math.sqrt(0.75 * Math.log(4.0 / 3) / Math.log(2));
    assertEquals(expected, JensenShannon.distance(new double[] {1, 1}, new double[] {1, 0}),
        1e-15);
    assertEquals(0.5579230452841438, expected, 1e-15); // scipy jensenshannon(base=2)
    // weights are normalised first, as in SciPy
    assertEquals(expected, JensenShannon.distance(new double[] {3, 3}, new double[] {7, 0}),
        1e-15);
  }

  @Test
  void boundsAreZeroAndOne() {
    assertEquals(0.0, JensenShannon.distance(new double[] {1, 2, 3}, new double[] {2, 4, 6}));
    assertEquals(1.0, JensenShannon.distance(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
  }

  @Test
  void categoricalTestUsesCountsAndReportsTerms() {
    // reference a:1 b:1, current a:2 -> same shares as the hand-computed case
    DriftResult r = JensenShannon.defaults().test(new String[] {"a", "b"},
        new String[] {"a", "a"});
    assertEquals(0.5579230452841438, r.statistic(), 1e-15);
    assertEquals(r.statistic(), r.effectSize());
    double sum = r.bins().stream().mapToDouble(BinDetail::contribution).sum();
    assertEquals(r.statistic() * r.statistic(), sum, 1e-15); // terms sum to the divergence
    // two values a side: a distance of 0.56 is not significant
    assertTrue(r.pValue() > 0.05, r.toString());
    assertEquals(Verdict.NO_DRIFT, r.verdict());
  }

  @Test
  void manySparseCategoriesDoNotFalseAlarm() {
    // 40 equally likely categories, 100 rows a side, no drift: the distance is large (~0.35)
    // by sampling noise alone, but the homogeneity test keeps the verdict at NO_DRIFT
    double[] shares = new double[40];
    java.util.Arrays.fill(shares, 1.0 / 40);
    int alarms = 0;
    double meanDistance = 0;
    for (int r = 0; r < 200; r++) {
      SplittableRandom random = new SplittableRandom(700 + r);
      DriftResult d = JensenShannon.defaults().test(Samples.categories(random, 100, shares),
          Samples.categories(random, 100, shares));
      meanDistance += d.statistic() / 200;
      if (d.drifted()) {
        alarms++;
      }
    }
    assertTrue(meanDistance > 0.3, "mean distance " + meanDistance);
    assertTrue(alarms <= 10, "alarms " + alarms); // alpha 0.05 of 200 runs is 10
  }

  @Test
  void badWeightsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JensenShannon.distance(new double[] {1, -1}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("p[1] = -1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> JensenShannon.distance(new double[] {0, 0}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("p sums to 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> JensenShannon.distance(new double[] {1}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("p.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> JensenShannon.distance(new double[] {1, 1}, new double[] {Double.NaN, 1}));
    assertTrue(e.getMessage().contains("q[0] = NaN"), e.getMessage());
  }
}
