package dev.reco.features.table;

import java.util.BitSet;
import java.util.Objects;

/** A column of booleans with an explicit missing flag per row. Immutable. */
public final class BooleanColumn implements Column {
  private final String name;
  private final int size;
  private final BitSet values;
  private final BitSet missing;

  private BooleanColumn(String name, int size, BitSet values, BitSet missing) {
    this.name = Column.checkName(name);
    this.size = size;
    this.values = values;
    this.missing = missing;
  }

  /**
   * Returns a column of present values.
   *
   * @param name the column name
   * @param values the values
   * @return the column
   */
  public static BooleanColumn of(String name, boolean... values) {
    BitSet bits = new BitSet(values.length);
    for (int r = 0; r < values.length; r++) {
      bits.set(r, values[r]);
    }
    return new BooleanColumn(name, values.length, bits, new BitSet());
  }

  /**
   * Returns a column with some values missing.
   *
   * @param name the column name
   * @param values the values (ignored where missing)
   * @param missing which rows are missing
   * @return the column
   * @throws IllegalArgumentException if {@code missing} flags a row beyond {@code values}
   */
  public static BooleanColumn of(String name, boolean[] values, BitSet missing) {
    Objects.requireNonNull(missing, "missing");
    if (missing.length() > values.length) {
      throw new IllegalArgumentException("column '" + name + "' flags row " + (missing.length() - 1)
          + " missing; expected rows < " + values.length);
    }
    BooleanColumn c = of(name, values);
    return new BooleanColumn(name, values.length, c.values, (BitSet) missing.clone());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.BOOLEAN;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isMissing(int row) {
    Objects.checkIndex(row, size);
    return missing.get(row);
  }

  /**
   * Returns the value of a present row.
   *
   * @param row a row index
   * @return the value (false if missing: check {@link #isMissing} first)
   */
  public boolean get(int row) {
    Objects.checkIndex(row, size);
    return !missing.get(row) && values.get(row);
  }

  @Override
  public BooleanColumn renamed(String newName) {
    return new BooleanColumn(newName, size, values, missing);
  }
}
