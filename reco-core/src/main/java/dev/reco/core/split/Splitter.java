package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.time.Instant;

/**
 * Divides an {@link Interactions} table into train and test rows. Implementations are immutable
 * configurations; {@link #split(Interactions)} is a pure function of the data (and the seed, for
 * random splitters), so the same data and seed always give the same split, on any thread.
 *
 * <p>Every splitter here puts each row in exactly one side and drops nothing: rows of users or
 * items that end up with no train row stay in test, and the {@link SplitReport} counts them.
 *
 * <p><b>Leakage.</b> Only {@linkplain #isTemporal() temporal} splitters guarantee that no test
 * event precedes a train event in their scope: {@link #leaveLastN(int)} and
 * {@link #perUserFraction} with {@link PerUserFraction.Order#BY_TIME} per user,
 * {@link #globalTime(Instant)} and {@link #globalTimeFraction(double)} over the whole table.
 * {@link #random(double, long)}, {@code perUserFraction(..., RANDOM)} and {@link KFold} train on
 * the future of their test events; use them only where time does not matter.
 */
public interface Splitter {

  /**
   * Splits the data into train and test.
   *
   * @param data the rows to split; both sides of the result share its user and item indexes
   * @return the split, with its report
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if {@code data} is empty, or a temporal splitter gets data
   *     without timestamps
   */
  Split split(Interactions data);

  /**
   * Returns whether this splitter guarantees that no test row has an earlier timestamp than a
   * train row in its scope (per user or global, see the implementation).
   *
   * @return true for temporal splitters
   */
  boolean isTemporal();

  /**
   * Returns a short description with every parameter, e.g. {@code "random(testFraction=0.2,
   * seed=42)"}, recorded in each {@link SplitReport}.
   *
   * @return the description
   */
  String description();

  /**
   * Returns a seeded random holdout: exactly {@code min(round(n × testFraction), n − 1)} of the
   * n rows, chosen uniformly, go to test. Not temporal.
   *
   * @param testFraction share of rows in test, in (0, 1)
   * @param seed random seed
   * @return the splitter
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
   * @see RandomHoldout
   */
  static RandomHoldout random(double testFraction, long seed) {
    return new RandomHoldout(testFraction, seed);
  }

  /**
   * Returns a per-user fraction split: of each user's d rows,
   * {@code min(round(d × testFraction), d − 1)} go to test, the latest ones
   * ({@link PerUserFraction.Order#BY_TIME}) or random ones ({@link PerUserFraction.Order#RANDOM}).
   *
   * @param testFraction share of each user's rows in test, in (0, 1)
   * @param seed random seed (used by {@code RANDOM} only)
   * @param order which rows of a user go to test
   * @return the splitter
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
   * @throws NullPointerException if {@code order} is null
   * @see PerUserFraction
   */
  static PerUserFraction perUserFraction(double testFraction, long seed,
      PerUserFraction.Order order) {
    return new PerUserFraction(testFraction, seed, order);
  }

  /**
   * Returns a leave-last-n split: each user's n latest rows go to test; users with at most n
   * rows stay entirely in train. Temporal per user.
   *
   * @param n rows per user to hold out, {@code >= 1}
   * @return the splitter
   * @throws IllegalArgumentException if {@code n < 1}
   * @see LeaveLastN
   */
  static LeaveLastN leaveLastN(int n) {
    return new LeaveLastN(n, LeaveLastN.ShortHistory.TRAIN);
  }

  /**
   * Returns a leave-last-n split with an explicit rule for users with at most n rows.
   *
   * @param n rows per user to hold out, {@code >= 1}
   * @param shortHistory what happens to users with at most n rows
   * @return the splitter
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws NullPointerException if {@code shortHistory} is null
   * @see LeaveLastN
   */
  static LeaveLastN leaveLastN(int n, LeaveLastN.ShortHistory shortHistory) {
    return new LeaveLastN(n, shortHistory);
  }

  /**
   * Returns a global time split: rows before {@code cutoff} go to train, rows at or after it to
   * test. Temporal over the whole table.
   *
   * @param cutoff the first instant that belongs to test
   * @return the splitter
   * @throws NullPointerException if {@code cutoff} is null
   * @see GlobalTime
   */
  static GlobalTime globalTime(Instant cutoff) {
    return new GlobalTime(cutoff);
  }

  /**
   * Returns a global time split whose cutoff is the timestamp quantile that puts about
   * {@code testFraction} of the rows in test. Temporal over the whole table.
   *
   * @param testFraction share of rows in test, in (0, 1)
   * @return the splitter
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
   * @see GlobalTimeFraction
   */
  static GlobalTimeFraction globalTimeFraction(double testFraction) {
    return new GlobalTimeFraction(testFraction);
  }
}
