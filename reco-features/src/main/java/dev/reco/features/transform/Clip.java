package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Clipping at fixed bounds: {@code min(max(x, lower), upper)}; an infinite bound means no bound
 * on that side. Nothing is learnt at fit. Missing stays missing. Reads DOUBLE or LONG, writes
 * DOUBLE.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 * @param lower the lower bound, or negative infinity
 * @param upper the upper bound, or positive infinity
 */
public record Clip(String input, String output, double lower, double upper) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "clip";

  /**
   * Validates the names and bounds.
   *
   * @throws IllegalArgumentException if a name is blank, a bound is NaN or lower > upper
   */
  public Clip {
    Column.checkName(input);
    Column.checkName(output);
    ClipFitted.checkBounds(lower, upper);
  }

  /**
   * Returns a step clipping {@code input} in place.
   *
   * @param input the column to read
   * @param lower the lower bound, or {@code Double.NEGATIVE_INFINITY}
   * @param upper the upper bound, or {@code Double.POSITIVE_INFINITY}
   * @return the step
   * @throws IllegalArgumentException if a bound is NaN or lower > upper
   */
  public static Clip of(String input, double lower, double upper) {
    return new Clip(input, input, lower, upper);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public Clip as(String output) {
    return new Clip(input, output, lower, upper);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    Numeric.values(training, input, TYPE); // checks presence and type
    return new ClipFitted(TYPE, input, output, lower, upper);
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    return ClipFitted.read(TYPE, inputs, outputs, params);
  }
}
