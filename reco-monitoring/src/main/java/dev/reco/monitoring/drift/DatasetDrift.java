package dev.reco.monitoring.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drift of a whole dataset: every column tested, p-values corrected for multiple testing, and the
 * share of drifted columns compared with a threshold. Immutable; built by
 * {@link #compare(DriftFrame, DriftFrame, DatasetDriftConfig)}.
 *
 * <p>Procedure:
 *
 * <ol>
 *   <li>Each column gets a value test (a per-column override from the config, else the
 *       {@link ColumnTestRule}'s pick for its type and {@code min(n, m)}) and the
 *       {@link MissingRate} test.
 *   <li>The family of hypotheses is every value test with a p-value plus every missing-rate test
 *       of a column with a missing row on either side. Their p-values are adjusted together by
 *       the config's {@link Correction}.
 *   <li>A column's values drifted when the adjusted p-value is {@code <= alpha} (the family's
 *       alpha; a test without a p-value counts as significant) and the effect size reaches the
 *       test's threshold; its missing share drifted likewise. The column drifted when either
 *       did.
 *   <li>The dataset drifted when {@code driftedColumns / columns >= driftShare}.
 * </ol>
 *
 * @param columns one entry per column, in the reference frame's order
 * @param driftedColumns number of drifted columns
 * @param driftedShare {@code driftedColumns / columns.size()}
 * @param datasetDrift whether {@code driftedShare >= driftShare}
 * @param config the settings used
 */
public record DatasetDrift(
    List<ColumnDrift> columns,
    int driftedColumns,
    double driftedShare,
    boolean datasetDrift,
    DatasetDriftConfig config) {

  /** Effect name of a value test that could not run because a side has no non-missing value. */
  static final String NO_EFFECT = "none";

  /**
   * Checks the fields and copies {@code columns}.
   *
   * @throws IllegalArgumentException if the counts disagree with {@code columns}
   * @throws NullPointerException if a reference field is null
   */
  public DatasetDrift {
    columns = List.copyOf(columns);
    Objects.requireNonNull(config, "config");
    long drifted = columns.stream().filter(ColumnDrift::drifted).count();
    if (drifted != driftedColumns) {
      throw new IllegalArgumentException("driftedColumns = " + driftedColumns + " with "
          + drifted + " drifted entries in columns; expected equal");
    }
  }

  /**
   * Compares two frames column by column.
   *
   * @param reference the reference sample
   * @param current the current sample, with the same column names and types
   * @param config the settings
   * @return the comparison
   * @throws IllegalArgumentException if the frames' columns differ in name or type, or a frame
   *     has no rows
   */
  public static DatasetDrift compare(DriftFrame reference, DriftFrame current,
      DatasetDriftConfig config) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(config, "config");
    List<String> names = reference.columns();
    for (String name : names) {
      if (!current.columns().contains(name)) {
        throw new IllegalArgumentException("column '" + name
            + "' of the reference is missing from current; expected the same columns");
      }
      if (reference.type(name) != current.type(name)) {
        throw new IllegalArgumentException("column '" + name + "' is " + reference.type(name)
            + " in the reference and " + current.type(name) + " in current; expected one type");
      }
    }
    for (String name : current.columns()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("column '" + name
            + "' of current is missing from the reference; expected the same columns");
      }
    }
    if (reference.rows() == 0 || current.rows() == 0) {
      throw new IllegalArgumentException("reference.rows() = " + reference.rows()
          + ", current.rows() = " + current.rows() + "; expected at least 1 row on each side");
    }
    int k = names.size();
    DriftResult[] values = new DriftResult[k];
    DriftResult[] missing = new DriftResult[k];
    double[] family = new double[2 * k];
    for (int c = 0; c < k; c++) {
      String name = names.get(c);
      values[c] = reference.type(name) == ColumnType.NUMERIC
          ? numeric(name, reference.numericView(name), current.numericView(name), config)
          : categorical(name, reference.categorical(name), current.categorical(name), config);
      long refMissing = values[c].referenceMissing();
      long curMissing = values[c].currentMissing();
      missing[c] = config.missingRate().test(refMissing, reference.rows(), curMissing,
          current.rows());
      family[2 * c] = values[c].pValue();
      family[2 * c + 1] = refMissing + curMissing > 0 ? missing[c].pValue() : Double.NaN;
    }
    double[] adjusted = config.correction().adjust(family);
    List<ColumnDrift> out = new ArrayList<>(k);
    int drifted = 0;
    double alpha = config.alpha();
    for (int c = 0; c < k; c++) {
      DriftResult v = values[c];
      DriftResult mr = missing[c];
      boolean valuesDrifted = v.verdict() != Verdict.NOT_TESTED
          && Verdict.significant(adjusted[2 * c], alpha) && v.effectSize() >= v.effectThreshold();
      boolean missingDrifted = !Double.isNaN(family[2 * c + 1])
          && adjusted[2 * c + 1] <= alpha && mr.effectSize() >= mr.effectThreshold();
      ColumnDrift column = new ColumnDrift(names.get(c), reference.type(names.get(c)), v, mr,
          adjusted[2 * c], adjusted[2 * c + 1], valuesDrifted, missingDrifted);
      if (column.drifted()) {
        drifted++;
      }
      out.add(column);
    }
    double share = (double) drifted / k;
    return new DatasetDrift(out, drifted, share, share >= config.driftShare(), config);
  }

  private static DriftResult numeric(String name, double[] reference, double[] current,
      DatasetDriftConfig config) {
    long refMissing = countNaN(reference);
    long curMissing = countNaN(current);
    long n = reference.length - refMissing;
    long m = current.length - curMissing;
    NumericDriftTest test = config.numericTests().get(name);
    if (test == null) {
      test = config.rule().numericTest(n, m);
    }
    if (n == 0 || m == 0) {
      return DriftResult.notTested(test.name(), NO_EFFECT, config.alpha(), Double.NaN, n, m,
          refMissing, curMissing);
    }
    return test.test(reference, current);
  }

  private static DriftResult categorical(String name, CategoryCounts reference,
      CategoryCounts current, DatasetDriftConfig config) {
    CategoricalDriftTest test = config.categoricalTests().get(name);
    if (test == null) {
      test = config.rule().categoricalTest(reference.total(), current.total());
    }
    return test.test(reference, current);
  }

  private static long countNaN(double[] values) {
    long missing = 0;
    for (double v : values) {
      if (v != v) {
        missing++;
      }
    }
    return missing;
  }

  /**
   * Returns the result of one column.
   *
   * @param name the column name
   * @return its result
   * @throws IllegalArgumentException if there is no such column
   */
  public ColumnDrift column(String name) {
    for (ColumnDrift c : columns) {
      if (c.column().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("column '" + name + "' does not exist; expected one of "
        + columns.stream().map(ColumnDrift::column).toList());
  }

  /**
   * Returns the names of the drifted columns, in column order.
   *
   * @return the drifted columns' names
   */
  public List<String> driftedColumnNames() {
    return columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
  }

  /**
   * Returns the one-line summary, e.g. {@code "drift detected in 2 of 5 columns (share 0.40 <
   * 0.50: no dataset drift)"}.
   *
   * @return the summary line
   */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "drift detected in %d of %d columns (share %.2f %s %.2f: %s)", driftedColumns,
        columns.size(), driftedShare, datasetDrift ? ">=" : "<", config.driftShare(),
        datasetDrift ? "dataset drift" : "no dataset drift");
  }
}
