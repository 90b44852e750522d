package dev.reco.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One JSON object of registry or tracker metadata, read strictly: the object must carry a
 * supported {@code formatVersion}, hold only the fields its format defines (an unknown field is
 * an error, so a hand edit or a newer writer is never half understood), and every field must have
 * its JSON type. Each error is a {@link FormatException} that names the source (the file, or the
 * file and position of a log line) and the field. Objects are made by a {@link Reader}, which
 * says how its store words a refusal.
 */
public final class StrictJson {
  private final JsonNode node;
  private final Path file;
  private final String source;

  private StrictJson(JsonNode node, Path file, String source) {
    this.node = node;
    this.file = file;
    this.source = source;
  }

  /** Makes the exception for a {@code formatVersion} newer than a reader supports. */
  @FunctionalInterface
  public interface NewerVersion {
    /**
     * Returns the exception to throw.
     *
     * @param message the message, naming the source, the version found and the maximum
     * @param file the file read, or null
     * @param found the version found
     * @param maxSupported the highest version the reader supports
     * @return a {@link FormatException} (or subclass) carrying {@code message}
     */
    FormatException exception(String message, Path file, long found, int maxSupported);
  }

  /**
   * How one store reads its JSON strictly: the note that explains why an unknown field is
   * refused, and the exception for a newer {@code formatVersion}. Immutable and thread-safe.
   */
  public static final class Reader {
    private final String strictNote;
    private final NewerVersion newer;

    /**
     * Creates a reader.
     *
     * @param strictNote the note after an unknown-field message, e.g. {@code "registry metadata
     *     is read strictly: a hand edit or a newer writer is refused"}
     * @param newer makes the exception for a newer {@code formatVersion}
     */
    public Reader(String strictNote, NewerVersion newer) {
      this.strictNote = Objects.requireNonNull(strictNote, "strictNote");
      this.newer = Objects.requireNonNull(newer, "newer");
    }

    /**
     * Parses bytes and checks the format version and the field names.
     *
     * @param bytes UTF-8 JSON text
     * @param file the file they came from, for messages and exceptions (may be null)
     * @param source how messages name the bytes, e.g. the file path
     * @param maxVersion highest supported {@code formatVersion}
     * @param fields every field the format defines, {@code formatVersion} included
     * @return the object, for reading its fields
     * @throws FormatException if the bytes are not a JSON object, the version is not from 1 to
     *     {@code maxVersion} (newer: the {@link NewerVersion} exception) or a field is unknown
     */
    public StrictJson parse(byte[] bytes, Path file, String source, int maxVersion,
        List<String> fields) {
      JsonNode node;
      try {
        node = StoreJson.READER.readTree(bytes);
      } catch (IOException e) {
        throw new FormatException(source + " is not valid JSON (" + StoreJson.message(e)
            + "); expected a JSON object", e);
      }
      return of(node, file, source, maxVersion, fields);
    }

    /**
     * Checks a parsed tree's format version and field names.
     *
     * @param node the tree, e.g. a line of a {@link JsonLines} log
     * @param file the file it came from, for messages and exceptions (may be null)
     * @param source how messages name the tree, e.g. the file and line
     * @param maxVersion highest supported {@code formatVersion}
     * @param fields every field the format defines, {@code formatVersion} included
     * @return the object, for reading its fields
     * @throws FormatException if the tree is not a JSON object, the version is not from 1 to
     *     {@code maxVersion} (newer: the {@link NewerVersion} exception) or a field is unknown
     */
    public StrictJson of(JsonNode node, Path file, String source, int maxVersion,
        List<String> fields) {
      checkObject(node, source);
      JsonNode v = node.get("formatVersion");
      if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
        throw new FormatException(source + ": field 'formatVersion' = " + v
            + "; expected an integer format version");
      }
      long version = v.longValue();
      if (version > maxVersion) {
        throw newer.exception(source + ": formatVersion = " + version
            + "; this reader supports 1 to " + maxVersion
            + " (the file was probably written by a newer version of reco)", file, version,
            maxVersion);
      }
      if (version < 1) {
        throw new FormatException(source + ": formatVersion = " + version
            + "; expected a version from 1 to " + maxVersion);
      }
      return nested(node, file, source, fields);
    }

    /**
     * Checks the field names of an object nested in a versioned one (which has no
     * {@code formatVersion} of its own).
     *
     * @param node the tree
     * @param file the file it came from (may be null)
     * @param source how messages name the object, e.g. {@code "run.json: artifact 'model.bin'"}
     * @param fields every field the object may hold
     * @return the object, for reading its fields
     * @throws FormatException if the tree is not a JSON object or a field is unknown
     */
    public StrictJson nested(JsonNode node, Path file, String source, List<String> fields) {
      checkObject(node, source);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!fields.contains(name)) {
          throw new FormatException(source + ": unknown field " + Names.quote(name)
              + "; expected only the fields " + String.join(", ", fields) + " (" + strictNote
              + ")");
        }
      }
      return new StrictJson(node, file, source);
    }

    private static void checkObject(JsonNode node, String source) {
      if (node == null || !node.isObject()) {
        throw new FormatException(source + " holds "
            + (node == null || node.isMissingNode() ? "nothing" : "a JSON " + node.getNodeType())
            + "; expected a JSON object");
      }
    }
  }

  /**
   * Returns how messages name this object.
   *
   * @return the source given when it was read
   */
  public String source() {
    return source;
  }

  /**
   * Returns the file this object came from.
   *
   * @return the file, or null when it did not come from a file
   */
  public Path file() {
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

  /**
   * Reads a string field.
   *
   * @param field the field's name
   * @return its value
   * @throws FormatException if the field is missing or not a string
   */
  public String text(String field) {
    JsonNode v = required(field);
    if (!v.isTextual()) {
      throw wrong(field, v, "a string");
    }
    return v.textValue();
  }

  /**
   * Reads a field that holds a string or null.
   *
   * @param field the field's name
   * @return its value, or null for a JSON null
   * @throws FormatException if the field is missing or neither a string nor null
   */
  public String textOrNull(String field) {
    JsonNode v = required(field);
    if (v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrong(field, v, "a string or null");
    }
    return v.textValue();
  }

  /**
   * Reads a field that holds an integer >= 0 that fits a {@code long}.
   *
   * @param field the field's name
   * @return its value
   * @throws FormatException if the field is missing or not such an integer
   */
  public long nonNegativeLong(String field) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw wrong(field, v, "an integer >= 0");
    }
    return v.longValue();
  }

  /**
   * Reads a field that holds a 32-bit integer >= {@code min}.
   *
   * @param field the field's name
   * @param min the smallest value allowed
   * @return its value
   * @throws FormatException if the field is missing or not such an integer
   */
  public int intAtLeast(String field, int min) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
      throw wrong(field, v, "a 32-bit integer >= " + min);
    }
    return v.intValue();
  }

  /**
   * Reads a field that holds a version number (a 32-bit integer >= 1) or null.
   *
   * @param field the field's name
   * @return its value, or null for a JSON null
   * @throws FormatException if the field is missing or neither a version number nor null
   */
  public Integer versionOrNull(String field) {
    JsonNode v = required(field);
    if (v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
      throw wrong(field, v, "a version number >= 1 or null");
    }
    return v.intValue();
  }

  /**
   * Reads a field that holds a finite number or one of the strings {@code "NaN"},
   * {@code "Infinity"}, {@code "-Infinity"} (how stores write values JSON cannot hold).
   *
   * @param field the field's name
   * @return its value
   * @throws FormatException if the field is missing or neither
   */
  public double number(String field) {
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

  /**
   * Reads a field that holds an ISO-8601 instant as a string.
   *
   * @param field the field's name
   * @return its value
   * @throws FormatException if the field is missing or not such a string
   */
  public Instant instant(String field) {
    String s = text(field);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new FormatException(source + ": field '" + field + "' = " + Names.quote(s)
          + "; expected an ISO-8601 instant such as 2024-05-01T12:00:00Z", e);
    }
  }

  /**
   * Reads a field that holds the name of a constant of {@code type}.
   *
   * @param <E> the enum type
   * @param field the field's name
   * @param type the enum class
   * @return the constant
   * @throws FormatException if the field is missing or not the exact name of a constant
   */
  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String s = text(field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw new FormatException(source + ": field '" + field + "' = " + Names.quote(s)
        + "; expected one of " + Arrays.toString(type.getEnumConstants()));
  }

  /**
   * Reads a field that holds an object of strings.
   *
   * @param field the field's name
   * @return an unmodifiable copy sorted by key
   * @throws FormatException if the field is missing or not an object of strings
   */
  public Map<String, String> stringMap(String field) {
    return map(field, "strings", "a string", JsonNode::isTextual, JsonNode::textValue);
  }

  /**
   * Reads a field that holds an object of numbers.
   *
   * @param field the field's name
   * @return an unmodifiable copy sorted by key
   * @throws FormatException if the field is missing or not an object of numbers
   */
  public Map<String, Double> numberMap(String field) {
    return map(field, "numbers", "a number", JsonNode::isNumber, JsonNode::doubleValue);
  }

  /**
   * Reads a field that holds an object of version numbers (32-bit integers >= 1).
   *
   * @param field the field's name
   * @return an unmodifiable copy sorted by key
   * @throws FormatException if the field is missing or not an object of version numbers
   */
  public Map<String, Integer> versionMap(String field) {
    return map(field, "version numbers", "a version number >= 1",
        n -> n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1, JsonNode::intValue);
  }

  private <V> Map<String, V> map(String field, String values, String expected,
      Predicate<JsonNode> valid, Function<JsonNode, V> value) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw wrong(field, v, "an object of " + values);
    }
    TreeMap<String, V> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!valid.test(e.getValue())) {
        throw wrong(field + "." + e.getKey(), e.getValue(), expected);
      }
      out.put(e.getKey(), value.apply(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns a field's raw JSON value, possibly a JSON null.
   *
   * @param field the field's name
   * @return its value
   * @throws FormatException if the field is missing
   */
  public JsonNode raw(String field) {
    return required(field);
  }

  /**
   * Reads a field that holds an object or null.
   *
   * @param field the field's name
   * @return the object, or null for a JSON null
   * @throws FormatException if the field is missing or neither an object nor null
   */
  public JsonNode objectOrNull(String field) {
    JsonNode v = required(field);
    if (v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw wrong(field, v, "an object or null");
    }
    return v;
  }

  /**
   * Reads a field that holds an object.
   *
   * @param field the field's name
   * @return the object
   * @throws FormatException if the field is missing or not an object
   */
  public JsonNode object(String field) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw wrong(field, v, "an object");
    }
    return v;
  }

  /**
   * Wraps a validation failure of the values read (e.g. an invalid name) with the source.
   *
   * @param e what validating the values threw
   * @return the exception to throw, naming the source
   */
  public FormatException invalid(IllegalArgumentException e) {
    return new FormatException(source + " has an invalid value: " + e.getMessage(), e);
  }
}
