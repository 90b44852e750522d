package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Min-max scaling to [0, 1], as scikit-learn's {@code MinMaxScaler} (feature_range (0, 1)):
 * {@code scale = 1 / (max - min)} (1 when max = min), {@code x * scale - min * scale}, with min and
 * max of the present training values. Values outside the training range map outside [0, 1]
 * (no clipping, as scikit-learn's default). Missing values are ignored at fit and stay missing.
 * Reads DOUBLE or LONG, writes DOUBLE.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 */
public record MinMaxScale(String input, String output) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "min_max_scale";

  /** Validates the names. */
  public MinMaxScale {
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
  public static MinMaxScale of(String input) {
    return new MinMaxScale(input, input);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public MinMaxScale as(String output) {
    return new MinMaxScale(input, output);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    double[] s = Numeric.presentSorted(Numeric.values(training, input, TYPE), TYPE, input);
    return new Fitted(input, output, s[0], s[s.length - 1]);
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    Json.arity(TYPE, inputs, 1, outputs, 1, 1);
    Json.outputType(TYPE, outputs.get(0), ColumnType.DOUBLE);
    double min = Json.number(params, "min", "params.");
    double max = Json.number(params, "max", "params.");
    if (!(min <= max)) {
      throw new IllegalArgumentException("field 'params.max' = " + max + "; expected >= params.min = " + min);
    }
    return new Fitted(inputs.get(0), outputs.get(0).name(), min, max);
  }

  /** The fitted scaler: {@code x * scale + offset}. */
  static final class Fitted extends UnaryNumericStep {
    private final double min;
    private final double max;
    private final double scale;
    private final double offset;

    Fitted(String input, String output, double min, double max) {
      super(TYPE, input, output);
      this.min = min;
      this.max = max;
      this.scale = 1.0 / Numeric.nonZeroScale(max - min);
      this.offset = -min * scale;
    }

    @Override
    double apply(double x) {
      return x * scale + offset;
    }

    @Override
    public void writeParams(ObjectNode params) {
      params.put("min", min);
      params.put("max", max);
    }
  }
}
