package dev.reco.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed lines, torn tails and both ways of appending. */
class JsonLinesTest {
  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static List<String> values(JsonLines.Read r) {
    return r.lines().stream().map(l -> l.node().get("v").asText()).toList();
  }

  @Test
  void readIgnoresATornTailAndAppendTruncatesIt() throws IOException {
    Path log = Files.write(dir.resolve("a.jsonl"), bytes("{\"v\":1}\n{\"v\":2}\n{\"v\":"));
    JsonLines.Read r = JsonLines.read(log, 0);
    assertEquals(List.of("1", "2"), values(r));
    assertEquals(16, r.committedEnd()); // two lines of 8 bytes
    assertEquals(21, r.fileSize()); // plus the 5 torn bytes
    assertEquals(24, JsonLines.append(log, r.committedEnd(), bytes("{\"v\":3}\n")));
    assertEquals("{\"v\":1}\n{\"v\":2}\n{\"v\":3}\n", Files.readString(log));
    JsonLines.Read after = JsonLines.read(log, 8);
    assertEquals(List.of("2", "3"), values(after));
    assertEquals(log + " line at byte 8", after.lines().get(0).source());
  }

  @Test
  void appendWithoutAnOffsetFindsTheLastNewlineBeyondOneBuffer() throws IOException {
    // a committed line longer than the 8192-byte backwards buffer, then a torn tail of 9000 bytes
    String longLine = "{\"v\":\"" + "x".repeat(10_000) + "\"}\n";
    String torn = "{\"v\":\"" + "y".repeat(9000);
    Path log = Files.write(dir.resolve("b.jsonl"), bytes(longLine + torn));
    long end = JsonLines.append(log, bytes("{\"v\":1}\n{\"v\":2}\n"));
    assertEquals(longLine.length() + 16, end);
    assertEquals(List.of("x".repeat(10_000), "1", "2"), values(JsonLines.read(log, 0)));
    Path empty = Files.createFile(dir.resolve("c.jsonl"));
    Files.write(empty, bytes("torn, no newline"));
    assertEquals(8, JsonLines.append(empty, bytes("{\"v\":0}\n")));
    assertEquals("{\"v\":0}\n", Files.readString(empty));
  }

  @Test
  void damageAndMisuseAreRefused() throws IOException {
    Path log = Files.write(dir.resolve("d.jsonl"), bytes("{\"v\":1}\n{oops}\n"));
    FormatException bad = assertThrows(FormatException.class, () -> JsonLines.read(log, 0));
    assertTrue(bad.getMessage().startsWith(log + " line 2 (byte 8) is not valid JSON"),
        bad.getMessage());
    Files.write(log, bytes("\n"), StandardOpenOption.TRUNCATE_EXISTING);
    FormatException empty = assertThrows(FormatException.class, () -> JsonLines.read(log, 0));
    assertEquals(log + " line 1 (byte 0) is empty; expected a JSON object", empty.getMessage());
    FormatException shrunk = assertThrows(FormatException.class,
        () -> JsonLines.append(log, 5, bytes("{}\n")));
    assertTrue(shrunk.getMessage().contains("has 1 bytes; expected at least 5"),
        shrunk.getMessage());
    IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
        () -> JsonLines.append(log, bytes("{}")));
    assertTrue(partial.getMessage().contains("lines of 2 bytes"), partial.getMessage());
  }
}
