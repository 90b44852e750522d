package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.eval.ClassificationMetrics;
import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.LinearRanker;
import dev.reco.models.rank.ScoreOutput;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

class LogisticRegressionTrainerTest {
  static final int D = 10;
  static final FeatureSchema SCHEMA = FeatureSchema.numbered("f", D);
  static final LogisticRegressionConfig CONFIG = LogisticRegressionConfig.defaults();

  static PointwiseTestData train;
  static PointwiseTestData test;
  static LogisticRegression.Binomial smile;
  static LinearRanker ranker;

  @BeforeAll
  static void fit() {
    train = PointwiseTestData.binary(2000, D, 11);
    test = PointwiseTestData.binary(500, D, 12);
    smile = LogisticRegressionTrainer.train(SCHEMA, train.x, train.rows, train.y, CONFIG);
    ranker = LogisticRegressionTrainer.toRanker(smile, SCHEMA);
  }

  @Test
  void probabilitiesEqualSmilePosterior() {
    // Smile: 1 / (1 + exp(-(w[p] + sum x_i w_i))), summed from the intercept in feature order; the
    // LinearRanker sums bias first then feature by feature in double: the same margin, the same
    // sigmoid, one rounding to float.
    assertEquals(ScoreOutput.SIGMOID, ranker.output());
    float[] scores = ranker.score(test.x, test.rows);
    double[] posteriori = new double[2];
    for (int r = 0; r < test.rows; r++) {
      double[] row = new double[D];
      for (int f = 0; f < D; f++) {
        row[f] = test.x[r * D + f];
      }
      smile.predict(row, posteriori);
      assertEquals(posteriori[1], scores[r], 1e-6 * posteriori[1], "row " + r);
      assertEquals((float) posteriori[1], scores[r], 0f, "row " + r);
    }
  }

  @Test
  void coefficientsAreReadInSmilesLayout() {
    // Smile 2.6.0 keeps p + 1 coefficients with the intercept last.
    double[] w = smile.coefficients();
    assertEquals(D + 1, w.length);
    assertArrayEquals(Arrays.copyOf(w, D), ranker.weights(), 0.0);
    assertEquals(w[D], ranker.bias(), 0.0);
  }

  @Test
  void learnsThePlantedDirection() {
    // The planted logit grows with f0 (weight 2 * 2) and ignores f5..f9.
    double[] w = ranker.weights();
    assertTrue(w[0] > 2.0, "w0 " + w[0]);
    for (int f = 5; f < D; f++) {
      assertTrue(Math.abs(w[f]) < 0.4, "w" + f + " " + w[f]);
    }
    float[] scores = ranker.score(test.x, test.rows);
    double auc = ClassificationMetrics.rocAuc(test.intLabels(), SmileGradientBoostingTest.toDouble(scores));
    assertTrue(auc > 0.75, "auc " + auc);
  }

  @Test
  void isDeterministic() {
    LinearRanker again = LogisticRegressionTrainer.fit(SCHEMA, train.x, train.rows, train.y, CONFIG);
    assertArrayEquals(ranker.weights(), again.weights(), 0.0);
    assertEquals(ranker.bias(), again.bias(), 0.0);
  }

  @Test
  void lambdaShrinksTheWeights() {
    LinearRanker strong = LogisticRegressionTrainer.fit(
        SCHEMA, train.x, train.rows, train.y, CONFIG.withLambda(1000));
    assertTrue(norm(strong.weights()) < 0.5 * norm(ranker.weights()),
        norm(strong.weights()) + " vs " + norm(ranker.weights()));
  }

  @Test
  void rejectsBadLabelsAndFeatures() {
    float[] y = train.y.clone();
    y[9] = 2f;
    rejects(() -> LogisticRegressionTrainer.fit(SCHEMA, train.x, train.rows, y, CONFIG),
        "labels[9] = 2.0");
    float[] zeros = new float[train.rows];
    rejects(() -> LogisticRegressionTrainer.fit(SCHEMA, train.x, train.rows, zeros, CONFIG),
        "labels are all 0");
    float[] x = train.x.clone();
    x[D + 2] = Float.NaN;
    rejects(() -> LogisticRegressionTrainer.fit(SCHEMA, x, train.rows, train.y, CONFIG),
        "features[row 1, 'f2'] = NaN");
    rejects(() -> LogisticRegressionTrainer.fit(SCHEMA, train.x, train.rows - 1,
        Arrays.copyOf(train.y, train.rows - 1), CONFIG), "features.length = 20000");
    rejects(() -> LogisticRegressionTrainer.fit(SCHEMA, train.x, train.rows,
        Arrays.copyOf(train.y, 3), CONFIG), "labels.length = 3");
  }

  @Test
  void configRejectsOutOfRangeSettings() {
    rejects(() -> CONFIG.withLambda(-1), "lambda = -1.0");
    rejects(() -> CONFIG.withLambda(Double.POSITIVE_INFINITY), "lambda = Infinity");
    rejects(() -> CONFIG.withTolerance(0), "tolerance = 0.0");
    rejects(() -> CONFIG.withTolerance(Double.NaN), "tolerance = NaN");
    rejects(() -> CONFIG.withMaxIterations(0), "maxIterations = 0");
    assertEquals(new LogisticRegressionConfig(0.1, 1e-5, 500), CONFIG);
  }

  static double norm(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  static void rejects(Supplier<?> call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
