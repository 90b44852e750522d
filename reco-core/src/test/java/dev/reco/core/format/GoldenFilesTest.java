package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DataFingerprint;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Files in {@code src/test/resources/golden/} written by earlier versions, which every later
 * version must keep reading with exactly this content.
 *
 * <p>To regenerate (only when adding a new golden file; never rewrite a released one):
 * {@code ./mvnw -B -o -q -pl reco-core test -Dtest=GoldenFilesTest -Dreco.golden.regenerate=true}
 */
class GoldenFilesTest {
  private static final String FULL = "interactions-v1.reco";
  private static final String IMPLICIT = "interactions-v1-implicit.reco";

  /** The table in interactions-v1.reco: every column, non-ASCII ids, a user without rows. */
  static Interactions fullTable() {
    return Interactions.fromColumns(
        IdIndex.of("alice", "bob", "zo\u00eb", "dave"),
        IdIndex.of("book", "pen", "\u65e5\u672c\u8336"),
        IdIndex.of("view", "purchase"),
        new int[] {0, 1, 2, 0},
        new int[] {0, 1, 2, 1},
        new float[] {1.0f, 2.5f, -0.5f, 4.0f},
        new long[] {1714564800000L, 1714564860000L, 1714564920000L, -86400000L},
        new byte[] {0, 1, 0, 1});
  }

  /** The table in interactions-v1-implicit.reco: no timestamps, no event types. */
  static Interactions implicitTable() {
    return Interactions.fromColumns(IdIndex.of("u1", "u2"), IdIndex.of("a", "b"), null,
        new int[] {0, 1, 0}, new int[] {0, 1, 1}, new float[] {1.0f, 2.0f, 0.5f}, null, null);
  }

  /** Fixed provenance values, so that regenerating gives the same bytes on any machine. */
  static Provenance provenance(Interactions table) {
    return new Provenance("GoldenFilesTest", "{\"purpose\":\"golden file\",\"version\":1}",
        table.fingerprint(), 20240501L, "0.1.0", "17.0.15+6", "Linux 6.1.0", "amd64",
        Instant.parse("2024-05-01T12:00:00Z"));
  }

  private static Path golden(String name) throws URISyntaxException {
    return Path.of(GoldenFilesTest.class.getResource("/golden/" + name).toURI());
  }

  @Test
  @EnabledIfSystemProperty(named = "reco.golden.regenerate", matches = "true")
  void regenerate() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
    InteractionsFormat.write(dir.resolve(FULL), fullTable(), provenance(fullTable()));
    InteractionsFormat.write(dir.resolve(IMPLICIT), implicitTable(), provenance(implicitTable()));
  }

  @Test
  void readsInteractionsV1WithAllColumns() throws Exception {
    Interactions x = InteractionsFormat.read(golden(FULL));
    assertEquals(List.of("alice", "bob", "zo\u00eb", "dave"), x.users().ids());
    assertEquals(List.of("book", "pen", "\u65e5\u672c\u8336"), x.items().ids());
    assertEquals(List.of("view", "purchase"), x.eventTypes().ids());
    assertEquals(4, x.size());
    assertArrayEquals(new int[] {0, 1, 2, 0}, x.userColumn());
    assertArrayEquals(new int[] {0, 1, 2, 1}, x.itemColumn());
    assertArrayEquals(new float[] {1.0f, 2.5f, -0.5f, 4.0f}, x.valueColumn());
    // 2024-05-01T12:00:00Z, +1 min, +2 min, and 1969-12-31T00:00:00Z
    assertArrayEquals(new long[] {1714564800000L, 1714564860000L, 1714564920000L, -86400000L},
        x.timestampColumn());
    assertArrayEquals(new byte[] {0, 1, 0, 1}, x.eventTypeColumn());
    assertEquals(fullTable(), x);
  }

  @Test
  void readsInteractionsV1WithoutOptionalColumns() throws Exception {
    Interactions x = InteractionsFormat.read(golden(IMPLICIT));
    assertEquals(List.of("u1", "u2"), x.users().ids());
    assertEquals(List.of("a", "b"), x.items().ids());
    assertFalse(x.hasTimestamps());
    assertFalse(x.hasEventTypes());
    assertArrayEquals(new int[] {0, 1, 0}, x.userColumn());
    assertArrayEquals(new int[] {0, 1, 1}, x.itemColumn());
    assertArrayEquals(new float[] {1.0f, 2.0f, 0.5f}, x.valueColumn());
  }

  @Test
  void goldenProvenanceIsReadExactly() throws Exception {
    Provenance p = Envelope.read(golden(FULL), FormatType.INTERACTIONS, 1).provenance();
    assertEquals("GoldenFilesTest", p.producer());
    assertEquals("{\"purpose\":\"golden file\",\"version\":1}", p.configJson());
    assertEquals(20240501L, p.seed());
    assertEquals("0.1.0", p.libraryVersion());
    assertEquals("17.0.15+6", p.javaVersion());
    assertEquals("Linux 6.1.0", p.os());
    assertEquals("amd64", p.arch());
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), p.createdAt());
    DataFingerprint data = p.data();
    assertEquals(4, data.rows());
    assertEquals(4, data.users());
    assertEquals(3, data.items());
    // the fingerprint stored when the file was written still matches the table read back
    assertEquals(InteractionsFormat.read(golden(FULL)).fingerprint(), data);
  }

  @Test
  void goldenEnvelopeHeaderBytes() throws Exception {
    byte[] file = Files.readAllBytes(golden(FULL));
    int p = provenance(fullTable()).toJson().getBytes(StandardCharsets.UTF_8).length;
    assertEquals(332, p);
    // payload: flags 1 + rows 4
    //   + users 4 + (4+5 alice) + (4+3 bob) + (4+4 zoë) + (4+4 dave) = 36
    //   + items 4 + (4+4 book) + (4+3 pen) + (4+9 three CJK chars) = 32
    //   + event types 4 + (4+4 view) + (4+8 purchase) = 24
    //   + 4 rows x (4 user + 4 item + 4 value + 8 timestamp + 1 event type) = 84
    //   = 5 + 36 + 32 + 24 + 84 = 181
    byte[] header = {
        (byte) 0x89, 0x52, 0x45, 0x43, 0x4F, 0x0D, 0x0A, 0x1A, // magic "\x89RECO\r\n\x1A"
        0x01, 0x00, // layout version 1
        0x01, 0x00, // type INTERACTIONS = 1
        0x01, 0x00, 0x00, 0x00, // payload format version 1
        0x4C, 0x01, 0x00, 0x00, // provenance length 332 = 0x14C
        (byte) 0xB5, 0, 0, 0, 0, 0, 0, 0}; // payload length 181 = 0xB5
    assertArrayEquals(header, Arrays.copyOf(file, 28));
    assertEquals(28 + 332 + 181 + 32, file.length);
    assertEquals(provenance(fullTable()).toJson(),
        new String(file, 28, 332, StandardCharsets.UTF_8));
    // the payload starts with flags 0b11 (timestamps and event types) and 4 rows
    assertArrayEquals(new byte[] {3, 4, 0, 0, 0}, Arrays.copyOfRange(file, 28 + 332, 28 + 332 + 5));
    assertArrayEquals(TestEnvelopes.sha256(file, file.length - 32),
        Arrays.copyOfRange(file, file.length - 32, file.length));
  }

  /**
   * The writer is deterministic and still writes version 1 byte for byte. When a version 2 is
   * introduced, this check moves to the version 2 golden file; the v1 files stay as they are.
   */
  @Test
  void currentWriterReproducesTheGoldenBytes() throws Exception {
    assertEquals(1, InteractionsFormat.VERSION);
    assertArrayEquals(Files.readAllBytes(golden(FULL)),
        InteractionsFormat.toBytes(fullTable(), provenance(fullTable())));
    assertArrayEquals(Files.readAllBytes(golden(IMPLICIT)),
        InteractionsFormat.toBytes(implicitTable(), provenance(implicitTable())));
    assertTrue(Files.size(golden(IMPLICIT)) < 1024);
  }
}
