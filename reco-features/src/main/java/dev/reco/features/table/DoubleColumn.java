package dev.reco.features.table;

import java.util.Objects;

/** A column of doubles; NaN is the missing value. Immutable (the array is copied in). */
public final class DoubleColumn implements Column {
  private final String name;
  private final double[] values;

  private DoubleColumn(String name, double[] values) {
    this.name = Column.checkName(name);
    this.values = values;
  }

  /**
   * Returns a column holding a copy of {@code values}.
   *
   * @param name the column name
   * @param values the values, NaN for missing; infinities are rejected
   * @return the column
   * @throws IllegalArgumentException if a value is infinite, naming the row
   */
  public static DoubleColumn of(String name, double... values) {
    Objects.requireNonNull(values, "values");
    for (int r = 0; r < values.length; r++) {
      if (Double.isInfinite(values[r])) {
        throw new IllegalArgumentException(
            "column '" + name + "' row " + r + " = " + values[r] + "; expected a finite value or NaN (missing)");
      }
    }
    return new DoubleColumn(name, values.clone());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.DOUBLE;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  /**
   * Returns the value of a row; NaN when missing.
   *
   * @param row a row index
   * @return the value
   */
  public double get(int row) {
    return values[row];
  }

  /** Returns a copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public DoubleColumn renamed(String newName) {
    return new DoubleColumn(newName, values);
  }

  /** Wraps an array the caller gives up (package use: builders that already copied). */
  static DoubleColumn wrap(String name, double[] values) {
    return new DoubleColumn(name, values);
  }
}
