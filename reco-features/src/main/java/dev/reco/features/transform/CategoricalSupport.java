package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks shared by the categorical steps, and the parameter readers only they need (string
 * lists, booleans, enums, numbers that may be NaN) on top of {@link Json}'s.
 */
final class CategoricalSupport {
  private CategoricalSupport() {}

  static JsonNode required(JsonNode params, String field) {
    return Json.field(params, field, "params.");
  }

  static String text(JsonNode params, String field) {
    return Json.text(params, field, "params.");
  }

  static List<String> strings(JsonNode params, String field) {
    JsonNode n = required(params, field);
    if (!n.isArray()) {
      throw new IllegalArgumentException("params." + field + " = " + n + "; expected an array of strings");
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new IllegalArgumentException("params." + field + " holds " + e + "; expected strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  static double[] doubles(JsonNode params, String field) {
    JsonNode n = required(params, field);
    if (!n.isArray()) {
      throw new IllegalArgumentException("params." + field + " = " + n + "; expected an array of numbers");
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(n.get(i), field);
    }
    return out;
  }

  /** Reads a number; the string "NaN" (how NaN is written) is NaN. */
  static double number(JsonNode n, String field) {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual() && n.asText().equals("NaN")) {
      return Double.NaN;
    }
    throw new IllegalArgumentException("params." + field + " = " + n + "; expected a number");
  }

  static double numberField(JsonNode params, String field) {
    return number(required(params, field), field);
  }

  static int integer(JsonNode params, String field) {
    long v = Json.integer(params, field, "params.");
    if (v != (int) v) {
      throw new IllegalArgumentException("field 'params." + field + "' = " + v + "; expected an int");
    }
    return (int) v;
  }

  static boolean bool(JsonNode params, String field) {
    JsonNode n = required(params, field);
    if (!n.isBoolean()) {
      throw new IllegalArgumentException("params." + field + " = " + n + "; expected true or false");
    }
    return n.booleanValue();
  }

  static <E extends Enum<E>> E enumValue(JsonNode params, String field, Class<E> type) {
    String s = required(params, field).asText();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw new IllegalArgumentException("params." + field + " = '" + s + "'; expected one of "
        + List.of(type.getEnumConstants()));
  }

  /** Checks that a reader was given the outputs the parameters imply. */
  static void checkOutputs(String type, List<TableSchema.Field> given,
      List<TableSchema.Field> expected) {
    if (!given.equals(expected)) {
      throw new IllegalArgumentException(type + " outputs = " + given + "; expected " + expected
          + " (implied by the parameters)");
    }
  }

  /** Checks the number of inputs a reader was given. */
  static void checkInputs(String type, List<String> inputs, int expected) {
    if (inputs == null || inputs.size() != expected) {
      throw new IllegalArgumentException(type + " inputs = " + inputs + "; expected " + expected
          + " column name(s)");
    }
  }

  /** Requires a column of a type, naming the step. */
  static void requireColumn(Table table, String name, ColumnType type, String step) {
    try {
      table.schema().require(name, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(step + ": " + e.getMessage(), e);
    }
  }

  /** Checks a column name given to a step config. */
  static String name(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " = " + (value == null ? "null" : "'" + value + "'")
          + "; expected a non-blank column name");
    }
    return value;
  }
}
