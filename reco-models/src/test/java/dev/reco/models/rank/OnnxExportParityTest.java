package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Native scores == ONNX Runtime scores of the exported model, on random models and random batches.
 *
 * <h2>Tolerance</h2>
 * Scores are compared with {@link #tolerance}: {@code |onnx - native| <= 1e-5 * max(|native|, M)}
 * for identity outputs, where {@code M} bounds the magnitude of the summed terms (for trees
 * {@code |base| + sum over trees of the largest |leaf|}; for linear and dot-product models
 * {@code |bias| + sum |w_i x_i|}). ONNX Runtime sums the trees of a float-input
 * {@code TreeEnsembleRegressor} in float with float leaf values: with {@code n} trees the rounding
 * error is at most about {@code (n + 1) * 2^-24 * M}, below {@code 1e-6 * M} for the at most 13
 * trees generated here, while a row that took a different path moves the score by the difference of
 * two random leaves (of order 0.1 to 1). The {@code M} guard is what keeps the bound meaningful when
 * leaves cancel: a pure relative bound on a margin near 0 would demand more than float summation
 * can give. For sigmoid outputs the exported graph applies the sigmoid in double to the float
 * margin, as the native scorer does, so only the margin error remains, scaled by the sigmoid's
 * slope {@code s (1 - s)} and the sigmoid scale: {@code 1e-5 * max(s, s (1 - s) * scale * M)}.
 *
 * <h2>Top-K</h2>
 * The top-K order must be identical unless two of the first {@code K + 1} native scores are a near
 * tie: different but within the sum of their tolerances, where rounding may legitimately swap them.
 * Exactly equal native scores come from rows that reached the same leaves, which ONNX Runtime sums
 * in the same order too, so they stay equal and {@link Ranker#topK}'s lower-index-first rule orders
 * them alike; they are checked.
 */
class OnnxExportParityTest {
  private static final double REL = 1e-5;

  // ---------------------------------------------------------------------------------- trees

  @Property(tries = 60, seed = "424242")
  void treeEnsembleScoresMatchOnnxRuntime(@ForAll long seed) throws OrtException {
    SplittableRandom rnd = new SplittableRandom(seed);
    TreeEnsemble e = randomEnsemble(rnd);
    int rows = 1 + rnd.nextInt(60);
    float[] x = randomTreeRows(rnd, e, rows);
    float[] expected = e.score(x, rows);
    float[] actual = runOnnx(OnnxExport.toBytes(e), x, rows, e.schema().size());
    double leaves = 0;
    for (TreeEnsemble.Tree t : e.trees()) {
      double max = 0;
      for (int j = 0; j < t.leafCount(); j++) {
        max = Math.max(max, Math.abs(t.leafValue(j)));
      }
      leaves += max;
    }
    double m = Math.abs(e.baseMargin()) + (e.averagesTrees() ? leaves / e.trees().size() : leaves);
    boolean sigmoid = e.output() == ScoreOutput.SIGMOID;
    double magnitude = sigmoid ? m * e.sigmoidScale() : m;
    double[] tol = new double[rows];
    for (int r = 0; r < rows; r++) {
      tol[r] = tolerance(expected[r], magnitude, sigmoid);
    }
    assertClose(expected, actual, tol, rows, e + " seed " + seed);
    Statistics.label("top-K checked").collect(assertSameTopK(expected, actual, tol, rows, rnd));
    coverage(e);
  }

  /**
   * The benchmark's shape: 300 trees of depth 6 over 50 features, 1000 rows. ONNX Runtime sums the
   * 300 float leaves in float; the property's bound still holds with room to spare.
   */
  @Test
  void benchmarkSizedEnsembleMatches() throws OrtException {
    SplittableRandom rnd = new SplittableRandom(300);
    int d = 50;
    FeatureSchema schema = FeatureSchema.numbered("f", d);
    TreeEnsemble.Builder b = TreeEnsemble.builder(schema).baseMargin(0.5);
    double magnitude = 0.5;
    for (int t = 0; t < 300; t++) {
      TreeEnsemble.TreeBuilder tb = TreeEnsemble.Tree.builder(SplitRule.LESS_THAN);
      full(tb, rnd, d, 6);
      b.add(tb.build());
      magnitude += 0.1;
    }
    TreeEnsemble e = b.build();
    int rows = 1000;
    float[] x = new float[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(20) == 0 ? Float.NaN : (float) rnd.nextGaussian();
    }
    float[] expected = e.score(x, rows);
    float[] actual = runOnnx(OnnxExport.toBytes(e), x, rows, d);
    double[] tol = new double[rows];
    for (int r = 0; r < rows; r++) {
      tol[r] = tolerance(expected[r], magnitude, false);
    }
    assertClose(expected, actual, tol, rows, e.toString());
    assertTrue(assertSameTopK(expected, actual, tol, rows, rnd), "near tie in the native top K");
  }

  /** Adds a complete tree of the given depth with leaves in [-0.1, 0.1]; returns its root. */
  private static int full(TreeEnsemble.TreeBuilder tb, SplittableRandom rnd, int d, int depth) {
    if (depth == 0) {
      return tb.leaf(rnd.nextDouble() * 0.2 - 0.1);
    }
    int node =
        tb.split(rnd.nextInt(d), rnd.nextGaussian(), rnd.nextBoolean(), Missing.DEFAULT_DIRECTION);
    int left = full(tb, rnd, d, depth - 1);
    int right = full(tb, rnd, d, depth - 1);
    tb.children(node, left, right);
    return node;
  }

  /** Records which features of the generator a try exercised and requires each to be common. */
  private static void coverage(TreeEnsemble e) {
    boolean categorical = false;
    boolean zero = false;
    boolean lt = false;
    boolean leq = false;
    for (TreeEnsemble.Tree t : e.trees()) {
      lt |= t.rule() == SplitRule.LESS_THAN;
      leq |= t.rule() == SplitRule.LESS_OR_EQUAL;
      for (int n = 0; n < t.nodeCount(); n++) {
        categorical |= t.isCategorical(n);
        zero |= t.missing(n) == Missing.ZERO_AND_MISSING_DEFAULT;
      }
    }
    Map<String, Boolean> seen = Map.of(
        "categorical nodes", categorical,
        "zero-and-missing nodes", zero,
        "less-or-equal trees", leq,
        "mixed rules", lt && leq,
        "sentinel", e.schema().hasSentinel(),
        "sigmoid", e.output() == ScoreOutput.SIGMOID);
    for (Map.Entry<String, Boolean> s : seen.entrySet()) {
      Statistics.label(s.getKey()).collect(s.getValue());
      Statistics.label(s.getKey()).coverage(c -> c.check(true).percentage(p -> p >= 15));
    }
    Statistics.label("top-K checked").coverage(c -> c.check(true).percentage(p -> p >= 50));
  }

  @Property(tries = 40, seed = "8675309")
  void linearScoresMatchOnnxRuntime(@ForAll long seed) throws OrtException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int d = 1 + rnd.nextInt(12);
    FeatureSchema schema = FeatureSchema.numbered("x", d);
    if (rnd.nextBoolean()) {
      schema = schema.withMissingValue(SENTINELS[rnd.nextInt(SENTINELS.length)]);
    }
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = rnd.nextGaussian();
    }
    ScoreOutput output = rnd.nextBoolean() ? ScoreOutput.SIGMOID : ScoreOutput.IDENTITY;
    LinearRanker ranker = new LinearRanker(schema, w, rnd.nextGaussian(), output);
    int rows = 1 + rnd.nextInt(50);
    float[] x = new float[rows * d];
    for (int i = 0; i < x.length; i++) {
      int kind = rnd.nextInt(8);
      x[i] = kind == 0 ? Float.NaN
          : kind == 1 && schema.hasSentinel() ? schema.missingValue()
          : kind == 2 ? 0f
          : (float) (rnd.nextGaussian() * 4);
    }
    float[] expected = ranker.score(x, rows);
    float[] actual = runOnnx(OnnxExport.toBytes(ranker), x, rows, d);
    double[] tol = new double[rows];
    for (int r = 0; r < rows; r++) {
      double m = Math.abs(ranker.bias());
      for (int i = 0; i < d; i++) {
        float v = x[r * d + i];
        if (!schema.isMissing(v)) {
          m += Math.abs(w[i] * v);
        }
      }
      tol[r] = tolerance(expected[r], m, output == ScoreOutput.SIGMOID);
    }
    assertClose(expected, actual, tol, rows, ranker + " seed " + seed);
    Statistics.label("top-K checked").collect(assertSameTopK(expected, actual, tol, rows, rnd));
  }

  @Property(tries = 40, seed = "1618033")
  void dotProductScoresMatchOnnxRuntime(@ForAll long seed) throws OrtException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int k = 1 + rnd.nextInt(8);
    DotProductRanker ranker = new DotProductRanker(k, rnd.nextBoolean());
    int d = ranker.schema().size();
    int rows = 1 + rnd.nextInt(50);
    float[] x = new float[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(12) == 0 ? Float.NaN : (float) rnd.nextGaussian();
    }
    float[] expected = ranker.score(x, rows);
    float[] actual = runOnnx(OnnxExport.toBytes(ranker), x, rows, d);
    double[] tol = new double[rows];
    for (int r = 0; r < rows; r++) {
      double m = 0;
      for (int i = 0; i < k; i++) {
        double p = (double) x[r * d + i] * x[r * d + k + i];
        m += p == p ? Math.abs(p) : 0;
      }
      if (ranker.hasBias() && !Float.isNaN(x[r * d + 2 * k])) {
        m += Math.abs(x[r * d + 2 * k]);
      }
      tol[r] = tolerance(expected[r], m, false);
    }
    assertClose(expected, actual, tol, rows, ranker + " seed " + seed);
    Statistics.label("top-K checked").collect(assertSameTopK(expected, actual, tol, rows, rnd));
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The allowed |onnx - native| for a native score {@code s} (see the class comment). */
  static double tolerance(float s, double magnitude, boolean sigmoid) {
    if (!sigmoid) {
      return REL * Math.max(Math.abs(s), magnitude);
    }
    return REL * Math.max(s, s * (1 - s) * magnitude);
  }

  static void assertClose(float[] expected, float[] actual, double[] tol, int rows, String what) {
    for (int r = 0; r < rows; r++) {
      double diff = Math.abs((double) expected[r] - actual[r]);
      if (!(diff <= tol[r])) {
        throw new AssertionError("row " + r + ": native " + expected[r] + ", onnx " + actual[r]
            + ", |diff| " + diff + " > tolerance " + tol[r] + " for " + what);
      }
    }
  }

  /**
   * Asserts identical top-K order unless the native top K+1 holds a near tie; returns whether the
   * order was checked.
   */
  static boolean assertSameTopK(float[] expected, float[] actual, double[] tol, int rows,
      SplittableRandom rnd) {
    int k = 1 + rnd.nextInt(Math.min(rows, 10));
    Integer[] order = new Integer[rows];
    for (int r = 0; r < rows; r++) {
      order[r] = r;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer r) -> -expected[r]));
    for (int i = 0; i + 1 < Math.min(rows, k + 1); i++) {
      int a = order[i];
      int b = order[i + 1];
      double gap = Math.abs((double) expected[a] - expected[b]);
      if (gap > 0 && gap <= tol[a] + tol[b]) {
        return false;
      }
    }
    assertArrayEquals(Ranker.topK(expected, rows, k), Ranker.topK(actual, rows, k),
        "top-" + k + " of " + rows + " rows; native " + Arrays.toString(Arrays.copyOf(expected, rows))
            + ", onnx " + Arrays.toString(Arrays.copyOf(actual, rows)));
    return true;
  }

  /** Scores {@code rows} rows with ONNX Runtime (one intra-op thread), closing everything. */
  static float[] runOnnx(byte[] model, float[] x, int rows, int d) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(model, options);
          OnnxTensor input = OnnxTensor.createTensor(
              env, FloatBuffer.wrap(x, 0, rows * d), new long[] {rows, d});
          OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
        float[][] out = (float[][]) result.get(OnnxExport.OUTPUT).orElseThrow().getValue();
        assertEquals(rows, out.length);
        float[] scores = new float[rows];
        for (int r = 0; r < rows; r++) {
          assertEquals(1, out[r].length);
          scores[r] = out[r][0];
        }
        return scores;
      }
    }
  }

  // ------------------------------------------------------------------- random tree ensembles

  private static final float[] SENTINELS = {-999f, 0f, 1.5f};

  /** Random thresholds per feature; inputs are drawn near them to hit split boundaries exactly. */
  private static final class Pools {
    final double[][] thresholds;
    final int[][] categories;

    Pools(double[][] thresholds, int[][] categories) {
      this.thresholds = thresholds;
      this.categories = categories;
    }
  }

  static TreeEnsemble randomEnsemble(SplittableRandom rnd) {
    int d = 1 + rnd.nextInt(6);
    FeatureSchema schema = FeatureSchema.numbered("f", d);
    if (rnd.nextInt(3) == 0) {
      schema = schema.withMissingValue(SENTINELS[rnd.nextInt(SENTINELS.length)]);
    }
    double[][] thresholds = new double[d][];
    for (int f = 0; f < d; f++) {
      thresholds[f] = new double[1 + rnd.nextInt(4)];
      for (int i = 0; i < thresholds[f].length; i++) {
        thresholds[f][i] = switch (rnd.nextInt(6)) {
          case 0 -> 0.0;
          case 1 -> 1e-35;
          case 2 -> Math.rint(rnd.nextDouble() * 8 - 4); // integers, like category-ish features
          default -> rnd.nextGaussian() * 2; // rarely a float: exercises LESS_OR_EQUAL rounding
        };
      }
    }
    int ruleMode = rnd.nextInt(3); // 0: all LESS_THAN, 1: all LESS_OR_EQUAL, 2: mixed
    TreeEnsemble.Builder b = TreeEnsemble.builder(schema)
        .origin("random seed tree")
        .baseMargin(rnd.nextBoolean() ? 0.0 : rnd.nextDouble() * 4 - 2);
    if (rnd.nextBoolean()) {
      double[] scales = {1.0, 0.5, 2.3};
      b.output(ScoreOutput.SIGMOID, scales[rnd.nextInt(scales.length)]);
    }
    if (rnd.nextInt(4) == 0) {
      b.averageOverTrees(); // a random forest: base + sum / trees
    }
    int trees = 1 + rnd.nextInt(13);
    for (int t = 0; t < trees; t++) {
      SplitRule rule = switch (ruleMode) {
        case 0 -> SplitRule.LESS_THAN;
        case 1 -> SplitRule.LESS_OR_EQUAL;
        default -> rnd.nextBoolean() ? SplitRule.LESS_THAN : SplitRule.LESS_OR_EQUAL;
      };
      TreeEnsemble.TreeBuilder tb = TreeEnsemble.Tree.builder(rule);
      int maxDepth = rnd.nextInt(6);
      if (maxDepth == 0) {
        tb.leaf(rnd.nextDouble() * 2 - 1);
      } else {
        grow(tb, rnd, thresholds, 0, maxDepth);
      }
      b.add(tb.build());
    }
    return b.build();
  }

  /** Adds a random subtree and returns its reference. */
  private static int grow(TreeEnsemble.TreeBuilder tb, SplittableRandom rnd, double[][] thresholds,
      int depth, int maxDepth) {
    if (depth > 0 && (depth >= maxDepth || rnd.nextInt(10) < 3)) {
      return tb.leaf(rnd.nextDouble() * 2 - 1);
    }
    int f = rnd.nextInt(thresholds.length);
    Missing missing = Missing.values()[rnd.nextInt(Missing.values().length)];
    boolean defaultLeft = rnd.nextBoolean();
    int node;
    if (rnd.nextInt(5) == 0) {
      int[] cats = rnd.ints(rnd.nextInt(4), 0, 6).toArray();
      if (rnd.nextInt(6) == 0) {
        cats = Arrays.copyOf(cats, cats.length + 1);
        cats[cats.length - 1] = 100;
      }
      node = tb.categorical(f, cats, defaultLeft, missing);
    } else {
      double[] pool = thresholds[f];
      node = tb.split(f, pool[rnd.nextInt(pool.length)], defaultLeft, missing);
    }
    int left = grow(tb, rnd, thresholds, depth + 1, maxDepth);
    int right = grow(tb, rnd, thresholds, depth + 1, maxDepth);
    tb.children(node, left, right);
    return node;
  }

  /**
   * Random rows: NaN, the sentinel, each threshold as float and its float neighbours, values
   * around LightGBM's zero tolerance, category-like values (integers, halves, negatives) and
   * ordinary Gaussian values.
   */
  static float[] randomTreeRows(SplittableRandom rnd, TreeEnsemble e, int rows) {
    int d = e.schema().size();
    List<List<Float>> near = new ArrayList<>();
    for (int f = 0; f < d; f++) {
      near.add(new ArrayList<>());
    }
    for (TreeEnsemble.Tree t : e.trees()) {
      for (int n = 0; n < t.nodeCount(); n++) {
        List<Float> list = near.get(t.feature(n));
        if (t.isCategorical(n)) {
          for (int c : t.categories(n)) {
            list.add((float) c);
            list.add(c + 0.5f);
          }
        } else {
          float ft = (float) t.threshold(n);
          list.add(ft);
          list.add(Math.nextUp(ft));
          list.add(Math.nextDown(ft));
        }
      }
    }
    float[] special = {0f, -0f, 1e-35f, -1e-35f, Math.nextUp(1e-35f), -0.5f, -1f, -1.5f, 3f, 1e10f};
    float[] x = new float[rows * d];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < d; f++) {
        int kind = rnd.nextInt(10);
        List<Float> list = near.get(f);
        float v;
        if (kind == 0) {
          v = Float.NaN;
        } else if (kind == 1 && e.schema().hasSentinel()) {
          v = e.schema().missingValue();
        } else if (kind <= 5 && !list.isEmpty()) {
          v = list.get(rnd.nextInt(list.size()));
        } else if (kind <= 7) {
          v = special[rnd.nextInt(special.length)];
        } else {
          v = (float) (rnd.nextGaussian() * 3);
        }
        x[r * d + f] = v;
      }
    }
    return x;
  }
}
