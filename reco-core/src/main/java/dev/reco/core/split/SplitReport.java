package dev.reco.core.split;

import java.util.Objects;

/**
 * What a split did, in counts: how many rows, users and items landed on each side, and how much
 * of the test set is cold start. Nothing is dropped by a splitter: rows of users or items that
 * have no train rows stay in test, and these fields count them, so an evaluation can decide
 * (and say) whether to score them, skip them, or send them to a fallback.
 *
 * @param description the splitter that made the split, e.g. {@code "leaveLastN(n=1, shortHistory=TRAIN)"}
 * @param trainRows rows in train
 * @param testRows rows in test
 * @param trainUsers distinct users with at least one train row
 * @param trainItems distinct items with at least one train row
 * @param testUsers distinct users with at least one test row
 * @param testItems distinct items with at least one test row
 * @param testOnlyUsers users with test rows but no train row (cold-start users)
 * @param testOnlyItems items with test rows but no train row (cold-start items)
 * @param testOnlyUserRows test rows whose user is test-only
 * @param testOnlyItemRows test rows whose item is test-only
 */
public record SplitReport(String description, int trainRows, int testRows, int trainUsers,
    int trainItems, int testUsers, int testItems, int testOnlyUsers, int testOnlyItems,
    int testOnlyUserRows, int testOnlyItemRows) {

  /**
   * Validates that the counts are consistent with one another.
   *
   * @throws NullPointerException if {@code description} is null
   * @throws IllegalArgumentException if a count is negative, a test-only count exceeds its
   *     total, or a row count is below its distinct count
   */
  public SplitReport {
    Objects.requireNonNull(description, "description");
    if (trainRows < 0 || testRows < 0 || trainUsers < 0 || trainItems < 0 || testUsers < 0
        || testItems < 0 || testOnlyUsers < 0 || testOnlyItems < 0 || testOnlyUserRows < 0
        || testOnlyItemRows < 0) {
      throw new IllegalArgumentException("negative count in " + fields(description, trainRows,
          testRows, trainUsers, trainItems, testUsers, testItems, testOnlyUsers, testOnlyItems,
          testOnlyUserRows, testOnlyItemRows) + "; expected all counts >= 0");
    }
    check("testOnlyUsers", testOnlyUsers, "testUsers", testUsers);
    check("testOnlyItems", testOnlyItems, "testItems", testItems);
    check("testOnlyUsers", testOnlyUsers, "testOnlyUserRows", testOnlyUserRows);
    check("testOnlyItems", testOnlyItems, "testOnlyItemRows", testOnlyItemRows);
    check("testOnlyUserRows", testOnlyUserRows, "testRows", testRows);
    check("testOnlyItemRows", testOnlyItemRows, "testRows", testRows);
    check("testUsers", testUsers, "testRows", testRows);
    check("testItems", testItems, "testRows", testRows);
    check("trainUsers", trainUsers, "trainRows", trainRows);
    check("trainItems", trainItems, "trainRows", trainRows);
  }

  private static void check(String part, int partValue, String whole, int wholeValue) {
    if (partValue > wholeValue) {
      throw new IllegalArgumentException(part + " = " + partValue + " but " + whole + " = "
          + wholeValue + "; expected " + part + " <= " + whole);
    }
  }

  /** Returns {@code trainRows + testRows}, the row count of the data that was split. */
  public long totalRows() {
    return (long) trainRows + testRows;
  }

  /** Returns the share of rows in test, in [0, 1]; 0 when there are no rows. */
  public double testShare() {
    long total = totalRows();
    return total == 0 ? 0.0 : (double) testRows / total;
  }

  @Override
  public String toString() {
    return fields(description, trainRows, testRows, trainUsers, trainItems, testUsers, testItems,
        testOnlyUsers, testOnlyItems, testOnlyUserRows, testOnlyItemRows);
  }

  private static String fields(String description, int trainRows, int testRows, int trainUsers,
      int trainItems, int testUsers, int testItems, int testOnlyUsers, int testOnlyItems,
      int testOnlyUserRows, int testOnlyItemRows) {
    return description + ": train " + trainRows + " rows (" + trainUsers + " users, "
        + trainItems + " items), test " + testRows + " rows (" + testUsers + " users, "
        + testItems + " items); test-only: " + testOnlyUsers + " users (" + testOnlyUserRows
        + " rows), " + testOnlyItems + " items (" + testOnlyItemRows + " rows)";
  }
}
