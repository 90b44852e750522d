package dev.reco.monitoring.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named columns of one sample (the reference or the current data) for a
 * {@link DatasetDrift} comparison. Numeric columns are copied in ({@code NaN} marks a missing
 * value); categorical columns are counted on the way in ({@code null} marks a missing value),
 * since every categorical test reads counts only. Every column has the same number of rows.
 * Immutable and thread-safe; built with {@link #builder()}.
 */
public final class DriftFrame {
  private final Map<String, Object> columns;
  private final long rows;

  private DriftFrame(Map<String, Object> columns, long rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Starts an empty frame.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the column names in the order they were added.
   *
   * @return an unmodifiable list of names
   */
  public List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  /**
   * Returns the number of rows of every column.
   *
   * @return the row count
   */
  public long rows() {
    return rows;
  }

  /**
   * Returns a column's type.
   *
   * @param name the column name
   * @return its type
   * @throws IllegalArgumentException if there is no such column
   */
  public ColumnType type(String name) {
    return get(name) instanceof double[] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  /**
   * Returns a copy of a numeric column.
   *
   * @param name the column name
   * @return its values, {@code NaN} for missing
   * @throws IllegalArgumentException if there is no such column or it is not numeric
   */
  public double[] numeric(String name) {
    return numericView(name).clone();
  }

  double[] numericView(String name) {
    Object c = get(name);
    if (!(c instanceof double[])) {
      throw new IllegalArgumentException("column '" + name + "' is categorical; expected numeric");
    }
    return (double[]) c;
  }

  /**
   * Returns the counts of a categorical column.
   *
   * @param name the column name
   * @return its counts
   * @throws IllegalArgumentException if there is no such column or it is not categorical
   */
  public CategoryCounts categorical(String name) {
    Object c = get(name);
    if (!(c instanceof CategoryCounts)) {
      throw new IllegalArgumentException("column '" + name + "' is numeric; expected categorical");
    }
    return (CategoryCounts) c;
  }

  private Object get(String name) {
    Objects.requireNonNull(name, "name");
    Object c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "column '" + name + "' does not exist; expected one of " + columns.keySet());
    }
    return c;
  }

  /** Collects columns; not thread-safe, single use. */
  public static final class Builder {
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private long rows = -1;
    private String first;

    private Builder() {}

    /**
     * Adds a numeric column (copied).
     *
     * @param name a new, non-empty column name
     * @param values the values, {@code NaN} for missing, none infinite
     * @return this builder
     * @throws IllegalArgumentException if the name is empty or repeated, a value is infinite, or
     *     the row count differs from earlier columns
     */
    public Builder numeric(String name, double[] values) {
      Objects.requireNonNull(values, "values");
      Checks.finiteOrMissing(name, values);
      return add(name, values.clone(), values.length);
    }

    /**
     * Adds a categorical column, counting its labels.
     *
     * @param name a new, non-empty column name
     * @param values the labels, {@code null} for missing
     * @return this builder
     * @throws IllegalArgumentException if the name is empty or repeated, or the row count differs
     *     from earlier columns
     */
    public Builder categorical(String name, String[] values) {
      Objects.requireNonNull(values, "values");
      return add(name, CategoryCounts.of(values), values.length);
    }

    /**
     * Adds a categorical column given by its counts; its rows are {@code total() + missing()}.
     *
     * @param name a new, non-empty column name
     * @param counts the counts
     * @return this builder
     * @throws IllegalArgumentException if the name is empty or repeated, or the row count differs
     *     from earlier columns
     */
    public Builder categorical(String name, CategoryCounts counts) {
      Objects.requireNonNull(counts, "counts");
      return add(name, counts, counts.total() + counts.missing());
    }

    private Builder add(String name, Object column, long length) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name is empty; expected a column name");
      }
      if (columns.containsKey(name)) {
        throw new IllegalArgumentException("column '" + name + "' repeats; expected unique names");
      }
      if (rows >= 0 && length != rows) {
        throw new IllegalArgumentException("column '" + name + "' has " + length + " rows, column '"
            + first + "' has " + rows + "; expected the same number of rows");
      }
      if (rows < 0) {
        rows = length;
        first = name;
      }
      columns.put(name, column);
      return this;
    }

    /**
     * Builds the frame.
     *
     * @return the frame
     * @throws IllegalStateException if no column was added
     */
    public DriftFrame build() {
      if (columns.isEmpty()) {
        throw new IllegalStateException("no column added; expected at least one");
      }
      return new DriftFrame(new LinkedHashMap<>(columns), rows);
    }
  }
}
