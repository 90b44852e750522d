package dev.reco.features.table;

/** The primitive type of a {@link Column}. */
public enum ColumnType {
  /** 64-bit floating point; missing is NaN. */
  DOUBLE,
  /** 64-bit integer (counts, epoch milliseconds); missing is flagged per row. */
  LONG,
  /** A category as an int code into the column's dictionary; missing is code -1. */
  CATEGORICAL,
  /** true / false; missing is flagged per row. */
  BOOLEAN
}
