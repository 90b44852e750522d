package dev.reco.features.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * One mutable row for serving: a value slot per column of a {@link TableSchema}, set by position
 * and reused across requests (no allocation per request). Doubles, longs and booleans are held in
 * primitive slots; a category is held as its string, since the dictionary that gives it a code
 * belongs to whatever consumes the row (a fitted transform). Not thread-safe: one per thread.
 */
public final class RowBuffer {
  private final TableSchema schema;
  private final double[] doubles;
  private final long[] longs;
  private final String[] categories;
  private final boolean[] missing;

  /**
   * Creates a buffer for rows of this schema, every value missing.
   *
   * @param schema the columns
   */
  public RowBuffer(TableSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    int n = schema.size();
    doubles = new double[n];
    longs = new long[n];
    categories = new String[n];
    missing = new boolean[n];
    clear();
  }

  /** Returns the schema. */
  public TableSchema schema() {
    return schema;
  }

  /** Marks every value missing. */
  public void clear() {
    Arrays.fill(missing, true);
    Arrays.fill(categories, null);
  }

  /**
   * Sets a DOUBLE column; NaN means missing.
   *
   * @param column the position
   * @param value the value
   * @throws IllegalArgumentException if the column is not DOUBLE or the value is infinite
   */
  public void setDouble(int column, double value) {
    check(column, ColumnType.DOUBLE);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("column '" + schema.fields().get(column).name()
          + "' = " + value + "; expected a finite value or NaN (missing)");
    }
    doubles[column] = value;
    missing[column] = Double.isNaN(value);
  }

  /**
   * Sets a LONG column.
   *
   * @param column the position
   * @param value the value
   * @throws IllegalArgumentException if the column is not LONG
   */
  public void setLong(int column, long value) {
    check(column, ColumnType.LONG);
    longs[column] = value;
    missing[column] = false;
  }

  /**
   * Sets a BOOLEAN column.
   *
   * @param column the position
   * @param value the value
   * @throws IllegalArgumentException if the column is not BOOLEAN
   */
  public void setBoolean(int column, boolean value) {
    check(column, ColumnType.BOOLEAN);
    longs[column] = value ? 1 : 0;
    missing[column] = false;
  }

  /**
   * Sets a CATEGORICAL column; null means missing.
   *
   * @param column the position
   * @param category the category
   * @throws IllegalArgumentException if the column is not CATEGORICAL
   */
  public void setCategory(int column, String category) {
    check(column, ColumnType.CATEGORICAL);
    categories[column] = category;
    missing[column] = category == null;
  }

  /**
   * Marks a value missing.
   *
   * @param column the position
   */
  public void setMissing(int column) {
    Objects.checkIndex(column, missing.length);
    missing[column] = true;
    categories[column] = null;
  }

  /** Returns whether a value is missing. */
  public boolean isMissing(int column) {
    return missing[column];
  }

  /** Returns a DOUBLE value (NaN if missing). */
  public double getDouble(int column) {
    check(column, ColumnType.DOUBLE);
    return missing[column] ? Double.NaN : doubles[column];
  }

  /** Returns a LONG value (0 if missing). */
  public long getLong(int column) {
    check(column, ColumnType.LONG);
    return missing[column] ? 0 : longs[column];
  }

  /** Returns a BOOLEAN value (false if missing). */
  public boolean getBoolean(int column) {
    check(column, ColumnType.BOOLEAN);
    return !missing[column] && longs[column] != 0;
  }

  /** Returns a CATEGORICAL value (null if missing). */
  public String getCategory(int column) {
    check(column, ColumnType.CATEGORICAL);
    return categories[column];
  }

  private void check(int column, ColumnType type) {
    Objects.checkIndex(column, missing.length);
    ColumnType actual = schema.fields().get(column).type();
    if (actual != type) {
      throw new IllegalArgumentException("column " + column + " ('"
          + schema.fields().get(column).name() + "') is " + actual + "; expected " + type);
    }
  }
}
