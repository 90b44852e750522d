package dev.reco.monitoring.profile;

import java.util.Objects;

/**
 * One column of a {@link ProfileSchema}: its name, its kind, and what was frozen for it from the
 * reference. A numeric column has {@link NumericBins} and optionally a KLL quantile sketch of
 * parameter {@code sketchK}; a categorical column has a {@link CategoryDictionary}. Immutable.
 *
 * @param name the column name, not blank
 * @param kind numeric or categorical
 * @param bins the frozen bins of a numeric column; {@code null} for a categorical one
 * @param dictionary the frozen dictionary of a categorical column; {@code null} for a numeric one
 * @param sketchK the KLL parameter {@code k} of a numeric column's quantile sketch, in
 *     {@code [8, 65535]}, or {@code 0} for no sketch; always {@code 0} for a categorical column
 */
public record ProfileColumn(String name, Kind kind, NumericBins bins,
    CategoryDictionary dictionary, int sketchK) {

  /** The kind of a column. */
  public enum Kind {
    /** Doubles, counted in frozen bins and optionally sketched; {@code NaN} is missing. */
    NUMERIC,
    /** Strings, counted per frozen category plus "other"; {@code null} is missing. */
    CATEGORICAL
  }

  /** Smallest KLL {@code k} (a DataSketches limit). */
  public static final int MIN_SKETCH_K = 8;

  /** Largest KLL {@code k} (a DataSketches limit). */
  public static final int MAX_SKETCH_K = 65_535;

  /**
   * The default KLL {@code k}: 200, a normalized rank error of about 1.33% (99% confidence) for
   * about 600 retained doubles, under 6 KB per sketch whatever the number of values.
   */
  public static final int DEFAULT_SKETCH_K = 200;

  /**
   * Validates the column.
   *
   * @param name the column name, not blank
   * @param kind numeric or categorical
   * @param bins the frozen bins of a numeric column; {@code null} for a categorical one
   * @param dictionary the frozen dictionary of a categorical column; {@code null} otherwise
   * @param sketchK the KLL {@code k}, or {@code 0} for no sketch
   * @throws IllegalArgumentException if the name is blank, the kind does not match the frozen
   *     parts, or {@code sketchK} is out of range
   */
  public ProfileColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name = '" + name + "'; expected a non-blank column name");
    }
    if (kind == Kind.NUMERIC) {
      if (bins == null || dictionary != null) {
        throw new IllegalArgumentException("numeric column '" + name + "' has bins = " + bins
            + " and dictionary = " + dictionary + "; expected bins and no dictionary");
      }
      if (sketchK != 0 && (sketchK < MIN_SKETCH_K || sketchK > MAX_SKETCH_K)) {
        throw new IllegalArgumentException("sketchK = " + sketchK + " for column '" + name
            + "'; expected 0 (no sketch) or " + MIN_SKETCH_K + " <= sketchK <= " + MAX_SKETCH_K);
      }
    } else {
      if (dictionary == null || bins != null) {
        throw new IllegalArgumentException("categorical column '" + name + "' has bins = " + bins
            + " and dictionary = " + dictionary + "; expected a dictionary and no bins");
      }
      if (sketchK != 0) {
        throw new IllegalArgumentException("sketchK = " + sketchK + " for categorical column '"
            + name + "'; expected 0 (categorical columns have no sketch)");
      }
    }
  }

  /**
   * Returns the number of counters the column keeps: bins (underflow and overflow included) for a
   * numeric column, dictionary size plus "other" for a categorical one.
   *
   * @return the number of counters
   */
  public int counters() {
    return kind == Kind.NUMERIC ? bins.bins() : dictionary.buckets();
  }
}
