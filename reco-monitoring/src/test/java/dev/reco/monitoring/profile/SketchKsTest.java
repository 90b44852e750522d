package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SketchKsTest {

  private static SingleWriterProfile sketchOf(double[] values, int k) {
    SingleWriterProfile p = new SingleWriterProfile(ProfileSchema.builder()
        .numeric("x", NumericBins.ofEdges(0), k).build());
    p.update(0, values);
    return p;
  }

  private static SingleWriterProfile normal(long seed, int n, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    SingleWriterProfile p = new SingleWriterProfile(ProfileSchema.builder()
        .numeric("x", NumericBins.ofEdges(0), 200).build());
    double[] chunk = new double[10_000];
    for (int done = 0; done < n; done += chunk.length) {
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = r.nextGaussian() + shift;
      }
      p.update(0, chunk);
    }
    return p;
  }

  @Test
  void kolmogorovTailKnownValues() {
    // Q(t) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 t^2)
    // t = 1: 2 (e^-2 - e^-8 + e^-18 - ...) = 2 (0.1353352832 - 0.0003354626 + 0.0000000152)
    //        = 0.2699996717
    assertEquals(0.2699996717, SketchKs.kolmogorovTail(1.0), 1e-9);
    // t = 0.5 (small-t branch): 1 - sqrt(2 pi)/0.5 * sum exp(-(2j-1)^2 pi^2 / 2)
    //   = 1 - 5.0132565 * (0.0071918833 + 5.5e-20) = 0.9639452436
    assertEquals(0.9639452436, SketchKs.kolmogorovTail(0.5), 1e-9);
    // both branches agree where they meet
    assertEquals(SketchKs.kolmogorovTail(Math.nextDown(1.0)), SketchKs.kolmogorovTail(1.0), 1e-12);
    assertEquals(1.0, SketchKs.kolmogorovTail(0.0));
    // the familiar critical value for alpha = 0.05 is 1.3581
    assertEquals(1.3581, SketchKs.inverseKolmogorovTail(0.05), 1e-4);
  }

  @Test
  void exactSketchesGiveTheSampleStatisticByHand() {
    // a = {1, 2, 3, 4}, b = {3, 4, 5, 6}: F_a(2) = 0.5 and F_b(2) = 0, F_a(4) = 1 and F_b(4) = 0.5,
    // so D = 0.5, first reached at x = 2.
    ColumnSketch a = sketchOf(new double[] {1, 2, 3, 4}, 200).sketch(0);
    ColumnSketch b = sketchOf(new double[] {6, 5, 4, 3}, 200).sketch(0);
    assertTrue(a.exact());
    assertEquals(0.0, a.normalizedRankError());
    SketchKsResult r = SketchKs.test(a, b, 0.05);
    assertEquals(0.5, r.statistic(), 1e-15);
    assertEquals(2.0, r.location());
    assertEquals(0.0, r.rankErrorBound());
    assertEquals(r.statistic(), r.adjustedStatistic());
    // sqrt(4 * 4 / 8) * 0.5 = 0.7071: Q(0.7071) = 0.6994
    assertEquals(SketchKs.kolmogorovTail(Math.sqrt(2) * 0.5), r.pValue(), 1e-15);
    assertEquals(0.6994, r.pValue(), 1e-4);
    assertFalse(r.drifted());
    assertEquals(r.statistic(), SketchKs.test(b, a, 0.05).statistic(), 0.0);
  }

  @Test
  void tiesAreHandledInTheStatistic() {
    // a = {1, 1, 2}, b = {1, 2, 2}: F_a(1) = 2/3, F_b(1) = 1/3; at 2 both are 1. D = 1/3.
    SketchKsResult r = SketchKs.test(sketchOf(new double[] {1, 1, 2}, 8).sketch(0),
        sketchOf(new double[] {2, 1, 2}, 8).sketch(0));
    assertEquals(1.0 / 3, r.statistic(), 1e-15);
    assertEquals(1.0, r.location());
  }

  @Test
  void sameDistributionAtAMillionRowsDoesNotFalseAlarmButAPlainTestWould() {
    SingleWriterProfile ref = normal(1, 1_000_000, 0.0);
    SingleWriterProfile cur = normal(2, 1_000_000, 0.0);
    ColumnSketch a = ref.sketch(0);
    ColumnSketch b = cur.sketch(0);
    assertFalse(a.exact());
    SketchKsResult r = SketchKs.test(a, b, 0.05);
    assertFalse(r.drifted(), r::toString);
    assertEquals(1.0, r.pValue(), 1e-12, r::toString);
    // the sketch estimates differ by more than the plain KS critical value 0.0019 at this size,
    // so a p-value that ignored the rank error would flag drift
    assertTrue(r.rawPValue() < 0.05, r::toString);
    assertEquals(a.normalizedRankError() + b.normalizedRankError(), r.rankErrorBound(), 0.0);
    // reference model: the largest CDF gap over every retained item of either sketch
    double brute = 0;
    for (ColumnSketch s : new ColumnSketch[] {a, b}) {
      for (double x : s.itemView()) {
        brute = Math.max(brute, Math.abs(a.cdf(x) - b.cdf(x)));
      }
    }
    assertEquals(brute, r.statistic(), 1e-15);
    assertEquals(brute, Math.abs(a.cdf(r.location()) - b.cdf(r.location())), 1e-15);
  }

  @Test
  void aFifthOfAStandardDeviationShiftIsDetected() {
    // true KS distance of N(0,1) vs N(0.2,1): 2 Phi(0.1) - 1 = 0.0797, well above the
    // threshold 1.358 sqrt(2e-6) + 2 * 0.0133 = 0.0285
    SketchKsResult r = SketchKs.test(normal(3, 1_000_000, 0.0).sketch(0),
        normal(4, 1_000_000, 0.2).sketch(0), 0.05);
    assertTrue(r.drifted(), r::toString);
    assertEquals(0.0797, r.statistic(), 0.015);
    assertTrue(r.pValue() < 1e-12, r::toString);
    assertTrue(r.statistic() > r.threshold());
    assertEquals(0.0285, r.threshold(), 5e-4);
  }

  @Test
  void noFalseAlarmsOverManySeeds() {
    for (int seed = 10; seed < 30; seed++) {
      SketchKsResult r = SketchKs.test(normal(seed, 100_000, 0.0).sketch(0),
          normal(seed + 1000, 100_000, 0.0).sketch(0));
      assertFalse(r.drifted(), "seed " + seed + ": " + r);
    }
  }

  @Test
  void badInputIsRejected() {
    ColumnSketch empty = sketchOf(new double[0], 8).sketch(0);
    ColumnSketch one = sketchOf(new double[] {1}, 8).sketch(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SketchKs.test(empty, one));
    assertTrue(e.getMessage().contains("reference.n() = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SketchKs.test(one, one, 1.0));
    assertTrue(e.getMessage().contains("alpha = 1.0"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> empty.cdf(0));
    e = assertThrows(IllegalArgumentException.class, () -> one.quantile(1.5));
    assertTrue(e.getMessage().contains("rank = 1.5"), e.getMessage());
  }

  @Test
  void cdfAndQuantileOfAnExactSketch() {
    ColumnSketch s = sketchOf(new double[] {3, 1, 2, 2, Double.NaN}, 8).sketch(0);
    assertEquals(4, s.n());
    assertEquals(0.0, s.cdf(0.5));
    assertEquals(0.75, s.cdf(2)); // {1, 2, 2} of 4
    assertEquals(1.0, s.cdf(3));
    assertEquals(1.0, s.quantile(0.25));
    assertEquals(2.0, s.quantile(0.5));
    assertEquals(3.0, s.quantile(1.0));
    assertEquals(1.0, s.min());
    assertEquals(3.0, s.max());
  }
}
