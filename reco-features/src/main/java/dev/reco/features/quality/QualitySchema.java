package dev.reco.features.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The declared quality rules of a table: one {@link ColumnRule} per checked column and optional
 * composite keys (column combinations whose value tuples must not repeat). Columns of the table
 * that no rule names are not checked. Immutable.
 *
 * @param columns the column rules, unique names
 * @param keys composite keys: each a list of at least two distinct declared column names; rows
 *     with a missing value in a key column are not compared
 */
public record QualitySchema(List<ColumnRule> columns, List<List<String>> keys) {

  /**
   * Validates the schema and copies the lists.
   *
   * @throws IllegalArgumentException if a list or element is null, a column name repeats, or a
   *     key has fewer than two columns, repeats one or names an undeclared one
   */
  public QualitySchema {
    if (columns == null || keys == null) {
      throw new IllegalArgumentException("columns = " + columns + ", keys = " + keys
          + "; expected lists");
    }
    Set<String> names = new HashSet<>();
    for (ColumnRule r : columns) {
      Objects.requireNonNull(r, "column rule");
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("column '" + r.name()
            + "' has two rules; expected one rule per column");
      }
    }
    List<List<String>> copied = new ArrayList<>();
    for (List<String> key : keys) {
      if (key == null || key.size() < 2 || new HashSet<>(key).size() != key.size()) {
        throw new IllegalArgumentException("key = " + key
            + "; expected at least two distinct column names (use ColumnRule.requireUnique() for one)");
      }
      for (String c : key) {
        if (!names.contains(c)) {
          throw new IllegalArgumentException("key " + key + " names column '" + c
              + "'; expected a column with a rule in this schema");
        }
      }
      copied.add(List.copyOf(key));
    }
    columns = List.copyOf(columns);
    keys = List.copyOf(copied);
  }

  /**
   * Returns a schema of these rules without composite keys.
   *
   * @param columns the column rules
   * @return the schema
   * @throws IllegalArgumentException if a name repeats
   */
  public static QualitySchema of(ColumnRule... columns) {
    return new QualitySchema(List.of(columns), List.of());
  }

  /**
   * Returns this schema with one more composite key.
   *
   * @param columns at least two declared column names
   * @return the new schema
   * @throws IllegalArgumentException if the key is invalid (see the record description)
   */
  public QualitySchema withKey(String... columns) {
    List<List<String>> k = new ArrayList<>(keys);
    k.add(List.of(columns));
    return new QualitySchema(this.columns, k);
  }
}
