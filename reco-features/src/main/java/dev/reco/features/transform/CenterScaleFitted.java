package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * The fitted form of the centring scalers, {@code (x - center) / scale}: {@link StandardScale}
 * (center = mean, saved as {@code "mean"}) and {@link RobustScale} (center = median, saved as
 * {@code "center"}). The JSON name of the center is the step type's; the formula is shared.
 */
final class CenterScaleFitted extends UnaryNumericStep {
  private final String centerName;
  private final double center;
  private final double scale;

  CenterScaleFitted(String type, String centerName, String input, String output, double center,
      double scale) {
    super(type, input, output);
    this.centerName = centerName;
    this.center = center;
    this.scale = scale;
  }

  /**
   * Reads a saved scaler of the given type.
   *
   * @throws IllegalArgumentException naming the field if the arity, output type, center or scale
   *     (finite, {@code > 0}) is wrong
   */
  static FittedStep read(String type, String centerName, List<String> inputs,
      List<TableSchema.Field> outputs, JsonNode params) {
    Json.arity(type, inputs, 1, outputs, 1, 1);
    Json.outputType(type, outputs.get(0), ColumnType.DOUBLE);
    double scale = Json.number(params, "scale", "params.");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException(
          "field 'params.scale' = " + scale + "; expected a finite value > 0");
    }
    return new CenterScaleFitted(type, centerName, inputs.get(0), outputs.get(0).name(),
        Json.number(params, centerName, "params."), scale);
  }

  @Override
  double apply(double x) {
    return (x - center) / scale;
  }

  @Override
  public void writeParams(ObjectNode params) {
    params.put(centerName, center);
    params.put("scale", scale);
  }
}
