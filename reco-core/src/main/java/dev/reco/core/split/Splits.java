package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Shared machinery of the splitters: validation, the rounding rule, grouping rows by user,
 * per-user selection of test rows, and turning a test mask into a {@link Split}. Every loop runs
 * on primitive arrays; nothing is boxed per row.
 */
final class Splits {
  /** The SplitMix64 increment (odd, about 2^64 / golden ratio). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Splits() {}

  /** The SplitMix64 finalizer: a bijective avalanche mix of 64 bits. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Returns the seed of random stream {@code stream} under {@code seed}, so that per-user
   * randomness depends on (seed, user index) only, never on iteration order or threads.
   */
  static long streamSeed(long seed, long stream) {
    return mix64(seed + GOLDEN_GAMMA * (stream + 1));
  }

  /** Rejects a fraction outside the open interval (0, 1), NaN included. */
  static void checkFraction(String name, double fraction) {
    if (!(fraction > 0.0 && fraction < 1.0)) {
      throw new IllegalArgumentException(
          name + " = " + fraction + "; expected 0 < " + name + " < 1");
    }
  }

  /**
   * The rounding rule of every fraction-based splitter: of {@code rows} rows,
   * {@code min(round(rows * fraction), rows - 1)} go to test, halves rounded up, so at least one
   * row stays in train; a single row always stays in train.
   */
  static int testCount(int rows, double fraction) {
    if (rows < 2) {
      return 0;
    }
    long m = Math.round(rows * fraction);
    return (int) Math.min(m, rows - 1L);
  }

  /** Rejects null and empty data, naming the splitter. */
  static void requireRows(Interactions data, String splitter) {
    Objects.requireNonNull(data, "data");
    if (data.isEmpty()) {
      throw new IllegalArgumentException(
          splitter + ": data has 0 rows; expected at least 1 row to split");
    }
  }

  /** Rejects data without a timestamp column, naming the splitter and the column. */
  static void requireTimestamps(Interactions data, String splitter) {
    if (!data.hasTimestamps()) {
      throw new IllegalArgumentException(splitter + " needs the timestamp column, but data "
          + data + " has no timestamps; expected interactions with epoch-millisecond timestamps");
    }
  }

  /**
   * Rows grouped by user: the rows of user {@code u} are {@code rows[start[u]..start[u+1])}, in
   * ascending row order (a stable counting sort, O(rows + users)). With timestamps requested,
   * {@code times[k]} is the timestamp of {@code rows[k]}, so per-user passes read sequentially
   * instead of jumping around the timestamp column.
   */
  static final class ByUser {
    final int[] start;
    final int[] rows;
    final long[] times; // null unless requested
    final int maxDegree;

    private ByUser(int[] start, int[] rows, long[] times, int maxDegree) {
      this.start = start;
      this.rows = rows;
      this.times = times;
      this.maxDegree = maxDegree;
    }

    static ByUser of(Interactions data, boolean withTimes) {
      int numUsers = data.numUsers();
      int n = data.size();
      int[] start = new int[numUsers + 1];
      for (int r = 0; r < n; r++) {
        start[data.user(r) + 1]++;
      }
      int maxDegree = 0;
      for (int u = 0; u < numUsers; u++) {
        maxDegree = Math.max(maxDegree, start[u + 1]);
        start[u + 1] += start[u];
      }
      int[] next = Arrays.copyOf(start, numUsers);
      int[] rows = new int[n];
      long[] times = withTimes ? new long[n] : null;
      for (int r = 0; r < n; r++) {
        int k = next[data.user(r)]++;
        rows[k] = r;
        if (withTimes) {
          times[k] = data.timestamp(r);
        }
      }
      return new ByUser(start, rows, times, maxDegree);
    }

    int numUsers() {
      return start.length - 1;
    }
  }

  /**
   * Marks as test the {@code m} latest of the {@code d} rows {@code rows[s..s+d)} (ascending row
   * indexes, timestamps in {@code times[s..s+d)}). "Latest" orders by (timestamp, row index):
   * among equal timestamps the later row is the later event, as in
   * {@link dev.reco.core.DuplicatePolicy}. Every marked row therefore has a timestamp >= every
   * unmarked one. O(d log d) with a primitive sort; {@code buf} holds at least {@code d} longs.
   */
  static void markLatest(int[] rows, long[] times, int s, int d, int m, long[] buf,
      boolean[] test) {
    if (m <= 0) {
      return;
    }
    if (m == 1) {
      int best = s;
      for (int k = s + 1; k < s + d; k++) {
        if (times[k] >= times[best]) { // ">=": a later row wins a tie
          best = k;
        }
      }
      test[rows[best]] = true;
      return;
    }
    System.arraycopy(times, s, buf, 0, d);
    Arrays.sort(buf, 0, d);
    long threshold = buf[d - m];
    int above = 0; // rows strictly later than the threshold: all of them go to test
    for (int k = d - 1; k > d - m && buf[k] > threshold; k--) {
      above++;
    }
    int ties = m - above; // rows at the threshold that go to test: the latest by row index
    for (int k = s + d - 1; k >= s; k--) {
      long t = times[k];
      if (t > threshold) {
        test[rows[k]] = true;
      } else if (t == threshold && ties > 0) {
        test[rows[k]] = true;
        ties--;
      }
    }
  }

  /**
   * Marks as test the latest row, by (timestamp, row index), of every user with at least two
   * rows: leave-last-one without grouping rows by user. One sequential pass over the rows with
   * per-user running maxima (O(rows + users), 16 bytes per user).
   */
  static void markLatestOfEachUser(Interactions data, boolean[] test) {
    int numUsers = data.numUsers();
    long[] bestTime = new long[numUsers];
    int[] bestRow = new int[numUsers];
    int[] count = new int[numUsers];
    for (int r = 0, n = data.size(); r < n; r++) {
      int u = data.user(r);
      long t = data.timestamp(r);
      if (count[u]++ == 0 || t >= bestTime[u]) { // ">=": a later row wins a tie
        bestTime[u] = t;
        bestRow[u] = r;
      }
    }
    for (int u = 0; u < numUsers; u++) {
      if (count[u] >= 2) {
        test[bestRow[u]] = true;
      }
    }
  }

  /**
   * Marks as test {@code m} of the {@code d} rows {@code rows[s..s+d)}, every m-subset equally
   * likely (selection sampling, Knuth's Algorithm S: row k is taken with probability
   * needed / remaining, computed exactly with a bounded integer draw). O(d).
   */
  static void markRandom(int[] rows, int s, int d, int m, SplittableRandom random,
      boolean[] test) {
    int needed = m;
    for (int k = 0; k < d && needed > 0; k++) {
      if (random.nextInt(d - k) < needed) {
        test[rows[s + k]] = true;
        needed--;
      }
    }
  }

  /**
   * Builds a split from a test mask: rows marked in {@code test} form the test table, the others
   * the train table, both in ascending row order and sharing {@code data}'s indexes.
   */
  static Split fromMask(Interactions data, boolean[] test, String description) {
    int n = data.size();
    int testRows = 0;
    for (int r = 0; r < n; r++) {
      if (test[r]) {
        testRows++;
      }
    }
    int[] trainIdx = new int[n - testRows];
    int[] testIdx = new int[testRows];
    int a = 0;
    int b = 0;
    for (int r = 0; r < n; r++) {
      if (test[r]) {
        testIdx[b++] = r;
      } else {
        trainIdx[a++] = r;
      }
    }
    Interactions train = data.select(trainIdx);
    Interactions testTable = data.select(testIdx);
    return new Split(train, testTable, report(description, train, testTable));
  }

  private static final byte IN_TRAIN = 1;
  private static final byte IN_TEST = 2;

  /** Counts the report fields in one pass over each table. O(rows + users + items). */
  static SplitReport report(String description, Interactions train, Interactions test) {
    byte[] userSeen = new byte[train.numUsers()];
    byte[] itemSeen = new byte[train.numItems()];
    int trainUsers = 0;
    int trainItems = 0;
    for (int r = 0, n = train.size(); r < n; r++) {
      int u = train.user(r);
      int i = train.item(r);
      if (userSeen[u] == 0) {
        userSeen[u] = IN_TRAIN;
        trainUsers++;
      }
      if (itemSeen[i] == 0) {
        itemSeen[i] = IN_TRAIN;
        trainItems++;
      }
    }
    int testUsers = 0;
    int testItems = 0;
    int testOnlyUsers = 0;
    int testOnlyItems = 0;
    int testOnlyUserRows = 0;
    int testOnlyItemRows = 0;
    for (int r = 0, n = test.size(); r < n; r++) {
      int u = test.user(r);
      int i = test.item(r);
      byte us = userSeen[u];
      if ((us & IN_TEST) == 0) {
        userSeen[u] = (byte) (us | IN_TEST);
        testUsers++;
        if (us == 0) {
          testOnlyUsers++;
        }
      }
      if ((us & IN_TRAIN) == 0) {
        testOnlyUserRows++;
      }
      byte is = itemSeen[i];
      if ((is & IN_TEST) == 0) {
        itemSeen[i] = (byte) (is | IN_TEST);
        testItems++;
        if (is == 0) {
          testOnlyItems++;
        }
      }
      if ((is & IN_TRAIN) == 0) {
        testOnlyItemRows++;
      }
    }
    return new SplitReport(description, train.size(), test.size(), trainUsers, trainItems,
        testUsers, testItems, testOnlyUsers, testOnlyItems, testOnlyUserRows, testOnlyItemRows);
  }
}
