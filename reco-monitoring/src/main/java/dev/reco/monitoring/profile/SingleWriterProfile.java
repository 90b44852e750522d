package dev.reco.monitoring.profile;

import java.util.Arrays;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * A streaming profile for one writer thread: per column, counters over the frozen bins or
 * dictionary of its {@link ProfileSchema}, a missing-value counter and, for numeric columns with
 * a sketch, a KLL quantile sketch. Memory is constant: it depends on the schema, never on the
 * number of values (8 bytes per counter, plus under 6 KB per sketch at the default {@code k}).
 *
 * <p><b>Not thread-safe</b>, not even for concurrent reads: {@link #sketch(int)} and serialization
 * sort a sketch buffer in place. One thread uses it, or the caller synchronizes. For several
 * writers, use {@link ConcurrentProfile}, whose snapshots are single-writer profiles.
 *
 * <p>Verbs: {@code update} (one value, or an array of values for a numeric column),
 * {@link #merge} (add another profile of an equal schema: counters add exactly, sketches merge
 * within their rank error), {@link #copy}, {@link #reset}; serialization is in
 * {@link ProfileFormat}. A reference profile is simply a profile fed the reference data.
 *
 * <p>Counting rules: a numeric {@code NaN} and a categorical {@code null} are missing, counted
 * apart from the bins and never sketched. Infinities are values: they fall in the underflow or
 * overflow bin and are sketched.
 */
public final class SingleWriterProfile {
  private final ProfileSchema schema;
  private final double[][] edges; // null for categorical columns
  private final CategoryDictionary[] dictionaries; // null for numeric columns
  private final long[][] counts;
  private final long[] missing;
  private final KllDoublesSketch[] sketches; // null where a column has no sketch

  /**
   * Creates an empty profile.
   *
   * @param schema the frozen layout
   */
  public SingleWriterProfile(ProfileSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    int c = schema.size();
    edges = new double[c][];
    dictionaries = new CategoryDictionary[c];
    counts = new long[c][];
    missing = new long[c];
    sketches = new KllDoublesSketch[c];
    for (int i = 0; i < c; i++) {
      ProfileColumn col = schema.column(i);
      counts[i] = new long[col.counters()];
      if (col.kind() == ProfileColumn.Kind.NUMERIC) {
        edges[i] = col.bins().edgeView();
        if (col.sketchK() > 0) {
          sketches[i] = KllDoublesSketch.newHeapInstance(col.sketchK());
        }
      } else {
        dictionaries[i] = col.dictionary();
      }
    }
  }

  /**
   * Returns the schema.
   *
   * @return the frozen layout
   */
  public ProfileSchema schema() {
    return schema;
  }

  /**
   * Counts one value of a numeric column: {@code NaN} as missing, anything else in its bin and,
   * if the column has one, in its sketch.
   *
   * @param column the column index
   * @param value the value
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is categorical
   */
  public void update(int column, double value) {
    double[] e = numericEdges(column);
    if (value != value) {
      missing[column]++;
      return;
    }
    counts[column][NumericBins.bin(e, value)]++;
    KllDoublesSketch s = sketches[column];
    if (s != null) {
      s.update(value);
    }
  }

  /**
   * Counts every value of an array for a numeric column, as {@link #update(int, double)} would
   * one by one.
   *
   * @param column the column index
   * @param values the values
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is categorical
   */
  public void update(int column, double[] values) {
    double[] e = numericEdges(column);
    Objects.requireNonNull(values, "values");
    long[] c = counts[column];
    KllDoublesSketch s = sketches[column];
    long nan = 0;
    for (double v : values) {
      if (v != v) {
        nan++;
      } else {
        c[NumericBins.bin(e, v)]++;
        if (s != null) {
          s.update(v);
        }
      }
    }
    missing[column] += nan;
  }

  /**
   * Counts one value of a categorical column: {@code null} as missing, a dictionary category in
   * its bucket, any other category in "other".
   *
   * @param column the column index
   * @param category the category, or {@code null} for a missing value
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is numeric
   */
  public void update(int column, String category) {
    CategoryDictionary d = dictionary(column);
    if (category == null) {
      missing[column]++;
    } else {
      counts[column][d.indexOf(category)]++;
    }
  }

  /**
   * Counts one value of a categorical column already encoded as its bucket, e.g. by
   * {@link CategoryDictionary#indexOf(String)} once per distinct value, or an integer class label
   * that is its own index. No lookup per event.
   *
   * @param column the column index
   * @param bucket the bucket: a dictionary index, or {@code size()} for "other"
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is numeric, or {@code bucket} is not in
   *     {@code [0, size()]}
   */
  public void updateCategoryIndex(int column, int bucket) {
    CategoryDictionary d = dictionary(column);
    if (bucket < 0 || bucket > d.size()) {
      throw new IllegalArgumentException("bucket = " + bucket + " for column " + column + " '"
          + schema.column(column).name() + "'; expected 0 <= bucket <= " + d.size()
          + " (" + d.size() + " is \"other\")");
    }
    counts[column][bucket]++;
  }

  /**
   * Counts one missing value in any column.
   *
   * @param column the column index
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public void updateMissing(int column) {
    Objects.checkIndex(column, missing.length);
    missing[column]++;
  }

  /**
   * Adds another profile into this one: counters add exactly, sketches merge (the merged sketch
   * stays within its rank-error bound). {@code other} is not changed; merging a profile into
   * itself doubles it.
   *
   * @param other a profile of an equal schema
   * @throws IllegalArgumentException if the schemas differ
   * @throws ArithmeticException if a counter would overflow
   */
  public void merge(SingleWriterProfile other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      other = copy();
    }
    if (!other.schema.equals(schema)) {
      throw new IllegalArgumentException("other profile has schema " + other.schema
          + "; expected the same schema as this profile, " + schema);
    }
    long[][] sum = new long[counts.length][];
    long[] sumMissing = new long[missing.length];
    for (int i = 0; i < counts.length; i++) {
      sum[i] = new long[counts[i].length];
      for (int j = 0; j < counts[i].length; j++) {
        sum[i][j] = Math.addExact(counts[i][j], other.counts[i][j]);
      }
      sumMissing[i] = Math.addExact(missing[i], other.missing[i]);
    }
    // Nothing overflowed: commit.
    for (int i = 0; i < counts.length; i++) {
      System.arraycopy(sum[i], 0, counts[i], 0, sum[i].length);
      if (sketches[i] != null && !other.sketches[i].isEmpty()) {
        sketches[i].merge(other.sketches[i]);
      }
    }
    System.arraycopy(sumMissing, 0, missing, 0, missing.length);
  }

  /**
   * Returns an independent copy of this profile.
   *
   * @return the copy
   */
  public SingleWriterProfile copy() {
    SingleWriterProfile c = new SingleWriterProfile(schema);
    for (int i = 0; i < counts.length; i++) {
      System.arraycopy(counts[i], 0, c.counts[i], 0, counts[i].length);
      if (sketches[i] != null && !sketches[i].isEmpty()) {
        c.sketches[i] = KllDoublesSketch.heapify(
            org.apache.datasketches.memory.Memory.wrap(sketches[i].toByteArray()));
      }
    }
    System.arraycopy(missing, 0, c.missing, 0, missing.length);
    return c;
  }

  /** Empties every counter and sketch; the schema stays. */
  public void reset() {
    for (int i = 0; i < counts.length; i++) {
      Arrays.fill(counts[i], 0);
      if (sketches[i] != null) {
        sketches[i].reset();
      }
    }
    Arrays.fill(missing, 0);
  }

  /**
   * Returns a copy of a column's counters: per bin for a numeric column (underflow first,
   * overflow last, aligned with {@link NumericBins}), per dictionary category then "other" for a
   * categorical column.
   *
   * @param column the column index
   * @return the counts
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public long[] counts(int column) {
    Objects.checkIndex(column, counts.length);
    return counts[column].clone();
  }

  /**
   * Returns the number of non-missing values counted in a column, the sum of its counters.
   *
   * @param column the column index
   * @return the count
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public long count(int column) {
    Objects.checkIndex(column, counts.length);
    long sum = 0;
    for (long c : counts[column]) {
      sum += c;
    }
    return sum;
  }

  /**
   * Returns the number of missing values counted in a column.
   *
   * @param column the column index
   * @return the missing count
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public long missing(int column) {
    Objects.checkIndex(column, missing.length);
    return missing[column];
  }

  /**
   * Returns whether a column keeps a quantile sketch.
   *
   * @param column the column index
   * @return {@code true} for a numeric column with {@code sketchK > 0}
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public boolean hasSketch(int column) {
    Objects.checkIndex(column, sketches.length);
    return sketches[column] != null;
  }

  /**
   * Returns an immutable copy of a column's quantile sketch.
   *
   * @param column the column index
   * @return the sketch
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column has no sketch
   */
  public ColumnSketch sketch(int column) {
    Objects.checkIndex(column, sketches.length);
    if (sketches[column] == null) {
      throw new IllegalArgumentException("column " + column + " '" + schema.column(column).name()
          + "' has no quantile sketch; expected a numeric column with sketchK > 0");
    }
    return ColumnSketch.of(sketches[column]);
  }

  // Package-private access for ProfileFormat and tests.

  long[] countView(int column) {
    return counts[column];
  }

  void setMissing(int column, long value) {
    missing[column] = value;
  }

  KllDoublesSketch sketchView(int column) {
    return sketches[column];
  }

  void setSketch(int column, KllDoublesSketch sketch) {
    sketches[column] = sketch;
  }

  private double[] numericEdges(int column) {
    double[] e = edges[column];
    if (e == null) {
      throw wrongKind(column, ProfileColumn.Kind.NUMERIC);
    }
    return e;
  }

  private CategoryDictionary dictionary(int column) {
    CategoryDictionary d = dictionaries[column];
    if (d == null) {
      throw wrongKind(column, ProfileColumn.Kind.CATEGORICAL);
    }
    return d;
  }

  private IllegalArgumentException wrongKind(int column, ProfileColumn.Kind expected) {
    ProfileColumn c = schema.column(column);
    return new IllegalArgumentException("column " + column + " '" + c.name() + "' is "
        + c.kind() + "; expected a " + expected + " column for this update");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SingleWriterProfile{");
    for (int i = 0; i < counts.length; i++) {
      s.append(i == 0 ? "" : ", ").append(schema.column(i).name()).append('=')
          .append(Arrays.toString(counts[i])).append(" missing=").append(missing[i]);
    }
    return s.append('}').toString();
  }
}
