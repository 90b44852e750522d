package dev.reco.core.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reco.core.store.Dirs;
import dev.reco.core.store.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A full consistency check of a file-system registry directory, as a reader that knows nothing of
 * the writer sees it: every entry on disk is a known file or the leftover of an interrupted write
 * (never visible through the API), the registry opens, every listed version loads, passes its
 * SHA-256 check and equals the bytes it was registered with, aliases point to existing active
 * versions, and the audit log parses, is numbered without gaps and replays to the aliases.
 */
final class RegistryCheck {
  /** What a check found. */
  record Found(Set<Path> leftovers, int versions, int events, int tornTails) {}

  private RegistryCheck() {}

  /**
   * Checks the registry at {@code dir}.
   *
   * @param seen version key ({@code model/number}) to SHA-256 of every version seen so far:
   *     a number seen again must hold the same artifact (numbers are never reused); new ones are
   *     added
   */
  static Found check(Path dir, Map<String, String> seen) throws IOException {
    Set<Path> leftovers = new TreeSet<>();
    List<String> onDisk = walk(dir, leftovers);
    ModelRegistry r = ModelRegistry.open(dir, Clock.systemUTC());
    List<String> models = r.models();
    List<String> expectedModels = new ArrayList<>(onDisk);
    Collections.sort(expectedModels);
    assertEquals(expectedModels, models, "models listed = model directories on disk");
    int versions = 0;
    int events = 0;
    int torn = 0;
    for (String m : models) {
      Path modelDir = dir.resolve("models").resolve(m);
      List<ModelVersion> listed = r.versions(m);
      List<Integer> numbers = new ArrayList<>();
      for (ModelVersion v : listed) {
        numbers.add(v.version());
      }
      assertEquals(versionDirs(modelDir.resolve("versions")), numbers,
          m + ": versions listed = version directories on disk, ascending");
      for (ModelVersion v : listed) {
        byte[] bytes = r.artifact(m, v.version()); // reading verifies size and SHA-256
        long seed = Long.parseLong(v.metadata().params().get("contentSeed"));
        int length = Integer.parseInt(v.metadata().params().get("length"));
        assertArrayEquals(RegistryChild.content(seed, length), bytes,
            m + " v" + v.version() + ": the registered bytes");
        assertEquals(Sha256.of(bytes), v.sha256());
        String before = seen.putIfAbsent(m + "/" + v.version(), v.sha256());
        if (before != null) {
          assertEquals(before, v.sha256(), m + " v" + v.version() + " was reused for another"
              + " artifact");
        }
        versions++;
      }
      Map<String, Integer> aliases = r.aliases(m);
      for (Map.Entry<String, Integer> a : aliases.entrySet()) {
        Optional<ModelVersion> target = r.versionByAlias(m, a.getKey());
        assertTrue(target.isPresent(), m + "@" + a.getKey() + " -> v" + a.getValue()
            + " does not resolve");
        assertEquals(a.getValue(), target.get().version());
        assertEquals(VersionStatus.ACTIVE, target.get().status(), m + "@" + a.getKey());
      }
      List<AliasEvent> log = r.auditLog(m);
      TreeMap<String, Integer> replay = new TreeMap<>();
      for (int i = 0; i < log.size(); i++) {
        assertEquals(i + 1, log.get(i).sequence(), m + ": audit sequence");
        RegistryRules.apply(replay, log.get(i), "event " + (i + 1));
      }
      assertEquals(replay, new TreeMap<>(aliases), m + ": aliases = replay of the audit log");
      byte[] raw = Files.readAllBytes(modelDir.resolve("audit.log"));
      int newlines = 0;
      for (byte b : raw) {
        if (b == '\n') {
          newlines++;
        }
      }
      assertEquals(newlines, log.size(), m + ": one event per complete line");
      if (raw.length > 0 && raw[raw.length - 1] != '\n') {
        torn++;
      }
      events += log.size();
    }
    return new Found(leftovers, versions, events, torn);
  }

  private static List<Integer> versionDirs(Path versionsDir) throws IOException {
    List<Integer> out = new ArrayList<>();
    for (String name : Dirs.names(versionsDir)) {
      if (!Dirs.isLeftover(name)) {
        out.add(Integer.parseInt(name));
      }
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Walks the layout, failing on any entry that is neither part of it nor a leftover; collects
   * leftovers and returns the model directory names.
   */
  private static List<String> walk(Path dir, Set<Path> leftovers) throws IOException {
    expect(dir, Set.of("registry.json", "registry.lock", "models"), leftovers);
    List<String> models = new ArrayList<>();
    Path modelsDir = dir.resolve("models");
    for (String m : Dirs.names(modelsDir)) {
      Path modelDir = modelsDir.resolve(m);
      if (Dirs.isLeftover(m)) {
        leftovers.add(modelDir);
        continue;
      }
      ModelNames.model(m);
      models.add(m);
      expect(modelDir, Set.of("model.json", "aliases.json", "audit.log", "versions"), leftovers);
      Path versionsDir = modelDir.resolve("versions");
      for (String n : Dirs.names(versionsDir)) {
        Path versionDir = versionsDir.resolve(n);
        if (Dirs.isLeftover(n)) {
          leftovers.add(versionDir);
          continue;
        }
        if (!n.matches("[1-9][0-9]*")) {
          fail("unexpected entry " + versionDir);
        }
        expect(versionDir, Set.of("version.json", "artifact.bin"), leftovers);
      }
    }
    return models;
  }

  private static void expect(Path dir, Set<String> names, Set<Path> leftovers)
      throws IOException {
    Set<String> found = new TreeSet<>();
    for (String name : Dirs.names(dir)) {
      if (Dirs.isLeftover(name)) {
        leftovers.add(dir.resolve(name));
      } else if (names.contains(name)) {
        found.add(name);
      } else {
        fail("unexpected entry " + dir.resolve(name) + "; expected one of " + names
            + " or a leftover");
      }
    }
    assertEquals(new TreeSet<>(names), found, dir + ": a half-written directory is visible");
  }
}
