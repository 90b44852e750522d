package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SplitTest {

  /**
   * <pre>
   * row user item t      cutoff 4: train = rows 0-2, test = rows 3-6
   *  0  u1   i1   1      train users u1 u2, items i1 i2
   *  1  u1   i2   2      test users u1 u3 u2 (3), items i3 i1 i4 i2 (4)
   *  2  u2   i1   3      test-only users: u3 (rows 4, 5)
   *  3  u1   i3   4      test-only items: i3 (row 3), i4 (row 5)
   *  4  u3   i1   5
   *  5  u3   i4   6
   *  6  u2   i2   7
   * </pre>
   */
  private static Interactions coldStartData() {
    return Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u1", "i1", 0, 1).add("u1", "i2", 1, 2).add("u2", "i1", 2, 3)
        .add("u1", "i3", 3, 4).add("u3", "i1", 4, 5).add("u3", "i4", 5, 6)
        .add("u2", "i2", 6, 7).build();
  }

  @Test
  void reportCountsTestOnlyUsersAndItemsWithoutDroppingThem() {
    Split s = Splitter.globalTime(Instant.ofEpochMilli(4)).split(coldStartData());
    SplitReport r = s.report();
    assertEquals(new SplitReport("globalTime(cutoff=1970-01-01T00:00:00.004Z)",
        3, 4, 2, 2, 3, 4, 1, 2, 2, 2), r);
    assertEquals(4, s.test().size(), "cold-start rows stay in test");
    assertEquals(7L, r.totalRows());
    assertEquals(4.0 / 7, r.testShare());
    // indexes in first-seen order: u1=0 u2=1 u3=2; i1=0 i2=1 i3=2 i4=3
    assertArrayEquals(new int[] {0, 1, 2}, s.testUsers());
    assertArrayEquals(new int[] {2}, s.testOnlyUsers());
    assertArrayEquals(new int[] {2, 3}, s.testOnlyItems());
    assertEquals("globalTime(cutoff=1970-01-01T00:00:00.004Z): train 3 rows (2 users, 2 items),"
        + " test 4 rows (3 users, 4 items); test-only: 1 users (2 rows), 2 items (2 rows)",
        r.toString());
  }

  @Test
  void ofComputesTheReportForCustomSplits() {
    Interactions data = coldStartData();
    Split s = Split.of("custom", data.select(new int[] {0, 1, 2}), data.select(new int[] {3, 4, 5, 6}));
    assertEquals(Splitter.globalTime(Instant.ofEpochMilli(4)).split(data).train(), s.train());
    assertEquals(1, s.report().testOnlyUsers());
    assertEquals("custom", s.report().description());
  }

  @Test
  void rejectsPartsThatDoNotBelongTogether() {
    Interactions data = coldStartData();
    Interactions other = Interactions.builder(DuplicatePolicy.KEEP_ALL).add("x", "y", 1f, 1L).build();
    assertRejected(() -> Split.of("bad", data, other), "different user or item indexes");
    Split good = Split.of("ok", data.select(new int[] {0}), data.select(new int[] {1}));
    assertRejected(() -> new Split(data, good.test(), good.report()), "trainRows = 1", "7");
    assertThrows(NullPointerException.class, () -> Split.of(null, data, data));
  }

  @Test
  void reportRejectsInconsistentCounts() {
    assertRejected(() -> new SplitReport("d", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0), "negative", "-1");
    assertRejected(() -> new SplitReport("d", 5, 5, 2, 2, 2, 2, 3, 0, 3, 0),
        "testOnlyUsers = 3", "testUsers = 2");
    assertRejected(() -> new SplitReport("d", 5, 2, 2, 2, 3, 2, 0, 0, 0, 0),
        "testUsers = 3", "testRows = 2");
    assertEquals(0.0, new SplitReport("d", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).testShare());
  }
}
