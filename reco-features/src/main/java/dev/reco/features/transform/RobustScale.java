package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Robust scaling {@code (x - median) / (q75 - q25)}, as scikit-learn's {@code RobustScaler}
 * (quantile_range (25, 75)): quantiles of the present training values by linear interpolation
 * between closest ranks (numpy's default, position {@code (n - 1) q}); an interquartile range of
 * 0 is replaced by 1. Missing values are ignored at fit and stay missing. Reads DOUBLE or LONG,
 * writes DOUBLE.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 */
public record RobustScale(String input, String output) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "robust_scale";

  /** Validates the names. */
  public RobustScale {
    Column.checkName(input);
    Column.checkName(output);
  }

  /**
   * Returns a step scaling {@code input} in place.
   *
   * @param input the column to read
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public static RobustScale of(String input) {
    return new RobustScale(input, input);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public RobustScale as(String output) {
    return new RobustScale(input, output);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    double[] s = Numeric.presentSorted(Numeric.values(training, input, TYPE), TYPE, input);
    double iqr = Numeric.quantile(s, 0.75) - Numeric.quantile(s, 0.25);
    return new CenterScaleFitted(TYPE, "center", input, output, Numeric.quantile(s, 0.5),
        Numeric.nonZeroScale(iqr));
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    return CenterScaleFitted.read(TYPE, "center", inputs, outputs, params);
  }
}
