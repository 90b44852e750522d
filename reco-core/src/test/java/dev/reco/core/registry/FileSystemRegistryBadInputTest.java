package dev.reco.core.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.FormatException;
import dev.reco.core.store.Dirs;
import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged or hand-edited registry directories and invalid names: every case fails with a
 * specific exception whose message names the file or value, and never yields a different model.
 */
class FileSystemRegistryBadInputTest {
  @TempDir
  Path tmp;

  Path dir;
  ModelRegistry registry;
  byte[] artifact;

  @BeforeEach
  void setUp() {
    dir = tmp.resolve("registry");
    registry = ModelRegistry.open(dir, new TickingClock());
    artifact = RegistryChild.content(7, 10_000);
    registry.register("als", artifact, VersionMetadata.builder().param("factors", "64").build());
    registry.register("als", "second".getBytes(UTF_8), VersionMetadata.empty());
    registry.setAlias("als", "champion", 1, "ci", "first");
    registry.setAlias("als", "champion", 2, "ci", "second");
  }

  Path modelDir() {
    return dir.resolve("models").resolve("als");
  }

  Path versionDir(int n) {
    return modelDir().resolve("versions").resolve(Integer.toString(n));
  }

  static <T extends Throwable> T assertNames(Class<T> type, Executable call, String... parts) {
    T e = assertThrows(type, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message names " + part + ": " + e.getMessage());
    }
    return e;
  }

  static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  // ---------------------------------------------------------------- artifact bytes

  @Test
  void aFlippedArtifactByteFailsEveryLoadWithBothChecksums() throws IOException {
    Path file = versionDir(1).resolve("artifact.bin");
    byte[] bytes = Files.readAllBytes(file);
    bytes[5000] ^= 0x01;
    Files.write(file, bytes);
    String recorded = registry.version("als", 1).orElseThrow().sha256();
    String actual = Sha256.of(bytes);
    for (int i = 0; i < 2; i++) { // every load, not only the first
      CorruptArtifactException e = assertNames(CorruptArtifactException.class,
          () -> registry.artifact("als", 1), file.toString(), recorded, actual);
      assertEquals(file, e.file());
    }
    assertNames(CorruptArtifactException.class,
        () -> readAll(registry.openArtifact("als", 1)), recorded, actual);
    // a fresh registry instance checks too: nothing is cached as verified
    assertNames(CorruptArtifactException.class,
        () -> ModelRegistry.open(dir, new TickingClock()).artifact("als", 1), recorded);
    assertArrayEquals("second".getBytes(UTF_8), registry.artifact("als", 2), "others unaffected");
  }

  @Test
  void aTruncatedOrExtendedArtifactFailsOnItsSize() throws IOException {
    Path file = versionDir(1).resolve("artifact.bin");
    Files.write(file, java.util.Arrays.copyOf(artifact, 9_999));
    assertNames(CorruptArtifactException.class, () -> registry.artifact("als", 1),
        "9999 bytes", "expected 10000");
    Files.write(file, java.util.Arrays.copyOf(artifact, 10_001));
    assertNames(CorruptArtifactException.class, () -> registry.artifact("als", 1),
        "10001 bytes", "expected 10000");
  }

  @Test
  void aHandEditedChecksumNeverServesTheArtifactAsIfValid() throws IOException {
    Path json = versionDir(1).resolve("version.json");
    String recorded = registry.version("als", 1).orElseThrow().sha256();
    String other = Sha256.of("other".getBytes(UTF_8));
    Files.writeString(json, Files.readString(json).replace(recorded, other));
    assertNames(CorruptArtifactException.class, () -> registry.artifact("als", 1), other,
        recorded);
  }

  // ---------------------------------------------------------------- missing files

  @Test
  void missingFilesAreNamed() throws IOException {
    Path art = versionDir(1).resolve("artifact.bin");
    Files.delete(art);
    MissingFileException e = assertNames(MissingFileException.class,
        () -> registry.artifact("als", 1), art.toString());
    assertEquals(art, e.file());

    Path vjson = versionDir(2).resolve("version.json");
    Files.delete(vjson);
    assertNames(MissingFileException.class, () -> registry.version("als", 2), vjson.toString());
    assertNames(MissingFileException.class, () -> registry.versions("als"), vjson.toString());

    Path log = modelDir().resolve("audit.log");
    Files.move(log, tmp.resolve("audit.log"));
    assertNames(MissingFileException.class, () -> registry.auditLog("als"), log.toString());
    assertNames(MissingFileException.class, () -> registry.aliases("als"), log.toString());
    Files.move(tmp.resolve("audit.log"), log);

    Path aliases = modelDir().resolve("aliases.json");
    Files.delete(aliases);
    assertNames(MissingFileException.class, () -> registry.aliases("als"), aliases.toString());

    Path model = modelDir().resolve("model.json");
    Files.delete(model);
    assertNames(MissingFileException.class, () -> registry.model("als"), model.toString());
    assertNames(MissingFileException.class, () -> registry.register("als", new byte[1],
        VersionMetadata.empty()), model.toString());
  }

  @Test
  void aRegistryWithoutItsModelsDirectoryDoesNotOpen() throws IOException {
    Dirs.deleteRecursively(dir.resolve("models"));
    assertNames(MissingFileException.class, () -> ModelRegistry.open(dir, new TickingClock()),
        dir.resolve("models").toString());
  }

  // ---------------------------------------------------------------- hand-edited metadata

  /** Rewrites a JSON file by a text edit, then expects a call to fail naming the parts. */
  void edit(Path file, Function<String, String> change) throws IOException {
    String before = Files.readString(file);
    String after = change.apply(before);
    assertFalse(before.equals(after), "the edit changed " + file);
    Files.writeString(file, after);
  }

  static String addField(String json) {
    return json.replaceFirst("\\{", "{\n  \"comment\" : \"edited by hand\",");
  }

  static String newerFormat(String json) {
    return json.replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 2");
  }

  @Test
  void unknownFieldsAreRefusedNamingFieldAndFile() throws IOException {
    Path v = versionDir(1).resolve("version.json");
    edit(v, FileSystemRegistryBadInputTest::addField);
    assertNames(FormatException.class, () -> registry.version("als", 1), v.toString(),
        "unknown field 'comment'");

    Path m = modelDir().resolve("model.json");
    edit(m, FileSystemRegistryBadInputTest::addField);
    assertNames(FormatException.class, () -> registry.model("als"), m.toString(),
        "unknown field 'comment'");
  }

  @Test
  void aNewerFormatVersionIsRefusedWithTheVersionFound() throws IOException {
    Path v = versionDir(1).resolve("version.json");
    edit(v, FileSystemRegistryBadInputTest::newerFormat);
    UnsupportedMetadataVersionException e = assertNames(UnsupportedMetadataVersionException.class,
        () -> registry.version("als", 1), v.toString(), "formatVersion = 2");
    assertEquals(2, e.found());
    assertEquals(1, e.maxSupported());
    assertEquals(v, e.file());

    for (String name : List.of("model.json", "aliases.json")) {
      Path f = modelDir().resolve(name);
      byte[] original = Files.readAllBytes(f);
      edit(f, FileSystemRegistryBadInputTest::newerFormat);
      assertNames(UnsupportedMetadataVersionException.class, () -> registry.model("als"),
          f.toString(), "formatVersion = 2");
      Files.write(f, original);
    }

    Path marker = dir.resolve("registry.json");
    edit(marker, FileSystemRegistryBadInputTest::newerFormat);
    assertNames(UnsupportedMetadataVersionException.class,
        () -> ModelRegistry.open(dir, new TickingClock()), marker.toString(), "formatVersion = 2");
  }

  @Test
  void wrongTypesAndMismatchedNamesAreRefused() throws IOException {
    Path v1 = versionDir(1).resolve("version.json");
    edit(v1, s -> s.replaceFirst("\"size\" : 10000", "\"size\" : \"10000\""));
    assertNames(FormatException.class, () -> registry.version("als", 1), v1.toString(),
        "field 'size' = \"10000\"", "expected an integer >= 0");

    Path v2 = versionDir(2).resolve("version.json");
    edit(v2, s -> s.replaceFirst("\"version\" : 2", "\"version\" : 1"));
    assertNames(FormatException.class, () -> registry.version("als", 2), v2.toString(),
        "version = 1", "expected 'als' and 2");

    Path m = modelDir().resolve("model.json");
    Files.writeString(m, "{\"formatVersion\": 1, \"name\": ");
    assertNames(FormatException.class, () -> registry.model("als"), m.toString(),
        "is not valid JSON");
  }

  // ---------------------------------------------------------------- the audit log

  @Test
  void aTornLastLineIsIgnoredThenTruncatedByTheNextWriter() throws IOException {
    Path log = modelDir().resolve("audit.log");
    long committed = Files.size(log);
    Files.write(log, "{\"formatVersion\":1,\"sequence\":3,\"ti".getBytes(UTF_8),
        StandardOpenOption.APPEND);
    assertEquals(2, registry.auditLog("als").size(), "readers see the committed events only");
    assertEquals(Map.of("champion", 2), registry.aliases("als"));

    AliasEvent e = registry.rollback("als", "champion", "ci", "bad release");
    assertEquals(3, e.sequence());
    List<String> lines = Files.readAllLines(log, UTF_8);
    assertEquals(3, lines.size(), "the torn bytes were cut before the append");
    assertTrue(lines.get(2).startsWith("{\"formatVersion\":1,\"sequence\":3,\"time\":"),
        lines.get(2));
    assertTrue(Files.size(log) > committed);
    assertEquals(Map.of("champion", 1), registry.aliases("als"));
  }

  @Test
  void aDamagedCompleteLineIsAnErrorNamingTheLine() throws IOException {
    Path log = modelDir().resolve("audit.log");
    List<String> lines = Files.readAllLines(log, UTF_8);
    Files.writeString(log, lines.get(0) + "\n" + "garbage\n" + lines.get(1) + "\n");
    assertNames(FormatException.class, () -> registry.auditLog("als"), log.toString(),
        "line 2", "is not valid JSON");

    Files.writeString(log, lines.get(1) + "\n");
    assertNames(FormatException.class, () -> registry.auditLog("als"), log.toString(),
        "sequence = 2; expected 1");

    Files.writeString(log, lines.get(0).replace("\"actor\"", "\"extra\":1,\"actor\"") + "\n"
        + lines.get(1) + "\n");
    assertNames(FormatException.class, () -> registry.auditLog("als"), "unknown field 'extra'");

    Files.writeString(log, lines.get(0).replace("\"formatVersion\":1", "\"formatVersion\":7")
        + "\n" + lines.get(1) + "\n");
    assertNames(UnsupportedMetadataVersionException.class, () -> registry.auditLog("als"),
        "formatVersion = 7");
  }

  @Test
  void aLogShorterThanItsCheckpointIsRefused() throws IOException {
    Path log = modelDir().resolve("audit.log");
    List<String> lines = Files.readAllLines(log, UTF_8);
    Files.writeString(log, lines.get(0) + "\n");
    assertNames(FormatException.class, () -> registry.aliases("als"), log.toString(),
        "was it truncated or replaced?");
  }

  // ---------------------------------------------------------------- names

  @Test
  void invalidNamesNeverReachTheFileSystem() throws IOException {
    String[] bad = {"../escape", "..", "a/../../b", "/abs", "C:\\x", "", "x".repeat(65),
        "k".repeat(129),
        "CON", "con", "Aux.json", "NUL", "com7", "LPT9.bin", "prn.", ".git", "a\u0000b", "\u212Aelvin"};
    for (String name : bad) {
      String shown = Names.quote(name);
      assertNames(IllegalArgumentException.class,
          () -> registry.register(name, new byte[1], VersionMetadata.empty()),
          "model name = " + shown);
      assertNames(IllegalArgumentException.class,
          () -> VersionMetadata.builder().sourceRunId(name).build(), "run id = " + shown);
      // keys may be longer than names: 65 chars is a valid key
      if (name.length() <= Names.MAX_NAME_LENGTH || name.length() > Names.MAX_KEY_LENGTH) {
        assertNames(IllegalArgumentException.class,
            () -> registry.setModelTag("als", name, "v"), "tag key = " + shown);
        assertNames(IllegalArgumentException.class,
            () -> VersionMetadata.builder().param(name, "v").build(), "param key = " + shown);
      }
      if (!name.isEmpty() && Character.isLetter(name.charAt(0))) {
        assertNames(IllegalArgumentException.class,
            () -> registry.setAlias("als", name, 1, "ci", ""), "alias = " + shown);
      }
    }
    assertNames(IllegalArgumentException.class, () -> registry.setAlias("als", "latest", 1, "ci",
        ""), "alias = 'latest'", "reserved");
    // nothing was created beside or inside the registry
    assertEquals(List.of("registry"), Dirs.names(tmp));
    assertEquals(List.of("als"), Dirs.names(dir.resolve("models")));
    assertEquals(List.of("als"), registry.models());
  }

  @Test
  void aDirectoryThatIsNoRegistryIsNotTakenOver() throws IOException {
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertNames(IllegalArgumentException.class, () -> ModelRegistry.open(other,
        new TickingClock()), other.toString(), "'notes.txt'");
    Path file = tmp.resolve("file");
    Files.writeString(file, "x");
    assertNames(IllegalArgumentException.class, () -> ModelRegistry.open(file,
        new TickingClock()), file.toString(), "is not a directory");
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign.resolve("models"));
    Files.writeString(foreign.resolve("registry.json"),
        "{\"formatVersion\": 1, \"type\": \"reco-experiment-tracker\"}");
    assertNames(FormatException.class, () -> ModelRegistry.open(foreign, new TickingClock()),
        "field 'type' = 'reco-experiment-tracker'", "expected 'reco-model-registry'");
    assertTrue(Files.readString(other.resolve("notes.txt")).equals("mine"));
  }

  @Test
  void aWriteThatCannotTakeTheLockFailsNamingTheRegistry() {
    // the lock file's directory is the registry: a file in its place makes writes fail clearly
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      Path locked = dir.resolve("registry.lock");
      Files.delete(locked);
      Files.createDirectory(locked);
      registry.setModelTag("als", "k", "v");
    });
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }
}
