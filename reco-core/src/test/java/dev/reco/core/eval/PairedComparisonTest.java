package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  @Test
  void handComputedTTest() {
    // a - b = d = [0.2, 0.3, -0.1]; mean = 0.4 / 3; deviations 1/15, 1/6, -7/30
    double[] a = {0.5, 0.7, 0.2};
    double[] b = {0.3, 0.4, 0.3};
    PairedComparison c = PairedComparison.compare(a, b, ComparisonConfig.withSeed(1));
    double mean = 0.4 / 3;
    // sum of squared deviations = 1/225 + 1/36 + 49/900 = 0.0866...; variance = that / 2
    double sd = Math.sqrt((1.0 / 225 + 1.0 / 36 + 49.0 / 900) / 2);
    double t = mean / (sd / Math.sqrt(3));
    assertEquals(3, c.n());
    assertEquals(mean, c.meanDifference(), 1e-15);
    assertEquals(sd, c.standardDeviation(), 1e-15);
    assertEquals(t, c.tStatistic(), 1e-13);
    assertEquals(1.1094003924504583, t, 1e-13); // scipy.stats.ttest_rel: 1.1094003924504585
    assertEquals(2, c.degreesOfFreedom());
    // df = 2: P(|T| >= t) = 1 - t / sqrt(2 + t^2)
    assertEquals(1 - t / Math.sqrt(2 + t * t), c.pValue(), 1e-14);
    assertEquals(1.4 / 3, c.meanA(), 1e-15);
    assertEquals(1.0 / 3, c.meanB(), 1e-15);
    assertTrue(Double.isNaN(c.permutationPValue())); // not requested
  }

  @Test
  void bootstrapIntervalIsThePercentileOfResampledMeans() {
    // two values: every resample mean is 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4, so a
    // 50% interval (quantiles 0.25 and 0.75) of many resamples lies within [0, 1]
    double[] a = {1, 0};
    double[] b = {0, 0};
    PairedComparison c = PairedComparison.compare(a, b,
        ComparisonConfig.withSeed(3).withConfidenceLevel(0.5).withBootstrapResamples(4001));
    assertEquals(0.5, c.meanDifference());
    assertTrue(c.ciLower() >= 0.0 && c.ciLower() <= 0.5, c.toString());
    assertTrue(c.ciUpper() >= 0.5 && c.ciUpper() <= 1.0, c.toString());
  }

  @Test
  void quantileInterpolatesLinearlyBetweenOrderStatistics() {
    double[] sorted = {1, 2, 4, 8, 16};
    // position (5 - 1) * q: q = 0.5 -> 2 -> 4; q = 0.1 -> 0.4 -> 1 + 0.4 * (2 - 1)
    assertEquals(4.0, PairedComparison.quantile(sorted, 0.5));
    assertEquals(1.4, PairedComparison.quantile(sorted, 0.1), 1e-15);
    // q = 0.975 -> 3.9 -> 8 + 0.9 * 8
    assertEquals(15.2, PairedComparison.quantile(sorted, 0.975), 1e-12);
    assertEquals(16.0, PairedComparison.quantile(sorted, 1.0));
  }

  @Test
  void constantNonZeroDifferenceHasInfiniteT() {
    PairedComparison c = PairedComparison.compare(
        new double[] {0.6, 0.5, 0.9}, new double[] {0.5, 0.4, 0.8}, ComparisonConfig.withSeed(1));
    // 0.6 - 0.5, 0.5 - 0.4 and 0.9 - 0.8 differ in the last bits, so not exactly constant
    assertTrue(c.pValue() < 1e-10, c.toString());
    PairedComparison exact = PairedComparison.compare(
        new double[] {1, 2, 3}, new double[] {0, 1, 2}, ComparisonConfig.withSeed(1));
    assertEquals(Double.POSITIVE_INFINITY, exact.tStatistic());
    assertEquals(0.0, exact.pValue());
    assertEquals(1.0, exact.ciLower());
    assertEquals(1.0, exact.ciUpper());
  }

  @Test
  void strongEffectIsFoundByEveryTest() {
    Random random = new Random(11);
    double[] a = new double[400];
    double[] b = new double[400];
    for (int i = 0; i < a.length; i++) {
      b[i] = random.nextDouble();
      a[i] = b[i] + 0.05 + 0.1 * random.nextGaussian();
    }
    PairedComparison c = PairedComparison.compare(a, b,
        ComparisonConfig.withSeed(5).withPermutationResamples(999));
    assertTrue(c.intervalExcludesZero(), c.toString());
    assertTrue(c.pValue() < 1e-10, c.toString());
    assertEquals(1.0 / 1000, c.permutationPValue(), 0.0); // no flip is as extreme
  }

  @Test
  void readableToString() {
    PairedComparison c = PairedComparison.compare(new double[] {0.5, 0.7, 0.2},
        new double[] {0.3, 0.4, 0.3},
        new ComparisonConfig(1000, 0.9, 42, 200));
    String s = c.toString();
    assertTrue(s.startsWith("PairedComparison[n=3, mean a=0.466667, mean b=0.333333, "
        + "a-b=+0.133333, 90% CI ["), s);
    assertTrue(s.contains("(paired bootstrap, percentile, 1000 resamples, seed 42), t=1.109 "
        + "(df=2), p=0.3828, sign-flip p="), s);
    assertTrue(s.endsWith("(200 resamples)]"), s);
  }

  @Test
  void differencesAreCopiedInAndOut() {
    PairedComparison c = PairedComparison.compare(
        new double[] {3, 1}, new double[] {1, 1}, ComparisonConfig.withSeed(1));
    double[] d = c.differences();
    assertArrayEquals(new double[] {2, 0}, d);
    d[0] = 99;
    assertArrayEquals(new double[] {2, 0}, c.differences());
    assertEquals(c, PairedComparison.compare(
        new double[] {3, 1}, new double[] {1, 1}, ComparisonConfig.withSeed(1)));
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(new double[] {1, 2}, new double[] {1},
            ComparisonConfig.withSeed(1)));
    assertTrue(e.getMessage().contains("b.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(new double[] {1}, new double[] {1},
            ComparisonConfig.withSeed(1)));
    assertTrue(e.getMessage().contains("a.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(new double[] {1, Double.NaN}, new double[] {1, 2},
            ComparisonConfig.withSeed(1)));
    assertTrue(e.getMessage().contains("a[1] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ComparisonConfig(0, 0.95, 1, 0));
    assertTrue(e.getMessage().contains("bootstrapResamples = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ComparisonConfig.withSeed(1).withConfidenceLevel(1.0));
    assertTrue(e.getMessage().contains("confidenceLevel = 1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ComparisonConfig.withSeed(1).withPermutationResamples(-1));
    assertTrue(e.getMessage().contains("permutationResamples = -1"), e.getMessage());
  }

  private static double[] values(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextInt(4) == 0 ? 0.0 : random.nextDouble();
    }
    return v;
  }

  @Property(tries = 60, seed = "20261123")
  void comparingWithItselfShowsNoDifference(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 300) int n) {
    double[] a = values(new Random(seed), n);
    PairedComparison c = PairedComparison.compare(a, a.clone(),
        new ComparisonConfig(200, 0.95, seed, 100));
    assertEquals(0.0, c.meanDifference());
    assertEquals(0.0, c.ciLower());
    assertEquals(0.0, c.ciUpper());
    assertEquals(0.0, c.tStatistic());
    assertEquals(1.0, c.pValue());
    assertEquals(1.0, c.permutationPValue());
    assertFalse(c.intervalExcludesZero());
  }

  @Property(tries = 40, seed = "20261124")
  void sameSeedSameResultAndSwappingSidesNegates(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 200) int n) {
    Random random = new Random(seed);
    double[] a = values(random, n);
    double[] b = values(random, n);
    ComparisonConfig config = new ComparisonConfig(300, 0.95, seed, 50);
    PairedComparison first = PairedComparison.compare(a, b, config);
    PairedComparison second = PairedComparison.compare(a.clone(), b.clone(), config);
    assertEquals(first, second);
    assertEquals(first.toString(), second.toString());
    assertTrue(first.ciLower() <= first.ciUpper());
    assertTrue(first.pValue() >= 0.0 && first.pValue() <= 1.0);
    assertTrue(first.permutationPValue() > 0.0 && first.permutationPValue() <= 1.0);
    // B - A: the t-test is exactly antisymmetric
    PairedComparison swapped = PairedComparison.compare(b, a, config);
    assertEquals(-first.tStatistic(), swapped.tStatistic(), 1e-12 * Math.abs(first.tStatistic()));
    assertEquals(first.pValue(), swapped.pValue(), 1e-12);
  }

  @Test
  void differentSeedsDrawDifferentResamples() {
    Random random = new Random(99);
    double[] a = values(random, 100);
    double[] b = values(random, 100);
    PairedComparison one = PairedComparison.compare(a, b, ComparisonConfig.withSeed(1));
    PairedComparison two = PairedComparison.compare(a, b, ComparisonConfig.withSeed(2));
    assertEquals(one.pValue(), two.pValue()); // the t-test draws nothing
    assertNotEquals(one.ciLower(), two.ciLower());
    assertTrue(Arrays.equals(one.differences(), two.differences()));
  }
}
