package dev.reco.features.transform;

import static dev.reco.features.transform.StepAssertions.MAPPER;
import static dev.reco.features.transform.StepAssertions.cat;
import static dev.reco.features.transform.StepAssertions.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OneHotTest {
  private static Table training() {
    // counts: web 3, ios 2, android 1, missing 1
    return Table.of(CategoricalColumn.of("device", "web", "ios", "web", null, "android", "ios", "web"));
  }

  @Test
  void encodesKeptCategoriesLexicographically() {
    OneHotFitted f = OneHotStep.of("device").fit(training());
    assertEquals(List.of("android", "ios", "web"), f.categories());
    assertEquals(List.of("device=android", "device=ios", "device=web"),
        f.outputs().stream().map(TableSchema.Field::name).toList());
    Table out = f.transform(Table.of(CategoricalColumn.of("device", "ios", null, "tablet", "web")));
    // ios -> (0,1,0); missing -> zeros; tablet unseen, IGNORE -> zeros; web -> (0,0,1)
    assertArrayEquals(new double[] {0, 0, 0, 0}, doubles(out, "device=android"));
    assertArrayEquals(new double[] {1, 0, 0, 0}, doubles(out, "device=ios"));
    assertArrayEquals(new double[] {0, 0, 0, 1}, doubles(out, "device=web"));
  }

  @Test
  void frequencyOrderAndRareGrouping() {
    // minFrequency 2: android (1) is rare; order by count: web 3, ios 2
    OneHotFitted f = OneHotStep.of("device").withOrder(CategoryOrder.FREQUENCY).withRare(2, 0)
        .fit(training());
    assertEquals(List.of("web", "ios"), f.categories());
    Table out = f.transform(Table.of(CategoricalColumn.of("device", "android", "web", "tablet")));
    assertArrayEquals(new double[] {0, 1, 0}, doubles(out, "device=web"));
    assertArrayEquals(new double[] {0, 0, 0}, doubles(out, "device=ios"));
    // android was rare -> other; tablet unseen under IGNORE -> zeros, not other
    assertArrayEquals(new double[] {1, 0, 0}, doubles(out, "device=__other__"));
  }

  @Test
  void maxCategoriesKeepsTheMostFrequentTiesByString() {
    // counts a 2, b 2, c 2, d 1; maxCategories 2 keeps a and b (tie broken by string)
    Table t = Table.of(CategoricalColumn.of("x", "c", "b", "a", "d", "c", "b", "a"));
    OneHotFitted f = OneHotStep.of("x").withRare(1, 2).fit(t);
    assertEquals(List.of("a", "b"), f.categories());
    assertArrayEquals(new double[] {1, 0, 0, 1, 1, 0, 0}, doubles(f.transform(t), "x=__other__"));
  }

  @Test
  void unseenOtherAndMissingIndicator() {
    OneHotFitted f = OneHotStep.of("device").withUnseen(UnseenCategoryPolicy.OTHER)
        .withMissingIndicator(true).fit(training());
    assertEquals(List.of("device=android", "device=ios", "device=web", "device=__other__",
        "device=__missing__"), f.outputs().stream().map(TableSchema.Field::name).toList());
    Table out = f.transform(Table.of(CategoricalColumn.of("device", "tablet", null, "ios")));
    assertArrayEquals(new double[] {1, 0, 0}, doubles(out, "device=__other__"));
    assertArrayEquals(new double[] {0, 1, 0}, doubles(out, "device=__missing__"));
    assertArrayEquals(new double[] {0, 0, 1}, doubles(out, "device=ios"));
  }

  @Test
  void unseenErrorNamesTheValueInBatchAndRow() {
    OneHotFitted f = OneHotStep.of("device").withUnseen(UnseenCategoryPolicy.ERROR).fit(training());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.transform(Table.of(CategoricalColumn.of("device", "ios", "tablet"))));
    assertTrue(e.getMessage().contains("'tablet'") && e.getMessage().contains("row 1"), e.getMessage());
    RowBuffer row = new RowBuffer(TableSchema.of(new TableSchema.Field("device", ColumnType.CATEGORICAL),
        new TableSchema.Field("a", ColumnType.DOUBLE), new TableSchema.Field("b", ColumnType.DOUBLE),
        new TableSchema.Field("c", ColumnType.DOUBLE)));
    row.setCategory(0, "phone");
    e = assertThrows(IllegalArgumentException.class,
        () -> f.transformRow(row, new int[] {0}, new int[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("'phone'"), e.getMessage());
  }

  @Test
  void badInputsAreRejectedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OneHotStep.of("nope").fit(training()));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> OneHotStep.of("spend").fit(Table.of(DoubleColumn.of("spend", 1, 2))));
    assertTrue(e.getMessage().contains("'spend' is DOUBLE"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OneHotStep.of("x").withRare(0, 0));
    assertTrue(e.getMessage().contains("minFrequency = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OneHotStep.of("x").withRare(1, -3));
    assertTrue(e.getMessage().contains("maxCategories = -3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OneHotStep.of(" "));
    assertTrue(e.getMessage().contains("input = ' '"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OneHotStep.of("x")
        .withUnseen(UnseenCategoryPolicy.OTHER).fit(Table.of(CategoricalColumn.of("x", "__other__"))));
    assertTrue(e.getMessage().contains("'__other__'"), e.getMessage());
  }

  @Test
  void readRejectsBadParams() {
    OneHotFitted f = OneHotStep.of("device").fit(training());
    ObjectNode p = MAPPER.createObjectNode();
    f.writeParams(p);
    p.put("unseen", "MAYBE");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OneHotFitted.read(f.inputs(), f.outputs(), p));
    assertTrue(e.getMessage().contains("'MAYBE'"), e.getMessage());
    ObjectNode q = MAPPER.createObjectNode();
    f.writeParams(q);
    e = assertThrows(IllegalArgumentException.class,
        () -> OneHotFitted.read(f.inputs(), f.outputs().subList(0, 1), q));
    assertTrue(e.getMessage().contains("outputs"), e.getMessage());
  }

  static Table randomTable(List<Integer> codes) {
    String[] v = new String[codes.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = codes.get(i) < 0 ? null : "c" + codes.get(i);
    }
    return Table.of(CategoricalColumn.of("x", v));
  }

  @Property(tries = 100, seed = "42")
  void batchEqualsRowAndJsonRoundTrip(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 8) Integer> train,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 10) Integer> test,
      @ForAll UnseenCategoryPolicy unseen, @ForAll CategoryOrder order,
      @ForAll @IntRange(min = 1, max = 4) int minFrequency,
      @ForAll @IntRange(min = 0, max = 5) int maxCategories, @ForAll boolean indicator) {
    UnseenCategoryPolicy policy = unseen == UnseenCategoryPolicy.ERROR ? UnseenCategoryPolicy.IGNORE : unseen;
    OneHotFitted f = new OneHotStep("x", policy, order, minFrequency, maxCategories, indicator)
        .fit(randomTable(train));
    Table t = randomTable(test);
    StepAssertions.assertBatchEqualsRow(f, t);
    FittedStep back = StepAssertions.roundTrip(f, OneHotFitted::read);
    assertEquals(f.outputs(), back.outputs());
    StepAssertions.assertSameOutputs(f.outputs(), f.transform(t), back.transform(t));
    // every row has at most one 1, and exactly one when the value is kept
    Table out = f.transform(t);
    for (int r = 0; r < t.rows(); r++) {
      double sum = 0;
      for (TableSchema.Field o : f.outputs()) {
        sum += out.doubleColumn(o.name()).get(r);
      }
      String v = t.categoricalColumn("x").category(r);
      if (v != null && f.categories().contains(v)) {
        assertEquals(1.0, sum, Arrays.toString(new Object[] {r, v}));
        assertEquals(1.0, out.doubleColumn("x=" + v).get(r));
      }
      assertTrue(sum <= 1.0);
    }
  }
}
