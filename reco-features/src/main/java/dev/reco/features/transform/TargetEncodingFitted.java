package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.IdIndex;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * A {@link TargetEncodingStep} fitted on all training rows: category to its smoothed label mean,
 * the prior for unseen and missing categories. Immutable and thread-safe.
 */
public final class TargetEncodingFitted implements FittedStep {
  private final String input;
  private final IdIndex categories;
  private final double[] encodings;
  private final double prior;
  private final List<TableSchema.Field> outputs;

  TargetEncodingFitted(String input, String output, List<String> categories, double[] encodings,
      double prior) {
    if (categories.size() != encodings.length) {
      throw new IllegalArgumentException("encodings has " + encodings.length
          + " values; expected one per category (" + categories.size() + ")");
    }
    for (double e : encodings) {
      if (!Double.isFinite(e)) {
        throw new IllegalArgumentException("encoding = " + e + "; expected finite values");
      }
    }
    if (!Double.isFinite(prior)) {
      throw new IllegalArgumentException("prior = " + prior + "; expected a finite value");
    }
    this.input = input;
    this.categories = IdIndex.of(categories);
    this.encodings = encodings.clone();
    this.prior = prior;
    this.outputs = List.of(new TableSchema.Field(output, ColumnType.DOUBLE));
  }

  /**
   * Rebuilds a fitted step from its JSON parts (the inverse of {@link #writeParams}).
   *
   * @param inputs the one CATEGORICAL input column
   * @param outputs the one DOUBLE output column
   * @param params the parameters
   * @return the step
   * @throws IllegalArgumentException if a part is absent, malformed or inconsistent, naming it
   */
  public static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    CategoricalSupport.checkInputs(TargetEncodingStep.TYPE, inputs, 1);
    if (outputs == null || outputs.size() != 1 || outputs.get(0).type() != ColumnType.DOUBLE) {
      throw new IllegalArgumentException(TargetEncodingStep.TYPE + " outputs = " + outputs
          + "; expected one DOUBLE column");
    }
    return new TargetEncodingFitted(inputs.get(0), outputs.get(0).name(),
        CategoricalSupport.strings(params, "categories"), CategoricalSupport.doubles(params, "encodings"),
        CategoricalSupport.numberField(params, "prior"));
  }

  @Override
  public String type() {
    return TargetEncodingStep.TYPE;
  }

  @Override
  public List<String> inputs() {
    return List.of(input);
  }

  @Override
  public List<TableSchema.Field> outputs() {
    return outputs;
  }

  /** Returns the prior: the mean of all training labels. */
  public double prior() {
    return prior;
  }

  /**
   * Returns the encoding of a category.
   *
   * @param category a category, or null (missing)
   * @return its encoding, the prior if unseen or missing
   */
  public double encoding(String category) {
    int i = category == null ? -1 : categories.indexOf(category);
    return i < 0 ? prior : encodings[i];
  }

  @Override
  public Table transform(Table table) {
    CategoricalSupport.requireColumn(table, input, ColumnType.CATEGORICAL, TargetEncodingStep.TYPE);
    CategoricalColumn column = table.categoricalColumn(input);
    IdIndex dict = column.dictionary();
    double[] byCode = new double[dict.size()];
    for (int c = 0; c < byCode.length; c++) {
      byCode[c] = encoding(dict.idOf(c));
    }
    double[] out = new double[table.rows()];
    for (int r = 0; r < out.length; r++) {
      int c = column.code(r);
      out[r] = c < 0 ? prior : byCode[c];
    }
    return table.with(DoubleColumn.of(outputs.get(0).name(), out));
  }

  @Override
  public void transformRow(RowBuffer row, int[] in, int[] out) {
    row.setDouble(out[0], encoding(row.getCategory(in[0])));
  }

  @Override
  public void writeParams(ObjectNode params) {
    params.put("prior", prior);
    ArrayNode c = params.putArray("categories");
    categories.ids().forEach(c::add);
    ArrayNode e = params.putArray("encodings");
    for (double v : encodings) {
      e.add(v);
    }
  }

  @Override
  public String toString() {
    return "TargetEncodingFitted[" + input + " -> " + outputs.get(0).name() + ", "
        + encodings.length + " categories, prior " + prior + "]";
  }
}
