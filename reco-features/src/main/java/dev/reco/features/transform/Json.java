package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Checked reads of JSON fields for {@link PipelineJson} and the step readers: every error names
 * the field (by its path) and what was expected.
 */
final class Json {
  private Json() {}

  static JsonNode field(JsonNode node, String name, String path) {
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("field '" + path + name + "' is missing");
    }
    return v;
  }

  static String text(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + path + name + "' = " + v + "; expected a string");
    }
    return v.asText();
  }

  static double number(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("field '" + path + name + "' = " + v + "; expected a number");
    }
    return v.doubleValue();
  }

  /** A number, or the infinity of the given sign when the field is absent or null. */
  static double boundOr(JsonNode node, String name, double absent, String path) {
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull()) {
      return absent;
    }
    return number(node, name, path);
  }

  static long integer(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + path + name + "' = " + v + "; expected an integer");
    }
    return v.longValue();
  }

  static double[] numbers(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isArray()) {
      throw new IllegalArgumentException("field '" + path + name + "' = " + v + "; expected an array of numbers");
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      if (!v.get(i).isNumber()) {
        throw new IllegalArgumentException("field '" + path + name + "[" + i + "]' = " + v.get(i)
            + "; expected a number");
      }
      out[i] = v.get(i).doubleValue();
    }
    return out;
  }

  static JsonNode array(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isArray()) {
      throw new IllegalArgumentException("field '" + path + name + "' = " + v + "; expected an array");
    }
    return v;
  }

  static ColumnType columnType(JsonNode node, String name, String path) {
    String t = text(node, name, path);
    try {
      return ColumnType.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field '" + path + name + "' = '" + t + "'; expected one of "
          + List.of(ColumnType.values()));
    }
  }

  /** Checks that a reader got the number of inputs and outputs its step has. */
  static void arity(String type, List<String> inputs, int nInputs, List<TableSchema.Field> outputs,
      int minOutputs, int maxOutputs) {
    if (inputs.size() != nInputs) {
      throw new IllegalArgumentException(type + ": field 'inputs' has " + inputs.size()
          + " names; expected " + nInputs);
    }
    if (outputs.size() < minOutputs || outputs.size() > maxOutputs) {
      throw new IllegalArgumentException(type + ": field 'outputs' has " + outputs.size()
          + " columns; expected " + (minOutputs == maxOutputs ? "" + minOutputs
              : minOutputs + " to " + maxOutputs));
    }
  }

  /** Checks an output's type as read from JSON. */
  static void outputType(String type, TableSchema.Field output, ColumnType expected) {
    if (output.type() != expected) {
      throw new IllegalArgumentException(type + ": output '" + output.name() + "' is "
          + output.type() + "; expected " + expected);
    }
  }
}
