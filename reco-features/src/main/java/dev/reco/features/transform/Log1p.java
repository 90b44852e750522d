package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * {@code log(1 + x)} ({@link Math#log1p}). Defined for {@code x > -1} only ({@code x = -1} would
 * give negative infinity, which a column cannot hold): a value {@code <= -1} is rejected with an
 * {@link IllegalArgumentException} naming the column and value, both at fit and at transform
 * (batch and row alike; never a silent NaN). Missing stays missing. Reads DOUBLE or LONG, writes
 * DOUBLE. Nothing is learnt at fit.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 */
public record Log1p(String input, String output) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "log1p";

  /** Validates the names. */
  public Log1p {
    Column.checkName(input);
    Column.checkName(output);
  }

  /**
   * Returns a step transforming {@code input} in place.
   *
   * @param input the column to read
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public static Log1p of(String input) {
    return new Log1p(input, input);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public Log1p as(String output) {
    return new Log1p(input, output);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Checks that every present value is above -1.
   *
   * @throws IllegalArgumentException if a value is {@code <= -1}, naming its row and value
   */
  @Override
  public FittedStep fit(Table training) {
    double[] v = Numeric.values(training, input, TYPE);
    for (int r = 0; r < v.length; r++) {
      if (v[r] <= -1) {
        throw new IllegalArgumentException(TYPE + ": column '" + input + "' row " + r + " = " + v[r]
            + "; expected > -1");
      }
    }
    return new Fitted(input, output);
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    Json.arity(TYPE, inputs, 1, outputs, 1, 1);
    Json.outputType(TYPE, outputs.get(0), ColumnType.DOUBLE);
    return new Fitted(inputs.get(0), outputs.get(0).name());
  }

  /** The fitted step (no parameters). */
  static final class Fitted extends UnaryNumericStep {
    Fitted(String input, String output) {
      super(TYPE, input, output);
    }

    @Override
    double apply(double x) {
      if (x <= -1) {
        throw new IllegalArgumentException(TYPE + ": column '" + input() + "' = " + x + "; expected > -1");
      }
      return Math.log1p(x);
    }

    @Override
    public void writeParams(ObjectNode params) {
      // no parameters
    }
  }
}
