package dev.reco.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, creating and refusing store directories, as a layout of one's own describes them. */
class StoreDirectoryTest {
  @TempDir
  Path tmp;

  /** A store of kind "demo" whose marker is the text "demo"; records what it was asked. */
  private static final class DemoMarker implements StoreDirectory.Marker {
    final List<String> calls = new ArrayList<>();

    @Override
    public void check(byte[] bytes, Path file) {
      calls.add("check " + file.getFileName());
      if (!new String(bytes, UTF_8).equals("demo")) {
        throw new FormatException(file + " is not a demo marker");
      }
    }

    @Override
    public byte[] create() {
      calls.add("create");
      return "demo".getBytes(UTF_8);
    }

    @Override
    public FormatException missingData(String message, Path dir) {
      return new FormatException("demo: " + message);
    }
  }

  private static StoreDirectory.Layout layout(DemoMarker m) {
    return new StoreDirectory.Layout("demo", "demo.json", "demo.lock", "items", m);
  }

  @Test
  void createsAnEmptyStoreOnceAndReopensIt() throws IOException {
    DemoMarker m = new DemoMarker();
    Path root = tmp.resolve("a");
    StoreDirectory d = StoreDirectory.open(root, Duration.ofSeconds(5), layout(m));
    assertEquals(root.toAbsolutePath().normalize(), d.root());
    assertEquals(d.root().resolve("items"), d.data());
    assertEquals("demo", Files.readString(root.resolve("demo.json")));
    assertEquals(List.of("demo.json", "demo.lock", "items"), Dirs.names(root));
    StoreDirectory.open(root, Duration.ofSeconds(5), layout(m));
    assertEquals(List.of("create", "check demo.json"), m.calls);
  }

  @Test
  void refusesForeignFilesAMissingDataDirectoryAndABadTimeout() throws IOException {
    DemoMarker m = new DemoMarker();
    Path foreign = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    IllegalArgumentException notEmpty = assertThrows(IllegalArgumentException.class,
        () -> StoreDirectory.open(foreign, Duration.ofSeconds(5), layout(m)));
    assertTrue(notEmpty.getMessage().contains("holds no demo.json (found 'notes.txt');"
        + " expected an empty directory or an existing demo"), notEmpty.getMessage());

    Path root = tmp.resolve("c");
    StoreDirectory.open(root, Duration.ofSeconds(5), layout(m));
    Dirs.deleteRecursively(root.resolve("items"));
    FormatException missing = assertThrows(FormatException.class,
        () -> StoreDirectory.open(root, Duration.ofSeconds(5), layout(m)));
    assertEquals("demo: " + root.resolve("items").toAbsolutePath()
        + " is missing; expected the items directory of the demo", missing.getMessage());

    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> StoreDirectory.open(root, Duration.ZERO, layout(m)));
    assertEquals("lockTimeout = PT0S; expected a positive duration", timeout.getMessage());
    Path file = Files.writeString(tmp.resolve("f"), "x");
    IllegalArgumentException notDir = assertThrows(IllegalArgumentException.class,
        () -> StoreDirectory.open(file, Duration.ofSeconds(5), layout(m)));
    assertTrue(notDir.getMessage().contains("is not a directory; expected a demo directory"),
        notDir.getMessage());
  }

  @Test
  void failuresNameWhatFailedAndTheStore() {
    StoreDirectory d = StoreDirectory.open(tmp.resolve("d"), Duration.ofSeconds(5),
        layout(new DemoMarker()));
    assertEquals(7, d.write("adding", () -> 7));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> d.read("listing",
        () -> Files.readAllBytes(d.data().resolve("absent"))));
    assertTrue(e.getMessage().startsWith("listing failed in the demo at " + d.root() + ": "),
        e.getMessage());
  }
}
