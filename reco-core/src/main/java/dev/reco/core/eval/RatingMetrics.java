package dev.reco.core.eval;

import java.util.Objects;

/**
 * Errors of rating predictions: RMSE and MAE over aligned arrays of actual and predicted ratings.
 *
 * <pre>
 *   RMSE = sqrt( (1/n) * sum_i (predicted_i - actual_i)^2 )
 *   MAE  =       (1/n) * sum_i |predicted_i - actual_i|
 * </pre>
 *
 * <p>Every pair counts once (a global, not per-user, average, as in scikit-learn's
 * {@code mean_squared_error} and RecBole's RMSE). Sums are exact and rounded once, so the result
 * does not depend on element order. Stateless and thread-safe.
 */
public final class RatingMetrics {
  private RatingMetrics() {}

  /**
   * Returns the root mean squared error.
   *
   * @param actual actual ratings, finite
   * @param predicted predicted ratings, finite, aligned with {@code actual}
   * @return RMSE, {@code >= 0}
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold a
   *     non-finite value
   */
  public static double rmse(double[] actual, double[] predicted) {
    check(actual, predicted);
    ExactSum s = new ExactSum();
    for (int i = 0; i < actual.length; i++) {
      double e = predicted[i] - actual[i];
      s.add(e * e);
    }
    return Math.sqrt(s.value() / actual.length);
  }

  /**
   * Returns the mean absolute error.
   *
   * @param actual actual ratings, finite
   * @param predicted predicted ratings, finite, aligned with {@code actual}
   * @return MAE, {@code >= 0}
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold a
   *     non-finite value
   */
  public static double mae(double[] actual, double[] predicted) {
    check(actual, predicted);
    ExactSum s = new ExactSum();
    for (int i = 0; i < actual.length; i++) {
      s.add(Math.abs(predicted[i] - actual[i]));
    }
    return s.value() / actual.length;
  }

  /**
   * Returns the root mean squared error of float ratings (differences taken in double).
   *
   * @param actual actual ratings, finite
   * @param predicted predicted ratings, finite, aligned with {@code actual}
   * @return RMSE, {@code >= 0}
   * @throws IllegalArgumentException as {@link #rmse(double[], double[])}
   */
  public static double rmse(float[] actual, float[] predicted) {
    return rmse(toDouble(actual, "actual"), toDouble(predicted, "predicted"));
  }

  /**
   * Returns the mean absolute error of float ratings (differences taken in double).
   *
   * @param actual actual ratings, finite
   * @param predicted predicted ratings, finite, aligned with {@code actual}
   * @return MAE, {@code >= 0}
   * @throws IllegalArgumentException as {@link #mae(double[], double[])}
   */
  public static double mae(float[] actual, float[] predicted) {
    return mae(toDouble(actual, "actual"), toDouble(predicted, "predicted"));
  }

  private static void check(double[] actual, double[] predicted) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    Checks.sameLength("actual", actual.length, "predicted", predicted.length);
    Checks.nonEmpty("actual", actual.length);
    Checks.finite("actual", actual);
    Checks.finite("predicted", predicted);
  }

  private static double[] toDouble(float[] values, String name) {
    Objects.requireNonNull(values, name);
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
