package dev.reco.features.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.IdIndex;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The versioned JSON form of a {@link FittedPipeline}, read and written as a Jackson tree (no
 * data binding, no polymorphic typing: step types resolve only through the closed
 * {@link StepRegistry}).
 *
 * <pre>{@code
 * {"format": "reco-feature-pipeline", "version": 1,
 *  "input": [{"name": "price", "type": "DOUBLE"}, ...],
 *  "outputs": ["price_z", ...],
 *  "categories": {"city": ["paris", "rome"]},        // dictionaries of CATEGORICAL outputs
 *  "steps": [{"type": "standard_scale", "inputs": ["price"],
 *             "outputs": [{"name": "price_z", "type": "DOUBLE"}],
 *             "params": {"mean": 12.5, "scale": 3.0}}, ...]}
 * }</pre>
 *
 * <p>Doubles are written in the shortest form that reads back to the same value, so a loaded
 * pipeline gives bit-identical outputs.
 */
public final class PipelineJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "reco-feature-pipeline";
  /** The format version this class writes and the newest it reads. */
  public static final int VERSION = 1;

  private PipelineJson() {}

  private static ObjectMapper mapper() {
    return new ObjectMapper();
  }

  /**
   * Writes a pipeline as pretty-printed JSON.
   *
   * @param pipeline the pipeline
   * @return its JSON form
   */
  public static String write(FittedPipeline pipeline) {
    ObjectMapper m = mapper();
    ObjectNode root = m.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    writeFields(root.putArray("input"), pipeline.inputSchema().fields());
    ArrayNode outputs = root.putArray("outputs");
    pipeline.outputNames().forEach(outputs::add);
    ObjectNode categories = root.putObject("categories");
    for (String name : pipeline.outputNames()) {
      IdIndex d = pipeline.categoryMap().get(name);
      if (d != null) {
        ArrayNode ids = categories.putArray(name);
        d.ids().forEach(ids::add);
      }
    }
    ArrayNode steps = root.putArray("steps");
    for (FittedStep s : pipeline.steps()) {
      ObjectNode n = steps.addObject();
      n.put("type", s.type());
      ArrayNode ins = n.putArray("inputs");
      s.inputs().forEach(ins::add);
      writeFields(n.putArray("outputs"), s.outputs());
      s.writeParams(n.putObject("params"));
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write pipeline JSON", e);
    }
  }

  private static void writeFields(ArrayNode into, List<TableSchema.Field> fields) {
    for (TableSchema.Field f : fields) {
      ObjectNode o = into.addObject();
      o.put("name", f.name());
      o.put("type", f.type().name());
    }
  }

  /**
   * Reads a pipeline written by {@link #write}.
   *
   * @param json the JSON text
   * @return the pipeline
   * @throws IllegalArgumentException if the text is not JSON, the format or a field is wrong
   *     (naming the field), the version is newer than {@link #VERSION}, or a step type is unknown
   *     (naming it and listing the known types)
   */
  public static FittedPipeline read(String json) {
    JsonNode root;
    try {
      root = mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed pipeline JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("pipeline JSON = " + (root == null ? "empty" : root.getNodeType())
          + "; expected an object");
    }
    String format = Json.text(root, "format", "");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("field 'format' = '" + format + "'; expected '" + FORMAT + "'");
    }
    long version = Json.integer(root, "version", "");
    if (version > VERSION) {
      throw new IllegalArgumentException("pipeline JSON has version " + version
          + "; this reader supports up to " + VERSION);
    }
    if (version < 1) {
      throw new IllegalArgumentException("field 'version' = " + version + "; expected 1 to " + VERSION);
    }
    TableSchema input = TableSchema.of(readFields(Json.array(root, "input", ""), "input"));
    List<String> outputs = readNames(Json.array(root, "outputs", ""), "outputs");
    Map<String, IdIndex> categories = new HashMap<>();
    JsonNode cats = root.get("categories");
    if (cats != null && !cats.isNull()) {
      if (!cats.isObject()) {
        throw new IllegalArgumentException("field 'categories' = " + cats + "; expected an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = cats.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode ids = e.getValue();
        if (!ids.isArray()) {
          throw new IllegalArgumentException("field 'categories." + e.getKey() + "' = " + ids
              + "; expected an array of strings");
        }
        categories.put(e.getKey(), IdIndex.of(readNames(ids, "categories." + e.getKey())));
      }
    }
    JsonNode stepNodes = Json.array(root, "steps", "");
    List<FittedStep> steps = new ArrayList<>(stepNodes.size());
    for (int i = 0; i < stepNodes.size(); i++) {
      String path = "steps[" + i + "].";
      JsonNode n = stepNodes.get(i);
      String type = Json.text(n, "type", path);
      List<String> ins = readNames(Json.array(n, "inputs", path), path + "inputs");
      List<TableSchema.Field> outs = readFields(Json.array(n, "outputs", path), path + "outputs");
      JsonNode params = Json.field(n, "params", path);
      if (!params.isObject()) {
        throw new IllegalArgumentException("field '" + path + "params' = " + params + "; expected an object");
      }
      FittedStep step;
      try {
        step = StepRegistry.reader(type).read(ins, outs, params);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("steps[" + i + "] (" + type + "): " + e.getMessage(), e);
      }
      if (!step.type().equals(type) || !step.inputs().equals(ins) || !step.outputs().equals(outs)) {
        throw new IllegalStateException("steps[" + i + "]: the reader of '" + type + "' built "
            + step.type() + " " + step.inputs() + " -> " + step.outputs() + "; expected " + type
            + " " + ins + " -> " + outs);
      }
      steps.add(step);
    }
    return new FittedPipeline(input, steps, outputs, categories);
  }

  private static List<TableSchema.Field> readFields(JsonNode array, String path) {
    List<TableSchema.Field> fields = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String p = path + "[" + i + "].";
      JsonNode f = array.get(i);
      fields.add(new TableSchema.Field(Json.text(f, "name", p), Json.columnType(f, "type", p)));
    }
    return fields;
  }

  private static List<String> readNames(JsonNode array, String path) {
    List<String> names = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode v = array.get(i);
      if (!v.isTextual()) {
        throw new IllegalArgumentException("field '" + path + "[" + i + "]' = " + v + "; expected a string");
      }
      names.add(v.asText());
    }
    return names;
  }
}
