package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for every numeric step; the arithmetic is in the comments. */
class NumericStepsTest {
  private static final double NAN = Double.NaN;

  private static Table x(double... v) {
    return Table.of(DoubleColumn.of("x", v));
  }

  private static double[] apply(FeatureStep step, Table train, double... test) {
    return step.fit(train).transform(x(test)).doubleColumn(step.inputs().get(0)).toArray();
  }

  @Test
  void standardScaleUsesMeanAndPopulationStd() {
    // [2,4,4,4,5,5,7,9]: mean = 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
    // population variance 32 / 8 = 4, std 2 (the sample std would be sqrt(32/7) = 2.138)
    Table train = x(2, 4, 4, 4, 5, 5, 7, 9, NAN);
    // 9 -> (9-5)/2 = 2; 2 -> -1.5; 4 -> -0.5; missing stays missing
    assertArrayEquals(new double[] {2, -1.5, -0.5, NAN}, apply(StandardScale.of("x"), train, 9, 2, 4, NAN));
    // a constant column has std 0, replaced by 1: 3 -> 0, 5 -> 2
    assertArrayEquals(new double[] {0, 2}, apply(StandardScale.of("x"), x(3, 3), 3, 5));
  }

  @Test
  void minMaxScaleMapsTheTrainingRangeToUnitInterval() {
    // min 2, max 10, range 8: 4 -> 2/8 = 0.25; 10 -> 1; 14 -> 12/8 = 1.5 (no clipping); 0 -> -0.25
    assertArrayEquals(new double[] {0.25, 1, 1.5, -0.25, NAN},
        apply(MinMaxScale.of("x"), x(2, 4, 10, NAN), 4, 10, 14, 0, NAN));
    // constant: range 0 -> 1, so x - min: 7 -> 0, 8 -> 1
    assertArrayEquals(new double[] {0, 1}, apply(MinMaxScale.of("x"), x(7, 7), 7, 8));
  }

  @Test
  void robustScaleUsesMedianAndLinearIqr() {
    // [1,2,3,4]: positions (n-1)q = 0.75, 1.5, 2.25 -> q25 = 1 + 0.75 = 1.75, median = 2.5,
    // q75 = 3 + 0.25 = 3.25; IQR = 1.5. 4 -> (4 - 2.5)/1.5 = 1; 1 -> -1; 2.5 -> 0
    assertArrayEquals(new double[] {1, -1, 0}, apply(RobustScale.of("x"), x(4, NAN, 2, 1, 3), 4, 1, 2.5));
    // [1..9]: median 5, q25 = x[2] = 3, q75 = x[6] = 7, IQR 4: 9 -> 1, 3 -> -0.5
    assertArrayEquals(new double[] {1, -0.5}, apply(RobustScale.of("x"), x(1, 2, 3, 4, 5, 6, 7, 8, 9), 9, 3));
  }

  @Test
  void log1pAndItsDomain() {
    // log(1 + 0) = 0; log(1 + (e - 1)) = 1
    double[] y = apply(Log1p.of("x"), x(0, 5), 0, Math.E - 1, NAN);
    assertEquals(0, y[0]);
    assertEquals(1, y[1], 1e-15);
    assertTrue(Double.isNaN(y[2]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Log1p.of("x").fit(x(0, -1)));
    assertEquals("log1p: column 'x' row 1 = -1.0; expected > -1", e.getMessage());
    FittedStep f = Log1p.of("x").fit(x(0, 1));
    e = assertThrows(IllegalArgumentException.class, () -> f.transform(x(-2)));
    assertTrue(e.getMessage().contains("'x' = -2.0; expected > -1"), e.getMessage());
  }

  @Test
  void clipAtFixedBounds() {
    assertArrayEquals(new double[] {0, 5, 10, NAN}, apply(Clip.of("x", 0, 10), x(1), -5, 5, 15, NAN));
    assertArrayEquals(new double[] {-5, 3}, apply(Clip.of("x", Double.NEGATIVE_INFINITY, 3), x(1), -5, 15));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Clip.of("x", 2, 1));
    assertTrue(e.getMessage().startsWith("lower = 2.0, upper = 1.0"), e.getMessage());
  }

  @Test
  void winsorizeAtFittedQuantiles() {
    // [1..11], n = 11: q = 0.1 -> position 10 * 0.1 = 1 -> 2; q = 0.9 -> position 9 -> 10
    assertArrayEquals(new double[] {2, 2, 6, 10, 10},
        apply(Winsorize.of("x", 0.1, 0.9), x(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 0, 1, 6, 11, 12));
    // [0, 10], q = 0.25 -> position 0.25 -> 2.5; q = 0.5 -> 5
    assertArrayEquals(new double[] {2.5, 5}, apply(Winsorize.of("x", 0.25, 0.5), x(0, 10), 0, 10));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Winsorize.of("x", 0.9, 0.1));
    assertTrue(e.getMessage().contains("lowerQuantile = 0.9"), e.getMessage());
  }

  @Test
  void equalWidthBinsIndexByInnerEdges() {
    // [0, 10], 4 bins: edges 0, 2.5, 5, 7.5, 10; an edge value goes to the upper bin
    assertArrayEquals(new double[] {0, 0, 1, 1, 3, 3, 0, 3, NAN},
        apply(EqualWidthBin.of("x", 4), x(0, 10, 3), 0, 2.4, 2.5, 4.9, 7.5, 10, -1, 11, NAN));
    // constant training column: one bin
    assertArrayEquals(new double[] {0, 0, 0}, apply(EqualWidthBin.of("x", 4), x(3, 3), -1, 3, 9));
    assertThrows(IllegalArgumentException.class, () -> EqualWidthBin.of("x", 0));
  }

  @Test
  void quantileBinsDropTiedEdges() {
    // [1..5], 2 bins: edges q0 = 1, q0.5 = position 2 -> 3, q1 = 5; 2.9 -> 0, 3 -> 1
    assertArrayEquals(new double[] {0, 1, 1, 0}, apply(QuantileBin.of("x", 2), x(5, 4, 3, 2, 1), 2.9, 3, 99, -9));
    // [1,1,1,1,2], 4 bins: quantiles 1, 1, 1, 1, 2 (positions 0, 1, 2, 3, 4) -> ties dropped,
    // edges [1, 2], a single bin
    FittedStep f = QuantileBin.of("x", 4).fit(x(1, 1, 1, 1, 2));
    assertEquals(1, ((BinFitted) f).bins());
    assertArrayEquals(new double[] {0, 0}, f.transform(x(1, 2)).doubleColumn("x").toArray());
  }

  @Test
  void imputeDoubleStrategiesAndIndicator() {
    Table t = x(1, NAN, 2, 6);
    // mean (1 + 2 + 6) / 3 = 3; median of [1, 2, 6] = 2; most frequent: all once -> smallest 1
    assertArrayEquals(new double[] {1, 3, 2, 6}, apply(Impute.mean("x"), t, 1, NAN, 2, 6));
    assertArrayEquals(new double[] {1, 2, 2, 6}, apply(Impute.median("x"), t, 1, NAN, 2, 6));
    assertArrayEquals(new double[] {1, 1, 2, 6}, apply(Impute.mostFrequent("x"), t, 1, NAN, 2, 6));
    assertArrayEquals(new double[] {1, 7, 2, 6}, apply(Impute.constant("x", 7), t, 1, NAN, 2, 6));
    Table out = Impute.mean("x").as("x_filled").withIndicator("x_missing").fit(t).transform(t);
    assertEquals(List.of("x", "x_filled", "x_missing"), out.schema().names());
    BooleanColumn m = out.booleanColumn("x_missing");
    assertFalse(m.get(0));
    assertTrue(m.get(1));
    assertTrue(out.doubleColumn("x").isMissing(1), "the input is kept");
  }

  @Test
  void imputeLongKeepsLongForLearntValuesOfTheColumn() {
    BitSet missing = new BitSet();
    missing.set(1);
    Table t = Table.of(LongColumn.of("n", new long[] {1, 0, 4, 4, 10}, missing));
    // mean (1 + 4 + 4 + 10) / 4 = 4.75 -> DOUBLE output
    FittedStep mean = Impute.mean("n").fit(t);
    assertEquals(ColumnType.DOUBLE, mean.outputs().get(0).type());
    assertEquals(4.75, mean.transform(t).doubleColumn("n").get(1));
    // median of [1, 4, 4, 10]: position 1.5 -> 4 + 0.5 * 0 = 4
    assertEquals(4.0, Impute.median("n").fit(t).transform(t).doubleColumn("n").get(1));
    // most frequent 4 (twice), LONG output
    FittedStep mf = Impute.mostFrequent("n").fit(t);
    assertEquals(ColumnType.LONG, mf.outputs().get(0).type());
    LongColumn filled = mf.transform(t).longColumn("n");
    assertEquals(4, filled.get(1));
    assertEquals(0, filled.missingCount());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Impute.constant("n", 1.5).fit(t));
    assertTrue(e.getMessage().contains("constant = 1.5 for LONG column 'n'"), e.getMessage());
  }

  @Test
  void imputeCategorical() {
    Table t = Table.of(CategoricalColumn.of("c", "b", null, "a", "b", "a"));
    // a and b twice each: tie -> smallest string "a"
    assertEquals("a", Impute.mostFrequent("c").fit(t).transform(t).categoricalColumn("c").category(1));
    CategoricalColumn k = Impute.constant("c", "unknown").fit(t).transform(t).categoricalColumn("c");
    assertEquals("unknown", k.category(1));
    assertEquals("b", k.category(0));
    assertEquals(3, k.dictionary().size(), "the fill is appended to the dictionary");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Impute.mean("c").fit(t));
    assertTrue(e.getMessage().contains("column 'c' is CATEGORICAL"), e.getMessage());
    Table b = Table.of(BooleanColumn.of("b", true));
    e = assertThrows(IllegalArgumentException.class, () -> Impute.mostFrequent("b").fit(b));
    assertTrue(e.getMessage().contains("'b' is BOOLEAN"), e.getMessage());
  }

  @Test
  void learntStatisticsNeedAPresentValue() {
    for (FeatureStep s : List.of(StandardScale.of("x"), MinMaxScale.of("x"), RobustScale.of("x"),
        Winsorize.of("x", 0, 1), EqualWidthBin.of("x", 2), QuantileBin.of("x", 2), Impute.mean("x"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fit(x(NAN, NAN)));
      assertTrue(e.getMessage().contains("column 'x' has 2 rows, all missing"), s + ": " + e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StandardScale.of("x").fit(Table.of(CategoricalColumn.of("x", "a"))));
    assertEquals("standard_scale: column 'x' is CATEGORICAL; expected DOUBLE or LONG", e.getMessage());
  }

  @Test
  void longInputsAreReadAsDoubles() {
    Table t = Table.of(LongColumn.of("n", 0, 10));
    // min 0, max 10: 5 -> 0.5
    FittedStep f = MinMaxScale.of("n").as("n01").fit(t);
    assertEquals(0.5, f.transform(Table.of(LongColumn.of("n", 5))).doubleColumn("n01").get(0));
  }
}
