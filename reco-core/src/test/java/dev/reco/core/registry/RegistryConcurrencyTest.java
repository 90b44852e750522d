package dev.reco.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes writing one registry at once: each child JVM registers {@code N} versions of the
 * same (initially absent) model and after each moves the shared alias {@code champion} and its own
 * alias to it. Both start on the same signal, so the first registration (which creates the model)
 * and every later one contend for the inter-process lock.
 *
 * <p>{@code -Dreco.registry.concurrentN=500} (default 30) changes {@code N}.
 */
class RegistryConcurrencyTest {
  static final int N = Integer.getInteger("reco.registry.concurrentN", 30);

  @TempDir
  Path tmp;

  @Test
  void twoProcessesNeitherLoseNorDuplicateVersionsOrMoves() throws Exception {
    Path dir = tmp.resolve("registry");
    ModelRegistry.open(dir, Clock.systemUTC()); // created up front: both children open it
    List<List<Integer>> got = new ArrayList<>();
    try (ChildJvm a = ChildJvm.start(tmp.resolve("a.err"), "concurrent", dir.toString(), "1",
        Integer.toString(N));
        ChildJvm b = ChildJvm.start(tmp.resolve("b.err"), "concurrent", dir.toString(), "2",
            Integer.toString(N))) {
      a.awaitReady(60);
      b.awaitReady(60);
      a.send("go");
      b.send("go");
      for (ChildJvm c : List.of(a, b)) {
        assertEquals(0, c.waitFor(120), () -> "child failed; stderr:\n" + c.stderr());
        List<Integer> numbers = new ArrayList<>();
        for (String line : c.lines()) {
          numbers.add(Integer.parseInt(line.substring(2)));
        }
        assertEquals(N, numbers.size(), "versions a child registered");
        got.add(numbers);
      }
    }

    // exactly 2N versions numbered 1..2N, each child's numbers increasing and disjoint
    List<Integer> all = new ArrayList<>();
    for (List<Integer> numbers : got) {
      for (int i = 1; i < numbers.size(); i++) {
        assertEquals(true, numbers.get(i) > numbers.get(i - 1), "a child's numbers increase");
      }
      all.addAll(numbers);
    }
    all.sort(null);
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= 2 * N; i++) {
      expected.add(i);
    }
    assertEquals(expected, all, "unique, contiguous version numbers");

    Map<String, String> seen = new HashMap<>();
    RegistryCheck.Found found = RegistryCheck.check(dir, seen);
    assertEquals(2 * N, found.versions());
    assertEquals(4 * N, found.events(), "every alias move is in the audit log");

    ModelRegistry r = ModelRegistry.open(dir, Clock.systemUTC());
    List<ModelVersion> versions = r.versions(RegistryChild.SHARED);
    for (int id = 1; id <= 2; id++) {
      String actor = "writer-" + id;
      List<Integer> mine = got.get(id - 1);
      // the version's writer tag matches the child that was given its number
      for (int n : mine) {
        assertEquals(actor, versions.get(n - 1).metadata().tags().get("writer"));
      }
      // this child's events, in log order, move champion and w<id> through its versions in order
      List<Integer> champion = new ArrayList<>();
      List<Integer> own = new ArrayList<>();
      for (AliasEvent e : r.auditLog(RegistryChild.SHARED)) {
        if (e.actor().equals(actor)) {
          (e.alias().equals("champion") ? champion : own).add(e.to());
          assertEquals(e.alias().equals("champion") ? "champion" : "w" + id, e.alias());
        }
      }
      assertEquals(mine, champion, actor + ": champion moves");
      assertEquals(mine, own, actor + ": own alias moves");
      assertEquals(mine.get(N - 1), r.aliases(RegistryChild.SHARED).get("w" + id));
    }
    List<AliasEvent> log = r.auditLog(RegistryChild.SHARED);
    AliasEvent lastChampion = null;
    for (AliasEvent e : log) {
      if (e.alias().equals("champion")) {
        lastChampion = e;
      }
    }
    assertEquals(lastChampion.to(), r.aliases(RegistryChild.SHARED).get("champion"));
    System.out.printf("registry concurrency test: 2 processes x %d registrations -> %d versions"
        + " numbered 1..%d, %d audit events%n", N, found.versions(), 2 * N, found.events());
  }
}
