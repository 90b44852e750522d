package dev.reco.features.transform;

import dev.reco.core.IdIndex;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.Objects;

/**
 * The serving path of a {@link FittedPipeline}: one reusable row of slots (the pipeline's inputs,
 * then every step output) and the precomputed slot positions of each step. Fill
 * {@link #input()} (positions {@code 0..inputSchema().size()-1} are the inputs, in
 * {@link FittedPipeline#inputSchema()} order), then call {@link #transform(double[])}; a call
 * allocates nothing. The other slots are scratch space that every call overwrites. Not
 * thread-safe: one per thread.
 *
 * <pre>{@code
 * RowTransformer rt = pipeline.newRowTransformer();
 * double[] x = new double[pipeline.outputNames().size()];
 * rt.input().setDouble(0, 12.5);
 * rt.input().setCategory(1, "ios");
 * rt.transform(x);
 * }</pre>
 */
public final class RowTransformer {
  private final FittedStep[] steps;
  private final int[][] in;
  private final int[][] out;
  private final int[] outputSlots;
  private final ColumnType[] outputTypes;
  private final IdIndex[] dictionaries;
  private final int inputs;
  private final RowBuffer row;

  RowTransformer(FittedPipeline p) {
    this.steps = p.steps().toArray(new FittedStep[0]);
    this.in = p.stepIn();
    this.out = p.stepOut();
    this.outputSlots = p.outputSlots();
    this.outputTypes = p.outputTypeArray();
    this.dictionaries = p.outputDictionaries();
    this.inputs = p.inputSchema().size();
    this.row = new RowBuffer(p.slots());
  }

  /**
   * Returns the row to fill before {@link #transform(double[])}: its first
   * {@code inputSchema().size()} positions are the pipeline's inputs, in order; values stay until
   * overwritten or {@link RowBuffer#clear() cleared}.
   */
  public RowBuffer input() {
    return row;
  }

  /**
   * Copies the input columns of row {@code r} of a table into {@link #input()}, by name.
   *
   * @param table a table holding the pipeline's input columns
   * @param r a row index
   * @throws IllegalArgumentException if an input column is missing or has another type
   */
  public void read(Table table, int r) {
    TableSchema schema = row.schema();
    for (int j = 0; j < inputs; j++) {
      TableSchema.Field f = schema.fields().get(j);
      Column c = table.column(f.name());
      if (c.type() != f.type()) {
        throw new IllegalArgumentException("column '" + f.name() + "' is " + c.type()
            + "; expected " + f.type());
      }
      if (c.isMissing(r)) {
        row.setMissing(j);
      } else if (c instanceof DoubleColumn d) {
        row.setDouble(j, d.get(r));
      } else if (c instanceof LongColumn l) {
        row.setLong(j, l.get(r));
      } else if (c instanceof CategoricalColumn k) {
        row.setCategory(j, k.category(r));
      } else {
        row.setBoolean(j, ((BooleanColumn) c).get(r));
      }
    }
  }

  /**
   * Runs every step on the row in {@link #input()} and writes the output features.
   *
   * @param features receives the {@link FittedPipeline#outputNames()} values, converted as
   *     {@link FittedPipeline#features} does
   * @throws IllegalArgumentException if {@code features} does not have one slot per output, or a
   *     step rejects a value
   */
  public void transform(double[] features) {
    Objects.requireNonNull(features, "features");
    if (features.length != outputSlots.length) {
      throw new IllegalArgumentException("features.length = " + features.length + "; expected "
          + outputSlots.length + " (the number of outputs)");
    }
    RowBuffer r = row;
    for (int s = 0; s < steps.length; s++) {
      steps[s].transformRow(r, in[s], out[s]);
    }
    for (int j = 0; j < outputSlots.length; j++) {
      int slot = outputSlots[j];
      double v;
      if (r.isMissing(slot)) {
        v = Double.NaN;
      } else {
        switch (outputTypes[j]) {
          case DOUBLE -> v = r.getDouble(slot);
          case LONG -> v = r.getLong(slot);
          case BOOLEAN -> v = r.getBoolean(slot) ? 1.0 : 0.0;
          default -> {
            int code = dictionaries[j].indexOf(r.getCategory(slot));
            v = code < 0 ? Double.NaN : code;
          }
        }
      }
      features[j] = v;
    }
  }
}
