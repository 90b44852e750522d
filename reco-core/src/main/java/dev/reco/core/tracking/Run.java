package dev.reco.core.tracking;

import dev.reco.core.store.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot of an experiment run: what it was started with, what was logged until the snapshot
 * was taken, and its status. Immutable; maps iterate in key order. The full history of a metric
 * is read with {@link ExperimentTracker#metricHistory}.
 *
 * @param id the run id, chosen by the tracker (32 lower-case hex digits); valid as
 *     {@link dev.reco.core.registry.VersionMetadata#sourceRunId()}
 * @param experiment the experiment the run belongs to
 * @param status the run's status
 * @param startTime when the run started
 * @param endTime when the run ended, or {@code null} while it is {@link RunStatus#RUNNING}
 * @param params parameters; each set once and never changed
 * @param tags tags; may change at any time, also after the run ended
 * @param latestMetrics for each metric, the value logged at its highest step (of several values
 *     at that step, the last logged)
 * @param artifacts the run's artifacts, in name order
 */
public record Run(
    String id,
    String experiment,
    RunStatus status,
    Instant startTime,
    Instant endTime,
    Map<String, String> params,
    Map<String, String> tags,
    Map<String, Double> latestMetrics,
    List<RunArtifact> artifacts) {

  /**
   * Validates and copies the fields.
   *
   * @throws NullPointerException if a field other than {@code endTime} is null
   * @throws IllegalArgumentException if a name or key is invalid, {@code endTime} is missing for
   *     an ended run or present for a running one or before {@code startTime}, or two artifacts
   *     share a name
   */
  public Run {
    Names.runId(id);
    Names.experiment(experiment);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startTime, "startTime");
    if (status.isTerminal() != (endTime != null)) {
      throw new IllegalArgumentException("endTime = " + endTime + " with status " + status
          + "; expected an end time exactly when the run has ended");
    }
    if (endTime != null && endTime.isBefore(startTime)) {
      throw new IllegalArgumentException("endTime = " + endTime + "; expected an end time not"
          + " before startTime = " + startTime);
    }
    params = Names.textMap("param", params);
    tags = Names.textMap("tag", tags);
    Objects.requireNonNull(latestMetrics, "latestMetrics");
    TreeMap<String, Double> m = new TreeMap<>();
    for (Map.Entry<String, Double> e : latestMetrics.entrySet()) {
      m.put(Names.key("metric name", e.getKey()),
          Objects.requireNonNull(e.getValue(), "metric value"));
    }
    latestMetrics = Collections.unmodifiableMap(m);
    List<RunArtifact> sorted = new ArrayList<>(Objects.requireNonNull(artifacts, "artifacts"));
    sorted.forEach(a -> Objects.requireNonNull(a, "artifact"));
    sorted.sort(Comparator.comparing(RunArtifact::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("artifact name = '" + sorted.get(i).name()
            + "' appears twice; expected unique artifact names");
      }
    }
    artifacts = List.copyOf(sorted);
  }

  /**
   * Looks up an artifact by name.
   *
   * @param name the artifact name
   * @return the artifact, or empty if the run has none of that name
   */
  public Optional<RunArtifact> artifact(String name) {
    for (RunArtifact a : artifacts) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
