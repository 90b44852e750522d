package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Winsorizing: clipping at the training quantiles {@code lowerQuantile} and
 * {@code upperQuantile} of the present values (linear interpolation between closest ranks,
 * numpy's default, position {@code (n - 1) q}). Missing values are ignored at fit and stay
 * missing. Reads DOUBLE or LONG, writes DOUBLE. Saved as the fitted bounds.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 * @param lowerQuantile the lower quantile in [0, 1], e.g. 0.01
 * @param upperQuantile the upper quantile in [lowerQuantile, 1], e.g. 0.99
 */
public record Winsorize(String input, String output, double lowerQuantile, double upperQuantile)
    implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "winsorize";

  /**
   * Validates the names and quantiles.
   *
   * @throws IllegalArgumentException if a name is blank or not {@code 0 <= lower <= upper <= 1}
   */
  public Winsorize {
    Column.checkName(input);
    Column.checkName(output);
    if (!(lowerQuantile >= 0 && lowerQuantile <= upperQuantile && upperQuantile <= 1)) {
      throw new IllegalArgumentException("lowerQuantile = " + lowerQuantile + ", upperQuantile = "
          + upperQuantile + "; expected 0 <= lowerQuantile <= upperQuantile <= 1");
    }
  }

  /**
   * Returns a step winsorizing {@code input} in place.
   *
   * @param input the column to read
   * @param lowerQuantile the lower quantile in [0, 1]
   * @param upperQuantile the upper quantile in [lowerQuantile, 1]
   * @return the step
   * @throws IllegalArgumentException if not {@code 0 <= lower <= upper <= 1}
   */
  public static Winsorize of(String input, double lowerQuantile, double upperQuantile) {
    return new Winsorize(input, input, lowerQuantile, upperQuantile);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public Winsorize as(String output) {
    return new Winsorize(input, output, lowerQuantile, upperQuantile);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    double[] s = Numeric.presentSorted(Numeric.values(training, input, TYPE), TYPE, input);
    return new ClipFitted(TYPE, input, output, Numeric.quantile(s, lowerQuantile),
        Numeric.quantile(s, upperQuantile));
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    return ClipFitted.read(TYPE, inputs, outputs, params);
  }
}
