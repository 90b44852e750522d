package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
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
    return new Fitted(input, output, Numeric.quantile(s, 0.5), Numeric.nonZeroScale(iqr));
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    Json.arity(TYPE, inputs, 1, outputs, 1, 1);
    Json.outputType(TYPE, outputs.get(0), ColumnType.DOUBLE);
    double scale = Json.number(params, "scale", "params.");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("field 'params.scale' = " + scale + "; expected a finite value > 0");
    }
    return new Fitted(inputs.get(0), outputs.get(0).name(), Json.number(params, "center", "params."), scale);
  }

  /** The fitted scaler: {@code (x - center) / scale}. */
  static final class Fitted extends UnaryNumericStep {
    private final double center;
    private final double scale;

    Fitted(String input, String output, double center, double scale) {
      super(TYPE, input, output);
      this.center = center;
      this.scale = scale;
    }

    @Override
    double apply(double x) {
      return (x - center) / scale;
    }

    @Override
    public void writeParams(ObjectNode params) {
      params.put("center", center);
      params.put("scale", scale);
    }
  }
}
