package dev.reco.models.rank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The features a {@link Ranker} expects, in order: their names and the missing-value convention.
 * Rows are passed row-major, {@link #size()} floats per row, in exactly this order.
 *
 * <h2>Missing values</h2>
 * {@code NaN} always means missing. A schema may also name a sentinel ({@link #missingValue()},
 * e.g. {@code 0} for data exported from sparse matrices, or {@code -999}): every backend treats a
 * value equal to the sentinel exactly like {@code NaN}. The default sentinel is {@code NaN}
 * itself, i.e. no other value is missing.
 *
 * <p>Immutable; equal when names and sentinel are equal.
 */
public final class FeatureSchema {
  private final List<String> names;
  private final Map<String, Integer> index;
  private final float missingValue;

  private FeatureSchema(List<String> names, float missingValue) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("feature names = []; expected at least one feature");
    }
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "feature name " + i + " = " + (name == null ? "null" : "'" + name + "'")
                + "; expected a non-blank name");
      }
      Integer previous = positions.put(name, i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "feature name '" + name + "' appears at positions " + previous + " and " + i
                + "; expected unique names");
      }
    }
    if (Float.isInfinite(missingValue)) {
      throw new IllegalArgumentException(
          "missingValue = " + missingValue + "; expected NaN or a finite sentinel");
    }
    this.names = Collections.unmodifiableList(new ArrayList<>(names));
    this.index = positions;
    this.missingValue = missingValue;
  }

  /**
   * Returns a schema with these feature names, NaN as the only missing value.
   *
   * @param names feature names in row order, unique and non-blank
   * @return the schema
   * @throws IllegalArgumentException if there are no names, a blank one or a repeated one
   */
  public static FeatureSchema of(String... names) {
    return new FeatureSchema(List.of(names), Float.NaN);
  }

  /**
   * Returns a schema with these feature names, NaN as the only missing value.
   *
   * @param names feature names in row order, unique and non-blank
   * @return the schema
   * @throws IllegalArgumentException if there are no names, a blank one or a repeated one
   */
  public static FeatureSchema of(List<String> names) {
    return new FeatureSchema(names, Float.NaN);
  }

  /**
   * Returns a schema of {@code count} features named {@code prefix0 .. prefix(count-1)}.
   *
   * @param prefix the name prefix, e.g. {@code "f"}
   * @param count the number of features, {@code >= 1}
   * @return the schema
   * @throws IllegalArgumentException if {@code count < 1} or the prefix is blank
   */
  public static FeatureSchema numbered(String prefix, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count = " + count + "; expected count >= 1");
    }
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(prefix + i);
    }
    return new FeatureSchema(names, Float.NaN);
  }

  /**
   * Returns this schema with {@code value} treated as missing besides NaN.
   *
   * @param value the sentinel, finite (NaN restores the default)
   * @return a new schema
   * @throws IllegalArgumentException if {@code value} is infinite
   */
  public FeatureSchema withMissingValue(float value) {
    return new FeatureSchema(names, value);
  }

  /** Returns the number of features per row. */
  public int size() {
    return names.size();
  }

  /** Returns the feature names in row order (unmodifiable). */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the name of feature {@code i}.
   *
   * @param i the position, {@code 0 <= i < size()}
   * @return its name
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public String name(int i) {
    return names.get(i);
  }

  /**
   * Returns the position of a feature, or -1 when the schema has no feature of that name.
   *
   * @param name a feature name
   * @return its position or -1
   */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** Returns the missing-value sentinel; NaN when only NaN is missing. */
  public float missingValue() {
    return missingValue;
  }

  /** Returns whether a sentinel other than NaN is declared. */
  public boolean hasSentinel() {
    return !Float.isNaN(missingValue);
  }

  /**
   * Returns whether {@code value} is missing under this schema: NaN, or equal to the sentinel.
   *
   * @param value a feature value
   * @return whether it is missing
   */
  public boolean isMissing(float value) {
    return value != value || value == missingValue;
  }

  /**
   * Checks that another schema (e.g. the one a model file declares) is this one: same names in
   * the same order and the same sentinel.
   *
   * @param actual the schema to check
   * @param what what {@code actual} belongs to, for the message (e.g. {@code "model.onnx"})
   * @throws IllegalArgumentException naming the first difference: expected vs actual
   */
  public void requireSame(FeatureSchema actual, String what) {
    Objects.requireNonNull(actual, "actual");
    if (actual.size() != size()) {
      throw new IllegalArgumentException(
          what + " has " + actual.size() + " features; expected " + size() + " " + describe());
    }
    for (int i = 0; i < size(); i++) {
      if (!names.get(i).equals(actual.names.get(i))) {
        throw new IllegalArgumentException(
            what + " feature " + i + " is '" + actual.names.get(i) + "'; expected '"
                + names.get(i) + "'");
      }
    }
    if (Float.compare(missingValue, actual.missingValue) != 0) {
      throw new IllegalArgumentException(
          what + " missing value is " + actual.missingValue + "; expected " + missingValue);
    }
  }

  /**
   * Checks the arguments of a batch call: {@code rows >= 0}, {@code features} holds at least
   * {@code rows * size()} values and {@code scores} at least {@code rows}.
   *
   * @param features row-major feature values
   * @param rows the number of rows to score
   * @param scores the output array
   * @throws IllegalArgumentException naming the value and what was expected
   */
  public void checkBatch(float[] features, int rows, float[] scores) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(scores, "scores");
    if (rows < 0) {
      throw new IllegalArgumentException("rows = " + rows + "; expected rows >= 0");
    }
    long needed = (long) rows * size();
    if (features.length < needed) {
      throw new IllegalArgumentException(
          "features.length = " + features.length + "; expected at least rows (" + rows
              + ") * features (" + size() + ") = " + needed);
    }
    if (scores.length < rows) {
      throw new IllegalArgumentException(
          "scores.length = " + scores.length + "; expected at least rows = " + rows);
    }
  }

  private String describe() {
    return names.size() <= 8 ? names.toString() : names.subList(0, 8) + "...";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSchema other
        && names.equals(other.names)
        && Float.compare(missingValue, other.missingValue) == 0;
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + Float.hashCode(missingValue);
  }

  @Override
  public String toString() {
    return "FeatureSchema" + describe()
        + (hasSentinel() ? " (missing: NaN or " + missingValue + ")" : "");
  }
}
