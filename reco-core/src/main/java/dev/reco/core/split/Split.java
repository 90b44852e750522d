package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.util.Objects;

/**
 * A train/test pair made from one {@link Interactions} table, with a {@link SplitReport} of
 * what went where. Immutable and thread-safe.
 *
 * <p>Both tables share the user and item indexes of the data they came from, so a user's index
 * means the same in train and test. Splitters in this package keep rows in their original
 * relative order on each side.
 *
 * @param train the rows to fit on
 * @param test the held-out rows; includes rows of test-only (cold-start) users and items
 * @param report counts of what went where
 */
public record Split(Interactions train, Interactions test, SplitReport report) {

  /**
   * Validates that the parts belong together.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if train and test have different user or item indexes, or
   *     the report's row counts differ from the table sizes
   */
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(report, "report");
    if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
      throw new IllegalArgumentException("train " + train + " and test " + test
          + " have different user or item indexes; expected both to come from the same data");
    }
    if (report.trainRows() != train.size() || report.testRows() != test.size()) {
      throw new IllegalArgumentException("report counts trainRows = " + report.trainRows()
          + ", testRows = " + report.testRows() + " but the tables have " + train.size() + " and "
          + test.size() + " rows; expected equal counts");
    }
  }

  /**
   * Makes a split from two tables that share indexes, computing its report. For splitters
   * written outside this package. O(rows + users + items).
   *
   * @param description what made the split, e.g. {@code "bySession(...)"}
   * @param train the train rows
   * @param test the test rows
   * @return the split with its report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if train and test have different user or item indexes
   */
  public static Split of(String description, Interactions train, Interactions test) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
      throw new IllegalArgumentException("train " + train + " and test " + test
          + " have different user or item indexes; expected both to come from the same data");
    }
    return new Split(train, test, Splits.report(description, train, test));
  }

  /**
   * Returns the users with at least one test row, ascending: the users an evaluation scores.
   * Computed on each call, O(test rows + users).
   *
   * @return a new array of user indexes
   */
  public int[] testUsers() {
    return present(test, true, false);
  }

  /**
   * Returns the users with test rows but no train row (cold-start users), ascending. Computed on
   * each call, O(rows + users).
   *
   * @return a new array of user indexes
   */
  public int[] testOnlyUsers() {
    return present(test, true, true);
  }

  /**
   * Returns the items with test rows but no train row (cold-start items), ascending. Computed on
   * each call, O(rows + items).
   *
   * @return a new array of item indexes
   */
  public int[] testOnlyItems() {
    return present(test, false, true);
  }

  private int[] present(Interactions side, boolean users, boolean excludeTrain) {
    int size = users ? side.numUsers() : side.numItems();
    boolean[] seen = new boolean[size];
    for (int r = 0, n = side.size(); r < n; r++) {
      seen[users ? side.user(r) : side.item(r)] = true;
    }
    if (excludeTrain) {
      for (int r = 0, n = train.size(); r < n; r++) {
        seen[users ? train.user(r) : train.item(r)] = false;
      }
    }
    int count = 0;
    for (boolean b : seen) {
      if (b) {
        count++;
      }
    }
    int[] out = new int[count];
    int k = 0;
    for (int x = 0; x < size; x++) {
      if (seen[x]) {
        out[k++] = x;
      }
    }
    return out;
  }
}
