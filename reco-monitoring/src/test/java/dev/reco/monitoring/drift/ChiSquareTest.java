package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class ChiSquareTest {

  private static String[] labels(String category, int count) {
    String[] x = new String[count];
    java.util.Arrays.fill(x, category);
    return x;
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream)
        .toArray(String[]::new);
  }

  @Test
  void handComputedTwoByTwoWithoutYatesCorrection() {
    // reference a:30 b:70, current a:50 b:50; N = 200, column totals 80 and 120
    // expected counts: 100 * 80 / 200 = 40 and 60 in both rows
    // X2 = 2 * (10^2 / 40 + 10^2 / 60) = 2 * (2.5 + 1.6667) = 8.3333; df = 1
    // p = P(chi2(1) >= 8.3333) = erfc(sqrt(8.3333 / 2)); V = sqrt(8.3333 / 200) = 0.2041
    DriftResult r = ChiSquare.defaults().test(
        concat(labels("a", 30), labels("b", 70)), concat(labels("a", 50), labels("b", 50)));
    assertEquals(25.0 / 3, r.statistic(), 1e-12);
    assertEquals(Erf.erfc(Math.sqrt(25.0 / 6)), r.pValue(), 1e-14);
    assertEquals(0.003892417122778637, r.pValue(), 1e-13); // scipy chi2_contingency
    assertEquals(Math.sqrt(25.0 / 3 / 200), r.effectSize(), 1e-15);
    assertEquals(ChiSquare.EFFECT, r.effect());
    assertEquals(Verdict.DRIFT, r.verdict());
    // per-column contributions: a: 2 * 100/40 = 5, b: 2 * 100/60 = 3.3333
    assertEquals(5.0, r.bins().get(0).contribution(), 1e-12);
    assertEquals(10.0 / 3, r.bins().get(1).contribution(), 1e-12);
  }

  @Test
  void unseenCategoriesFormOnePooledColumn() {
    // reference a:10 b:10; current a:5 b:5 y:4 z:6 -> columns a, b, (unseen) = (10, 10, 0) and
    // (5, 5, 10); N = 40, expected 7.5, 7.5, 5 in both rows
    // X2 = 4 * 2.5^2 / 7.5 + 2 * 5^2 / 5 = 3.3333 + 10 = 13.3333; df = 2: p = exp(-X2 / 2)
    DriftResult r = ChiSquare.defaults().test(concat(labels("a", 10), labels("b", 10)),
        concat(labels("a", 5), labels("b", 5), labels("y", 4), labels("z", 6)));
    assertEquals(3, r.bins().size());
    assertEquals(BinDetail.Kind.UNSEEN, r.bins().get(2).kind());
    assertEquals(40.0 / 3, r.statistic(), 1e-12);
    assertEquals(Math.exp(-20.0 / 3), r.pValue(), 1e-15);
    assertEquals(0.0012726338013398079, r.pValue(), 1e-15); // scipy chi2_contingency
    assertEquals(Math.sqrt(40.0 / 3 / 40), r.effectSize(), 1e-15);
  }

  @Test
  void referenceCategoriesAbsentFromCurrentStayInTheTable() {
    // reference a:10 b:10 c:10, current a:15 b:15 -> c is (10, 0); N = 60, column totals 25, 25,
    // 10, expected 12.5, 12.5, 5 per row: X2 = 2 * (2 * 2.5^2 / 12.5 + 5^2 / 5) = 12, df = 2
    DriftResult r = ChiSquare.defaults().test(concat(labels("a", 10), labels("b", 10),
        labels("c", 10)), concat(labels("a", 15), labels("b", 15)));
    assertEquals(3, r.bins().size());
    assertEquals(0, r.bins().get(2).currentCount());
    assertEquals(12.0, r.statistic(), 1e-12);
    assertEquals(Math.exp(-6), r.pValue(), 1e-15);
  }

  @Test
  void oneColumnTableHasNoEvidence() {
    DriftResult r = ChiSquare.defaults().test(labels("a", 5), labels("a", 3));
    assertEquals(0.0, r.statistic());
    assertEquals(1.0, r.pValue());
    assertEquals(0.0, r.effectSize());
    assertEquals(Verdict.NO_DRIFT, r.verdict());
  }

  @Test
  void missingLabelsAreCountedNotTested() {
    DriftResult r = ChiSquare.defaults().test(new String[] {"a", null, "b", null},
        new String[] {null, null, null});
    assertEquals(Verdict.NOT_TESTED, r.verdict());
    assertEquals(2, r.referenceMissing());
    assertEquals(3, r.currentMissing());
    assertEquals(2, r.referenceCount());
    assertEquals(0, r.currentCount());
  }

  @Test
  void numericColumnsAreTestedInFrozenBins() {
    // cut 0.5: reference (2, 2), current (0, 4) -> X2 = 2 * (1^2 / 1 + 1^2 / 3) = 2.6667
    DriftResult r = ChiSquare.defaults().withBins(BinSpec.explicit(0.5))
        .test(new double[] {0, 0, 1, 1, Double.NaN}, new double[] {1, 1, 1, 1});
    assertEquals(8.0 / 3, r.statistic(), 1e-12);
    assertEquals(1, r.referenceMissing());
    assertEquals(Verdict.NO_DRIFT, r.verdict()); // p = 0.10
  }

  @Test
  void largeSampleNeedsAnEffectAboveThreshold() {
    // 50.5% vs 49.5% of a million rows each: p is tiny, Cramér's V = 0.01 is below 0.1
    CategoryCounts ref = CategoryCounts.ofCounts(new String[] {"a", "b"},
        new long[] {505_000, 495_000}, 0);
    CategoryCounts cur = CategoryCounts.ofCounts(new String[] {"a", "b"},
        new long[] {495_000, 505_000}, 0);
    DriftResult r = ChiSquare.defaults().test(ref, cur);
    assertTrue(r.pValue() < 1e-40, r.toString());
    assertEquals(0.01, r.effectSize(), 1e-6);
    assertEquals(Verdict.NO_DRIFT, r.verdict());
    assertEquals(Verdict.DRIFT, ChiSquare.defaults().withThreshold(0.005).test(ref, cur).verdict());
  }

  @Test
  void configurationIsValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChiSquare.defaults().withAlpha(1.5));
    assertTrue(e.getMessage().contains("alpha = 1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ChiSquare.defaults().withThreshold(Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("threshold = Infinity"), e.getMessage());
  }
}
