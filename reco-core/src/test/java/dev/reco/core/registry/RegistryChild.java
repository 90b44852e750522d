package dev.reco.core.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A writer process for the reliability tests, started in a child JVM by
 * {@link RegistryCrashTest} and {@link RegistryConcurrencyTest}.
 *
 * <ul>
 *   <li>{@code crash <dir> <seed>}: reads the registry once, prints {@code ready}, then changes
 *       it forever (registrations, alias moves, rollbacks, tags, archive/restore, deletions) with
 *       a seeded random mix, printing {@code > <change>} before and {@code op} after each change,
 *       until it is killed.</li>
 *   <li>{@code concurrent <dir> <id> <n>}: prints {@code ready}, waits for a line on stdin, then
 *       registers {@code n} versions of model {@code shared}, after each one moving the alias
 *       {@code champion} and its own alias {@code w<id>} to it, printing {@code v <number>} per
 *       version; exits 0.</li>
 * </ul>
 *
 * <p>Every artifact is {@link #content(long, int)} of the {@code contentSeed} and
 * {@code length} params it is registered with, so a reader can check that the bytes it loads are
 * exactly the ones registered, not merely bytes that match a stored checksum.
 */
final class RegistryChild {
  static final String SHARED = "shared";
  static final List<String> MODELS = List.of("m0", "m1", "m2");
  static final List<String> ALIASES = List.of("champion", "challenger", "staging");
  /** Most versions a model keeps in the crash mix before deletions win over registrations. */
  static final int KEEP = 8;
  static final int MAX_LENGTH = 48 * 1024;

  private RegistryChild() {}

  /** The artifact registered with params contentSeed and length. */
  static byte[] content(long seed, int length) {
    byte[] out = new byte[length];
    new SplittableRandom(seed).nextBytes(out);
    return out;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    ModelRegistry registry = ModelRegistry.open(dir, Clock.systemUTC(), Duration.ofSeconds(60));
    switch (args[0]) {
      case "crash":
        crash(registry, new SplittableRandom(Long.parseLong(args[2])), out);
        break;
      case "concurrent":
        concurrent(registry, Integer.parseInt(args[2]), Integer.parseInt(args[3]), out);
        break;
      default:
        throw new IllegalArgumentException("mode = '" + args[0] + "'; expected crash or concurrent");
    }
  }

  private static VersionMetadata metadata(long contentSeed, int length, String writer) {
    return VersionMetadata.builder()
        .param("contentSeed", Long.toString(contentSeed))
        .param("length", Integer.toString(length))
        .tag("writer", writer)
        .build();
  }

  private static void crash(ModelRegistry registry, SplittableRandom rnd, PrintStream out) {
    // read everything once first, so the kill window falls on changes, not on class loading
    for (String model : registry.models()) {
      registry.versions(model);
      registry.aliases(model);
      registry.auditLog(model);
    }
    out.println("ready");
    String actor = "crash-" + ProcessHandle.current().pid();
    while (true) {
      String model = MODELS.get(rnd.nextInt(MODELS.size()));
      String alias = ALIASES.get(rnd.nextInt(ALIASES.size()));
      List<ModelVersion> versions = registry.model(model).isPresent()
          ? registry.versions(model) : List.of();
      Map<String, Integer> aliases = versions.isEmpty() ? Map.of() : registry.aliases(model);
      List<ModelVersion> active = new ArrayList<>();
      List<ModelVersion> free = new ArrayList<>();
      for (ModelVersion v : versions) {
        if (v.status() == VersionStatus.ACTIVE) {
          active.add(v);
        }
        if (!aliases.containsValue(v.version())) {
          free.add(v);
        }
      }
      int op = rnd.nextInt(100);
      if (versions.isEmpty() || (op < 35 && versions.size() < KEEP)) {
        out.println("> register");
        register(registry, model, rnd, actor);
      } else if (op < 35 || (op < 45 && !free.isEmpty())) {
        if (free.isEmpty()) {
          continue;
        }
        out.println("> deleteVersion");
        registry.deleteVersion(model, pick(free, rnd).version());
      } else if (op < 70) {
        if (active.isEmpty()) {
          continue;
        }
        out.println("> setAlias");
        registry.setAlias(model, alias, pick(active, rnd).version(), actor, "op " + op);
      } else if (op < 78) {
        out.println("> rollback");
        try {
          registry.rollback(model, alias, actor, "rollback drill");
        } catch (IllegalStateException | NotFoundException e) {
          continue; // no earlier target, or it was deleted or archived: refused, nothing changed
        }
      } else if (op < 82) {
        if (!aliases.containsKey(alias)) {
          continue;
        }
        out.println("> deleteAlias");
        registry.deleteAlias(model, alias, actor, "retired");
      } else if (op < 90) {
        ModelVersion v = pick(versions, rnd);
        out.println("> setVersionTag");
        registry.setVersionTag(model, v.version(), "note", "n" + rnd.nextInt(1000));
      } else if (op < 93) {
        out.println("> setModelTag");
        registry.setModelTag(model, "owner", "team-" + rnd.nextInt(10));
      } else {
        if (free.isEmpty()) {
          continue;
        }
        ModelVersion v = pick(free, rnd);
        out.println(v.status() == VersionStatus.ACTIVE ? "> archive" : "> restore");
        if (v.status() == VersionStatus.ACTIVE) {
          registry.archive(model, v.version());
        } else {
          registry.restore(model, v.version());
        }
      }
      out.println("op");
    }
  }

  private static void register(ModelRegistry registry, String model, SplittableRandom rnd,
      String actor) {
    long seed = rnd.nextLong();
    int length = rnd.nextInt(MAX_LENGTH + 1);
    byte[] bytes = content(seed, length);
    // streamed in chunks, so a kill can land while the artifact is half written
    registry.register(model, (OutputStream os) -> {
      for (int off = 0; off < bytes.length; off += 4096) {
        os.write(bytes, off, Math.min(4096, bytes.length - off));
      }
    }, metadata(seed, length, actor));
  }

  private static <T> T pick(List<T> list, SplittableRandom rnd) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static void concurrent(ModelRegistry registry, int id, int n, PrintStream out)
      throws IOException {
    out.println("ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    if (in.readLine() == null) {
      throw new IOException("stdin closed before the start signal");
    }
    String actor = "writer-" + id;
    for (int i = 0; i < n; i++) {
      long seed = id * 1_000_003L + i;
      int length = 1 + (int) Math.floorMod(seed * 7919, 4096);
      ModelVersion v = registry.register(SHARED, content(seed, length),
          metadata(seed, length, actor));
      registry.setAlias(SHARED, "champion", v.version(), actor, "step " + i);
      registry.setAlias(SHARED, "w" + id, v.version(), actor, "step " + i);
      out.println("v " + v.version());
    }
  }
}
