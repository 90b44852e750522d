package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.rowsOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.Interactions;
import dev.reco.core.split.PerUserFraction.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of every splitter, each checked against a reference model written the obvious way
 * (boxed lists, full sorts) on small random tables with many timestamp ties.
 */
class SplitterPropertiesTest {

  @Provide
  Arbitrary<Interactions> tables() {
    return Combinators.combine(
        Arbitraries.longs(),
        Arbitraries.integers().between(1, 120),
        Arbitraries.integers().between(1, 9),
        Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(0, 30))
        .as(Fixtures::random);
  }

  @Provide
  Arbitrary<Splitter> splitters() {
    Arbitrary<Double> fraction = Arbitraries.doubles().between(0.01, 0.99);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Arbitraries.oneOf(
        Combinators.combine(fraction, seed).as(Splitter::random),
        Combinators.combine(fraction, seed, Arbitraries.of(Order.class))
            .as(Splitter::perUserFraction),
        Combinators.combine(Arbitraries.integers().between(1, 6),
            Arbitraries.of(LeaveLastN.ShortHistory.class)).as(Splitter::leaveLastN),
        Arbitraries.integers().between(-2, 32)
            .map(t -> Splitter.globalTime(Instant.ofEpochMilli(1_600_000_000_000L + t))),
        fraction.map(Splitter::globalTimeFraction));
  }

  /** Train and test partition the rows: same contents, each row once, original order kept. */
  @Property(tries = 400, seed = "20261123")
  void everySplitterPartitionsTheRows(@ForAll("splitters") Splitter splitter,
      @ForAll("tables") Interactions data) {
    Split s = splitter.split(data);
    assertPartition(data, s);
    assertEquals(s, splitter.split(data), "same data and configuration -> same split");
  }

  /** The report agrees with counts made by a set-based reference. */
  @Property(tries = 300, seed = "7001")
  void reportMatchesAReferenceCount(@ForAll("splitters") Splitter splitter,
      @ForAll("tables") Interactions data) {
    Split s = splitter.split(data);
    Set<Integer> trainUsers = new HashSet<>();
    Set<Integer> trainItems = new HashSet<>();
    Set<Integer> testUsers = new HashSet<>();
    Set<Integer> testItems = new HashSet<>();
    for (int r = 0; r < s.train().size(); r++) {
      trainUsers.add(s.train().user(r));
      trainItems.add(s.train().item(r));
    }
    int userRows = 0;
    int itemRows = 0;
    for (int r = 0; r < s.test().size(); r++) {
      testUsers.add(s.test().user(r));
      testItems.add(s.test().item(r));
      userRows += trainUsers.contains(s.test().user(r)) ? 0 : 1;
      itemRows += trainItems.contains(s.test().item(r)) ? 0 : 1;
    }
    Set<Integer> onlyUsers = new HashSet<>(testUsers);
    onlyUsers.removeAll(trainUsers);
    Set<Integer> onlyItems = new HashSet<>(testItems);
    onlyItems.removeAll(trainItems);
    assertEquals(new SplitReport(s.report().description(), s.train().size(), s.test().size(),
        trainUsers.size(), trainItems.size(), testUsers.size(), testItems.size(), onlyUsers.size(),
        onlyItems.size(), userRows, itemRows), s.report());
    assertEquals(onlyUsers.size(), s.testOnlyUsers().length);
    assertEquals(testUsers.size(), s.testUsers().length);
    assertEquals(onlyItems.size(), s.testOnlyItems().length);
  }

  /** Per-user temporal splitters: within each user, every test timestamp >= every train one. */
  @Property(tries = 300, seed = "31337")
  void perUserTemporalSplittersHoldOutEachUsersLatestRows(@ForAll("tables") Interactions data,
      @ForAll @IntRange(min = 1, max = 6) int n, @ForAll("fractions") double fraction) {
    for (Splitter splitter : List.of(Splitter.leaveLastN(n),
        Splitter.leaveLastN(n, LeaveLastN.ShortHistory.KEEP_EARLIEST),
        Splitter.perUserFraction(fraction, 0, Order.BY_TIME))) {
      Split s = splitter.split(data);
      long[] maxTrain = new long[data.numUsers()];
      Arrays.fill(maxTrain, Long.MIN_VALUE);
      for (int r = 0; r < s.train().size(); r++) {
        maxTrain[s.train().user(r)] = Math.max(maxTrain[s.train().user(r)], s.train().timestamp(r));
      }
      for (int r = 0; r < s.test().size(); r++) {
        assertTrue(s.test().timestamp(r) >= maxTrain[s.test().user(r)], splitter.toString());
      }
    }
  }

  /** leaveLastN and perUserFraction(BY_TIME) pick exactly the rows a sort-everything reference picks. */
  @Property(tries = 300, seed = "4242")
  void perUserSplittersAgreeWithAReference(@ForAll("tables") Interactions data,
      @ForAll @IntRange(min = 1, max = 6) int n, @ForAll("fractions") double fraction,
      @ForAll long seed) {
    int[] counts = data.userCounts();
    // leaveLastN, TRAIN: n latest if d > n, else none
    assertArrayEquals(referenceLatest(data, d -> d > n ? n : 0),
        rowsOf(Splitter.leaveLastN(n).split(data).test()));
    // leaveLastN, KEEP_EARLIEST: n latest if d > n, else d - 1
    assertArrayEquals(referenceLatest(data, d -> d > n ? n : d - 1),
        rowsOf(Splitter.leaveLastN(n, LeaveLastN.ShortHistory.KEEP_EARLIEST).split(data).test()));
    // perUserFraction: min(round(d * f), d - 1) latest
    java.util.function.IntUnaryOperator rule = d -> (int) Math.min(Math.round(d * fraction), d - 1);
    assertArrayEquals(referenceLatest(data, rule),
        rowsOf(Splitter.perUserFraction(fraction, seed, Order.BY_TIME).split(data).test()));
    // RANDOM takes the same number of rows per user
    int[] randomCounts = Splitter.perUserFraction(fraction, seed, Order.RANDOM).split(data)
        .test().userCounts();
    for (int u = 0; u < counts.length; u++) {
      assertEquals(counts[u] == 0 ? 0 : rule.applyAsInt(counts[u]), randomCounts[u]);
    }
  }

  /** Global time splitters agree with a filter / sorted-quantile reference. */
  @Property(tries = 300, seed = "99")
  void globalTimeSplittersAgreeWithAReference(@ForAll("tables") Interactions data,
      @ForAll @IntRange(min = -2, max = 32) int offset, @ForAll("fractions") double fraction) {
    long cutoff = 1_600_000_000_000L + offset;
    List<Integer> expected = new ArrayList<>();
    for (int r = 0; r < data.size(); r++) {
      if (data.timestamp(r) >= cutoff) {
        expected.add(r);
      }
    }
    assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
        rowsOf(Splitter.globalTime(Instant.ofEpochMilli(cutoff)).split(data).test()));

    int n = data.size();
    long m = Math.min(Math.round(n * fraction), n - 1L);
    List<Long> times = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      times.add(data.timestamp(r));
    }
    times.sort(Comparator.naturalOrder());
    Split s = Splitter.globalTimeFraction(fraction).split(data);
    if (m == 0) {
      assertEquals(0, s.test().size());
    } else {
      long quantile = times.get((int) (n - m));
      assertEquals(times.stream().filter(t -> t >= quantile).count(), s.test().size());
      assertTrue(s.test().size() >= m);
      for (int r = 0; r < s.train().size(); r++) {
        assertTrue(s.train().timestamp(r) < quantile);
      }
    }
  }

  /** k-fold: each row in exactly one test fold, fold sizes differ by at most one. */
  @Property(tries = 200, seed = "123")
  void kFoldCoversEveryRowOnce(@ForAll("tables") Interactions data,
      @ForAll @IntRange(min = 2, max = 12) int k, @ForAll long seed) {
    if (k > data.size()) {
      return;
    }
    List<Split> folds = KFold.of(k, seed).folds(data);
    int[] seen = new int[data.size()];
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Split s : folds) {
      assertPartition(data, s);
      for (int r : rowsOf(s.test())) {
        seen[r]++;
      }
      min = Math.min(min, s.test().size());
      max = Math.max(max, s.test().size());
    }
    for (int c : seen) {
      assertEquals(1, c);
    }
    assertTrue(max - min <= 1, "sizes " + min + ".." + max);
    assertEquals(data.size() / k, min);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0.01, 0.99);
  }

  /**
   * Reference: per user, rows sorted by (timestamp, row) with a boxed comparator; the last
   * {@code count(d)} go to test. Returns the test rows ascending.
   */
  private static int[] referenceLatest(Interactions data,
      java.util.function.IntUnaryOperator count) {
    List<List<Integer>> byUser = new ArrayList<>();
    for (int u = 0; u < data.numUsers(); u++) {
      byUser.add(new ArrayList<>());
    }
    for (int r = 0; r < data.size(); r++) {
      byUser.get(data.user(r)).add(r);
    }
    List<Integer> test = new ArrayList<>();
    for (List<Integer> rows : byUser) {
      rows.sort(Comparator.<Integer>comparingLong(data::timestamp).thenComparing(r -> r));
      int m = rows.isEmpty() ? 0 : Math.max(0, count.applyAsInt(rows.size()));
      test.addAll(rows.subList(rows.size() - m, rows.size()));
    }
    return test.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * Asserts that train and test are a partition of {@code data}'s rows, each side in ascending
   * original row order, with every row's contents (user, item, value, timestamp) intact and the
   * indexes shared. Values are row indexes, so equal multisets of contents means equal rows.
   */
  static void assertPartition(Interactions data, Split s) {
    assertSame(data.users(), s.train().users());
    assertSame(data.items(), s.test().items());
    int[] seen = new int[data.size()];
    for (Interactions side : List.of(s.train(), s.test())) {
      int previous = -1;
      for (int k = 0; k < side.size(); k++) {
        int r = (int) side.value(k);
        assertTrue(r > previous, "ascending row order");
        previous = r;
        seen[r]++;
        assertEquals(data.user(r), side.user(k));
        assertEquals(data.item(r), side.item(k));
        assertEquals(data.timestamp(r), side.timestamp(k));
      }
    }
    for (int c : seen) {
      assertEquals(1, c, "each row in exactly one side");
    }
    assertEquals(data.size(), s.report().trainRows() + s.report().testRows());
  }
}
