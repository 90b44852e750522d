package dev.reco.core.tracking;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.registry.ModelRegistry;
import dev.reco.core.registry.ModelVersion;
import dev.reco.core.registry.VersionMetadata;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ExperimentTracker} meets: extend it and implement {@link #create}.
 * Each test gets a fresh, empty tracker whose clock starts at {@link TestClock#START} and
 * advances one second per reading.
 */
abstract class ExperimentTrackerContractTest {
  /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
  static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  protected ExperimentTracker tracker;

  /** Returns a new, empty tracker using {@code clock}. */
  protected abstract ExperimentTracker create(TestClock clock) throws IOException;

  @BeforeEach
  void setUpTracker() throws IOException {
    tracker = create(new TestClock());
  }

  static Instant t(int seconds) {
    return TestClock.START.plusSeconds(seconds);
  }

  @Test
  void aNewRunIsRunningWithItsParamsTagsAndStartTime() {
    Run run = tracker.startRun("als-tuning", Map.of("factors", "64", "reg", "0.1"),
        Map.of("team", "search"));
    assertTrue(run.id().matches("[0-9a-f]{32}"), run.id());
    assertEquals("als-tuning", run.experiment());
    assertEquals(RunStatus.RUNNING, run.status());
    assertEquals(t(0), run.startTime(), "the first clock reading");
    assertNull(run.endTime());
    assertEquals(Map.of("factors", "64", "reg", "0.1"), run.params());
    assertEquals(List.of("factors", "reg"), List.copyOf(run.params().keySet()), "key order");
    assertEquals(Map.of("team", "search"), run.tags());
    assertEquals(Map.of(), run.latestMetrics());
    assertEquals(List.of(), run.artifacts());
    assertEquals(Optional.of(run), tracker.run(run.id()));
    Run other = tracker.startRun("als-tuning");
    assertNotEquals(run.id(), other.id(), "ids are unique");
    assertEquals(Map.of(), other.params());
  }

  @Test
  void metricsKeepTheirHistoryAndTheLatestValueIsAtTheHighestStep() {
    Run run = tracker.startRun("e"); // clock: t0
    tracker.logMetric(run.id(), "loss", 0, 0.9);                      // t1
    tracker.logMetric(run.id(), "loss", 2, 0.5);                      // t2
    tracker.logMetric(run.id(), "loss", 1, 0.7);                      // t3: steps need not increase
    tracker.logMetric(run.id(), "ndcg", 2, 0.3);                      // t4
    tracker.logMetric(run.id(), "ndcg", 2, 0.31);                     // t5: same step, later wins
    assertEquals(List.of(new MetricPoint("loss", 0, 0.9, t(1)), new MetricPoint("loss", 2, 0.5, t(2)),
        new MetricPoint("loss", 1, 0.7, t(3))), tracker.metricHistory(run.id(), "loss"));
    assertEquals(List.of(), tracker.metricHistory(run.id(), "never-logged"));
    // loss: highest step is 2 -> 0.5 (not the last logged 0.7); ndcg: step 2 twice -> 0.31
    assertEquals(Map.of("loss", 0.5, "ndcg", 0.31), tracker.run(run.id()).orElseThrow()
        .latestMetrics());
  }

  @Test
  void nonFiniteMetricValuesAreRecordedAsTheyAre() {
    Run run = tracker.startRun("e");
    tracker.logMetric(run.id(), "loss", 0, Double.NaN);
    tracker.logMetric(run.id(), "loss", 1, Double.POSITIVE_INFINITY);
    tracker.logMetric(run.id(), "loss", 2, Double.NEGATIVE_INFINITY);
    tracker.logMetric(run.id(), "loss", 3, -0.0);
    List<MetricPoint> h = tracker.metricHistory(run.id(), "loss");
    assertTrue(Double.isNaN(h.get(0).value()));
    assertEquals(Double.POSITIVE_INFINITY, h.get(1).value());
    assertEquals(Double.NEGATIVE_INFINITY, h.get(2).value());
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(h.get(3).value()));
  }

  @Test
  void oneStepOfSeveralMetricsIsLoggedTogetherInKeyOrder() {
    Run run = tracker.startRun("e"); // t0
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("recall", 0.4);
    values.put("loss", 1.5);
    List<MetricPoint> points = tracker.logMetrics(run.id(), 7, values); // one reading: t1
    assertEquals(List.of(new MetricPoint("loss", 7, 1.5, t(1)),
        new MetricPoint("recall", 7, 0.4, t(1))), points);
    assertEquals(List.of(points.get(1)), tracker.metricHistory(run.id(), "recall"));
  }

  @Test
  void paramsAreSetOnce() {
    Run run = tracker.startRun("e", Map.of("factors", "64"), Map.of());
    tracker.logParam(run.id(), "factors", "64"); // same value: nothing happens
    tracker.logParam(run.id(), "alpha", "10");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> tracker.logParam(run.id(), "factors", "128"));
    assertTrue(e.getMessage().contains("'64'") && e.getMessage().contains("'128'"),
        e.getMessage());
    assertEquals(Map.of("factors", "64", "alpha", "10"), tracker.run(run.id()).orElseThrow()
        .params());
  }

  @Test
  void tagsChangeAtAnyTimeEvenAfterTheRunEnded() {
    Run run = tracker.startRun("e", Map.of(), Map.of("note", "first"));
    tracker.setTag(run.id(), "note", "second");
    tracker.endRun(run.id(), RunStatus.FINISHED);
    tracker.setTag(run.id(), "reviewed", "yes");
    assertEquals(Map.of("note", "second", "reviewed", "yes"),
        tracker.run(run.id()).orElseThrow().tags());
  }

  @Test
  void artifactsRoundTripWithTheirChecksumAndAreCopies() {
    Run run = tracker.startRun("e"); // t0
    byte[] content = "abc".getBytes(UTF_8);
    RunArtifact a = tracker.logArtifact(run.id(), "model.reco", content); // t1
    content[0] = 'x'; // changing the caller's array changes nothing
    assertEquals(new RunArtifact("model.reco", 3, SHA_ABC, t(1)), a);
    byte[] read = tracker.artifact(run.id(), "model.reco");
    assertArrayEquals("abc".getBytes(UTF_8), read);
    read[0] = 'y';
    assertArrayEquals("abc".getBytes(UTF_8), tracker.artifact(run.id(), "model.reco"));
    RunArtifact empty = tracker.logArtifact(run.id(), "empty", new byte[0]);
    // SHA-256 of the empty string
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        empty.sha256());
    assertEquals(List.of(empty, a), tracker.run(run.id()).orElseThrow().artifacts(),
        "name order");
    assertEquals(Optional.of(a), tracker.run(run.id()).orElseThrow().artifact("model.reco"));
  }

  @Test
  void anArtifactNameIsUsedOnceAndAMissingOneIsNamed() {
    Run run = tracker.startRun("e");
    tracker.logArtifact(run.id(), "a.bin", new byte[] {1});
    IllegalStateException dup = assertThrows(IllegalStateException.class,
        () -> tracker.logArtifact(run.id(), "a.bin", new byte[] {2}));
    assertTrue(dup.getMessage().contains("'a.bin'"), dup.getMessage());
    assertArrayEquals(new byte[] {1}, tracker.artifact(run.id(), "a.bin"));
    RunNotFoundException missing = assertThrows(RunNotFoundException.class,
        () -> tracker.artifact(run.id(), "b.bin"));
    assertTrue(missing.getMessage().contains("'b.bin'"), missing.getMessage());
  }

  @Test
  void aRunEndsOnceAndThenAcceptsOnlyTags() {
    Run run = tracker.startRun("e"); // t0
    tracker.logMetric(run.id(), "loss", 0, 1.0); // t1
    Run ended = tracker.endRun(run.id(), RunStatus.FAILED); // t2
    assertEquals(RunStatus.FAILED, ended.status());
    assertEquals(t(2), ended.endTime());
    assertEquals(Map.of("loss", 1.0), ended.latestMetrics());
    assertEquals(Optional.of(ended), tracker.run(run.id()));
    IllegalStateException again = assertThrows(IllegalStateException.class,
        () -> tracker.endRun(run.id(), RunStatus.FINISHED));
    assertTrue(again.getMessage().contains("FAILED"), again.getMessage());
    assertThrows(IllegalStateException.class, () -> tracker.logMetric(run.id(), "loss", 1, 0.5));
    assertThrows(IllegalStateException.class,
        () -> tracker.logMetrics(run.id(), 1, Map.of("loss", 0.5)));
    assertThrows(IllegalStateException.class, () -> tracker.logParam(run.id(), "k", "v"));
    assertThrows(IllegalStateException.class,
        () -> tracker.logArtifact(run.id(), "late", new byte[1]));
    assertEquals(1, tracker.metricHistory(run.id(), "loss").size(), "nothing was logged");
    Run other = tracker.startRun("e");
    IllegalArgumentException running = assertThrows(IllegalArgumentException.class,
        () -> tracker.endRun(other.id(), RunStatus.RUNNING));
    assertTrue(running.getMessage().contains("status = RUNNING"), running.getMessage());
    assertEquals(RunStatus.KILLED, tracker.endRun(other.id(), RunStatus.KILLED).status());
  }

  @Test
  void runsAreListedPerExperimentInStartOrder() {
    Run a1 = tracker.startRun("b-exp");
    Run b1 = tracker.startRun("a-exp");
    Run a2 = tracker.startRun("b-exp");
    tracker.endRun(a1.id(), RunStatus.FINISHED);
    assertEquals(List.of("a-exp", "b-exp"), tracker.experiments());
    List<Run> runs = tracker.runs("b-exp");
    assertEquals(List.of(a1.id(), a2.id()), runs.stream().map(Run::id).toList());
    assertEquals(RunStatus.FINISHED, runs.get(0).status());
    assertEquals(List.of(b1), tracker.runs("a-exp"));
    assertEquals(List.of(), tracker.runs("unknown"));
  }

  @Test
  void anUnknownRunIsEmptyForLookupsAndNamedByEveryOtherOperation() {
    String id = "0123456789abcdef0123456789abcdef";
    assertEquals(Optional.empty(), tracker.run(id));
    List<Runnable> ops = List.of(
        () -> tracker.logMetric(id, "loss", 0, 1),
        () -> tracker.logMetrics(id, 0, Map.of("loss", 1.0)),
        () -> tracker.logParam(id, "k", "v"),
        () -> tracker.setTag(id, "k", "v"),
        () -> tracker.logArtifact(id, "a", new byte[0]),
        () -> tracker.artifact(id, "a"),
        () -> tracker.endRun(id, RunStatus.FINISHED),
        () -> tracker.metricHistory(id, "loss"));
    for (Runnable op : ops) {
      RunNotFoundException e = assertThrows(RunNotFoundException.class, op::run);
      assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }
  }

  @Test
  void invalidNamesAreRefusedWithTheValueInTheMessage() {
    Run run = tracker.startRun("e");
    for (String bad : List.of("", "../etc", "a/b", "a\\b", ".hidden", "run.", "CON", "nul.txt",
        "caf\u00e9", "x".repeat(65))) {
      assertRefused(bad, () -> tracker.startRun(bad));
      assertRefused(bad, () -> tracker.runs(bad));
      assertRefused(bad, () -> tracker.run(bad));
      assertRefused(bad, () -> tracker.logArtifact(run.id(), bad, new byte[1]));
      assertRefused(bad, () -> tracker.artifact(run.id(), bad));
      assertRefused(bad, () -> tracker.logMetric(bad, "loss", 0, 1));
      if (bad.length() <= 64) {
        assertRefused(bad, () -> tracker.logMetric(run.id(), bad, 0, 1));
        assertRefused(bad, () -> tracker.logParam(run.id(), bad, "v"));
        assertRefused(bad, () -> tracker.setTag(run.id(), bad, "v"));
        assertRefused(bad, () -> tracker.startRun("e", Map.of(bad, "v"), Map.of()));
      }
    }
    IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
        () -> tracker.logMetric(run.id(), "loss", -1, 1));
    assertTrue(step.getMessage().contains("step = -1"), step.getMessage());
    IllegalArgumentException longValue = assertThrows(IllegalArgumentException.class,
        () -> tracker.setTag(run.id(), "k", "v".repeat(8193)));
    assertTrue(longValue.getMessage().contains("8193 chars"), longValue.getMessage());
    assertEquals(List.of("e"), tracker.experiments(), "nothing was created by the refusals");
    assertEquals(Map.of(), tracker.run(run.id()).orElseThrow().params());
  }

  private static void assertRefused(String bad, Runnable op) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::run,
        () -> "accepted " + bad);
    String shown = bad.replace("\u00e9", "\\u00E9");
    assertTrue(e.getMessage().contains("'" + shown.substring(0, Math.min(shown.length(), 100))),
        e.getMessage());
  }

  @Test
  void aModelVersionLeadsBackToTheRunThatProducedIt() {
    Run run = tracker.startRun("als", Map.of("factors", "8"), Map.of());
    tracker.logMetric(run.id(), "ndcg_at_10", 0, 0.41);
    tracker.endRun(run.id(), RunStatus.FINISHED);
    ModelRegistry registry = ModelRegistry.inMemory(new TestClock());
    ModelVersion v = registry.register("als", new byte[] {1, 2},
        VersionMetadata.builder().sourceRunId(run.id()).build());
    ModelVersion unrelated = registry.register("als", new byte[] {3}, VersionMetadata.empty());
    ModelVersion foreign = registry.register("als", new byte[] {4},
        VersionMetadata.builder().sourceRunId("run-from-another-tracker").build());
    Run source = tracker.sourceRun(v).orElseThrow();
    assertEquals(run.id(), source.id());
    assertEquals(Map.of("factors", "8"), source.params());
    assertEquals(Map.of("ndcg_at_10", 0.41), source.latestMetrics());
    assertEquals(List.of(v), registry.versionsFromRun(run.id()), "and the other way round");
    assertEquals(Optional.empty(), tracker.sourceRun(unrelated));
    assertEquals(Optional.empty(), tracker.sourceRun(foreign));
  }

  @Test
  void concurrentLoggersLoseNothing() throws Exception {
    Run run = tracker.startRun("e");
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String metric = "m" + t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            tracker.logMetric(run.id(), metric, i, i * 0.5);
            tracker.setTag(run.id(), metric, Integer.toString(i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Run after = tracker.run(run.id()).orElseThrow();
    for (int t = 0; t < threads; t++) {
      List<MetricPoint> h = tracker.metricHistory(run.id(), "m" + t);
      assertEquals(each, h.size());
      for (int i = 0; i < each; i++) {
        assertEquals(i, h.get(i).step(), "one thread's points stay in its order");
      }
      assertEquals((each - 1) * 0.5, after.latestMetrics().get("m" + t));
      assertEquals(Integer.toString(each - 1), after.tags().get("m" + t), "no tag update lost");
    }
  }
}
