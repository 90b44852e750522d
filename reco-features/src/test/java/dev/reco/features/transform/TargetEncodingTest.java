package dev.reco.features.transform;

import static dev.reco.features.transform.StepAssertions.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TargetEncodingTest {
  private static final double EPS = 1e-12;

  private static Table training() {
    return Table.of(CategoricalColumn.of("x", "a", "a", "b", "a", "b", "c"),
        DoubleColumn.of("y", 1, 1, 0, 1, 0, 0));
  }

  @Test
  void fullDataEncodingIsTheSmoothedMean() {
    TargetEncodingFitted f = TargetEncodingStep.of("x", "y").fit(training());
    // prior = 3 / 6 = 0.5; m = 1
    assertEquals(0.5, f.prior(), EPS);
    assertEquals((3 + 0.5) / (3 + 1), f.encoding("a"), EPS); // a: n 3, sum 3 -> 0.875
    assertEquals((0 + 0.5) / (2 + 1), f.encoding("b"), EPS); // b: n 2, sum 0 -> 1/6
    assertEquals((0 + 0.5) / (1 + 1), f.encoding("c"), EPS); // c: n 1, sum 0 -> 0.25
    Table out = f.transform(Table.of(CategoricalColumn.of("x", "c", "zz", null, "a")));
    // unseen zz and missing -> prior
    assertArrayEquals(new double[] {0.25, 0.5, 0.5, 0.875}, doubles(out, "x_target"), EPS);
    // smoothing 0: raw means
    TargetEncodingFitted raw = TargetEncodingStep.of("x", "y").withSmoothing(0).fit(training());
    assertEquals(1.0, raw.encoding("a"), EPS);
    assertEquals(0.0, raw.encoding("b"), EPS);
  }

  @Test
  void leaveOneOutWhenFoldsEqualRows() {
    // k = 6 = rows: every fold holds one row, so each row is encoded from the 5 others (m = 1)
    TargetEncodingStep.FitResult res = TargetEncodingStep.of("x", "y").withFolds(6, 3).fitOutOfFold(training());
    // rows 0,1,3 (a, y 1): prior of others = 2/5 = 0.4; a others n 2 sum 2 -> (2 + 0.4) / 3 = 0.8
    // rows 2,4 (b, y 0): prior of others = 3/5 = 0.6; b others n 1 sum 0 -> (0 + 0.6) / 2 = 0.3
    // row 5 (c, y 0): prior of others = 3/5 = 0.6; no other c -> the prior 0.6
    assertArrayEquals(new double[] {0.8, 0.8, 0.3, 0.8, 0.3, 0.6},
        doubles(res.outOfFold(), "x_target"), EPS);
    assertEquals(0.875, res.fitted().encoding("a"), EPS);
  }

  @Test
  void booleanLabelsAndMissingLabels() {
    Table t = Table.of(CategoricalColumn.of("x", "a", "a", "b", null),
        BooleanColumn.of("y", new boolean[] {true, false, true, true}, bits(1)));
    TargetEncodingFitted f = TargetEncodingStep.of("x", "y").withSmoothing(2).fit(t);
    // labelled rows 0 (a, 1), 2 (b, 1), 3 (missing x, 1): prior = 3 / 3 = 1
    assertEquals(1.0, f.prior(), EPS);
    // a: n 1 sum 1 -> (1 + 2 * 1) / 3 = 1
    assertEquals(1.0, f.encoding("a"), EPS);
    Table t2 = Table.of(CategoricalColumn.of("x", "a", "a", "b", "b"), DoubleColumn.of("y", 4, Double.NaN, 0, 2));
    TargetEncodingFitted g = TargetEncodingStep.of("x", "y").withSmoothing(2).fit(t2);
    // prior = (4 + 0 + 2) / 3 = 2; a: n 1 sum 4 -> (4 + 4) / 3 = 8/3; b: n 2 sum 2 -> (2 + 4) / 4 = 1.5
    assertEquals(2.0, g.prior(), EPS);
    assertEquals(8.0 / 3, g.encoding("a"), EPS);
    assertEquals(1.5, g.encoding("b"), EPS);
  }

  private static java.util.BitSet bits(int... set) {
    java.util.BitSet b = new java.util.BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }

  @Test
  void foldsAreBalancedDeterministicAndSeeded() {
    int[] a = TargetEncodingStep.assignFolds(103, 5, 9);
    assertArrayEquals(a, TargetEncodingStep.assignFolds(103, 5, 9));
    int[] sizes = new int[5];
    for (int f : a) {
      sizes[f]++;
    }
    // 103 = 5 * 20 + 3: three folds of 21, two of 20
    assertArrayEquals(new int[] {21, 21, 21, 20, 20}, sizes);
    assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(TargetEncodingStep.assignFolds(103, 5, 10)));
  }

  @Test
  void badInputsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TargetEncodingStep.of("x", "y").withFolds(1, 0));
    assertTrue(e.getMessage().contains("folds = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingStep.of("x", "y").withSmoothing(-0.5));
    assertTrue(e.getMessage().contains("smoothing = -0.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingStep.of("x", "y").withSmoothing(Double.NaN));
    assertTrue(e.getMessage().contains("smoothing = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingStep.of("x", "x"));
    assertTrue(e.getMessage().contains("label = 'x'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingStep.of("x", "z")
        .fit(Table.of(CategoricalColumn.of("x", "a"), CategoricalColumn.of("z", "b"))));
    assertTrue(e.getMessage().contains("'z' is CATEGORICAL"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingStep.of("x", "w").fit(training()));
    assertTrue(e.getMessage().contains("'w' not found"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingStep.of("x", "y")
        .fit(Table.of(CategoricalColumn.of("x", "a"), DoubleColumn.of("y", Double.NaN))));
    assertTrue(e.getMessage().contains("'y' has no present value"), e.getMessage());
  }

  @Test
  void transformAndReadRejectBadInputs() {
    TargetEncodingFitted f = TargetEncodingStep.of("x", "y").fit(training());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.transform(Table.of(DoubleColumn.of("x", 1.0))));
    assertTrue(e.getMessage().contains("'x' is DOUBLE; expected CATEGORICAL"), e.getMessage());
    com.fasterxml.jackson.databind.node.ObjectNode p = StepAssertions.MAPPER.createObjectNode();
    f.writeParams(p);
    ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("encodings")).add(0.5);
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingFitted.read(f.inputs(), f.outputs(), p));
    assertTrue(e.getMessage().contains("encodings has 4 values"), e.getMessage());
    p.put("prior", "high");
    e = assertThrows(IllegalArgumentException.class, () -> TargetEncodingFitted.read(f.inputs(), f.outputs(), p));
    assertTrue(e.getMessage().contains("params.prior = \"high\""), e.getMessage());
  }

  static Table randomTable(List<Integer> cats, List<Double> labels) {
    int n = Math.min(cats.size(), labels.size());
    String[] x = new String[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = cats.get(i) < 0 ? null : "c" + cats.get(i);
      y[i] = labels.get(i) < 0 ? Double.NaN : Math.floor(labels.get(i) * 4) / 4;
    }
    return Table.of(CategoricalColumn.of("x", x), DoubleColumn.of("y", y));
  }

  /** No training row's out-of-fold encoding depends on its own label. */
  @Property(tries = 200, seed = "13")
  void outOfFoldEncodingNeverSeesTheRowsOwnLabel(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = -1, max = 4) Integer> cats,
      @ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = -0.5, max = 3) Double> labels,
      @ForAll @IntRange(min = 2, max = 6) int k, @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 5) double m, @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll @DoubleRange(min = -10, max = 10) double newLabel, @ForAll boolean makeMissing) {
    Table t = randomTable(cats, labels);
    int row = pick % t.rows();
    double[] y = t.doubleColumn("y").toArray();
    double changed = makeMissing ? Double.NaN : newLabel;
    y[row] = changed;
    Table u = t.with(DoubleColumn.of("y", y));
    TargetEncodingStep step = TargetEncodingStep.of("x", "y").withSmoothing(m).withFolds(k, seed);
    if (!hasLabel(t) || !hasLabel(u)) {
      return;
    }
    double before = step.fitOutOfFold(t).outOfFold().doubleColumn("x_target").get(row);
    double after = step.fitOutOfFold(u).outOfFold().doubleColumn("x_target").get(row);
    assertEquals(Double.doubleToLongBits(before), Double.doubleToLongBits(after),
        "row " + row + " label " + t.doubleColumn("y").get(row) + " -> " + changed);
  }

  private static boolean hasLabel(Table t) {
    return t.doubleColumn("y").missingCount() < t.rows();
  }

  /** Out-of-fold encodings equal a direct recomputation from the other folds' rows. */
  @Property(tries = 150, seed = "17")
  void outOfFoldEqualsReferenceAndBatchEqualsRow(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 4) Integer> cats,
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -0.5, max = 3) Double> labels,
      @ForAll @IntRange(min = 2, max = 6) int k, @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 5) double m,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = -1, max = 7) Integer> test) {
    Table t = randomTable(cats, labels);
    if (!hasLabel(t)) {
      return;
    }
    TargetEncodingStep step = TargetEncodingStep.of("x", "y").withSmoothing(m).withFolds(k, seed);
    TargetEncodingStep.FitResult res = step.fitOutOfFold(t);
    int[] fold = TargetEncodingStep.assignFolds(t.rows(), k, seed);
    CategoricalColumn x = t.categoricalColumn("x");
    DoubleColumn y = t.doubleColumn("y");
    for (int r = 0; r < t.rows(); r++) {
      double priorSum = 0;
      int priorN = 0;
      double sum = 0;
      int n = 0;
      for (int q = 0; q < t.rows(); q++) {
        if (fold[q] == fold[r] || y.isMissing(q)) {
          continue;
        }
        priorSum += y.get(q);
        priorN++;
        if (x.category(r) != null && x.category(r).equals(x.category(q))) {
          sum += y.get(q);
          n++;
        }
      }
      double got = res.outOfFold().doubleColumn("x_target").get(r);
      if (priorN == 0) {
        assertTrue(Double.isNaN(got));
      } else {
        double prior = priorSum / priorN;
        double expected = n == 0 ? prior : (n * (sum / n) + m * prior) / (n + m);
        assertEquals(expected, got, 1e-9, "row " + r);
      }
    }
    Table newData = OneHotTest.randomTable(test);
    StepAssertions.assertBatchEqualsRow(res.fitted(), newData);
    FittedStep back = StepAssertions.roundTrip(res.fitted(), TargetEncodingFitted::read);
    StepAssertions.assertSameOutputs(res.fitted().outputs(), res.fitted().transform(newData), back.transform(newData));
  }
}
