package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.core.registry.ModelRegistry;
import dev.reco.core.registry.VersionMetadata;
import dev.reco.core.serving.LiveModel;
import dev.reco.core.serving.LoadFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link OnnxRanker} on the small models of {@code tools/fixtures/onnx_fixtures.py}: scores,
 * output shapes, missing values, load-time validation, concurrency and the close protocol.
 *
 * <p>Every linear fixture computes {@code 0.5 x0 - 1.25 x1 + 2 x2 + 0.75 x3 + 0.125}
 * ({@code linear_weights.json}); the weights are binary fractions, so on small integer and
 * half-integer inputs float32 arithmetic is exact in any summation order.
 */
class OnnxRankerTest {
  private static final String DIR = "onnx/";
  private static final FeatureSchema FOUR = FeatureSchema.numbered("f", 4);
  private static final FeatureSchema META =
      FeatureSchema.of("age", "price", "clicks", "dwell").withMissingValue(-999f);

  /** Three rows whose scores are worked out by hand below. */
  private static final float[] ROWS = {
      1, 2, 3, 4,
      0, 0, 0, 0,
      -2, 0.5f, 1.5f, -4,
  };
  /*
   * row 0: 0.5*1 - 1.25*2 + 2*3 + 0.75*4 + 0.125 = 0.5 - 2.5 + 6 + 3 + 0.125 = 7.125
   * row 1: 0.125 (bias only)
   * row 2: 0.5*-2 - 1.25*0.5 + 2*1.5 + 0.75*-4 + 0.125 = -1 - 0.625 + 3 - 3 + 0.125 = -1.5
   */
  private static final float[] ROW_SCORES = {7.125f, 0.125f, -1.5f};

  static byte[] bytes(String name) {
    try (InputStream in = OnnxRankerTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path path(String name) {
    try {
      return Path.of(OnnxRankerTest.class.getResource(DIR + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The weights and bias of the linear fixtures, read from linear_weights.json. */
  static LinearRanker reference(FeatureSchema schema) {
    try {
      JsonNode json = new ObjectMapper().readTree(bytes("linear_weights.json"));
      double[] w = new double[4];
      for (int i = 0; i < 4; i++) {
        w[i] = json.get("weights").get(i).asDouble();
      }
      return new LinearRanker(schema, w, json.get("bias").asDouble(), ScoreOutput.IDENTITY);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[] randomRows(SplittableRandom random, int rows) {
    float[] x = new float[rows * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextDouble() * 20 - 10);
    }
    return x;
  }

  private static void assertClose(float expected, float actual, String what) {
    float tolerance = 1e-5f * Math.max(1f, Math.abs(expected));
    assertEquals(expected, actual, tolerance, what);
  }

  private static void assertScoresClose(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, "length");
    for (int r = 0; r < expected.length; r++) {
      assertClose(expected[r], actual[r], "row " + r);
    }
  }

  // ------------------------------------------------------------------ scores

  @Test
  void scoresEqualTheHandComputedLinearScores() {
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      assertArrayEquals(ROW_SCORES, ranker.score(ROWS, 3));
      assertEquals(7.125f, ranker.scoreOne(new float[] {1, 2, 3, 4}));
      assertEquals("features", ranker.inputName());
      assertEquals("score", ranker.outputName());
      assertEquals(FOUR, ranker.schema());
    }
  }

  @Test
  void outputOfShapeBatchScoresLikeBatchByOne() throws IOException {
    try (OnnxRanker column = OnnxRanker.load(path("linear_n1.onnx"), FOUR);
         OnnxRanker flat = OnnxRanker.load(path("linear_n.onnx"), FOUR)) {
      assertArrayEquals(ROW_SCORES, flat.score(ROWS, 3));
      // on random inputs the two graphs run different kernels (MatMul by a vector vs. a fused
      // Gemm) and may differ in the last bit
      float[] x = randomRows(new SplittableRandom(11), 37);
      assertScoresClose(column.score(x, 37), flat.score(x, 37));
    }
  }

  @Property(tries = 60, seed = "4242")
  void scoresMatchTheJavaLinearModel(@ForAll @IntRange(min = 1, max = 300) int rows,
      @ForAll long seed) {
    LinearRanker expected = reference(FOUR);
    float[] x = randomRows(new SplittableRandom(seed), rows);
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      float[] want = expected.score(x, rows);
      float[] got = ranker.score(x, rows);
      for (int r = 0; r < rows; r++) {
        assertClose(want[r], got[r], "row " + r);
      }
    }
  }

  @Test
  void writesOnlyTheFirstRowsOfALongerOutputArray() {
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      float[] scores = {9, 9, 9, 9, 9};
      ranker.score(ROWS, 2, scores);
      assertArrayEquals(new float[] {7.125f, 0.125f, 9, 9, 9}, scores);
      ranker.score(ROWS, 0, scores); // nothing to do, nothing written
      assertArrayEquals(new float[] {7.125f, 0.125f, 9, 9, 9}, scores);
    }
  }

  @Test
  void badBatchArgumentsAreRejectedWithTheValue() {
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      IllegalArgumentException shortFeatures = assertThrows(IllegalArgumentException.class,
          () -> ranker.score(new float[7], 2, new float[2]));
      assertTrue(shortFeatures.getMessage().contains("features.length = 7"),
          shortFeatures.getMessage());
      IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
          () -> ranker.score(ROWS, -1, new float[3]));
      assertTrue(negative.getMessage().contains("rows = -1"), negative.getMessage());
    }
  }

  @Test
  void aFixedBatchModelIsFedInPaddedChunks() {
    // linear_fixed takes exactly 2 rows; 5 rows go as 2 + 2 + (1 + a zero row)
    float[] x = randomRows(new SplittableRandom(5), 5);
    try (OnnxRanker fixed = OnnxRanker.load(bytes("linear_fixed.onnx"), FOUR);
         OnnxRanker free = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      assertScoresClose(free.score(x, 5), fixed.score(x, 5));
      assertArrayEquals(ROW_SCORES, fixed.score(ROWS, 3));
      assertEquals(7.125f, fixed.scoreOne(new float[] {1, 2, 3, 4}));
    }
  }

  @Test
  void batchesLargerThanOneChunkAndThanThePoolLimitScoreEveryRow() {
    // 70000 rows: two tensors (65536 + 4464 rows) and 280000 floats per buffer, still pooled;
    // 300000 rows (1.2 M floats) exceed the 4 MiB pooled limit and use a one-off buffer
    LinearRanker expected = reference(FOUR);
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n.onnx"), FOUR)) {
      for (int rows : new int[] {70_000, 300_000}) {
        float[] x = randomRows(new SplittableRandom(rows), rows);
        float[] want = expected.score(x, rows);
        float[] got = ranker.score(x, rows);
        for (int r = 0; r < rows; r++) {
          assertClose(want[r], got[r], rows + " rows, row " + r);
        }
      }
      assertEquals(1, ranker.pooledBuffers());
    }
  }

  // ------------------------------------------------------------------ missing values

  @Test
  void nanReachesTheModelUnchanged() {
    // linear_n1 has no imputation: NaN * w propagates, the other rows are unaffected
    float[] x = ROWS.clone();
    x[5] = Float.NaN; // row 1, feature 1
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      float[] scores = ranker.score(x, 3);
      assertEquals(7.125f, scores[0]);
      assertTrue(Float.isNaN(scores[1]), "row 1 = " + scores[1]);
      assertEquals(-1.5f, scores[2]);
    }
  }

  @Test
  void theSentinelIsReplacedByNanBeforeTheModelSeesIt() {
    // linear_meta maps NaN to 0 (Where(IsNaN(x), 0, x)), so a missing value contributes nothing:
    // row [1, -999, 3, 4]: 0.5*1 + 0 + 2*3 + 0.75*4 + 0.125 = 9.625 (not 9.625 + 1248.75)
    // row [NaN, 2, 3, 4]:  0 - 1.25*2 + 6 + 3 + 0.125 = 6.625
    // row [-998, 0, 0, 0]: a value next to the sentinel is a value: 0.5*-998 + 0.125 = -498.875
    float[] x = {
        1, -999, 3, 4,
        Float.NaN, 2, 3, 4,
        -998, 0, 0, 0,
        1, 2, 3, 4,
    };
    float[] input = x.clone();
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_meta.onnx"), META)) {
      float[] scores = ranker.score(x, 4);
      assertArrayEquals(new float[] {9.625f, 6.625f, -498.875f, 7.125f}, scores);
      assertArrayEquals(reference(META).score(x, 4), scores);
      assertArrayEquals(input, x, "the caller's array is not modified");
    }
  }

  @Test
  void aTreeEnsembleSendsMissingValuesTheDefaultWay() {
    // tree.onnx: x1 < 2.5 ? 1.0 (missing: left) : (x2 < 0.5 ? 2.0 : 3.0 (missing: right)); + 0.5
    FeatureSchema schema = FeatureSchema.numbered("f", 4).withMissingValue(-999f);
    float[] x = {
        0, 1, 0, 0,          // 1 < 2.5: left                          1.0 + 0.5 = 1.5
        0, 3, 0, 0,          // right, 0 < 0.5                         2.0 + 0.5 = 2.5
        0, 3, 1, 0,          // right, 1 >= 0.5                        3.0 + 0.5 = 3.5
        0, -999, 1, 0,       // sentinel at the root: missing -> left  1.5
        0, Float.NaN, 1, 0,  // NaN at the root: left                  1.5
        0, 3, -999, 0,       // sentinel at node 2: missing -> right   3.5 (as a value: 2.5)
        0, 3, -1000, 0,      // a value below the threshold: left      2.5
        0, 2.5f, 0.25f, 0,   // on the threshold: not < 2.5, right     2.5
    };
    float[] expected = {1.5f, 2.5f, 3.5f, 1.5f, 1.5f, 3.5f, 2.5f, 2.5f};
    TreeEnsemble.TreeBuilder tree = TreeEnsemble.Tree.builder(TreeEnsemble.SplitRule.LESS_THAN);
    int root = tree.split(1, 2.5, true, TreeEnsemble.Missing.DEFAULT_DIRECTION);
    int inner = tree.split(2, 0.5, false, TreeEnsemble.Missing.DEFAULT_DIRECTION);
    tree.children(root, tree.leaf(1.0), inner);
    tree.children(inner, tree.leaf(2.0), tree.leaf(3.0));
    TreeEnsemble nativeTrees = TreeEnsemble.builder(schema).baseMargin(0.5).add(tree.build())
        .build();
    try (OnnxRanker ranker = OnnxRanker.load(bytes("tree.onnx"), schema)) {
      assertArrayEquals(expected, ranker.score(x, 8));
      assertArrayEquals(nativeTrees.score(x, 8), ranker.score(x, 8));
      assertEquals("TreeEnsemble", ranker.metadata().get(OnnxMetadata.MODEL));
    }
  }

  @Test
  void metadataIsExposedReadOnly() {
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_meta.onnx"), META)) {
      assertEquals("[\"age\", \"price\", \"clicks\", \"dwell\"]",
          ranker.metadata().get(OnnxMetadata.FEATURES));
      assertEquals("-999", ranker.metadata().get(OnnxMetadata.MISSING_VALUE));
      assertEquals("Linear", ranker.metadata().get(OnnxMetadata.MODEL));
      assertEquals("{\"trainer\": \"fixture\", \"seed\": 7}",
          ranker.metadata().get(OnnxMetadata.PROVENANCE));
      assertThrows(UnsupportedOperationException.class,
          () -> ranker.metadata().put("x", "y"));
    }
    try (OnnxRanker plain = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      assertTrue(plain.metadata().isEmpty(), plain.metadata().toString());
    }
  }

  @Test
  void missingValueMetadataRoundTrips() {
    assertEquals("NaN", OnnxMetadata.formatMissingValue(Float.NaN));
    assertEquals("-999.0", OnnxMetadata.formatMissingValue(-999f));
    for (float v : new float[] {0f, -999f, 0.1f, 1e-30f, Float.MAX_VALUE}) {
      assertEquals(v, OnnxMetadata.parseMissingValue(OnnxMetadata.formatMissingValue(v)));
    }
    assertTrue(Float.isNaN(OnnxMetadata.parseMissingValue("NaN")));
    for (String bad : new String[] {"nan", "Infinity", "", "-999x"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> OnnxMetadata.parseMissingValue(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  // ------------------------------------------------------------------ validation at load

  private static String loadError(String model, FeatureSchema schema) {
    return loadError(model, schema, OnnxRanker.Options.DEFAULT);
  }

  private static String loadError(String model, FeatureSchema schema,
      OnnxRanker.Options options) {
    return assertThrows(IllegalArgumentException.class,
        () -> OnnxRanker.load(bytes(model), schema, options).close()).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' not in: " + message);
    }
  }

  @Test
  void aWrongFeatureCountIsRejected() {
    assertMentions(loadError("linear_n1.onnx", FeatureSchema.numbered("f", 3)),
        "input 'features' has shape [N, 4] (4 features)", "expected [batch, 3]");
    assertMentions(loadError("linear_fixed.onnx", FeatureSchema.numbered("f", 5)),
        "shape [2, 4]", "expected [batch, 5]");
  }

  @Test
  void wrongFeatureNamesOrSentinelAreRejected() {
    assertMentions(loadError("linear_meta.onnx",
            FeatureSchema.of("age", "price", "clicks", "dwell_time").withMissingValue(-999f)),
        "feature 3 is 'dwell'", "expected 'dwell_time'");
    assertMentions(loadError("linear_meta.onnx",
            FeatureSchema.of("price", "age", "clicks", "dwell").withMissingValue(-999f)),
        "feature 0 is 'age'", "expected 'price'");
    assertMentions(loadError("linear_meta.onnx", FeatureSchema.of("age", "price", "clicks",
        "dwell")), "missing value is -999.0", "expected NaN");
    // the count is checked before the names, from the input shape
    assertMentions(loadError("linear_meta.onnx", FeatureSchema.of("age", "price", "clicks")),
        "(4 features)", "expected [batch, 3]");
  }

  @Test
  void aModelWithTwoInputsIsRejected() {
    assertMentions(loadError("two_inputs.onnx", FOUR), "has 2 inputs [a, b]",
        "expected exactly one float tensor input [batch, 4]");
  }

  @Test
  void aDoubleInputIsRejected() {
    assertMentions(loadError("double_input.onnx", FOUR),
        "input 'features' is a double tensor [-1, 4]", "expected a float tensor");
  }

  @Test
  void anOutputWithSeveralColumnsIsRejected() {
    assertMentions(loadError("two_columns.onnx", FOUR), "output 'score' has shape [N, 2]",
        "expected [batch] or [batch, 1]");
  }

  @Test
  void inputAndOutputNamesMustExist() {
    OnnxRanker.Options named = OnnxRanker.Options.DEFAULT.withInputName("features")
        .withOutputName("score");
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR, named)) {
      assertArrayEquals(ROW_SCORES, ranker.score(ROWS, 3));
    }
    assertMentions(loadError("linear_n1.onnx", FOUR,
        OnnxRanker.Options.DEFAULT.withInputName("x")), "inputName = 'x'", "input 'features'");
    assertMentions(loadError("linear_n1.onnx", FOUR,
        OnnxRanker.Options.DEFAULT.withOutputName("probability")), "outputName = 'probability'",
        "outputs [score]");
  }

  @Test
  void bytesThatAreNotAModelAreRejected() {
    assertMentions(loadError("linear_weights.json", FOUR), "ONNX model (",
        "cannot be loaded by ONNX Runtime", "expected a valid ONNX model");
  }

  @Test
  void aMissingFileIsAnIoError() {
    Path missing = path("linear_n1.onnx").resolveSibling("nothing-here.onnx");
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> OnnxRanker.load(missing, FOUR));
    assertTrue(e.getMessage().contains("nothing-here.onnx"), e.getMessage());
  }

  @Test
  void pathAndBytesLoadTheSameModel() throws IOException {
    try (OnnxRanker fromPath = OnnxRanker.load(path("linear_meta.onnx"), META);
         OnnxRanker fromBytes = OnnxRanker.load(bytes("linear_meta.onnx"), META)) {
      assertEquals(fromPath.metadata(), fromBytes.metadata());
      float[] x = randomRows(new SplittableRandom(3), 20);
      assertArrayEquals(fromPath.score(x, 20), fromBytes.score(x, 20));
      assertTrue(fromPath.toString().contains("linear_meta.onnx"), fromPath.toString());
    }
  }

  // ------------------------------------------------------------------ options

  @Test
  void defaultsAreOneThreadNoSpinningAllOptimizations() {
    OnnxRanker.Options d = OnnxRanker.Options.DEFAULT;
    assertEquals(1, d.intraOpThreads());
    assertEquals(1, d.interOpThreads());
    assertFalse(d.allowSpinning());
    assertEquals(OnnxRanker.Optimization.ALL, d.optimizationLevel());
    assertEquals(null, d.inputName());
    assertEquals(null, d.outputName());
  }

  @Test
  void optionsAreValidated() {
    OnnxRanker.Options d = OnnxRanker.Options.DEFAULT;
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> d.withIntraOpThreads(-1)).getMessage(), "intraOpThreads = -1",
        "expected intraOpThreads >= 0");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> d.withInterOpThreads(-3)).getMessage(), "interOpThreads = -3",
        "expected interOpThreads >= 0");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> d.withOptimizationLevel(null)).getMessage(), "optimizationLevel = null",
        "[NONE, BASIC, EXTENDED, ALL]");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> d.withInputName(" ")).getMessage(), "inputName = ' '", "non-blank");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> d.withOutputName("")).getMessage(), "outputName = ''", "non-blank");
  }

  @Test
  void spinningIsOffUnlessAllowed() {
    try (OnnxRanker quiet = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR);
         OnnxRanker spinning = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR,
             OnnxRanker.Options.DEFAULT.withAllowSpinning(true))) {
      assertEquals("0", quiet.sessionConfig().get("session.intra_op.allow_spinning"));
      assertEquals("0", quiet.sessionConfig().get("session.inter_op.allow_spinning"));
      assertEquals("1", spinning.sessionConfig().get("session.intra_op.allow_spinning"));
      assertEquals("1", spinning.sessionConfig().get("session.inter_op.allow_spinning"));
    }
  }

  @Test
  void everyOptionCombinationLoadsAndScoresTheSame() {
    // thread counts, spinning and graph optimizations change how, never what, is computed
    for (OnnxRanker.Optimization level : OnnxRanker.Optimization.values()) {
      OnnxRanker.Options o = new OnnxRanker.Options(level.ordinal() % 3, 2,
          level.ordinal() % 2 == 0, level, null, null);
      try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_meta.onnx"), META, o)) {
        assertArrayEquals(ROW_SCORES, ranker.score(ROWS, 3), level.toString());
      }
    }
  }

  // ------------------------------------------------------------------ threads and lifetime

  @Test
  void fourThreadsScoreLikeOne() throws Exception {
    int batches = 200;
    SplittableRandom random = new SplittableRandom(99);
    List<float[]> inputs = new ArrayList<>();
    int[] sizes = new int[batches];
    for (int b = 0; b < batches; b++) {
      sizes[b] = 1 + random.nextInt(b % 10 == 0 ? 500 : 50);
      inputs.add(randomRows(random, sizes[b]));
    }
    try (OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR)) {
      List<float[]> single = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        single.add(ranker.score(inputs.get(b), sizes[b]));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<float[]>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int offset = t * 50; // each thread walks all batches from a different start
          futures.add(pool.submit(() -> {
            start.await();
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
              int b = (offset + i) % batches;
              out.add(ranker.score(inputs.get(b), sizes[b]));
            }
            return out;
          }));
        }
        start.countDown();
        for (int t = 0; t < 4; t++) {
          List<float[]> out = futures.get(t).get();
          for (int i = 0; i < batches; i++) {
            int b = (t * 50 + i) % batches;
            assertArrayEquals(single.get(b), out.get(i), "thread " + t + ", batch " + b);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertTrue(ranker.pooledBuffers() <= 4, "pooled " + ranker.pooledBuffers());
    }
  }

  @Test
  void closeWaitsForTheCallInFlight() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    AtomicReference<Thread> scorer = new AtomicReference<>();
    Runnable hook = () -> {
      if (Thread.currentThread() == scorer.get()) {
        entered.countDown();
        try {
          proceed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR,
        OnnxRanker.Options.DEFAULT, hook);
    AtomicReference<float[]> inFlightScores = new AtomicReference<>();
    Thread call = new Thread(() -> inFlightScores.set(ranker.score(ROWS, 3)));
    call.setDaemon(true);
    scorer.set(call);
    call.start();
    entered.await(); // the call holds its reference and waits inside score()

    Thread closer = new Thread(ranker::close);
    closer.setDaemon(true);
    closer.start();
    try {
      // close() marks the ranker closed first: new calls fail from then on
      while (!ranker.isClosed()) {
        Thread.onSpinWait();
      }
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> ranker.score(ROWS, 3));
      assertEquals("OnnxRanker is closed", refused.getMessage());
      // then it blocks until the call returns; a close() that did not wait would terminate
      while (closer.isAlive() && closer.getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      assertTrue(closer.isAlive(), "close() returned while a call was in flight");
      assertFalse(ranker.released(), "the session was released under a running call");
    } finally {
      proceed.countDown();
    }
    call.join();
    closer.join();
    assertArrayEquals(ROW_SCORES, inFlightScores.get(), "the in-flight call completed normally");
    assertTrue(ranker.released());
  }

  @Test
  void scoreAfterCloseThrowsAndCloseIsIdempotent() {
    OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR);
    assertFalse(ranker.isClosed());
    ranker.close();
    assertTrue(ranker.isClosed());
    assertTrue(ranker.released());
    assertDoesNotThrow(ranker::close);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ranker.score(ROWS, 3));
    assertEquals("OnnxRanker is closed", e.getMessage());
    assertThrows(IllegalStateException.class, () -> ranker.scoreOne(new float[4]));
    assertTrue(ranker.toString().contains("closed"), ranker.toString());
  }

  @Test
  void aCallThatThrowsStillReleasesItsReference() {
    OnnxRanker ranker = OnnxRanker.load(bytes("linear_n1.onnx"), FOUR);
    assertThrows(IllegalArgumentException.class, () -> ranker.score(new float[1], 1));
    ranker.close(); // would wait forever if the failed call had kept its reference
    assertTrue(ranker.released());
  }

  @Test
  void aLiveModelSwapClosesTheOldRankerAfterItsLastLease() {
    ModelRegistry registry = ModelRegistry.inMemory(InstantSource.system());
    int v1 = registry.register("ranker", bytes("linear_n1.onnx"), VersionMetadata.empty())
        .version();
    int v2 = registry.register("ranker", bytes("linear_n.onnx"), VersionMetadata.empty())
        .version();
    int v3 = registry.register("ranker", bytes("two_inputs.onnx"), VersionMetadata.empty())
        .version();
    registry.setAlias("ranker", "champion", v1, "test", "first");
    try (LiveModel<OnnxRanker> live = LiveModel.builder(registry, "ranker", "champion",
            (version, artifact) -> OnnxRanker.load(artifact, FOUR))
        .warmUp((ranker, version) -> ranker.score(ROWS, 3))
        .build()) {
      LiveModel.Lease<OnnxRanker> lease = live.acquire();
      OnnxRanker first = lease.get();
      assertEquals("score", first.outputName());

      registry.setAlias("ranker", "champion", v2, "test", "swap");
      LiveModel.Status swapped = live.refresh().join();
      assertEquals(v2, swapped.serving().version());
      OnnxRanker second = live.call(r -> r);
      assertFalse(first == second, "a new ranker serves");
      assertArrayEquals(ROW_SCORES, live.call(r -> r.score(ROWS, 3)));
      // the old ranker still serves the open lease
      assertFalse(first.isClosed());
      assertArrayEquals(ROW_SCORES, lease.get().score(ROWS, 3));
      lease.close();
      assertTrue(first.isClosed(), "released with its last lease");
      assertTrue(first.released());

      // a version that does not fit the schema fails at load; the serving ranker stays
      registry.setAlias("ranker", "champion", v3, "test", "bad");
      LiveModel.Status failed = live.refresh().join();
      assertEquals(v2, failed.serving().version());
      assertEquals(LoadFailure.Stage.LOAD, failed.lastFailure().stage());
      assertMentions(failed.lastFailure().cause().getMessage(), "has 2 inputs [a, b]");
      assertFalse(second.isClosed());
    }
  }

  // ------------------------------------------------------------------ optional dependency

  @Test
  void anAbsentRuntimeClassNamesTheCoordinatesToAdd() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OnnxRuntimeCheck.require("ai.onnxruntime.NoSuchClass",
            OnnxRankerTest.class.getClassLoader()));
    assertMentions(e.getMessage(), "ai.onnxruntime.NoSuchClass is not on the classpath",
        "com.microsoft.onnxruntime:onnxruntime:1.29.0",
        "<groupId>com.microsoft.onnxruntime</groupId>", "<artifactId>onnxruntime</artifactId>");
    assertInstanceOf(ClassNotFoundException.class, e.getCause());
    assertDoesNotThrow(() -> OnnxRuntimeCheck.require(OnnxRuntimeCheck.PROBE_CLASS,
        OnnxRankerTest.class.getClassLoader()));
  }

  @Test
  void theNamedVersionIsTheOneOnTheClasspath() {
    assertEquals(OnnxRuntimeCheck.VERSION, OrtEnvironment.getEnvironment().getVersion());
  }

  @Test
  void withoutTheRuntimeJarLoadFailsWithTheCoordinates() throws Exception {
    // reco's classes, Jackson and slf4j, but not onnxruntime, under the platform loader
    Set<URL> urls = new LinkedHashSet<>();
    for (Class<?> c : new Class<?>[] {OnnxRanker.class, dev.reco.core.recommend.TopK.class,
        ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
        com.fasterxml.jackson.annotation.JsonProperty.class, org.slf4j.LoggerFactory.class}) {
      urls.add(c.getProtectionDomain().getCodeSource().getLocation());
    }
    URL ort = OrtEnvironment.class.getProtectionDomain().getCodeSource().getLocation();
    assertFalse(urls.contains(ort), urls.toString());
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class,
          () -> Class.forName(OnnxRuntimeCheck.PROBE_CLASS, false, loader));
      Class<?> schemaClass = loader.loadClass(FeatureSchema.class.getName());
      Object schema = schemaClass.getMethod("of", String[].class)
          .invoke(null, (Object) new String[] {"a", "b", "c", "d"});
      Class<?> rankerClass = loader.loadClass(OnnxRanker.class.getName());
      Method load = rankerClass.getMethod("load", byte[].class, schemaClass);
      InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
          () -> load.invoke(null, bytes("linear_n1.onnx"), schema));
      IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown.getCause());
      assertMentions(e.getMessage(), "OnnxRanker needs ONNX Runtime",
          "com.microsoft.onnxruntime:onnxruntime:1.29.0");
      // the options record, the enum and the metadata keys work without the jar too
      Class<?> options = loader.loadClass(OnnxRanker.Options.class.getName());
      assertEquals(1, options.getMethod("intraOpThreads").invoke(options.getField("DEFAULT")
          .get(null)));
    }
  }
}
