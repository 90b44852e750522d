package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.time.Instant;
import java.util.Arrays;

/**
 * Global time split at a timestamp quantile: with n rows and
 * {@code m = min(round(n × testFraction), n − 1)} (halves rounded up), the cutoff is the m-th
 * largest timestamp, and as in {@link GlobalTime} rows before it go to train and rows at or
 * after it to test. Rows sharing the cutoff timestamp all go to test, so test has at least m
 * rows and more when timestamps tie at the cutoff (all n if every row has the same timestamp);
 * when m = 0 (a single row, or a fraction too small to round to one row) test is empty. Temporal
 * over the whole table.
 *
 * <p>The report's description names the resolved cutoff, e.g.
 * {@code "globalTimeFraction(testFraction=0.2, cutoff=2024-03-01T00:00:00Z)"}, so it can be
 * reused with {@link GlobalTime} on other data. O(n log n): the timestamps are copied and sorted.
 *
 * @param testFraction target share of rows in test, in (0, 1)
 */
public record GlobalTimeFraction(double testFraction) implements Splitter {

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
   */
  public GlobalTimeFraction {
    Splits.checkFraction("testFraction", testFraction);
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
    int m = Splits.testCount(n, testFraction);
    boolean[] test = new boolean[n];
    String resolved;
    if (m == 0) {
      resolved = "cutoff=none";
    } else {
      long[] sorted = data.timestampColumn();
      Arrays.sort(sorted);
      long cutoff = sorted[n - m];
      for (int r = 0; r < n; r++) {
        test[r] = data.timestamp(r) >= cutoff;
      }
      resolved = "cutoff=" + Instant.ofEpochMilli(cutoff);
    }
    return Splits.fromMask(data, test,
        "globalTimeFraction(testFraction=" + testFraction + ", " + resolved + ")");
  }

  /** Returns true: every test timestamp is at or after every train timestamp. */
  @Override
  public boolean isTemporal() {
    return true;
  }

  @Override
  public String description() {
    return "globalTimeFraction(testFraction=" + testFraction + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
