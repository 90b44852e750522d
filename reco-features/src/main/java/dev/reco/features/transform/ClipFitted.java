package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Clipping to {@code [lower, upper]} (an infinite bound is no bound), the fitted form of
 * {@link Clip} and {@link Winsorize}. Parameters: {@code lower}, {@code upper} (null when
 * unbounded).
 */
final class ClipFitted extends UnaryNumericStep {
  private final double lower;
  private final double upper;

  ClipFitted(String type, String input, String output, double lower, double upper) {
    super(type, input, output);
    checkBounds(lower, upper);
    this.lower = lower;
    this.upper = upper;
  }

  static void checkBounds(double lower, double upper) {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("lower = " + lower + ", upper = " + upper
          + "; expected lower <= upper, neither NaN");
    }
  }

  static ClipFitted read(String type, List<String> inputs, List<TableSchema.Field> outputs,
      JsonNode params) {
    Json.arity(type, inputs, 1, outputs, 1, 1);
    Json.outputType(type, outputs.get(0), ColumnType.DOUBLE);
    double lower = Json.boundOr(params, "lower", Double.NEGATIVE_INFINITY, "params.");
    double upper = Json.boundOr(params, "upper", Double.POSITIVE_INFINITY, "params.");
    if (lower > upper) {
      throw new IllegalArgumentException("field 'params.upper' = " + upper
          + "; expected >= params.lower = " + lower);
    }
    return new ClipFitted(type, inputs.get(0), outputs.get(0).name(), lower, upper);
  }

  @Override
  double apply(double x) {
    return x < lower ? lower : (x > upper ? upper : x);
  }

  @Override
  public void writeParams(ObjectNode params) {
    if (Double.isInfinite(lower)) {
      params.putNull("lower");
    } else {
      params.put("lower", lower);
    }
    if (Double.isInfinite(upper)) {
      params.putNull("upper");
    } else {
      params.put("upper", upper);
    }
  }
}
