package dev.reco.core.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Classification metrics for propensity and churn models: accuracy, precision, recall, F1,
 * log-loss and ROC-AUC, with scikit-learn's definitions (and its value where it warns of an
 * ill-defined score). Labels are class indices in {@code [0, numClasses)}; binary labels are 0
 * (negative) and 1 (positive). Stateless and thread-safe.
 *
 * <p>Per class {@code c}, with true positives {@code tp}, false positives {@code fp} and false
 * negatives {@code fn}: {@code precision = tp / (tp + fp)}, {@code recall = tp / (tp + fn)},
 * {@code F1 = 2 * precision * recall / (precision + recall)}, each 0 when its denominator is 0
 * (scikit-learn's {@code zero_division} default). {@link Average#MACRO} averages over the
 * classes that occur in the actual or the predicted labels (scikit-learn's default
 * {@code labels}); {@link Average#WEIGHTED} weights each class by its support, the number of
 * actual labels equal to it.
 */
public final class ClassificationMetrics {
  /** Default probability clipping for {@link #logLoss}: {@code 1e-15}. */
  public static final double DEFAULT_LOG_LOSS_EPS = 1e-15;

  /** Largest deviation from 1 allowed for a row of class probabilities before clipping. */
  static final double ROW_SUM_TOLERANCE = 1e-4;

  private ClassificationMetrics() {}

  /**
   * Returns accuracy: the share of positions where the predicted label equals the actual one.
   *
   * @param actual actual labels
   * @param predicted predicted labels, aligned with {@code actual}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  public static double accuracy(int[] actual, int[] predicted) {
    pair(actual, predicted);
    long correct = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / actual.length;
  }

  /**
   * Returns binary precision of class 1: {@code tp / (tp + fp)}, 0 if nothing is predicted 1.
   *
   * @param actual actual labels, 0 or 1
   * @param predicted predicted labels, 0 or 1
   * @return a value in [0, 1]
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold a label
   *     other than 0 and 1
   */
  public static double precision(int[] actual, int[] predicted) {
    return precision(actual, predicted, 2, Average.BINARY);
  }

  /**
   * Returns binary recall of class 1: {@code tp / (tp + fn)}, 0 if no actual label is 1.
   *
   * @param actual actual labels, 0 or 1
   * @param predicted predicted labels, 0 or 1
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision(int[], int[])}
   */
  public static double recall(int[] actual, int[] predicted) {
    return recall(actual, predicted, 2, Average.BINARY);
  }

  /**
   * Returns binary F1 of class 1, 0 if precision and recall are both 0.
   *
   * @param actual actual labels, 0 or 1
   * @param predicted predicted labels, 0 or 1
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision(int[], int[])}
   */
  public static double f1(int[] actual, int[] predicted) {
    return f1(actual, predicted, 2, Average.BINARY);
  }

  /**
   * Returns precision averaged as asked.
   *
   * @param actual actual labels in {@code [0, numClasses)}
   * @param predicted predicted labels in {@code [0, numClasses)}
   * @param numClasses number of classes, {@code >= 2}; exactly 2 for {@link Average#BINARY}
   * @param average how per-class values are combined
   * @return a value in [0, 1]
   * @throws IllegalArgumentException if the arrays are empty or differ in length, a label is out
   *     of range, or {@code numClasses} does not suit {@code average}
   */
  public static double precision(int[] actual, int[] predicted, int numClasses, Average average) {
    return averaged(actual, predicted, numClasses, average, PRECISION);
  }

  /**
   * Returns recall averaged as asked.
   *
   * @param actual actual labels in {@code [0, numClasses)}
   * @param predicted predicted labels in {@code [0, numClasses)}
   * @param numClasses number of classes, {@code >= 2}; exactly 2 for {@link Average#BINARY}
   * @param average how per-class values are combined
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision(int[], int[], int, Average)}
   */
  public static double recall(int[] actual, int[] predicted, int numClasses, Average average) {
    return averaged(actual, predicted, numClasses, average, RECALL);
  }

  /**
   * Returns F1 averaged as asked (the mean of per-class F1 values, as scikit-learn does, not the
   * F1 of averaged precision and recall).
   *
   * @param actual actual labels in {@code [0, numClasses)}
   * @param predicted predicted labels in {@code [0, numClasses)}
   * @param numClasses number of classes, {@code >= 2}; exactly 2 for {@link Average#BINARY}
   * @param average how per-class values are combined
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision(int[], int[], int, Average)}
   */
  public static double f1(int[] actual, int[] predicted, int numClasses, Average average) {
    return averaged(actual, predicted, numClasses, average, F1);
  }

  private static final int PRECISION = 0;
  private static final int RECALL = 1;
  private static final int F1 = 2;

  private static double averaged(
      int[] actual, int[] predicted, int numClasses, Average average, int which) {
    Objects.requireNonNull(average, "average");
    pair(actual, predicted);
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses = " + numClasses + "; expected >= 2");
    }
    if (average == Average.BINARY && numClasses != 2) {
      throw new IllegalArgumentException(
          "numClasses = " + numClasses + " with Average.BINARY; expected numClasses = 2");
    }
    labels("actual", actual, numClasses);
    labels("predicted", predicted, numClasses);
    long[] tp = new long[numClasses];
    long[] predictedCount = new long[numClasses];
    long[] support = new long[numClasses];
    for (int i = 0; i < actual.length; i++) {
      support[actual[i]]++;
      predictedCount[predicted[i]]++;
      if (actual[i] == predicted[i]) {
        tp[actual[i]]++;
      }
    }
    if (average == Average.BINARY) {
      return score(which, tp[1], predictedCount[1], support[1]);
    }
    ExactSum sum = new ExactSum();
    long classes = 0;
    for (int c = 0; c < numClasses; c++) {
      double s = score(which, tp[c], predictedCount[c], support[c]);
      if (average == Average.MACRO) {
        if (support[c] > 0 || predictedCount[c] > 0) {
          sum.add(s);
          classes++;
        }
      } else {
        sum.add(s * support[c]);
      }
    }
    return average == Average.MACRO ? sum.value() / classes : sum.value() / actual.length;
  }

  private static double score(int which, long tp, long predicted, long support) {
    double precision = predicted == 0 ? 0.0 : (double) tp / predicted;
    double recall = support == 0 ? 0.0 : (double) tp / support;
    switch (which) {
      case PRECISION:
        return precision;
      case RECALL:
        return recall;
      default:
        double denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }
  }

  /**
   * Returns binary log-loss with the default clipping {@link #DEFAULT_LOG_LOSS_EPS}.
   *
   * @param actual actual labels, 0 or 1
   * @param probabilityOfOne predicted probability of label 1, in [0, 1]
   * @return the mean negative log-likelihood, in nats, {@code >= 0}
   * @throws IllegalArgumentException as {@link #logLoss(int[], double[], double)}
   */
  public static double logLoss(int[] actual, double[] probabilityOfOne) {
    return logLoss(actual, probabilityOfOne, DEFAULT_LOG_LOSS_EPS);
  }

  /**
   * Returns binary log-loss: {@code -(1/n) * sum_i [y_i ln q_i + (1 - y_i) ln(1 - q_i)]} with
   * {@code q_i = clip(p_i, eps, 1 - eps)}, so a confident wrong prediction costs at most
   * {@code -ln(eps)} (34.5 nats at the default) instead of infinity.
   *
   * @param actual actual labels, 0 or 1
   * @param probabilityOfOne predicted probability of label 1, in [0, 1]
   * @param eps clipping bound, in {@code (0, 0.5)}
   * @return the mean negative log-likelihood, in nats, {@code >= 0}
   * @throws IllegalArgumentException if the arrays are empty or differ in length, a label is not
   *     0 or 1, a probability is outside [0, 1] or NaN, or {@code eps} is out of range
   */
  public static double logLoss(int[] actual, double[] probabilityOfOne, double eps) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(probabilityOfOne, "probabilityOfOne");
    Checks.sameLength("actual", actual.length, "probabilityOfOne", probabilityOfOne.length);
    Checks.nonEmpty("actual", actual.length);
    eps(eps);
    labels("actual", actual, 2);
    probabilities("probabilityOfOne", probabilityOfOne);
    ExactSum sum = new ExactSum();
    for (int i = 0; i < actual.length; i++) {
      double q = Math.min(1.0 - eps, Math.max(eps, probabilityOfOne[i]));
      sum.add(actual[i] == 1 ? -Math.log(q) : -Math.log(1.0 - q));
    }
    return sum.value() / actual.length;
  }

  /**
   * Returns multi-class log-loss with the default clipping {@link #DEFAULT_LOG_LOSS_EPS}.
   *
   * @param actual actual labels in {@code [0, numClasses)}
   * @param probabilities row-major {@code n x numClasses} class probabilities
   * @param numClasses number of classes, {@code >= 2}
   * @return the mean negative log-likelihood, in nats, {@code >= 0}
   * @throws IllegalArgumentException as {@link #logLoss(int[], double[], int, double)}
   */
  public static double logLoss(int[] actual, double[] probabilities, int numClasses) {
    return logLoss(actual, probabilities, numClasses, DEFAULT_LOG_LOSS_EPS);
  }

  /**
   * Returns multi-class log-loss: each probability is clipped to {@code [eps, 1 - eps]}, each
   * row is divided by its sum (as scikit-learn does), and the loss is the mean of
   * {@code -ln q(i, actual_i)}.
   *
   * @param actual actual labels in {@code [0, numClasses)}
   * @param probabilities row-major {@code n x numClasses} class probabilities, each in [0, 1],
   *     each row summing to 1 within {@code 1e-4}
   * @param numClasses number of classes, {@code >= 2}
   * @param eps clipping bound, in {@code (0, 0.5)}
   * @return the mean negative log-likelihood, in nats, {@code >= 0}
   * @throws IllegalArgumentException if the shapes disagree, a label or probability is out of
   *     range, a row does not sum to 1, or {@code eps} is out of range
   */
  public static double logLoss(int[] actual, double[] probabilities, int numClasses, double eps) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(probabilities, "probabilities");
    matrix(actual, probabilities, numClasses);
    eps(eps);
    labels("actual", actual, numClasses);
    probabilities("probabilities", probabilities);
    for (int i = 0; i < actual.length; i++) {
      double rowSum = 0.0;
      for (int c = 0; c < numClasses; c++) {
        rowSum += probabilities[i * numClasses + c];
      }
      if (!(Math.abs(rowSum - 1.0) <= ROW_SUM_TOLERANCE)) {
        throw new IllegalArgumentException("row " + i + " of probabilities sums to " + rowSum
            + "; expected 1 within " + ROW_SUM_TOLERANCE);
      }
    }
    ExactSum sum = new ExactSum();
    for (int i = 0; i < actual.length; i++) {
      int base = i * numClasses;
      double clippedSum = 0.0;
      for (int c = 0; c < numClasses; c++) {
        clippedSum += Math.min(1.0 - eps, Math.max(eps, probabilities[base + c]));
      }
      double q = Math.min(1.0 - eps, Math.max(eps, probabilities[base + actual[i]])) / clippedSum;
      sum.add(-Math.log(q));
    }
    return sum.value() / actual.length;
  }

  /**
   * Returns binary ROC-AUC: the probability that a random positive scores above a random
   * negative, a tie counting one half. This is the Mann–Whitney statistic with average ranks for
   * ties, {@code U / (n1 * n0)}, equal to the trapezoidal area under the ROC curve that
   * scikit-learn's {@code roc_auc_score} computes. Computed exactly in O(n log n).
   *
   * @param actual actual labels, 0 or 1, both present
   * @param scores scores, higher meaning more likely 1; not NaN (infinities are allowed)
   * @return a value in [0, 1]
   * @throws IllegalArgumentException if the arrays are empty or differ in length, a label is not
   *     0 or 1, only one class occurs, or a score is NaN
   */
  public static double rocAuc(int[] actual, double[] scores) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(scores, "scores");
    Checks.sameLength("actual", actual.length, "scores", scores.length);
    Checks.nonEmpty("actual", actual.length);
    labels("actual", actual, 2);
    notNaN("scores", scores);
    return aucOfClass(actual, scores, 1, 1, 0, actual.length, "actual");
  }

  /**
   * Returns one-vs-rest multi-class ROC-AUC, as scikit-learn's
   * {@code roc_auc_score(multi_class='ovr', average=...)}: for each class {@code c}, the binary
   * AUC of "label is c" against score column {@code c}; {@link Average#MACRO} takes their plain
   * mean, {@link Average#WEIGHTED} weights class {@code c} by its share of the actual labels.
   * Unlike scikit-learn, the score rows need not sum to 1.
   *
   * @param actual actual labels in {@code [0, numClasses)}, every class present
   * @param scores row-major {@code n x numClasses} scores, not NaN
   * @param numClasses number of classes, {@code >= 2}
   * @param average {@link Average#MACRO} or {@link Average#WEIGHTED}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException if the shapes disagree, a label is out of range, a class
   *     never occurs (its AUC is undefined) or every label is that class, a score is NaN, or
   *     {@code average} is {@link Average#BINARY}
   */
  public static double rocAucOvr(int[] actual, double[] scores, int numClasses, Average average) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(average, "average");
    if (average == Average.BINARY) {
      throw new IllegalArgumentException(
          "average = BINARY for one-vs-rest AUC; expected MACRO or WEIGHTED");
    }
    matrix(actual, scores, numClasses);
    labels("actual", actual, numClasses);
    notNaN("scores", scores);
    long[] support = new long[numClasses];
    for (int label : actual) {
      support[label]++;
    }
    ExactSum sum = new ExactSum();
    for (int c = 0; c < numClasses; c++) {
      double auc = aucOfClass(actual, scores, c, numClasses, c, actual.length, "class " + c);
      sum.add(average == Average.MACRO ? auc : auc * support[c]);
    }
    return average == Average.MACRO ? sum.value() / numClasses : sum.value() / actual.length;
  }

  /** AUC of "actual == positive" against column {@code column} of a row-major score matrix. */
  private static double aucOfClass(
      int[] actual, double[] scores, int positive, int stride, int column, int n, String what) {
    int positives = 0;
    for (int i = 0; i < n; i++) {
      if (actual[i] == positive) {
        positives++;
      }
    }
    int negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("actual labels of " + what + " are all "
          + (positives == 0 ? "negative" : "positive") + " (" + n
          + " rows); expected both positives and negatives, without which ROC-AUC is undefined");
    }
    double[] pos = new double[positives];
    double[] neg = new double[negatives];
    int p = 0;
    int q = 0;
    for (int i = 0; i < n; i++) {
      double s = scores[i * stride + column];
      if (actual[i] == positive) {
        pos[p++] = s;
      } else {
        neg[q++] = s;
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    // twiceU = sum over positives of (2 * #negatives below + #negatives equal)
    long twiceU = 0;
    int below = 0;
    int notAbove = 0;
    for (double s : pos) {
      while (below < negatives && neg[below] < s) {
        below++;
      }
      if (notAbove < below) {
        notAbove = below;
      }
      while (notAbove < negatives && neg[notAbove] <= s) {
        notAbove++;
      }
      twiceU += below + (long) notAbove;
    }
    return twiceU / (2.0 * positives * (double) negatives);
  }

  private static void pair(int[] actual, int[] predicted) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    Checks.sameLength("actual", actual.length, "predicted", predicted.length);
    Checks.nonEmpty("actual", actual.length);
  }

  private static void matrix(int[] actual, double[] values, int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses = " + numClasses + "; expected >= 2");
    }
    Checks.nonEmpty("actual", actual.length);
    if ((long) actual.length * numClasses != values.length) {
      throw new IllegalArgumentException("values.length = " + values.length + " with "
          + actual.length + " labels and numClasses = " + numClasses
          + "; expected labels * numClasses = " + (long) actual.length * numClasses);
    }
  }

  private static void labels(String name, int[] labels, int numClasses) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + labels[i]
            + "; expected a label in [0, " + numClasses + ")");
      }
    }
  }

  private static void probabilities(String name, double[] p) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + p[i] + "; expected a probability in [0, 1]");
      }
    }
  }

  private static void notNaN(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] = NaN; expected a number");
      }
    }
  }

  private static void eps(double eps) {
    if (!(eps > 0.0 && eps < 0.5)) {
      throw new IllegalArgumentException("eps = " + eps + "; expected 0 < eps < 0.5");
    }
  }
}
