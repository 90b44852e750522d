package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.IdIndex;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Imputation: replaces missing values by a fill value learnt at fit (mean, median, most
 * frequent) or given (constant), as scikit-learn's {@code SimpleImputer}; optionally also writes
 * a BOOLEAN missing-indicator column (true where the input was missing).
 *
 * <table>
 *   <caption>Input type, strategy and output type</caption>
 *   <tr><th>input</th><th>MEAN, MEDIAN</th><th>MOST_FREQUENT</th><th>CONSTANT</th></tr>
 *   <tr><td>DOUBLE</td><td>DOUBLE</td><td>DOUBLE</td><td>DOUBLE (number)</td></tr>
 *   <tr><td>LONG</td><td>DOUBLE</td><td>LONG</td><td>LONG (integral number)</td></tr>
 *   <tr><td>CATEGORICAL</td><td>rejected</td><td>CATEGORICAL</td><td>CATEGORICAL (string)</td></tr>
 * </table>
 *
 * <p>Mean is {@code sum / n} and median the 0.5 quantile (average of the two middle values for
 * even n) of the present training values; most frequent breaks ties by the smallest value
 * (numbers) or the smallest string ({@link String#compareTo}), as scikit-learn does. Fitting a
 * learnt strategy on a column without present values throws. A categorical fill value that is not
 * in the input's dictionary is appended to the output dictionary.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}; the indicator is added with
 * {@link #withIndicator}.
 *
 * @param input the column to read
 * @param output the column to write
 * @param strategy how the fill value is chosen
 * @param constantNumber the fill value of a numeric CONSTANT strategy (NaN otherwise)
 * @param constantCategory the fill value of a categorical CONSTANT strategy (null otherwise)
 * @param indicator the name of the missing-indicator column, or null for none
 */
public record Impute(String input, String output, Strategy strategy, double constantNumber,
    String constantCategory, String indicator) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "impute";

  /** How the fill value is chosen. */
  public enum Strategy {
    /** The mean of the present training values (numeric inputs). */
    MEAN,
    /** The median of the present training values (numeric inputs). */
    MEDIAN,
    /** The most frequent present training value, ties to the smallest. */
    MOST_FREQUENT,
    /** A given value. */
    CONSTANT
  }

  /**
   * Validates the step.
   *
   * @throws IllegalArgumentException if a name is blank, the indicator repeats the output name,
   *     or the constant does not match the strategy
   */
  public Impute {
    Column.checkName(input);
    Column.checkName(output);
    Objects.requireNonNull(strategy, "strategy");
    if (indicator != null && (Column.checkName(indicator).equals(output))) {
      throw new IllegalArgumentException("indicator = '" + indicator
          + "'; expected a name other than the output '" + output + "'");
    }
    if (strategy == Strategy.CONSTANT) {
      if (constantCategory == null && Double.isNaN(constantNumber)) {
        throw new IllegalArgumentException("constant = NaN; expected a number or a category");
      }
      if (Double.isInfinite(constantNumber)) {
        throw new IllegalArgumentException("constant = " + constantNumber + "; expected a finite number");
      }
    } else if (constantCategory != null || !Double.isNaN(constantNumber)) {
      throw new IllegalArgumentException("strategy = " + strategy + " with a constant; expected CONSTANT");
    }
  }

  /**
   * Returns a step filling missing values of {@code input} with the training mean.
   *
   * @param input a DOUBLE or LONG column
   * @return the step
   */
  public static Impute mean(String input) {
    return new Impute(input, input, Strategy.MEAN, Double.NaN, null, null);
  }

  /**
   * Returns a step filling missing values of {@code input} with the training median.
   *
   * @param input a DOUBLE or LONG column
   * @return the step
   */
  public static Impute median(String input) {
    return new Impute(input, input, Strategy.MEDIAN, Double.NaN, null, null);
  }

  /**
   * Returns a step filling missing values of {@code input} with the most frequent training value.
   *
   * @param input a DOUBLE, LONG or CATEGORICAL column
   * @return the step
   */
  public static Impute mostFrequent(String input) {
    return new Impute(input, input, Strategy.MOST_FREQUENT, Double.NaN, null, null);
  }

  /**
   * Returns a step filling missing values of a numeric {@code input} with {@code value}.
   *
   * @param input a DOUBLE or LONG column (LONG needs an integral value)
   * @param value the fill value, finite
   * @return the step
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static Impute constant(String input, double value) {
    return new Impute(input, input, Strategy.CONSTANT, value, null, null);
  }

  /**
   * Returns a step filling missing values of a CATEGORICAL {@code input} with {@code category}.
   *
   * @param input a CATEGORICAL column
   * @param category the fill category, non-null
   * @return the step
   */
  public static Impute constant(String input, String category) {
    return new Impute(input, input, Strategy.CONSTANT, Double.NaN,
        Objects.requireNonNull(category, "category"), null);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   */
  public Impute as(String output) {
    return new Impute(input, output, strategy, constantNumber, constantCategory, indicator);
  }

  /**
   * Returns this step also writing a BOOLEAN column, true where the input was missing.
   *
   * @param indicator the indicator column's name
   * @return the step
   */
  public Impute withIndicator(String indicator) {
    return new Impute(input, output, strategy, constantNumber, constantCategory, indicator);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    Column c = training.column(input);
    String what = TYPE + "(" + strategy + ")";
    switch (c.type()) {
      case DOUBLE, LONG -> {
        if (constantCategory != null) {
          throw new IllegalArgumentException(what + ": column '" + input + "' is " + c.type()
              + " but constant = '" + constantCategory + "' is a category; expected a number");
        }
        double[] v = Numeric.values(training, input, what);
        boolean longOut = c.type() == ColumnType.LONG
            && (strategy == Strategy.MOST_FREQUENT || strategy == Strategy.CONSTANT);
        double fill = switch (strategy) {
          case MEAN -> Numeric.mean(Numeric.present(v, what, input));
          case MEDIAN -> Numeric.quantile(Numeric.presentSorted(v, what, input), 0.5);
          case MOST_FREQUENT -> mostFrequent(Numeric.presentSorted(v, what, input));
          case CONSTANT -> constantNumber;
        };
        if (longOut && (fill != Math.rint(fill) || Math.abs(fill) >= 0x1p63)) {
          throw new IllegalArgumentException(what + ": constant = " + fill + " for LONG column '"
              + input + "'; expected an integral value");
        }
        return new Fitted(input, fields(longOut ? ColumnType.LONG : ColumnType.DOUBLE),
            strategy, fill, (long) fill, null);
      }
      case CATEGORICAL -> {
        if (strategy == Strategy.MEAN || strategy == Strategy.MEDIAN) {
          throw new IllegalArgumentException(what + ": column '" + input
              + "' is CATEGORICAL; expected MOST_FREQUENT or CONSTANT for categories");
        }
        if (strategy == Strategy.CONSTANT && constantCategory == null) {
          throw new IllegalArgumentException(what + ": column '" + input + "' is CATEGORICAL but constant = "
              + constantNumber + " is a number; expected a category");
        }
        String fill = strategy == Strategy.CONSTANT ? constantCategory
            : mostFrequent(training.categoricalColumn(input), what);
        return new Fitted(input, fields(ColumnType.CATEGORICAL), strategy, Double.NaN, 0, fill);
      }
      default -> throw new IllegalArgumentException(what + ": column '" + input
          + "' is BOOLEAN; expected DOUBLE, LONG or CATEGORICAL");
    }
  }

  private List<TableSchema.Field> fields(ColumnType outputType) {
    List<TableSchema.Field> f = new ArrayList<>(2);
    f.add(new TableSchema.Field(output, outputType));
    if (indicator != null) {
      f.add(new TableSchema.Field(indicator, ColumnType.BOOLEAN));
    }
    return List.copyOf(f);
  }

  /** The most frequent of sorted values; ties go to the smallest (the first run). */
  static double mostFrequent(double[] sorted) {
    double best = sorted[0];
    int bestCount = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestCount) {
        bestCount = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  private static String mostFrequent(CategoricalColumn c, String what) {
    int[] counts = new int[c.dictionary().size()];
    for (int r = 0; r < c.size(); r++) {
      int code = c.code(r);
      if (code >= 0) {
        counts[code]++;
      }
    }
    String best = null;
    int bestCount = 0;
    for (int k = 0; k < counts.length; k++) {
      String id = c.dictionary().idOf(k);
      if (counts[k] > bestCount || (counts[k] == bestCount && counts[k] > 0 && id.compareTo(best) < 0)) {
        bestCount = counts[k];
        best = id;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(what + ": column '" + c.name() + "' has " + c.size()
          + " rows, all missing; expected at least one value to fit on");
    }
    return best;
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    Json.arity(TYPE, inputs, 1, outputs, 1, 2);
    if (outputs.size() == 2) {
      Json.outputType(TYPE, outputs.get(1), ColumnType.BOOLEAN);
    }
    String s = Json.text(params, "strategy", "params.");
    Strategy strategy;
    try {
      strategy = Strategy.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field 'params.strategy' = '" + s + "'; expected one of "
          + Arrays.toString(Strategy.values()).toLowerCase(Locale.ROOT));
    }
    return switch (outputs.get(0).type()) {
      case DOUBLE -> {
        double fill = Json.number(params, "fill", "params.");
        yield new Fitted(inputs.get(0), outputs, strategy, fill, 0, null);
      }
      case LONG -> {
        long fill = Json.integer(params, "fill", "params.");
        yield new Fitted(inputs.get(0), outputs, strategy, fill, fill, null);
      }
      case CATEGORICAL -> new Fitted(inputs.get(0), outputs, strategy, Double.NaN, 0,
          Json.text(params, "fill", "params."));
      case BOOLEAN -> throw new IllegalArgumentException(TYPE + ": output '" + outputs.get(0).name()
          + "' is BOOLEAN; expected DOUBLE, LONG or CATEGORICAL");
    };
  }

  /** The fitted imputer: the fill value for the output type, and the optional indicator. */
  static final class Fitted implements FittedStep {
    private final List<String> inputs;
    private final List<TableSchema.Field> outputs;
    private final Strategy strategy;
    private final ColumnType outType;
    private final double fillDouble;
    private final long fillLong;
    private final String fillCategory;
    private final boolean indicator;

    Fitted(String input, List<TableSchema.Field> outputs, Strategy strategy, double fillDouble,
        long fillLong, String fillCategory) {
      this.inputs = List.of(input);
      this.outputs = List.copyOf(outputs);
      this.strategy = strategy;
      this.outType = outputs.get(0).type();
      this.fillDouble = fillDouble;
      this.fillLong = fillLong;
      this.fillCategory = fillCategory;
      this.indicator = outputs.size() == 2;
      if (outType == ColumnType.DOUBLE && !Double.isFinite(fillDouble)) {
        throw new IllegalArgumentException(TYPE + ": fill = " + fillDouble + "; expected a finite number");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public List<String> inputs() {
      return inputs;
    }

    @Override
    public List<TableSchema.Field> outputs() {
      return outputs;
    }

    @Override
    public Table transform(Table table) {
      String in = inputs.get(0);
      Column c = table.column(in);
      int n = table.rows();
      Column out;
      switch (outType) {
        case DOUBLE -> {
          double[] v = Numeric.values(table, in, TYPE);
          for (int r = 0; r < n; r++) {
            if (v[r] != v[r]) {
              v[r] = fillDouble;
            }
          }
          out = DoubleColumn.of(outputs.get(0).name(), v);
        }
        case LONG -> {
          LongColumn l = table.longColumn(in);
          long[] v = new long[n];
          for (int r = 0; r < n; r++) {
            v[r] = l.isMissing(r) ? fillLong : l.get(r);
          }
          out = LongColumn.of(outputs.get(0).name(), v);
        }
        default -> {
          CategoricalColumn k = table.categoricalColumn(in);
          IdIndex dict = k.dictionary();
          int fillCode = dict.indexOf(fillCategory);
          if (fillCode < 0) {
            List<String> ids = new ArrayList<>(dict.ids());
            ids.add(fillCategory);
            fillCode = ids.size() - 1;
            dict = IdIndex.of(ids);
          }
          int[] codes = new int[n];
          for (int r = 0; r < n; r++) {
            int code = k.code(r);
            codes[r] = code == CategoricalColumn.MISSING ? fillCode : code;
          }
          out = CategoricalColumn.of(outputs.get(0).name(), codes, dict);
        }
      }
      Table result = table.with(out);
      if (indicator) {
        boolean[] m = new boolean[n];
        for (int r = 0; r < n; r++) {
          m[r] = c.isMissing(r);
        }
        result = result.with(BooleanColumn.of(outputs.get(1).name(), m));
      }
      return result;
    }

    @Override
    public void transformRow(RowBuffer row, int[] in, int[] out) {
      int i = in[0];
      boolean missing = row.isMissing(i);
      switch (outType) {
        case DOUBLE -> row.setDouble(out[0], missing ? fillDouble : Numeric.read(row, i));
        case LONG -> row.setLong(out[0], missing ? fillLong : row.getLong(i));
        default -> row.setCategory(out[0], missing ? fillCategory : row.getCategory(i));
      }
      if (indicator) {
        row.setBoolean(out[1], missing);
      }
    }

    @Override
    public void writeParams(ObjectNode params) {
      params.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
      switch (outType) {
        case DOUBLE -> params.put("fill", fillDouble);
        case LONG -> params.put("fill", fillLong);
        default -> params.put("fill", fillCategory);
      }
    }

    @Override
    public String toString() {
      return TYPE + "(" + strategy + ", " + inputs.get(0) + " -> " + outputs + ")";
    }
  }
}
