package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.assertRejected;
import static dev.reco.core.split.Fixtures.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import org.junit.jupiter.api.Test;

class LeaveLastNTest {
  private final Interactions data = Fixtures.eightRows();

  @Test
  void leaveLastOneTakesEachUsersLatestRowAndBreaksTiesByRowIndex() {
    // a: rows 2 and 6 tie at t=30 -> the later row 6 is the latest; b: rows 1 and 4 tie at t=5
    // -> row 4; c has 1 row <= n -> stays in train
    Split s = Splitter.leaveLastN(1).split(data);
    assertRows(s, new int[] {0, 1, 2, 3, 5, 7}, new int[] {4, 6});
    assertEquals("leaveLastN(n=1, shortHistory=TRAIN)", s.report().description());
    assertSame(data.users(), s.train().users());
    assertSame(data.items(), s.test().items());
  }

  @Test
  void leaveLastTwo() {
    // a: 2(30), 6(30) ; b: 1(5), 4(5) ; c: train
    assertRows(Splitter.leaveLastN(2).split(data), new int[] {0, 3, 5, 7}, new int[] {1, 2, 4, 6});
  }

  @Test
  void aTieAcrossTheBoundaryGoesToTheLaterRows() {
    // one user, t = 9, 5, 9, 9, 2 at rows 0-4; by (t, row): 4(2) 1(5) 0(9) 2(9) 3(9)
    // n = 2 -> rows 2 and 3; row 0 shares t = 9 but is the earliest of the tie, so it trains
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL);
    long[] times = {9, 5, 9, 9, 2};
    for (int r = 0; r < times.length; r++) {
      b.add("u", "i" + r, r, times[r]);
    }
    Interactions tie = b.build();
    assertRows(Splitter.leaveLastN(2).split(tie), new int[] {0, 1, 4}, new int[] {2, 3});
    // perUserFraction(0.4): round(5 * 0.4) = 2 -> the same two rows
    assertRows(Splitter.perUserFraction(0.4, 0, PerUserFraction.Order.BY_TIME).split(tie),
        new int[] {0, 1, 4}, new int[] {2, 3});
  }

  @Test
  void shortHistoryRule() {
    // n = 3: a has 4 rows -> 3(20), 2(30), 6(30) to test; b has 3 rows <= n; c has 1 row
    // TRAIN: b stays whole in train
    assertRows(Splitter.leaveLastN(3).split(data), new int[] {0, 1, 4, 5, 7}, new int[] {2, 3, 6});
    // KEEP_EARLIEST: b keeps its earliest row 7(1) in train, 1 and 4 go to test; c (1 row) stays
    assertRows(Splitter.leaveLastN(3, LeaveLastN.ShortHistory.KEEP_EARLIEST).split(data),
        new int[] {0, 5, 7}, new int[] {1, 2, 3, 4, 6});
    // n larger than any history: TRAIN holds out nothing
    Split none = Splitter.leaveLastN(10).split(data);
    assertEquals(0, none.test().size());
    assertEquals(8, none.train().size());
  }

  @Test
  void everyTestTimeIsAtLeastEveryTrainTimeOfTheSameUser() {
    Split s = Splitter.leaveLastN(2, LeaveLastN.ShortHistory.KEEP_EARLIEST)
        .split(Fixtures.random(7, 2_000, 40, 30, 25));
    long[] maxTrain = new long[s.train().numUsers()];
    java.util.Arrays.fill(maxTrain, Long.MIN_VALUE);
    for (int r = 0; r < s.train().size(); r++) {
      int u = s.train().user(r);
      maxTrain[u] = Math.max(maxTrain[u], s.train().timestamp(r));
    }
    for (int r = 0; r < s.test().size(); r++) {
      assertTrue(s.test().timestamp(r) >= maxTrain[s.test().user(r)]);
    }
    assertEquals(0, s.report().testOnlyUsers(), "no user is held out entirely");
  }

  @Test
  void isTemporalAndDescribesItself() {
    assertTrue(Splitter.leaveLastN(1).isTemporal());
    assertEquals("leaveLastN(n=2, shortHistory=KEEP_EARLIEST)",
        Splitter.leaveLastN(2, LeaveLastN.ShortHistory.KEEP_EARLIEST).toString());
  }

  @Test
  void rejectsBadConfigurationAndData() {
    assertRejected(() -> Splitter.leaveLastN(0), "n = 0", "n >= 1");
    assertRejected(() -> Splitter.leaveLastN(-3), "n = -3");
    assertThrows(NullPointerException.class, () -> Splitter.leaveLastN(1, null));
    Interactions untimed = Interactions.builder(DuplicatePolicy.KEEP_ALL).add("u", "i", 1f).build();
    assertRejected(() -> Splitter.leaveLastN(1).split(untimed), "leaveLastN(n=1", "timestamp");
    Interactions empty = Interactions.builder(DuplicatePolicy.KEEP_ALL).build();
    assertRejected(() -> Splitter.leaveLastN(1).split(empty), "leaveLastN(n=1", "0 rows");
    assertThrows(NullPointerException.class, () -> Splitter.leaveLastN(1).split(null));
  }
}
