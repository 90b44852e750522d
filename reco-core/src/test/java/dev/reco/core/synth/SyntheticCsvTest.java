package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCsvTest {
  private static final SyntheticConfig CONFIG =
      SyntheticConfig.defaults().withUsers(300).withItems(120).withEvents(20_000);
  private static final SyntheticData DATA = SyntheticData.generate(CONFIG);

  @TempDir
  Path dir;

  private static String csv(SyntheticData data) throws IOException {
    StringWriter out = new StringWriter();
    data.writeCsv(out);
    return out.toString();
  }

  @Test
  void csvStartsWithTheHeaderAndHasOneLinePerEvent() throws IOException {
    String[] lines = csv(DATA).split("\n", -1);
    assertEquals("user,item,timestamp,event,value", lines[0]);
    assertEquals(20_000 + 2, lines.length, "header, events, and the empty rest after the last \\n");
    assertEquals("", lines[lines.length - 1]);
    // first event: a view (nothing is pending yet) at or after the start
    String[] first = lines[1].split(",");
    assertEquals(5, first.length);
    assertTrue(first[0].matches("u\\d{6}"), first[0]);
    assertTrue(first[1].matches("i\\d{5}"), first[1]);
    assertTrue(Long.parseLong(first[2]) >= CONFIG.start().toEpochMilli());
    assertEquals("view", first[3]);
    assertEquals("1", first[4]);
  }

  /** A deliberately tiny parser: split on commas, map ids through the catalog's indexes. */
  @Test
  void csvAgreesWithTheInteractions() throws IOException {
    Interactions x = DATA.toInteractions(DuplicatePolicy.KEEP_ALL);
    List<String> lines = csv(DATA).lines().collect(Collectors.toList());
    assertEquals(x.size() + 1, lines.size());
    for (int r = 0; r < x.size(); r++) {
      String[] f = lines.get(r + 1).split(",");
      assertEquals(x.user(r), DATA.users().ids().indexOf(f[0]), "row " + r);
      assertEquals(x.item(r), DATA.items().ids().indexOf(f[1]), "row " + r);
      assertEquals(x.timestamp(r), Long.parseLong(f[2]), "row " + r);
      assertEquals(x.eventTypes().idOf(x.eventType(r)), f[3], "row " + r);
      assertEquals(x.value(r), Float.parseFloat(f[4]), "row " + r);
    }
  }

  @Test
  void csvIsDeterministic() throws Exception {
    byte[] a = sha256(csv(DATA));
    byte[] b = sha256(csv(SyntheticData.generate(CONFIG)));
    byte[] c = sha256(csv(SyntheticData.generate(CONFIG.withSeed(1))));
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fileHasTheWriterContentAndReplacesAnOldFile() throws IOException {
    Path file = dir.resolve("events.csv");
    Files.writeString(file, "old content");
    DATA.writeCsv(file);
    assertEquals(csv(DATA), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of(file), listDir());
  }

  @Test
  void aFailedWriteLeavesNoFileBehind() throws IOException {
    // the target is a non-empty directory: the final move fails after all data was written
    Path target = dir.resolve("events.csv");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep.txt"), "x");
    assertThrows(IOException.class, () -> DATA.writeCsv(target));
    assertEquals(List.of(target), listDir(), "no temporary file left");
    assertTrue(Files.isDirectory(target));
    // a missing parent directory fails before anything is written
    assertThrows(IOException.class, () -> DATA.writeCsv(dir.resolve("missing/events.csv")));
    assertEquals(List.of(target), listDir());
  }

  @Test
  void writerFailuresSurfaceAsIoExceptions() {
    IOException boom = new IOException("disk full");
    Writer failing = new Writer() {
      private int written;

      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        written += len;
        if (written > 100_000) {
          throw boom;
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    IOException e = assertThrows(IOException.class, () -> DATA.writeCsv(failing));
    assertEquals(boom, e);
  }

  @Test
  void appendLongWritesDecimalDigits() {
    char[] buf = new char[40];
    for (long v : new long[] {0, 7, -7, 1_767_571_200_000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      int end = CsvEventWriter.appendLong(v, buf, 3);
      assertEquals(Long.toString(v), new String(buf, 3, end - 3));
    }
  }

  private List<Path> listDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }
}
