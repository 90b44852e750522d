package dev.reco.features.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private static Table sample() {
    BitSet missingAge = new BitSet();
    missingAge.set(1);
    return Table.of(
        DoubleColumn.of("spend", 12.5, Double.NaN, 3.0),
        LongColumn.of("age", new long[] {30, 0, 41}, missingAge),
        CategoricalColumn.of("device", "ios", "web", null),
        BooleanColumn.of("member", true, false, true));
  }

  @Test
  void columnsHoldValuesAndExplicitMissing() {
    Table t = sample();
    assertEquals(3, t.rows());
    assertEquals(List.of("spend", "age", "device", "member"), t.schema().names());
    assertEquals(12.5, t.doubleColumn("spend").get(0));
    assertTrue(t.doubleColumn("spend").isMissing(1));
    assertTrue(t.longColumn("age").isMissing(1));
    assertEquals(41, t.longColumn("age").get(2));
    assertEquals("web", t.categoricalColumn("device").category(1));
    assertEquals(1, t.categoricalColumn("device").code(1));
    assertNull(t.categoricalColumn("device").category(2));
    assertEquals(CategoricalColumn.MISSING, t.categoricalColumn("device").code(2));
    assertEquals(1, t.column("device").missingCount());
    assertTrue(t.booleanColumn("member").get(2));
  }

  @Test
  void derivedTablesShareColumnsAndKeepOrder() {
    Table t = sample();
    Table s = t.select("device", "spend");
    assertEquals(List.of("device", "spend"), s.schema().names());
    Table w = t.with(DoubleColumn.of("spend", 1, 2, 3));
    assertEquals(List.of("spend", "age", "device", "member"), w.schema().names());
    assertEquals(2.0, w.doubleColumn("spend").get(1));
    assertEquals(12.5, t.doubleColumn("spend").get(0), "the original is unchanged");
  }

  @Test
  void rowBufferReadsRowsByName() {
    Table t = sample();
    RowBuffer row = new RowBuffer(TableSchema.of(
        new TableSchema.Field("device", ColumnType.CATEGORICAL),
        new TableSchema.Field("spend", ColumnType.DOUBLE)));
    t.readRow(0, row);
    assertEquals("ios", row.getCategory(0));
    assertEquals(12.5, row.getDouble(1));
    t.readRow(2, row);
    assertTrue(row.isMissing(0));
    assertEquals(3.0, row.getDouble(1));
    t.readRow(1, row);
    assertTrue(row.isMissing(1));
    assertTrue(Double.isNaN(row.getDouble(1)));
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Table.of(DoubleColumn.of("a", 1, 2), DoubleColumn.of("b", 1)));
    assertEquals("column 'b' has 1 rows; expected 2 (the rows of 'a')", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Table.of(DoubleColumn.of("a", 1), DoubleColumn.of("a", 2)));
    assertTrue(e.getMessage().contains("'a' appears at positions 0 and 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> sample().doubleColumn("device"));
    assertEquals("column 'device' is CATEGORICAL; expected DOUBLE", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> sample().column("nope"));
    assertTrue(e.getMessage().startsWith("column 'nope' not found"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DoubleColumn.of("x", 1, Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("row 1 = Infinity"), e.getMessage());
    RowBuffer row = new RowBuffer(sample().schema());
    e = assertThrows(IllegalArgumentException.class, () -> row.setDouble(2, 1.0));
    assertEquals("column 2 ('device') is CATEGORICAL; expected DOUBLE", e.getMessage());
  }
}
