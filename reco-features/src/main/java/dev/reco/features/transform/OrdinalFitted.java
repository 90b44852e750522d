package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/** A fitted {@link OrdinalStep}: category to DOUBLE code. Immutable and thread-safe. */
public final class OrdinalFitted implements FittedStep {
  private final String input;
  private final CategoryMap map;
  private final UnseenCategoryPolicy unseen;
  private final double unseenValue;
  private final List<TableSchema.Field> outputs;

  OrdinalFitted(String input, String output, CategoryMap map, UnseenCategoryPolicy unseen,
      double unseenValue) {
    this.input = input;
    this.map = map;
    this.unseen = unseen;
    this.unseenValue = unseenValue;
    this.outputs = List.of(new TableSchema.Field(output, ColumnType.DOUBLE));
  }

  /**
   * Rebuilds a fitted step from its JSON parts (the inverse of {@link #writeParams}).
   *
   * @param inputs the one input column
   * @param outputs the one DOUBLE output column
   * @param params the parameters
   * @return the step
   * @throws IllegalArgumentException if a part is absent, malformed or inconsistent, naming it
   */
  public static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    CategoricalSupport.checkInputs(OrdinalStep.TYPE, inputs, 1);
    if (outputs == null || outputs.size() != 1 || outputs.get(0).type() != ColumnType.DOUBLE) {
      throw new IllegalArgumentException(OrdinalStep.TYPE + " outputs = " + outputs
          + "; expected one DOUBLE column");
    }
    double value = CategoricalSupport.numberField(params, "unseen_value");
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("params.unseen_value = " + value + "; expected a finite value or NaN");
    }
    return new OrdinalFitted(inputs.get(0), outputs.get(0).name(), CategoryMap.read(params),
        CategoricalSupport.enumValue(params, "unseen", UnseenCategoryPolicy.class), value);
  }

  @Override
  public String type() {
    return OrdinalStep.TYPE;
  }

  @Override
  public List<String> inputs() {
    return List.of(input);
  }

  @Override
  public List<TableSchema.Field> outputs() {
    return outputs;
  }

  /** Returns the kept categories; category {@code i} is coded {@code i}. */
  public List<String> categories() {
    return map.kept();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if {@code unseen = ERROR} and a row holds an unseen
   *     category, naming the row and the value
   */
  @Override
  public Table transform(Table table) {
    CategoricalSupport.requireColumn(table, input, ColumnType.CATEGORICAL, OrdinalStep.TYPE);
    CategoricalColumn column = table.categoricalColumn(input);
    int[] slots = map.slots(column.dictionary());
    double[] codes = new double[table.rows()];
    for (int r = 0; r < codes.length; r++) {
      int c = column.code(r);
      int slot = c < 0 ? CategoryMap.MISSING : slots[c];
      if (slot == CategoryMap.UNSEEN && unseen == UnseenCategoryPolicy.ERROR) {
        throw new IllegalArgumentException(map.unseenMessage(input, r, column.category(r)));
      }
      codes[r] = code(slot);
    }
    return table.with(DoubleColumn.of(outputs.get(0).name(), codes));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if {@code unseen = ERROR} and the value is unseen
   */
  @Override
  public void transformRow(RowBuffer row, int[] in, int[] out) {
    String value = row.getCategory(in[0]);
    int slot = map.slot(value);
    if (slot == CategoryMap.UNSEEN && unseen == UnseenCategoryPolicy.ERROR) {
      throw new IllegalArgumentException(map.unseenMessage(input, -1, value));
    }
    row.setDouble(out[0], code(slot));
  }

  private double code(int slot) {
    if (slot >= 0) {
      return slot;
    }
    switch (slot) {
      case CategoryMap.MISSING:
        return Double.NaN;
      case CategoryMap.OTHER:
        return map.keptCount();
      default:
        return unseen == UnseenCategoryPolicy.OTHER ? map.keptCount() : unseenValue;
    }
  }

  @Override
  public void writeParams(ObjectNode params) {
    map.write(params);
    params.put("unseen", unseen.name());
    if (Double.isNaN(unseenValue)) {
      params.put("unseen_value", "NaN");
    } else {
      params.put("unseen_value", unseenValue);
    }
  }

  @Override
  public String toString() {
    return "OrdinalFitted[" + input + " -> " + outputs.get(0).name() + ", " + map.keptCount()
        + " categories]";
  }
}
