package dev.reco.features.transform;

import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * A fitted step reading one DOUBLE or LONG column and writing one DOUBLE column through a
 * function of the value; missing stays missing (NaN).
 */
abstract class UnaryNumericStep implements FittedStep {
  private final String type;
  private final List<String> inputs;
  private final List<TableSchema.Field> outputs;

  UnaryNumericStep(String type, String input, String output) {
    this.type = type;
    this.inputs = List.of(input);
    this.outputs = List.of(new TableSchema.Field(output, ColumnType.DOUBLE));
  }

  /** Maps a present value. */
  abstract double apply(double x);

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final List<String> inputs() {
    return inputs;
  }

  @Override
  public final List<TableSchema.Field> outputs() {
    return outputs;
  }

  final String input() {
    return inputs.get(0);
  }

  final String output() {
    return outputs.get(0).name();
  }

  @Override
  public final Table transform(Table table) {
    double[] v = Numeric.values(table, input(), type);
    for (int r = 0; r < v.length; r++) {
      double x = v[r];
      if (x == x) {
        v[r] = apply(x);
      }
    }
    return table.with(DoubleColumn.of(output(), v));
  }

  @Override
  public final void transformRow(RowBuffer row, int[] in, int[] out) {
    double x = Numeric.read(row, in[0]);
    row.setDouble(out[0], x == x ? apply(x) : x);
  }

  @Override
  public String toString() {
    return type + "(" + input() + " -> " + output() + ")";
  }
}
