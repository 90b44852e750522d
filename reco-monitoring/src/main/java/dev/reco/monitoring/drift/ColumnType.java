package dev.reco.monitoring.drift;

/** The kind of values a column holds, which decides the drift tests that apply to it. */
public enum ColumnType {
  /** Real numbers ({@code double}); {@code NaN} marks a missing value. */
  NUMERIC,
  /** Labels ({@code String}); {@code null} marks a missing value. */
  CATEGORICAL
}
