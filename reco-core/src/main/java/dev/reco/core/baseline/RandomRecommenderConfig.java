package dev.reco.core.baseline;

/**
 * Configuration of {@link RandomRecommender}.
 *
 * @param seed the seed; with the user id it fixes each user's order
 */
public record RandomRecommenderConfig(long seed) {
  /**
   * Returns a config with a seed.
   *
   * @param seed any value
   * @return the config
   */
  public static RandomRecommenderConfig withSeed(long seed) {
    return new RandomRecommenderConfig(seed);
  }
}
