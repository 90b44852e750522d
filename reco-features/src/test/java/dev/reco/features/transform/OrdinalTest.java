package dev.reco.features.transform;

import static dev.reco.features.transform.StepAssertions.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OrdinalTest {
  private static Table training() {
    // counts: web 3, ios 2, android 2, missing 1
    return Table.of(CategoricalColumn.of("device",
        "web", "ios", "web", null, "android", "ios", "web", "android"));
  }

  @Test
  void frequencyOrderWithTiesByString() {
    // web 3 -> 0; android 2 and ios 2 tie, "android" < "ios" -> 1, 2
    OrdinalFitted f = OrdinalStep.of("device").fit(training());
    assertEquals(List.of("web", "android", "ios"), f.categories());
    Table out = f.transform(Table.of(CategoricalColumn.of("device", "ios", "web", null, "tv", "android")));
    // missing -> NaN; tv unseen, IGNORE -> -1
    assertArrayEquals(new double[] {2, 0, Double.NaN, -1, 1}, doubles(out, "device_ordinal"));
  }

  @Test
  void lexicographicOrderRareAndUnseenOther() {
    // minFrequency 3 keeps only web (3); android, ios rare -> other code 1
    OrdinalFitted f = OrdinalStep.of("device").withOrder(CategoryOrder.LEXICOGRAPHIC)
        .withRare(3, 0).withUnseen(UnseenCategoryPolicy.OTHER, -1).fit(training());
    assertEquals(List.of("web"), f.categories());
    Table out = f.transform(Table.of(CategoricalColumn.of("device", "ios", "web", "tv")));
    assertArrayEquals(new double[] {1, 0, 1}, doubles(out, "device_ordinal"));
    OrdinalFitted lex = OrdinalStep.of("device").withOrder(CategoryOrder.LEXICOGRAPHIC).fit(training());
    assertEquals(List.of("android", "ios", "web"), lex.categories());
    OrdinalFitted nan = OrdinalStep.of("device").withUnseen(UnseenCategoryPolicy.IGNORE, Double.NaN)
        .fit(training());
    assertTrue(Double.isNaN(doubles(nan.transform(Table.of(CategoricalColumn.of("device", "tv"))),
        "device_ordinal")[0]));
  }

  @Test
  void badInputsNameTheValue() {
    OrdinalFitted f = OrdinalStep.of("device").withUnseen(UnseenCategoryPolicy.ERROR, -1).fit(training());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.transform(Table.of(CategoricalColumn.of("device", "web", "web", "tv"))));
    assertTrue(e.getMessage().contains("'tv'") && e.getMessage().contains("row 2"), e.getMessage());
    RowBuffer row = new RowBuffer(TableSchema.of(
        new TableSchema.Field("device", ColumnType.CATEGORICAL), new TableSchema.Field("o", ColumnType.DOUBLE)));
    row.setCategory(0, "fridge");
    e = assertThrows(IllegalArgumentException.class, () -> f.transformRow(row, new int[] {0}, new int[] {1}));
    assertTrue(e.getMessage().contains("'fridge'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> OrdinalStep.of("n").fit(Table.of(LongColumn.of("n", 1, 2))));
    assertTrue(e.getMessage().contains("'n' is LONG"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> OrdinalStep.of("x").withUnseen(UnseenCategoryPolicy.IGNORE, Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("unseenValue = Infinity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OrdinalStep.of("x").withRare(-1, 0));
    assertTrue(e.getMessage().contains("minFrequency = -1"), e.getMessage());
  }

  @Test
  void transformRejectsAWrongType() {
    OrdinalFitted f = OrdinalStep.of("device").fit(training());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.transform(Table.of(LongColumn.of("device", 3))));
    assertTrue(e.getMessage().contains("'device' is LONG; expected CATEGORICAL"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> f.transform(Table.of(LongColumn.of("other", 3))));
    assertTrue(e.getMessage().contains("'device' not found"), e.getMessage());
  }

  @Property(tries = 100, seed = "7")
  void batchEqualsRowAndJsonRoundTrip(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 8) Integer> train,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 10) Integer> test,
      @ForAll boolean other, @ForAll boolean nanUnseen, @ForAll CategoryOrder order,
      @ForAll @IntRange(min = 1, max = 4) int minFrequency,
      @ForAll @IntRange(min = 0, max = 5) int maxCategories) {
    OrdinalFitted f = new OrdinalStep("x", "x_code", order,
        other ? UnseenCategoryPolicy.OTHER : UnseenCategoryPolicy.IGNORE, nanUnseen ? Double.NaN : -1,
        minFrequency, maxCategories).fit(OneHotTest.randomTable(train));
    Table t = OneHotTest.randomTable(test);
    StepAssertions.assertBatchEqualsRow(f, t);
    FittedStep back = StepAssertions.roundTrip(f, OrdinalFitted::read);
    StepAssertions.assertSameOutputs(f.outputs(), f.transform(t), back.transform(t));
    // reference: a kept category's code is its index in categories()
    double[] codes = doubles(f.transform(t), "x_code");
    for (int r = 0; r < t.rows(); r++) {
      String v = t.categoricalColumn("x").category(r);
      int i = v == null ? -1 : f.categories().indexOf(v);
      if (i >= 0) {
        assertEquals(i, codes[r]);
      }
    }
  }
}
