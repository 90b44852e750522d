package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.assertRejected;
import static dev.reco.core.split.Fixtures.assertRows;
import static dev.reco.core.split.Fixtures.rowsOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.split.PerUserFraction.Order;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PerUserFractionTest {
  private final Interactions data = Fixtures.eightRows();

  @Test
  void byTimeTakesTheLatestRoundedShareOfEachUser() {
    // f = 0.5: a has 4 rows -> round(2.0) = 2 -> 2(30), 6(30);
    //          b has 3 rows -> round(1.5) = 2 (halves up), min(2, 3-1) = 2 -> 1(5), 4(5);
    //          c has 1 row -> 0
    assertRows(Splitter.perUserFraction(0.5, 0, Order.BY_TIME).split(data),
        new int[] {0, 3, 5, 7}, new int[] {1, 2, 4, 6});
    // f = 0.3: a -> round(1.2) = 1 -> 6 (wins the t=30 tie with 2); b -> round(0.9) = 1 -> 4
    assertRows(Splitter.perUserFraction(0.3, 0, Order.BY_TIME).split(data),
        new int[] {0, 1, 2, 3, 5, 7}, new int[] {4, 6});
    // f = 0.9: a -> round(3.6) = 4, capped at 4-1 = 3 -> 3, 2, 6; b -> round(2.7) = 3, capped at 2
    assertRows(Splitter.perUserFraction(0.9, 0, Order.BY_TIME).split(data),
        new int[] {0, 5, 7}, new int[] {1, 2, 3, 4, 6});
    // f = 0.1: a -> round(0.4) = 0; b -> round(0.3) = 0: nothing to test
    assertEquals(0, Splitter.perUserFraction(0.1, 0, Order.BY_TIME).split(data).test().size());
  }

  @Test
  void randomTakesTheSameCountsAsByTime() {
    Split s = Splitter.perUserFraction(0.5, 42, Order.RANDOM).split(data);
    // counts by the same rule: a 2 of 4, b 2 of 3, c 0 of 1
    int[] perUser = s.test().userCounts();
    assertArrayEquals(new int[] {2, 2, 0}, perUser);
    assertArrayEquals(new int[] {2, 1, 1}, s.train().userCounts());
  }

  @Test
  void randomIsDeterministicAndSeedDependent() {
    Interactions big = Fixtures.random(3, 3_000, 30, 50, 1000);
    Split a = Splitter.perUserFraction(0.3, 1, Order.RANDOM).split(big);
    Split b = Splitter.perUserFraction(0.3, 1, Order.RANDOM).split(big);
    Split c = Splitter.perUserFraction(0.3, 2, Order.RANDOM).split(big);
    assertEquals(a, b);
    assertArrayEquals(a.test().userCounts(), c.test().userCounts(), "same counts per user");
    assertFalse(Arrays.equals(rowsOf(a.test()), rowsOf(c.test())), "different rows");
  }

  @Test
  void randomChoiceOfAUserDependsOnlyOnSeedAndUserIndex() {
    // Dropping the other users' rows (select keeps the indexes) must not change user a's choice.
    Interactions big = Fixtures.random(5, 600, 6, 20, 1000);
    Splitter splitter = Splitter.perUserFraction(0.4, 9, Order.RANDOM);
    int userA = 0;
    int[] rowsOfA = java.util.stream.IntStream.range(0, big.size())
        .filter(r -> big.user(r) == userA).toArray();
    int[] testOfAInFull = Arrays.stream(rowsOf(splitter.split(big).test()))
        .filter(r -> big.user(r) == userA).toArray();
    int[] testOfAAlone = rowsOf(splitter.split(big.select(rowsOfA)).test());
    assertTrue(testOfAInFull.length > 0);
    assertArrayEquals(testOfAInFull, testOfAAlone);
  }

  @Test
  void randomChoiceIsUniformWithinAUser() {
    // one user with 5 rows, f = 0.4 -> round(2.0) = 2 test rows; over 5000 seeds each row is
    // expected in test 5000 * 2/5 = 2000 times (binomial sd ~ 35; allow +-200)
    Interactions.Builder builder = Interactions.builder(DuplicatePolicy.KEEP_ALL);
    for (int r = 0; r < 5; r++) {
      builder.add("u", "i" + r, r);
    }
    Interactions five = builder.build();
    int[] hits = new int[5];
    for (long seed = 0; seed < 5000; seed++) {
      for (int r : rowsOf(Splitter.perUserFraction(0.4, seed, Order.RANDOM).split(five).test())) {
        hits[r]++;
      }
    }
    for (int h : hits) {
      assertTrue(Math.abs(h - 2000) < 200, Arrays.toString(hits));
    }
  }

  @Test
  void temporalOnlyByTime() {
    assertTrue(Splitter.perUserFraction(0.2, 0, Order.BY_TIME).isTemporal());
    assertFalse(Splitter.perUserFraction(0.2, 0, Order.RANDOM).isTemporal());
    assertNotEquals(Splitter.perUserFraction(0.2, 0, Order.BY_TIME),
        Splitter.perUserFraction(0.2, 0, Order.RANDOM));
    assertEquals("perUserFraction(testFraction=0.2, seed=7, order=RANDOM)",
        Splitter.perUserFraction(0.2, 7, Order.RANDOM).description());
  }

  @Test
  void rejectsBadConfigurationAndData() {
    for (double f : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
      assertRejected(() -> Splitter.perUserFraction(f, 0, Order.RANDOM),
          "testFraction = " + f, "0 < testFraction < 1");
    }
    assertThrows(NullPointerException.class, () -> Splitter.perUserFraction(0.2, 0, null));
    Interactions untimed = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u", "i", 1f).add("u", "j", 1f).build();
    assertRejected(() -> Splitter.perUserFraction(0.5, 0, Order.BY_TIME).split(untimed),
        "perUserFraction(testFraction=0.5", "BY_TIME", "timestamp");
    // RANDOM needs no timestamps: 2 rows, round(1.0) = 1 to test
    assertEquals(1, Splitter.perUserFraction(0.5, 0, Order.RANDOM).split(untimed).test().size());
    Interactions empty = Interactions.builder(DuplicatePolicy.KEEP_ALL).build();
    assertRejected(() -> Splitter.perUserFraction(0.5, 0, Order.RANDOM).split(empty), "0 rows");
  }
}
