package dev.reco.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.store.Dirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM changing the registry is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at seeded random moments, again and again on the same
 * directory; after every kill {@link RegistryCheck} must pass. Some rounds also append a torn
 * line to an audit log, as a power loss in the middle of an append would leave it.
 *
 * <p>{@code -Dreco.registry.crashKills=200} (default 30) and {@code -Dreco.registry.crashSeed}
 * change the run; the figures printed at the end are recorded in {@code docs/registry.md}.
 */
class RegistryCrashTest {
  static final int KILLS = Integer.getInteger("reco.registry.crashKills", 30);
  static final long SEED = Long.getLong("reco.registry.crashSeed", 8L);
  /** The kill lands this many milliseconds (uniform, seeded) after the child opened the registry. */
  static final int MAX_DELAY_MS = 300;

  @TempDir
  Path tmp;

  @Test
  void everyKillLeavesARegistryThatOpensAndVerifies() throws Exception {
    Path dir = tmp.resolve("registry");
    SplittableRandom rnd = new SplittableRandom(SEED);
    Map<String, String> seen = new HashMap<>();
    Set<Path> leftoversBefore = new HashSet<>();
    int survived = 0;
    int interrupted = 0;
    int injected = 0;
    long ops = 0;
    Map<String, Integer> inFlight = new TreeMap<>();
    for (int k = 0; k < KILLS; k++) {
      long childSeed = rnd.nextLong();
      int delay = rnd.nextInt(MAX_DELAY_MS);
      try (ChildJvm child = ChildJvm.start(tmp.resolve("child.err"), "crash", dir.toString(),
          Long.toString(childSeed))) {
        child.awaitReady(60);
        Thread.sleep(delay); // picks the moment of the kill; the outcome must not depend on it
        assertTrue(child.process().isAlive(), () -> "the child stopped on its own: stderr:\n"
            + child.stderr());
        child.kill();
        List<String> lines = child.lines();
        ops += lines.stream().filter(l -> l.equals("op")).count();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        // a kill after "> x" and before "op" landed inside change x (or just after it returned)
        inFlight.merge(last.startsWith("> ") ? last.substring(2) : "(between changes)", 1,
            Integer::sum);
      }
      if (rnd.nextInt(5) == 0 && injectTornTail(dir, rnd)) {
        injected++;
      }
      RegistryCheck.Found found;
      try {
        found = RegistryCheck.check(dir, seen);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("after kill " + (k + 1) + " (child seed " + childSeed
            + ", delay " + delay + " ms): " + e, e);
      }
      Set<Path> fresh = new HashSet<>(found.leftovers());
      fresh.removeAll(leftoversBefore);
      if (!fresh.isEmpty()) {
        interrupted++;
      }
      leftoversBefore = found.leftovers();
      survived++;
    }

    // a writer touching every model removes the leftovers around it and the torn tails
    ModelRegistry r = ModelRegistry.open(dir, Clock.systemUTC());
    for (String m : r.models()) {
      ModelVersion v = r.register(m, RegistryChild.content(m.hashCode(), 10),
          VersionMetadata.builder().param("contentSeed", Long.toString(m.hashCode()))
              .param("length", "10").build());
      r.setAlias(m, "final", v.version(), "test", "after the kills");
    }
    RegistryCheck.Found last = RegistryCheck.check(dir, seen);
    assertEquals(0, last.tornTails(), "the next alias change truncates a torn tail");
    for (Path p : last.leftovers()) {
      // only a version's own directory keeps leftovers until that version's next metadata write
      assertEquals("versions", p.getParent().getParent().getFileName().toString(),
          p + " survived a registration and an alias change of its model");
    }
    assertEquals(KILLS, survived);
    System.out.printf("registry crash test: %d kills survived (seed %d, kill 0-%d ms after open);"
        + " %d child operations completed; %d kills left an interrupted write behind;"
        + " %d torn audit-log tails injected; %d versions, %d audit events at the end;"
        + " change in flight at each kill: %s%n",
        survived, SEED, MAX_DELAY_MS, ops, interrupted, injected, last.versions(), last.events(),
        inFlight);
  }

  /** Appends the first part of an event line (no newline) to an audit log, as a torn append. */
  private static boolean injectTornTail(Path dir, SplittableRandom rnd) throws IOException {
    List<String> models = Dirs.names(dir.resolve("models")).stream()
        .filter(n -> !Dirs.isLeftover(n)).sorted().toList();
    if (models.isEmpty()) {
      return false;
    }
    Path log = dir.resolve("models").resolve(models.get(rnd.nextInt(models.size())))
        .resolve("audit.log");
    String part = "{\"formatVersion\":1,\"sequence\":999999,\"time\":\"2024-05-01T12:";
    Files.write(log, part.substring(0, 1 + rnd.nextInt(part.length() - 1))
        .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    return true;
  }
}
