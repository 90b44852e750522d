package dev.reco.features.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * A fitted transform: immutable, thread-safe, the same function on a whole table (training,
 * batch scoring) and on one row (serving), so there is no train/serve skew.
 *
 * <p>The batch and row paths must agree exactly (property-tested for every step): for every row
 * {@code r}, running {@link #transformRow} on a {@link RowBuffer} holding row {@code r} of the
 * input gives the values of row {@code r} of {@link #transform}'s output columns.
 */
public interface FittedStep {
  /** Returns the step's type name, the key of its JSON form. */
  String type();

  /** Returns the names of the columns the step reads. */
  List<String> inputs();

  /** Returns the columns the step writes: names and types, in order. */
  List<TableSchema.Field> outputs();

  /**
   * Transforms a table: returns it with the output columns added (or replaced, same name).
   *
   * @param table a table holding the inputs with the types seen at fit time
   * @return the table with the outputs
   * @throws IllegalArgumentException if an input is missing or has the wrong type
   */
  Table transform(Table table);

  /**
   * Transforms one row in place: reads the inputs at positions {@code in} of the row's schema
   * and writes the outputs at positions {@code out}, allocating nothing.
   *
   * @param row the row, whose schema holds the inputs and the outputs
   * @param in the positions of {@link #inputs()} in {@code row.schema()}, in order
   * @param out the positions of {@link #outputs()} in {@code row.schema()}, in order
   */
  void transformRow(RowBuffer row, int[] in, int[] out);

  /**
   * Writes the fitted parameters (not the type, inputs or outputs, which the pipeline writes)
   * into {@code params}, so that the step's reader rebuilds an equal step.
   *
   * @param params an empty JSON object to fill
   */
  void writeParams(ObjectNode params);
}
