package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class PsiTest {
  private static final double EPS = Psi.DEFAULT_EPSILON;

  @Test
  void handComputedTwoBins() {
    // bins (-inf, 0.5), [0.5, +inf); reference counts (2, 2), current (1, 3); B = 2
    // p' = (0.5 + eps) / (1 + 2 eps) = 0.5 on both bins
    // q' = (0.25 + eps) / (1 + 2 eps) = 0.25004999..., (0.75 + eps) / (1 + 2 eps) = 0.74995000...
    // PSI = (q'1 - 0.5) ln(q'1 / 0.5) + (q'2 - 0.5) ln(q'2 / 0.5) = 0.27453151696961...
    // (without epsilon: 0.25 ln 2 + 0.25 ln 1.5 = 0.27465)
    Psi psi = Psi.defaults().withBins(BinSpec.explicit(0.5));
    DriftResult r = psi.test(new double[] {0, 0, 1, 1}, new double[] {0, 1, 1, 1});
    double norm = 1 + 2 * EPS;
    double q1 = (0.25 + EPS) / norm;
    double q2 = (0.75 + EPS) / norm;
    double expected = (q1 - 0.5) * Math.log(q1 / 0.5) + (q2 - 0.5) * Math.log(q2 / 0.5);
    assertEquals(expected, r.statistic(), 1e-15);
    assertEquals(0.2745315169696105, r.statistic(), 1e-15); // NumPy, same formula
    assertEquals((q1 - 0.5) * Math.log(q1 / 0.5), r.bins().get(0).contribution(), 1e-15);
    // significance: half a pseudo-count per bin, p'' = (2.5/5, 2.5/5), q'' = (1.5/5, 3.5/5);
    // PSI'' = (0.3 - 0.5) ln(0.3/0.5) + (0.7 - 0.5) ln(0.7/0.5) = 0.16946...
    // T = PSI'' * n m / (n + m) = PSI'' * 16 / 8; chi-square(1) tail = erfc(sqrt(T/2))
    double smoothed = -0.2 * Math.log(0.6) + 0.2 * Math.log(1.4);
    double t = 2 * smoothed;
    assertEquals(Erf.erfc(Math.sqrt(t / 2)), r.pValue(), 1e-14);
    assertEquals(0.5604537777606649, r.pValue(), 1e-12); // scipy.stats.chi2.sf(T, 1)
    // PSI 0.27 >= 0.1 but p = 0.56: four values a side are no evidence
    assertEquals(Verdict.NO_DRIFT, r.verdict());
    assertEquals(PsiBand.MAJOR, PsiBand.of(r.statistic()));
    // the classic band rule (alpha = 1) would call it drift
    assertEquals(Verdict.DRIFT, psi.withAlpha(1.0).test(new double[] {0, 0, 1, 1},
        new double[] {0, 1, 1, 1}).verdict());
    assertEquals(0.5, r.bins().get(0).referenceShare());
    assertEquals(0.25, r.bins().get(0).currentShare());
    assertEquals("(-inf, 0.5)", r.bins().get(0).label());
  }

  @Test
  void epsilonPolicyKeepsAnEmptyReferenceBinFinite() {
    // reference (4, 0), current (2, 2): p' = ((1 + e) / (1 + 2e), e / (1 + 2e)), q' = (1/2, 1/2)
    Psi psi = Psi.defaults().withBins(BinSpec.explicit(0.5));
    DriftResult r = psi.test(new double[] {0, 0, 0, 0}, new double[] {0, 0, 1, 1});
    double norm = 1 + 2 * EPS;
    double p1 = (1 + EPS) / norm;
    double p2 = EPS / norm;
    double expected = (0.5 - p1) * Math.log(0.5 / p1) + (0.5 - p2) * Math.log(0.5 / p2);
    assertEquals(expected, r.statistic(), 1e-14);
    assertEquals(4.6042993236235334, r.statistic(), 1e-13); // NumPy, same formula
    // a larger epsilon shrinks the empty bin's term: ln(0.5 / p2) falls
    assertTrue(psi.withEpsilon(1e-2).test(new double[] {0, 0, 0, 0},
        new double[] {0, 0, 1, 1}).statistic() < r.statistic() / 2);
  }

  @Test
  void identicalSamplesGiveZero() {
    double[] x = Samples.normal(new SplittableRandom(1), 500, 0, 1);
    DriftResult r = Psi.defaults().test(x, x.clone());
    assertEquals(0.0, r.statistic());
    assertEquals(1.0, r.pValue());
    assertEquals(Verdict.NO_DRIFT, r.verdict());
    assertEquals(10, r.bins().size());
    for (BinDetail b : r.bins()) {
      assertEquals(50, b.referenceCount()); // quantile bins: n / B each, without ties
    }
  }

  @Test
  void contributionsSumToTheStatistic() {
    SplittableRandom random = new SplittableRandom(2);
    DriftResult r = Psi.defaults().test(Samples.normal(random, 400, 0, 1),
        Samples.normal(random, 300, 0.4, 1.2));
    double sum = 0;
    for (BinDetail b : r.bins()) {
      assertTrue(b.contribution() >= 0);
      sum += b.contribution();
    }
    assertEquals(r.statistic(), sum, 1e-15);
  }

  /**
   * With no drift, B = 10 and n = m = 100, PSI averages about (B - 1)(1/n + 1/m) = 0.18 and
   * passes the 0.1 band in most runs; the significance test false-alarms at about alpha.
   */
  @Test
  void nullSimulationSmallSamplesDoNotFalseAlarm() {
    int replicates = 500;
    int bandAlarms = 0;
    int verdictAlarms = 0;
    double sum = 0;
    Psi psi = Psi.defaults();
    for (int r = 0; r < replicates; r++) {
      SplittableRandom random = new SplittableRandom(1000 + r);
      DriftResult d = psi.test(Samples.normal(random, 100, 0, 1), Samples.normal(random, 100, 0, 1));
      sum += d.statistic();
      if (PsiBand.of(d.statistic()) != PsiBand.STABLE) {
        bandAlarms++;
      }
      if (d.drifted()) {
        verdictAlarms++;
      }
    }
    double mean = sum / replicates;
    double bandRate = (double) bandAlarms / replicates;
    double rate = (double) verdictAlarms / replicates;
    String summary = "mean PSI " + mean + ", band rate " + bandRate + ", verdict rate " + rate;
    // first order: (B - 1)(1/n + 1/m) = 0.18; second order adds (1/n^2 + 1/m^2) sum_j 1/(2 pi_j)
    // = 2e-4 * 50 = 0.01 (docs/drift-tests.md); the sd of a 500-run mean is about 0.004
    assertEquals(0.19, mean, 0.015, summary);
    assertTrue(bandRate > 0.8, summary);
    // nominal alpha 0.05: a binomial(500, 0.05) rate lies in [0.021, 0.079] with 99.7%
    assertTrue(rate >= 0.02 && rate <= 0.09, summary);
  }

  /**
   * At n = m = 50 with 10 bins, a bin is often empty on one side; with the fixed epsilon its term
   * share * ln(share / eps) is large, and referring PSI * n m / (n + m) itself to chi-square(9)
   * would false-alarm in about a quarter of no-drift runs. The reported p-value (half a
   * pseudo-count per bin) stays at or below alpha.
   */
  @Test
  void fixedEpsilonWouldFalseAlarmWherePseudoCountsDoNot() {
    int replicates = 500;
    int naive = 0;
    int reported = 0;
    for (int r = 0; r < replicates; r++) {
      SplittableRandom random = new SplittableRandom(9000 + r);
      DriftResult d = Psi.defaults().test(Samples.normal(random, 50, 0, 1),
          Samples.normal(random, 50, 0, 1));
      int df = d.bins().size() - 1;
      double naiveP = org.apache.commons.math3.special.Gamma.regularizedGammaQ(df / 2.0,
          d.statistic() * 25 / 2.0); // T = PSI * 50 * 50 / 100
      if (naiveP <= 0.05) {
        naive++;
      }
      if (d.pValue() <= 0.05) {
        reported++;
      }
    }
    String summary = "naive " + naive + ", reported " + reported + " of " + replicates;
    assertTrue(naive >= 75, summary); // at least 15%, 3x alpha
    assertTrue(reported <= 40, summary); // at most 8%: alpha plus binomial noise
  }

  /** Unequal sizes and 20 bins: the chi-square reference still holds. */
  @Test
  void nullSimulationUnequalSizes() {
    int replicates = 400;
    int alarms = 0;
    Psi psi = Psi.defaults().withBins(BinSpec.quantiles(20));
    for (int r = 0; r < replicates; r++) {
      SplittableRandom random = new SplittableRandom(5000 + r);
      DriftResult d = psi.test(Samples.normal(random, 600, 0, 1), Samples.normal(random, 150, 0, 1));
      if (d.pValue() <= 0.05) {
        alarms++;
      }
    }
    double rate = (double) alarms / replicates;
    // binomial(400, 0.05): 3 sd = 0.033
    assertTrue(rate >= 0.017 && rate <= 0.09, "rate " + rate);
  }

  @Test
  void aRealShiftIsDetected() {
    SplittableRandom random = new SplittableRandom(3);
    DriftResult d = Psi.defaults().test(Samples.normal(random, 1000, 0, 1),
        Samples.normal(random, 1000, 0.6, 1));
    assertTrue(d.pValue() < 1e-10, d.toString());
    assertTrue(d.statistic() > 0.25, d.toString());
    assertEquals(Verdict.DRIFT, d.verdict());
    assertEquals(PsiBand.MAJOR, PsiBand.of(d.statistic()));
  }

  @Test
  void frozenReferenceIsReusedAndReportsMissingValues() {
    double[] ref = {1, 2, 3, 4, Double.NaN, 5, 6, 7, 8};
    NumericReference frozen = Psi.defaults().withBins(BinSpec.quantiles(4)).freeze(ref);
    assertEquals(8, frozen.count());
    assertEquals(1, frozen.missing());
    DriftResult a = frozen.test(new double[] {1, 2, Double.NaN, Double.NaN, 7, 8});
    assertEquals(8, a.referenceCount());
    assertEquals(4, a.currentCount());
    assertEquals(1, a.referenceMissing());
    assertEquals(2, a.currentMissing());
    assertEquals(a, frozen.test(new double[] {1, 2, Double.NaN, Double.NaN, 7, 8}));
    DriftResult none = frozen.test(new double[] {Double.NaN, Double.NaN});
    assertEquals(Verdict.NOT_TESTED, none.verdict());
    assertTrue(Double.isNaN(none.statistic()));
    assertEquals(2, none.currentMissing());
    assertFalse(none.drifted());
  }

  @Test
  void categoricalPsiPoolsUnseenCategories() {
    // reference a:2 b:2; current a:1 b:1 x:1 y:1 -> bins a, b, (unseen) = (2, 2, 0) vs (1, 1, 2)
    DriftResult r = Psi.defaults().test(new String[] {"a", "b", "a", "b", null},
        new String[] {"x", "a", "y", "b"});
    assertEquals(3, r.bins().size());
    assertEquals(BinDetail.Kind.UNSEEN, r.bins().get(2).kind());
    assertEquals(0, r.bins().get(2).referenceCount());
    assertEquals(2, r.bins().get(2).currentCount());
    assertEquals(1, r.referenceMissing());
    double norm = 1 + 3 * EPS;
    double p = (0.5 + EPS) / norm;
    double q = (0.25 + EPS) / norm;
    double p0 = EPS / norm;
    double q0 = (0.5 + EPS) / norm;
    double expected = 2 * (q - p) * Math.log(q / p) + (q0 - p0) * Math.log(q0 / p0);
    assertEquals(expected, r.statistic(), 1e-14);
  }

  @Test
  void bandsFollowTheUsualCutoffs() {
    assertEquals(PsiBand.STABLE, PsiBand.of(0.0));
    assertEquals(PsiBand.STABLE, PsiBand.of(0.0999));
    assertEquals(PsiBand.MODERATE, PsiBand.of(0.1));
    assertEquals(PsiBand.MODERATE, PsiBand.of(0.2499));
    assertEquals(PsiBand.MAJOR, PsiBand.of(0.25));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PsiBand.of(-0.1));
    assertTrue(e.getMessage().contains("psi = -0.1"), e.getMessage());
  }

  @Test
  void configurationIsValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Psi.defaults().withEpsilon(0));
    assertTrue(e.getMessage().contains("epsilon = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Psi.defaults().withAlpha(0));
    assertTrue(e.getMessage().contains("alpha = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Psi.defaults().withThreshold(-1));
    assertTrue(e.getMessage().contains("threshold = -1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Psi.defaults().withThreshold(Double.NaN));
    assertTrue(e.getMessage().contains("threshold = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Psi.defaults().test(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}));
    assertTrue(e.getMessage().contains("current[0] = Infinity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Psi.defaults().compare(
        Binning.ofCuts(1), BinCounts.of(new long[] {1, 2, 3}, 0), BinCounts.of(new long[] {1, 2}, 0)));
    assertTrue(e.getMessage().contains("reference.bins() = 3"), e.getMessage());
  }
}
