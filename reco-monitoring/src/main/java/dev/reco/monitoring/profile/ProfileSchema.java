package dev.reco.monitoring.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The frozen layout of a profile: its columns in order, each with the bins or dictionary frozen
 * from the reference. A reference profile and every live profile compared with it share one
 * schema; profiles merge only with profiles of an equal schema. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProfileSchema schema = ProfileSchema.builder()
 *     .numeric("price", NumericBins.quantiles(referencePrices, 10))
 *     .categorical("country", CategoryDictionary.fromReference(referenceCountries, 50))
 *     .build();
 * }</pre>
 */
public final class ProfileSchema {
  private final List<ProfileColumn> columns;
  private final Map<String, Integer> byName;

  private ProfileSchema(List<ProfileColumn> columns) {
    this.columns = List.copyOf(columns);
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      map.put(columns.get(i).name(), i);
    }
    this.byName = map;
  }

  /**
   * Returns a schema of the given columns.
   *
   * @param columns at least one column, with distinct names
   * @return the schema
   * @throws IllegalArgumentException if there is no column or a name repeats
   */
  public static ProfileSchema of(List<ProfileColumn> columns) {
    Objects.requireNonNull(columns, "columns");
    Builder b = builder();
    for (ProfileColumn c : columns) {
      b.add(c);
    }
    return b.build();
  }

  /**
   * Returns a builder. Not thread-safe.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the columns in order.
   *
   * @return an unmodifiable list
   */
  public List<ProfileColumn> columns() {
    return columns;
  }

  /**
   * Returns the number of columns.
   *
   * @return the number of columns, {@code >= 1}
   */
  public int size() {
    return columns.size();
  }

  /**
   * Returns a column.
   *
   * @param column the column index
   * @return the column
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public ProfileColumn column(int column) {
    return columns.get(column);
  }

  /**
   * Returns the index of a column by name.
   *
   * @param name the column name
   * @return its index
   * @throws IllegalArgumentException if no column has this name
   */
  public int indexOf(String name) {
    Objects.requireNonNull(name, "name");
    Integer i = byName.get(name);
    if (i == null) {
      throw new IllegalArgumentException("column '" + name + "' is not in the schema; expected one of "
          + columns.stream().map(ProfileColumn::name).toList());
    }
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileSchema s && s.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "ProfileSchema" + columns;
  }

  /** Collects columns, in order, for a {@link ProfileSchema}. Not thread-safe. */
  public static final class Builder {
    private final List<ProfileColumn> columns = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();

    private Builder() {}

    /**
     * Adds a numeric column with a quantile sketch of the default {@code k}
     * ({@link ProfileColumn#DEFAULT_SKETCH_K}).
     *
     * @param name the column name, not blank and not used yet
     * @param bins the frozen bins
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already used
     */
    public Builder numeric(String name, NumericBins bins) {
      return numeric(name, bins, ProfileColumn.DEFAULT_SKETCH_K);
    }

    /**
     * Adds a numeric column.
     *
     * @param name the column name, not blank and not used yet
     * @param bins the frozen bins
     * @param sketchK the KLL {@code k} in {@code [8, 65535]}, or 0 for bin counters only
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already used, or {@code sketchK}
     *     is out of range
     */
    public Builder numeric(String name, NumericBins bins, int sketchK) {
      Objects.requireNonNull(bins, "bins");
      return add(new ProfileColumn(name, ProfileColumn.Kind.NUMERIC, bins, null, sketchK));
    }

    /**
     * Adds a categorical column.
     *
     * @param name the column name, not blank and not used yet
     * @param dictionary the frozen dictionary
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already used
     */
    public Builder categorical(String name, CategoryDictionary dictionary) {
      Objects.requireNonNull(dictionary, "dictionary");
      return add(new ProfileColumn(name, ProfileColumn.Kind.CATEGORICAL, null, dictionary, 0));
    }

    /**
     * Adds a column.
     *
     * @param column the column; its name not used yet
     * @return this builder
     * @throws IllegalArgumentException if the name is already used
     */
    public Builder add(ProfileColumn column) {
      Objects.requireNonNull(column, "column");
      Integer previous = names.putIfAbsent(column.name(), columns.size());
      if (previous != null) {
        throw new IllegalArgumentException("column name '" + column.name()
            + "' is already used by column " + previous + "; expected distinct names");
      }
      columns.add(column);
      return this;
    }

    /**
     * Returns the schema.
     *
     * @return the schema
     * @throws IllegalArgumentException if no column was added
     */
    public ProfileSchema build() {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("schema has 0 columns; expected at least one");
      }
      return new ProfileSchema(columns);
    }
  }
}
