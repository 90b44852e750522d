package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
  private static final double EPS = 1e-15;

  // actual [1, 1, 0, 0, 0], predicted [1, 0, 1, 1, 0]
  // class 1: tp = 1, predicted 3 times, support 2 -> precision 1/3, recall 1/2, F1 = 2/5
  // class 0: tp = 1 (position 4), predicted 2 times, support 3 -> precision 1/2, recall 1/3, F1 2/5
  private static final int[] ACTUAL = {1, 1, 0, 0, 0};
  private static final int[] PREDICTED = {1, 0, 1, 1, 0};

  @Test
  void handComputedBinaryScores() {
    assertEquals(2.0 / 5, ClassificationMetrics.accuracy(ACTUAL, PREDICTED), EPS);
    assertEquals(1.0 / 3, ClassificationMetrics.precision(ACTUAL, PREDICTED), EPS);
    assertEquals(1.0 / 2, ClassificationMetrics.recall(ACTUAL, PREDICTED), EPS);
    // F1 = 2 * (1/3) * (1/2) / (1/3 + 1/2) = (1/3) / (5/6) = 2/5
    assertEquals(2.0 / 5, ClassificationMetrics.f1(ACTUAL, PREDICTED), EPS);
  }

  @Test
  void handComputedMacroAndWeightedScores() {
    // macro precision = (1/3 + 1/2) / 2 = 5/12; weighted = (2 * 1/3 + 3 * 1/2) / 5 = 13/30
    assertEquals(5.0 / 12,
        ClassificationMetrics.precision(ACTUAL, PREDICTED, 2, Average.MACRO), EPS);
    assertEquals(13.0 / 30,
        ClassificationMetrics.precision(ACTUAL, PREDICTED, 2, Average.WEIGHTED), EPS);
    // macro recall = (1/2 + 1/3) / 2 = 5/12; weighted recall = (2 * 1/2 + 3 * 1/3) / 5 = 2/5
    assertEquals(5.0 / 12, ClassificationMetrics.recall(ACTUAL, PREDICTED, 2, Average.MACRO), EPS);
    assertEquals(2.0 / 5,
        ClassificationMetrics.recall(ACTUAL, PREDICTED, 2, Average.WEIGHTED), EPS);
    // both classes have F1 = 2/5
    assertEquals(2.0 / 5, ClassificationMetrics.f1(ACTUAL, PREDICTED, 2, Average.MACRO), EPS);
    assertEquals(2.0 / 5, ClassificationMetrics.f1(ACTUAL, PREDICTED, 2, Average.WEIGHTED), EPS);
  }

  @Test
  void macroSkipsClassesAbsentFromBothAndCountsPredictedOnlyClassesAsZero() {
    // 4 classes declared; class 3 never occurs; class 2 is only predicted
    int[] actual = {0, 0, 1, 1};
    int[] predicted = {0, 2, 1, 1};
    // class 0: p = 1/1, r = 1/2; class 1: p = 2/2, r = 2/2; class 2: p = 0/1, r = 0 (no support)
    // macro precision over classes {0, 1, 2} = (1 + 1 + 0) / 3
    assertEquals(2.0 / 3, ClassificationMetrics.precision(actual, predicted, 4, Average.MACRO),
        EPS);
    // macro recall = (1/2 + 1 + 0) / 3 = 1/2; weighted recall = (2 * 1/2 + 2 * 1) / 4 = 3/4
    assertEquals(0.5, ClassificationMetrics.recall(actual, predicted, 4, Average.MACRO), EPS);
    assertEquals(0.75, ClassificationMetrics.recall(actual, predicted, 4, Average.WEIGHTED), EPS);
  }

  @Test
  void zeroDivisionGivesZero() {
    // nothing predicted positive: precision 0/0 -> 0; F1 -> 0
    assertEquals(0.0, ClassificationMetrics.precision(new int[] {1, 0}, new int[] {0, 0}));
    assertEquals(0.0, ClassificationMetrics.f1(new int[] {1, 0}, new int[] {0, 0}));
    // no actual positive: recall 0/0 -> 0
    assertEquals(0.0, ClassificationMetrics.recall(new int[] {0, 0}, new int[] {1, 0}));
  }

  @Test
  void handComputedLogLoss() {
    // -(ln 0.8 + ln(1 - 0.4)) / 2
    assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2,
        ClassificationMetrics.logLoss(new int[] {1, 0}, new double[] {0.8, 0.4}), 1e-15);
    // probability 0 for the actual class is clipped to 1e-15: -ln(1e-15) = 34.538776...
    assertEquals(34.538776394910684,
        ClassificationMetrics.logLoss(new int[] {1}, new double[] {0.0}), 1e-12);
    assertEquals(-Math.log(1e-3),
        ClassificationMetrics.logLoss(new int[] {0}, new double[] {1.0}, 1e-3), 1e-12);
    // three classes: rows [0.7, 0.2, 0.1] (label 0) and [0.25, 0.25, 0.5] (label 2)
    assertEquals(-(Math.log(0.7) + Math.log(0.5)) / 2, ClassificationMetrics.logLoss(
        new int[] {0, 2}, new double[] {0.7, 0.2, 0.1, 0.25, 0.25, 0.5}, 3), 1e-15);
  }

  @Test
  void handComputedBinaryAuc() {
    // scikit-learn's documentation example: pairs (pos, neg) ordered correctly 3 of 4 times
    assertEquals(0.75, ClassificationMetrics.rocAuc(
        new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}), EPS);
    // ties: positives 0.5, 0.9; negatives 0.5, 0.2 -> (0.5 + 1 + 1 + 1) / 4
    assertEquals(0.875, ClassificationMetrics.rocAuc(
        new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9}), EPS);
    // all scores tied: every pair counts one half
    assertEquals(0.5, ClassificationMetrics.rocAuc(
        new int[] {0, 1, 1, 0, 1}, new double[] {3, 3, 3, 3, 3}), EPS);
    // infinities are ordinary scores
    assertEquals(1.0, ClassificationMetrics.rocAuc(new int[] {0, 1},
        new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}));
  }

  @Test
  void handComputedOneVsRestAuc() {
    // class 0: positives 0.8, 0.3 vs negatives 0.2, 0.1 -> 1
    // class 1: positive 0.5 vs negatives 0.1, 0.2, 0.6 -> 2/3
    // class 2: positive 0.7 vs negatives 0.1, 0.3, 0.1 -> 1
    int[] actual = {0, 1, 2, 0};
    double[] scores = {0.8, 0.1, 0.1, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7, 0.3, 0.6, 0.1};
    // macro = (1 + 2/3 + 1) / 3 = 8/9; weighted by supports 2, 1, 1: (2 + 2/3 + 1) / 4 = 11/12
    assertEquals(8.0 / 9, ClassificationMetrics.rocAucOvr(actual, scores, 3, Average.MACRO), EPS);
    assertEquals(11.0 / 12,
        ClassificationMetrics.rocAucOvr(actual, scores, 3, Average.WEIGHTED), EPS);
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.precision(new int[] {0, 2}, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("actual[1] = 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.accuracy(new int[] {0, 1}, new int[] {0}));
    assertTrue(e.getMessage().contains("predicted.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.accuracy(new int[0], new int[0]));
    assertTrue(e.getMessage().contains("actual is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.logLoss(new int[] {1}, new double[] {1.5}));
    assertTrue(e.getMessage().contains("probabilityOfOne[0] = 1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.logLoss(new int[] {1}, new double[] {0.5}, 0.0));
    assertTrue(e.getMessage().contains("eps = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.logLoss(
        new int[] {0}, new double[] {0.5, 0.2, 0.1}, 3));
    assertTrue(e.getMessage().contains("row 0 of probabilities sums to 0.7999"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.4}));
    assertTrue(e.getMessage().contains("all positive"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.rocAuc(new int[] {1, 0}, new double[] {Double.NaN, 0.4}));
    assertTrue(e.getMessage().contains("scores[0] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.rocAucOvr(
        new int[] {0, 1, 0}, new double[9], 3, Average.MACRO));
    assertTrue(e.getMessage().contains("class 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.rocAucOvr(
        new int[] {0, 1, 2}, new double[8], 3, Average.MACRO));
    assertTrue(e.getMessage().contains("values.length = 8"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.rocAucOvr(
        new int[] {0, 1, 2}, new double[9], 3, Average.BINARY));
    assertTrue(e.getMessage().contains("average = BINARY"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.f1(
        new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3, Average.BINARY));
    assertTrue(e.getMessage().contains("numClasses = 3 with Average.BINARY"), e.getMessage());
  }

  /** Pairwise reference: fraction of (positive, negative) pairs ordered right, ties one half. */
  private static double pairwiseAuc(int[] actual, double[] scores) {
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < actual.length; i++) {
      for (int j = 0; j < actual.length; j++) {
        if (actual[i] == 1 && actual[j] == 0) {
          pairs++;
          sum += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }
    return sum / pairs;
  }

  private static int[] labels(Random random, int n) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(2);
    }
    y[0] = 0;
    y[1] = 1;
    return y;
  }

  @Property(tries = 200, seed = "20261123")
  void aucMatchesPairCountingAndReversingScoresGivesOneMinusAuc(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 120) int n) {
    Random random = new Random(seed);
    int[] actual = labels(random, n);
    double[] scores = new double[n];
    double[] reversed = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextInt(10) / 4.0 - 1.0; // coarse grid: many ties, signed zeros
      reversed[i] = -scores[i];
    }
    double auc = ClassificationMetrics.rocAuc(actual, scores);
    assertEquals(pairwiseAuc(actual, scores), auc, 1e-12);
    assertEquals(1.0 - auc, ClassificationMetrics.rocAuc(actual, reversed), 1e-12);
    assertTrue(auc >= 0.0 && auc <= 1.0);
  }

  @Property(tries = 100, seed = "20261124")
  void oneVsRestEqualsBinaryAucPerClass(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int classes) {
    Random random = new Random(seed);
    int n = classes + random.nextInt(40);
    int[] actual = new int[n];
    for (int i = 0; i < n; i++) {
      actual[i] = i < classes ? i : random.nextInt(classes);
    }
    double[] scores = new double[n * classes];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(6);
    }
    double macro = 0;
    double weighted = 0;
    for (int c = 0; c < classes; c++) {
      int[] binary = new int[n];
      double[] column = new double[n];
      int support = 0;
      for (int i = 0; i < n; i++) {
        binary[i] = actual[i] == c ? 1 : 0;
        support += binary[i];
        column[i] = scores[i * classes + c];
      }
      double auc = pairwiseAuc(binary, column);
      macro += auc / classes;
      weighted += auc * support / n;
    }
    assertEquals(macro, ClassificationMetrics.rocAucOvr(actual, scores, classes, Average.MACRO),
        1e-12);
    assertEquals(weighted,
        ClassificationMetrics.rocAucOvr(actual, scores, classes, Average.WEIGHTED), 1e-12);
  }

  @Property(tries = 100, seed = "20261125")
  void weightedRecallEqualsAccuracyAndScoresStayInRange(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 6) int classes) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(60);
    int[] actual = new int[n];
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      actual[i] = random.nextInt(classes);
      predicted[i] = random.nextInt(classes);
    }
    // sum_c (support_c / n) * tp_c / support_c = sum_c tp_c / n = accuracy
    assertEquals(ClassificationMetrics.accuracy(actual, predicted),
        ClassificationMetrics.recall(actual, predicted, classes, Average.WEIGHTED), 1e-12);
    for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
      for (double v : new double[] {
          ClassificationMetrics.precision(actual, predicted, classes, a),
          ClassificationMetrics.recall(actual, predicted, classes, a),
          ClassificationMetrics.f1(actual, predicted, classes, a)}) {
        assertTrue(v >= 0.0 && v <= 1.0, a + " " + v);
      }
    }
  }
}
