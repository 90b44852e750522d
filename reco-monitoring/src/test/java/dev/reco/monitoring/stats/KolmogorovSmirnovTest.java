package dev.reco.monitoring.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.monitoring.stats.KolmogorovSmirnov.Alternative;
import dev.reco.monitoring.stats.KolmogorovSmirnov.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-checked cases, edge cases and the method switches of {@link KolmogorovSmirnov}. */
class KolmogorovSmirnovTest {
  private static final double EPS = 1e-15;

  @Test
  void disjointSamplesHaveD1AndExactTailOfTwoPaths() {
    // F_a reaches 1 at 3 while F_b is still 0: D = 1. Of the C(7, 3) = 35 equally likely
    // interleavings only "aaabbbb" and "bbbbaaa" reach |F_a - F_b| = 1, so p = 2/35.
    KsResult r = KolmogorovSmirnov.test(new double[] {3, 1, 2}, new double[] {7, 4, 6, 5});
    assertEquals(1.0, r.statistic(), 0.0);
    assertEquals(2.0 / 35, r.pValue(), EPS);
    assertEquals(Method.EXACT, r.method());
    assertEquals(3.0, r.statisticLocation(), 0.0);
    assertEquals(1, r.statisticSign());
    // one-sided: only "aaabbbb" has F_a - F_b = 1, p = 1/35; "less" sees F_b - F_a <= 0, D = 0
    KsResult greater = KolmogorovSmirnov.test(
        new double[] {1, 2, 3}, new double[] {4, 5, 6, 7}, Alternative.GREATER, Method.EXACT);
    assertEquals(1.0 / 35, greater.pValue(), EPS);
    KsResult less = KolmogorovSmirnov.test(
        new double[] {1, 2, 3}, new double[] {4, 5, 6, 7}, Alternative.LESS, Method.EXACT);
    assertEquals(0.0, less.statistic(), 0.0);
    assertEquals(1.0, less.pValue(), 0.0);
    assertEquals(-1, less.statisticSign());
  }

  @Test
  void equalSizesUseTheSquareFormula() {
    // n = m = 2, D = 1: "aabb" and "bbaa" out of C(4, 2) = 6, p = 1/3
    KsResult r = KolmogorovSmirnov.test(new double[] {1, 2}, new double[] {3, 4});
    assertEquals(1.0 / 3, r.pValue(), EPS);
    // n = m = 3, D = 2/3 (h = 2): paths with |#a - #b| reaching 2 somewhere. Reflection:
    // 2 (C(6, 1) - C(6, -1)) / C(6, 3) = 2 * 6 / 20 = 0.6
    KsResult r3 = KolmogorovSmirnov.test(new double[] {1, 2, 5}, new double[] {3, 4, 6});
    assertEquals(2.0 / 3, r3.statistic(), EPS);
    assertEquals(0.6, r3.pValue(), EPS);
  }

  @Test
  void tiesMoveBothEcdfsAtOnce() {
    // pooled values 1, 2: at 1, F_a = 2/3 and F_b = 1/3; at 2 both are 1. D = 1/3 at 1.
    // Jittering the tied 1s apart could report D = 2/3 instead.
    KsResult r = KolmogorovSmirnov.test(new double[] {1, 1, 2}, new double[] {1, 2, 2});
    assertEquals(1.0 / 3, r.statistic(), EPS);
    assertEquals(1.0, r.statisticLocation(), 0.0);
    assertEquals(1, r.statisticSign());
    // all values tied: both ECDFs jump from 0 to 1 together
    KsResult same = KolmogorovSmirnov.test(new double[] {5, 5, 5}, new double[] {5, 5});
    assertEquals(0.0, same.statistic(), 0.0);
    assertEquals(1.0, same.pValue(), 0.0);
  }

  @Test
  void identicalSamplesGiveDZeroAndPOneForEveryMethod() {
    double[] a = {0.5, -1, 3, 3, 7};
    for (Alternative alt : Alternative.values()) {
      for (Method m : Method.values()) {
        KsResult r = KolmogorovSmirnov.test(a, a.clone(), alt, m);
        assertEquals(0.0, r.statistic(), 0.0, alt + " " + m);
        assertEquals(1.0, r.pValue(), 0.0, alt + " " + m);
      }
    }
  }

  @Test
  void signedZerosAreEqualAndInfinitiesAreOrdinaryValues() {
    KsResult zeros = KolmogorovSmirnov.test(new double[] {0.0, 1.0}, new double[] {-0.0, 1.0});
    assertEquals(0.0, zeros.statistic(), 0.0);
    // pooled -inf, 0, 1, 2, +inf: F_a - F_b = 1/3, 2/3, 2/3 - 1/2, 2/3 - 1, 0 -> D = 2/3 at 0
    KsResult inf = KolmogorovSmirnov.test(
        new double[] {Double.POSITIVE_INFINITY, 0, Double.NEGATIVE_INFINITY},
        new double[] {1, 2});
    assertEquals(2.0 / 3, inf.statistic(), EPS);
    assertEquals(0.0, inf.statisticLocation(), 0.0);
  }

  @Test
  void locationPrefersTheFirstSampleLikeArgmaxOverTheConcatenation() {
    // F_a - F_b: at 1: 1/2 - 0; at 2: 1/2 - 1/2 = 0; at 3: 1 - 1/2 = 1/2; at 4: 1 - 1 = 0.
    // The maximum 1/2 is reached at 1 (a value of a) and 3 (a value of a): location 1.
    KsResult r = KolmogorovSmirnov.test(new double[] {1, 3}, new double[] {2, 4});
    assertEquals(0.5, r.statistic(), EPS);
    assertEquals(1.0, r.statisticLocation(), 0.0);
    // LESS looks at the minimum of F_a - F_b; a = {1, 3}, b = {0.5, 2}:
    // at 0.5: 0 - 1/2 = -1/2 (a value of b only); at 1: 1/2 - 1/2 = 0; at 2: 1/2 - 1 = -1/2
    // (b only); at 3: 0. No value of a attains -1/2, so the first value of b does: 0.5
    KsResult less = KolmogorovSmirnov.test(
        new double[] {1, 3}, new double[] {0.5, 2}, Alternative.LESS, Method.AUTO);
    assertEquals(0.5, less.statistic(), EPS);
    assertEquals(0.5, less.statisticLocation(), 0.0);
    assertEquals(-1, less.statisticSign());
  }

  @Test
  void oneSidedAsymptoticIsHodgesFormula() {
    // a = {1, 2, 3, 4}, b = {5, 6}: D+ = 1, m = 4, n = 2, en = 8/6 = 4/3, z = sqrt(4/3)
    // expt = -2 z^2 - 2 z (m + 2n) / sqrt(m n (m + n)) / 3 = -8/3 - 2 z * 8 / sqrt(48) / 3
    KsResult r = KolmogorovSmirnov.test(
        new double[] {1, 2, 3, 4}, new double[] {5, 6}, Alternative.GREATER, Method.ASYMP);
    double z = Math.sqrt(4.0 / 3);
    double expected = Math.exp(-8.0 / 3 - 2 * z * 8 / Math.sqrt(48) / 3);
    assertEquals(expected, r.pValue(), 1e-15);
    assertEquals(Method.ASYMP, r.method());
  }

  @Test
  void autoIsExactUpToTenThousandValuesPerSample() {
    SplittableRandom rng = new SplittableRandom(7);
    double[] a = rng.doubles(10_000).toArray();
    double[] b = rng.doubles(10_000).toArray();
    double[] c = rng.doubles(10_001).toArray();
    assertEquals(Method.EXACT, KolmogorovSmirnov.test(a, b).method());
    assertEquals(Method.ASYMP, KolmogorovSmirnov.test(a, c).method());
  }

  @Test
  void exactFallsBackToAsymptoticWhenOutOfReach() {
    SplittableRandom rng = new SplittableRandom(11);
    // one-sided, n != m: C(1300, 600) overflows a double, as in SciPy
    double[] a = rng.doubles(600).toArray();
    double[] b = rng.doubles(700).map(v -> v + 0.05).toArray();
    KsResult r = KolmogorovSmirnov.test(a, b, Alternative.GREATER, Method.EXACT);
    assertEquals(Method.ASYMP, r.method());
    // the attempt already rounded D to the lattice, round(D lcm) / lcm, and SciPy keeps that D;
    // it differs from the raw ECDF difference in the last bits only
    KsResult asymp = KolmogorovSmirnov.test(a, b, Alternative.GREATER, Method.ASYMP);
    assertEquals(Math.rint(asymp.statistic() * 4200) / 4200, r.statistic(), 0.0); // lcm = 4200
    assertEquals(asymp.pValue(), r.pValue(), 1e-12 * asymp.pValue());
    // lcm(46342, 46341) = 46342 * 46341 > 2^31 - 1: the lattice is too big
    double[] big1 = rng.doubles(46_342).toArray();
    double[] big2 = rng.doubles(46_341).toArray();
    assertEquals(Method.ASYMP,
        KolmogorovSmirnov.test(big1, big2, Alternative.TWO_SIDED, Method.EXACT).method());
    // equal sizes never overflow: exact even at 20 000
    double[] e1 = rng.doubles(20_000).toArray();
    double[] e2 = rng.doubles(20_000).toArray();
    assertEquals(Method.EXACT,
        KolmogorovSmirnov.test(e1, e2, Alternative.LESS, Method.EXACT).method());
  }

  @Test
  void singleValuesAsymptoticTwoSidedIsNanLikeScipy() {
    // round(1 * 1 / 2) = 0 (half to even): kstwo with n = 0 is undefined, SciPy returns NaN
    KsResult r = KolmogorovSmirnov.test(
        new double[] {1}, new double[] {2}, Alternative.TWO_SIDED, Method.ASYMP);
    assertTrue(Double.isNaN(r.pValue()));
    assertEquals(1.0, KolmogorovSmirnov.test(new double[] {1}, new double[] {2}).pValue(), 0.0);
  }

  @Test
  void inputsAreNotModified() {
    double[] a = {3, 1, 2};
    double[] b = {9, -4};
    KolmogorovSmirnov.test(a, b);
    assertArrayEquals(new double[] {3, 1, 2}, a);
    assertArrayEquals(new double[] {9, -4}, b);
  }

  @Test
  void presortedEntryPointAgreesAndChecksOrder() {
    double[] a = {1, 2, 2, 5};
    double[] b = {0, 3, 4};
    assertEquals(KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED, Method.EXACT),
        KolmogorovSmirnov.testSorted(a, b, Alternative.TWO_SIDED, Method.EXACT));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovSmirnov.testSorted(a, new double[] {3, 0}, Alternative.LESS, Method.AUTO));
    assertTrue(e.getMessage().contains("sortedB[1] = 0.0"), e.getMessage());
  }

  @Test
  void nanIsRejectedWithItsIndex() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovSmirnov.test(new double[] {1, Double.NaN, 3, Double.NaN}, new double[] {2}));
    assertTrue(e.getMessage().contains("a[1] = NaN"), e.getMessage());
    assertTrue(e.getMessage().contains("2 NaN"), e.getMessage());
    IllegalArgumentException eb = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovSmirnov.testSorted(
            new double[] {1}, new double[] {Double.NaN}, Alternative.LESS, Method.AUTO));
    assertTrue(eb.getMessage().contains("sortedB[0] = NaN"), eb.getMessage());
  }

  @Test
  void emptySamplesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovSmirnov.test(new double[] {1}, new double[0]));
    assertTrue(e.getMessage().contains("b is empty"), e.getMessage());
    IllegalArgumentException ea = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovSmirnov.test(new double[0], new double[] {1}));
    assertTrue(ea.getMessage().contains("a is empty"), ea.getMessage());
  }

  @Test
  void nullArgumentsAreRejected() {
    double[] a = {1};
    assertThrows(NullPointerException.class, () -> KolmogorovSmirnov.test(null, a));
    assertThrows(NullPointerException.class,
        () -> KolmogorovSmirnov.test(a, a, null, Method.AUTO));
    assertThrows(NullPointerException.class,
        () -> KolmogorovSmirnov.test(a, a, Alternative.LESS, null));
  }

  @Test
  void resultValidatesItsFields() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KsResult(1.5, 0.5, Method.EXACT, 0, 1));
    assertTrue(e.getMessage().contains("statistic = 1.5"), e.getMessage());
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
        () -> new KsResult(0.5, 0.5, Method.AUTO, 0, 1));
    assertTrue(m.getMessage().contains("AUTO"), m.getMessage());
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> new KsResult(0.5, 0.5, Method.ASYMP, 0, 0));
    assertTrue(s.getMessage().contains("statisticSign = 0"), s.getMessage());
  }

  @Test
  void distributionFunctionsValidateArguments() {
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovDistributions.twoSidedSf(0, 0.5));
    assertTrue(n.getMessage().contains("n = 0"), n.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KolmogorovDistributions.twoSidedCdf(1L << 31, 0.5));
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> KolmogorovDistributions.oneSidedSf(5, 1.5));
    assertTrue(d.getMessage().contains("d = 1.5"), d.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KolmogorovDistributions.limitSf(Double.NaN));
  }

  @Test
  void largeNSmirnovTermsAgreeWithDoubleDoubleTerms() {
    // n >= 20 000 evaluates each Birnbaum-Tingey term from Stirling's series; SciPy's
    // double-double evaluation of the same terms is the reference (sf from 0.9 down to 1e-250)
    for (int n : new int[] {Smirnov.STIRLING_TERMS_MIN_N, 30_011}) {
      for (double c : new double[] {0.01, 0.3, 1.1, 2.2, 5, 40, 300, 600}) {
        double x = Math.sqrt(c / (2.0 * n));
        double[] fast = Smirnov.probs(n, x, true);
        double[] reference = Smirnov.probs(n, x, false);
        assertEquals(reference[0], fast[0], 1e-11 * reference[0], "n=" + n + " c=" + c);
        assertEquals(reference[1], fast[1], 1e-11 * reference[1] + 1e-16, "n=" + n + " c=" + c);
      }
    }
  }

  @Test
  void stirlingRemainderMatchesLogFactorial() {
    // S(k) = log k! - (k + 1/2) log k + k - log sqrt(2 pi); k = 25: log 25! from the product
    double logFactorial = 0;
    for (int i = 2; i <= 25; i++) {
      logFactorial += Math.log(i);
    }
    double expected = logFactorial - 25.5 * Math.log(25) + 25 - 0.5 * Math.log(2 * Math.PI);
    assertEquals(expected, Smirnov.stirlingRemainder(25), 1e-13);
    assertEquals(1.0 / 12 - 1.0 / 360 + 1.0 / 1260, Smirnov.stirlingRemainder(1), 1e-3);
  }

  @Test
  void distributionClosedForms() {
    // n = 1: D+_1 >= d iff the single uniform is <= 1 - d, so P = 1 - d
    assertEquals(0.75, KolmogorovDistributions.oneSidedSf(1, 0.25), EPS);
    // Ruben-Gambino: P(D_n > x) = 2 (1 - x)^n for x >= 1 - 1/n; n = 4, x = 0.8: 2 * 0.2^4
    assertEquals(2 * Math.pow(0.2, 4), KolmogorovDistributions.twoSidedSf(4, 0.8), 1e-17);
    // two-sided for x >= 1/2 is exactly twice the one-sided tail
    assertEquals(2 * KolmogorovDistributions.oneSidedSf(30, 0.55),
        KolmogorovDistributions.twoSidedSf(30, 0.55), 1e-16);
    // limit: K(x) sf = 2 (e^-2x^2 - e^-8x^2 + e^-18x^2 - ...), x = 1.5
    double x = 1.5;
    double series = 0;
    for (int k = 1; k < 10; k++) {
      series += (k % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * k * k * x * x);
    }
    assertEquals(series, KolmogorovDistributions.limitSf(x), 1e-16);
    assertEquals(1 - series, KolmogorovDistributions.limitCdf(x), 1e-15);
  }
}
