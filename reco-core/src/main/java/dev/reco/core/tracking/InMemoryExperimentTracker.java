package dev.reco.core.tracking;

import dev.reco.core.format.FormatException;
import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@link ExperimentTracker} held in memory: every method synchronizes on the tracker.
 * Artifacts are kept as copies with their SHA-256 and verified on every read like on disk.
 */
final class InMemoryExperimentTracker implements ExperimentTracker {
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> runs = new HashMap<>();

  /** The mutable state of one run. */
  private static final class Entry {
    final String id;
    final String experiment;
    final Instant startTime;
    RunStatus status = RunStatus.RUNNING;
    Instant endTime;
    final TreeMap<String, String> params;
    final TreeMap<String, String> tags;
    final List<MetricPoint> metrics = new ArrayList<>();
    final TreeMap<String, RunArtifact> artifacts = new TreeMap<>();
    final Map<String, byte[]> contents = new HashMap<>();

    Entry(String id, String experiment, Instant startTime, Map<String, String> params,
        Map<String, String> tags) {
      this.id = id;
      this.experiment = experiment;
      this.startTime = startTime;
      this.params = new TreeMap<>(params);
      this.tags = new TreeMap<>(tags);
    }

    Run snapshot() {
      return new Run(id, experiment, status, startTime, endTime, params, tags,
          RunRules.latest(metrics), new ArrayList<>(artifacts.values()));
    }
  }

  InMemoryExperimentTracker(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private Entry require(String runId) {
    Names.runId(runId);
    Entry e = runs.get(runId);
    if (e == null) {
      throw RunRules.noRun(runId);
    }
    return e;
  }

  @Override
  public synchronized Run startRun(String experiment, Map<String, String> params,
      Map<String, String> tags) {
    Names.experiment(experiment);
    Map<String, String> p = Names.textMap("param", params);
    Map<String, String> t = Names.textMap("tag", tags);
    String id;
    do {
      id = RunRules.newRunId(random);
    } while (runs.containsKey(id));
    Entry e = new Entry(id, experiment, clock.instant(), p, t);
    runs.put(id, e);
    return e.snapshot();
  }

  @Override
  public synchronized void logParam(String runId, String key, String value) {
    Names.key("param key", key);
    Names.text("param '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    Entry e = require(runId);
    RunRules.checkRunning(runId, e.status, "log param '" + key + "'");
    if (RunRules.paramIsNew(runId, e.params, key, value)) {
      e.params.put(key, value);
    }
  }

  @Override
  public synchronized MetricPoint logMetric(String runId, String name, long step, double value) {
    Names.key("metric name", name);
    RunRules.step(step);
    return logMetrics(runId, step, Map.of(name, value)).get(0);
  }

  @Override
  public synchronized List<MetricPoint> logMetrics(String runId, long step,
      Map<String, Double> values) {
    RunRules.step(step);
    TreeMap<String, Double> checked = RunRules.metricValues(values);
    Entry e = require(runId);
    RunRules.checkRunning(runId, e.status, "log metrics");
    Instant now = clock.instant();
    List<MetricPoint> out = new ArrayList<>(checked.size());
    checked.forEach((k, v) -> out.add(new MetricPoint(k, step, v, now)));
    e.metrics.addAll(out);
    return List.copyOf(out);
  }

  @Override
  public synchronized void setTag(String runId, String key, String value) {
    Names.key("tag key", key);
    Names.text("tag '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    require(runId).tags.put(key, value);
  }

  @Override
  public synchronized RunArtifact logArtifact(String runId, String name, byte[] bytes) {
    Names.artifactName(name);
    Objects.requireNonNull(bytes, "bytes");
    Entry e = require(runId);
    RunRules.checkRunning(runId, e.status, "log artifact '" + name + "'");
    RunRules.checkNewArtifact(runId, e.artifacts.values(), name);
    byte[] copy = bytes.clone();
    RunArtifact a = new RunArtifact(name, copy.length, Sha256.of(copy), clock.instant());
    e.artifacts.put(name, a);
    e.contents.put(name, copy);
    return a;
  }

  @Override
  public synchronized byte[] artifact(String runId, String name) {
    Names.artifactName(name);
    Entry e = require(runId);
    RunArtifact a = e.artifacts.get(name);
    if (a == null) {
      throw RunRules.noArtifact(runId, name);
    }
    byte[] bytes = e.contents.get(name);
    String sha = Sha256.of(bytes);
    if (bytes.length != a.size() || !sha.equals(a.sha256())) {
      throw new FormatException("artifact '" + name + "' of run '" + runId + "' has "
          + bytes.length + " bytes with SHA-256 " + sha + "; expected " + a.size()
          + " bytes with SHA-256 " + a.sha256() + " as recorded when it was logged");
    }
    return bytes.clone();
  }

  @Override
  public synchronized Run endRun(String runId, RunStatus status) {
    RunRules.checkTerminal(status);
    Entry e = require(runId);
    RunRules.checkRunning(runId, e.status, "end it with " + status);
    Instant end = clock.instant();
    e.status = status;
    e.endTime = end.isBefore(e.startTime) ? e.startTime : end; // a clock stepped back
    return e.snapshot();
  }

  @Override
  public synchronized Optional<Run> run(String runId) {
    Names.runId(runId);
    Entry e = runs.get(runId);
    return e == null ? Optional.empty() : Optional.of(e.snapshot());
  }

  @Override
  public synchronized List<Run> runs(String experiment) {
    Names.experiment(experiment);
    List<Run> out = new ArrayList<>();
    for (Entry e : runs.values()) {
      if (e.experiment.equals(experiment)) {
        out.add(e.snapshot());
      }
    }
    out.sort(Comparator.comparing(Run::startTime).thenComparing(Run::id));
    return List.copyOf(out);
  }

  @Override
  public synchronized List<String> experiments() {
    TreeSet<String> names = new TreeSet<>();
    runs.values().forEach(e -> names.add(e.experiment));
    return List.copyOf(names);
  }

  @Override
  public synchronized List<MetricPoint> metricHistory(String runId, String name) {
    Names.key("metric name", name);
    List<MetricPoint> out = new ArrayList<>();
    for (MetricPoint p : require(runId).metrics) {
      if (p.name().equals(name)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }
}
