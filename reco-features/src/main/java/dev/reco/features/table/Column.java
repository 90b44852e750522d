package dev.reco.features.table;

/**
 * One named, immutable column of a {@link Table}: {@link #size()} values of one primitive
 * {@link #type()}, each value present or missing. Implementations are the four final classes of
 * this package; read values through them (e.g. {@link DoubleColumn#get}), never boxed.
 */
public sealed interface Column permits DoubleColumn, LongColumn, CategoricalColumn, BooleanColumn {
  /** Returns the column's name. */
  String name();

  /** Returns the column's type. */
  ColumnType type();

  /** Returns the number of rows. */
  int size();

  /**
   * Returns whether row {@code row} is missing.
   *
   * @param row a row index
   * @return whether its value is missing
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  boolean isMissing(int row);

  /** Returns the number of missing values. */
  default int missingCount() {
    int n = 0;
    for (int r = 0; r < size(); r++) {
      if (isMissing(r)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns a column with the same values under another name.
   *
   * @param name the new name, non-blank
   * @return the renamed column
   */
  Column renamed(String name);

  /** Checks a column name. */
  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "column name = " + (name == null ? "null" : "'" + name + "'") + "; expected a non-blank name");
    }
    return name;
  }
}
