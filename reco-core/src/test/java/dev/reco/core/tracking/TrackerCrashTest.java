package dev.reco.core.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that writes runs ({@link TrackerChild}) with SIGKILL after a seeded random
 * number of acknowledged operations, many times, on one directory. After each kill the tracker
 * must open, every listed run must read, every acknowledged metric, artifact and end must be
 * there, every listed artifact must verify, and nothing half-written may be visible. The kill
 * moment is chosen by counting the child's acknowledgements, not by a timer.
 */
class TrackerCrashTest {
  /** Kills per run; more with {@code -Dreco.tracker.kills=N}. */
  static final int KILLS = Integer.getInteger("reco.tracker.kills", 8);

  @TempDir
  Path dir;

  @Test
  void theTrackerSurvivesKillsAtAnyMoment() throws Exception {
    Path root = dir.resolve("tracker");
    SplittableRandom random = new SplittableRandom(20261123L);
    Map<String, Integer> ackedSteps = new HashMap<>();
    Set<String> ackedArtifacts = new HashSet<>();
    Set<String> ackedEnds = new HashSet<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int kill = 0; kill < KILLS; kill++) {
      int operations = 1 + random.nextInt(30);
      Process child = new ProcessBuilder(java, "-Xmx64m", "-cp",
          System.getProperty("java.class.path"), TrackerChild.class.getName(), root.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (int n = 0; n < operations; n++) {
          String line = in.readLine();
          assertTrue(line != null, "the child died before it was killed (kill " + kill + ")");
          String[] f = line.split(" ");
          switch (f[0]) {
            case "metric" -> ackedSteps.merge(f[1], Integer.parseInt(f[2]) + 1, Math::max);
            case "artifact" -> ackedArtifacts.add(f[1]);
            case "end" -> ackedEnds.add(f[1]);
            default -> ackedSteps.putIfAbsent(f[1], 0);
          }
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      }
      verify(root, ackedSteps, ackedArtifacts, ackedEnds);
    }
    // a writer after the last kill removes staged leftovers of interrupted run starts
    ExperimentTracker.open(root, Clock.systemUTC()).startRun("after");
    try (Stream<Path> s = Files.list(root.resolve("runs"))) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".")).toList());
    }
    assertTrue(ackedEnds.size() >= 1, "at least one run finished between kills");
    System.out.println("TrackerCrashTest: " + KILLS + " kills survived, " + ackedEnds.size()
        + " runs finished, " + ackedSteps.size() + " runs started and acknowledged");
  }

  private static void verify(Path root, Map<String, Integer> ackedSteps,
      Set<String> ackedArtifacts, Set<String> ackedEnds) {
    ExperimentTracker t = ExperimentTracker.open(root, Clock.systemUTC());
    Set<String> listed = new HashSet<>();
    for (Run run : t.runs("crash")) {
      listed.add(run.id());
      List<MetricPoint> loss = t.metricHistory(run.id(), "loss");
      for (int i = 0; i < loss.size(); i++) {
        assertEquals(i, loss.get(i).step(), "metric lines are whole and in order");
        assertEquals(i * 0.5, loss.get(i).value());
      }
      int acked = ackedSteps.getOrDefault(run.id(), 0);
      assertTrue(loss.size() >= acked, run.id() + ": " + loss.size() + " points, " + acked
          + " acknowledged");
      for (RunArtifact a : run.artifacts()) {
        assertArrayEquals(TrackerChild.content(run.id()), t.artifact(run.id(), a.name()));
      }
      if (ackedArtifacts.contains(run.id())) {
        assertTrue(run.artifact("model.bin").isPresent(), run.id());
      }
      if (ackedEnds.contains(run.id())) {
        assertEquals(RunStatus.FINISHED, run.status(), run.id());
      }
      assertFalse(run.status() != RunStatus.RUNNING && run.status() != RunStatus.FINISHED);
    }
    assertTrue(listed.containsAll(ackedSteps.keySet()), "every acknowledged run is listed");
  }
}
