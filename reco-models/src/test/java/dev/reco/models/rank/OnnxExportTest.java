package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-computed exports, the graph contract, metadata and rejected inputs. */
class OnnxExportTest {

  /**
   * Two trees, one per rule, a sentinel and base 0.125.
   * Tree 1 (LESS_THAN): f0 < 0.5 (missing left) ? 1.0 : -1.0.
   * Tree 2 (LESS_OR_EQUAL): (double) f1 <= 0.1 (missing as zero: 0 <= 0.1, left) ? 0.25 : 0.5.
   */
  static TreeEnsemble twoRules() {
    FeatureSchema schema = FeatureSchema.of("f0", "f1").withMissingValue(-999f);
    TreeEnsemble.TreeBuilder t1 = TreeEnsemble.Tree.builder(SplitRule.LESS_THAN);
    int n1 = t1.split(0, 0.5, true, Missing.DEFAULT_DIRECTION);
    t1.children(n1, t1.leaf(1.0), t1.leaf(-1.0));
    TreeEnsemble.TreeBuilder t2 = TreeEnsemble.Tree.builder(SplitRule.LESS_OR_EQUAL);
    int n2 = t2.split(1, 0.1, false, Missing.AS_ZERO);
    t2.children(n2, t2.leaf(0.25), t2.leaf(0.5));
    return TreeEnsemble.builder(schema).baseMargin(0.125).origin("hand-made")
        .add(t1.build()).add(t2.build()).build();
  }

  @Test
  void mixedRulesSentinelAndAsZeroByHand() throws OrtException {
    TreeEnsemble e = twoRules();
    float[] x = {
        0.5f, 0.1f, // 0.5 < 0.5 no: -1; (double) 0.1f = 0.10000000149 > 0.1: 0.5 -> 0.125 - 1 + 0.5
        Math.nextDown(0.5f), Math.nextDown(0.1f), // 1 and 0.099999994 <= 0.1: 0.25 -> 1.375
        Float.NaN, -999f, // NaN left: 1; sentinel as zero, 0 <= 0.1: 0.25 -> 1.375
        -999f, 5f, // sentinel left: 1; 5 > 0.1: 0.5 -> 1.625
    };
    float[] expected = {-0.375f, 1.375f, 1.375f, 1.625f};
    assertArrayEquals(expected, e.score(x, 4));
    assertArrayEquals(expected, OnnxExportParityTest.runOnnx(OnnxExport.toBytes(e), x, 4, 2));
  }

  @Test
  void categoricalTruncationAndZeroAsMissingByHand() throws OrtException {
    FeatureSchema schema = FeatureSchema.of("c");
    // Tree 1: (int) c in {1, 3} ? 2 : -2; NaN right.
    TreeEnsemble.TreeBuilder t1 = TreeEnsemble.Tree.builder(SplitRule.LESS_THAN);
    int n1 = t1.categorical(0, new int[] {1, 3}, false, Missing.DEFAULT_DIRECTION);
    t1.children(n1, t1.leaf(2.0), t1.leaf(-2.0));
    // Tree 2: |c| <= 1e-35 or NaN -> right (0); else (int) c in {0} ? 0.5 : 0.
    TreeEnsemble.TreeBuilder t2 = TreeEnsemble.Tree.builder(SplitRule.LESS_THAN);
    int n2 = t2.categorical(0, new int[] {0}, false, Missing.ZERO_AND_MISSING_DEFAULT);
    t2.children(n2, t2.leaf(0.5), t2.leaf(0.0));
    TreeEnsemble e = TreeEnsemble.builder(schema).add(t1.build()).add(t2.build()).build();
    float[] x = {1f, 3.7f, -0.5f, 0f, 1e-36f, 0.9f, Float.NaN, -1.5f};
    float[] expected = {
        2f, // 1 in {1,3}: 2; 1 not in {0}: 0
        2f, // (int) 3.7 = 3: 2; 0
        -1.5f, // (int) -0.5 = 0: -2; not zero, 0 in {0}: 0.5
        -2f, // 0: -2; zero is missing, right: 0
        -2f, // (int) 1e-36 = 0: -2; |1e-36| <= 1e-35 is missing: 0
        -1.5f, // (int) 0.9 = 0: -2; 0.5
        -2f, // NaN right: -2; 0
        -2f, // (int) -1.5 = -1 < 0 right: -2; 0
    };
    assertArrayEquals(expected, e.score(x, x.length));
    assertArrayEquals(expected, OnnxExportParityTest.runOnnx(OnnxExport.toBytes(e), x, x.length, 1));
  }

  @Test
  void linearAndDotProductByHand() throws OrtException {
    FeatureSchema schema = FeatureSchema.of("a", "b", "c").withMissingValue(0.5f);
    LinearRanker linear = new LinearRanker(schema, new double[] {2, -1, 0.25}, 1, ScoreOutput.IDENTITY);
    // 1 + 2*1 - 1*2 + 0.25*4 = 2; 1 + (NaN: 0) - 1*3 + (sentinel 0.5: 0) = -2
    float[] x = {1, 2, 4, Float.NaN, 3, 0.5f};
    assertArrayEquals(new float[] {2f, -2f}, linear.score(x, 2));
    assertArrayEquals(new float[] {2f, -2f},
        OnnxExportParityTest.runOnnx(OnnxExport.toBytes(linear), x, 2, 3));

    DotProductRanker dot = new DotProductRanker(2, true);
    // u = (1, 2), v = (3, 4), bias 0.5: 3 + 8 + 0.5 = 11.5; u = (NaN, 2), v = (3, -1), bias NaN: -2
    float[] y = {1, 2, 3, 4, 0.5f, Float.NaN, 2, 3, -1, Float.NaN};
    assertArrayEquals(new float[] {11.5f, -2f}, dot.score(y, 2));
    assertArrayEquals(new float[] {11.5f, -2f},
        OnnxExportParityTest.runOnnx(OnnxExport.toBytes(dot), y, 2, 5));
  }

  @Test
  void treeModelDeclaresTheMlOpsetAndTheGraphContract() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(OnnxExport.toBytes(twoRules()));
    Map<String, Long> opsets = new java.util.HashMap<>();
    model.getOpsetImportList().forEach(o -> opsets.put(o.getDomain(), o.getVersion()));
    assertEquals(Map.of("", 17L, "ai.onnx.ml", 3L), opsets);
    assertEquals("reco", model.getProducerName());
    OnnxMl.GraphProto g = model.getGraph();
    assertEquals(1, g.getInputCount());
    assertEquals("features", g.getInput(0).getName());
    OnnxMl.TensorShapeProto in = g.getInput(0).getType().getTensorType().getShape();
    assertEquals("batch", in.getDim(0).getDimParam());
    assertEquals(2, in.getDim(1).getDimValue());
    assertEquals(1, g.getOutputCount());
    assertEquals("score", g.getOutput(0).getName());
    assertEquals(1, g.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
    List<String> ops = g.getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList();
    assertEquals(2, ops.stream().filter("TreeEnsembleRegressor"::equals).count(), ops.toString());
    for (OnnxMl.NodeProto n : g.getNodeList()) {
      if (n.getOpType().equals("TreeEnsembleRegressor")) {
        assertEquals("ai.onnx.ml", n.getDomain());
      }
    }
  }

  @Test
  void withoutTheExplicitMlOpsetOnnxRuntimeRejectsTheModel() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(OnnxExport.toBytes(twoRules()));
    OnnxMl.ModelProto.Builder stripped = model.toBuilder().clearOpsetImport();
    model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty())
        .forEach(stripped::addOpsetImport);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    assertThrows(OrtException.class, () -> {
      try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
          OrtSession s = env.createSession(stripped.build().toByteArray(), o)) {
        s.getInputNames();
      }
    });
  }

  @Test
  void metadataRoundTripsThroughOnnxRuntime() throws Exception {
    TreeEnsemble e = twoRules();
    byte[] bytes = OnnxExport.toBytes(e, Map.of("run_id", "r-17"));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        OrtSession s = env.createSession(bytes, o)) {
      assertEquals("reco", s.getMetadata().getProducerName());
      Map<String, String> meta = s.getMetadata().getCustomMetadata();
      ObjectMapper json = new ObjectMapper();
      JsonNode names = json.readTree(meta.get("reco.features"));
      assertEquals(List.of("f0", "f1"), List.of(names.get(0).asText(), names.get(1).asText()));
      assertEquals(2, names.size());
      assertEquals(-999f, Float.parseFloat(meta.get("reco.missing_value")));
      assertEquals("TreeEnsemble", meta.get("reco.model"));
      JsonNode p = json.readTree(meta.get("reco.provenance"));
      assertEquals("hand-made", p.get("origin").asText());
      assertEquals(2, p.get("trees").asInt());
      assertEquals(2, p.get("features").asInt());
      assertEquals("reco", p.get("creation_tool").asText());
      assertEquals("r-17", meta.get("run_id"));
      TensorInfo in = (TensorInfo) s.getInputInfo().get("features").getInfo();
      assertArrayEquals(new long[] {-1, 2}, in.getShape());
      TensorInfo out = (TensorInfo) s.getOutputInfo().get("score").getInfo();
      assertArrayEquals(new long[] {-1, 1}, out.getShape());
    }
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        OrtSession s = env.createSession(OnnxExport.toBytes(new DotProductRanker(3, false)), o)) {
      Map<String, String> meta = s.getMetadata().getCustomMetadata();
      assertEquals("NaN", meta.get("reco.missing_value"));
      assertEquals("DotProductRanker", meta.get("reco.model"));
    }
  }

  /**
   * Writes sample exports for {@code tools/fixtures/onnx_check.py} when the system property
   * {@code reco.onnxDumpDir} names a directory; skipped otherwise.
   */
  @Test
  void writesSampleModelsForTheOnnxChecker() throws Exception {
    String dir = System.getProperty("reco.onnxDumpDir");
    assumeTrue(dir != null, "set -Dreco.onnxDumpDir=DIR to write sample models");
    Path out = Files.createDirectories(Path.of(dir));
    Map<String, Ranker> samples = new java.util.LinkedHashMap<>();
    samples.put("two_rules.onnx", twoRules());
    for (long seed = 1; seed <= 5; seed++) {
      samples.put("random_ensemble_" + seed + ".onnx",
          OnnxExportParityTest.randomEnsemble(new java.util.SplittableRandom(seed)));
    }
    samples.put("linear.onnx", new LinearRanker(FeatureSchema.of("a", "b").withMissingValue(0f),
        new double[] {0.5, -2}, 0.25, ScoreOutput.SIGMOID));
    samples.put("dot_product.onnx", new DotProductRanker(4, true));
    for (Map.Entry<String, Ranker> e : samples.entrySet()) {
      OnnxExport.write(e.getValue(), out.resolve(e.getKey()));
      assertTrue(Files.size(out.resolve(e.getKey())) > 0);
    }
  }

  @Test
  void writeReplacesTheFileAndLeavesNothingElse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("model.onnx");
    Files.writeString(file, "old");
    LinearRanker linear =
        new LinearRanker(FeatureSchema.of("a"), new double[] {1}, 0, ScoreOutput.SIGMOID);
    OnnxExport.write(linear, file);
    assertArrayEquals(OnnxExport.toBytes(linear), Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void exportIsDeterministicAndDispatchesByClass() {
    TreeEnsemble e = OnnxExportParityTest.randomEnsemble(new java.util.SplittableRandom(7));
    byte[] once = OnnxExport.toBytes(e);
    assertArrayEquals(once, OnnxExport.toBytes(e));
    assertArrayEquals(once, OnnxExport.toBytes((Ranker) e, Map.of()));
    DotProductRanker dot = new DotProductRanker(2, false);
    assertArrayEquals(OnnxExport.toBytes(dot), OnnxExport.toBytes((Ranker) dot, Map.of()));
  }

  @Test
  void unsupportedRankerIsRejectedByClassAndNoFileIsWritten(@TempDir Path dir) {
    Ranker custom = new Ranker() {
      @Override
      public FeatureSchema schema() {
        return FeatureSchema.of("a");
      }

      @Override
      public void score(float[] features, int rows, float[] scores) {}
    };
    Path file = dir.resolve("custom.onnx");
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> OnnxExport.write(custom, file));
    assertTrue(ex.getMessage().contains(custom.getClass().getName()), ex.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void reservedOrBlankMetadataKeysAreRejected() {
    TreeEnsemble e = twoRules();
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.toBytes(e, Map.of("reco.model", "x")));
    assertTrue(ex.getMessage().contains("'reco.model'"), ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> OnnxExport.toBytes(e, Map.of(" ", "x")));
    assertTrue(ex.getMessage().contains("' '"), ex.getMessage());
  }

  @Test
  void categoryBeyondFloatPrecisionIsRejectedInFloatTreesOnly() throws OrtException {
    int big = (1 << 24) + 1;
    for (SplitRule rule : SplitRule.values()) {
      TreeEnsemble.TreeBuilder t = TreeEnsemble.Tree.builder(rule);
      int n = t.categorical(0, new int[] {2, big}, false, Missing.DEFAULT_DIRECTION);
      t.children(n, t.leaf(1), t.leaf(0));
      TreeEnsemble e = TreeEnsemble.builder(FeatureSchema.of("c")).add(t.build()).build();
      if (rule == SplitRule.LESS_THAN) {
        IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> OnnxExport.toBytes(e));
        assertTrue(ex.getMessage().contains("category = " + big), ex.getMessage());
      } else {
        // (float) 16777217 would be 16777216: a double threshold keeps them apart.
        float[] x = {16777216f, 2f, 16777218f};
        float[] expected = {0f, 1f, 0f};
        assertArrayEquals(expected, e.score(x, 3));
        assertArrayEquals(expected, OnnxExportParityTest.runOnnx(OnnxExport.toBytes(e), x, 3, 1));
      }
    }
  }
}
