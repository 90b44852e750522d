package dev.reco.core.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.core.format.FormatException;
import dev.reco.core.store.Names;
import dev.reco.core.store.StoreJson;
import dev.reco.core.store.StrictJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a file-system tracker: {@code tracker.json}, {@code run.json} and the lines of
 * {@code metrics.jsonl}, written and read with the stores' settings ({@link StoreJson}). Each
 * object carries a {@code formatVersion}; this class writes version 1 and reads version 1
 * strictly ({@link StrictJson}): an unknown field, a missing field, a wrong type or a newer
 * version is a {@link FormatException} that names the source and the field, so a hand edit or a
 * newer writer is never half understood.
 */
final class TrackerJson {
  static final int LAYOUT_VERSION = 1;
  static final int RUN_FORMAT = 1;
  static final int METRIC_FORMAT = 1;
  static final String TRACKER_TYPE = "reco-experiment-tracker";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Reads tracker files; a newer format is a plain {@link FormatException}. */
  private static final StrictJson.Reader JSON = new StrictJson.Reader(
      "tracker files are read strictly: a hand edit or a newer writer is refused",
      (message, file, found, maxSupported) -> new FormatException(message));

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
    return StoreJson.prettyBytes(o);
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
    return StoreJson.prettyBytes(o);
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
    return StoreJson.lineBytes(o);
  }

  // ------------------------------------------------------------------ reading

  static void readMarker(byte[] bytes, Path file) {
    StrictJson j = JSON.parse(bytes, file, file.toString(), LAYOUT_VERSION,
        List.of("formatVersion", "type"));
    String type = j.text("type");
    if (!type.equals(TRACKER_TYPE)) {
      throw new FormatException(file + ": field 'type' = " + Names.quote(type)
          + "; expected '" + TRACKER_TYPE + "'");
    }
  }

  static RunFile readRun(byte[] bytes, Path file) {
    String source = file.toString();
    StrictJson j = JSON.parse(bytes, file, source, RUN_FORMAT, List.of("formatVersion",
        "id", "experiment", "status", "startTime", "endTime", "params", "tags", "artifacts"));
    String id = j.text("id");
    String experiment = j.text("experiment");
    RunStatus status = j.enumValue("status", RunStatus.class);
    Instant start = j.instant("startTime");
    Instant end = j.raw("endTime").isNull() ? null : j.instant("endTime");
    Map<String, String> params = j.stringMap("params");
    Map<String, String> tags = j.stringMap("tags");
    JsonNode arts = j.object("artifacts");
    List<RunArtifact> artifacts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = arts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      StrictJson a = JSON.nested(e.getValue(), file, source + ": artifact '" + e.getKey() + "'",
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

  /** Reads one line of {@code metrics.jsonl}, as {@link dev.reco.core.store.JsonLines} found it. */
  static MetricPoint readMetric(JsonNode line, Path file, String source) {
    StrictJson j = JSON.of(line, file, source, METRIC_FORMAT,
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
}
