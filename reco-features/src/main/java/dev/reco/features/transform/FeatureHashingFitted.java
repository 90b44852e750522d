package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.IdIndex;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** A fitted {@link FeatureHashingStep}. Immutable and thread-safe. */
public final class FeatureHashingFitted implements FittedStep {
  private final FeatureHashingStep step;
  private final String[] keyPrefixes;
  private final List<TableSchema.Field> outputs;

  FeatureHashingFitted(FeatureHashingStep step) {
    this.step = step;
    keyPrefixes = new String[step.inputs().size()];
    for (int i = 0; i < keyPrefixes.length; i++) {
      keyPrefixes[i] = step.key() == FeatureHashingStep.Key.VALUE ? "" : step.inputs().get(i) + "=";
    }
    List<TableSchema.Field> out = new ArrayList<>(step.nFeatures());
    for (int j = 0; j < step.nFeatures(); j++) {
      out.add(new TableSchema.Field(step.prefix() + "_" + j, ColumnType.DOUBLE));
    }
    outputs = List.copyOf(out);
  }

  /**
   * Rebuilds a fitted step from its JSON parts (the inverse of {@link #writeParams}).
   *
   * @param inputs the CATEGORICAL input columns
   * @param outputs the output fields {@code <prefix>_0..}, as the parameters imply
   * @param params the parameters
   * @return the step
   * @throws IllegalArgumentException if a part is absent, malformed or inconsistent, naming it
   */
  public static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    FeatureHashingFitted f = new FeatureHashingFitted(new FeatureHashingStep(inputs,
        CategoricalSupport.text(params, "prefix"), CategoricalSupport.integer(params, "n_features"),
        seed(CategoricalSupport.required(params, "seed")), CategoricalSupport.bool(params, "alternate_sign"),
        CategoricalSupport.enumValue(params, "key", FeatureHashingStep.Key.class)));
    CategoricalSupport.checkOutputs(FeatureHashingStep.TYPE, outputs, f.outputs);
    return f;
  }

  private static int seed(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0
        || n.longValue() > 0xffffffffL) {
      throw new IllegalArgumentException("params.seed = " + n + "; expected an integer in [0, 2^32)");
    }
    return (int) n.longValue();
  }

  /**
   * Returns the bucket of a hash, as scikit-learn computes it.
   *
   * @param h a MurmurHash3 value
   * @param n the number of buckets
   * @return the bucket in {@code [0, n)}
   */
  static int bucket(int h, int n) {
    if (h == Integer.MIN_VALUE) {
      return (Integer.MAX_VALUE - (n - 1)) % n;
    }
    return Math.abs(h) % n;
  }

  @Override
  public String type() {
    return FeatureHashingStep.TYPE;
  }

  @Override
  public List<String> inputs() {
    return step.inputs();
  }

  @Override
  public List<TableSchema.Field> outputs() {
    return outputs;
  }

  @Override
  public Table transform(Table table) {
    int n = step.nFeatures();
    int rows = table.rows();
    double[][] values = new double[n][rows];
    for (int i = 0; i < keyPrefixes.length; i++) {
      String name = step.inputs().get(i);
      CategoricalSupport.requireColumn(table, name, ColumnType.CATEGORICAL, FeatureHashingStep.TYPE);
      CategoricalColumn column = table.categoricalColumn(name);
      IdIndex dict = column.dictionary();
      int[] buckets = new int[dict.size()];
      double[] signs = new double[dict.size()];
      for (int c = 0; c < buckets.length; c++) {
        int h = MurmurHash3.hash32(keyPrefixes[i], dict.idOf(c), step.seed());
        buckets[c] = bucket(h, n);
        signs[c] = step.alternateSign() && h < 0 ? -1.0 : 1.0;
      }
      for (int r = 0; r < rows; r++) {
        int c = column.code(r);
        if (c >= 0) {
          values[buckets[c]][r] += signs[c];
        }
      }
    }
    Table out = table;
    for (int j = 0; j < n; j++) {
      out = out.with(DoubleColumn.of(outputs.get(j).name(), values[j]));
    }
    return out;
  }

  @Override
  public void transformRow(RowBuffer row, int[] in, int[] out) {
    int n = step.nFeatures();
    for (int j = 0; j < out.length; j++) {
      row.setDouble(out[j], 0.0);
    }
    for (int i = 0; i < in.length; i++) {
      String v = row.getCategory(in[i]);
      if (v == null) {
        continue;
      }
      int h = MurmurHash3.hash32(keyPrefixes[i], v, step.seed());
      int b = out[bucket(h, n)];
      row.setDouble(b, row.getDouble(b) + (step.alternateSign() && h < 0 ? -1.0 : 1.0));
    }
  }

  @Override
  public void writeParams(ObjectNode params) {
    params.put("prefix", step.prefix());
    params.put("n_features", step.nFeatures());
    params.put("seed", Integer.toUnsignedLong(step.seed()));
    params.put("alternate_sign", step.alternateSign());
    params.put("key", step.key().name());
  }

  @Override
  public String toString() {
    return "FeatureHashingFitted[" + step.inputs() + " -> " + step.nFeatures() + " buckets]";
  }
}
