package dev.reco.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one JSON object of registry or tracker metadata strictly: the object must carry a
 * supported {@code formatVersion}, hold only the fields its format defines (an unknown field is
 * an error, so a hand edit or a newer writer is never half understood), and every field must have
 * its JSON type. Each error names the source (the file, or the file and position of a log line)
 * and the field.
 */
final class StrictJson {
  private final JsonNode node;
  private final Path file;
  private final String source;

  private StrictJson(JsonNode node, Path file, String source) {
    this.node = node;
    this.file = file;
    this.source = source;
  }

  /**
   * Parses bytes and checks the format version and the field names.
   *
   * @param bytes UTF-8 JSON text
   * @param file the file they came from, for messages and exceptions (may be null)
   * @param source how messages name the bytes, e.g. the file path
   * @param maxVersion highest supported {@code formatVersion}
   * @param fields every field the format defines, {@code formatVersion} included
   */
  static StrictJson parse(byte[] bytes, Path file, String source, int maxVersion,
      List<String> fields) {
    JsonNode node;
    try {
      node = RegistryJson.READER.readTree(bytes);
    } catch (IOException e) {
      throw new FormatException(source + " is not valid JSON (" + RegistryJson.message(e)
          + "); expected a JSON object", e);
    }
    return of(node, file, source, maxVersion, fields);
  }

  static StrictJson of(JsonNode node, Path file, String source, int maxVersion,
      List<String> fields) {
    if (node == null || !node.isObject()) {
      throw new FormatException(source + " holds "
          + (node == null || node.isMissingNode() ? "nothing" : "a JSON " + node.getNodeType())
          + "; expected a JSON object");
    }
    JsonNode v = node.get("formatVersion");
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new FormatException(source + ": field 'formatVersion' = " + v
          + "; expected an integer format version");
    }
    long version = v.longValue();
    if (version > maxVersion) {
      throw new UnsupportedMetadataVersionException(source + ": formatVersion = " + version
          + "; this reader supports 1 to " + maxVersion
          + " (the file was probably written by a newer version of reco)", file, version,
          maxVersion);
    }
    if (version < 1) {
      throw new FormatException(source + ": formatVersion = " + version
          + "; expected a version from 1 to " + maxVersion);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!fields.contains(name)) {
        throw new FormatException(source + ": unknown field " + Names.quote(name)
            + "; expected only the fields " + String.join(", ", fields)
            + " (registry metadata is read strictly: a hand edit or a newer writer is refused)");
      }
    }
    return new StrictJson(node, file, source);
  }

  String source() {
    return source;
  }

  Path file() {
    return file;
  }

  private JsonNode required(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw new FormatException(source + ": missing field '" + field + "'; expected it");
    }
    return v;
  }

  private FormatException wrong(String field, JsonNode v, String expected) {
    String shown = v.toString();
    if (shown.length() > 100) {
      shown = shown.substring(0, 100) + "...";
    }
    return new FormatException(source + ": field '" + field + "' = " + shown + "; expected "
        + expected);
  }

  String text(String field) {
    JsonNode v = required(field);
    if (!v.isTextual()) {
      throw wrong(field, v, "a string");
    }
    return v.textValue();
  }

  String textOrNull(String field) {
    JsonNode v = required(field);
    if (v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrong(field, v, "a string or null");
    }
    return v.textValue();
  }

  long nonNegativeLong(String field) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw wrong(field, v, "an integer >= 0");
    }
    return v.longValue();
  }

  int intAtLeast(String field, int min) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
      throw wrong(field, v, "a 32-bit integer >= " + min);
    }
    return v.intValue();
  }

  Integer versionOrNull(String field) {
    JsonNode v = required(field);
    if (v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
      throw wrong(field, v, "a version number >= 1 or null");
    }
    return v.intValue();
  }

  double number(String field) {
    JsonNode v = required(field);
    if (v.isNumber()) {
      double d = v.doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    } else if (v.isTextual()) {
      switch (v.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw wrong(field, v, "a number, or one of the strings \"NaN\", \"Infinity\", \"-Infinity\"");
  }

  Instant instant(String field) {
    String s = text(field);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new FormatException(source + ": field '" + field + "' = " + Names.quote(s)
          + "; expected an ISO-8601 instant such as 2024-05-01T12:00:00Z", e);
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String s = text(field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw new FormatException(source + ": field '" + field + "' = " + Names.quote(s)
        + "; expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  Map<String, String> stringMap(String field) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw wrong(field, v, "an object of strings");
    }
    TreeMap<String, String> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw wrong(field + "." + e.getKey(), e.getValue(), "a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return Collections.unmodifiableMap(out);
  }

  Map<String, Double> numberMap(String field) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw wrong(field, v, "an object of numbers");
    }
    TreeMap<String, Double> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber()) {
        throw wrong(field + "." + e.getKey(), e.getValue(), "a number");
      }
      out.put(e.getKey(), e.getValue().doubleValue());
    }
    return Collections.unmodifiableMap(out);
  }

  Map<String, Integer> versionMap(String field) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw wrong(field, v, "an object of version numbers");
    }
    TreeMap<String, Integer> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode n = e.getValue();
      if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
        throw wrong(field + "." + e.getKey(), n, "a version number >= 1");
      }
      out.put(e.getKey(), n.intValue());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns a field's raw JSON value, possibly a JSON null. */
  JsonNode raw(String field) {
    return required(field);
  }

  JsonNode objectOrNull(String field) {
    JsonNode v = required(field);
    if (v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw wrong(field, v, "an object or null");
    }
    return v;
  }

  /** Wraps a validation failure of the values read (e.g. an invalid name) with the source. */
  FormatException invalid(IllegalArgumentException e) {
    return new FormatException(source + " has an invalid value: " + e.getMessage(), e);
  }
}
