package dev.reco.core.tracking;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tracker contract against the file-system tracker, plus what only a directory can
 * break: persistence, torn and damaged files, hand edits, leftovers of interrupted writes.
 */
class FileSystemExperimentTrackerTest extends ExperimentTrackerContractTest {
  @TempDir
  Path dir;

  private Path root() {
    return dir.resolve("tracker");
  }

  @Override
  protected ExperimentTracker create(TestClock clock) {
    return ExperimentTracker.open(root(), clock);
  }

  private Path runDir(Run run) {
    return root().resolve("runs").resolve(run.id());
  }

  @Test
  void theDocumentedLayoutIsWrittenAndReadBackByANewInstance() throws IOException {
    Run run = tracker.startRun("e", Map.of("factors", "8"), Map.of("team", "search"));
    tracker.logMetric(run.id(), "loss", 0, 0.25);
    tracker.logArtifact(run.id(), "model.reco", "abc".getBytes(UTF_8));
    Run ended = tracker.endRun(run.id(), RunStatus.FINISHED);
    assertTrue(Files.isRegularFile(root().resolve("tracker.json")));
    assertTrue(Files.isRegularFile(runDir(run).resolve("run.json")));
    assertTrue(Files.isRegularFile(runDir(run).resolve("artifacts").resolve("model.reco")));
    // one JSON object per line, non-finite values aside, in the documented field order
    assertEquals("{\"formatVersion\":1,\"name\":\"loss\",\"step\":0,\"value\":0.25,"
        + "\"timestamp\":\"2024-05-01T12:00:01Z\"}\n",
        Files.readString(runDir(run).resolve("metrics.jsonl")));
    String runJson = Files.readString(runDir(run).resolve("run.json"));
    assertTrue(runJson.contains("\"status\" : \"FINISHED\""), runJson);
    assertTrue(runJson.contains("\"sha256\" : \"" + SHA_ABC + "\""), runJson);

    ExperimentTracker reopened = ExperimentTracker.open(root(), new TestClock());
    assertEquals(Optional.of(ended), reopened.run(run.id()));
    assertEquals(List.of("e"), reopened.experiments());
    assertArrayEquals("abc".getBytes(UTF_8), reopened.artifact(run.id(), "model.reco"));
  }

  @Test
  void aTornMetricLineIsIgnoredAndReplacedByTheNextWrite() throws IOException {
    Run run = tracker.startRun("e");
    tracker.logMetric(run.id(), "loss", 0, 1.0);
    Path log = runDir(run).resolve("metrics.jsonl");
    long committed = Files.size(log);
    // what a crash in the middle of a write leaves: part of a line, no '\n'
    Files.write(log, "{\"formatVersion\":1,\"name\":\"lo".getBytes(UTF_8),
        StandardOpenOption.APPEND);
    assertEquals(1, tracker.metricHistory(run.id(), "loss").size());
    tracker.logMetric(run.id(), "loss", 1, 0.5);
    assertEquals(List.of(0L, 1L), tracker.metricHistory(run.id(), "loss").stream()
        .map(MetricPoint::step).toList());
    List<String> lines = Files.readAllLines(log);
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).startsWith("{\"formatVersion\":1,\"name\":\"loss\",\"step\":1"),
        lines.get(1));
    assertTrue(Files.size(log) > committed);
  }

  @Test
  void aDamagedMetricLineFailsNamingTheFileAndLine() throws IOException {
    Run run = tracker.startRun("e");
    tracker.logMetric(run.id(), "loss", 0, 1.0);
    Path log = runDir(run).resolve("metrics.jsonl");
    Files.write(log, "{\"formatVersion\":1,\"name\":\"loss\",\"step\":\"two\",\"value\":1,\"timestamp\":\"2024-05-01T12:00:00Z\"}\n"
        .getBytes(UTF_8), StandardOpenOption.APPEND);
    FormatException e = assertThrows(FormatException.class,
        () -> tracker.metricHistory(run.id(), "loss"));
    assertTrue(e.getMessage().contains(log + " line 2") && e.getMessage().contains("'step'"),
        e.getMessage());
    Files.write(log, "{\"formatVersion\":2,\"name\":\"loss\"}\n".getBytes(UTF_8));
    FormatException newer = assertThrows(FormatException.class,
        () -> tracker.run(run.id()));
    assertTrue(newer.getMessage().contains("formatVersion = 2") && newer.getMessage()
        .contains("newer"), newer.getMessage());
  }

  @Test
  void aCorruptedOrMissingArtifactIsNeverReturned() throws IOException {
    Run run = tracker.startRun("e");
    tracker.logArtifact(run.id(), "a.bin", "abc".getBytes(UTF_8));
    tracker.logArtifact(run.id(), "b.bin", "abc".getBytes(UTF_8));
    Path a = runDir(run).resolve("artifacts").resolve("a.bin");
    Files.write(a, "abd".getBytes(UTF_8)); // same size, other bytes
    FormatException e = assertThrows(FormatException.class,
        () -> tracker.artifact(run.id(), "a.bin"));
    assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains(SHA_ABC),
        e.getMessage());
    Files.delete(runDir(run).resolve("artifacts").resolve("b.bin"));
    FormatException missing = assertThrows(FormatException.class,
        () -> tracker.artifact(run.id(), "b.bin"));
    assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());
  }

  @Test
  void aHandEditedRunFileIsRefusedNamingTheField() throws IOException {
    Run run = tracker.startRun("e");
    Path file = runDir(run).resolve("run.json");
    String json = Files.readString(file);
    Files.writeString(file, json.replace("\"status\"", "\"owner\" : \"bob\",\n  \"status\""));
    FormatException unknown = assertThrows(FormatException.class, () -> tracker.run(run.id()));
    assertTrue(unknown.getMessage().contains("unknown field 'owner'"), unknown.getMessage());
    Files.writeString(file, json.replace("\"RUNNING\"", "\"PAUSED\""));
    FormatException status = assertThrows(FormatException.class, () -> tracker.run(run.id()));
    assertTrue(status.getMessage().contains("'PAUSED'"), status.getMessage());
    Files.writeString(file, json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
    FormatException newer = assertThrows(FormatException.class, () -> tracker.run(run.id()));
    assertTrue(newer.getMessage().contains("formatVersion = 9"), newer.getMessage());
    Files.writeString(file, json.replace("\"experiment\" : \"e\"", "\"experiment\" : \"../x\""));
    FormatException name = assertThrows(FormatException.class, () -> tracker.run(run.id()));
    assertTrue(name.getMessage().contains("'../x'"), name.getMessage());
  }

  @Test
  void leftoversOfInterruptedWritesAreInvisibleAndCleanedByTheNextWriter() throws IOException {
    Run run = tracker.startRun("e");
    // a run staged but never renamed into place
    Path staged = root().resolve("runs").resolve(".tmp-1234");
    Files.createDirectories(staged.resolve("artifacts"));
    Files.writeString(staged.resolve("run.json"), "{}");
    // an artifact written but never recorded in run.json, and an unfinished atomic write
    Path artifacts = runDir(run).resolve("artifacts");
    Files.write(artifacts.resolve("late.bin"), new byte[] {9, 9});
    Files.write(artifacts.resolve(".late.bin.99.tmp"), new byte[] {9});
    assertEquals(List.of(run.id()), tracker.runs("e").stream().map(Run::id).toList());
    assertEquals(List.of(), tracker.run(run.id()).orElseThrow().artifacts());
    assertThrows(RunNotFoundException.class, () -> tracker.artifact(run.id(), "late.bin"));

    RunArtifact late = tracker.logArtifact(run.id(), "late.bin", new byte[] {1});
    assertArrayEquals(new byte[] {1}, tracker.artifact(run.id(), "late.bin"));
    assertEquals(1, late.size());
    assertFalse(Files.exists(artifacts.resolve(".late.bin.99.tmp")));
    tracker.startRun("e");
    assertFalse(Files.exists(staged), "the next run start removes the staged leftover");
  }

  @Test
  void openRefusesWhatIsNotATracker() throws IOException {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    IllegalArgumentException notDir = assertThrows(IllegalArgumentException.class,
        () -> ExperimentTracker.open(file, new TestClock()));
    assertTrue(notDir.getMessage().contains(file.toString()), notDir.getMessage());
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "x");
    IllegalArgumentException notEmpty = assertThrows(IllegalArgumentException.class,
        () -> ExperimentTracker.open(other, new TestClock()));
    assertTrue(notEmpty.getMessage().contains("'notes.txt'"), notEmpty.getMessage());
    Path registryLike = Files.createDirectories(dir.resolve("registry"));
    Files.writeString(registryLike.resolve("tracker.json"),
        "{\"formatVersion\":1,\"type\":\"reco-model-registry\"}");
    FormatException wrongType = assertThrows(FormatException.class,
        () -> ExperimentTracker.open(registryLike, new TestClock()));
    assertTrue(wrongType.getMessage().contains("'reco-model-registry'"), wrongType.getMessage());
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> ExperimentTracker.open(root(), new TestClock(), java.time.Duration.ZERO));
    assertTrue(timeout.getMessage().contains("lockTimeout = PT0S"), timeout.getMessage());
  }

  /** Any points logged, with any values, read back bit for bit in the order logged. */
  @Property(tries = 25, seed = "42")
  void metricPointsRoundTripThroughTheLog(@ForAll("points") List<Tuple.Tuple3<String, Long, Double>> points)
      throws IOException {
    Path fresh = Files.createTempDirectory("tracker-prop");
    try {
      ExperimentTracker t = ExperimentTracker.open(fresh, new TestClock());
      Run run = t.startRun("p");
      for (Tuple.Tuple3<String, Long, Double> p : points) {
        t.logMetric(run.id(), p.get1(), p.get2(), p.get3());
      }
      for (String name : List.of("a", "b")) {
        List<MetricPoint> h = t.metricHistory(run.id(), name);
        List<Tuple.Tuple3<String, Long, Double>> expected = points.stream()
            .filter(p -> p.get1().equals(name)).toList();
        assertEquals(expected.size(), h.size());
        for (int i = 0; i < h.size(); i++) {
          assertEquals((long) expected.get(i).get2(), h.get(i).step());
          assertEquals(Double.doubleToLongBits(expected.get(i).get3()),
              Double.doubleToLongBits(h.get(i).value()));
        }
      }
    } finally {
      try (var s = Files.walk(fresh)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<String, Long, Double>>> points() {
    Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MAX_VALUE, -0.0, 1e-300));
    return net.jqwik.api.Combinators.combine(Arbitraries.of("a", "b"),
        Arbitraries.longs().between(0, Long.MAX_VALUE), values).as(Tuple::of)
        .list().ofMaxSize(12);
  }
}
