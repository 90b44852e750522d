package dev.reco.models.rank.train;

/**
 * How {@link LinearRegressionTrainer} fits a linear regression: an immutable, validated
 * configuration.
 *
 * @param lambda the ridge penalty on the weights, finite and {@code >= 0}: the fit minimizes
 *     {@code sum_r (y_r - b - x_r . w)^2 + lambda |w|^2} with the intercept {@code b}
 *     unpenalized, as scikit-learn's {@code Ridge(alpha = lambda)}. Default 1.0 (scikit-learn's
 *     default); 0 is ordinary least squares, which needs linearly independent features
 */
public record LinearRegressionConfig(double lambda) {
  /** Default ridge penalty: 1.0. */
  public static final double DEFAULT_LAMBDA = 1.0;

  /**
   * Validates the setting.
   *
   * @throws IllegalArgumentException if {@code lambda} is negative or not finite, naming it
   */
  public LinearRegressionConfig {
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("lambda = " + lambda + "; expected a finite lambda >= 0");
    }
  }

  /**
   * Returns the defaults: lambda 1.0.
   *
   * @return the configuration
   */
  public static LinearRegressionConfig defaults() {
    return new LinearRegressionConfig(DEFAULT_LAMBDA);
  }

  /**
   * Returns ordinary least squares: lambda 0.
   *
   * @return the configuration
   */
  public static LinearRegressionConfig ordinaryLeastSquares() {
    return new LinearRegressionConfig(0.0);
  }
}
