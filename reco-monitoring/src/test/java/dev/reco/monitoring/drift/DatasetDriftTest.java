package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetDriftTest {
  private static final double[] COUNTRY = {0.4, 0.3, 0.1, 0.1, 0.1};
  private static final double[] COUNTRY_SHIFTED = {0.2, 0.3, 0.3, 0.1, 0.1};
  private static final double[] DEVICE = {0.6, 0.3, 0.1};

  /** Six columns; "income" (0.5 sd) and "country" (shares moved) drift in the current frame. */
  private static DriftFrame frame(long seed, int rows, boolean current, double shiftSd) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] income = Samples.normal(random, rows, 10, 1);
    for (int i = 0; i < rows; i++) {
      income[i] = Math.exp(income[i] + (current ? shiftSd : 0.0));
    }
    double[] clicks = new double[rows];
    for (int i = 0; i < rows; i++) {
      clicks[i] = Math.floor(-Math.log(1 - random.nextDouble()) * 3); // ties
    }
    return DriftFrame.builder()
        .numeric("age", Samples.normal(random, rows, 40, 10))
        .numeric("income", income)
        .numeric("score", Samples.normal(random, rows, 0, 1))
        .categorical("country",
            Samples.categories(random, rows, current ? COUNTRY_SHIFTED : COUNTRY))
        .categorical("device", Samples.categories(random, rows, DEVICE))
        .numeric("clicks", clicks)
        .build();
  }

  @Test
  void largeSamplesFlagExactlyThePlantedColumns() {
    DatasetDrift d = DatasetDrift.compare(frame(1, 5000, false, 0), frame(2, 5000, true, 0.5),
        DatasetDriftConfig.defaults());
    assertEquals(List.of("income", "country"), d.driftedColumnNames(), d.summary());
    assertEquals(2, d.driftedColumns());
    assertEquals(2.0 / 6, d.driftedShare(), 1e-15);
    assertFalse(d.datasetDrift());
    assertEquals("drift detected in 2 of 6 columns (share 0.33 < 0.50: no dataset drift)",
        d.summary());
    // n > 1000: the rule picks Wasserstein for numbers, Jensen-Shannon for categories
    assertEquals(Wasserstein.NAME, d.column("age").values().test());
    assertEquals(JensenShannon.NAME, d.column("country").values().test());
    assertEquals(0.5, d.column("income").values().effectSize(), 0.05); // 0.5 sd in log space
    // a lower share threshold makes the same result dataset drift
    assertTrue(DatasetDrift.compare(frame(1, 5000, false, 0), frame(2, 5000, true, 0.5),
        DatasetDriftConfig.defaults().withDriftShare(1.0 / 3)).datasetDrift());
  }

  @Test
  void smallSamplesUseTestsWithPValues() {
    DatasetDrift d = DatasetDrift.compare(frame(3, 400, false, 0), frame(4, 400, true, 1.0),
        DatasetDriftConfig.defaults());
    assertEquals(Psi.NAME, d.column("age").values().test());
    assertEquals(ChiSquare.NAME, d.column("country").values().test());
    assertEquals(List.of("income", "country"), d.driftedColumnNames(), d.summary());
  }

  @Test
  void noDriftWithoutAShift() {
    for (int seed = 10; seed < 14; seed++) {
      DatasetDrift d = DatasetDrift.compare(frame(seed, 2000, false, 0),
          frame(seed + 100, 2000, false, 0), DatasetDriftConfig.defaults());
      assertEquals(0, d.driftedColumns(), d.summary());
    }
  }

  @Test
  void missingShareIsItsOwnSignal() {
    SplittableRandom random = new SplittableRandom(5);
    double[] ref = Samples.normal(random, 3000, 0, 1);
    double[] cur = Samples.normal(random, 3000, 0, 1);
    for (int i = 0; i < 30; i++) {
      ref[i * 100] = Double.NaN; // 1% missing
    }
    for (int i = 0; i < 600; i++) {
      cur[i * 5] = Double.NaN; // 20% missing, the values themselves unchanged
    }
    DatasetDrift d = DatasetDrift.compare(DriftFrame.builder().numeric("x", ref).build(),
        DriftFrame.builder().numeric("x", cur).build(), DatasetDriftConfig.defaults());
    ColumnDrift x = d.column("x");
    assertFalse(x.valuesDrifted(), x.toString());
    assertTrue(x.missingDrifted(), x.toString());
    assertTrue(x.drifted());
    assertEquals(30, x.values().referenceMissing());
    assertEquals(600, x.values().currentMissing());
    assertEquals(2970, x.values().referenceCount());
    assertEquals(2400, x.values().currentCount());
    assertEquals(MissingRate.NAME, x.missing().test());
  }

  @Test
  void columnMissingEntirelyInCurrentIsNotTestedButDrifts() {
    double[] ref = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] cur = new double[10];
    java.util.Arrays.fill(cur, Double.NaN);
    String[] refLabels = {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b"};
    String[] curLabels = new String[10];
    DatasetDrift d = DatasetDrift.compare(
        DriftFrame.builder().numeric("x", ref).categorical("c", refLabels).build(),
        DriftFrame.builder().numeric("x", cur).categorical("c", curLabels).build(),
        DatasetDriftConfig.defaults());
    for (ColumnDrift c : d.columns()) {
      assertEquals(Verdict.NOT_TESTED, c.values().verdict(), c.toString());
      assertFalse(c.valuesDrifted());
      assertTrue(c.missingDrifted(), c.toString()); // 0% -> 100% missing
    }
    assertTrue(d.datasetDrift());
  }

  @Test
  void correctionAdjustsTheWholeFamily() {
    DriftFrame ref = frame(6, 300, false, 0);
    DriftFrame cur = frame(7, 300, true, 0.2);
    DatasetDrift none = DatasetDrift.compare(ref, cur,
        DatasetDriftConfig.defaults().withCorrection(Correction.NONE));
    DatasetDrift bonferroni = DatasetDrift.compare(ref, cur,
        DatasetDriftConfig.defaults().withCorrection(Correction.BONFERRONI));
    // no missing values anywhere: the family is the 6 value tests
    for (int c = 0; c < 6; c++) {
      ColumnDrift raw = none.columns().get(c);
      ColumnDrift adjusted = bonferroni.columns().get(c);
      assertEquals(raw.values().pValue(), raw.valuesAdjustedPValue());
      assertEquals(Math.min(1.0, 6 * raw.values().pValue()), adjusted.valuesAdjustedPValue(),
          1e-15);
      assertTrue(Double.isNaN(adjusted.missingAdjustedPValue()));
      assertFalse(adjusted.missingDrifted());
    }
  }

  @Test
  void familyAlphaReplacesTheTestsAlpha() {
    // one column: chi-square p = 0.0039 (hand-computed in ChiSquareTest), V = 0.20
    String[] ref = new String[100];
    String[] cur = new String[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = i < 30 ? "a" : "b";
      cur[i] = i < 50 ? "a" : "b";
    }
    DriftFrame r = DriftFrame.builder().categorical("c", ref).build();
    DriftFrame c = DriftFrame.builder().categorical("c", cur).build();
    assertTrue(DatasetDrift.compare(r, c, DatasetDriftConfig.defaults()).column("c").drifted());
    ColumnDrift strict = DatasetDrift.compare(r, c, DatasetDriftConfig.defaults().withAlpha(0.001))
        .column("c");
    assertFalse(strict.drifted());
    assertEquals(Verdict.DRIFT, strict.values().verdict()); // the uncorrected verdict at 0.05
  }

  @Test
  void perColumnOverridesReplaceTheRule() {
    DatasetDriftConfig config = DatasetDriftConfig.defaults()
        .withNumericTest("age", KsDrift.using(TestKs.BACKEND))
        .withCategoricalTest("device", Psi.defaults());
    DatasetDrift d = DatasetDrift.compare(frame(8, 500, false, 0), frame(9, 500, false, 0),
        config);
    assertEquals(KsDrift.NAME, d.column("age").values().test());
    assertEquals(Psi.NAME, d.column("device").values().test());
    assertEquals(Psi.NAME, d.column("score").values().test());
  }

  @Test
  void framesMustMatch() {
    DriftFrame ab = DriftFrame.builder().numeric("a", new double[] {1}).numeric("b",
        new double[] {2}).build();
    DriftFrame a = DriftFrame.builder().numeric("a", new double[] {1}).build();
    DriftFrame aCategorical = DriftFrame.builder().categorical("a", new String[] {"x"}).build();
    DatasetDriftConfig config = DatasetDriftConfig.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatasetDrift.compare(ab, a, config));
    assertTrue(e.getMessage().contains("column 'b' of the reference is missing from current"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DatasetDrift.compare(a, ab, config));
    assertTrue(e.getMessage().contains("column 'b' of current is missing from the reference"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DatasetDrift.compare(a, aCategorical, config));
    assertTrue(e.getMessage().contains("column 'a' is NUMERIC in the reference and CATEGORICAL"),
        e.getMessage());
    DriftFrame empty = DriftFrame.builder().numeric("a", new double[0]).build();
    e = assertThrows(IllegalArgumentException.class, () -> DatasetDrift.compare(a, empty, config));
    assertTrue(e.getMessage().contains("current.rows() = 0"), e.getMessage());
  }

  @Test
  void frameBuilderValidates() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DriftFrame.builder().numeric("a", new double[2]).numeric("a", new double[2]));
    assertTrue(e.getMessage().contains("column 'a' repeats"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DriftFrame.builder().numeric("a", new double[2]).categorical("b", new String[3]));
    assertTrue(e.getMessage().contains("column 'b' has 3 rows, column 'a' has 2"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DriftFrame.builder().numeric("", new double[2]));
    assertTrue(e.getMessage().contains("name is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DriftFrame.builder().numeric("x", new double[] {0, Double.POSITIVE_INFINITY}));
    assertTrue(e.getMessage().contains("x[1] = Infinity"), e.getMessage());
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> DriftFrame.builder().build());
    assertTrue(s.getMessage().contains("no column added"), s.getMessage());
    double[] values = {1, 2};
    DriftFrame f = DriftFrame.builder().numeric("a", values).build();
    values[0] = 99;
    assertEquals(1.0, f.numeric("a")[0]); // copied in
    e = assertThrows(IllegalArgumentException.class, () -> f.categorical("a"));
    assertTrue(e.getMessage().contains("column 'a' is numeric"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> f.type("zz"));
    assertTrue(e.getMessage().contains("column 'zz' does not exist"), e.getMessage());
  }

  @Test
  void configValidates() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatasetDriftConfig.defaults().withDriftShare(0));
    assertTrue(e.getMessage().contains("driftShare = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DatasetDriftConfig.defaults().withAlpha(2));
    assertTrue(e.getMessage().contains("alpha = 2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ColumnTestRule.defaults().withSmallSampleLimit(-1));
    assertTrue(e.getMessage().contains("smallSampleLimit = -1"), e.getMessage());
  }

  @Test
  void ruleSwitchesAtTheSmallSampleLimit() {
    ColumnTestRule rule = ColumnTestRule.defaults();
    assertEquals(Psi.defaults(), rule.numericTest(1000, 1_000_000));
    assertEquals(Wasserstein.defaults(), rule.numericTest(1001, 1001));
    assertEquals(ChiSquare.defaults(), rule.categoricalTest(1_000_000, 1000));
    assertEquals(JensenShannon.defaults(), rule.categoricalTest(1001, 5000));
  }
}
