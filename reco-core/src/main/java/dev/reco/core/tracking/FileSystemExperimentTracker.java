package dev.reco.core.tracking;

import dev.reco.core.format.AtomicFiles;
import dev.reco.core.format.FormatException;
import dev.reco.core.store.Dirs;
import dev.reco.core.store.FileLocking;
import dev.reco.core.store.JsonLines;
import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import dev.reco.core.store.StoreDirectory;
import dev.reco.core.tracking.TrackerJson.RunFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link ExperimentTracker}: one directory, shared safely by threads and
 * processes. Layout (fields in {@code docs/tracking.md}):
 *
 * <pre>
 * tracker.json                       layout marker {formatVersion, type}
 * tracker.lock                       inter-process write lock
 * runs/&lt;id&gt;/run.json                 experiment, status, times, params, tags, artifact records
 * runs/&lt;id&gt;/metrics.jsonl            metric points, JSON lines, append-only
 * runs/&lt;id&gt;/artifacts/&lt;name&gt;        artifact bytes
 * </pre>
 *
 * <p>Writes take the write lock ({@link FileLocking}); reads take none. Every change becomes
 * visible through one atomic step: a run is staged in {@code runs/.tmp-*} with its files forced,
 * then renamed to {@code runs/<id>}; {@code run.json} and artifact files are replaced through
 * {@link AtomicFiles} (temporary file, force, atomic rename, directory force), an artifact before
 * the {@code run.json} that lists it, so an artifact is visible only once complete; metric lines
 * are appended and forced ({@link JsonLines}). Leftovers of interrupted writes are ignored by
 * readers and removed by the next writer.
 */
final class FileSystemExperimentTracker implements ExperimentTracker {
  private static final Logger LOG = LoggerFactory.getLogger(FileSystemExperimentTracker.class);

  static final String MARKER = "tracker.json";
  static final String LOCK = "tracker.lock";
  static final String RUNS = "runs";
  static final String RUN_JSON = "run.json";
  static final String METRICS = "metrics.jsonl";
  static final String ARTIFACTS = "artifacts";

  /** The tracker's directory: marker, lock and the runs directory. */
  private static final StoreDirectory.Layout LAYOUT = new StoreDirectory.Layout("tracker",
      MARKER, LOCK, RUNS, new StoreDirectory.Marker() {
        @Override
        public void check(byte[] bytes, Path file) {
          TrackerJson.readMarker(bytes, file);
        }

        @Override
        public byte[] create() {
          return TrackerJson.markerBytes();
        }

        @Override
        public FormatException missingData(String message, Path dir) {
          return new FormatException(message);
        }
      });

  private final StoreDirectory store;
  private final Path runsDir;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();

  private FileSystemExperimentTracker(StoreDirectory store, InstantSource clock) {
    this.store = store;
    this.runsDir = store.data();
    this.clock = clock;
  }

  static FileSystemExperimentTracker open(Path root, InstantSource clock, Duration lockTimeout) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(clock, "clock");
    return new FileSystemExperimentTracker(StoreDirectory.open(root, lockTimeout, LAYOUT), clock);
  }

  // ---------------------------------------------------------------- plumbing

  /** Runs a change under the write lock. */
  private <T> T write(String what, StoreDirectory.IoAction<T> action) {
    return store.write(what, action);
  }

  /** Runs a read, turning I/O failures into unchecked ones. */
  private <T> T read(String what, StoreDirectory.IoAction<T> action) {
    return store.read(what, action);
  }

  private Path runDir(String runId) {
    return runsDir.resolve(runId);
  }

  /** Reads run.json; empty if the run does not exist (under exactly this id). */
  private Optional<RunFile> readRunFile(String runId) throws IOException {
    Path dir = runDir(runId);
    Path file = dir.resolve(RUN_JSON);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(dir)) {
        return Optional.empty();
      }
      throw new FormatException(file + " is missing; expected the record of run '" + runId
          + "' (a run directory is only ever created with it)");
    }
    RunFile r = TrackerJson.readRun(bytes, file);
    if (!r.id().equals(runId)) {
      if (r.id().equalsIgnoreCase(runId)) {
        return Optional.empty(); // a case-insensitive file system matched another id
      }
      throw new FormatException(file + ": field 'id' = '" + r.id() + "'; expected '" + runId
          + "', the name of its directory");
    }
    return Optional.of(r);
  }

  private RunFile requireRun(String runId) throws IOException {
    return readRunFile(runId).orElseThrow(() -> RunRules.noRun(runId));
  }

  private List<MetricPoint> readMetrics(String runId) throws IOException {
    Path file = runDir(runId).resolve(METRICS);
    JsonLines.Read log;
    try {
      log = JsonLines.read(file, 0);
    } catch (NoSuchFileException e) {
      throw new FormatException(file + " is missing; expected the metric log of run '" + runId
          + "' (a run directory is only ever created with it)");
    }
    List<MetricPoint> points = new ArrayList<>(log.lines().size());
    for (JsonLines.Line line : log.lines()) {
      points.add(TrackerJson.readMetric(line.node(), file, line.source()));
    }
    return points;
  }

  private Run snapshot(RunFile r) throws IOException {
    return r.toRun(RunRules.latest(readMetrics(r.id())));
  }

  private void writeRunFile(RunFile r) throws IOException {
    byte[] bytes = TrackerJson.runBytes(r);
    Path dir = runDir(r.id());
    Dirs.cleanLeftovers(dir);
    AtomicFiles.write(dir.resolve(RUN_JSON), out -> out.write(bytes));
  }

  // ---------------------------------------------------------------- changes

  @Override
  public Run startRun(String experiment, Map<String, String> params, Map<String, String> tags) {
    Names.experiment(experiment);
    Map<String, String> p = Names.textMap("param", params);
    Map<String, String> t = Names.textMap("tag", tags);
    return write("starting a run of experiment '" + experiment + "'", () -> {
      Dirs.cleanLeftovers(runsDir);
      String id;
      do {
        id = RunRules.newRunId(random);
      } while (Files.exists(runDir(id)));
      Run run = new Run(id, experiment, RunStatus.RUNNING, clock.instant(), null, p, t, Map.of(),
          List.of());
      Path staged = Dirs.createStaging(runsDir, "tmp");
      try {
        Dirs.writeNewFile(staged.resolve(RUN_JSON), TrackerJson.runBytes(RunFile.of(run)));
        Dirs.writeNewFile(staged.resolve(METRICS), new byte[0]);
        Files.createDirectory(staged.resolve(ARTIFACTS));
        Dirs.forceDirectory(staged);
        Files.move(staged, runDir(id), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException | Error e) {
        try {
          Dirs.deleteRecursively(staged);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      Dirs.forceDirectory(runsDir);
      return run;
    });
  }

  @Override
  public void logParam(String runId, String key, String value) {
    Names.runId(runId);
    Names.key("param key", key);
    Names.text("param '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    write("logging param '" + key + "' of run '" + runId + "'", () -> {
      RunFile r = requireRun(runId);
      RunRules.checkRunning(runId, r.status(), "log param '" + key + "'");
      if (RunRules.paramIsNew(runId, r.params(), key, value)) {
        TreeMap<String, String> params = new TreeMap<>(r.params());
        params.put(key, value);
        writeRunFile(new RunFile(r.id(), r.experiment(), r.status(), r.startTime(), r.endTime(),
            params, r.tags(), r.artifacts()));
      }
      return null;
    });
  }

  @Override
  public MetricPoint logMetric(String runId, String name, long step, double value) {
    Names.key("metric name", name);
    RunRules.step(step);
    return logMetrics(runId, step, Map.of(name, value)).get(0);
  }

  @Override
  public List<MetricPoint> logMetrics(String runId, long step, Map<String, Double> values) {
    Names.runId(runId);
    RunRules.step(step);
    TreeMap<String, Double> checked = RunRules.metricValues(values);
    return write("logging metrics of run '" + runId + "'", () -> {
      RunFile r = requireRun(runId);
      RunRules.checkRunning(runId, r.status(), "log metrics");
      if (checked.isEmpty()) {
        return List.of();
      }
      Instant now = clock.instant();
      List<MetricPoint> points = new ArrayList<>(checked.size());
      checked.forEach((k, v) -> points.add(new MetricPoint(k, step, v, now)));
      java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
      for (MetricPoint point : points) {
        lines.writeBytes(TrackerJson.metricLine(point));
      }
      Path file = runDir(runId).resolve(METRICS);
      if (!Files.isRegularFile(file)) {
        throw new FormatException(file + " is missing; expected the metric log of run '" + runId
            + "'");
      }
      JsonLines.append(file, lines.toByteArray());
      return List.copyOf(points);
    });
  }

  @Override
  public void setTag(String runId, String key, String value) {
    Names.runId(runId);
    Names.key("tag key", key);
    Names.text("tag '" + key + "'", value, Names.MAX_VALUE_LENGTH);
    write("tagging run '" + runId + "'", () -> {
      RunFile r = requireRun(runId);
      TreeMap<String, String> tags = new TreeMap<>(r.tags());
      if (!value.equals(tags.put(key, value))) {
        writeRunFile(new RunFile(r.id(), r.experiment(), r.status(), r.startTime(), r.endTime(),
            r.params(), tags, r.artifacts()));
      }
      return null;
    });
  }

  @Override
  public RunArtifact logArtifact(String runId, String name, byte[] bytes) {
    Names.runId(runId);
    Names.artifactName(name);
    byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
    String sha = Sha256.of(copy);
    return write("logging artifact '" + name + "' of run '" + runId + "'", () -> {
      RunFile r = requireRun(runId);
      RunRules.checkRunning(runId, r.status(), "log artifact '" + name + "'");
      RunRules.checkNewArtifact(runId, r.artifacts(), name);
      Path dir = runDir(runId).resolve(ARTIFACTS);
      Dirs.cleanLeftovers(dir);
      // the file first, then the record that makes it visible: a crash in between leaves an
      // unlisted file that readers ignore and the next artifact of that name replaces
      AtomicFiles.write(dir.resolve(name), out -> out.write(copy));
      RunArtifact a = new RunArtifact(name, copy.length, sha, clock.instant());
      List<RunArtifact> artifacts = new ArrayList<>(r.artifacts());
      artifacts.add(a);
      writeRunFile(new RunFile(r.id(), r.experiment(), r.status(), r.startTime(), r.endTime(),
          r.params(), r.tags(), artifacts));
      return a;
    });
  }

  @Override
  public Run endRun(String runId, RunStatus status) {
    Names.runId(runId);
    RunRules.checkTerminal(status);
    return write("ending run '" + runId + "'", () -> {
      RunFile r = requireRun(runId);
      RunRules.checkRunning(runId, r.status(), "end it with " + status);
      Instant end = clock.instant();
      if (end.isBefore(r.startTime())) {
        end = r.startTime(); // a clock stepped back: the run cannot end before it started
      }
      RunFile ended = new RunFile(r.id(), r.experiment(), status, r.startTime(), end, r.params(),
          r.tags(), r.artifacts());
      writeRunFile(ended);
      return snapshot(ended);
    });
  }

  // ---------------------------------------------------------------- reads

  @Override
  public byte[] artifact(String runId, String name) {
    Names.runId(runId);
    Names.artifactName(name);
    return read("reading artifact '" + name + "' of run '" + runId + "'", () -> {
      RunArtifact a = requireRun(runId).artifacts().stream()
          .filter(x -> x.name().equals(name)).findFirst()
          .orElseThrow(() -> RunRules.noArtifact(runId, name));
      Path file = runDir(runId).resolve(ARTIFACTS).resolve(name);
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new FormatException(file + " is missing; expected artifact '" + name + "' of run '"
            + runId + "' as recorded in " + RUN_JSON);
      }
      String sha = Sha256.of(bytes);
      if (bytes.length != a.size() || !sha.equals(a.sha256())) {
        throw new FormatException(file + " has " + bytes.length + " bytes with SHA-256 " + sha
            + "; expected " + a.size() + " bytes with SHA-256 " + a.sha256()
            + " as recorded when artifact '" + name + "' of run '" + runId + "' was logged");
      }
      return bytes;
    });
  }

  @Override
  public Optional<Run> run(String runId) {
    Names.runId(runId);
    return read("reading run '" + runId + "'", () -> {
      Optional<RunFile> r = readRunFile(runId);
      return r.isEmpty() ? Optional.empty() : Optional.of(snapshot(r.get()));
    });
  }

  @Override
  public List<Run> runs(String experiment) {
    Names.experiment(experiment);
    return read("listing runs of experiment '" + experiment + "'", () -> {
      List<Run> out = new ArrayList<>();
      for (RunFile r : allRuns()) {
        if (r.experiment().equals(experiment)) {
          out.add(snapshot(r));
        }
      }
      out.sort(Comparator.comparing(Run::startTime).thenComparing(Run::id));
      return Collections.unmodifiableList(out);
    });
  }

  @Override
  public List<String> experiments() {
    return read("listing experiments", () -> {
      TreeSet<String> names = new TreeSet<>();
      for (RunFile r : allRuns()) {
        names.add(r.experiment());
      }
      return List.copyOf(names);
    });
  }

  private List<RunFile> allRuns() throws IOException {
    List<RunFile> out = new ArrayList<>();
    for (String name : Dirs.names(runsDir)) {
      if (name.startsWith(".")) {
        continue; // staging and deletion leftovers
      }
      try {
        Names.runId(name);
      } catch (IllegalArgumentException e) {
        LOG.warn("ignoring {} in {}: not a valid run id", Names.quote(name), runsDir);
        continue;
      }
      readRunFile(name).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public List<MetricPoint> metricHistory(String runId, String name) {
    Names.runId(runId);
    Names.key("metric name", name);
    return read("reading metric '" + name + "' of run '" + runId + "'", () -> {
      requireRun(runId);
      List<MetricPoint> out = new ArrayList<>();
      for (MetricPoint p : readMetrics(runId)) {
        if (p.name().equals(name)) {
          out.add(p);
        }
      }
      return Collections.unmodifiableList(out);
    });
  }

  /** Returns the tracker's directory. */
  Path root() {
    return store.root();
  }
}
