package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.registry.AliasEvent;
import dev.reco.core.registry.ModelRegistry;
import dev.reco.core.registry.ModelVersion;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.tracking.ExperimentTracker;
import dev.reco.core.tracking.Run;
import dev.reco.core.tracking.RunStatus;
import dev.reco.models.mf.MatrixFactorizationFormat;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryExampleTest {
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  /** One second later at every reading, so the times in the log are deterministic. */
  private static InstantSource ticking() {
    AtomicLong calls = new AtomicLong();
    return () -> START.plusSeconds(calls.getAndIncrement());
  }

  @Test
  void trainsRegistersPromotesRollsBackAndPrintsTheAuditLog(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SyntheticConfig data = SyntheticConfig.defaults().withUsers(500).withItems(200)
        .withEvents(8_000).withSeed(7);
    RegistryExample.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = RegistryExample.run(dir, data, ticking(), out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(List.of(1, 2), outcome.versions().stream().map(ModelVersion::version).toList());
    assertEquals(List.of(1, 2, 1), outcome.served(), "champion v1, promoted v2, rolled back to v1");

    // the audit log: set, move, rollback, with who and why
    List<AliasEvent> log = outcome.auditLog();
    assertEquals(3, log.size());
    assertEvent(log.get(0), 1, AliasEvent.Action.SET, null, 1, "deploy-job", "first release");
    assertEvent(log.get(1), 2, AliasEvent.Action.MOVE, 1, 2, "alice", null);
    assertTrue(log.get(1).reason().startsWith("more factors, NDCG@10 0."), log.get(1).reason());
    assertEvent(log.get(2), 3, AliasEvent.Action.ROLLBACK, 2, 1, "oncall",
        "CTR dropped after the promotion");
    assertTrue(log.get(0).time().isBefore(log.get(1).time())
        && log.get(1).time().isBefore(log.get(2).time()));
    for (String expected : new String[] {"audit log of 'als':", "#1", "SET", "deploy-job",
        "#2", "MOVE", "alice", "#3", "ROLLBACK", "oncall", "CTR dropped after the promotion",
        "live model: now serving version 2 (was 1)", "live model: now serving version 1 (was 2)",
        "champion is version 1"}) {
      assertTrue(printed.contains(expected), "output lacks '" + expected + "':\n" + printed);
    }

    // the log and the lineage are on disk: a fresh registry and tracker read them back
    ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"), ticking());
    ExperimentTracker tracker = ExperimentTracker.open(dir.resolve("runs"), ticking());
    assertEquals(log, registry.auditLog(RegistryExample.MODEL));
    assertEquals(1, registry.versionByAlias(RegistryExample.MODEL, RegistryExample.CHAMPION)
        .orElseThrow().version());
    for (int i = 0; i < 2; i++) {
      ModelVersion v = outcome.versions().get(i);
      Run run = outcome.runs().get(i);
      assertEquals(run.id(), v.metadata().sourceRunId());
      assertEquals(RunStatus.FINISHED, run.status());
      assertEquals(run, tracker.sourceRun(v).orElseThrow());
      assertEquals(List.of(v), registry.versionsFromRun(run.id()));
      assertEquals(Integer.toString(RegistryExample.CONFIGS.get(i).factors()),
          run.params().get("factors"));
      assertEquals(v.metadata().metrics().get("ndcg_at_10"), run.latestMetrics().get("ndcg_at_10"));
      assertEquals(RegistryExample.CONFIGS.get(i).iterations(),
          tracker.metricHistory(run.id(), "loss").size(), "one loss point per iteration");
      // the run's artifact is the registered one, byte for byte
      assertEquals(v.sha256(), run.artifact("model.reco").orElseThrow().sha256());
      assertArrayEquals(registry.artifact(RegistryExample.MODEL, v.version()),
          tracker.artifact(run.id(), "model.reco"));
    }
    assertEquals(outcome.runs().get(0), outcome.lineage());
  }

  @Test
  void theArtifactRoundTripsTheFactors(@TempDir Path dir) {
    SyntheticConfig data = SyntheticConfig.defaults().withUsers(300).withItems(100)
        .withEvents(3_000).withSeed(3);
    RegistryExample.Outcome outcome = RegistryExample.run(dir, data, ticking(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"), ticking());
    byte[] artifact = registry.artifact(RegistryExample.MODEL, 2);
    MatrixFactorizationModel model = MatrixFactorizationFormat.fromBytes(artifact);
    assertEquals(RegistryExample.CONFIGS.get(1).factors(), model.factors());
    assertEquals(outcome.versions().get(1).metadata().provenance(), model.provenance());
    assertArrayEquals(artifact, MatrixFactorizationFormat.toBytes(model), "write(read(a)) == a");
  }

  private static void assertEvent(AliasEvent e, long sequence, AliasEvent.Action action,
      Integer from, Integer to, String actor, String reason) {
    assertEquals(sequence, e.sequence());
    assertEquals(RegistryExample.CHAMPION, e.alias());
    assertEquals(action, e.action());
    if (from == null) {
      assertNull(e.from());
    } else {
      assertEquals(from, e.from());
    }
    assertEquals(to, e.to());
    assertEquals(actor, e.actor());
    if (reason != null) {
      assertEquals(reason, e.reason());
    }
  }
}
