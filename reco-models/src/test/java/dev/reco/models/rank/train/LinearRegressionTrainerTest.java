package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reco.core.eval.RatingMetrics;
import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.LinearRanker;
import dev.reco.models.rank.ScoreOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LinearRegressionTrainerTest {

  @Test
  void handComputedLine() {
    // x = 0, 1, 2 and y = 1, 3, 5 lie on y = 1 + 2x.
    // lambda 0: w = 2, b = 1.
    // lambda 1: centred x = -1, 0, 1, centred y = -2, 0, 2; Sxx = 2, Sxy = 4;
    //   w = Sxy / (Sxx + 1) = 4/3, b = mean y - mean x * w = 3 - 4/3 = 5/3.
    FeatureSchema s = FeatureSchema.of("x");
    float[] x = {0f, 1f, 2f};
    float[] y = {1f, 3f, 5f};
    LinearRanker ols = LinearRegressionTrainer.fit(s, x, 3, y,
        LinearRegressionConfig.ordinaryLeastSquares());
    assertEquals(2.0, ols.weights()[0], 1e-12);
    assertEquals(1.0, ols.bias(), 1e-12);
    assertEquals(ScoreOutput.IDENTITY, ols.output());
    LinearRanker ridge = LinearRegressionTrainer.fit(s, x, 3, y, LinearRegressionConfig.defaults());
    assertEquals(4.0 / 3.0, ridge.weights()[0], 1e-12);
    assertEquals(5.0 / 3.0, ridge.bias(), 1e-12);
    assertEquals(1f + 2f * 3f, ols.scoreOne(new float[] {3f}), 1e-5f);
  }

  @Test
  void matchesScikitLearnRidge() throws IOException {
    // Expected values from tools/fixtures/linear_regression_sklearn.py (sklearn Ridge, cholesky).
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("linear-regression-sklearn.json")) {
      root = new ObjectMapper().readTree(in);
    }
    assertEquals(3, root.get("cases").size());
    for (JsonNode c : root.get("cases")) {
      String name = c.get("name").asText();
      int rows = c.get("rows").asInt();
      int d = c.get("features").asInt();
      float[] x = floats(c.get("x"));
      float[] y = floats(c.get("y"));
      LinearRanker model = LinearRegressionTrainer.fit(FeatureSchema.numbered("f", d), x, rows, y,
          new LinearRegressionConfig(c.get("lambda").asDouble()));
      double[] w = model.weights();
      for (int f = 0; f < d; f++) {
        double expected = c.get("weights").get(f).asDouble();
        assertEquals(expected, w[f], 1e-9 * Math.max(1, Math.abs(expected)), name + " w" + f);
      }
      double intercept = c.get("intercept").asDouble();
      assertEquals(intercept, model.bias(), 1e-9 * Math.max(1, Math.abs(intercept)), name);
    }
  }

  @Test
  void beatsTheMeanPredictorOnThePlantedSignal() {
    // The planted signal is mostly linear in f0 (2 x0) and f4 (a step); a linear fit explains
    // most of its variance but not the sine or the interaction.
    PointwiseTestData train = PointwiseTestData.regression(2000, 10, 0.3, 1);
    PointwiseTestData test = PointwiseTestData.regression(500, 10, 0.3, 2);
    LinearRanker model = LinearRegressionTrainer.fit(FeatureSchema.numbered("f", 10), train.x,
        train.rows, train.y, LinearRegressionConfig.defaults());
    float[] scores = model.score(test.x, test.rows);
    double mean = Arrays.stream(train.doubleLabels()).average().orElseThrow();
    double[] trivial = new double[test.rows];
    Arrays.fill(trivial, mean);
    double rmse = RatingMetrics.rmse(test.doubleLabels(), SmileGradientBoostingTest.toDouble(scores));
    double baseline = RatingMetrics.rmse(test.doubleLabels(), trivial);
    assertTrue(rmse < 0.7 * baseline, "rmse " + rmse + " vs mean predictor " + baseline);
    assertEquals(2.0, model.weights()[0], 0.15);
  }

  @Test
  void dependentFeaturesNeedAPenalty() {
    // f1 = 2 * f0 exactly, f2 constant.
    FeatureSchema s = FeatureSchema.of("a", "b", "c");
    float[] x = {1, 2, 5, 2, 4, 5, 3, 6, 5, 4, 8, 5};
    float[] y = {1, 2, 3, 4};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinearRegressionTrainer.fit(s, x, 4, y, LinearRegressionConfig.ordinaryLeastSquares()));
    assertTrue(e.getMessage().startsWith("feature 'b'"), e.getMessage());
    assertTrue(e.getMessage().contains("lambda = 0.0"), e.getMessage());

    // With a penalty: the constant column gets weight 0, and a and b share the slope
    // (w_b = 2 w_a minimizes |w|^2 among the fits of equal residual).
    LinearRanker ridge = LinearRegressionTrainer.fit(s, x, 4, y, new LinearRegressionConfig(0.01));
    double[] w = ridge.weights();
    assertEquals(0.0, w[2], 1e-12);
    assertEquals(2 * w[0], w[1], 1e-9);
  }

  @Test
  void rejectsBadInput() {
    FeatureSchema s = FeatureSchema.of("a");
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> LinearRegressionTrainer.fit(s, new float[] {1, Float.NaN}, 2, new float[] {1, 2},
            LinearRegressionConfig.defaults()));
    assertTrue(nan.getMessage().contains("features[row 1, 'a'] = NaN"), nan.getMessage());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> LinearRegressionTrainer.fit(s, new float[] {1, 2}, 2, new float[] {1},
            LinearRegressionConfig.defaults()));
    assertTrue(count.getMessage().contains("labels.length = 1"), count.getMessage());
    IllegalArgumentException lambda = assertThrows(IllegalArgumentException.class,
        () -> new LinearRegressionConfig(-0.5));
    assertTrue(lambda.getMessage().startsWith("lambda = -0.5"), lambda.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LinearRegressionConfig(Double.NaN));
  }

  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }
}
