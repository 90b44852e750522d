package dev.reco.core.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Configuration of {@link MostPopular} and {@link CategoryPopularity}: how an item's popularity is
 * measured and over which period.
 *
 * <p>Popularity counts the rows of an item (or sums their values) whose timestamp lies in
 * {@code [reference - window, reference]}, both ends included. Without a window there is no lower
 * bound; without a reference there is no upper bound unless a window is set, in which case the
 * reference defaults to the latest timestamp in the training data. Time bounds need a timestamp
 * column; with neither set, every row counts and timestamps are not needed.
 *
 * @param weighting what one row adds to its item's popularity
 * @param window the length of the counting period ending at the reference, or null for all time
 * @param reference the end of the counting period, or null for "latest timestamp in the data"
 */
public record MostPopularConfig(Weighting weighting, Duration window, Instant reference) {

  /** What one row adds to its item's popularity. */
  public enum Weighting {
    /** 1 per row: the number of events (a merged data set counts each (user, item) pair once). */
    COUNT,
    /** The row's value: e.g. total quantity, or the sum of ratings. */
    VALUE_SUM
  }

  /**
   * Validates the configuration.
   *
   * @throws NullPointerException if {@code weighting} is null
   * @throws IllegalArgumentException if the window is zero, negative, or longer than epoch
   *     milliseconds can hold, or the reference is outside epoch-millisecond range
   */
  public MostPopularConfig {
    Objects.requireNonNull(weighting, "weighting");
    if (reference != null) {
      try {
        reference.toEpochMilli();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "reference = " + reference + "; expected an instant within epoch-millisecond range", e);
      }
    }
    if (window != null) {
      if (window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("window = " + window + "; expected a positive duration");
      }
      try {
        window.toMillis();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "window = " + window + "; expected at most " + Long.MAX_VALUE + " ms", e);
      }
    }
  }

  /** Returns the defaults: count every row, all time. */
  public static MostPopularConfig defaults() {
    return new MostPopularConfig(Weighting.COUNT, null, null);
  }

  /**
   * Returns a copy with another weighting.
   *
   * @param weighting what one row adds
   * @return the new config
   */
  public MostPopularConfig withWeighting(Weighting weighting) {
    return new MostPopularConfig(weighting, window, reference);
  }

  /**
   * Returns a copy counting only rows in {@code [reference - window, reference]}.
   *
   * @param window a positive duration, or null for all time
   * @return the new config
   * @throws IllegalArgumentException if the window is not positive
   */
  public MostPopularConfig withWindow(Duration window) {
    return new MostPopularConfig(weighting, window, reference);
  }

  /**
   * Returns a copy with an explicit reference time (rows after it never count).
   *
   * @param reference the end of the counting period, or null for the latest timestamp
   * @return the new config
   */
  public MostPopularConfig withReference(Instant reference) {
    return new MostPopularConfig(weighting, window, reference);
  }
}
