package dev.reco.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.DataFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where an artifact came from: the trainer or producer, its full configuration as JSON, the data
 * it was fitted on, the seed, and the software and machine that made it. Every envelope carries
 * one. Immutable and thread-safe.
 *
 * <p>JSON form ({@link #toJson()}): one object with the fields {@code producer}, {@code config}
 * (the configuration embedded as a JSON value), {@code data} (an object with {@code rows},
 * {@code users}, {@code items}, {@code contentHash}, or {@code null}), {@code seed} (a number or
 * {@code null}), {@code libraryVersion}, {@code javaVersion}, {@code os}, {@code arch} and
 * {@code createdAt} (ISO-8601 UTC, e.g. {@code 2024-05-01T12:00:00Z}). Unknown fields are
 * ignored on reading, so a later version may add fields without breaking older readers; every
 * field listed here is required (nullable ones as an explicit {@code null}).
 *
 * @param producer name of the trainer or producer, e.g. {@code "AlsTrainer"}; not blank
 * @param configJson the producer's full configuration as compact JSON text (normalized by the
 *     constructor, so equal configurations give equal records)
 * @param data fingerprint of the data the artifact was made from, or {@code null} when no data
 *     applies
 * @param seed the random seed, or {@code null} when the producer uses no randomness
 * @param libraryVersion reco version that made the artifact, e.g. {@code "0.1.0"}
 * @param javaVersion {@link Runtime#version()} of the producing JVM
 * @param os operating system name and version, e.g. {@code "Linux 6.1.0"}
 * @param arch {@code os.arch} of the producing JVM, e.g. {@code "amd64"}
 * @param createdAt when the artifact was made
 */
public record Provenance(
    String producer,
    String configJson,
    DataFingerprint data,
    Long seed,
    String libraryVersion,
    String javaVersion,
    String os,
    String arch,
    Instant createdAt) {

  /** Reco version of this library, from the build; {@code "unknown"} when run unpackaged. */
  static final String LIBRARY_VERSION = loadLibraryVersion();

  /**
   * Validates the fields and normalizes {@code configJson} to compact JSON.
   *
   * @throws NullPointerException if a non-nullable field is null
   * @throws IllegalArgumentException if {@code producer} is blank or {@code configJson} is not a
   *     single valid JSON value
   */
  public Provenance {
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(configJson, "configJson");
    Objects.requireNonNull(libraryVersion, "libraryVersion");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(createdAt, "createdAt");
    if (producer.isBlank()) {
      throw new IllegalArgumentException("producer = '" + producer + "'; expected a non-blank name");
    }
    configJson = normalize(configJson);
  }

  /**
   * Captures the provenance of an artifact made now: serializes {@code config} to JSON and records
   * this library's version, the JVM version, the OS and architecture, and the clock's instant.
   *
   * @param producer name of the trainer or producer; not blank
   * @param config the full configuration, any object Jackson can serialize without type
   *     information (records, maps, lists, strings, numbers)
   * @param data fingerprint of the input data, or {@code null} when no data applies
   * @param seed the random seed, or {@code null} when no randomness is used
   * @param clock source of the creation time (a {@link java.time.Clock} works)
   * @return the provenance
   * @throws IllegalArgumentException if {@code producer} is blank or {@code config} cannot be
   *     serialized to JSON
   */
  public static Provenance capture(String producer, Object config, DataFingerprint data, Long seed,
      InstantSource clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    String json;
    try {
      json = Json.WRITER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("config of type " + config.getClass().getName()
          + " cannot be serialized to JSON (" + e.getOriginalMessage()
          + "); expected a record, map, list or other Jackson-serializable value", e);
    }
    return new Provenance(producer, json, data, seed, LIBRARY_VERSION,
        Runtime.version().toString(),
        System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "unknown"),
        System.getProperty("os.arch", "unknown"), clock.instant());
  }

  /**
   * Converts the stored configuration back to an object, e.g. the config record it came from.
   *
   * @param <T> the target type
   * @param type the target class; no type information is read from the JSON
   * @return a new object equal to the configuration, as far as the type's JSON mapping allows
   * @throws IllegalArgumentException if the JSON does not fit {@code type}
   */
  public <T> T configAs(Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      return Json.READER.forType(type).readValue(configJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("configJson " + abbreviate(configJson)
          + " does not fit " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns this provenance as compact JSON, in the form described in the class comment.
   *
   * @return the JSON text
   */
  public String toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("producer", producer);
    root.set("config", parse(configJson));
    if (data == null) {
      root.putNull("data");
    } else {
      ObjectNode d = root.putObject("data");
      d.put("rows", data.rows());
      d.put("users", data.users());
      d.put("items", data.items());
      d.put("contentHash", data.contentHash());
    }
    if (seed == null) {
      root.putNull("seed");
    } else {
      root.put("seed", seed.longValue());
    }
    root.put("libraryVersion", libraryVersion);
    root.put("javaVersion", javaVersion);
    root.put("os", os);
    root.put("arch", arch);
    root.put("createdAt", createdAt.toString());
    try {
      return Json.WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Reads provenance from its JSON form. Unknown fields are ignored; every known field must be
   * present with the right JSON type.
   *
   * @param json the JSON text
   * @return the provenance
   * @throws FormatException if the text is not valid JSON, a field is missing or has the wrong
   *     type, or a value is out of range
   */
  public static Provenance fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = Json.READER.readTree(json);
    } catch (IOException e) {
      throw new FormatException("provenance is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new FormatException("provenance JSON is "
          + (root == null || root.isMissingNode() ? "empty" : "a " + root.getNodeType())
          + "; expected a JSON object");
    }
    try {
      JsonNode config = field(root, "config");
      if (config.isNull()) {
        throw new FormatException("provenance field 'config' is null; expected a JSON value");
      }
      JsonNode d = field(root, "data");
      DataFingerprint data = d.isNull() ? null : new DataFingerprint(
          longField(d, "data.", "rows"), intField(d, "data.", "users"),
          intField(d, "data.", "items"), textField(d, "data.", "contentHash"));
      JsonNode s = field(root, "seed");
      Long seed = null;
      if (!s.isNull()) {
        if (!s.isIntegralNumber() || !s.canConvertToLong()) {
          throw new FormatException("provenance field 'seed' = " + s + "; expected a 64-bit integer or null");
        }
        seed = s.longValue();
      }
      String created = textField(root, "", "createdAt");
      Instant createdAt;
      try {
        createdAt = Instant.parse(created);
      } catch (DateTimeParseException e) {
        throw new FormatException("provenance field 'createdAt' = '" + created
            + "'; expected an ISO-8601 instant such as 2024-05-01T12:00:00Z", e);
      }
      return new Provenance(textField(root, "", "producer"), Json.WRITER.writeValueAsString(config),
          data, seed, textField(root, "", "libraryVersion"), textField(root, "", "javaVersion"),
          textField(root, "", "os"), textField(root, "", "arch"), createdAt);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new FormatException("provenance JSON has an invalid value: " + e.getMessage(), e);
    }
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new FormatException("provenance JSON has no field '" + name + "'; expected it");
    }
    return value;
  }

  private static String textField(JsonNode node, String prefix, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new FormatException("provenance field '" + prefix + name + "' = " + value
          + "; expected a string");
    }
    return value.textValue();
  }

  private static long longField(JsonNode node, String prefix, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new FormatException("provenance field '" + prefix + name + "' = " + value
          + "; expected a 64-bit integer");
    }
    return value.longValue();
  }

  private static int intField(JsonNode node, String prefix, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new FormatException("provenance field '" + prefix + name + "' = " + value
          + "; expected a 32-bit integer");
    }
    return value.intValue();
  }

  private static String normalize(String json) {
    try {
      return Json.WRITER.writeValueAsString(parse(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static JsonNode parse(String json) {
    JsonNode node;
    try {
      node = Json.READER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "configJson " + abbreviate(json) + " is not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new IllegalArgumentException("configJson " + abbreviate(json)
          + " is empty or null; expected a JSON value such as an object");
    }
    return node;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? "'" + s + "'" : "'" + s.substring(0, 200) + "...' (" + s.length() + " chars)";
  }

  private static String loadLibraryVersion() {
    Properties p = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream("reco-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("version", "").trim();
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }
}
