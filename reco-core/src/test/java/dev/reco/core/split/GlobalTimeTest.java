package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.assertRejected;
import static dev.reco.core.split.Fixtures.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GlobalTimeTest {
  private final Interactions data = Fixtures.eightRows();

  @Test
  void cutoffSendsRowsAtOrAfterItToTest() {
    // t >= 10: rows 0(10), 2(30), 3(20), 6(30); the rest (t = 5, 5, 7, 1) train
    Split s = Splitter.globalTime(Instant.ofEpochMilli(10)).split(data);
    assertRows(s, new int[] {1, 4, 5, 7}, new int[] {0, 2, 3, 6});
    // user a has no row before 10: a test-only (cold-start) user with 4 test rows, kept
    assertEquals(1, s.report().testOnlyUsers());
    assertEquals(4, s.report().testOnlyUserRows());
    assertEquals(0, s.report().testOnlyItems());
    assertEquals("globalTime(cutoff=1970-01-01T00:00:00.010Z)", s.report().description());
  }

  @Test
  void subMillisecondCutoffComparesExactly() {
    // 9.000001 ms: the first millisecond not before it is 10 -> same as a cutoff of 10
    assertRows(Splitter.globalTime(Instant.ofEpochMilli(9).plusNanos(1)).split(data),
        new int[] {1, 4, 5, 7}, new int[] {0, 2, 3, 6});
    // 10.000001 ms: row 0 at t = 10 is before it -> train
    assertRows(Splitter.globalTime(Instant.ofEpochMilli(10).plusNanos(1)).split(data),
        new int[] {0, 1, 4, 5, 7}, new int[] {2, 3, 6});
    // -0.5 ms lies between -1 and 0 ms
    assertEquals(0L, GlobalTime.firstTestMillis(Instant.ofEpochMilli(-1).plusNanos(500_000)));
    assertEquals(-1L, GlobalTime.firstTestMillis(Instant.ofEpochMilli(-1)));
  }

  @Test
  void extremeCutoffsGiveOneEmptySide() {
    Split allTrain = Splitter.globalTime(Instant.MAX).split(data);
    assertEquals(8, allTrain.train().size());
    assertEquals(0, allTrain.test().size());
    Split allTest = Splitter.globalTime(Instant.MIN).split(data);
    assertEquals(8, allTest.test().size());
    assertEquals(3, allTest.report().testOnlyUsers());
    assertEquals(Long.MIN_VALUE, GlobalTime.firstTestMillis(Instant.ofEpochMilli(Long.MIN_VALUE)));
    assertEquals(Long.MAX_VALUE, GlobalTime.firstTestMillis(Instant.ofEpochMilli(Long.MAX_VALUE)));
  }

  @Test
  void fractionPicksTheQuantileTimestampAsCutoff() {
    // sorted times 1 5 5 7 10 20 30 30 (n = 8)
    // f = 0.25: m = round(2.0) = 2 -> cutoff = sorted[8 - 2] = 30 -> rows 2, 6
    Split quarter = Splitter.globalTimeFraction(0.25).split(data);
    assertRows(quarter, new int[] {0, 1, 3, 4, 5, 7}, new int[] {2, 6});
    assertEquals("globalTimeFraction(testFraction=0.25, cutoff=1970-01-01T00:00:00.030Z)",
        quarter.report().description());
    // f = 0.5: m = 4 -> cutoff = sorted[4] = 10 -> rows 0, 2, 3, 6
    assertRows(Splitter.globalTimeFraction(0.5).split(data),
        new int[] {1, 4, 5, 7}, new int[] {0, 2, 3, 6});
    // f = 0.7: m = round(5.6) = 6 -> cutoff = sorted[2] = 5; rows 1 and 4 both sit at t = 5,
    // so test gets 7 rows, not 6: ties at the cutoff go to test
    assertRows(Splitter.globalTimeFraction(0.7).split(data),
        new int[] {7}, new int[] {0, 1, 2, 3, 4, 5, 6});
    // f = 0.05: m = round(0.4) = 0 -> no cutoff, empty test
    Split none = Splitter.globalTimeFraction(0.05).split(data);
    assertEquals(0, none.test().size());
    assertEquals("globalTimeFraction(testFraction=0.05, cutoff=none)", none.report().description());
  }

  @Test
  void everyTestTimeIsAtLeastEveryTrainTime() {
    Interactions big = Fixtures.random(4, 3_000, 50, 40, 200);
    for (Splitter splitter : new Splitter[] {Splitter.globalTimeFraction(0.3),
        Splitter.globalTime(Instant.ofEpochMilli(1_600_000_000_100L))}) {
      Split s = splitter.split(big);
      long maxTrain = Long.MIN_VALUE;
      for (int r = 0; r < s.train().size(); r++) {
        maxTrain = Math.max(maxTrain, s.train().timestamp(r));
      }
      for (int r = 0; r < s.test().size(); r++) {
        assertTrue(s.test().timestamp(r) > maxTrain, splitter.toString());
      }
      assertTrue(splitter.isTemporal());
    }
  }

  @Test
  void rejectsBadConfigurationAndData() {
    assertThrows(NullPointerException.class, () -> Splitter.globalTime(null));
    assertRejected(() -> Splitter.globalTimeFraction(1.0), "testFraction = 1.0");
    assertRejected(() -> Splitter.globalTimeFraction(0.0), "testFraction = 0.0");
    Interactions untimed = Interactions.builder(DuplicatePolicy.KEEP_ALL).add("u", "i", 1f).build();
    assertRejected(() -> Splitter.globalTime(Instant.EPOCH).split(untimed),
        "globalTime(cutoff=1970-01-01T00:00:00Z)", "timestamp");
    assertRejected(() -> Splitter.globalTimeFraction(0.2).split(untimed),
        "globalTimeFraction(testFraction=0.2)", "timestamp");
    Interactions empty = Interactions.builder(DuplicatePolicy.KEEP_ALL).build();
    assertRejected(() -> Splitter.globalTime(Instant.EPOCH).split(empty), "0 rows");
    assertRejected(() -> Splitter.globalTimeFraction(0.2).split(empty), "0 rows");
  }
}
