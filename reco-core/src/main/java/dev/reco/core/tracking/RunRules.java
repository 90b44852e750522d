package dev.reco.core.tracking;

import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The rules both trackers share: run ids, when a run accepts changes, latest metric values. */
final class RunRules {
  private RunRules() {}

  /** A new run id: 128 random bits as 32 lower-case hex digits. */
  static String newRunId(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return Sha256.hex(b);
  }

  /** Checks a metric step: steps start at 0. */
  static long step(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + "; expected step >= 0");
    }
    return step;
  }

  static RunNotFoundException noRun(String runId) {
    return new RunNotFoundException("run '" + runId + "' does not exist; expected a run started"
        + " in this tracker");
  }

  static RunNotFoundException noArtifact(String runId, String name) {
    return new RunNotFoundException("artifact '" + name + "' of run '" + runId
        + "' does not exist; expected an artifact logged to the run");
  }

  /** Refuses a change that only a running run accepts. */
  static void checkRunning(String runId, RunStatus status, String what) {
    if (status != RunStatus.RUNNING) {
      throw new IllegalStateException("cannot " + what + ": run '" + runId + "' has ended with "
          + status + "; expected a RUNNING run");
    }
  }

  static void checkTerminal(RunStatus status) {
    Objects.requireNonNull(status, "status");
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("status = " + status
          + "; expected FINISHED, FAILED or KILLED to end a run");
    }
  }

  /**
   * Checks that a parameter may be recorded.
   *
   * @return {@code true} if it must be stored, {@code false} if it already has this value
   * @throws IllegalStateException if it has another value
   */
  static boolean paramIsNew(String runId, Map<String, String> params, String key, String value) {
    String old = params.get(key);
    if (old == null) {
      return true;
    }
    if (old.equals(value)) {
      return false;
    }
    throw new IllegalStateException("param '" + key + "' of run '" + runId + "' = "
        + Names.quote(old) + "; cannot change it to " + Names.quote(value)
        + " (expected parameters to be set once; log a new run instead)");
  }

  static void checkNewArtifact(String runId, Collection<RunArtifact> existing, String name) {
    for (RunArtifact a : existing) {
      if (a.name().equals(name)) {
        throw new IllegalStateException("artifact '" + name + "' of run '" + runId
            + "' already exists (sha256 " + a.sha256() + "); expected a new artifact name");
      }
    }
  }

  /** Validates the metric values of one step into key order. */
  static TreeMap<String, Double> metricValues(Map<String, Double> values) {
    Objects.requireNonNull(values, "values");
    TreeMap<String, Double> out = new TreeMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      String name = Names.key("metric name",
          Objects.requireNonNull(e.getKey(), "metric name"));
      out.put(name, Objects.requireNonNull(e.getValue(), () -> "metric '" + name + "'"));
    }
    return out;
  }

  /** For each metric, the value at its highest step; the last logged wins at equal steps. */
  static Map<String, Double> latest(List<MetricPoint> points) {
    Map<String, MetricPoint> best = new HashMap<>();
    for (MetricPoint p : points) {
      MetricPoint b = best.get(p.name());
      if (b == null || p.step() >= b.step()) {
        best.put(p.name(), p);
      }
    }
    TreeMap<String, Double> out = new TreeMap<>();
    best.forEach((k, p) -> out.put(k, p.value()));
    return out;
  }
}
