package dev.reco.core.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of a file-system tracker: {@code tracker.json}, {@code run.json} and the lines of
 * {@code metrics.jsonl}. Plain Jackson trees (no data binding of library types, no default
 * typing); duplicate keys and trailing tokens are rejected. Each object carries a
 * {@code formatVersion}; this class writes version 1 and reads version 1 strictly: an unknown
 * field, a missing field, a wrong type or a newer version is a {@link FormatException} that names
 * the source and the field, so a hand edit or a newer writer is never half understood.
 */
final class TrackerJson {
  static final int LAYOUT_VERSION = 1;
  static final int RUN_FORMAT = 1;
  static final int METRIC_FORMAT = 1;
  static final String TRACKER_TYPE = "reco-experiment-tracker";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectReader READER;
  private static final ObjectWriter COMPACT;
  private static final ObjectWriter PRETTY;

  static {
    JsonMapper mapper = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    READER = mapper.reader();
    COMPACT = mapper.writer();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    PRETTY = mapper.writer(new DefaultPrettyPrinter()
        .withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  private TrackerJson() {}

  /** What {@code run.json} holds: a run without its metrics. */
  record RunFile(String id, String experiment, RunStatus status, Instant startTime,
      Instant endTime, Map<String, String> params, Map<String, String> tags,
      List<RunArtifact> artifacts) {

    Run toRun(Map<String, Double> latestMetrics) {
      return new Run(id, experiment, status, startTime, endTime, params, tags, latestMetrics,
          artifacts);
    }

    static RunFile of(Run r) {
      return new RunFile(r.id(), r.experiment(), r.status(), r.startTime(), r.endTime(),
          r.params(), r.tags(), r.artifacts());
    }
  }

  // ------------------------------------------------------------------ writing

  static byte[] markerBytes() {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", LAYOUT_VERSION);
    o.put("type", TRACKER_TYPE);
    return pretty(o);
  }

  static byte[] runBytes(RunFile r) {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", RUN_FORMAT);
    o.put("id", r.id());
    o.put("experiment", r.experiment());
    o.put("status", r.status().name());
    o.put("startTime", r.startTime().toString());
    if (r.endTime() == null) {
      o.putNull("endTime");
    } else {
      o.put("endTime", r.endTime().toString());
    }
    ObjectNode params = o.putObject("params");
    r.params().forEach(params::put);
    ObjectNode tags = o.putObject("tags");
    r.tags().forEach(tags::put);
    ObjectNode artifacts = o.putObject("artifacts");
    for (RunArtifact a : r.artifacts()) {
      ObjectNode n = artifacts.putObject(a.name());
      n.put("size", a.size());
      n.put("sha256", a.sha256());
      n.put("loggedAt", a.loggedAt().toString());
    }
    return pretty(o);
  }

  /** One line of {@code metrics.jsonl}, with its {@code '\n'}; non-finite values as strings. */
  static byte[] metricLine(MetricPoint p) {
    ObjectNode o = F.objectNode();
    o.put("formatVersion", METRIC_FORMAT);
    o.put("name", p.name());
    o.put("step", p.step());
    double v = p.value();
    if (Double.isNaN(v)) {
      o.put("value", "NaN");
    } else if (Double.isInfinite(v)) {
      o.put("value", v > 0 ? "Infinity" : "-Infinity");
    } else {
      o.put("value", v);
    }
    o.put("timestamp", p.timestamp().toString());
    try {
      return (COMPACT.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static byte[] pretty(ObjectNode o) {
    try {
      byte[] body = PRETTY.writeValueAsBytes(o);
      byte[] out = new byte[body.length + 1];
      System.arraycopy(body, 0, out, 0, body.length);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  // ------------------------------------------------------------------ reading

  static void readMarker(byte[] bytes, String source) {
    Strict j = Strict.parse(bytes, 0, bytes.length, source, LAYOUT_VERSION,
        List.of("formatVersion", "type"));
    String type = j.text("type");
    if (!type.equals(TRACKER_TYPE)) {
      throw new FormatException(source + ": field 'type' = " + TrackingNames.quote(type)
          + "; expected '" + TRACKER_TYPE + "'");
    }
  }

  static RunFile readRun(byte[] bytes, String source) {
    Strict j = Strict.parse(bytes, 0, bytes.length, source, RUN_FORMAT, List.of("formatVersion",
        "id", "experiment", "status", "startTime", "endTime", "params", "tags", "artifacts"));
    String id = j.text("id");
    String experiment = j.text("experiment");
    RunStatus status = j.status("status");
    Instant start = j.instant("startTime");
    Instant end = j.node("endTime").isNull() ? null : j.instant("endTime");
    Map<String, String> params = j.stringMap("params");
    Map<String, String> tags = j.stringMap("tags");
    JsonNode arts = j.node("artifacts");
    if (!arts.isObject()) {
      throw j.wrong("artifacts", arts, "an object of artifacts");
    }
    List<RunArtifact> artifacts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = arts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Strict a = Strict.of(e.getValue(), source + ": artifact '" + e.getKey() + "'",
          List.of("size", "sha256", "loggedAt"));
      try {
        artifacts.add(new RunArtifact(e.getKey(), a.nonNegativeLong("size"), a.text("sha256"),
            a.instant("loggedAt")));
      } catch (IllegalArgumentException ex) {
        throw j.invalid(ex);
      }
    }
    try {
      RunFile r = new RunFile(id, experiment, status, start, end, params, tags, artifacts);
      r.toRun(Map.of()); // validates names, status and times together
      return r;
    } catch (IllegalArgumentException ex) {
      throw j.invalid(ex);
    }
  }

  static MetricPoint readMetric(byte[] bytes, int from, int to, String source) {
    Strict j = Strict.parse(bytes, from, to - from, source, METRIC_FORMAT,
        List.of("formatVersion", "name", "step", "value", "timestamp"));
    String name = j.text("name");
    long step = j.nonNegativeLong("step");
    double value = j.number("value");
    Instant time = j.instant("timestamp");
    try {
      return new MetricPoint(name, step, value, time);
    } catch (IllegalArgumentException ex) {
      throw j.invalid(ex);
    }
  }

  /** One JSON object read strictly; every error names the source and the field. */
  private static final class Strict {
    private final JsonNode node;
    private final String source;

    private Strict(JsonNode node, String source) {
      this.node = node;
      this.source = source;
    }

    static Strict parse(byte[] bytes, int offset, int length, String source, int maxVersion,
        List<String> fields) {
      JsonNode node;
      try {
        node = READER.readTree(bytes, offset, length);
      } catch (IOException e) {
        String m = e instanceof JsonProcessingException jp && jp.getOriginalMessage() != null
            ? jp.getOriginalMessage() : String.valueOf(e.getMessage());
        throw new FormatException(source + " is not valid JSON (" + m + "); expected a JSON"
            + " object", e);
      }
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
        throw new FormatException(source + ": formatVersion = " + version + "; this reader"
            + " supports 1 to " + maxVersion + " (the file was probably written by a newer"
            + " version of reco)");
      }
      if (version < 1) {
        throw new FormatException(source + ": formatVersion = " + version
            + "; expected a version from 1 to " + maxVersion);
      }
      return of(node, source, fields);
    }

    static Strict of(JsonNode node, String source, List<String> fields) {
      if (!node.isObject()) {
        throw new FormatException(source + " holds a JSON " + node.getNodeType()
            + "; expected a JSON object");
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!fields.contains(name)) {
          throw new FormatException(source + ": unknown field " + TrackingNames.quote(name)
              + "; expected only the fields " + String.join(", ", fields)
              + " (tracker files are read strictly: a hand edit or a newer writer is refused)");
        }
      }
      return new Strict(node, source);
    }

    JsonNode node(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw new FormatException(source + ": missing field '" + field + "'; expected it");
      }
      return v;
    }

    FormatException wrong(String field, JsonNode v, String expected) {
      String shown = v.toString();
      if (shown.length() > 100) {
        shown = shown.substring(0, 100) + "...";
      }
      return new FormatException(source + ": field '" + field + "' = " + shown + "; expected "
          + expected);
    }

    FormatException invalid(IllegalArgumentException e) {
      return new FormatException(source + " has an invalid value: " + e.getMessage(), e);
    }

    String text(String field) {
      JsonNode v = node(field);
      if (!v.isTextual()) {
        throw wrong(field, v, "a string");
      }
      return v.textValue();
    }

    long nonNegativeLong(String field) {
      JsonNode v = node(field);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
        throw wrong(field, v, "an integer >= 0");
      }
      return v.longValue();
    }

    double number(String field) {
      JsonNode v = node(field);
      if (v.isNumber() && Double.isFinite(v.doubleValue())) {
        return v.doubleValue();
      }
      if (v.isTextual()) {
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
        throw new FormatException(source + ": field '" + field + "' = " + TrackingNames.quote(s)
            + "; expected an ISO-8601 instant such as 2024-05-01T12:00:00Z", e);
      }
    }

    RunStatus status(String field) {
      String s = text(field);
      for (RunStatus st : RunStatus.values()) {
        if (st.name().equals(s)) {
          return st;
        }
      }
      throw new FormatException(source + ": field '" + field + "' = " + TrackingNames.quote(s)
          + "; expected one of " + java.util.Arrays.toString(RunStatus.values()));
    }

    Map<String, String> stringMap(String field) {
      JsonNode v = node(field);
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
  }
}
