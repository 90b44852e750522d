package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Per-user fraction split: of each user's d rows, {@code m = min(round(d × testFraction), d − 1)}
 * go to test (halves rounded up), so every user with at least two rows keeps at least one train
 * row, and a user with one row stays in train. A user with few rows may get no test row at all
 * (d = 2 and testFraction = 0.2 give round(0.4) = 0).
 *
 * <p>{@link Order#BY_TIME}: the m latest rows by (timestamp, row index) go to test, so within
 * each user every test timestamp is {@code >=} every train timestamp (temporal per user). Across
 * users there is no such guarantee: one user's train rows may be later than another's test
 * rows. {@link Order#RANDOM}: m rows chosen uniformly at random per user, from a random stream
 * seeded by (seed, user index), so the split does not depend on iteration order; not temporal.
 *
 * <p>O(n + users) to group rows by user, plus O(d log d) per user for {@code BY_TIME} (a
 * primitive sort of the user's timestamps) or O(d) for {@code RANDOM}.
 *
 * @param testFraction share of each user's rows in test, in (0, 1)
 * @param seed random seed; used by {@link Order#RANDOM}, ignored by {@link Order#BY_TIME}
 * @param order which of a user's rows go to test
 */
public record PerUserFraction(double testFraction, long seed, Order order) implements Splitter {

  /** Which of a user's rows go to test. */
  public enum Order {
    /** Random rows of each user (seeded); not temporal. */
    RANDOM,
    /** The latest rows of each user by timestamp, ties broken by row index; needs timestamps. */
    BY_TIME
  }

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
   * @throws NullPointerException if {@code order} is null
   */
  public PerUserFraction {
    Splits.checkFraction("testFraction", testFraction);
    Objects.requireNonNull(order, "order");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code data} is empty, or {@code order} is
   *     {@code BY_TIME} and {@code data} has no timestamps
   */
  @Override
  public Split split(Interactions data) {
    String description = description();
    Splits.requireRows(data, description);
    boolean byTime = order == Order.BY_TIME;
    if (byTime) {
      Splits.requireTimestamps(data, description);
    }
    Splits.ByUser groups = Splits.ByUser.of(data, byTime);
    boolean[] test = new boolean[data.size()];
    long[] buf = byTime ? new long[groups.maxDegree] : null;
    for (int u = 0, users = groups.numUsers(); u < users; u++) {
      int s = groups.start[u];
      int d = groups.start[u + 1] - s;
      int m = Splits.testCount(d, testFraction);
      if (m == 0) {
        continue;
      }
      if (byTime) {
        Splits.markLatest(groups.rows, groups.times, s, d, m, buf, test);
      } else {
        SplittableRandom random = new SplittableRandom(Splits.streamSeed(seed, u));
        Splits.markRandom(groups.rows, s, d, m, random, test);
      }
    }
    return Splits.fromMask(data, test, description);
  }

  /** Returns true for {@link Order#BY_TIME} (temporal per user), false for {@code RANDOM}. */
  @Override
  public boolean isTemporal() {
    return order == Order.BY_TIME;
  }

  @Override
  public String description() {
    return "perUserFraction(testFraction=" + testFraction + ", seed=" + seed + ", order=" + order
        + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
