package dev.reco.core.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Configuration of {@link RecencyPopularity}.
 *
 * @param halfLife the age at which an event counts half; positive
 * @param categoryWeight how strongly the user's category affinity boosts items of their
 *     categories ({@code beta} in the formula of {@link RecencyPopularity}); finite and
 *     {@code >= 0}, 0 turns category awareness off
 * @param reference the time ages are measured from, or null for the latest timestamp in the
 *     training data; rows after it are ignored
 */
public record RecencyPopularityConfig(Duration halfLife, double categoryWeight, Instant reference) {
  /** Default half-life: 7 days. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
  /** Default category weight: 1, i.e. a user's favourite category can double an item's score. */
  public static final double DEFAULT_CATEGORY_WEIGHT = 1.0;

  /**
   * Validates the configuration.
   *
   * @throws NullPointerException if {@code halfLife} is null
   * @throws IllegalArgumentException if the half-life is not positive or the category weight is
   *     negative or not finite, or the reference is outside epoch-millisecond range
   */
  public RecencyPopularityConfig {
    Objects.requireNonNull(halfLife, "halfLife");
    if (reference != null) {
      try {
        reference.toEpochMilli();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "reference = " + reference + "; expected an instant within epoch-millisecond range", e);
      }
    }
    if (halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("halfLife = " + halfLife + "; expected a positive duration");
    }
    if (!(categoryWeight >= 0) || Double.isInfinite(categoryWeight)) {
      throw new IllegalArgumentException(
          "categoryWeight = " + categoryWeight + "; expected a finite number >= 0");
    }
  }

  /** Returns the defaults: half-life 7 days, category weight 1, reference = latest timestamp. */
  public static RecencyPopularityConfig defaults() {
    return new RecencyPopularityConfig(DEFAULT_HALF_LIFE, DEFAULT_CATEGORY_WEIGHT, null);
  }

  /**
   * Returns a copy with another half-life.
   *
   * @param halfLife a positive duration
   * @return the new config
   * @throws IllegalArgumentException if the half-life is not positive
   */
  public RecencyPopularityConfig withHalfLife(Duration halfLife) {
    return new RecencyPopularityConfig(halfLife, categoryWeight, reference);
  }

  /**
   * Returns a copy with another category weight.
   *
   * @param categoryWeight finite, {@code >= 0}
   * @return the new config
   * @throws IllegalArgumentException if the weight is negative or not finite
   */
  public RecencyPopularityConfig withCategoryWeight(double categoryWeight) {
    return new RecencyPopularityConfig(halfLife, categoryWeight, reference);
  }

  /**
   * Returns a copy with an explicit reference time.
   *
   * @param reference the time ages are measured from, or null for the latest timestamp
   * @return the new config
   */
  public RecencyPopularityConfig withReference(Instant reference) {
    return new RecencyPopularityConfig(halfLife, categoryWeight, reference);
  }
}
