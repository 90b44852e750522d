package dev.reco.benchmarks.peers;

/**
 * What an ALS run learns, shared by Spark MLlib and reco so both fit the same model: Spark's
 * conventions, i.e. confidence {@code c = 1 + alpha * r} for implicit feedback and weighted-λ
 * regularisation (λ scaled by the number of ratings of each user or item, as ALS-WR).
 *
 * @param factors rank, {@code >= 1}
 * @param iterations ALS sweeps (user and item half-steps), {@code >= 1}
 * @param regularization λ, {@code >= 0}
 * @param alpha confidence scale for implicit feedback, {@code >= 0}; ignored for ratings
 * @param implicit whether values are implicit-feedback strengths (true) or ratings (false)
 * @param seed initialisation seed
 */
public record AlsSettings(int factors, int iterations, double regularization, double alpha,
    boolean implicit, long seed) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public AlsSettings {
    if (factors < 1) {
      throw new IllegalArgumentException("factors = " + factors + "; expected factors >= 1");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException(
          "iterations = " + iterations + "; expected iterations >= 1");
    }
    if (!(regularization >= 0 && regularization < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "regularization = " + regularization + "; expected finite and >= 0");
    }
    if (!(alpha >= 0 && alpha < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("alpha = " + alpha + "; expected finite and >= 0");
    }
  }

  /**
   * Returns the implicit-feedback settings of the benchmark: rank 64, 10 iterations,
   * λ = 0.1, alpha = 1 (Spark's defaults except the rank), seed 42.
   *
   * @return the settings
   */
  public static AlsSettings implicitDefaults() {
    return new AlsSettings(64, 10, 0.1, 1.0, true, 42L);
  }

  /**
   * Returns the explicit-ratings settings: rank 20, 15 iterations, λ = 0.1 (weighted), seed 42.
   *
   * @return the settings
   */
  public static AlsSettings explicitDefaults() {
    return new AlsSettings(20, 15, 0.1, 1.0, false, 42L);
  }

  /**
   * Returns a copy with another rank.
   *
   * @param value {@code >= 1}
   * @return the copy
   */
  public AlsSettings withFactors(int value) {
    return new AlsSettings(value, iterations, regularization, alpha, implicit, seed);
  }

  /**
   * Returns a copy with another number of iterations.
   *
   * @param value {@code >= 1}
   * @return the copy
   */
  public AlsSettings withIterations(int value) {
    return new AlsSettings(factors, value, regularization, alpha, implicit, seed);
  }

  /**
   * Returns a copy with another λ.
   *
   * @param value {@code >= 0}
   * @return the copy
   */
  public AlsSettings withRegularization(double value) {
    return new AlsSettings(factors, iterations, value, alpha, implicit, seed);
  }

  /**
   * Returns a copy with another alpha.
   *
   * @param value {@code >= 0}
   * @return the copy
   */
  public AlsSettings withAlpha(double value) {
    return new AlsSettings(factors, iterations, regularization, value, implicit, seed);
  }
}
