package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.assertRejected;
import static dev.reco.core.split.Fixtures.rowsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomHoldoutTest {
  private final Interactions data = Fixtures.eightRows();

  @Test
  void testCountIsTheRoundedFractionKeepingOneTrainRow() {
    // n = 8: 0.25 -> 2.0 -> 2; 0.3 -> 2.4 -> 2; 0.32 -> 2.56 -> 3; 0.5625 -> 4.5 -> 5 (halves
    // up); 0.99 -> 7.92 -> 8, capped at n - 1 = 7; 0.01 -> 0.08 -> 0
    double[] fractions = {0.25, 0.3, 0.32, 0.5625, 0.99, 0.01};
    int[] expected = {2, 2, 3, 5, 7, 0};
    for (int k = 0; k < fractions.length; k++) {
      Split s = Splitter.random(fractions[k], 1).split(data);
      assertEquals(expected[k], s.test().size(), "testFraction " + fractions[k]);
      assertEquals(8 - expected[k], s.train().size());
    }
  }

  @Test
  void aSingleRowStaysInTrain() {
    Interactions one = Interactions.builder(DuplicatePolicy.KEEP_ALL).add("u", "i", 0f).build();
    Split s = Splitter.random(0.9, 1).split(one);
    assertEquals(1, s.train().size());
    assertEquals(0, s.test().size());
  }

  @Test
  void keepsRowOrderOnBothSides() {
    Split s = Splitter.random(0.4, 11).split(Fixtures.random(1, 500, 20, 20, 100));
    int[] train = rowsOf(s.train());
    int[] test = rowsOf(s.test());
    assertEquals(200, test.length); // round(500 * 0.4)
    for (int[] side : new int[][] {train, test}) {
      for (int k = 1; k < side.length; k++) {
        assertTrue(side[k - 1] < side[k]);
      }
    }
  }

  @Test
  void sameSeedSameSplitDifferentSeedDifferentSplit() {
    Interactions big = Fixtures.random(2, 1_000, 20, 20, 100);
    Split a = Splitter.random(0.2, 5).split(big);
    assertEquals(a, Splitter.random(0.2, 5).split(big));
    Split b = Splitter.random(0.2, 6).split(big);
    assertEquals(a.test().size(), b.test().size());
    assertFalse(Arrays.equals(rowsOf(a.test()), rowsOf(b.test())));
  }

  @Test
  void everyRowIsEquallyLikelyToBeHeldOut() {
    // 8 rows, f = 0.25 -> 2 test rows; over 8000 seeds each row is expected in test
    // 8000 * 2/8 = 2000 times (binomial sd ~ 39; allow +-200)
    int[] hits = new int[8];
    for (long seed = 0; seed < 8000; seed++) {
      for (int r : rowsOf(Splitter.random(0.25, seed).split(data).test())) {
        hits[r]++;
      }
    }
    for (int h : hits) {
      assertTrue(Math.abs(h - 2000) < 200, Arrays.toString(hits));
    }
  }

  @Test
  void isNotTemporalAndWorksWithoutTimestamps() {
    assertFalse(Splitter.random(0.2, 1).isTemporal());
    Interactions untimed = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u", "a", 1f).add("u", "b", 1f).add("v", "a", 1f).add("v", "b", 1f).build();
    assertEquals(1, Splitter.random(0.25, 1).split(untimed).test().size()); // round(1.0)
    assertEquals("random(testFraction=0.2, seed=-3)", Splitter.random(0.2, -3).toString());
  }

  @Test
  void rejectsBadConfigurationAndData() {
    for (double f : new double[] {0.0, 1.0, -0.1, 2.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertRejected(() -> Splitter.random(f, 0), "testFraction = " + f);
    }
    Interactions empty = Interactions.builder(DuplicatePolicy.KEEP_ALL).build();
    assertRejected(() -> Splitter.random(0.2, 0).split(empty), "random(testFraction=0.2", "0 rows");
    assertThrows(NullPointerException.class, () -> Splitter.random(0.2, 0).split(null));
  }
}
