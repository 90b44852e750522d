package dev.reco.features.quality;

import dev.reco.core.IdIndex;
import dev.reco.features.quality.DataQualityReport.ColumnReport;
import dev.reco.features.quality.DataQualityReport.Example;
import dev.reco.features.quality.DataQualityReport.Problem;
import dev.reco.features.quality.DataQualityReport.Status;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@link Table} against a {@link QualitySchema}.
 *
 * <p>Per declared column: an absent column is a {@link ProblemKind#MISSING_COLUMN}, a column of
 * another type a {@link ProblemKind#WRONG_TYPE} (its present values count as invalid and no
 * further rule is checked); otherwise one pass over the column counts missing values (a
 * {@link ProblemKind#TOO_MANY_MISSING} when {@code missing / rows} exceeds the rule's
 * fraction), values outside the range ({@link ProblemKind#OUT_OF_RANGE}), categories outside the
 * allowed set ({@link ProblemKind#UNSEEN_CATEGORY}) and, for a unique column, values repeating
 * an earlier row ({@link ProblemKind#DUPLICATE}). Then each composite key whose columns all
 * exist with their declared types is checked for repeated tuples
 * ({@link ProblemKind#DUPLICATE_KEY}); rows with a missing key value are not compared.
 *
 * <p>Cost: one pass per checked column over primitive values, no boxing per row; uniqueness uses
 * a primitive open-addressing hash set (doubles by bits, {@code -0.0} as {@code 0.0},
 * categories by code), about 18 bytes per distinct value. Categories are checked by code against
 * a table built once per dictionary. Stateless and thread-safe.
 */
public final class DataQuality {
  /** Examples of offending rows kept per problem by default: 5. */
  public static final int DEFAULT_MAX_EXAMPLES = 5;

  private DataQuality() {}

  /**
   * Checks a table with {@value #DEFAULT_MAX_EXAMPLES} examples per problem.
   *
   * @param table the table
   * @param schema the declared rules
   * @return the report
   * @throws IllegalArgumentException if an argument is null
   */
  public static DataQualityReport check(Table table, QualitySchema schema) {
    return check(table, schema, DEFAULT_MAX_EXAMPLES);
  }

  /**
   * Checks a table.
   *
   * @param table the table
   * @param schema the declared rules
   * @param maxExamples examples of offending rows kept per problem, {@code >= 0}; the first
   *     offending rows in row order
   * @return the report
   * @throws IllegalArgumentException if an argument is null or maxExamples is negative
   */
  public static DataQualityReport check(Table table, QualitySchema schema, int maxExamples) {
    if (table == null || schema == null) {
      throw new IllegalArgumentException("table = " + (table == null ? "null" : "a table")
          + ", schema = " + schema + "; expected both");
    }
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples = " + maxExamples + "; expected >= 0");
    }
    List<ColumnReport> columns = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (ColumnRule rule : schema.columns()) {
      columns.add(checkColumn(table, rule, maxExamples, problems));
    }
    for (List<String> key : schema.keys()) {
      checkKey(table, schema, key, maxExamples, problems);
    }
    return new DataQualityReport(table.rows(), problems.isEmpty(), columns, problems);
  }

  /**
   * Checks a table and throws on any violation.
   *
   * @param table the table
   * @param schema the declared rules
   * @return the (passing) report
   * @throws DataQualityException if any problem is found; it carries the report and its message
   *     summarizes the first problems with examples
   * @throws IllegalArgumentException if an argument is null
   */
  public static DataQualityReport requireValid(Table table, QualitySchema schema) {
    DataQualityReport report = check(table, schema);
    if (!report.passed()) {
      throw new DataQualityException(report);
    }
    return report;
  }

  // ---------------------------------------------------------------- one column

  private static ColumnReport checkColumn(Table table, ColumnRule rule, int maxExamples,
      List<Problem> problems) {
    int rows = table.rows();
    List<String> names = List.of(rule.name());
    int at = table.schema().indexOf(rule.name());
    if (at < 0) {
      problems.add(new Problem(names, ProblemKind.MISSING_COLUMN, 1, "column '" + rule.name()
          + "' is not in the table; table columns: " + table.schema().names(), List.of()));
      return new ColumnReport(rule.name(), rule.type(), null, Status.MISSING_COLUMN, 0, 0, 0.0, 0,
          0.0, 0, 0, -1);
    }
    Column column = table.columns().get(at);
    if (column.type() != rule.type()) {
      problems.add(new Problem(names, ProblemKind.WRONG_TYPE, 1, "column '" + rule.name()
          + "' is " + column.type() + "; expected " + rule.type(), List.of()));
      int missing = column.missingCount();
      int present = rows - missing;
      return new ColumnReport(rule.name(), rule.type(), column.type(), Status.WRONG_TYPE, present,
          missing, fraction(present, rows), 0, present == 0 ? 1.0 : 0.0, 0, 0, -1);
    }
    Scan s = new Scan(rule, maxExamples, rows);
    switch (rule.type()) {
      case DOUBLE:
        s.doubles((DoubleColumn) column);
        break;
      case LONG:
        s.longs((LongColumn) column);
        break;
      case CATEGORICAL:
        s.categories((CategoricalColumn) column);
        break;
      case BOOLEAN:
        s.booleans((BooleanColumn) column);
        break;
      default:
        throw new AssertionError(rule.type());
    }
    int before = problems.size();
    if (rows > 0 && (double) s.missing / rows > rule.maxMissingFraction()) {
      String expected = rule.maxMissingFraction() == 0 ? "expected none (required column)"
          : "expected at most " + DataQualityReport.percent(rule.maxMissingFraction());
      problems.add(new Problem(names, ProblemKind.TOO_MANY_MISSING, s.missing, s.missing + " of "
          + rows + " values missing (" + DataQualityReport.percent((double) s.missing / rows)
          + "); " + expected, s.missingEx));
    }
    if (s.outOfRange > 0) {
      problems.add(new Problem(names, ProblemKind.OUT_OF_RANGE, s.outOfRange,
          values(s.outOfRange) + " outside [" + number(rule.min()) + ", " + number(rule.max())
              + "]", s.rangeEx));
    }
    if (s.unseen > 0) {
      problems.add(new Problem(names, ProblemKind.UNSEEN_CATEGORY, s.unseen,
          values(s.unseen) + " not in the allowed categories " + rule.allowedCategories(),
          s.unseenEx));
    }
    if (s.duplicates > 0) {
      problems.add(new Problem(names, ProblemKind.DUPLICATE, s.duplicates,
          values(s.duplicates) + " repeating an earlier row; expected unique values", s.dupEx));
    }
    int present = rows - s.missing;
    int valid = present - s.outOfRange - s.unseen;
    return new ColumnReport(rule.name(), rule.type(), column.type(),
        problems.size() > before ? Status.FAILED : Status.OK, present, s.missing,
        fraction(present, rows), valid, present == 0 ? 1.0 : (double) valid / present,
        s.outOfRange, s.unseen, rule.unique() ? s.duplicates : -1);
  }

  /** Counters and examples of one pass over a column. */
  private static final class Scan {
    final ColumnRule rule;
    final int maxExamples;
    final boolean range;
    final double min;
    final double max;
    final LongHashSet seen;
    int missing;
    int outOfRange;
    int unseen;
    int duplicates;
    final List<Example> missingEx = new ArrayList<>();
    final List<Example> rangeEx = new ArrayList<>();
    final List<Example> unseenEx = new ArrayList<>();
    final List<Example> dupEx = new ArrayList<>();

    Scan(ColumnRule rule, int maxExamples, int rows) {
      this.rule = rule;
      this.maxExamples = maxExamples;
      this.range = rule.hasRange();
      this.min = rule.min();
      this.max = rule.max();
      this.seen = rule.unique() ? new LongHashSet(rows) : null;
    }

    void missing(int row) {
      missing++;
      if (missingEx.size() < maxExamples) {
        missingEx.add(new Example(row, null));
      }
    }

    void doubles(DoubleColumn c) {
      for (int r = 0, n = c.size(); r < n; r++) {
        double v = c.get(r);
        if (Double.isNaN(v)) {
          missing(r);
          continue;
        }
        if (range && (v < min || v > max)) {
          outOfRange++;
          if (rangeEx.size() < maxExamples) {
            rangeEx.add(new Example(r, Double.toString(v)));
          }
        }
        if (seen != null && !seen.add(doubleKey(v))) {
          duplicate(r, Double.toString(v));
        }
      }
    }

    void longs(LongColumn c) {
      for (int r = 0, n = c.size(); r < n; r++) {
        if (c.isMissing(r)) {
          missing(r);
          continue;
        }
        long v = c.get(r);
        if (range && (v < min || v > max)) {
          outOfRange++;
          if (rangeEx.size() < maxExamples) {
            rangeEx.add(new Example(r, Long.toString(v)));
          }
        }
        if (seen != null && !seen.add(v)) {
          duplicate(r, Long.toString(v));
        }
      }
    }

    void categories(CategoricalColumn c) {
      IdIndex dict = c.dictionary();
      boolean[] allowed = null;
      if (rule.allowedCategories() != null) {
        allowed = new boolean[dict.size()];
        for (int code = 0; code < allowed.length; code++) {
          allowed[code] = rule.allowedCategories().contains(dict.idOf(code));
        }
      }
      for (int r = 0, n = c.size(); r < n; r++) {
        int code = c.code(r);
        if (code == CategoricalColumn.MISSING) {
          missing(r);
          continue;
        }
        if (allowed != null && !allowed[code]) {
          unseen++;
          if (unseenEx.size() < maxExamples) {
            unseenEx.add(new Example(r, dict.idOf(code)));
          }
        }
        if (seen != null && !seen.add(code)) {
          duplicate(r, dict.idOf(code));
        }
      }
    }

    void booleans(BooleanColumn c) {
      for (int r = 0, n = c.size(); r < n; r++) {
        if (c.isMissing(r)) {
          missing(r);
          continue;
        }
        boolean v = c.get(r);
        if (seen != null && !seen.add(v ? 1L : 0L)) {
          duplicate(r, Boolean.toString(v));
        }
      }
    }

    private void duplicate(int row, String value) {
      duplicates++;
      if (dupEx.size() < maxExamples) {
        dupEx.add(new Example(row, value));
      }
    }
  }

  /** The bits of a double, with {@code -0.0} folded onto {@code 0.0}. */
  static long doubleKey(double v) {
    return v == 0.0 ? 0L : Double.doubleToRawLongBits(v);
  }

  // ---------------------------------------------------------------- composite keys

  private static void checkKey(Table table, QualitySchema schema, List<String> key,
      int maxExamples, List<Problem> problems) {
    int rows = table.rows();
    Column[] cols = new Column[key.size()];
    for (int k = 0; k < cols.length; k++) {
      int at = table.schema().indexOf(key.get(k));
      ColumnType declared = null;
      for (ColumnRule r : schema.columns()) {
        if (r.name().equals(key.get(k))) {
          declared = r.type();
        }
      }
      if (at < 0 || table.columns().get(at).type() != declared) {
        return; // already reported as a column problem
      }
      cols[k] = table.columns().get(at);
    }
    long[][] components = new long[cols.length][rows];
    BitSet skip = new BitSet(rows);
    for (int k = 0; k < cols.length; k++) {
      keys(cols[k], components[k], skip);
    }
    RowKeySet set = new RowKeySet(components, rows);
    long duplicates = 0;
    List<Example> examples = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (!skip.get(r) && !set.add(r)) {
        duplicates++;
        if (examples.size() < maxExamples) {
          StringBuilder tuple = new StringBuilder("(");
          for (int k = 0; k < cols.length; k++) {
            tuple.append(k > 0 ? ", " : "").append(text(cols[k], r));
          }
          examples.add(new Example(r, tuple.append(')').toString()));
        }
      }
    }
    if (duplicates > 0) {
      problems.add(new Problem(key, ProblemKind.DUPLICATE_KEY, duplicates, duplicates
          + (duplicates == 1 ? " row repeats" : " rows repeat") + " the key " + key
          + " of an earlier row; expected unique keys", examples));
    }
  }

  /** Writes the long key of every row of a column, flagging missing rows in {@code missing}. */
  private static void keys(Column c, long[] out, BitSet missing) {
    int n = c.size();
    if (c instanceof DoubleColumn d) {
      for (int r = 0; r < n; r++) {
        double v = d.get(r);
        if (Double.isNaN(v)) {
          missing.set(r);
        } else {
          out[r] = doubleKey(v);
        }
      }
    } else if (c instanceof LongColumn l) {
      for (int r = 0; r < n; r++) {
        if (l.isMissing(r)) {
          missing.set(r);
        } else {
          out[r] = l.get(r);
        }
      }
    } else if (c instanceof CategoricalColumn cat) {
      for (int r = 0; r < n; r++) {
        int code = cat.code(r);
        if (code == CategoricalColumn.MISSING) {
          missing.set(r);
        } else {
          out[r] = code;
        }
      }
    } else {
      BooleanColumn b = (BooleanColumn) c;
      for (int r = 0; r < n; r++) {
        if (b.isMissing(r)) {
          missing.set(r);
        } else {
          out[r] = b.get(r) ? 1L : 0L;
        }
      }
    }
  }

  private static String text(Column c, int row) {
    if (c instanceof DoubleColumn d) {
      return Double.toString(d.get(row));
    } else if (c instanceof LongColumn l) {
      return Long.toString(l.get(row));
    } else if (c instanceof CategoricalColumn cat) {
      return cat.category(row);
    }
    return Boolean.toString(((BooleanColumn) c).get(row));
  }

  // ---------------------------------------------------------------- formatting

  private static double fraction(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  private static String values(long n) {
    return n + (n == 1 ? " value" : " values");
  }

  /** A bound as text: integral values without a fraction, infinities as -inf / inf. */
  static String number(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }
}
