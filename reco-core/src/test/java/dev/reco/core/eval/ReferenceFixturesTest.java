package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Compares against values computed by scikit-learn and SciPy with
 * {@code tools/fixtures/eval_fixtures.py}; the generated files live in
 * {@code src/test/resources/fixtures/} so that no Python is needed here.
 */
class ReferenceFixturesTest {
  private static final double CLOSED_FORM = 1e-12;
  private static final double SPECIAL = 1e-10;

  private static JsonNode load(String name) throws IOException {
    try (InputStream in = ReferenceFixturesTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        fail("missing fixture " + name);
      }
      return new ObjectMapper().readTree(in);
    }
  }

  /** Asserts {@code |actual - expected| <= relative * |expected|} (exact match for 0). */
  private static void close(double expected, double actual, double relative, String what) {
    close(expected, actual, relative, 0.0, what);
  }

  /** Asserts {@code |actual - expected| <= relative * |expected| + absolute}. */
  private static void close(
      double expected, double actual, double relative, double absolute, String what) {
    double allowed = relative * Math.abs(expected) + absolute;
    assertTrue(Math.abs(actual - expected) <= allowed,
        what + ": expected " + expected + ", got " + actual + " (relative tolerance " + relative
            + ")");
  }

  private static int[] ints(JsonNode node) {
    int[] a = new int[node.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = node.get(i).intValue();
    }
    return a;
  }

  private static double[] doubles(JsonNode node) {
    double[] a = new double[node.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = node.get(i).doubleValue();
    }
    return a;
  }

  @Test
  void classificationMatchesScikitLearn() throws IOException {
    JsonNode cases = load("classification.json").get("cases");
    assertTrue(cases.size() >= 8);
    for (JsonNode c : cases) {
      String name = c.get("name").asText();
      int classes = c.get("numClasses").intValue();
      int[] actual = ints(c.get("actual"));
      int[] predicted = ints(c.get("predicted"));
      close(c.get("accuracy").doubleValue(), ClassificationMetrics.accuracy(actual, predicted),
          CLOSED_FORM, name + " accuracy");
      for (Average average : new Average[] {Average.MACRO, Average.WEIGHTED}) {
        String suffix = average == Average.MACRO ? "Macro" : "Weighted";
        close(c.get("precision" + suffix).doubleValue(),
            ClassificationMetrics.precision(actual, predicted, classes, average), CLOSED_FORM,
            name + " precision " + average);
        close(c.get("recall" + suffix).doubleValue(),
            ClassificationMetrics.recall(actual, predicted, classes, average), CLOSED_FORM,
            name + " recall " + average);
        close(c.get("f1" + suffix).doubleValue(),
            ClassificationMetrics.f1(actual, predicted, classes, average), CLOSED_FORM,
            name + " f1 " + average);
      }
      if (c.has("probabilityOfOne")) {
        double[] p = doubles(c.get("probabilityOfOne"));
        close(c.get("precisionBinary").doubleValue(),
            ClassificationMetrics.precision(actual, predicted), CLOSED_FORM, name + " precision");
        close(c.get("recallBinary").doubleValue(),
            ClassificationMetrics.recall(actual, predicted), CLOSED_FORM, name + " recall");
        close(c.get("f1Binary").doubleValue(), ClassificationMetrics.f1(actual, predicted),
            CLOSED_FORM, name + " f1");
        close(c.get("logLoss").doubleValue(), ClassificationMetrics.logLoss(actual, p),
            CLOSED_FORM, name + " log-loss");
        close(c.get("rocAuc").doubleValue(), ClassificationMetrics.rocAuc(actual, p),
            CLOSED_FORM, name + " ROC-AUC");
      }
      if (c.has("probabilities")) {
        double[] p = doubles(c.get("probabilities"));
        close(c.get("logLoss").doubleValue(), ClassificationMetrics.logLoss(actual, p, classes),
            CLOSED_FORM, name + " log-loss");
        close(c.get("rocAucOvrMacro").doubleValue(),
            ClassificationMetrics.rocAucOvr(actual, p, classes, Average.MACRO), CLOSED_FORM,
            name + " ROC-AUC ovr macro");
        close(c.get("rocAucOvrWeighted").doubleValue(),
            ClassificationMetrics.rocAucOvr(actual, p, classes, Average.WEIGHTED), CLOSED_FORM,
            name + " ROC-AUC ovr weighted");
      }
    }
  }

  @Test
  void ratingErrorsMatchScikitLearn() throws IOException {
    for (JsonNode c : load("regression.json").get("cases")) {
      double[] actual = doubles(c.get("actual"));
      double[] predicted = doubles(c.get("predicted"));
      String name = c.get("name").asText();
      close(c.get("rmse").doubleValue(), RatingMetrics.rmse(actual, predicted), CLOSED_FORM,
          name + " RMSE");
      close(c.get("mae").doubleValue(), RatingMetrics.mae(actual, predicted), CLOSED_FORM,
          name + " MAE");
    }
  }

  @Test
  void ndcgMatchesScikitLearnWhereDefinitionsCoincide() throws IOException {
    JsonNode cases = load("ndcg.json").get("cases");
    assertEquals(60, cases.size());
    RankingScorer scorer = new RankingScorer(10);
    int index = 0;
    for (JsonNode c : cases) {
      int k = c.get("k").intValue();
      int[] ranked = ints(c.get("ranked"));
      int[] relevant = ints(c.get("relevant"));
      float[] grades = null;
      if (!c.get("grades").isNull()) {
        int[] g = ints(c.get("grades"));
        grades = new float[g.length];
        for (int i = 0; i < g.length; i++) {
          grades[i] = g[i];
        }
      }
      String what = "case " + index++ + " (k = " + k + ")";
      double linear = RankingMetrics.ndcg(ranked, ranked.length, relevant, grades, Gain.LINEAR, k);
      double exponential =
          RankingMetrics.ndcg(ranked, ranked.length, relevant, grades, Gain.EXPONENTIAL, k);
      close(c.get("ndcgLinear").doubleValue(), linear, CLOSED_FORM, what + " linear");
      close(c.get("ndcgExponential").doubleValue(), exponential, CLOSED_FORM, what + " exp");
      scorer.reset(ranked, ranked.length, relevant, grades);
      assertEquals(linear, scorer.value(Metric.ndcg(k)), 0.0, what);
      assertEquals(exponential, scorer.value(Metric.at(Measure.NDCG_EXP, k)), 0.0, what);
    }
  }

  @Test
  void pairedTTestMatchesScipy() throws IOException {
    for (JsonNode c : load("student_t.json").get("paired")) {
      String name = c.get("name").asText();
      PairedComparison result = PairedComparison.compare(doubles(c.get("a")), doubles(c.get("b")),
          ComparisonConfig.withSeed(1).withBootstrapResamples(10));
      close(c.get("t").doubleValue(), result.tStatistic(), SPECIAL, name + " t");
      close(c.get("p").doubleValue(), result.pValue(), SPECIAL, name + " p");
    }
  }

  @Test
  void studentTDistributionMatchesScipy() throws IOException {
    JsonNode grid = load("student_t.json").get("tDistribution");
    assertTrue(grid.size() > 200);
    for (JsonNode c : grid) {
      double t = c.get("t").doubleValue();
      double df = c.get("df").doubleValue();
      String what = "t = " + t + ", df = " + df;
      close(c.get("cdf").doubleValue(), SpecialFunctions.studentTCdf(t, df), SPECIAL,
          what + " cdf");
      close(c.get("sf").doubleValue(), SpecialFunctions.studentTSf(t, df), SPECIAL, what + " sf");
    }
  }

  @Test
  void betaAndGammaFunctionsMatchScipy() throws IOException {
    JsonNode root = load("student_t.json");
    for (JsonNode c : root.get("regularizedBeta")) {
      double a = c.get("a").doubleValue();
      double b = c.get("b").doubleValue();
      double x = c.get("x").doubleValue();
      close(c.get("value").doubleValue(), SpecialFunctions.regularizedBeta(x, 1.0 - x, a, b),
          SPECIAL, "I_" + x + "(" + a + ", " + b + ")");
    }
    for (JsonNode c : root.get("logGamma")) {
      double x = c.get("x").doubleValue();
      // ln Gamma crosses 0 at x = 1 and 2: there a relative bound alone would demand exact zeros
      close(c.get("value").doubleValue(), SpecialFunctions.logGamma(x), CLOSED_FORM, 1e-15,
          "lgamma(" + x + ")");
    }
    for (JsonNode c : root.get("logBeta")) {
      double a = c.get("a").doubleValue();
      double b = c.get("b").doubleValue();
      close(c.get("value").doubleValue(), SpecialFunctions.logBeta(a, b), CLOSED_FORM,
          "lbeta(" + a + ", " + b + ")");
    }
  }
}
