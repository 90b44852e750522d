package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.core.DataFingerprint;
import dev.reco.core.IdIndex;
import dev.reco.core.format.Envelope;
import dev.reco.core.format.FormatType;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
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
 * Model files in {@code src/test/resources/golden/} written by payload version 1, which every
 * later version must keep reading with exactly this content.
 *
 * <p>To regenerate (only when adding a golden file for a new version; never rewrite a released
 * one): {@code ./mvnw -B -o -q -pl reco-models -am test -Dtest=MatrixFactorizationGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreco.golden.regenerate=true}
 */
class MatrixFactorizationGoldenTest {
  private static final String FULL = "mf-v1.reco";
  private static final String PLAIN = "mf-v1-plain.reco";

  /**
   * Every optional part: biases, clipping to [1, 5], a seen matrix, a user without vector and
   * non-ASCII ids. Users u (1, 0), v (0, 2), zoë (0, 0, unknown); items x (2, 1), 日本茶 (-1, 1);
   * mean 3.5, user biases 0.5, -1, 0; item biases 0.25, 1; u has seen x (value 1.5), v has seen
   * 日本茶 (value 4).
   */
  static MatrixFactorizationModel fullModel() {
    return MatrixFactorizationModel.builder(IdIndex.of("u", "v", "zo\u00eb"),
            IdIndex.of("x", "\u65e5\u672c\u8336"), 2)
        .userFactors(new float[] {1, 0, 0, 2, 0, 0})
        .itemFactors(new float[] {2, 1, -1, 1})
        .biases(3.5f, new float[] {0.5f, -1f, 0f}, new float[] {0.25f, 1f})
        .clip(1f, 5f)
        .seen(CsrMatrix.fromCoordinates(3, 2, new int[] {0, 1}, new int[] {0, 1},
            new float[] {1.5f, 4f}, 2))
        .knownUsers(new boolean[] {true, true, false})
        .provenance(provenance())
        .source(new Source("biased-svd"))
        .build();
  }

  /** No optional part: {@link SmallModels#plain()} without its seen matrix, source "als". */
  static MatrixFactorizationModel plainModel() {
    MatrixFactorizationModel p = SmallModels.plain();
    return MatrixFactorizationModel.builder(p.users(), p.items(), 2)
        .userFactors(p.userFactors()).itemFactors(p.itemFactors())
        .knownUsers(new boolean[] {true, true, false, true})
        .provenance(provenance()).source(new Source("als")).build();
  }

  /** Fixed provenance values, so that regenerating gives the same bytes on any machine. */
  static Provenance provenance() {
    return new Provenance("MatrixFactorizationGoldenTest", "{\"factors\":2,\"purpose\":\"golden file\"}",
        new DataFingerprint(2, 3, 2, "ab".repeat(32)), 20240501L, "0.1.0", "17.0.15+6",
        "Linux 6.1.0", "amd64", Instant.parse("2024-05-01T12:00:00Z"));
  }

  private static Path golden(String name) throws URISyntaxException {
    return Path.of(MatrixFactorizationGoldenTest.class.getResource("/golden/" + name).toURI());
  }

  @Test
  @EnabledIfSystemProperty(named = "reco.golden.regenerate", matches = "true")
  void regenerate() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
    Files.createDirectories(dir);
    MatrixFactorizationFormat.write(dir.resolve(FULL), fullModel());
    MatrixFactorizationFormat.write(dir.resolve(PLAIN), plainModel());
  }

  @Test
  void readsTheFullFileExactly() throws Exception {
    MatrixFactorizationModel m = MatrixFactorizationFormat.read(golden(FULL));
    assertEquals(List.of("u", "v", "zo\u00eb"), m.users().ids());
    assertEquals(List.of("x", "\u65e5\u672c\u8336"), m.items().ids());
    assertEquals(2, m.factors());
    assertArrayEquals(new float[] {1, 0, 0, 2, 0, 0}, m.userFactors());
    assertArrayEquals(new float[] {2, 1, -1, 1}, m.itemFactors());
    assertTrue(m.hasBiases());
    assertEquals(3.5f, m.globalMean());
    assertArrayEquals(new float[] {0.5f, -1f, 0f}, m.userBiases());
    assertArrayEquals(new float[] {0.25f, 1f}, m.itemBiases());
    assertEquals(1f, m.minRating());
    assertEquals(5f, m.maxRating());
    assertTrue(m.knowsUser(0));
    assertTrue(m.knowsUser(1));
    assertFalse(m.knowsUser(2));
    CsrMatrix seen = m.seen().orElseThrow();
    assertArrayEquals(new int[] {0}, seen.rowColumns(0));
    assertArrayEquals(new float[] {1.5f}, seen.rowValues(0));
    assertArrayEquals(new int[] {1}, seen.rowColumns(1));
    assertArrayEquals(new float[] {4f}, seen.rowValues(1));
    assertEquals(0, seen.rowLength(2));
    assertEquals(new Source("biased-svd"), m.source());
    assertEquals(provenance(), m.provenance());
    assertEquals(fullModel(), m);

    // predictions: (u, x) = 3.5 + 0.5 + 0.25 + 2 = 6.25 -> 5; (u, 日本茶) = 3.5 + 0.5 + 1 - 1 = 4;
    // (v, x) = 3.5 - 1 + 0.25 + 2 = 4.75; (zoë, x) = 3.5 + 0 + 0.25 + 0 = 3.75
    assertEquals(5f, m.predict("u", "x"));
    assertEquals(4f, m.predict("u", "\u65e5\u672c\u8336"));
    assertEquals(4.75f, m.predict("v", "x"));
    assertEquals(3.75f, m.predict("zo\u00eb", "x"));
    // u has seen x, so only 日本茶 with b + p.q = 1 - 1 = 0; v has seen 日本茶: x = 0.25 + 2
    Recommendations u = m.recommend("u", 5);
    assertEquals(List.of("\u65e5\u672c\u8336"), u.itemIds());
    assertArrayEquals(new float[] {0f}, u.scores());
    assertEquals(new Source("biased-svd"), u.source());
    assertArrayEquals(new float[] {2.25f}, m.recommend("v", 5).scores());
    assertFalse(m.recommend("zo\u00eb", 5).isServed());
    // cos(x, 日本茶) = (-2 + 1) / (sqrt(5) * sqrt(2)) = -1 / 3.16227766 = -0.31622777
    assertEquals(-0.31622777f, m.similarItems("x", 1).score(0), 1e-6f);
  }

  @Test
  void readsThePlainFileExactly() throws Exception {
    MatrixFactorizationModel m = MatrixFactorizationFormat.read(golden(PLAIN));
    assertEquals(List.of("alice", "bob", "carol", "dan"), m.users().ids());
    assertEquals(List.of("a", "b", "c", "z"), m.items().ids());
    assertArrayEquals(new float[] {1, 2, 0, 1, 0, 0, 0, 0}, m.userFactors());
    assertArrayEquals(new float[] {1, 0, 0.5f, 0.5f, -1, 3, 0, 0}, m.itemFactors());
    assertFalse(m.hasBiases());
    assertTrue(Float.isNaN(m.minRating()));
    assertTrue(m.seen().isEmpty());
    assertFalse(m.knowsUser(2));
    assertEquals(plainModel(), m);
    // no seen matrix: alice's list includes b; c = -1 + 6 = 5, b = 0.5 + 1 = 1.5, a = 1, z = 0
    Recommendations r = m.recommend("alice", 10, RecommendOptions.defaults());
    assertEquals(List.of("c", "b", "a", "z"), r.itemIds());
    assertArrayEquals(new float[] {5f, 1.5f, 1f, 0f}, r.scores());
  }

  @Test
  void goldenHeaderAndPayloadBytes() throws Exception {
    byte[] file = Files.readAllBytes(golden(FULL));
    int p = provenance().toJson().getBytes(StandardCharsets.UTF_8).length;
    // payload: flags 1 + factors 4 + source (4 + 10 "biased-svd") = 19
    //   + users 4 + (4+1 u) + (4+1 v) + (4+4 zoë) = 22
    //   + items 4 + (4+1 x) + (4+9 three CJK chars) = 22
    //   + known flags 3 + user factors 3*2*4 = 24 + item factors 2*2*4 = 16
    //   + biases 4 + 3*4 + 2*4 = 24 + clip 8
    //   + seen: nnz 4 + row pointers 4*4 + columns 2*4 + values 2*4 = 36
    //   = 19 + 22 + 22 + 3 + 24 + 16 + 24 + 8 + 36 = 174
    int payload = 174;
    byte[] header = {
        (byte) 0x89, 0x52, 0x45, 0x43, 0x4F, 0x0D, 0x0A, 0x1A, // magic
        0x01, 0x00, // layout version 1
        0x03, 0x00, // type MATRIX_FACTORIZATION = 3
        0x01, 0x00, 0x00, 0x00, // payload format version 1
        (byte) p, (byte) (p >>> 8), 0x00, 0x00, // provenance length
        (byte) payload, 0, 0, 0, 0, 0, 0, 0}; // payload length 174 = 0xAE
    assertArrayEquals(header, Arrays.copyOf(file, 28));
    assertEquals(28 + p + payload + 32, file.length);
    assertEquals(provenance().toJson(), new String(file, 28, p, StandardCharsets.UTF_8));
    // flags 0b111 (biases, clip, seen), factors 2, source length 10
    assertArrayEquals(new byte[] {7, 2, 0, 0, 0, 10, 0, 0, 0},
        Arrays.copyOfRange(file, 28 + p, 28 + p + 9));
    assertEquals(FormatType.MATRIX_FACTORIZATION,
        Envelope.read(golden(FULL), FormatType.MATRIX_FACTORIZATION, 1).type());
  }

  /**
   * The writer is deterministic and still writes version 1 byte for byte. When a version 2 is
   * introduced, this check moves to the version 2 golden files; the v1 files stay as they are.
   */
  @Test
  void currentWriterReproducesTheGoldenBytes() throws Exception {
    assertEquals(1, MatrixFactorizationFormat.VERSION);
    assertArrayEquals(Files.readAllBytes(golden(FULL)), MatrixFactorizationFormat.toBytes(fullModel()));
    assertArrayEquals(Files.readAllBytes(golden(PLAIN)), MatrixFactorizationFormat.toBytes(plainModel()));
  }
}
