package dev.reco.features.table;

import java.util.BitSet;
import java.util.Objects;

/** A column of longs with an explicit missing flag per row. Immutable. */
public final class LongColumn implements Column {
  private final String name;
  private final long[] values;
  private final BitSet missing;

  private LongColumn(String name, long[] values, BitSet missing) {
    this.name = Column.checkName(name);
    this.values = values;
    this.missing = missing;
  }

  /**
   * Returns a column of present values (copied).
   *
   * @param name the column name
   * @param values the values
   * @return the column
   */
  public static LongColumn of(String name, long... values) {
    return new LongColumn(name, values.clone(), new BitSet());
  }

  /**
   * Returns a column with some values missing (both copied).
   *
   * @param name the column name
   * @param values the values (ignored where missing)
   * @param missing which rows are missing
   * @return the column
   * @throws IllegalArgumentException if {@code missing} flags a row beyond {@code values}
   */
  public static LongColumn of(String name, long[] values, BitSet missing) {
    Objects.requireNonNull(missing, "missing");
    if (missing.length() > values.length) {
      throw new IllegalArgumentException("column '" + name + "' flags row " + (missing.length() - 1)
          + " missing; expected rows < " + values.length);
    }
    return new LongColumn(name, values.clone(), (BitSet) missing.clone());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.LONG;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    Objects.checkIndex(row, values.length);
    return missing.get(row);
  }

  /**
   * Returns the value of a present row.
   *
   * @param row a row index
   * @return the value (0 if missing: check {@link #isMissing} first)
   */
  public long get(int row) {
    return missing.get(row) ? 0L : values[row];
  }

  @Override
  public LongColumn renamed(String newName) {
    return new LongColumn(newName, values, missing);
  }
}
