package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.time.Instant;
import java.util.Objects;

/**
 * Global time split: rows with a timestamp before {@code cutoff} go to train, rows at or after
 * it go to test. Every test timestamp is therefore {@code >=} every train timestamp, across all
 * users (temporal over the whole table): the setting closest to deploying a model trained on
 * the past and scored on what happens next. Users and items first seen after the cutoff are
 * test-only; the report counts them.
 *
 * <p>Timestamps are epoch milliseconds; a cutoff with a sub-millisecond part compares exactly (a
 * row at millisecond t is in test when {@code Instant.ofEpochMilli(t)} is not before the
 * cutoff). Either side may come out empty, and the report says so. O(n).
 *
 * @param cutoff the first instant that belongs to test
 */
public record GlobalTime(Instant cutoff) implements Splitter {

  /**
   * Validates the configuration.
   *
   * @throws NullPointerException if {@code cutoff} is null
   */
  public GlobalTime {
    Objects.requireNonNull(cutoff, "cutoff");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code data} is empty or has no timestamps
   */
  @Override
  public Split split(Interactions data) {
    String description = description();
    Splits.requireRows(data, description);
    Splits.requireTimestamps(data, description);
    int n = data.size();
    boolean[] test = new boolean[n];
    if (!cutoff.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
      long first = firstTestMillis(cutoff);
      for (int r = 0; r < n; r++) {
        test[r] = data.timestamp(r) >= first;
      }
    } // else: no millisecond timestamp reaches the cutoff, and test stays empty
    return Splits.fromMask(data, test, description);
  }

  /**
   * The smallest epoch millisecond not before {@code cutoff}, saturating at Long.MIN_VALUE;
   * {@code cutoff} must not be after {@code Instant.ofEpochMilli(Long.MAX_VALUE)}.
   */
  static long firstTestMillis(Instant cutoff) {
    if (cutoff.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE))) {
      return Long.MIN_VALUE;
    }
    long floor = cutoff.toEpochMilli(); // floor for positive and negative instants alike
    return cutoff.getNano() % 1_000_000 == 0 ? floor : floor + 1;
  }

  /** Returns true: every test timestamp is at or after every train timestamp. */
  @Override
  public boolean isTemporal() {
    return true;
  }

  @Override
  public String description() {
    return "globalTime(cutoff=" + cutoff + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
