package dev.reco.features.quality;

import dev.reco.features.table.ColumnType;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one column of a table must satisfy. Immutable; start from {@link #of(String, ColumnType)}
 * (any number of missing values, no range, any category, duplicates allowed) and refine with
 * {@link #required()}, {@link #maxMissing(double)}, {@link #range(double, double)},
 * {@link #categories(String...)} and {@link #requireUnique()}.
 *
 * @param name the column name
 * @param type the expected column type
 * @param maxMissingFraction the largest allowed fraction of missing values, in {@code [0, 1]}:
 *     0 = not nullable, 1 = any number missing
 * @param min the smallest allowed value (inclusive) of a DOUBLE or LONG column, or
 *     {@code -Infinity} for no lower bound; LONG values are compared as doubles
 * @param max the largest allowed value (inclusive), or {@code +Infinity} for no upper bound
 * @param allowedCategories the allowed categories of a CATEGORICAL column, or null for any
 * @param unique whether present values must not repeat (missing values are not compared;
 *     doubles are compared by bits, with {@code -0.0} equal to {@code 0.0})
 */
public record ColumnRule(
    String name,
    ColumnType type,
    double maxMissingFraction,
    double min,
    double max,
    Set<String> allowedCategories,
    boolean unique) {

  /**
   * Validates the rule and copies the categories.
   *
   * @throws IllegalArgumentException if the name is blank, the type null, the missing fraction
   *     outside [0, 1], a bound NaN or min &gt; max, a bound set on a non-numeric column, or
   *     categories set on a non-categorical column or containing null
   */
  public ColumnRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name = " + (name == null ? "null" : "'" + name + "'")
          + "; expected a non-blank column name");
    }
    if (type == null) {
      throw new IllegalArgumentException("type = null for column '" + name
          + "'; expected a ColumnType");
    }
    if (!(maxMissingFraction >= 0 && maxMissingFraction <= 1)) {
      throw new IllegalArgumentException("maxMissingFraction = " + maxMissingFraction
          + " for column '" + name + "'; expected a fraction in [0, 1]");
    }
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("range = [" + min + ", " + max + "] for column '" + name
          + "'; expected min <= max, neither NaN");
    }
    boolean numeric = type == ColumnType.DOUBLE || type == ColumnType.LONG;
    if (!numeric && (min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("range = [" + min + ", " + max + "] for " + type
          + " column '" + name + "'; expected a range only on DOUBLE or LONG columns");
    }
    if (allowedCategories != null) {
      if (type != ColumnType.CATEGORICAL) {
        throw new IllegalArgumentException("allowedCategories for " + type + " column '" + name
            + "'; expected categories only on CATEGORICAL columns");
      }
      for (String c : allowedCategories) {
        if (c == null) {
          throw new IllegalArgumentException("allowedCategories of column '" + name
              + "' contains null; expected category strings");
        }
      }
      allowedCategories = Collections.unmodifiableSet(new LinkedHashSet<>(allowedCategories));
    }
  }

  /**
   * Returns a rule that only checks the type: missing values allowed, no range, any category,
   * duplicates allowed.
   *
   * @param name the column name
   * @param type the expected type
   * @return the rule
   * @throws IllegalArgumentException if the name is blank or the type null
   */
  public static ColumnRule of(String name, ColumnType type) {
    return new ColumnRule(name, type, 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        null, false);
  }

  /** Returns this rule with no missing value allowed (not nullable). */
  public ColumnRule required() {
    return maxMissing(0.0);
  }

  /**
   * Returns this rule allowing at most this fraction of missing values.
   *
   * @param fraction in {@code [0, 1]}
   * @return the new rule
   * @throws IllegalArgumentException if outside [0, 1]
   */
  public ColumnRule maxMissing(double fraction) {
    return new ColumnRule(name, type, fraction, min, max, allowedCategories, unique);
  }

  /**
   * Returns this rule with an allowed range, bounds inclusive (infinite for none).
   *
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the new rule
   * @throws IllegalArgumentException if min &gt; max, a bound is NaN, or the column is not
   *     DOUBLE or LONG
   */
  public ColumnRule range(double min, double max) {
    return new ColumnRule(name, type, maxMissingFraction, min, max, allowedCategories, unique);
  }

  /**
   * Returns this rule allowing only these categories.
   *
   * @param categories the allowed categories
   * @return the new rule
   * @throws IllegalArgumentException if the column is not CATEGORICAL or a category is null
   */
  public ColumnRule categories(String... categories) {
    Objects.requireNonNull(categories, "categories");
    return new ColumnRule(name, type, maxMissingFraction, min, max,
        new LinkedHashSet<>(List.of(categories)), unique);
  }

  /** Returns this rule requiring present values to be distinct. */
  public ColumnRule requireUnique() {
    return new ColumnRule(name, type, maxMissingFraction, min, max, allowedCategories, true);
  }

  /** Whether a range bound is set. */
  boolean hasRange() {
    return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
  }
}
