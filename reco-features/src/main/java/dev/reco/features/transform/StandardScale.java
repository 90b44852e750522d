package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Standard scaling {@code (x - mean) / std}, as scikit-learn's {@code StandardScaler}: the mean
 * and the <em>population</em> standard deviation (divisor n, ddof = 0) of the present training
 * values; a standard deviation of 0 (constant column) is replaced by 1. Missing values are
 * ignored at fit and stay missing. Reads DOUBLE or LONG, writes DOUBLE.
 *
 * <p>Output name: the input's name (the column is replaced) unless renamed with {@link #as}, e.g.
 * {@code StandardScale.of("price").as("price_z")}.
 *
 * @param input the column to read
 * @param output the column to write
 */
public record StandardScale(String input, String output) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "standard_scale";

  /** Validates the names. */
  public StandardScale {
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
  public static StandardScale of(String input) {
    return new StandardScale(input, input);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public StandardScale as(String output) {
    return new StandardScale(input, output);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    double[] present = Numeric.present(Numeric.values(training, input, TYPE), TYPE, input);
    double mean = Numeric.mean(present);
    return new CenterScaleFitted(TYPE, "mean", input, output, mean,
        Numeric.nonZeroScale(Numeric.populationStd(present, mean)));
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    return CenterScaleFitted.read(TYPE, "mean", inputs, outputs, params);
  }
}
