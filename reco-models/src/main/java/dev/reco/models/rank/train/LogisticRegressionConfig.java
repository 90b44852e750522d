package dev.reco.models.rank.train;

/**
 * How {@link LogisticRegressionTrainer} fits a binary logistic regression: an immutable,
 * validated configuration of Smile 2.6.0's {@code LogisticRegression.binomial}, which minimizes
 * {@code -log-likelihood + lambda/2 * |w|²} (the intercept is not penalized) with L-BFGS.
 *
 * @param lambda the L2 penalty on the weights, finite and {@code >= 0} (default 0.1: enough to keep
 *     the weights finite on separable data while barely moving them on thousands of rows, since
 *     the log-likelihood is a sum over rows)
 * @param tolerance L-BFGS's convergence tolerance on the gradient, finite and {@code > 0}
 *     (default 1e-5, Smile's)
 * @param maxIterations L-BFGS's iteration limit, {@code >= 1} (default 500, Smile's)
 */
public record LogisticRegressionConfig(double lambda, double tolerance, int maxIterations) {
  /** Default L2 penalty: 0.1. */
  public static final double DEFAULT_LAMBDA = 0.1;
  /** Default convergence tolerance: 1e-5. */
  public static final double DEFAULT_TOLERANCE = 1e-5;
  /** Default iteration limit: 500. */
  public static final int DEFAULT_MAX_ITERATIONS = 500;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range and its value
   */
  public LogisticRegressionConfig {
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("lambda = " + lambda + "; expected a finite lambda >= 0");
    }
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance = " + tolerance + "; expected a finite tolerance > 0");
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException(
          "maxIterations = " + maxIterations + "; expected maxIterations >= 1");
    }
  }

  /**
   * Returns the defaults: lambda 0.1, tolerance 1e-5, 500 iterations.
   *
   * @return the configuration
   */
  public static LogisticRegressionConfig defaults() {
    return new LogisticRegressionConfig(DEFAULT_LAMBDA, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * Returns a copy with another L2 penalty.
   *
   * @param value finite, {@code >= 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LogisticRegressionConfig withLambda(double value) {
    return new LogisticRegressionConfig(value, tolerance, maxIterations);
  }

  /**
   * Returns a copy with another tolerance.
   *
   * @param value finite, {@code > 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LogisticRegressionConfig withTolerance(double value) {
    return new LogisticRegressionConfig(lambda, value, maxIterations);
  }

  /**
   * Returns a copy with another iteration limit.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LogisticRegressionConfig withMaxIterations(int value) {
    return new LogisticRegressionConfig(lambda, tolerance, value);
  }
}
