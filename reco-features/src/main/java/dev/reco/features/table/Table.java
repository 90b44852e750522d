package dev.reco.features.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable table of named, equally long primitive {@link Column}s. Columns are shared, never
 * copied, between tables derived with {@link #with} and {@link #select}.
 *
 * <pre>{@code
 * Table t = Table.of(
 *     DoubleColumn.of("spend", 12.5, Double.NaN, 3.0),
 *     CategoricalColumn.of("device", "ios", "web", null));
 * double spend = t.doubleColumn("spend").get(0);
 * }</pre>
 */
public final class Table {
  private final List<Column> columns;
  private final TableSchema schema;
  private final int rows;

  private Table(List<Column> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns = []; expected at least one column");
    }
    int n = columns.get(0).size();
    List<TableSchema.Field> fields = new ArrayList<>(columns.size());
    for (Column c : columns) {
      Objects.requireNonNull(c, "column");
      if (c.size() != n) {
        throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size()
            + " rows; expected " + n + " (the rows of '" + columns.get(0).name() + "')");
      }
      fields.add(new TableSchema.Field(c.name(), c.type()));
    }
    this.schema = TableSchema.of(fields);
    this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    this.rows = n;
  }

  /**
   * Returns a table of these columns.
   *
   * @param columns equally long columns with unique names
   * @return the table
   * @throws IllegalArgumentException if there are none, lengths differ or a name repeats
   */
  public static Table of(Column... columns) {
    return new Table(List.of(columns));
  }

  /**
   * Returns a table of these columns.
   *
   * @param columns equally long columns with unique names
   * @return the table
   * @throws IllegalArgumentException if there are none, lengths differ or a name repeats
   */
  public static Table of(List<? extends Column> columns) {
    return new Table(new ArrayList<>(columns));
  }

  /** Returns the number of rows. */
  public int rows() {
    return rows;
  }

  /** Returns the schema: names and types in order. */
  public TableSchema schema() {
    return schema;
  }

  /** Returns the columns in order (unmodifiable). */
  public List<Column> columns() {
    return columns;
  }

  /**
   * Returns a column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column, listing the names
   */
  public Column column(String name) {
    int i = schema.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "column '" + name + "' not found; expected one of " + schema.names());
    }
    return columns.get(i);
  }

  /**
   * Returns a double column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column or it is not DOUBLE
   */
  public DoubleColumn doubleColumn(String name) {
    return (DoubleColumn) columns.get(schema.require(name, ColumnType.DOUBLE));
  }

  /**
   * Returns a long column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column or it is not LONG
   */
  public LongColumn longColumn(String name) {
    return (LongColumn) columns.get(schema.require(name, ColumnType.LONG));
  }

  /**
   * Returns a categorical column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column or it is not CATEGORICAL
   */
  public CategoricalColumn categoricalColumn(String name) {
    return (CategoricalColumn) columns.get(schema.require(name, ColumnType.CATEGORICAL));
  }

  /**
   * Returns a boolean column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException if there is no such column or it is not BOOLEAN
   */
  public BooleanColumn booleanColumn(String name) {
    return (BooleanColumn) columns.get(schema.require(name, ColumnType.BOOLEAN));
  }

  /**
   * Returns this table with {@code column} added, or replacing the column of the same name in
   * place.
   *
   * @param column a column with {@link #rows()} rows
   * @return the new table
   * @throws IllegalArgumentException if the row count differs
   */
  public Table with(Column column) {
    List<Column> next = new ArrayList<>(columns);
    int i = schema.indexOf(column.name());
    if (i >= 0) {
      next.set(i, column);
    } else {
      next.add(column);
    }
    return new Table(next);
  }

  /**
   * Returns a table of the named columns, in the given order.
   *
   * @param names column names
   * @return the new table
   * @throws IllegalArgumentException if a name is not found
   */
  public Table select(String... names) {
    List<Column> next = new ArrayList<>(names.length);
    for (String name : names) {
      next.add(column(name));
    }
    return new Table(next);
  }

  /**
   * Copies row {@code row} into a reusable row buffer whose schema names these columns (by
   * name; the buffer may hold a subset or another order).
   *
   * @param row a row index
   * @param into the buffer to fill
   * @throws IllegalArgumentException if the buffer names a column this table lacks or types differ
   */
  public void readRow(int row, RowBuffer into) {
    Objects.checkIndex(row, rows);
    TableSchema target = into.schema();
    for (int j = 0; j < target.size(); j++) {
      TableSchema.Field f = target.fields().get(j);
      Column c = columns.get(schema.require(f.name(), f.type()));
      if (c.isMissing(row)) {
        into.setMissing(j);
        continue;
      }
      if (c instanceof DoubleColumn d) {
        into.setDouble(j, d.get(row));
      } else if (c instanceof LongColumn l) {
        into.setLong(j, l.get(row));
      } else if (c instanceof CategoricalColumn k) {
        into.setCategory(j, k.category(row));
      } else {
        into.setBoolean(j, ((BooleanColumn) c).get(row));
      }
    }
  }

  @Override
  public String toString() {
    return "Table[" + rows + " rows, " + schema.names() + "]";
  }
}
