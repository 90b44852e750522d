package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionsFormatTest {
  @TempDir
  Path dir;

  private static Provenance provenanceOf(Interactions x) {
    return Provenance.capture("InteractionsFormatTest", java.util.Map.of("rows", x.size()),
        x.fingerprint(), null, Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC));
  }

  private static Interactions full() {
    return Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("alice", "book", 3f, 100L, "view")
        .add("bob", "pen", 1.5f, -50L, "view")
        .add("zo\u00eb", "\u65e5\u672c\u8336", -2f, Long.MAX_VALUE, "purchase")
        .add("alice", "pen", 0f, Long.MIN_VALUE, "cart")
        .build();
  }

  private static Interactions implicit() {
    return Interactions.builder(DuplicatePolicy.SUM)
        .add("u1", "a", 1f).add("u2", "b", 2f).add("u1", "b", 1f).add("u1", "a", 1f).build();
  }

  private static void assertRoundTrip(Interactions x) {
    Interactions back = InteractionsFormat.fromBytes(InteractionsFormat.toBytes(x, provenanceOf(x)));
    assertEquals(x, back);
    assertEquals(x.fingerprint(), back.fingerprint());
    assertEquals(x.hasTimestamps(), back.hasTimestamps());
    assertEquals(x.hasEventTypes(), back.hasEventTypes());
  }

  @Test
  void roundTripsWithAllColumnsOnDisk() throws IOException {
    Interactions x = full();
    Path file = dir.resolve("full.reco");
    InteractionsFormat.write(file, x, provenanceOf(x));
    Interactions back = InteractionsFormat.read(file);
    assertEquals(x, back);
    assertEquals(x.fingerprint(), back.fingerprint());
    assertEquals(List.of("view", "purchase", "cart"), back.eventTypes().ids());
    assertEquals(Long.MIN_VALUE, back.timestamp(3));
    EnvelopeContents c = Envelope.read(file, FormatType.INTERACTIONS, InteractionsFormat.VERSION);
    assertEquals(provenanceOf(x), c.provenance());
    assertEquals(x.fingerprint(), c.provenance().data());
  }

  @Test
  void roundTripsWithoutOptionalColumns() {
    Interactions x = implicit();
    assertFalse(x.hasTimestamps());
    assertRoundTrip(x);
    Interactions timed = Interactions.builder(DuplicatePolicy.LAST).add("u", "i", 1f, 5L).build();
    assertRoundTrip(timed);
    // event types without timestamps cannot come from the builder, but fromColumns allows them
    Interactions typed = Interactions.fromColumns(IdIndex.of("u"), IdIndex.of("i", "j"),
        IdIndex.of("click"), new int[] {0, 0}, new int[] {1, 0}, new float[] {1f, 2f}, null,
        new byte[] {0, 0});
    assertRoundTrip(typed);
  }

  @Test
  void roundTripsEmptyTables() {
    assertRoundTrip(Interactions.builder(DuplicatePolicy.SUM).build());
    // ids without rows, and an empty event-type index with an (empty) event-type column
    assertRoundTrip(Interactions.fromColumns(IdIndex.of("a", "b"), IdIndex.of("c"), IdIndex.empty(),
        new int[0], new int[0], new float[0], new long[0], new byte[0]));
  }

  @Test
  void keepsAll256EventTypesAndUnsignedCodes() {
    List<String> names = new ArrayList<>();
    byte[] codes = new byte[256];
    for (int k = 0; k < 256; k++) {
      names.add("type" + k);
      codes[k] = (byte) k;
    }
    int[] zeros = new int[256];
    Interactions x = Interactions.fromColumns(IdIndex.of("u"), IdIndex.of("i"), IdIndex.of(names),
        zeros, zeros, new float[256], null, codes);
    Interactions back = InteractionsFormat.fromBytes(InteractionsFormat.toBytes(x, provenanceOf(x)));
    assertEquals(255, back.eventType(255));
    assertEquals(x, back);
  }

  @Property(tries = 60, seed = "20240501")
  void randomTablesRoundTrip(@ForAll @IntRange(max = 300) int rows, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean withTime = random.nextBoolean();
    boolean withTypes = withTime && random.nextBoolean();
    Interactions.Builder b = Interactions.builder(
        DuplicatePolicy.values()[random.nextInt(DuplicatePolicy.values().length)]);
    for (int r = 0; r < rows; r++) {
      String u = randomId(random, 20);
      String i = randomId(random, 50);
      float v = (float) random.nextDouble(-10, 10);
      if (withTypes) {
        b.add(u, i, v, random.nextLong(), "t" + random.nextInt(4));
      } else if (withTime) {
        b.add(u, i, v, random.nextLong());
      } else {
        b.add(u, i, v);
      }
    }
    assertRoundTrip(b.build());
  }

  /** An id from a small pool, mixing ASCII, 2-, 3- and 4-byte UTF-8 characters. */
  private static String randomId(SplittableRandom random, int pool) {
    int k = random.nextInt(pool);
    String[] stems = {"u", "\u00e9", "\u65e5", "\ud83d\ude00", ""};
    return stems[k % stems.length] + k;
  }

  @Test
  void unpairedSurrogateIdsAreRejectedBeforeWriting() throws IOException {
    Interactions x = Interactions.builder(DuplicatePolicy.SUM).add("ok", "i", 1f).add("bad\ud800", "i", 1f).build();
    Path file = dir.resolve("x.reco");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InteractionsFormat.write(file, x, provenanceOf(implicit())));
    assertTrue(e.getMessage().contains("user id at index 1"), e.getMessage());
    assertTrue(e.getMessage().contains("U+D800"), e.getMessage());
    try (var listing = Files.list(dir)) {
      assertEquals(0, listing.count());
    }
  }

  @Test
  void otherTypesAreRejected() {
    byte[] model = TestEnvelopes.build(FormatType.MATRIX_FACTORIZATION, 1, new byte[4]);
    WrongFormatTypeException e = assertThrows(WrongFormatTypeException.class,
        () -> InteractionsFormat.fromBytes(model));
    assertEquals(FormatType.MATRIX_FACTORIZATION, e.found());
    UnsupportedFormatVersionException v = assertThrows(UnsupportedFormatVersionException.class,
        () -> InteractionsFormat.fromBytes(TestEnvelopes.build(FormatType.INTERACTIONS, 2, new byte[0])));
    assertEquals(2, v.found());
    assertEquals(1, v.maxSupported());
  }

  // ---- malformed payloads inside intact envelopes ----

  /** Builds a v1 payload by hand from the documented layout. */
  private static final class Payload {
    private final ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    Payload u8(int v) {
      b.put((byte) v);
      return this;
    }

    Payload u32(long v) {
      b.putInt((int) v);
      return this;
    }

    Payload ids(String... ids) {
      u32(ids.length);
      for (String id : ids) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        u32(bytes.length);
        b.put(bytes);
      }
      return this;
    }

    Payload raw(byte... bytes) {
      b.put(bytes);
      return this;
    }

    Payload f32(float v) {
      b.putFloat(v);
      return this;
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(b.array(), b.position());
    }
  }

  private static FormatException malformed(Payload p, String... parts) {
    byte[] envelope = TestEnvelopes.build(FormatType.INTERACTIONS, 1, p.bytes());
    FormatException e = assertThrows(FormatException.class, () -> InteractionsFormat.fromBytes(envelope));
    assertEquals(FormatException.class, e.getClass(), e.getMessage());
    assertTrue(e.getMessage().contains("in-memory envelope: INTERACTIONS payload version 1"), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
    return e;
  }

  @Test
  void handWrittenPayloadIsRead() {
    // 1 row (u, i, 2.5), no optional columns: the layout as documented
    Payload p = new Payload().u8(0).u32(1).ids("u").ids("i").u32(0).u32(0).f32(2.5f);
    Interactions x = InteractionsFormat.fromBytes(TestEnvelopes.build(FormatType.INTERACTIONS, 1, p.bytes()));
    assertEquals(1, x.size());
    assertEquals("u", x.users().idOf(x.user(0)));
    assertEquals(2.5f, x.value(0));
    assertArrayEquals(p.bytes(), payloadOf(InteractionsFormat.toBytes(x, TestEnvelopes.provenance())));
  }

  private static byte[] payloadOf(byte[] envelope) {
    ByteBuffer b = Envelope.fromBytes(envelope, FormatType.INTERACTIONS, 1).payload();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Test
  void unknownFlagsAreRejected() {
    malformed(new Payload().u8(4).u32(0).ids().ids(), "flags = 0x4");
  }

  @Test
  void absurdCountsFailBeforeAllocating() {
    malformed(new Payload().u8(0).u32(0xFFFF_FFFFL).ids().ids(), "row count = 4294967295");
    malformed(new Payload().u8(0).u32(0x1000_0000L).ids().ids(), "row count = 268435456", "needs 3221225472 bytes");
    malformed(new Payload().u8(0).u32(0).u32(0x7FFF_FFF0L), "count of user ids = 2147483632");
    malformed(new Payload().u8(0).u32(0).u32(1).u32(0xFFFF_FFFFL), "string length = 4294967295");
  }

  @Test
  void truncatedPayloadIsMalformed() {
    // declares one row but the value column is missing
    malformed(new Payload().u8(0).u32(1).ids("u").ids("i").u32(0).u32(0), "cannot read 1 floats");
    malformed(new Payload(), "payload ends");
  }

  @Test
  void trailingPayloadBytesAreRejected() {
    malformed(new Payload().u8(0).u32(0).ids().ids().raw((byte) 1, (byte) 2), "2 unexpected bytes");
  }

  @Test
  void invalidIdsAreRejected() {
    malformed(new Payload().u8(0).u32(0).ids("a", "a").ids(), "user ids are invalid", "'a'");
    malformed(new Payload().u8(0).u32(0).u32(1).u32(2).raw((byte) 0xC3, (byte) 0x28).ids(), "not valid UTF-8");
  }

  @Test
  void inconsistentColumnsAreRejected() {
    // user index 5 with one user, and a NaN value
    malformed(new Payload().u8(0).u32(1).ids("u").ids("i").u32(5).u32(0).f32(1f), "user[0] = 5");
    malformed(new Payload().u8(0).u32(1).ids("u").ids("i").u32(0).u32(0).f32(Float.NaN), "value[0] = NaN");
    // event-type code 1 with one event type
    malformed(new Payload().u8(2).u32(1).ids("u").ids("i").ids("view").u32(0).u32(0).f32(1f).raw((byte) 1),
        "eventType[0] = 1");
  }
}
