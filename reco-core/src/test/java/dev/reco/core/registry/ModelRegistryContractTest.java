package dev.reco.core.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DataFingerprint;
import dev.reco.core.format.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ModelRegistry} meets: extend it and implement {@link #create}. Each
 * test gets a fresh, empty registry whose clock starts at {@link TickingClock#START} and advances
 * one second per reading.
 */
abstract class ModelRegistryContractTest {
  /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
  static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  protected ModelRegistry registry;

  /** Returns a new, empty registry using {@code clock}. */
  protected abstract ModelRegistry create(TickingClock clock) throws IOException;

  @BeforeEach
  void setUpRegistry() throws IOException {
    registry = create(new TickingClock());
  }

  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  ModelVersion reg(String model, String content) {
    return registry.register(model, bytes(content), VersionMetadata.empty());
  }

  @Test
  void versionsAreNumberedFromOneWithChecksumSizeAndClockTime() {
    ModelVersion v1 = reg("als", "abc");
    ModelVersion v2 = reg("als", "abcd");
    ModelVersion other = reg("bpr", "x");
    assertEquals(1, v1.version());
    assertEquals(2, v2.version());
    assertEquals(1, other.version(), "numbers are per model");
    assertEquals("als", v1.model());
    assertEquals(SHA_ABC, v1.sha256());
    assertEquals(3, v1.size());
    assertEquals(4, v2.size());
    assertEquals(VersionStatus.ACTIVE, v1.status());
    assertTrue(v1.createdAt().isBefore(v2.createdAt()), "times come from the ticking clock");
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), v1.createdAt());
    assertEquals(List.of(v1, v2), registry.versions("als"));
    assertEquals(Optional.of(v2), registry.version("als", 2));
    assertEquals(List.of("als", "bpr"), registry.models());
  }

  @Test
  void artifactsRoundTripAndAreCopies() throws IOException {
    byte[] original = {1, 2, 3, 4, 5};
    ModelVersion v = registry.register("m", original, VersionMetadata.empty());
    original[0] = 99; // changing the caller's array after registration changes nothing
    byte[] read = registry.artifact("m", v.version());
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, read);
    read[1] = 99;
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, registry.artifact("m", v.version()));
    try (InputStream in = registry.openArtifact("m", v.version())) {
      assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, in.readAllBytes());
    }
    ModelVersion empty = registry.register("m", new byte[0], VersionMetadata.empty());
    // SHA-256 of the empty string
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.sha256());
    assertArrayEquals(new byte[0], registry.artifact("m", empty.version()));
  }

  @Test
  void aStreamedArtifactEqualsTheSameBytesRegisteredAtOnce() {
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    ModelVersion whole = registry.register("m", big, VersionMetadata.empty());
    ModelVersion streamed = registry.register("m", out -> {
      for (int off = 0; off < big.length; off += 7_777) {
        out.write(big, off, Math.min(7_777, big.length - off));
      }
      out.close(); // allowed
    }, VersionMetadata.empty());
    assertEquals(whole.sha256(), streamed.sha256());
    assertEquals(big.length, streamed.size());
    assertArrayEquals(big, registry.artifact("m", streamed.version()));
  }

  @Test
  void aFailingWriterRegistersNothingAndUsesNoNumber() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> registry.register("m", out -> {
          out.write(new byte[100_000]);
          throw new IOException("disk on fire");
        }, VersionMetadata.empty()));
    assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    assertEquals(List.of(), registry.models(), "a failed first registration creates no model");
    assertEquals(Optional.empty(), registry.model("m"));
    reg("m", "a");
    assertThrows(IllegalStateException.class, () -> registry.register("m", out -> {
      throw new IllegalStateException("bug in the writer");
    }, VersionMetadata.empty()));
    assertEquals(2, reg("m", "b").version(), "the failed attempt used no number");
    assertEquals(2, registry.versions("m").size());
  }

  @Test
  void metadataRoundTrips() {
    Provenance p = new Provenance("AlsTrainer", "{\"factors\":64,\"reg\":0.01}",
        new DataFingerprint(10, 3, 4, "ab".repeat(32)), 42L, "0.1.0", "17.0.15", "Linux 6.1",
        "amd64", Instant.parse("2024-04-30T10:00:00Z"));
    VersionMetadata meta = VersionMetadata.builder()
        .param("factors", "64").param("regularization", "0.01")
        .metric("ndcg_at_10", 0.4125).metric("recall_at_20", 1e-3)
        .tag("team", "search").tag("note", "zoë 日本 \"quoted\"")
        .provenance(p)
        .featureSchemaJson("{ \"user\": \"string\", \"features\": [\"age\", \"country\"] }")
        .sourceRunId("0123abcd")
        .build();
    ModelVersion v = registry.register("als", bytes("abc"), meta);
    assertEquals(meta, v.metadata());
    ModelVersion read = registry.version("als", 1).orElseThrow();
    assertEquals(v, read);
    assertEquals("{\"user\":\"string\",\"features\":[\"age\",\"country\"]}",
        read.metadata().featureSchemaJson());
    assertEquals(0.4125, read.metadata().metrics().get("ndcg_at_10"));
    assertEquals(p, read.metadata().provenance());
  }

  @Test
  void absentThingsAreEmptyOrNotFound() {
    assertEquals(Optional.empty(), registry.model("none"));
    assertEquals(Optional.empty(), registry.version("none", 1));
    assertEquals(Optional.empty(), registry.versionByAlias("none", "champion"));
    assertEquals(Optional.empty(), registry.versionByAlias("none", "latest"));
    NotFoundException e = assertThrows(NotFoundException.class, () -> registry.versions("none"));
    assertTrue(e.getMessage().contains("'none'"), e.getMessage());
    assertThrows(NotFoundException.class, () -> registry.aliases("none"));
    assertThrows(NotFoundException.class, () -> registry.auditLog("none"));
    assertThrows(NotFoundException.class, () -> registry.artifact("none", 1));
    assertThrows(NotFoundException.class, () -> registry.setModelTag("none", "k", "v"));
    reg("m", "a");
    assertEquals(Optional.empty(), registry.version("m", 2));
    assertEquals(Optional.empty(), registry.versionByAlias("m", "champion"));
    NotFoundException v = assertThrows(NotFoundException.class, () -> registry.artifact("m", 2));
    assertTrue(v.getMessage().contains("version 2 of model 'm'"), v.getMessage());
    assertThrows(NotFoundException.class, () -> registry.openArtifact("m", 2));
    assertThrows(NotFoundException.class, () -> registry.setAlias("m", "champion", 2, "a", ""));
    assertThrows(NotFoundException.class, () -> registry.setVersionTag("m", 2, "k", "v"));
    assertThrows(NotFoundException.class, () -> registry.archive("m", 2));
    assertThrows(NotFoundException.class, () -> registry.restore("m", 2));
    assertThrows(NotFoundException.class, () -> registry.deleteVersion("m", 2));
    NotFoundException a = assertThrows(NotFoundException.class,
        () -> registry.deleteAlias("m", "champion", "a", ""));
    assertTrue(a.getMessage().contains("alias 'champion'"), a.getMessage());
  }

  @Test
  void aliasesAreSetMovedAndDeletedWithEvents() {
    reg("m", "a");
    reg("m", "b");
    AliasEvent set = registry.setAlias("m", "champion", 1, "alice", "first").orElseThrow();
    assertEquals(new AliasEvent(1, set.time(), "m", "champion", AliasEvent.Action.SET, null, 1,
        "alice", "first"), set);
    assertEquals(1, registry.versionByAlias("m", "champion").orElseThrow().version());
    assertEquals(Optional.empty(), registry.setAlias("m", "champion", 1, "bob", "again"),
        "setting an alias to its current target records nothing");
    AliasEvent move = registry.setAlias("m", "champion", 2, "bob", "better").orElseThrow();
    assertEquals(AliasEvent.Action.MOVE, move.action());
    assertEquals(1, move.from());
    assertEquals(2, move.to());
    assertEquals(2, move.sequence());
    registry.setAlias("m", "challenger", 1, "bob", "");
    assertEquals(Map.of("champion", 2, "challenger", 1), registry.aliases("m"));
    assertEquals(Map.of("champion", 2, "challenger", 1), registry.model("m").orElseThrow().aliases());
    AliasEvent del = registry.deleteAlias("m", "challenger", "carol", "done");
    assertEquals(AliasEvent.Action.DELETE, del.action());
    assertEquals(1, del.from());
    assertNull(del.to());
    assertEquals(Map.of("champion", 2), registry.aliases("m"));
    List<AliasEvent> log = registry.auditLog("m");
    assertEquals(4, log.size());
    assertEquals(List.of(1L, 2L, 3L, 4L), log.stream().map(AliasEvent::sequence).toList());
    assertEquals(List.of(set, move), log.subList(0, 2));
    assertEquals(del, log.get(3));
    assertTrue(log.get(2).time().isBefore(log.get(3).time()));
  }

  @Test
  void latestIsTheHighestActiveVersionAndReserved() {
    reg("m", "a");
    reg("m", "b");
    reg("m", "c");
    assertEquals(3, registry.versionByAlias("m", "latest").orElseThrow().version());
    registry.archive("m", 3);
    assertEquals(2, registry.versionByAlias("m", "latest").orElseThrow().version());
    registry.deleteVersion("m", 2);
    assertEquals(1, registry.versionByAlias("m", "latest").orElseThrow().version());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.setAlias("m", "latest", 1, "a", ""));
    assertTrue(e.getMessage().contains("'latest'") && e.getMessage().contains("reserved"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registry.setAlias("m", "LATEST", 1, "a", ""));
  }

  @Test
  void rollbackWalksBackThroughTheAliasHistory() {
    reg("m", "a");
    reg("m", "b");
    reg("m", "c");
    registry.setAlias("m", "champion", 1, "ci", "");
    registry.setAlias("m", "champion", 2, "ci", "");
    registry.setAlias("m", "other", 3, "ci", ""); // other aliases do not disturb the history
    registry.setAlias("m", "champion", 3, "ci", "");
    AliasEvent r1 = registry.rollback("m", "champion", "alice", "ctr dropped");
    assertEquals(AliasEvent.Action.ROLLBACK, r1.action());
    assertEquals(3, r1.from());
    assertEquals(2, r1.to());
    assertEquals("alice", r1.actor());
    assertEquals("ctr dropped", r1.reason());
    assertEquals(2, registry.versionByAlias("m", "champion").orElseThrow().version());
    AliasEvent r2 = registry.rollback("m", "champion", "alice", "still bad");
    assertEquals(2, r2.from());
    assertEquals(1, r2.to());
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> registry.rollback("m", "champion", "alice", "again"));
    assertTrue(none.getMessage().contains("alias 'champion'")
        && none.getMessage().contains("no earlier target"), none.getMessage());
    assertEquals(1, registry.aliases("m").get("champion"), "a refused rollback changes nothing");
    assertEquals(6, registry.auditLog("m").size(), "and records nothing");
    // a move after rollbacks starts a new branch: rollback returns to where it moved from
    registry.setAlias("m", "champion", 3, "ci", "");
    assertEquals(1, registry.rollback("m", "champion", "alice", "").to());
  }

  @Test
  void rollbackWithoutHistoryIsAClearError() {
    reg("m", "a");
    IllegalStateException never = assertThrows(IllegalStateException.class,
        () -> registry.rollback("m", "champion", "alice", ""));
    assertTrue(never.getMessage().contains("no history"), never.getMessage());
    registry.setAlias("m", "champion", 1, "ci", "");
    IllegalStateException once = assertThrows(IllegalStateException.class,
        () -> registry.rollback("m", "champion", "alice", ""));
    assertTrue(once.getMessage().contains("was not set"), once.getMessage());
    assertThrows(NotFoundException.class, () -> registry.rollback("none", "champion", "a", ""));
  }

  @Test
  void rollbackRestoresADeletedAlias() {
    reg("m", "a");
    reg("m", "b");
    registry.setAlias("m", "champion", 1, "ci", "");
    registry.setAlias("m", "champion", 2, "ci", "");
    registry.deleteAlias("m", "champion", "bob", "oops");
    AliasEvent r = registry.rollback("m", "champion", "bob", "undo the deletion");
    assertNull(r.from());
    assertEquals(2, r.to());
    assertEquals(Map.of("champion", 2), registry.aliases("m"));
    assertEquals(1, registry.rollback("m", "champion", "bob", "").to());
  }

  @Test
  void rollbackToADeletedOrArchivedVersionIsRefused() {
    reg("m", "a");
    reg("m", "b");
    reg("m", "c");
    registry.setAlias("m", "champion", 1, "ci", "");
    registry.setAlias("m", "champion", 2, "ci", "");
    registry.setAlias("m", "champion", 3, "ci", "");
    registry.archive("m", 2);
    IllegalStateException archived = assertThrows(IllegalStateException.class,
        () -> registry.rollback("m", "champion", "a", ""));
    assertTrue(archived.getMessage().contains("version 2") && archived.getMessage().contains("ARCHIVED"),
        archived.getMessage());
    registry.deleteVersion("m", 2);
    IllegalStateException deleted = assertThrows(IllegalStateException.class,
        () -> registry.rollback("m", "champion", "a", ""));
    assertTrue(deleted.getMessage().contains("version 2") && deleted.getMessage().contains("deleted"),
        deleted.getMessage());
    assertEquals(3, registry.aliases("m").get("champion"));
    assertEquals(3, registry.auditLog("m").size());
  }

  @Test
  void archivingAndDeletingAreRefusedWhileAnAliasPoints() {
    reg("m", "a");
    reg("m", "b");
    registry.setAlias("m", "champion", 1, "ci", "");
    registry.setAlias("m", "shadow", 1, "ci", "");
    IllegalStateException a = assertThrows(IllegalStateException.class,
        () -> registry.archive("m", 1));
    assertTrue(a.getMessage().contains("'champion'") && a.getMessage().contains("'shadow'"),
        a.getMessage());
    IllegalStateException d = assertThrows(IllegalStateException.class,
        () -> registry.deleteVersion("m", 1));
    assertTrue(d.getMessage().contains("alias") && d.getMessage().contains("'champion'"),
        d.getMessage());
    assertEquals(VersionStatus.ACTIVE, registry.version("m", 1).orElseThrow().status());
    registry.deleteAlias("m", "shadow", "ci", "");
    registry.setAlias("m", "champion", 2, "ci", "");
    assertEquals(VersionStatus.ARCHIVED, registry.archive("m", 1).status());
    assertEquals(VersionStatus.ARCHIVED, registry.archive("m", 1).status(), "idempotent");
    assertArrayEquals(bytes("a"), registry.artifact("m", 1), "archived versions still load");
    IllegalStateException toArchived = assertThrows(IllegalStateException.class,
        () -> registry.setAlias("m", "champion", 1, "ci", ""));
    assertTrue(toArchived.getMessage().contains("ARCHIVED"), toArchived.getMessage());
    assertEquals(VersionStatus.ACTIVE, registry.restore("m", 1).status());
    registry.setAlias("m", "champion", 1, "ci", "");
    registry.deleteVersion("m", 2);
    assertEquals(Optional.empty(), registry.version("m", 2));
    assertEquals(List.of(1), registry.versions("m").stream().map(ModelVersion::version).toList());
    assertEquals(3, reg("m", "c").version(), "deleted numbers are not reused");
  }

  @Test
  void deletingTheHighestVersionDoesNotFreeItsNumber() {
    reg("m", "a");
    reg("m", "b");
    registry.deleteVersion("m", 2);
    assertEquals(3, reg("m", "c").version());
    registry.deleteVersion("m", 1);
    registry.deleteVersion("m", 3);
    assertEquals(List.of(), registry.versions("m"));
    assertEquals(List.of("m"), registry.models(), "a model without versions stays registered");
    assertEquals(Optional.empty(), registry.versionByAlias("m", "latest"));
    assertEquals(4, reg("m", "d").version());
  }

  @Test
  void tagsOnModelsAndVersions() {
    reg("m", "a");
    RegisteredModel m = registry.setModelTag("m", "owner", "search-team");
    assertEquals(Map.of("owner", "search-team"), m.tags());
    registry.setModelTag("m", "owner", "reco-team");
    registry.setModelTag("m", "tier", "1");
    assertEquals(Map.of("owner", "reco-team", "tier", "1"), registry.model("m").orElseThrow().tags());
    assertEquals(Map.of("tier", "1"), registry.removeModelTag("m", "owner").tags());
    assertEquals(Map.of("tier", "1"), registry.removeModelTag("m", "absent").tags());
    ModelVersion v = registry.register("m", bytes("b"),
        VersionMetadata.builder().tag("stage", "candidate").build());
    ModelVersion tagged = registry.setVersionTag("m", v.version(), "validated", "yes");
    assertEquals(Map.of("stage", "candidate", "validated", "yes"), tagged.metadata().tags());
    assertEquals(tagged, registry.version("m", v.version()).orElseThrow());
    assertEquals(v.sha256(), tagged.sha256());
    assertEquals(Map.of("validated", "yes"),
        registry.removeVersionTag("m", v.version(), "stage").metadata().tags());
    assertEquals(Map.of("validated", "yes"),
        registry.version("m", v.version()).orElseThrow().metadata().tags());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> registry.setVersionTag("m", 1, "bad key", "v"));
    assertTrue(bad.getMessage().contains("'bad key'"), bad.getMessage());
  }

  @Test
  void versionsFromRunFollowLineage() {
    ModelVersion a = registry.register("als", bytes("a"),
        VersionMetadata.builder().sourceRunId("run-1").build());
    registry.register("als", bytes("b"), VersionMetadata.builder().sourceRunId("run-2").build());
    ModelVersion c = registry.register("bpr", bytes("c"),
        VersionMetadata.builder().sourceRunId("run-1").build());
    reg("bpr", "d");
    assertEquals(List.of(a, c), registry.versionsFromRun("run-1"));
    assertEquals(List.of(), registry.versionsFromRun("run-9"));
  }

  @Test
  void invalidNamesAreRefusedEverywhereWithTheValueInTheMessage() {
    reg("ok", "a");
    String[] bad = {"", "../x", "..", ".", ".hidden", "a/b", "a\\b", "x".repeat(65), "mod\u0435l",
        "caf\u00e9", "a b", "tab\t", "nul\u0000", "CON", "nul.txt", "Com1", "trailing.", "-dash",
        "_under"};
    for (String name : bad) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> registry.register(name, bytes("x"), VersionMetadata.empty()), name);
      assertTrue(e.getMessage().startsWith("model name = '"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> registry.version(name, 1), name);
      assertThrows(IllegalArgumentException.class, () -> registry.model(name), name);
      assertThrows(IllegalArgumentException.class, () -> registry.artifact(name, 1), name);
      if (!name.isEmpty() && !name.startsWith("-") && !name.startsWith("_")
          && Character.isLetter(name.charAt(0))) {
        assertThrows(IllegalArgumentException.class,
            () -> registry.setAlias("ok", name, 1, "a", ""), name);
      }
    }
    IllegalArgumentException cyr = assertThrows(IllegalArgumentException.class,
        () -> registry.register("mod\u0435l", bytes("x"), VersionMetadata.empty()));
    assertTrue(cyr.getMessage().contains("mod\\u0435l") && cyr.getMessage().contains("U+0435"),
        "a look-alike letter is shown escaped: " + cyr.getMessage());
    IllegalArgumentException digit = assertThrows(IllegalArgumentException.class,
        () -> registry.setAlias("ok", "1st", 1, "a", ""));
    assertTrue(digit.getMessage().contains("alias = '1st'"), digit.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registry.version("ok", 0));
    assertThrows(IllegalArgumentException.class, () -> registry.setAlias("ok", "c", 1, " ", ""));
    assertThrows(IllegalArgumentException.class, () -> registry.setAlias("ok", "c", 1, "a",
        "r".repeat(4097)));
    assertEquals(List.of("ok"), registry.models(), "nothing was created by a refused call");
    // longest valid names work
    String longest = "m" + "x".repeat(63);
    assertEquals(1, reg(longest, "a").version());
    assertEquals(1, reg("9.a_b-C", "a").version());
  }

  @Test
  void aNewModelMayNotDifferOnlyInCase() {
    reg("als", "a");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reg("ALS", "b"));
    assertTrue(e.getMessage().contains("'ALS'") && e.getMessage().contains("'als'"),
        e.getMessage());
    assertEquals(List.of("als"), registry.models());
  }

  @Test
  void concurrentRegistrationsGetDistinctNumbers() throws Exception {
    int threads = 4;
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          List<Integer> got = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            ModelVersion v = reg("m", "t" + id + "-" + i);
            got.add(v.version());
            registry.setAlias("m", "t" + id, v.version(), "thread-" + id, "");
          }
          return got;
        }));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : futures) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      Collections.sort(all);
      List<Integer> expected = new ArrayList<>();
      for (int i = 1; i <= threads * each; i++) {
        expected.add(i);
      }
      assertEquals(expected, all);
      assertEquals(threads * each, registry.auditLog("m").size());
      for (ModelVersion v : registry.versions("m")) {
        String content = new String(registry.artifact("m", v.version()), UTF_8);
        assertTrue(content.matches("t\\d-\\d+"), content);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void snapshotsAreImmutable() {
    ModelVersion v = registry.register("m", bytes("a"),
        VersionMetadata.builder().param("k", "v").build());
    assertThrows(UnsupportedOperationException.class, () -> v.metadata().params().put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> registry.models().add("x"));
    registry.setAlias("m", "champion", 1, "a", "");
    assertThrows(UnsupportedOperationException.class, () -> registry.aliases("m").put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> registry.versions("m").clear());
    assertThrows(UnsupportedOperationException.class, () -> registry.auditLog("m").clear());
    assertFalse(registry.model("m").orElseThrow().aliases().isEmpty());
  }
}
