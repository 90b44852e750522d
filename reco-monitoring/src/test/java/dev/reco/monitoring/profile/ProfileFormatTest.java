package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.format.ChecksumMismatchException;
import dev.reco.core.format.Envelope;
import dev.reco.core.format.FormatException;
import dev.reco.core.format.FormatType;
import dev.reco.core.format.InteractionsFormat;
import dev.reco.core.format.PayloadWriter;
import dev.reco.core.format.UnsupportedFormatVersionException;
import dev.reco.core.format.WrongFormatTypeException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips, errors and the golden file of the drift-profile format.
 *
 * <p>To write the golden file (only when adding a new format version; never rewrite a released
 * one): {@code ./mvnw -B -o -q -pl reco-monitoring test -Dtest=ProfileFormatTest
 * -Dreco.golden.regenerate=true}
 */
class ProfileFormatTest {
  private static final String GOLDEN = "drift-profile-v1.reco";

  private static SingleWriterProfile filled(int n, long seed) {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    SplittableRandom r = new SplittableRandom(seed);
    String[] countries = {"de", "fr", "us", "jp", null};
    for (int i = 0; i < n; i++) {
      p.update(0, i % 101 == 0 ? Double.NaN : r.nextGaussian() * 10 + 15);
      p.update(1, countries[r.nextInt(countries.length)]);
      p.update(2, r.nextDouble(-2, 2));
    }
    return p;
  }

  @Test
  void roundTripIsIdentical() {
    SingleWriterProfile p = filled(50_000, 5);
    assertFalse(p.sketch(0).exact(), "the sketch has compacted");
    byte[] bytes = ProfileFormat.toBytes(p, TestProfiles.provenance());
    SingleWriterProfile back = ProfileFormat.fromBytes(bytes);
    assertTrue(TestProfiles.sameCounters(p, back));
    assertEquals(p.sketch(0), back.sketch(0));
    assertArrayEquals(bytes, ProfileFormat.toBytes(back, TestProfiles.provenance()));
    // the read profile keeps working: it updates and merges like the original
    back.update(0, 12.0);
    p.update(0, 12.0);
    assertArrayEquals(p.counts(0), back.counts(0));
    assertEquals(p.sketch(0).n(), back.sketch(0).n());
  }

  @Property(tries = 40, seed = "31")
  void roundTripIsIdenticalForAnyContent(@ForAll @IntRange(min = 0, max = 5000) int n,
      @ForAll long seed) {
    SingleWriterProfile p = filled(n, seed);
    byte[] bytes = ProfileFormat.toBytes(p, TestProfiles.provenance());
    SingleWriterProfile back = ProfileFormat.fromBytes(bytes);
    assertTrue(TestProfiles.sameCounters(p, back));
    assertEquals(p.sketch(0), back.sketch(0));
    assertArrayEquals(bytes, ProfileFormat.toBytes(back, TestProfiles.provenance()));
  }

  @Test
  void emptyProfileRoundTrips(@TempDir Path dir) throws IOException {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    Path file = dir.resolve("empty.reco");
    ProfileFormat.write(file, p, TestProfiles.provenance());
    SingleWriterProfile back = ProfileFormat.read(file);
    assertTrue(TestProfiles.sameCounters(p, back));
    assertEquals(0, back.sketch(0).n());
    assertEquals(TestProfiles.provenance(),
        Envelope.read(file, FormatType.DRIFT_PROFILE, ProfileFormat.VERSION).provenance());
  }

  @Test
  void newerVersionIsRefusedClearly() {
    byte[] valid = ProfileFormat.toBytes(filled(10, 1), TestProfiles.provenance());
    byte[] payload = payloadOf(valid);
    byte[] v2 = Envelope.toBytes(FormatType.DRIFT_PROFILE, 2, TestProfiles.provenance(),
        PayloadWriter.ofBytes(payload));
    UnsupportedFormatVersionException e = assertThrows(UnsupportedFormatVersionException.class,
        () -> ProfileFormat.fromBytes(v2));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    assertTrue(e.getMessage().contains("supports versions 1 to 1"), e.getMessage());
  }

  @Test
  void corruptedBytesAndOtherTypesAreRefused() {
    byte[] valid = ProfileFormat.toBytes(filled(10, 1), TestProfiles.provenance());
    byte[] flipped = valid.clone();
    flipped[valid.length - 40] ^= 0x10;
    assertThrows(ChecksumMismatchException.class, () -> ProfileFormat.fromBytes(flipped));
    byte[] interactions = InteractionsFormat.toBytes(Interactions.builder(DuplicatePolicy.SUM)
        .add("u", "i", 1f).build(), TestProfiles.provenance());
    WrongFormatTypeException e = assertThrows(WrongFormatTypeException.class,
        () -> ProfileFormat.fromBytes(interactions));
    assertTrue(e.getMessage().contains("INTERACTIONS"), e.getMessage());
  }

  /** One numeric column "x", edges {0}, no sketch, counts {c0, c1}, missing m: 50 bytes. */
  private static ByteBuffer smallPayload(int kind, double edge, long c0, long c1, long missing,
      int extra) {
    ByteBuffer b = ByteBuffer.allocate(50 + extra).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(1).putInt(1).put("x".getBytes(StandardCharsets.UTF_8)).put((byte) kind);
    b.putInt(1).putDouble(edge).putInt(0);
    b.putLong(c0).putLong(c1).putLong(missing);
    return b;
  }

  private static SingleWriterProfile readPayload(ByteBuffer payload) {
    return ProfileFormat.fromBytes(Envelope.toBytes(FormatType.DRIFT_PROFILE, 1,
        TestProfiles.provenance(), PayloadWriter.ofBytes(payload.array())));
  }

  @Test
  void handWrittenPayloadIsRead() {
    SingleWriterProfile p = readPayload(smallPayload(0, 0.5, 3, 4, 2, 0));
    assertEquals("x", p.schema().column(0).name());
    assertArrayEquals(new double[] {0.5}, p.schema().column(0).bins().edges());
    assertArrayEquals(new long[] {3, 4}, p.counts(0));
    assertEquals(2, p.missing(0));
    assertFalse(p.hasSketch(0));
  }

  @Test
  void malformedPayloadsNameTheValue() {
    assertMalformed(smallPayload(7, 0.5, 3, 4, 2, 0), "kind = 7");
    assertMalformed(smallPayload(0, Double.NaN, 3, 4, 2, 0), "edges[0] = NaN");
    assertMalformed(smallPayload(0, 0.5, -3, 4, 2, 0), "counter 0 = -3");
    assertMalformed(smallPayload(0, 0.5, 3, 4, -2, 0), "missing = -2");
    assertMalformed(smallPayload(0, 0.5, 3, 4, 2, 3), "3 unexpected bytes");
    ByteBuffer noColumns = ByteBuffer.allocate(4);
    assertMalformed(noColumns, "column count = 0");
  }

  @Test
  void sketchThatDisagreesWithItsColumnIsRefused() {
    SingleWriterProfile p = filled(100, 3);
    byte[] payload = payloadOf(ProfileFormat.toBytes(p, TestProfiles.provenance()));
    // the price column's counters sit right before its missing count and sketch; find the
    // sketch by its length prefix: a valid profile whose counters are one higher must fail.
    SingleWriterProfile q = p.copy();
    q.countView(0)[1]++;
    byte[] mismatched = payloadOf(ProfileFormat.toBytes(q, TestProfiles.provenance()));
    assertEquals(payload.length, mismatched.length);
    FormatException e = assertThrows(FormatException.class,
        () -> readPayload(ByteBuffer.wrap(mismatched)));
    assertTrue(e.getMessage().contains("expected n = " + (p.count(0) + 1)), e.getMessage());
  }

  private static void assertMalformed(ByteBuffer payload, String detail) {
    FormatException e = assertThrows(FormatException.class, () -> readPayload(payload));
    assertEquals(FormatException.class, e.getClass());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
  }

  /** Any edit of a payload, rewrapped with a valid checksum, reads or fails with FormatException. */
  private static final byte[] FUZZ_PAYLOAD =
      payloadOf(ProfileFormat.toBytes(filled(300, 9), TestProfiles.provenance()));

  @Property(tries = 100, seed = "77")
  void mutatedPayloadsFailOnlyWithFormatException(@ForAll @IntRange(min = 0, max = 100_000) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll @IntRange(min = 0, max = 2) int kind) {
    byte[] payload = FUZZ_PAYLOAD;
    int i = at % payload.length;
    byte[] mutated;
    if (kind == 0) {
      mutated = payload.clone();
      mutated[i] ^= (byte) xor;
    } else if (kind == 1) {
      mutated = java.util.Arrays.copyOf(payload, i); // truncate
    } else {
      mutated = java.util.Arrays.copyOf(payload, payload.length + 1 + xor % 8); // append zeros
    }
    try {
      readPayload(ByteBuffer.wrap(mutated));
    } catch (FormatException expected) {
      // fine: a clear format error
    }
  }

  private static byte[] payloadOf(byte[] envelope) {
    ByteBuffer b = Envelope.fromBytes(envelope, FormatType.DRIFT_PROFILE, 1).payload();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  // ---- golden file ----

  /** The profile in drift-profile-v1.reco: exact sketches, so its bytes are deterministic. */
  static SingleWriterProfile goldenProfile() {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    for (double v : new double[] {-1, 0, 5, 12.5, 12.5, 29, 31, Double.NaN}) {
      p.update(0, v);
    }
    for (String c : new String[] {"de", "us", "us", "jp", null, "fr"}) {
      p.update(1, c);
    }
    for (double v : new double[] {-0.5, 0.25, Double.NaN, Double.NaN}) {
      p.update(2, v);
    }
    return p;
  }

  private static Path golden() throws URISyntaxException {
    return Path.of(ProfileFormatTest.class.getResource("/golden/" + GOLDEN).toURI());
  }

  @Test
  @EnabledIfSystemProperty(named = "reco.golden.regenerate", matches = "true")
  void regenerate() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
    Files.createDirectories(dir);
    ProfileFormat.write(dir.resolve(GOLDEN), goldenProfile(), TestProfiles.provenance());
  }

  @Test
  void readsGoldenV1() throws Exception {
    SingleWriterProfile p = ProfileFormat.read(golden());
    assertEquals(TestProfiles.schema(), p.schema());
    assertEquals(List.of("price", "country", "score"),
        p.schema().columns().stream().map(ProfileColumn::name).toList());
    // price edges 0, 10, 20, 30: -1 | 0, 5 | 12.5, 12.5 | 29 | 31; NaN missing
    assertArrayEquals(new long[] {1, 2, 2, 1, 1}, p.counts(0));
    assertEquals(1, p.missing(0));
    ColumnSketch s = p.sketch(0);
    assertEquals(7, s.n());
    assertTrue(s.exact());
    assertEquals(-1.0, s.min());
    assertEquals(31.0, s.max());
    assertEquals(5.0 / 7, s.cdf(12.5), 1e-15);
    // country de, fr, us, other(jp); one null
    assertArrayEquals(new long[] {1, 1, 2, 1}, p.counts(1));
    assertEquals(1, p.missing(1));
    // score edges -1, 0, 1: -0.5 | 0.25; two NaN
    assertArrayEquals(new long[] {0, 1, 1, 0}, p.counts(2));
    assertEquals(2, p.missing(2));
    assertFalse(p.hasSketch(2));
    // the envelope header: type 8 (DRIFT_PROFILE), payload version 1
    byte[] bytes = Files.readAllBytes(golden());
    assertEquals(8, bytes[10]);
    assertEquals(1, bytes[12]);
    // writing the same profile today gives the same bytes
    assertArrayEquals(bytes, ProfileFormat.toBytes(goldenProfile(), TestProfiles.provenance()));
  }
}
