package dev.reco.monitoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.monitoring.stats.KolmogorovSmirnov.Alternative;
import dev.reco.monitoring.stats.KolmogorovSmirnov.Method;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the two-sample test against simple reference models. */
class KolmogorovSmirnovPropertiesTest {

  /** Small samples with many ties (a few levels), including -0.0 and 0.0. */
  @Provide
  Arbitrary<List<Double>> sample() {
    return Arbitraries.of(-2.0, -0.0, 0.0, 0.5, 1.0, 3.0, 7.25, 1e9)
        .list().ofMinSize(1).ofMaxSize(14);
  }

  /** Samples of continuous-looking values. */
  @Provide
  Arbitrary<List<Double>> wide() {
    return Arbitraries.doubles().between(-1e6, 1e6).list().ofMinSize(1).ofMaxSize(60);
  }

  private static double[] array(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }

  /** O(n m) reference: ECDFs as counts of values {@code <= t} at every pooled value t. */
  private static double[] bruteForceMaxMin(double[] a, double[] b) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double[] pool : new double[][] {a, b}) {
      for (double t : pool) {
        int ka = 0;
        for (double v : a) {
          ka += v <= t ? 1 : 0;
        }
        int kb = 0;
        for (double v : b) {
          kb += v <= t ? 1 : 0;
        }
        double diff = (double) ka / a.length - (double) kb / b.length;
        max = Math.max(max, diff);
        min = Math.min(min, diff);
      }
    }
    return new double[] {max, Math.max(-min, 0.0)};
  }

  @Property(tries = 300, seed = "42")
  void statisticMatchesBruteForceEcdfs(
      @ForAll("sample") List<Double> x, @ForAll("sample") List<Double> y) {
    double[] a = array(x);
    double[] b = array(y);
    double[] ref = bruteForceMaxMin(a, b);
    // ASYMP: no lattice rounding of D
    assertEquals(ref[0],
        KolmogorovSmirnov.test(a, b, Alternative.GREATER, Method.ASYMP).statistic(), 0.0);
    assertEquals(ref[1],
        KolmogorovSmirnov.test(a, b, Alternative.LESS, Method.ASYMP).statistic(), 0.0);
    assertEquals(Math.max(ref[0], ref[1]),
        KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED, Method.ASYMP).statistic(), 0.0);
  }

  @Property(tries = 300, seed = "43")
  void twoSidedIsSymmetricAndOneSidedSwapsWithTheSamples(
      @ForAll("wide") List<Double> x, @ForAll("sample") List<Double> y,
      @ForAll @IntRange(min = 0, max = 2) int methodIndex) {
    double[] a = array(x);
    double[] b = array(y);
    Method method = Method.values()[methodIndex];
    KsResult ab = KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED, method);
    KsResult ba = KolmogorovSmirnov.test(b, a, Alternative.TWO_SIDED, method);
    assertEquals(ab.statistic(), ba.statistic(), 0.0);
    assertEquals(ab.pValue(), ba.pValue(), 0.0);
    KsResult greaterAb = KolmogorovSmirnov.test(a, b, Alternative.GREATER, method);
    KsResult lessBa = KolmogorovSmirnov.test(b, a, Alternative.LESS, method);
    assertEquals(greaterAb.statistic(), lessBa.statistic(), 0.0);
    assertEquals(greaterAb.pValue(), lessBa.pValue(), 0.0);
  }

  @Property(tries = 300, seed = "44")
  void resultsStayInRange(
      @ForAll("wide") List<Double> x, @ForAll("wide") List<Double> y,
      @ForAll @IntRange(min = 0, max = 2) int altIndex,
      @ForAll @IntRange(min = 0, max = 2) int methodIndex) {
    double[] a = array(x);
    double[] b = array(y);
    KsResult r = KolmogorovSmirnov.test(
        a, b, Alternative.values()[altIndex], Method.values()[methodIndex]);
    assertTrue(r.statistic() >= 0 && r.statistic() <= 1, r.toString());
    boolean degenerate = a.length == 1 && b.length == 1 && r.method() == Method.ASYMP
        && altIndex == 0;
    assertTrue(degenerate || (r.pValue() >= 0 && r.pValue() <= 1), r.toString());
    assertTrue(r.method() != Method.AUTO);
  }

  @Property(tries = 200, seed = "45")
  void permutationsChangeNothing(
      @ForAll("sample") List<Double> x, @ForAll("wide") List<Double> y,
      @ForAll long shuffleSeed) {
    double[] a = array(x);
    double[] b = array(y);
    KsResult r = KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED, Method.AUTO);
    SplittableRandom rng = new SplittableRandom(shuffleSeed);
    shuffle(a, rng);
    shuffle(b, rng);
    assertEquals(r, KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED, Method.AUTO));
  }

  private static void shuffle(double[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * The exact p-value equals the share of all C(n + m, n) equally likely interleavings of
   * distinct values whose statistic reaches the observed one: enumerated here by brute force.
   */
  @Property(tries = 120, seed = "46")
  void exactPValueEqualsEnumerationOfAllInterleavings(
      @ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 1, max = 8) int m,
      @ForAll long dataSeed) {
    SplittableRandom rng = new SplittableRandom(dataSeed);
    double[] a = new double[n];
    double[] b = new double[m];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextInt(12);
    }
    for (int i = 0; i < m; i++) {
      b[i] = rng.nextInt(12) + 0.5 * rng.nextInt(2);
    }
    int total = n + m;
    for (Alternative alt : Alternative.values()) {
      KsResult r = KolmogorovSmirnov.test(a, b, alt, Method.EXACT);
      if (r.method() != Method.EXACT) {
        continue;
      }
      long hits = 0;
      long all = 0;
      // each mask with n bits set: positions (ranks 0..total-1) taken by sample a
      for (int mask = 0; mask < (1 << total); mask++) {
        if (Integer.bitCount(mask) != n) {
          continue;
        }
        all++;
        int ka = 0;
        int kb = 0;
        double max = 0;
        double min = 0;
        for (int pos = 0; pos < total; pos++) {
          if ((mask & (1 << pos)) != 0) {
            ka++;
          } else {
            kb++;
          }
          // exact lattice comparison: ka/n - kb/m = (ka m - kb n) / (n m)
          double diff = (double) (ka * m - kb * n) / ((long) n * m);
          max = Math.max(max, diff);
          min = Math.min(min, diff);
        }
        double stat = switch (alt) {
          case GREATER -> max;
          case LESS -> -min;
          case TWO_SIDED -> Math.max(max, -min);
        };
        if (stat >= r.statistic() - 1e-12) {
          hits++;
        }
      }
      assertEquals((double) hits / all, r.pValue(), 1e-12, alt + " n=" + n + " m=" + m);
    }
  }
}
