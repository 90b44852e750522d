package dev.reco.core.eval;

/**
 * Settings of a {@link PairedComparison}: bootstrap resamples, confidence level, seed and the
 * optional sign-flip permutation test. Immutable; validated on construction.
 *
 * <p>Cost: the bootstrap draws {@code bootstrapResamples * n} indices and the permutation test
 * {@code permutationResamples * n} signs, for {@code n} users: 2,000 bootstrap resamples over
 * 100,000 users take about 1.5 s on one core.
 *
 * @param bootstrapResamples number of paired bootstrap resamples, {@code >= 1} (2,000 is the
 *     default; percentile intervals want at least 1,000)
 * @param confidenceLevel coverage of the interval, in {@code (0, 1)}, e.g. {@code 0.95}
 * @param seed seed of every random draw: same inputs and seed give the same result
 * @param permutationResamples number of sign-flip resamples, {@code >= 0}; 0 skips the test
 */
public record ComparisonConfig(
    int bootstrapResamples, double confidenceLevel, long seed, int permutationResamples) {

  /** Default number of bootstrap resamples. */
  public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 2_000;

  /** Default confidence level. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public ComparisonConfig {
    if (bootstrapResamples < 1) {
      throw new IllegalArgumentException(
          "bootstrapResamples = " + bootstrapResamples + "; expected >= 1");
    }
    if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
      throw new IllegalArgumentException(
          "confidenceLevel = " + confidenceLevel + "; expected 0 < confidenceLevel < 1");
    }
    if (permutationResamples < 0) {
      throw new IllegalArgumentException(
          "permutationResamples = " + permutationResamples + "; expected >= 0");
    }
  }

  /**
   * Returns the defaults with a seed: 2,000 bootstrap resamples, 95% confidence, no
   * permutation test.
   *
   * @param seed the seed
   * @return the settings
   */
  public static ComparisonConfig withSeed(long seed) {
    return new ComparisonConfig(DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_CONFIDENCE_LEVEL, seed, 0);
  }

  /**
   * Returns a copy with another number of bootstrap resamples.
   *
   * @param resamples number of resamples, {@code >= 1}
   * @return the new settings
   * @throws IllegalArgumentException if {@code resamples < 1}
   */
  public ComparisonConfig withBootstrapResamples(int resamples) {
    return new ComparisonConfig(resamples, confidenceLevel, seed, permutationResamples);
  }

  /**
   * Returns a copy with another confidence level.
   *
   * @param level the level, in {@code (0, 1)}
   * @return the new settings
   * @throws IllegalArgumentException if the level is out of range
   */
  public ComparisonConfig withConfidenceLevel(double level) {
    return new ComparisonConfig(bootstrapResamples, level, seed, permutationResamples);
  }

  /**
   * Returns a copy with the sign-flip permutation test enabled (or disabled with 0).
   *
   * @param resamples number of sign-flip resamples, {@code >= 0}
   * @return the new settings
   * @throws IllegalArgumentException if {@code resamples < 0}
   */
  public ComparisonConfig withPermutationResamples(int resamples) {
    return new ComparisonConfig(bootstrapResamples, confidenceLevel, seed, resamples);
  }
}
