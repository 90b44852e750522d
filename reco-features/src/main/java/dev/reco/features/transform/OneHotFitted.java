package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted {@link OneHotStep}: DOUBLE 0/1 columns {@code <input>=<category>} for the kept
 * categories, then {@code <input>=__other__} (if present), then {@code <input>=__missing__} (if
 * enabled). Immutable and thread-safe.
 */
public final class OneHotFitted implements FittedStep {
  /** Suffix of the missing-indicator column. */
  public static final String MISSING_NAME = "__missing__";

  private final String input;
  private final CategoryMap map;
  private final UnseenCategoryPolicy unseen;
  private final boolean other;
  private final boolean missingIndicator;
  private final List<TableSchema.Field> outputs;
  private final int otherIndex;
  private final int missingIndex;

  OneHotFitted(String input, CategoryMap map, UnseenCategoryPolicy unseen, boolean other,
      boolean missingIndicator) {
    this.input = input;
    this.map = map;
    this.unseen = unseen;
    this.other = other;
    this.missingIndicator = missingIndicator;
    List<TableSchema.Field> out = new ArrayList<>();
    for (String c : map.kept()) {
      if (other && c.equals(CategoryMap.OTHER_NAME) || missingIndicator && c.equals(MISSING_NAME)) {
        throw new IllegalArgumentException("column '" + input + "' category '" + c
            + "' collides with the reserved column '" + input + "=" + c
            + "'; expected categories other than __other__ and __missing__");
      }
      out.add(new TableSchema.Field(input + "=" + c, ColumnType.DOUBLE));
    }
    otherIndex = other ? out.size() : -1;
    if (other) {
      out.add(new TableSchema.Field(input + "=" + CategoryMap.OTHER_NAME, ColumnType.DOUBLE));
    }
    missingIndex = missingIndicator ? out.size() : -1;
    if (missingIndicator) {
      out.add(new TableSchema.Field(input + "=" + MISSING_NAME, ColumnType.DOUBLE));
    }
    this.outputs = List.copyOf(out);
  }

  /**
   * Rebuilds a fitted step from its JSON parts (the inverse of {@link #writeParams}).
   *
   * @param inputs the one input column
   * @param outputs the output fields, which must be those the parameters imply
   * @param params the parameters
   * @return the step
   * @throws IllegalArgumentException if a part is absent, malformed or inconsistent, naming it
   */
  public static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    CategoricalSupport.checkInputs(OneHotStep.TYPE, inputs, 1);
    OneHotFitted step = new OneHotFitted(inputs.get(0), CategoryMap.read(params),
        CategoricalSupport.enumValue(params, "unseen", UnseenCategoryPolicy.class), CategoricalSupport.bool(params, "other"),
        CategoricalSupport.bool(params, "missing_indicator"));
    CategoricalSupport.checkOutputs(OneHotStep.TYPE, outputs, step.outputs);
    return step;
  }

  @Override
  public String type() {
    return OneHotStep.TYPE;
  }

  @Override
  public List<String> inputs() {
    return List.of(input);
  }

  @Override
  public List<TableSchema.Field> outputs() {
    return outputs;
  }

  /** Returns the kept categories, in column order. */
  public List<String> categories() {
    return map.kept();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if {@code unseen = ERROR} and a row holds a category
   *     not seen at fit time, naming the row and the value
   */
  @Override
  public Table transform(Table table) {
    CategoricalSupport.requireColumn(table, input, ColumnType.CATEGORICAL, OneHotStep.TYPE);
    CategoricalColumn column = table.categoricalColumn(input);
    int[] slots = map.slots(column.dictionary());
    int rows = table.rows();
    double[][] values = new double[outputs.size()][rows];
    for (int r = 0; r < rows; r++) {
      int code = column.code(r);
      int j = column(code < 0 ? CategoryMap.MISSING : slots[code], r, column);
      if (j >= 0) {
        values[j][r] = 1.0;
      }
    }
    Table out = table;
    for (int j = 0; j < values.length; j++) {
      out = out.with(DoubleColumn.of(outputs.get(j).name(), values[j]));
    }
    return out;
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
    int j = index(slot);
    for (int k = 0; k < out.length; k++) {
      row.setDouble(out[k], k == j ? 1.0 : 0.0);
    }
  }

  private int column(int slot, int row, CategoricalColumn column) {
    if (slot == CategoryMap.UNSEEN && unseen == UnseenCategoryPolicy.ERROR) {
      throw new IllegalArgumentException(map.unseenMessage(input, row, column.category(row)));
    }
    return index(slot);
  }

  private int index(int slot) {
    if (slot >= 0) {
      return slot;
    }
    switch (slot) {
      case CategoryMap.MISSING:
        return missingIndex;
      case CategoryMap.OTHER:
        return otherIndex;
      default:
        return unseen == UnseenCategoryPolicy.OTHER ? otherIndex : -1;
    }
  }

  @Override
  public void writeParams(ObjectNode params) {
    map.write(params);
    params.put("unseen", unseen.name());
    params.put("other", other);
    params.put("missing_indicator", missingIndicator);
  }

  @Override
  public String toString() {
    return "OneHotFitted[" + input + ", " + outputs.size() + " columns]";
  }
}
