package dev.reco.core.tracking;

import dev.reco.core.registry.ModelVersion;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records experiment runs: the parameters a run was started with, metrics over steps, tags,
 * artifacts and how the run ended. A model registered from a run names it in
 * {@link dev.reco.core.registry.VersionMetadata#sourceRunId()}; {@link #sourceRun} follows that
 * link back (lineage), and {@link dev.reco.core.registry.ModelRegistry#versionsFromRun} goes the
 * other way. Implementations are thread-safe.
 *
 * <pre>{@code
 * ExperimentTracker tracker = ExperimentTracker.open(Path.of("/var/lib/reco/runs"), Clock.systemUTC());
 * Run run = tracker.startRun("als-tuning", Map.of("factors", "64"), Map.of());
 * tracker.logMetric(run.id(), "loss", 1, 0.52);
 * tracker.logArtifact(run.id(), "model.reco", bytes);
 * tracker.endRun(run.id(), RunStatus.FINISHED);
 * registry.register("als", bytes, VersionMetadata.builder().sourceRunId(run.id()).build());
 * }</pre>
 *
 * <p><b>Names.</b> Experiment names, artifact names and run ids are 1 to 64 ASCII characters
 * (parameter, tag and metric keys: 128) from {@code A-Z a-z 0-9 . _ -}, starting with a letter or
 * digit, not ending with {@code '.'}, not a Windows device name: the registry's rules. Values of
 * parameters and tags are at most 8192 chars. Every method rejects an invalid name with
 * {@link IllegalArgumentException} naming it, lookups included.
 *
 * <p><b>Life of a run.</b> {@link #startRun} creates a {@link RunStatus#RUNNING} run with a new
 * id. While it runs, parameters (each set once: changing one is refused, repeating it is a no-op),
 * metrics and artifacts (each name once) may be logged. {@link #endRun} ends it once, with
 * {@link RunStatus#FINISHED}, {@link RunStatus#FAILED} or {@link RunStatus#KILLED}; after that
 * only tags change. Artifacts are stored with their SHA-256 and verified on every read.
 *
 * <p><b>Errors.</b> Lookups that return {@link Optional} are empty when the run does not exist;
 * other operations throw {@link RunNotFoundException}. Logging to an ended run throws
 * {@link IllegalStateException}. Storage failures throw {@link UncheckedIOException}; damaged or
 * hand-edited storage throws a {@link dev.reco.core.format.FormatException} naming the file.
 */
public interface ExperimentTracker {
  /**
   * Creates an empty tracker held in memory, for tests and ephemeral use.
   *
   * @param clock source of start, end, metric and artifact times
   * @return a new, empty, thread-safe tracker
   */
  static ExperimentTracker inMemory(InstantSource clock) {
    return new InMemoryExperimentTracker(clock);
  }

  /**
   * Opens the tracker stored in a directory, creating it if the directory is missing or empty.
   * Changes wait up to 60 seconds for the directory's write lock.
   *
   * @param root the tracker directory; its layout is described in {@code docs/tracking.md}
   * @param clock source of start, end, metric and artifact times
   * @return the tracker; thread-safe, and safe to share the directory with other processes
   * @throws IllegalArgumentException if {@code root} is not a directory, or a non-empty directory
   *     that is not a tracker
   * @throws dev.reco.core.format.FormatException if the tracker was written by a newer layout
   * @throws UncheckedIOException if the directory cannot be read or created
   */
  static ExperimentTracker open(Path root, InstantSource clock) {
    return open(root, clock, Duration.ofSeconds(60));
  }

  /**
   * Opens the tracker stored in a directory, like {@link #open(Path, InstantSource)}, with a given
   * wait for the write lock.
   *
   * @param root the tracker directory
   * @param clock source of start, end, metric and artifact times
   * @param lockTimeout how long a change waits for the write lock before failing; positive
   * @return the tracker
   * @throws IllegalArgumentException if {@code lockTimeout} is not positive, or as in
   *     {@link #open(Path, InstantSource)}
   * @throws dev.reco.core.format.FormatException if the tracker was written by a newer layout
   * @throws UncheckedIOException if the directory cannot be read or created
   */
  static ExperimentTracker open(Path root, InstantSource clock, Duration lockTimeout) {
    return FileSystemExperimentTracker.open(root, clock, lockTimeout);
  }

  /**
   * Starts a run with no parameters and no tags.
   *
   * @param experiment the experiment the run belongs to
   * @return the new run, {@link RunStatus#RUNNING}
   * @throws IllegalArgumentException if the experiment name is invalid
   */
  default Run startRun(String experiment) {
    return startRun(experiment, Map.of(), Map.of());
  }

  /**
   * Starts a run. Atomic: on failure no trace of the run is visible.
   *
   * @param experiment the experiment the run belongs to
   * @param params parameters (copied)
   * @param tags tags (copied)
   * @return the new run, {@link RunStatus#RUNNING}, with a new id
   * @throws IllegalArgumentException if a name, key or value is invalid
   * @throws UncheckedIOException if the run cannot be stored
   */
  Run startRun(String experiment, Map<String, String> params, Map<String, String> tags);

  /**
   * Records a parameter of a running run. Parameters are set once: repeating the same value does
   * nothing, a different value is refused.
   *
   * @param runId the run
   * @param key the parameter name
   * @param value its value
   * @throws RunNotFoundException if the run does not exist
   * @throws IllegalStateException if the run has ended, or the parameter has another value
   */
  void logParam(String runId, String key, String value);

  /**
   * Records one value of a metric of a running run, timestamped by the tracker's clock.
   *
   * @param runId the run
   * @param name the metric name
   * @param step the step, {@code >= 0}; steps need not increase
   * @param value the value (NaN and infinities are recorded as they are)
   * @return the recorded point
   * @throws RunNotFoundException if the run does not exist
   * @throws IllegalStateException if the run has ended
   */
  MetricPoint logMetric(String runId, String name, long step, double value);

  /**
   * Records several metrics of one step at once (one write), in key order.
   *
   * @param runId the run
   * @param step the step, {@code >= 0}
   * @param values metric names and values
   * @return the recorded points, in key order
   * @throws RunNotFoundException if the run does not exist
   * @throws IllegalStateException if the run has ended
   */
  List<MetricPoint> logMetrics(String runId, long step, Map<String, Double> values);

  /**
   * Sets a tag, replacing an earlier value; allowed on ended runs too.
   *
   * @param runId the run
   * @param key the tag name
   * @param value its value
   * @throws RunNotFoundException if the run does not exist
   */
  void setTag(String runId, String key, String value);

  /**
   * Stores an artifact of a running run. Each name is stored once.
   *
   * @param runId the run
   * @param name the artifact name, unique within the run
   * @param bytes the content (copied)
   * @return the stored artifact's record, with its SHA-256
   * @throws RunNotFoundException if the run does not exist
   * @throws IllegalStateException if the run has ended or already has an artifact of that name
   * @throws UncheckedIOException if the artifact cannot be stored
   */
  RunArtifact logArtifact(String runId, String name, byte[] bytes);

  /**
   * Reads an artifact and verifies its size and SHA-256 against the recorded ones.
   *
   * @param runId the run
   * @param name the artifact name
   * @return a new array with the bytes
   * @throws RunNotFoundException if the run or the artifact does not exist
   * @throws dev.reco.core.format.FormatException if the stored bytes do not match the record
   */
  byte[] artifact(String runId, String name);

  /**
   * Ends a running run.
   *
   * @param runId the run
   * @param status how it ended: {@link RunStatus#FINISHED}, {@link RunStatus#FAILED} or
   *     {@link RunStatus#KILLED}
   * @return the run after the change, with its end time
   * @throws IllegalArgumentException if {@code status} is {@link RunStatus#RUNNING}
   * @throws RunNotFoundException if the run does not exist
   * @throws IllegalStateException if the run has already ended
   */
  Run endRun(String runId, RunStatus status);

  /**
   * Looks up a run.
   *
   * @param runId the run id
   * @return a snapshot of the run, or empty if it does not exist
   */
  Optional<Run> run(String runId);

  /**
   * Lists the runs of an experiment.
   *
   * @param experiment the experiment name
   * @return snapshots ordered by start time, then id; empty for an unknown experiment
   */
  List<Run> runs(String experiment);

  /**
   * Lists the experiments that have runs.
   *
   * @return experiment names in ascending order
   */
  List<String> experiments();

  /**
   * Returns every value logged for a metric of a run.
   *
   * @param runId the run
   * @param name the metric name
   * @return the points in the order they were logged; empty if the metric was never logged
   * @throws RunNotFoundException if the run does not exist
   */
  List<MetricPoint> metricHistory(String runId, String name);

  /**
   * Follows a model version's lineage to the run that produced it.
   *
   * @param version a version from a {@link dev.reco.core.registry.ModelRegistry}
   * @return the run named by its {@link dev.reco.core.registry.VersionMetadata#sourceRunId()}, or
   *     empty if it names none or the run is not in this tracker
   */
  default Optional<Run> sourceRun(ModelVersion version) {
    String id = Objects.requireNonNull(version, "version").metadata().sourceRunId();
    return id == null ? Optional.empty() : run(id);
  }
}
