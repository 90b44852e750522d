package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.util.Objects;

/**
 * Leave-last-n split: each user's n latest rows go to test, "latest" ordered by (timestamp, row
 * index), so among rows with the same timestamp the one added later counts as later. Within
 * each user every test timestamp is therefore {@code >=} every train timestamp (temporal per
 * user); across users there is no such guarantee.
 *
 * <p>A user with more than n rows keeps d − n rows in train. A user with at most n rows follows
 * {@link #shortHistory()}: {@link ShortHistory#TRAIN} (the default) keeps all of them in train;
 * {@link ShortHistory#KEEP_EARLIEST} keeps only the earliest in train and holds out the other
 * d − 1. Either way no user ends up with test rows and no train row.
 *
 * <p>For n = 1: one sequential pass with a running maximum per user, O(rows + users). Otherwise
 * O(rows + users) to group rows by user plus O(d log d) per user (a primitive sort of the user's
 * timestamps).
 *
 * @param n rows per user to hold out, {@code >= 1}
 * @param shortHistory what happens to users with at most n rows
 */
public record LeaveLastN(int n, ShortHistory shortHistory) implements Splitter {

  /** What happens to a user with at most n rows. */
  public enum ShortHistory {
    /** All the user's rows stay in train; the user has no test row. */
    TRAIN,
    /**
     * The user's earliest row stays in train and the other d − 1 go to test; a user with a
     * single row stays in train.
     */
    KEEP_EARLIEST
  }

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws NullPointerException if {@code shortHistory} is null
   */
  public LeaveLastN {
    if (n < 1) {
      throw new IllegalArgumentException("n = " + n + "; expected n >= 1");
    }
    Objects.requireNonNull(shortHistory, "shortHistory");
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
    boolean[] test = new boolean[data.size()];
    if (n == 1) { // both ShortHistory rules agree for n = 1: users with >= 2 rows lose their latest
      Splits.markLatestOfEachUser(data, test);
      return Splits.fromMask(data, test, description);
    }
    Splits.ByUser groups = Splits.ByUser.of(data, true);
    long[] buf = new long[groups.maxDegree];
    for (int u = 0, users = groups.numUsers(); u < users; u++) {
      int s = groups.start[u];
      int d = groups.start[u + 1] - s;
      Splits.markLatest(groups.rows, groups.times, s, d, testCount(d), buf, test);
    }
    return Splits.fromMask(data, test, description);
  }

  /** Number of test rows of a user with {@code d} rows. */
  private int testCount(int d) {
    if (d > n) {
      return n;
    }
    return shortHistory == ShortHistory.TRAIN ? 0 : Math.max(d - 1, 0);
  }

  /** Returns true: within each user, test rows are the latest. */
  @Override
  public boolean isTemporal() {
    return true;
  }

  @Override
  public String description() {
    return "leaveLastN(n=" + n + ", shortHistory=" + shortHistory + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
