package dev.reco.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;

/** Test data shared by the split tests. Every row's value is its row index, so rows are traceable. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Eight rows of three users with timestamp ties inside users:
   *
   * <pre>
   * row user item  t     user a by (t, row): 0(10) 3(20) 2(30) 6(30)
   *  0   a    x   10     user b by (t, row): 7(1)  1(5)  4(5)
   *  1   b    x    5     user c:             5(7)
   *  2   a    y   30
   *  3   a    z   20     all timestamps sorted: 1 5 5 7 10 20 30 30
   *  4   b    y    5
   *  5   c    x    7
   *  6   a    x   30
   *  7   b    z    1
   * </pre>
   */
  static Interactions eightRows() {
    String[] users = {"a", "b", "a", "a", "b", "c", "a", "b"};
    String[] items = {"x", "x", "y", "z", "y", "x", "x", "z"};
    long[] times = {10, 5, 30, 20, 5, 7, 30, 1};
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL);
    for (int r = 0; r < users.length; r++) {
      b.add(users[r], items[r], r, times[r]);
    }
    return b.build();
  }

  /** Random rows: value = row index; few users, items and timestamps, so ties are common. */
  static Interactions random(long seed, int rows, int users, int items, int timeSpan) {
    Random random = new Random(seed);
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL);
    for (int r = 0; r < rows; r++) {
      b.add("u" + random.nextInt(users), "i" + random.nextInt(items), r,
          1_600_000_000_000L + random.nextInt(timeSpan + 1));
    }
    return b.build();
  }

  /** The original row indexes (values) of a split side, in order. */
  static int[] rowsOf(Interactions side) {
    int[] rows = new int[side.size()];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = (int) side.value(k);
    }
    return rows;
  }

  /** Asserts that an argument error is thrown and its message contains every fragment. */
  static IllegalArgumentException assertRejected(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment),
          "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
    return e;
  }

  /** Asserts the rows of a split by original row index. */
  static void assertRows(Split split, int[] train, int[] test) {
    assertEquals(java.util.Arrays.toString(train), java.util.Arrays.toString(rowsOf(split.train())), "train rows");
    assertEquals(java.util.Arrays.toString(test), java.util.Arrays.toString(rowsOf(split.test())), "test rows");
  }
}
