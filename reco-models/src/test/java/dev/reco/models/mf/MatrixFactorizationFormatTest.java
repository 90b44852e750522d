package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.format.ChecksumMismatchException;
import dev.reco.core.format.Envelope;
import dev.reco.core.format.EnvelopeContents;
import dev.reco.core.format.FormatException;
import dev.reco.core.format.FormatType;
import dev.reco.core.format.InteractionsFormat;
import dev.reco.core.format.NotAnEnvelopeException;
import dev.reco.core.format.PayloadWriter;
import dev.reco.core.format.TruncatedFileException;
import dev.reco.core.format.UnsupportedFormatVersionException;
import dev.reco.core.format.WrongFormatTypeException;
import dev.reco.core.recommend.ContractFixture;
import dev.reco.core.recommend.RecommendOptions;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MatrixFactorizationFormat}: bit-identical round trips, the documented layout, errors. */
class MatrixFactorizationFormatTest {
  private static final RecommendOptions KEEP_SEEN = RecommendOptions.builder().excludeSeen(false).build();

  static MatrixFactorizationModel roundTrip(MatrixFactorizationModel model) {
    return MatrixFactorizationFormat.fromBytes(MatrixFactorizationFormat.toBytes(model));
  }

  /** Every array, prediction, list and similarity of the copy equals the original's, bit for bit. */
  static void assertIdentical(MatrixFactorizationModel original, MatrixFactorizationModel copy) {
    assertEquals(original, copy);
    assertEquals(original.users(), copy.users());
    assertEquals(original.items(), copy.items());
    assertEquals(original.factors(), copy.factors());
    assertArrayEquals(original.userFactors(), copy.userFactors());
    assertArrayEquals(original.itemFactors(), copy.itemFactors());
    assertArrayEquals(original.userBiases(), copy.userBiases());
    assertArrayEquals(original.itemBiases(), copy.itemBiases());
    assertEquals(Float.floatToRawIntBits(original.globalMean()), Float.floatToRawIntBits(copy.globalMean()));
    assertEquals(Float.floatToRawIntBits(original.minRating()), Float.floatToRawIntBits(copy.minRating()));
    assertEquals(Float.floatToRawIntBits(original.maxRating()), Float.floatToRawIntBits(copy.maxRating()));
    assertEquals(original.seen(), copy.seen());
    assertEquals(original.provenance(), copy.provenance());
    assertEquals(original.source(), copy.source());
    for (int u = 0; u < original.users().size(); u++) {
      assertEquals(original.knowsUser(u), copy.knowsUser(u));
      String id = original.users().idOf(u);
      assertEquals(original.recommend(id, 10), copy.recommend(id, 10), id);
      assertEquals(original.recommend(id, 10, KEEP_SEEN), copy.recommend(id, 10, KEEP_SEEN), id);
      assertEquals(original.similarUsers(id, 5), copy.similarUsers(id, 5), id);
      for (int i = 0; i < original.items().size(); i++) {
        assertEquals(Float.floatToRawIntBits(original.predict(u, i)),
            Float.floatToRawIntBits(copy.predict(u, i)), "predict(" + u + ", " + i + ")");
      }
    }
    for (String item : original.items().ids()) {
      assertEquals(original.similarItems(item, 5), copy.similarItems(item, 5), item);
    }
  }

  @Test
  void smallModelsRoundTripBitForBit() {
    for (MatrixFactorizationModel m : List.of(SmallModels.plain(), SmallModels.biased(),
        SmallModels.biased().withUsers(List.of("new"), new float[] {0.5f, -0.25f}))) {
      assertIdentical(m, roundTrip(m));
    }
  }

  @Test
  void fixtureModelsRoundTripBitForBit() {
    Interactions train = ContractFixture.train();
    for (boolean biases : new boolean[] {false, true}) {
      MatrixFactorizationModel m = TestModels.fromData(train, 7, 3, biases);
      MatrixFactorizationModel copy = roundTrip(m);
      assertIdentical(m, copy);
      assertEquals(m.recommendAll(10, RecommendOptions.defaults(), 1),
          copy.recommendAll(10, RecommendOptions.defaults(), 2));
    }
  }

  @Property(tries = 60, seed = "1357")
  void randomModelsRoundTrip(@ForAll @IntRange(min = 0, max = 25) int users,
      @ForAll @IntRange(min = 0, max = 25) int items, @ForAll @IntRange(min = 1, max = 9) int factors,
      @ForAll boolean biases, @ForAll long seed) {
    MatrixFactorizationModel m = TestModels.random(users, items, factors, seed, biases);
    byte[] bytes = MatrixFactorizationFormat.toBytes(m);
    MatrixFactorizationModel copy = MatrixFactorizationFormat.fromBytes(bytes);
    assertEquals(m, copy);
    // writing the copy gives the same bytes: nothing is lost or reordered
    assertArrayEquals(bytes, MatrixFactorizationFormat.toBytes(copy));
  }

  @Test
  void aModelWithoutSeenMatrixRoundTrips() {
    MatrixFactorizationModel m = MatrixFactorizationModel.builder(IdIndex.of("u"), IdIndex.of("a", "b"), 1)
        .userFactors(new float[] {-0f}).itemFactors(new float[] {Float.MIN_VALUE, -Float.MAX_VALUE})
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
    MatrixFactorizationModel copy = roundTrip(m);
    assertIdentical(m, copy);
    assertTrue(copy.seen().isEmpty());
    // -0.0, the smallest subnormal and the most negative float keep their bits
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(copy.userFactors()[0]));
    assertEquals(Float.MIN_VALUE, copy.itemFactors()[0]);
  }

  @Test
  void filesRoundTrip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("model.reco");
    MatrixFactorizationModel m = TestModels.fromData(ContractFixture.train(), 4, 8, true);
    MatrixFactorizationFormat.write(file, m);
    assertIdentical(m, MatrixFactorizationFormat.read(file));
    assertArrayEquals(MatrixFactorizationFormat.toBytes(m), Files.readAllBytes(file));
    EnvelopeContents contents = Envelope.read(file, FormatType.MATRIX_FACTORIZATION, 1);
    assertEquals(m.provenance(), contents.provenance());
    assertEquals(m, MatrixFactorizationFormat.decode(contents));
  }

  /** The writer's payload for {@link SmallModels#plain()}, laid out by hand from the docs. */
  @Test
  void writerFollowsTheDocumentedLayout() {
    byte[] expected = new Layout()
        .u8(4) // flags: seen matrix only
        .u32(2) // factors
        .str("mf-test") // source
        .ids("alice", "bob", "carol", "dan")
        .ids("a", "b", "c", "z")
        .u8(1).u8(1).u8(0).u8(1) // known flags: carol unknown
        .f32(1, 2, 0, 1, 0, 0, 0, 0) // user factors
        .f32(1, 0, 0.5f, 0.5f, -1, 3, 0, 0) // item factors
        .u32(1) // seen nnz
        .i32(0, 1, 1, 1, 1) // row pointers: alice has one entry
        .i32(1) // column: b
        .f32(2) // value
        .bytes();
    // 1 + 4 + (4 + 7) + (4 + 9 + 7 + 9 + 7) + (4 + 4 * 5) + 4 + 32 + 32 + (4 + 20 + 4 + 4) = 176
    assertEquals(176, expected.length);
    assertArrayEquals(expected, payload(MatrixFactorizationFormat.toBytes(SmallModels.plain())));
    // and the layout reads back as the model
    assertEquals(SmallModels.plain(), MatrixFactorizationFormat.fromBytes(envelope(1, expected)));
  }

  static byte[] payload(byte[] envelope) {
    ByteBuffer p = Envelope.fromBytes(envelope, FormatType.MATRIX_FACTORIZATION, 1).payload();
    byte[] bytes = new byte[p.remaining()];
    p.get(bytes);
    return bytes;
  }

  static byte[] envelope(int version, byte[] payload) {
    return Envelope.toBytes(FormatType.MATRIX_FACTORIZATION, version, TestModels.provenance(),
        PayloadWriter.ofBytes(payload));
  }

  // ---------------------------------------------------------------------------------------------
  // errors

  @Test
  void otherTypesAndVersionsAreRejected() {
    byte[] interactions = InteractionsFormat.toBytes(ContractFixture.train(), TestModels.provenance());
    assertThrows(WrongFormatTypeException.class, () -> MatrixFactorizationFormat.fromBytes(interactions));
    byte[] v2 = envelope(2, payload(MatrixFactorizationFormat.toBytes(SmallModels.plain())));
    UnsupportedFormatVersionException e = assertThrows(UnsupportedFormatVersionException.class,
        () -> MatrixFactorizationFormat.fromBytes(v2));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    EnvelopeContents other = Envelope.fromBytes(interactions, FormatType.INTERACTIONS, 1);
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> MatrixFactorizationFormat.decode(other));
    assertTrue(wrong.getMessage().contains("INTERACTIONS"), wrong.getMessage());
    EnvelopeContents newer = Envelope.fromBytes(v2, FormatType.MATRIX_FACTORIZATION, 2);
    FormatException f = assertThrows(FormatException.class, () -> MatrixFactorizationFormat.decode(newer));
    assertTrue(f.getMessage().contains("version 2"), f.getMessage());
  }

  @Test
  void damagedEnvelopesAreRejected() {
    byte[] valid = MatrixFactorizationFormat.toBytes(SmallModels.biased());
    assertThrows(TruncatedFileException.class,
        () -> MatrixFactorizationFormat.fromBytes(Arrays.copyOf(valid, valid.length - 1)));
    byte[] flipped = valid.clone();
    flipped[valid.length - 40] ^= 0x10;
    assertThrows(ChecksumMismatchException.class, () -> MatrixFactorizationFormat.fromBytes(flipped));
    assertThrows(NotAnEnvelopeException.class,
        () -> MatrixFactorizationFormat.fromBytes("not a model".getBytes()));
  }

  /** A valid plain payload, with one part replaced by {@code edit}. */
  private static byte[] plainPayload(int flags, long factors, String source, String[] users,
      int[] known, Consumer<Layout> rest) {
    Layout l = new Layout().u8(flags).u32(factors).str(source).ids(users).ids("a", "b");
    for (int k : known) {
      l.u8(k);
    }
    rest.accept(l);
    return l.bytes();
  }

  private static void assertMalformed(byte[] payload, String expectedInMessage) {
    FormatException e = assertThrows(FormatException.class,
        () -> MatrixFactorizationFormat.fromBytes(envelope(1, payload)));
    assertSame(FormatException.class, e.getClass(), e.toString());
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    assertTrue(e.getMessage().contains("in-memory envelope"), e.getMessage());
  }

  @Test
  void malformedPayloadsNameTheValue() {
    String[] uv = {"u", "v"};
    int[] known = {1, 1};
    Consumer<Layout> factors = l -> l.f32(1, 2).f32(3, 4); // 2 users x 1, 2 items x 1
    // sanity: the valid one reads
    MatrixFactorizationModel ok = MatrixFactorizationFormat.fromBytes(
        envelope(1, plainPayload(0, 1, "als", uv, known, factors)));
    assertEquals(4f, ok.itemVector(1)[0]);

    assertMalformed(plainPayload(8, 1, "als", uv, known, factors), "flags = 0x8");
    assertMalformed(plainPayload(0, 0, "als", uv, known, factors), "factors = 0");
    assertMalformed(plainPayload(0, 0xFFFF_FFFFL, "als", uv, known, factors), "factors = 4294967295");
    assertMalformed(plainPayload(0, 1000, "als", uv, known, factors), "user factors: 2 x 1000 floats");
    assertMalformed(plainPayload(0, 1, "ALS!", uv, known, factors), "source name");
    assertMalformed(plainPayload(0, 1, "als", new String[] {"u", "u"}, known, factors), "user ids");
    assertMalformed(plainPayload(0, 1, "als", uv, new int[] {1, 2}, factors), "known flag of user 1 = 2");
    assertMalformed(plainPayload(0, 1, "als", uv, known, l -> l.f32(1, Float.NaN).f32(3, 4)),
        "userFactors[1] = NaN");
    assertMalformed(plainPayload(0, 1, "als", uv, known, l -> l.f32(1, 2).f32(3)),
        "item factors: 2 x 1 floats need 8 bytes but only 4 remain");
    assertMalformed(plainPayload(0, 1, "als", uv, known, l -> l.f32(1, 2, 3, 4).u8(0)),
        "1 unexpected bytes");
    // biases
    assertMalformed(plainPayload(1, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).f32(Float.POSITIVE_INFINITY).f32(0, 0).f32(0, 0)), "global mean = Infinity");
    // clipping range
    assertMalformed(plainPayload(2, 1, "als", uv, known, l -> l.f32(1, 2, 3, 4).f32(5, 1)),
        "rating range [5.0, 1.0]");
    // seen matrix
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(1).i32(0, 1, 2).i32(0).f32(1)), "run from 0 to 2; expected 0 to nnz = 1");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(2).i32(0, 2, 1).i32(0, 1).f32(1, 1)), "expected 0 to nnz = 2");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(2).i32(0, 2, 0).i32(0, 1).f32(1, 1)), "run from 0 to 0");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(3).i32(0, 2, 1).i32(0, 1, 0).f32(1, 1, 1)), "run from 0 to 1");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(2).i32(0, 1, 2).i32(2, 0).f32(1, 1)), "seen column 2 in row 0");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(2).i32(0, 2, 2).i32(1, 1).f32(1, 1)), "not strictly increasing (1 then 1)");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(2).i32(0, 2, 2).i32(1, 0).f32(1, 1)), "not strictly increasing (1 then 0)");
    assertMalformed(plainPayload(4, 1, "als", uv, known,
        l -> l.f32(1, 2, 3, 4).u32(1000).i32(0, 2, 2)), "count of seen entries = 1000");
  }

  @Test
  void decreasingRowPointersAreRejected() {
    // pointers 0, 2, 1, 2 over 3 users: row 2 starts before row 1 ends
    byte[] payload = new Layout().u8(4).u32(1).str("als").ids("u", "v", "w").ids("a", "b", "c")
        .u8(1).u8(1).u8(1).f32(1, 2, 3).f32(4, 5, 6)
        .u32(2).i32(0, 2, 1, 2).i32(0, 1).f32(1, 1).bytes();
    assertMalformed(payload, "seen row pointer 2 = 1 after row pointer 1 = 2");
    // pointers 0, 5, 1, 2: row 0 would end beyond the 2 entries
    byte[] beyond = new Layout().u8(4).u32(1).str("als").ids("u", "v", "w").ids("a", "b", "c")
        .u8(1).u8(1).u8(1).f32(1, 2, 3).f32(4, 5, 6)
        .u32(2).i32(0, 5, 1, 2).i32(0, 1).f32(1, 1).bytes();
    assertMalformed(beyond, "seen row pointer 1 = 5 after row pointer 0 = 0; expected non-decreasing values up to nnz = 2");
  }

  @Test
  void unwritableIdsFailBeforeWriting(@TempDir Path dir) {
    MatrixFactorizationModel m = MatrixFactorizationModel.builder(IdIndex.of("bad\ud800"), IdIndex.of("a"), 1)
        .userFactors(new float[] {1}).itemFactors(new float[] {1})
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
    Path file = dir.resolve("m.reco");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MatrixFactorizationFormat.write(file, m));
    assertTrue(e.getMessage().contains("user id at index 0"), e.getMessage());
    assertTrue(Files.notExists(file));
  }
}
