package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.eval.ClassificationMetrics;
import dev.reco.core.eval.RatingMetrics;
import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.ScoreOutput;
import dev.reco.models.rank.TreeEnsemble;
import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import dev.reco.models.rank.TreeEnsemble.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;

class SmileGradientBoostingTest {
  static final int D = 10;
  static final FeatureSchema SCHEMA = FeatureSchema.numbered("f", D);
  static final GradientBoostingConfig REGRESSION =
      GradientBoostingConfig.leastSquares().withTrees(50).withSeed(7);
  static final GradientBoostingConfig BINARY =
      GradientBoostingConfig.logistic().withTrees(50).withSeed(7);

  static PointwiseTestData regTrain;
  static PointwiseTestData regTest;
  static SmileGradientBoosting.Trained reg;
  static PointwiseTestData binTrain;
  static PointwiseTestData binTest;
  static SmileGradientBoosting.Trained bin;
  /** The first rows of the regression training set, for tests that fit several models. */
  static final int SMALL = 500;
  static float[] SMALL_X;
  static float[] SMALL_Y;

  @BeforeAll
  static void train() {
    regTrain = PointwiseTestData.regression(2000, D, 0.3, 1);
    regTest = PointwiseTestData.regression(500, D, 0.3, 2);
    reg = SmileGradientBoosting.train(SCHEMA, regTrain.x, regTrain.rows, regTrain.y, REGRESSION);
    binTrain = PointwiseTestData.binary(2000, D, 3);
    binTest = PointwiseTestData.binary(500, D, 4);
    bin = SmileGradientBoosting.train(SCHEMA, binTrain.x, binTrain.rows, binTrain.y, BINARY);
    SMALL_X = Arrays.copyOf(regTrain.x, SMALL * D);
    SMALL_Y = Arrays.copyOf(regTrain.y, SMALL);
  }

  // ---- parity with Smile's own predictions ----

  /** Smile's regression prediction of every row of {@code x}. */
  static double[] smileRegression(float[] x, int rows) {
    smile.regression.GradientTreeBoost model = (smile.regression.GradientTreeBoost) reg.smileModel();
    DataFrame frame = SmileFrames.frame(x, rows, D, false);
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = model.predict(frame.get(r));
    }
    return out;
  }

  /** Smile's posterior probability of class 1 for every row of {@code x}. */
  static double[] smileProbability(float[] x, int rows) {
    smile.classification.GradientTreeBoost model =
        (smile.classification.GradientTreeBoost) bin.smileModel();
    DataFrame frame = SmileFrames.frame(x, rows, D, true);
    double[] out = new double[rows];
    double[] posteriori = new double[2];
    for (int r = 0; r < rows; r++) {
      model.predict(frame.get(r), posteriori);
      out[r] = posteriori[1];
    }
    return out;
  }

  @Test
  void regressionMarginIsBitIdenticalToSmilePredict() {
    // Same leaves (shrinkage * output), same thresholds, same summation order: the double margin
    // equals Smile's prediction exactly, and the float score is its rounding.
    TreeEnsemble e = reg.ensemble();
    double[] expected = smileRegression(regTest.x, regTest.rows);
    float[] scores = e.score(regTest.x, regTest.rows);
    for (int r = 0; r < regTest.rows; r++) {
      float[] row = Arrays.copyOfRange(regTest.x, r * D, (r + 1) * D);
      assertEquals(expected[r], e.margin(row), 0.0, "row " + r);
      assertEquals((float) expected[r], scores[r], 0f, "row " + r);
    }
  }

  @Test
  void regressionParityOnRowsExactlyOnAndAroundThresholds() {
    // For every split, rows whose split feature is the float just below, at and just above the
    // double threshold: the float comparison must reproduce Smile's (double) x <= value.
    TreeEnsemble e = reg.ensemble();
    List<float[]> rows = new ArrayList<>();
    for (Tree t : e.trees()) {
      for (int n = 0; n < t.nodeCount(); n++) {
        float at = (float) t.threshold(n);
        for (float v : new float[] {Math.nextDown(at), at, Math.nextUp(at)}) {
          float[] row = Arrays.copyOfRange(regTest.x, 0, D);
          row[t.feature(n)] = v;
          rows.add(row);
        }
      }
    }
    float[] x = flatten(rows);
    double[] expected = smileRegression(x, rows.size());
    for (int r = 0; r < rows.size(); r++) {
      assertEquals(expected[r], e.margin(rows.get(r)), 0.0, "row " + r);
    }
  }

  @Test
  void missingValuesGoWhereSmileSendsNaN() {
    // Smile 2.6: NaN <= value is false, so NaN takes the false (right) child; the converted nodes
    // say the same.
    TreeEnsemble e = reg.ensemble();
    for (Tree t : e.trees()) {
      for (int n = 0; n < t.nodeCount(); n++) {
        assertEquals(SplitRule.LESS_OR_EQUAL, t.rule());
        assertEquals(Missing.DEFAULT_DIRECTION, t.missing(n));
        assertFalse(t.defaultLeft(n));
      }
    }
    int rows = 200;
    float[] x = Arrays.copyOf(regTest.x, rows * D);
    for (int r = 0; r < rows; r++) {
      x[r * D + (r % D)] = Float.NaN;
      x[r * D + ((r * 7 + 3) % D)] = Float.NaN;
    }
    double[] expected = smileRegression(x, rows);
    float[] scores = e.score(x, rows);
    for (int r = 0; r < rows; r++) {
      assertEquals((float) expected[r], scores[r], 0f, "row " + r);
    }
  }

  @Test
  void logisticProbabilitiesMatchSmilePosteriorWithin1e6Relative() {
    // Smile: p1 = 1 - 1 / (1 + exp(2F)); the ensemble: sigmoid(2 * (float) F). Same F in double;
    // the score rounds F to float before the sigmoid (relative error <= 2 (1 - p) |F| 2^-24) and
    // the result to float, so the two agree within 1e-6 relative, not bit for bit.
    TreeEnsemble e = bin.ensemble();
    assertEquals(ScoreOutput.SIGMOID, e.output());
    assertEquals(2.0, e.sigmoidScale());
    int rows = binTest.rows;
    float[] x = Arrays.copyOf(binTest.x, rows * D);
    for (int r = 0; r < rows; r += 5) {
      x[r * D + (r % D)] = Float.NaN;
    }
    double[] expected = smileProbability(x, rows);
    float[] scores = e.score(x, rows);
    for (int r = 0; r < rows; r++) {
      assertEquals(expected[r], scores[r], 1e-6 * expected[r], "row " + r);
    }
  }

  // ---- the models learn the planted signal ----

  @Test
  void regressionBeatsTheMeanPredictorByAClearMargin() {
    float[] scores = reg.ensemble().score(regTest.x, regTest.rows);
    double[] predicted = new double[regTest.rows];
    double mean = Arrays.stream(regTrain.doubleLabels()).average().orElseThrow();
    double[] trivial = new double[regTest.rows];
    for (int r = 0; r < regTest.rows; r++) {
      predicted[r] = scores[r];
      trivial[r] = mean;
    }
    double rmse = RatingMetrics.rmse(regTest.doubleLabels(), predicted);
    double baseline = RatingMetrics.rmse(regTest.doubleLabels(), trivial);
    // The signal's standard deviation is about 1.5 and the noise 0.3: the mean predictor is near
    // 1.5, a good fit approaches 0.3; 50 trees at shrinkage 0.1 leave some bias.
    assertTrue(rmse < 0.5 * baseline, "rmse " + rmse + " vs mean predictor " + baseline);
  }

  @Test
  void logisticRanksPositivesAboveNegatives() {
    float[] scores = bin.ensemble().score(binTest.x, binTest.rows);
    double auc = ClassificationMetrics.rocAuc(binTest.intLabels(), toDouble(scores));
    // The Bayes scores (the planted signal itself) reach the ceiling; a constant scores 0.5.
    double bayes = ClassificationMetrics.rocAuc(binTest.intLabels(), binTest.signal);
    assertTrue(auc > 0.75, "auc " + auc);
    assertTrue(auc > bayes - 0.08, "auc " + auc + " vs planted signal " + bayes);
  }

  // ---- determinism and configuration ----

  @Test
  void sameSeedGivesIdenticalEnsembles() {
    GradientBoostingConfig config = REGRESSION.withTrees(15);
    TreeEnsemble first = SmileGradientBoosting.fit(
        SCHEMA, regTrain.x, regTrain.rows, regTrain.y, config);
    TreeEnsemble again = SmileGradientBoosting.fit(
        SCHEMA, regTrain.x, regTrain.rows, regTrain.y, config);
    assertArrayEquals(first.score(regTest.x, regTest.rows), again.score(regTest.x, regTest.rows));
    for (int t = 0; t < 15; t++) {
      Tree a = first.trees().get(t);
      Tree b = again.trees().get(t);
      assertEquals(a.nodeCount(), b.nodeCount());
      for (int n = 0; n < a.nodeCount(); n++) {
        assertEquals(a.feature(n), b.feature(n));
        assertEquals(a.threshold(n), b.threshold(n));
      }
    }
  }

  @Test
  void concurrentFitsGiveTheSameEnsemblesAsSequentialOnes() throws Exception {
    // Smile samples rows with a per-thread generator, seeded on the fitting thread; its seed
    // registry is a shared HashSet, which the trainer's lock keeps from concurrent updates. Fits
    // on pool threads reproduce the ensembles fitted sequentially on this thread.
    GradientBoostingConfig a = REGRESSION.withTrees(5).withSeed(1);
    GradientBoostingConfig b = REGRESSION.withTrees(5).withSeed(2);
    float[] expectedA = SmileGradientBoosting.fit(SCHEMA, SMALL_X, SMALL, SMALL_Y, a)
        .score(regTest.x, regTest.rows);
    float[] expectedB = SmileGradientBoosting.fit(SCHEMA, SMALL_X, SMALL, SMALL_Y, b)
        .score(regTest.x, regTest.rows);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        GradientBoostingConfig config = i % 2 == 0 ? a : b;
        futures.add(pool.submit(() -> SmileGradientBoosting
            .fit(SCHEMA, SMALL_X, SMALL, SMALL_Y, config)
            .score(regTest.x, regTest.rows)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertArrayEquals(i % 2 == 0 ? expectedA : expectedB, futures.get(i).get(), "fit " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSeedDrivesRowSampling() {
    // subsample 0.8 draws a different 80% per tree for another seed; subsample 1 uses every row.
    GradientBoostingConfig config = REGRESSION.withTrees(10);
    assertFalse(Arrays.equals(
        SmileGradientBoosting.fit(SCHEMA, SMALL_X, SMALL, SMALL_Y, config)
            .score(regTest.x, regTest.rows),
        SmileGradientBoosting.fit(SCHEMA, SMALL_X, SMALL, SMALL_Y,
            config.withSeed(8)).score(regTest.x, regTest.rows)));
    GradientBoostingConfig all = config.withSubsample(1.0);
    assertArrayEquals(
        SmileGradientBoosting.fit(SCHEMA, SMALL_X, SMALL, SMALL_Y, all)
            .score(regTest.x, regTest.rows),
        SmileGradientBoosting.fit(SCHEMA, SMALL_X, SMALL, SMALL_Y, all.withSeed(99))
            .score(regTest.x, regTest.rows));
  }

  @Test
  void treesRespectMaxNodesAndMaxDepth() {
    GradientBoostingConfig small = REGRESSION.withTrees(5).withMaxNodes(64).withMaxDepth(3)
        .withNodeSize(5);
    TreeEnsemble e = SmileGradientBoosting.fit(SCHEMA, regTrain.x, regTrain.rows, regTrain.y, small);
    assertEquals(5, e.trees().size());
    int deepest = 0;
    for (Tree t : e.trees()) {
      deepest = Math.max(deepest, depth(t, 0));
      // Smile's maxDepth counts the root as depth 1 and splits only nodes at depth < maxDepth:
      // maxDepth 3 allows paths of 2 splits, i.e. at most 4 leaves.
      assertTrue(depth(t, 0) <= 2, "depth " + depth(t, 0));
      assertTrue(t.leafCount() <= 4, "leaves " + t.leafCount());
    }
    assertEquals(2, deepest, "the bound is reached on 2,000 rows");
    GradientBoostingConfig stumps = REGRESSION.withTrees(5).withMaxNodes(2);
    for (Tree t : SmileGradientBoosting.fit(SCHEMA, regTrain.x, regTrain.rows, regTrain.y, stumps)
        .trees()) {
      assertEquals(2, t.leafCount());
    }
    for (Tree t : reg.ensemble().trees()) {
      assertTrue(t.leafCount() <= REGRESSION.maxNodes());
    }
  }

  @Test
  void originNamesTheTrainer() {
    assertTrue(reg.ensemble().origin().contains("smile 2.6.0"), reg.ensemble().origin());
    assertTrue(reg.ensemble().origin().contains("least squares GradientBoostingConfig[trees=50,"),
        reg.ensemble().origin());
    assertTrue(reg.ensemble().origin().contains("seed=7]"), reg.ensemble().origin());
    assertTrue(bin.ensemble().origin().contains("binomial"), bin.ensemble().origin());
    assertEquals(SCHEMA, reg.ensemble().schema());
  }

  @Test
  void constantFeaturesGiveSingleLeafTrees() {
    // No split can separate equal values: every tree is one leaf. With every row sampled the leaf
    // is the mean residual, (-1.5 - 0.5 + 0.5 + 1.5) / 4 = 0, and the model predicts the
    // intercept, the mean label (1 + 2 + 3 + 4) / 4 = 2.5.
    FeatureSchema one = FeatureSchema.of("c");
    float[] x = {1f, 1f, 1f, 1f};
    float[] y = {1f, 2f, 3f, 4f};
    TreeEnsemble e = SmileGradientBoosting.fit(one, x, 4, y,
        REGRESSION.withTrees(3).withNodeSize(1).withSubsample(1.0));
    assertEquals(3, e.trees().size());
    assertEquals(0, e.trees().get(0).nodeCount());
    assertEquals(2.5, e.margin(new float[] {1f}), 1e-12);
  }

  // ---- bad input ----

  @Test
  void rejectsLabelCountThatDiffersFromRows() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, regTrain.x, regTrain.rows,
            Arrays.copyOf(regTrain.y, 1999), REGRESSION));
    assertTrue(e.getMessage().contains("labels.length = 1999"), e.getMessage());
    assertTrue(e.getMessage().contains("2000"), e.getMessage());
  }

  @Test
  void rejectsFeatureArrayOfTheWrongLength() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, Arrays.copyOf(regTrain.x, 20), 3,
            Arrays.copyOf(regTrain.y, 3), REGRESSION));
    assertTrue(e.getMessage().contains("features.length = 20"), e.getMessage());
    assertTrue(e.getMessage().contains("= 30"), e.getMessage());
  }

  @Test
  void rejectsNaNInfinityAndSentinelInTrainingFeatures() {
    float[] x = regTrain.x.clone();
    x[3 * D + 4] = Float.NaN;
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, x, regTrain.rows, regTrain.y, REGRESSION));
    assertTrue(nan.getMessage().contains("features[row 3, 'f4'] = NaN"), nan.getMessage());

    x[3 * D + 4] = Float.POSITIVE_INFINITY;
    IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, x, regTrain.rows, regTrain.y, REGRESSION));
    assertTrue(inf.getMessage().contains("= Infinity"), inf.getMessage());

    x[3 * D + 4] = -999f;
    FeatureSchema withSentinel = SCHEMA.withMissingValue(-999f);
    IllegalArgumentException sentinel = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(withSentinel, x, regTrain.rows, regTrain.y, REGRESSION));
    assertTrue(sentinel.getMessage().contains("= -999.0"), sentinel.getMessage());
  }

  @Test
  void rejectsNonFiniteLabels() {
    float[] y = regTrain.y.clone();
    y[17] = Float.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, regTrain.x, regTrain.rows, y, REGRESSION));
    assertTrue(e.getMessage().contains("labels[17] = NaN"), e.getMessage());
  }

  @Test
  void logisticRejectsLabelsOtherThanZeroAndOne() {
    float[] y = binTrain.y.clone();
    y[5] = 0.5f;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, binTrain.x, binTrain.rows, y, BINARY));
    assertTrue(e.getMessage().contains("labels[5] = 0.5"), e.getMessage());

    float[] ones = new float[binTrain.rows];
    Arrays.fill(ones, 1f);
    IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, binTrain.x, binTrain.rows, ones, BINARY));
    assertTrue(single.getMessage().contains("labels are all 1"), single.getMessage());
  }

  @Test
  void rejectsZeroRows() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmileGradientBoosting.fit(SCHEMA, new float[0], 0, new float[0], REGRESSION));
    assertTrue(e.getMessage().contains("rows = 0"), e.getMessage());
  }

  // ---- helpers ----

  static int depth(Tree t, int ref) {
    if (Tree.isLeaf(ref)) {
      return 0;
    }
    return 1 + Math.max(depth(t, t.left(ref)), depth(t, t.right(ref)));
  }

  static float[] flatten(List<float[]> rows) {
    float[] x = new float[rows.size() * D];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, x, r * D, D);
    }
    return x;
  }

  static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
