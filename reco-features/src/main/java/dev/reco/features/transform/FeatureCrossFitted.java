package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.IdIndex;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link FeatureCrossStep}: a trie of the fitted value combinations (one hash lookup
 * per input, no string built per row) leading to codes of the output dictionary. Immutable and
 * thread-safe.
 */
public final class FeatureCrossFitted implements FittedStep {
  private static final int NONE = -1;

  private final List<String> inputs;
  private final List<List<String>> kept;
  private final List<List<String>> rare;
  private final UnseenCategoryPolicy unseen;
  private final IdIndex dictionary;
  private final int otherCode;
  private final Map<String, Object> trie; // value -> next level, Integer code at the last level
  private final List<TableSchema.Field> outputs;

  FeatureCrossFitted(List<String> inputs, String output, List<List<String>> kept,
      List<List<String>> rare, UnseenCategoryPolicy unseen) {
    this.inputs = List.copyOf(inputs);
    this.kept = List.copyOf(kept);
    this.rare = List.copyOf(rare);
    this.unseen = unseen;
    List<String> names = new ArrayList<>();
    for (List<String> t : kept) {
      names.add(join(t));
    }
    boolean other = !rare.isEmpty() || unseen == UnseenCategoryPolicy.OTHER;
    otherCode = other ? names.size() : NONE;
    if (other) {
      names.add(CategoryMap.OTHER_NAME);
    }
    dictionary = IdIndex.of(names);
    trie = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      put(kept.get(i), i);
    }
    for (List<String> t : rare) {
      put(t, otherCode);
    }
    outputs = List.of(new TableSchema.Field(output, ColumnType.CATEGORICAL));
  }

  @SuppressWarnings("unchecked")
  private void put(List<String> tuple, int code) {
    if (tuple.size() != inputs.size()) {
      throw new IllegalArgumentException("combination " + tuple + " has " + tuple.size()
          + " values; expected " + inputs.size() + " (one per input " + inputs + ")");
    }
    Map<String, Object> node = trie;
    for (int i = 0; i < tuple.size() - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(tuple.get(i), v -> new HashMap<String, Object>());
    }
    if (node.put(tuple.get(tuple.size() - 1), code) != null) {
      throw new IllegalArgumentException("combination " + tuple + " appears twice; expected distinct combinations");
    }
  }

  /**
   * Rebuilds a fitted step from its JSON parts (the inverse of {@link #writeParams}).
   *
   * @param inputs the CATEGORICAL input columns
   * @param outputs the one CATEGORICAL output column
   * @param params the parameters
   * @return the step
   * @throws IllegalArgumentException if a part is absent, malformed or inconsistent, naming it
   */
  public static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    if (inputs == null || inputs.size() < 2) {
      throw new IllegalArgumentException(FeatureCrossStep.TYPE + " inputs = " + inputs
          + "; expected at least two column names");
    }
    if (outputs == null || outputs.size() != 1 || outputs.get(0).type() != ColumnType.CATEGORICAL) {
      throw new IllegalArgumentException(FeatureCrossStep.TYPE + " outputs = " + outputs
          + "; expected one CATEGORICAL column");
    }
    return new FeatureCrossFitted(inputs, outputs.get(0).name(), tuples(params, "combinations"),
        tuples(params, "rare"), CategoricalSupport.enumValue(params, "unseen", UnseenCategoryPolicy.class));
  }

  private static List<List<String>> tuples(JsonNode params, String field) {
    JsonNode n = CategoricalSupport.required(params, field);
    if (!n.isArray()) {
      throw new IllegalArgumentException("params." + field + " = " + n + "; expected an array of arrays");
    }
    List<List<String>> out = new ArrayList<>();
    for (JsonNode t : n) {
      if (!t.isArray()) {
        throw new IllegalArgumentException("params." + field + " holds " + t + "; expected arrays of strings");
      }
      List<String> values = new ArrayList<>();
      for (JsonNode v : t) {
        if (!v.isTextual()) {
          throw new IllegalArgumentException("params." + field + " holds " + t + "; expected arrays of strings");
        }
        values.add(v.asText());
      }
      out.add(values);
    }
    return out;
  }

  /** Returns the category name of a combination: values escaped and joined by {@code |}. */
  static String join(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append('|');
      }
      String v = values.get(i);
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '|' || c == '\\') {
          b.append('\\');
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String type() {
    return FeatureCrossStep.TYPE;
  }

  @Override
  public List<String> inputs() {
    return inputs;
  }

  @Override
  public List<TableSchema.Field> outputs() {
    return outputs;
  }

  /** Returns the output dictionary: kept combinations, then {@code __other__} if present. */
  public IdIndex dictionary() {
    return dictionary;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if {@code unseen = ERROR} and a row holds an unseen
   *     combination, naming the row and the combination
   */
  @Override
  public Table transform(Table table) {
    int k = inputs.size();
    CategoricalColumn[] columns = new CategoricalColumn[k];
    for (int i = 0; i < k; i++) {
      CategoricalSupport.requireColumn(table, inputs.get(i), ColumnType.CATEGORICAL, FeatureCrossStep.TYPE);
      columns[i] = table.categoricalColumn(inputs.get(i));
    }
    int[] codes = new int[table.rows()];
    for (int r = 0; r < codes.length; r++) {
      Object node = trie;
      boolean missing = false;
      for (int i = 0; i < k; i++) {
        String v = columns[i].category(r);
        if (v == null) {
          missing = true;
          break;
        }
        node = node == null ? null : ((Map<?, ?>) node).get(v);
      }
      codes[r] = missing ? CategoricalColumn.MISSING : code(node, r, columns, null, null);
    }
    return table.with(CategoricalColumn.of(outputs.get(0).name(), codes, dictionary));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if {@code unseen = ERROR} and the combination is unseen
   */
  @Override
  public void transformRow(RowBuffer row, int[] in, int[] out) {
    Object node = trie;
    for (int i = 0; i < in.length; i++) {
      String v = row.getCategory(in[i]);
      if (v == null) {
        row.setMissing(out[0]);
        return;
      }
      node = node == null ? null : ((Map<?, ?>) node).get(v);
    }
    int code = code(node, -1, null, row, in);
    if (code < 0) {
      row.setMissing(out[0]);
    } else {
      row.setCategory(out[0], dictionary.idOf(code));
    }
  }

  /** The output code of a trie lookup's end; {@code node} is null for an unseen combination. */
  private int code(Object node, int r, CategoricalColumn[] columns, RowBuffer row, int[] in) {
    if (node != null) {
      return (Integer) node;
    }
    switch (unseen) {
      case ERROR:
        List<String> values = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
          values.add(columns != null ? columns[i].category(r) : row.getCategory(in[i]));
        }
        throw new IllegalArgumentException("columns " + inputs + (r >= 0 ? " row " + r : "")
            + " = '" + join(values) + "': combination not seen at fit time (unseen = ERROR)");
      case OTHER:
        return otherCode;
      default:
        return CategoricalColumn.MISSING;
    }
  }

  @Override
  public void writeParams(ObjectNode params) {
    write(params.putArray("combinations"), kept);
    write(params.putArray("rare"), rare);
    params.put("unseen", unseen.name());
  }

  private static void write(ArrayNode into, List<List<String>> tuples) {
    for (List<String> t : tuples) {
      ArrayNode a = into.addArray();
      t.forEach(a::add);
    }
  }

  @Override
  public String toString() {
    return "FeatureCrossFitted[" + inputs + " -> " + outputs.get(0).name() + ", "
        + dictionary.size() + " categories]";
  }
}
