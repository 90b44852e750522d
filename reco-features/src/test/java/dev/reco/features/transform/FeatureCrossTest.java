package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FeatureCrossTest {
  private static Table training() {
    // combinations: ios|DE x2, web|DE x1, web|FR x2, (missing country) x1
    return Table.of(CategoricalColumn.of("device", "ios", "web", "ios", "web", "web", "ios"),
        CategoricalColumn.of("country", "DE", "DE", "DE", "FR", "FR", null));
  }

  private static String[] categories(Table t, String name) {
    CategoricalColumn c = t.categoricalColumn(name);
    String[] out = new String[t.rows()];
    for (int r = 0; r < out.length; r++) {
      out[r] = c.category(r);
    }
    return out;
  }

  @Test
  void crossesSeenCombinations() {
    FeatureCrossFitted f = FeatureCrossStep.of("device", "country").fit(training());
    assertEquals(List.of("ios|DE", "web|DE", "web|FR"), f.dictionary().ids());
    assertEquals(new TableSchema.Field("device\u00d7country", ColumnType.CATEGORICAL), f.outputs().get(0));
    Table t = Table.of(CategoricalColumn.of("device", "web", "ios", "tv", null),
        CategoricalColumn.of("country", "FR", "FR", "DE", "DE"));
    // ios|FR and tv|DE are unseen -> missing (IGNORE); a missing input -> missing
    assertArrayEquals(new String[] {"web|FR", null, null, null}, categories(f.transform(t), "device\u00d7country"));
  }

  @Test
  void rareCombinationsAndUnseenOther() {
    // minFrequency 2: web|DE (1) is rare -> __other__; frequency order: ios|DE 2, web|FR 2 (tie by string)
    FeatureCrossFitted f = FeatureCrossStep.of("device", "country").withRare(2, 0)
        .withOrder(CategoryOrder.FREQUENCY).withUnseen(UnseenCategoryPolicy.OTHER).withOutput("dc").fit(training());
    assertEquals(List.of("ios|DE", "web|FR", "__other__"), f.dictionary().ids());
    Table t = Table.of(CategoricalColumn.of("device", "web", "ios", "tv"), CategoricalColumn.of("country", "DE", "FR", "DE"));
    assertArrayEquals(new String[] {"__other__", "__other__", "__other__"}, categories(f.transform(t), "dc"));
  }

  @Test
  void separatorInValuesIsEscaped() {
    // ("a|b", "c") and ("a", "b|c") would both read "a|b|c" unescaped
    Table t = Table.of(CategoricalColumn.of("x", "a|b", "a", "\\"), CategoricalColumn.of("y", "c", "b|c", "z"));
    FeatureCrossFitted f = FeatureCrossStep.of("x", "y").fit(t);
    assertArrayEquals(new String[] {"a\\|b|c", "a|b\\|c", "\\\\|z"}, categories(f.transform(t), "x\u00d7y"));
  }

  @Test
  void threeWayCross() {
    Table t = Table.of(CategoricalColumn.of("a", "1", "1", "2"), CategoricalColumn.of("b", "x", "y", "x"),
        CategoricalColumn.of("c", "p", "p", "q"));
    FeatureCrossFitted f = FeatureCrossStep.of("a", "b", "c").fit(t);
    assertArrayEquals(new String[] {"1|x|p", "1|y|p", "2|x|q"}, categories(f.transform(t), "a\u00d7b\u00d7c"));
  }

  @Test
  void badInputsNameTheValue() {
    FeatureCrossFitted f = FeatureCrossStep.of("device", "country").withUnseen(UnseenCategoryPolicy.ERROR).fit(training());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.transform(
        Table.of(CategoricalColumn.of("device", "ios", "ios"), CategoricalColumn.of("country", "DE", "JP"))));
    assertTrue(e.getMessage().contains("'ios|JP'") && e.getMessage().contains("row 1"), e.getMessage());
    RowBuffer row = new RowBuffer(TableSchema.of(new TableSchema.Field("device", ColumnType.CATEGORICAL),
        new TableSchema.Field("country", ColumnType.CATEGORICAL), new TableSchema.Field("o", ColumnType.CATEGORICAL)));
    row.setCategory(0, "tv");
    row.setCategory(1, "FR");
    e = assertThrows(IllegalArgumentException.class, () -> f.transformRow(row, new int[] {0, 1}, new int[] {2}));
    assertTrue(e.getMessage().contains("'tv|FR'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureCrossStep.of("a"));
    assertTrue(e.getMessage().contains("inputs = [a]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureCrossStep.of("a", "a"));
    assertTrue(e.getMessage().contains("inputs = [a, a]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureCrossStep.of("device", "spend")
        .fit(training().with(DoubleColumn.of("spend", 1, 2, 3, 4, 5, 6))));
    assertTrue(e.getMessage().contains("'spend' is DOUBLE"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureCrossStep.of("a", "b").withRare(1, -1));
    assertTrue(e.getMessage().contains("maxCategories = -1"), e.getMessage());
  }

  @Property(tries = 100, seed = "23")
  void batchEqualsRowAndJsonRoundTrip(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 5) Integer> train,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -1, max = 7) Integer> test,
      @ForAll UnseenCategoryPolicy unseen, @ForAll CategoryOrder order,
      @ForAll @IntRange(min = 1, max = 3) int minFrequency, @ForAll @IntRange(min = 0, max = 6) int maxCategories) {
    UnseenCategoryPolicy policy = unseen == UnseenCategoryPolicy.ERROR ? UnseenCategoryPolicy.OTHER : unseen;
    FeatureCrossFitted f = new FeatureCrossStep(List.of("x", "y"), "xy", order, policy, minFrequency, maxCategories)
        .fit(table(train));
    Table t = table(test);
    StepAssertions.assertBatchEqualsRow(f, t);
    FittedStep back = StepAssertions.roundTrip(f, FeatureCrossFitted::read);
    StepAssertions.assertSameOutputs(f.outputs(), f.transform(t), back.transform(t));
    // reference: a present, kept combination maps to its joined name
    Table out = f.transform(t);
    for (int r = 0; r < t.rows(); r++) {
      String x = t.categoricalColumn("x").category(r);
      String y = t.categoricalColumn("y").category(r);
      String got = out.categoricalColumn("xy").category(r);
      if (x == null || y == null) {
        assertEquals(null, got);
      } else if (f.dictionary().contains(x + "|" + y)) {
        assertEquals(x + "|" + y, got);
      }
    }
  }

  private static Table table(List<Integer> codes) {
    List<String> x = new ArrayList<>();
    List<String> y = new ArrayList<>();
    for (int c : codes) {
      x.add(c < 0 ? null : "x" + (c % 3));
      y.add(c == 5 ? null : "y" + (c * 5 % 4));
    }
    return Table.of(StepAssertions.cat("x", x), StepAssertions.cat("y", y));
  }
}
