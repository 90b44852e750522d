package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LightGbmTextTest {
  private static final String DIR = "/dev/reco/models/rank/lightgbm/";
  private static final FeatureSchema TWELVE = FeatureSchema.numbered("f", 12);
  private static final FeatureSchema TWO = FeatureSchema.of("a", "b");
  private static final int GROUP = 20;

  // ---------------------------------------------------------------------------------------------
  // Fixtures: models trained by LightGBM 4.3.0 (tools/fixtures/lightgbm) and by the Python
  // package 4.7.0 (tools/fixtures/lightgbm_python_fixtures.py, "py47_*"), with their own
  // predictions.
  // ---------------------------------------------------------------------------------------------

  /**
   * Every fixture model scores every fixture row as LightGBM did. The margin is compared exactly:
   * LightGBM sums the trees' leaf values in double, in tree order, starting from 0, and so does
   * TreeEnsemble.margin, so any difference means a row took another path. The float score may
   * differ from LightGBM's double score by float rounding (and, for sigmoid outputs, by the
   * sigmoid of the float-rounded margin), so it is compared within 1e-6 relative.
   */
  @ParameterizedTest
  @ValueSource(strings = {"regression_nan", "regression_zero", "regression_none", "binary",
      "lambdarank", "categorical", "cross_entropy", "huber", "constant", "py47_regression_nan",
      "py47_binary", "py47_lambdarank", "py47_categorical", "py47_rf", "py47_rf_binary"})
  void fixtureModelsScoreAsLightGbm(String name) throws IOException {
    TreeEnsemble model = LightGbmText.parse(resource(name + ".txt"), TWELVE);
    Fixture fx = fixture(name);
    float[] scores = model.score(fx.rows, fx.count);
    for (int r = 0; r < fx.count; r++) {
      float[] row = Arrays.copyOfRange(fx.rows, r * 12, r * 12 + 12);
      double margin = model.margin(row);
      // A forest's raw score in LightGBM is the sum of its trees; its prediction divides that
      // sum by the tree count before the output transform, which is the ensemble's margin.
      double expected = model.averagesTrees() ? fx.raw[r] / model.trees().size() : fx.raw[r];
      assertEquals(expected, margin, 0.0,
          () -> name + " row " + Arrays.toString(row) + ": raw margin");
      double tol = 1e-6 * Math.max(1, Math.abs(fx.score[r]));
      int rr = r;
      assertEquals(fx.score[r], scores[r], tol,
          () -> name + " row " + rr + " " + Arrays.toString(row) + ": score");
    }
  }

  /** The best 10 rows of every group of 20 are LightGBM's best 10, in the same order. */
  @ParameterizedTest
  @ValueSource(strings = {"regression_nan", "regression_zero", "regression_none", "binary",
      "lambdarank", "categorical", "cross_entropy", "huber", "constant", "py47_regression_nan",
      "py47_binary", "py47_lambdarank", "py47_categorical", "py47_rf", "py47_rf_binary"})
  void fixtureTopTenPerGroupMatchesLightGbm(String name) throws IOException {
    TreeEnsemble model = LightGbmText.parse(resource(name + ".txt"), TWELVE);
    Fixture fx = fixture(name);
    float[] scores = model.score(fx.rows, fx.count);
    for (int g = 0; g + GROUP <= fx.count; g += GROUP) {
      int[] ours = Ranker.topK(Arrays.copyOfRange(scores, g, g + GROUP), GROUP, 10);
      int base = g;
      int[] theirs = IntStream.range(0, GROUP).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> -fx.score[base + i])
              .thenComparingInt(i -> i))
          .limit(10).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(theirs, ours, name + " group starting at row " + g);
    }
  }

  @Test
  void fixturesCoverEveryMissingTypeAndCategoricalSplits() throws IOException {
    // The fixtures are only worth as much as the decision types they contain.
    boolean[] seen = new boolean[16];
    for (String name : new String[] {"regression_nan", "regression_zero", "regression_none",
        "categorical"}) {
      for (String line : resource(name + ".txt").split("\n")) {
        if (line.startsWith("decision_type=") && line.length() > "decision_type=".length()) {
          for (String t : line.substring("decision_type=".length()).trim().split(" ")) {
            seen[Integer.parseInt(t)] = true;
          }
        }
      }
    }
    // None (0, 2), Zero (4, 6), NaN (8, 10) numeric; categorical None (1) and NaN (9).
    for (int t : new int[] {2, 4, 6, 8, 10, 1, 9}) {
      assertTrue(seen[t], "decision_type " + t + " occurs in a fixture");
    }
  }

  @Test
  void fixtureOriginsAndOutputs() throws IOException {
    TreeEnsemble binary = LightGbmText.parse(resource("binary.txt"), TWELVE);
    assertEquals("lightgbm v4 binary sigmoid:1.7", binary.origin());
    assertEquals(ScoreOutput.SIGMOID, binary.output());
    assertEquals(1.7, binary.sigmoidScale());
    assertEquals(20, binary.trees().size());
    TreeEnsemble xent = LightGbmText.parse(resource("cross_entropy.txt"), TWELVE);
    assertEquals(ScoreOutput.SIGMOID, xent.output());
    assertEquals(1.0, xent.sigmoidScale());
    TreeEnsemble rank = LightGbmText.parse(resource("lambdarank.txt"), TWELVE);
    assertEquals(ScoreOutput.IDENTITY, rank.output());
    assertEquals("lightgbm v4 lambdarank", rank.origin());
    assertEquals(0.0, rank.baseMargin());
    // constant.txt: a single tree with num_leaves=1 (the labels never vary).
    TreeEnsemble constant = LightGbmText.parse(resource("constant.txt"), TWELVE);
    assertEquals(1, constant.trees().size());
    assertEquals(0, constant.trees().get(0).nodeCount());
    assertEquals(1.25, constant.trees().get(0).leafValue(0));
  }

  @Test
  void readsFilesStreamsAndReadersAlike(@TempDir Path dir) throws IOException {
    String text = resource("categorical.txt");
    Path file = dir.resolve("model.txt");
    Files.writeString(file, text);
    Fixture fx = fixture("categorical");
    float[] expected = LightGbmText.parse(text, TWELVE).score(fx.rows, fx.count);
    assertArrayEquals(expected, LightGbmText.read(file, TWELVE).score(fx.rows, fx.count));
    assertArrayEquals(expected, LightGbmText.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), TWELVE)
        .score(fx.rows, fx.count));
    assertArrayEquals(expected,
        LightGbmText.read(new StringReader(text), TWELVE).score(fx.rows, fx.count));
    // Windows line endings read the same.
    assertArrayEquals(expected,
        LightGbmText.parse(text.replace("\n", "\r\n"), TWELVE).score(fx.rows, fx.count));
  }

  // ---------------------------------------------------------------------------------------------
  // Hand-made models: one split on feature a, left leaf 10, right leaf 20.
  // ---------------------------------------------------------------------------------------------

  private static final float TINY = 1e-35f;

  /**
   * Expected leaf (10 = left, 20 = right) of a split {@code a <= 0.5} for each decision_type,
   * worked out from LightGBM's NumericalDecision: None (bits 2-3 = 0) turns NaN into 0 and then
   * compares; Zero (1) sends NaN and |x| <= 1e-35 the default way (bit 1); NaN (2) sends NaN the
   * default way and compares everything else.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 2, 4, 6, 8, 10})
  void numericDecisionTypes(int type) {
    TreeEnsemble m = LightGbmText.parse(model("regression", tree(
        "num_leaves=2", "num_cat=0", "split_feature=0", "threshold=0.5",
        "decision_type=" + type, "left_child=-1", "right_child=-2", "leaf_value=10 20")), TWO);
    boolean defaultLeft = (type & 2) != 0;
    int missingType = type >> 2;
    int dflt = defaultLeft ? 10 : 20;
    // Plain comparisons, the same for every type: 0.5 <= 0.5 left, nextUp(0.5) > 0.5 right.
    assertEquals(10, score(m, 0.5f));
    assertEquals(20, score(m, Math.nextUp(0.5f)));
    assertEquals(10, score(m, Math.nextDown(0.5f)));
    assertEquals(10, score(m, -3f));
    assertEquals(20, score(m, 3f));
    assertEquals(20, score(m, Float.POSITIVE_INFINITY));
    assertEquals(10, score(m, Float.NEGATIVE_INFINITY));
    // NaN: None -> 0 <= 0.5 left; Zero and NaN -> default direction.
    assertEquals(missingType == 0 ? 10 : dflt, score(m, Float.NaN));
    // Zero and tiny values: only the Zero type treats them as missing; otherwise 0 <= 0.5 left.
    for (float zero : new float[] {0f, -0f, 1e-36f, -1e-36f, TINY, -TINY}) {
      assertEquals(missingType == 1 ? dflt : 10, score(m, zero), "x = " + zero);
    }
    // Just outside the zero band everything compares normally: both are <= 0.5, left.
    assertEquals(10, score(m, Math.nextUp(TINY)));
    assertEquals(10, score(m, Math.nextDown(-TINY)));
  }

  @Test
  void negativeThresholdNoneTypeSendsNanRight() {
    // None type: NaN -> 0, and 0 <= -0.25 is false -> right (20), whatever default_left says.
    for (int type : new int[] {0, 2}) {
      TreeEnsemble m = LightGbmText.parse(model("regression", tree("num_leaves=2", "num_cat=0",
          "split_feature=1", "threshold=-0.25", "decision_type=" + type, "left_child=-1",
          "right_child=-2", "leaf_value=10 20")), TWO);
      assertEquals(20, score2(m, 0f, Float.NaN));
      assertEquals(10, score2(m, 0f, -0.25f));
      assertEquals(20, score2(m, 0f, Math.nextUp(-0.25f)));
    }
  }

  /**
   * LightGBM's dense prediction reads |x| <= 1e-35 as 0 before the trees see it. With the
   * threshold LightGBM writes between negative values and zero (-1.0000000180025095e-35, the
   * float -1e-35f), x = -1e-35f is read as 0 and goes right although x <= threshold.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 8, 10})
  void valuesInTheZeroBandAreReadAsZero(int type) {
    TreeEnsemble neg = LightGbmText.parse(model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=-1.0000000180025095e-35", "decision_type=" + type,
        "left_child=-1", "right_child=-2", "leaf_value=10 20")), TWO);
    assertEquals(20, score(neg, -TINY)); // read as 0; 0 <= -1e-35 is false
    assertEquals(20, score(neg, -1e-36f));
    assertEquals(20, score(neg, 0f));
    assertEquals(10, score(neg, Math.nextDown(-TINY))); // outside the band: compared as is
    assertEquals(10, score(neg, -1f));
    // A threshold of exactly 0 (hand-made; LightGBM itself writes +-1e-35 around zero): values in
    // (0, 1e-35] are read as 0 and go left, the first float above the band goes right.
    TreeEnsemble zero = LightGbmText.parse(model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=0", "decision_type=" + type, "left_child=-1",
        "right_child=-2", "leaf_value=10 20")), TWO);
    assertEquals(10, score(zero, TINY));
    assertEquals(10, score(zero, Float.MIN_VALUE));
    assertEquals(20, score(zero, Math.nextUp(TINY)));
    assertEquals(10, score(zero, -5f));
  }

  /**
   * A categorical split: cat_threshold words 11 = 0b1011 (categories 0, 1, 3) and 1 (category 32)
   * send a value left iff (int) x is one of them. NaN and negative values go right for every
   * missing type and default direction (LightGBM 4.x CategoricalDecision).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 5, 7, 9, 11})
  void categoricalDecisionTypes(int type) {
    TreeEnsemble m = LightGbmText.parse(model("regression", tree("num_leaves=2", "num_cat=1",
        "split_feature=1", "threshold=0", "decision_type=" + type, "left_child=-1",
        "right_child=-2", "leaf_value=10 20", "cat_boundaries=0 2", "cat_threshold=11 1")), TWO);
    for (float in : new float[] {0f, 1f, 3f, 32f, 3.9f, 1.5f, -0.5f, -0f, 1e-36f}) {
      assertEquals(10, score2(m, 7f, in), "x = " + in); // (int) x in {0, 1, 3, 32}
    }
    for (float out : new float[] {2f, 4f, 31f, 33f, 64f, 1000f, 1e10f, -1f, -1e10f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      assertEquals(20, score2(m, 7f, out), "x = " + out);
    }
  }

  @Test
  void deeperTreesSumInOrderWithSingleLeafTrees() {
    // Tree 0: node 0 splits a <= 1 (left: node 1, right: leaf 2 = 3.0); node 1 splits b <= 0
    // (left: leaf 0 = 1.0, right: leaf 1 = 2.0). Tree 1: one leaf, 0.25.
    String text = model("regression",
        tree("num_leaves=3", "num_cat=0", "split_feature=0 1", "threshold=1 0",
            "decision_type=2 2", "left_child=1 -1", "right_child=-3 -2", "leaf_value=1 2 3"),
        tree("num_leaves=1", "num_cat=0", "split_feature=", "threshold=", "decision_type=",
            "left_child=", "right_child=", "leaf_value=0.25"));
    TreeEnsemble m = LightGbmText.parse(text, TWO);
    assertEquals(1.0 + 0.25, m.margin(new float[] {1f, 0f}));
    assertEquals(2.0 + 0.25, m.margin(new float[] {1f, 0.5f}));
    assertEquals(3.0 + 0.25, m.margin(new float[] {2f, -9f}));
    assertEquals(2, m.trees().size());
  }

  @Test
  void versionThreeTextWithoutLinearTreeKeys() {
    // v3 files (LightGBM before 4.0) have no is_linear line; the layout is otherwise the same.
    String v3 = model("regression", tree("num_leaves=2", "num_cat=0", "split_feature=1",
        "threshold=0.5", "decision_type=8", "left_child=-1", "right_child=-2",
        "leaf_value=10 20", "shrinkage=1")).replace("version=v4", "version=v3");
    TreeEnsemble m = LightGbmText.parse(v3, TWO);
    assertEquals("lightgbm v3 regression", m.origin());
    assertEquals(10, score2(m, 0f, 0.5f));
    assertEquals(20, score2(m, 0f, Float.NaN)); // NaN type, default right
  }

  @Test
  void hugeThresholdsCompareLikeLightGbm() {
    // LightGBM clamps infinite thresholds to +-1e300 (Common::AvoidInf): every finite float is
    // <= 1e300 and goes left; +infinity is not and goes right.
    TreeEnsemble m = LightGbmText.parse(model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=1.0000000000000001e+300", "decision_type=2",
        "left_child=-1", "right_child=-2", "leaf_value=10 20")), TWO);
    assertEquals(10, score(m, Float.MAX_VALUE));
    assertEquals(20, score(m, Float.POSITIVE_INFINITY));
    assertEquals(10, score(m, Float.NEGATIVE_INFINITY));
  }

  @Test
  void binaryAppliesTheScaledSigmoid() {
    // margin 0.5, sigmoid:2 -> 1 / (1 + exp(-2 * 0.5)) = 1 / (1 + e^-1) = 0.7310585786300049
    TreeEnsemble m = LightGbmText.parse(model("binary sigmoid:2", tree("num_leaves=1",
        "num_cat=0", "leaf_value=0.5")), TWO);
    assertEquals(0.7310585786300049f, m.scoreOne(new float[] {0f, 0f}));
    // cross_entropy: the plain sigmoid, 1 / (1 + e^-0.5) = 0.6224593312018546
    TreeEnsemble x = LightGbmText.parse(model("cross_entropy", tree("num_leaves=1",
        "num_cat=0", "leaf_value=0.5")), TWO);
    assertEquals(0.6224593312018546f, x.scoreOne(new float[] {0f, 0f}));
  }

  @Test
  void identityObjectivesAndNoObjective() {
    for (String objective : new String[] {"regression", "regression_l1", "huber", "fair",
        "quantile", "mape", "lambdarank", "rank_xendcg"}) {
      TreeEnsemble m = LightGbmText.parse(model(objective, tree("num_leaves=1", "num_cat=0",
          "leaf_value=-1.5")), TWO);
      assertEquals(ScoreOutput.IDENTITY, m.output(), objective);
      assertEquals(-1.5f, m.scoreOne(new float[] {0f, 0f}), objective);
    }
    // A model trained with a custom objective is saved without an objective line; LightGBM then
    // reports the raw margin.
    String noObjective = model("regression", tree("num_leaves=1", "num_cat=0", "leaf_value=2"))
        .replace("objective=regression\n", "");
    TreeEnsemble m = LightGbmText.parse(noObjective, TWO);
    assertEquals(2f, m.scoreOne(new float[] {0f, 0f}));
    assertTrue(m.origin().contains("no objective"), m.origin());
  }

  @Test
  void schemaSentinelIsHonoured() {
    // A schema sentinel of -999 makes -999 missing: NaN type with default left -> left (10).
    TreeEnsemble m = LightGbmText.parse(model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=0.5", "decision_type=10", "left_child=-1",
        "right_child=-2", "leaf_value=10 20")), TWO.withMissingValue(-999f));
    assertEquals(10f, m.scoreOne(new float[] {-999f, 0f}));
    assertEquals(20f, m.scoreOne(new float[] {0.75f, 0f}));
  }

  // ---------------------------------------------------------------------------------------------
  // Random models against a transcription of LightGBM's prediction code
  // ---------------------------------------------------------------------------------------------

  /**
   * Random trees (grown the way LightGBM's Tree::Split grows them, every decision_type, thresholds
   * around zero and the 1e-35 band, multi-word categorical bitsets) and random rows full of special
   * values: the imported ensemble's margin equals, exactly, the margin of {@link #lightGbm}, a
   * line-by-line transcription of LightGBM 4.x's dense prediction.
   */
  @Property(tries = 300, seed = "20261123")
  void randomModelsMatchLightGbmsPredictionCode(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int treeCount = 1 + rnd.nextInt(4);
    RefTree[] trees = new RefTree[treeCount];
    String[] sections = new String[treeCount];
    for (int t = 0; t < treeCount; t++) {
      trees[t] = RefTree.random(rnd);
      sections[t] = trees[t].text();
    }
    String text = model("regression", sections).replace("feature_names=a b", "feature_names=a b c")
        .replace("max_feature_idx=1", "max_feature_idx=2").replace("none none", "none none none");
    TreeEnsemble m = LightGbmText.parse(text, FeatureSchema.of("a", "b", "c"));
    float[] special = specials(rnd, trees);
    int rows = 40;
    float[] batch = new float[rows * 3];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = special[rnd.nextInt(special.length)];
    }
    float[] scores = m.score(batch, rows);
    for (int r = 0; r < rows; r++) {
      float[] row = Arrays.copyOfRange(batch, r * 3, r * 3 + 3);
      double expected = lightGbm(trees, row);
      assertEquals(expected, m.margin(row), 0.0, () -> Arrays.toString(row) + "\n" + text);
      assertEquals((float) expected, scores[r], 0.0f);
    }
  }

  /** Values that sit on LightGBM's decision boundaries, plus the model's thresholds as floats. */
  private static float[] specials(SplittableRandom rnd, RefTree[] trees) {
    List<Float> v = new ArrayList<>(List.of(Float.NaN, 0f, -0f, 1e-36f, -1e-36f, TINY, -TINY,
        Math.nextUp(TINY), Math.nextDown(-TINY), Float.MIN_VALUE, -Float.MIN_VALUE, 0.5f,
        Math.nextUp(0.5f), -0.25f, Math.nextDown(-0.25f), 1f, 3f, 31f, 32f, 33f, 64f, 95f, -1f,
        -0.5f, 2.5f, 1e10f, -1e10f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
    for (int i = 0; i < 8; i++) {
      v.add((float) rnd.nextGaussian());
      v.add((float) rnd.nextInt(100));
    }
    for (RefTree t : trees) {
      for (int n = 0; n < t.nodes; n++) {
        if ((t.decision[n] & 1) == 0) {
          float f = (float) t.threshold[n];
          v.add(f);
          v.add(Math.nextUp(f));
          v.add(Math.nextDown(f));
        }
      }
    }
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** LightGBM's kZeroThreshold: {@code const double kZeroThreshold = 1e-35f}. */
  private static final double K_ZERO_THRESHOLD = 1e-35f;

  /**
   * LightGBM 4.x on one dense float32 row: c_api.cpp's RowPairFunctionFromDenseMatric keeps only
   * values with {@code fabs(v) > kZeroThreshold || isnan(v)} (the rest read as 0), GBDT::PredictRaw
   * adds Tree::Predict of every tree in order starting from 0, and Tree::GetLeaf walks
   * NumericalDecision / CategoricalDecision from tree.h.
   */
  private static double lightGbm(RefTree[] trees, float[] row) {
    double[] x = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      double v = row[i];
      x[i] = Math.abs(v) > K_ZERO_THRESHOLD || Double.isNaN(v) ? v : 0.0;
    }
    double sum = 0.0;
    for (RefTree t : trees) {
      if (t.leaves == 1) {
        sum += t.leafValue[0];
        continue;
      }
      int node = 0;
      while (node >= 0) {
        double fval = x[t.feature[node]];
        node = (t.decision[node] & 1) != 0
            ? t.categoricalDecision(fval, node)
            : t.numericalDecision(fval, node);
      }
      sum += t.leafValue[~node];
    }
    return sum;
  }

  /** One random LightGBM tree in LightGBM's own arrays. */
  private static final class RefTree {
    int leaves = 1;
    int nodes;
    int[] feature = new int[8];
    double[] threshold = new double[8];
    int[] decision = new int[8];
    int[] left = new int[8];
    int[] right = new int[8];
    double[] leafValue;
    List<Integer> catBoundaries = new ArrayList<>(List.of(0));
    List<Long> catWords = new ArrayList<>();

    static RefTree random(SplittableRandom rnd) {
      RefTree t = new RefTree();
      int target = 1 + rnd.nextInt(9);
      int[] leafParent = new int[9];
      leafParent[0] = -1;
      double[] thresholds = {-1.0000000180025095e-35, 1.0000000180025095e-35, 0, 0.5, -0.25,
          1e-36, -3e-36, 2.5, 32};
      int[] numeric = {0, 2, 4, 6, 8, 10};
      int[] categorical = {1, 3, 5, 7, 9, 11};
      while (t.leaves < target) {
        // Tree::Split: node n replaces leaf l; l stays the left leaf, the new leaf goes right.
        int l = rnd.nextInt(t.leaves);
        int n = t.nodes++;
        int parent = leafParent[l];
        if (parent >= 0) {
          if (t.left[parent] == ~l) {
            t.left[parent] = n;
          } else {
            t.right[parent] = n;
          }
        }
        t.left[n] = ~l;
        t.right[n] = ~t.leaves;
        leafParent[l] = n;
        leafParent[t.leaves] = n;
        t.leaves++;
        t.feature[n] = rnd.nextInt(3);
        if (rnd.nextInt(4) == 0) {
          t.decision[n] = categorical[rnd.nextInt(categorical.length)];
          t.threshold[n] = t.catBoundaries.size() - 1;
          int words = 1 + rnd.nextInt(3);
          for (int w = 0; w < words; w++) {
            t.catWords.add(rnd.nextLong(1L << 32));
          }
          t.catBoundaries.add(t.catWords.size());
        } else {
          t.decision[n] = numeric[rnd.nextInt(numeric.length)];
          t.threshold[n] = rnd.nextInt(3) == 0
              ? rnd.nextGaussian()
              : thresholds[rnd.nextInt(thresholds.length)];
        }
      }
      t.leafValue = new double[t.leaves];
      for (int j = 0; j < t.leaves; j++) {
        t.leafValue[j] = rnd.nextGaussian();
      }
      return t;
    }

    int numericalDecision(double fval, int node) {
      int missingType = (decision[node] >> 2) & 3;
      if (Double.isNaN(fval) && missingType != 2) {
        fval = 0.0;
      }
      if ((missingType == 1 && fval >= -K_ZERO_THRESHOLD && fval <= K_ZERO_THRESHOLD)
          || (missingType == 2 && Double.isNaN(fval))) {
        return (decision[node] & 2) != 0 ? left[node] : right[node];
      }
      return fval <= threshold[node] ? left[node] : right[node];
    }

    int categoricalDecision(double fval, int node) {
      if (Double.isNaN(fval)) {
        return right[node];
      }
      // static_cast<int> of an out-of-range double is undefined in C++; x86-64 yields INT_MIN.
      int intFval = fval >= 2147483648.0 || fval < -2147483648.0 ? Integer.MIN_VALUE : (int) fval;
      if (intFval < 0) {
        return right[node];
      }
      int catIdx = (int) threshold[node];
      int from = catBoundaries.get(catIdx);
      int n = catBoundaries.get(catIdx + 1) - from;
      // Common::FindInBitset
      int i1 = intFval / 32;
      if (i1 >= n) {
        return right[node];
      }
      int i2 = intFval % 32;
      return ((catWords.get(from + i1) >> i2) & 1) != 0 ? left[node] : right[node];
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      sb.append("num_leaves=").append(leaves).append('\n');
      sb.append("num_cat=").append(catBoundaries.size() - 1).append('\n');
      sb.append("split_feature=").append(join(feature)).append('\n');
      sb.append("split_gain=").append(join(new int[nodes])).append('\n');
      StringBuilder th = new StringBuilder();
      for (int n = 0; n < nodes; n++) {
        th.append(n == 0 ? "" : " ").append(threshold[n]);
      }
      sb.append("threshold=").append(th).append('\n');
      sb.append("decision_type=").append(join(decision)).append('\n');
      sb.append("left_child=").append(join(left)).append('\n');
      sb.append("right_child=").append(join(right)).append('\n');
      StringBuilder lv = new StringBuilder();
      for (int j = 0; j < leaves; j++) {
        lv.append(j == 0 ? "" : " ").append(leafValue[j]);
      }
      sb.append("leaf_value=").append(lv).append('\n');
      if (catBoundaries.size() > 1) {
        sb.append("cat_boundaries=").append(joinList(catBoundaries)).append('\n');
        sb.append("cat_threshold=").append(joinList(catWords)).append('\n');
      }
      sb.append("is_linear=0\nshrinkage=1");
      return sb.toString();
    }

    private String join(int[] a) {
      StringBuilder sb = new StringBuilder();
      for (int n = 0; n < nodes; n++) {
        sb.append(n == 0 ? "" : " ").append(a[n]);
      }
      return sb.toString();
    }

    private static String joinList(List<? extends Number> a) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < a.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(a.get(i));
      }
      return sb.toString();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rejected input
  // ---------------------------------------------------------------------------------------------

  @Test
  void truncatedFilesAreRejected() throws IOException {
    String text = resource("regression_nan.txt");
    int end = text.indexOf("end of trees");
    for (int cut : new int[] {end - 1, end / 2, end / 3 + 7, text.indexOf("Tree=0") + 3, 40}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LightGbmText.parse(text.substring(0, cut), TWELVE), "cut at " + cut);
      // Cut inside a tree the tree and key are named; cut inside the header the line is.
      assertTrue(e.getMessage().matches(
          "(?s).*(truncated|tree \\d+: |key '|expected key=value).*"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LightGbmText.parse(text.substring(0, end), TWELVE));
    assertTrue(e.getMessage().contains("no 'end of trees' line after 30 trees"), e.getMessage());
    assertMessage("empty", "");
  }

  @Test
  void wrongFeatureCountIsRejected() throws IOException {
    String text = resource("binary.txt");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LightGbmText.parse(text, FeatureSchema.numbered("f", 11)));
    assertTrue(e.getMessage().contains("max_feature_idx = 11")
        && e.getMessage().contains("expected 10"), e.getMessage());
  }

  @Test
  void mismatchedNamesAreRejected() throws IOException {
    String text = resource("binary.txt");
    List<String> names = new ArrayList<>(TWELVE.names());
    names.set(5, "price");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LightGbmText.parse(text, FeatureSchema.of(names)));
    assertTrue(e.getMessage().contains("feature 5 is 'f5'; expected 'price'"), e.getMessage());
    // feature_names that disagree with max_feature_idx
    assertMessage("feature_names has 3 names",
        model("regression", tree("num_leaves=1", "num_cat=0", "leaf_value=1"))
            .replace("feature_names=a b", "feature_names=a b c"));
  }

  @Test
  void randomForestModelsAverageTheirTrees() {
    // boosting=rf writes the flag average_output; LightGBM divides the sum of leaves by 3 here
    String forest = model("binary sigmoid:1",
        tree("num_leaves=1", "num_cat=0", "leaf_value=0.1"),
        tree("num_leaves=1", "num_cat=0", "leaf_value=0.2"),
        tree("num_leaves=1", "num_cat=0", "leaf_value=0.4"))
        .replace("objective=binary sigmoid:1\n", "objective=binary sigmoid:1\naverage_output\n");
    TreeEnsemble m = LightGbmText.parse(forest, TWO);
    assertTrue(m.averagesTrees());
    assertEquals("lightgbm v4 rf binary sigmoid:1", m.origin());
    double margin = (0.1 + 0.2 + 0.4) / 3;
    assertEquals(margin, m.margin(new float[] {0f, 0f}), 0.0);
    assertEquals((float) (1 / (1 + Math.exp(-margin))), m.scoreOne(new float[] {0f, 0f}), 0f);
    float[] batch = new float[9 * 2];
    float[] scores = new float[9];
    m.score(batch, 9, scores); // a full block of 8 and one row alone: both paths average
    for (float score : scores) {
      assertEquals((float) (1 / (1 + Math.exp(-margin))), score, 0f);
    }
  }

  @Test
  void unsupportedModelsAreRejected() {
    String leaf = tree("num_leaves=1", "num_cat=0", "leaf_value=1");
    assertMessage("num_class = 3", model("multiclass num_class:3", leaf)
        .replace("num_class=1", "num_class=3"));
    assertMessage("num_tree_per_iteration = 3",
        model("regression", leaf).replace("num_tree_per_iteration=1", "num_tree_per_iteration=3"));
    assertMessage("multiclass", model("multiclassova num_class:1 sigmoid:1", leaf));
    assertMessage("'poisson'", model("poisson", leaf));
    assertMessage("exp(x)", model("gamma", leaf));
    assertMessage("'tweedie'", model("tweedie", leaf));
    assertMessage("'cross_entropy_lambda' is not supported", model("cross_entropy_lambda", leaf));
    assertMessage("sqrt", model("regression sqrt", leaf));
    assertMessage("sqrt", model("regression_l1 sqrt", leaf));
    assertMessage("'made_up' is not supported", model("made_up", leaf));
    assertMessage("sigmoid = -1", model("binary sigmoid:-1", leaf));
    assertMessage("expected 'binary sigmoid:<scale>'", model("binary", leaf));
    assertMessage("is_linear = 1", model("regression", tree("num_leaves=1", "num_cat=0",
        "leaf_value=1", "is_linear=1", "leaf_const=1", "num_features=0", "leaf_features=",
        "leaf_coeff=")));
    assertMessage("version = v2", model("regression", leaf).replace("version=v4", "version=v2"));
    assertMessage("first line = 'booster'",
        model("regression", leaf).replace("tree\n", "booster\n"));
  }

  @Test
  void inconsistentTreesAreRejected() {
    // Two leaves need one threshold, decision type, child pair; each key is named.
    assertMessage("tree 0: threshold has 2 values; expected 1", model("regression", tree(
        "num_leaves=2", "num_cat=0", "split_feature=0", "threshold=0.5 0.7", "decision_type=2",
        "left_child=-1", "right_child=-2", "leaf_value=10 20")));
    assertMessage("tree 1: leaf_value has 1 values; expected 2", model("regression",
        tree("num_leaves=1", "num_cat=0", "leaf_value=1"),
        tree("num_leaves=2", "num_cat=0", "split_feature=0", "threshold=0.5", "decision_type=2",
            "left_child=-1", "right_child=-2", "leaf_value=10")));
    assertMessage("tree 0: key 'decision_type' is missing", model("regression", tree(
        "num_leaves=2", "num_cat=0", "split_feature=0", "threshold=0.5", "left_child=-1",
        "right_child=-2", "leaf_value=10 20")));
    assertMessage("tree 0: key 'num_leaves' is missing", model("regression", tree(
        "num_cat=0", "leaf_value=1")));
    assertMessage("header: key 'feature_names' is missing", model("regression",
        tree("num_leaves=1", "num_cat=0", "leaf_value=1")).replace("feature_names=a b\n", ""));
    assertMessage("right_child[0] = -3", model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=0.5", "decision_type=2", "left_child=-1", "right_child=-3",
        "leaf_value=10 20")));
    assertMessage("split_feature[0] = 2", model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=2", "threshold=0.5", "decision_type=2", "left_child=-1", "right_child=-2",
        "leaf_value=10 20")));
    assertMessage("decision_type[0] = 12", model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=0.5", "decision_type=12", "left_child=-1",
        "right_child=-2", "leaf_value=10 20")));
    assertMessage("threshold[0] = 'abc'", model("regression", tree("num_leaves=2", "num_cat=0",
        "split_feature=0", "threshold=abc", "decision_type=2", "left_child=-1", "right_child=-2",
        "leaf_value=10 20")));
    // Leaf 1 twice, leaf 0 never.
    assertMessage("tree 0: leaf 0 is the child of 0 nodes", model("regression", tree("num_leaves=3",
        "num_cat=0", "split_feature=0 1", "threshold=1 0", "decision_type=2 2",
        "left_child=1 -2", "right_child=-3 -2", "leaf_value=1 2 3")));
    assertMessage("threshold[0] = 1.0 of a categorical split", model("regression", tree(
        "num_leaves=2", "num_cat=1", "split_feature=0", "threshold=1", "decision_type=1",
        "left_child=-1", "right_child=-2", "leaf_value=10 20", "cat_boundaries=0 1",
        "cat_threshold=3")));
    assertMessage("cat_boundaries has 1 values; expected 2", model("regression", tree(
        "num_leaves=2", "num_cat=1", "split_feature=0", "threshold=0", "decision_type=1",
        "left_child=-1", "right_child=-2", "leaf_value=10 20", "cat_boundaries=0",
        "cat_threshold=3")));
    assertMessage("expected to run from 0 to 1", model("regression", tree(
        "num_leaves=2", "num_cat=1", "split_feature=0", "threshold=0", "decision_type=1",
        "left_child=-1", "right_child=-2", "leaf_value=10 20", "cat_boundaries=0 2",
        "cat_threshold=3")));
    assertMessage("tree section 'Tree=5'; expected 'Tree=1'", model("regression",
        tree("num_leaves=1", "num_cat=0", "leaf_value=1"),
        tree("num_leaves=1", "num_cat=0", "leaf_value=1")).replace("Tree=1", "Tree=5"));
    assertMessage("tree_sizes lists 1 trees; the text holds 2", model("regression",
        tree("num_leaves=1", "num_cat=0", "leaf_value=1"),
        tree("num_leaves=1", "num_cat=0", "leaf_value=1"))
        .replace("tree_sizes=1 1", "tree_sizes=1"));
    assertMessage("trees = 0", model("regression"));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static void assertMessage(String expected, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LightGbmText.parse(text, TWO), () -> "expected rejection: " + expected);
    assertTrue(e.getMessage().contains(expected),
        () -> "message '" + e.getMessage() + "' should contain '" + expected + "'");
  }

  /** A two-feature (a, b) model text in LightGBM's layout around the given tree sections. */
  private static String model(String objective, String... trees) {
    StringBuilder sb = new StringBuilder();
    sb.append("tree\nversion=v4\nnum_class=1\nnum_tree_per_iteration=1\nlabel_index=0\n")
        .append("max_feature_idx=1\nobjective=").append(objective).append('\n')
        .append("feature_names=a b\nfeature_infos=none none\ntree_sizes=");
    for (int t = 0; t < trees.length; t++) {
      sb.append(t == 0 ? "" : " ").append(1);
    }
    sb.append("\n\n");
    for (int t = 0; t < trees.length; t++) {
      sb.append("Tree=").append(t).append('\n').append(trees[t]).append("\n\n");
    }
    sb.append("end of trees\n\nfeature_importances:\n\nparameters:\n[boosting: gbdt]\n")
        .append("end of parameters\n\npandas_categorical:null\n");
    return sb.toString();
  }

  private static String tree(String... lines) {
    return String.join("\n", lines);
  }

  private static int score(TreeEnsemble m, float a) {
    return (int) m.scoreOne(new float[] {a, 0f});
  }

  private static int score2(TreeEnsemble m, float a, float b) {
    return (int) m.scoreOne(new float[] {a, b});
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = LightGbmTextTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Rows (inputs.tsv, then the model's threshold rows) with LightGBM's raw and final scores. */
  private record Fixture(float[] rows, int count, double[] raw, double[] score) {}

  private static Fixture fixture(String name) throws IOException {
    List<float[]> inputs = new ArrayList<>();
    for (String line : resource("inputs.tsv").split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("f0")) {
        continue;
      }
      String[] parts = line.split("\t");
      float[] row = new float[12];
      for (int f = 0; f < 12; f++) {
        row[f] = Float.parseFloat(parts[f]);
      }
      inputs.add(row);
    }
    List<float[]> rows = new ArrayList<>();
    List<double[]> expected = new ArrayList<>();
    for (String line : resource(name + ".tsv").split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("raw")) {
        continue;
      }
      String[] parts = line.split("\t");
      expected.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
      if (parts.length == 2) {
        rows.add(inputs.get(rows.size()));
      } else {
        float[] row = inputs.get(Integer.parseInt(parts[2])).clone();
        row[Integer.parseInt(parts[3])] = Float.parseFloat(parts[4]);
        rows.add(row);
      }
    }
    assertTrue(rows.size() >= inputs.size(), name + " covers every shared input row");
    float[] flat = new float[rows.size() * 12];
    double[] raw = new double[rows.size()];
    double[] score = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, flat, r * 12, 12);
      raw[r] = expected.get(r)[0];
      score[r] = expected.get(r)[1];
    }
    return new Fixture(flat, rows.size(), raw, score);
  }
}
