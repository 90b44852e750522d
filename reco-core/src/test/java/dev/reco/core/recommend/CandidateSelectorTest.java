package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CandidateSelectorTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d", "e", "f");
  private static final Source TEST = new Source("test");

  /** Users 0 and 1; user 0 has seen b and d. */
  private static CsrMatrix seen() {
    return CsrMatrix.fromCoordinates(2, 6, new int[] {0, 0}, new int[] {3, 1}, null, 2);
  }

  private static int[] indexes(Recommendations r) {
    return r.itemIndexes();
  }

  @Test
  void appliesListsSeenItemsAndPredicate() {
    RecommendOptions options = RecommendOptions.builder()
        .deny(List.of("e", "zzz")).recentItems(List.of("f", "unknown")).filter(i -> i != 2).build();
    CandidateSelector s = CandidateSelector.forUser(ITEMS, 10, options, seen(), 0);
    assertTrue(s.isEligible(0));
    assertFalse(s.isEligible(1), "seen in training");
    assertFalse(s.isEligible(2), "predicate");
    assertFalse(s.isEligible(3), "seen in training");
    assertFalse(s.isEligible(4), "denied");
    assertFalse(s.isEligible(5), "recent");
    assertTrue(s.isSeen(5));
    assertArrayEquals(new int[] {5}, s.recentItems());
    float[] scores = {1f, 9f, 8f, 7f, 6f, 5f};
    assertArrayEquals(new int[] {0}, indexes(s.selectByScore(scores, TEST)));
  }

  @Test
  void seenItemsComeBackWithoutExcludeSeen() {
    RecommendOptions keep = RecommendOptions.builder().excludeSeen(false).recentItems(List.of("f")).build();
    float[] scores = {1f, 9f, 8f, 7f, 6f, 5f};
    Recommendations r = CandidateSelector.forUser(ITEMS, 4, keep, seen(), 0).selectByScore(scores, TEST);
    assertArrayEquals(new int[] {1, 2, 3, 4}, indexes(r));
    assertEquals(TEST, r.source());
    // user 1 has seen nothing; an unknown user neither
    assertArrayEquals(new int[] {1, 2}, indexes(
        CandidateSelector.forUser(ITEMS, 2, RecommendOptions.defaults(), seen(), 1).selectByScore(scores, TEST)));
    assertArrayEquals(new int[] {1, 2}, indexes(CandidateSelector.forUser(ITEMS, 2,
        RecommendOptions.defaults(), seen(), IdIndex.UNKNOWN).selectByScore(scores, TEST)));
    assertArrayEquals(new int[] {1, 2}, indexes(CandidateSelector.forUser(ITEMS, 2,
        RecommendOptions.defaults(), null, 0).selectByScore(scores, TEST)));
  }

  @Test
  void allowListAndCategoryCap() {
    ItemCategories cats = ItemCategories.builder(ITEMS).put("a", "x").put("b", "x").put("c", "x")
        .put("d", "y").build(); // e, f uncategorised
    float[] scores = {9f, 8f, 7f, 6f, 5f, 4f};
    RecommendOptions capped = RecommendOptions.builder().maxPerCategory(cats, 1).build();
    // walk: a (x: 1), b (x full, skip), c (skip), d (y: 1), e (none), f (none)
    assertArrayEquals(new int[] {0, 3, 4, 5}, indexes(
        CandidateSelector.forUser(ITEMS, 10, capped, null, 0).selectByScore(scores, TEST)));
    // k = 2 needs a deeper heap than 2 to find d past the capped b and c
    assertArrayEquals(new int[] {0, 3}, indexes(
        CandidateSelector.forUser(ITEMS, 2, capped, null, 0).selectByScore(scores, TEST)));
    RecommendOptions allowed = RecommendOptions.builder().allow(List.of("f", "b", "b", "nope")).build();
    assertArrayEquals(new int[] {1, 5}, indexes(
        CandidateSelector.forUser(ITEMS, 10, allowed, null, 0).selectByScore(scores, TEST)));
  }

  @Test
  void similarItemsSelectorExcludesTheQueryItem() {
    float[] scores = {9f, 8f, 7f, 6f, 5f, 4f};
    CandidateSelector s = CandidateSelector.forItem(ITEMS, 2, RecommendOptions.defaults(), 0);
    assertFalse(s.isEligible(0));
    assertArrayEquals(new int[] {1, 2}, indexes(s.selectByScore(scores, TEST)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandidateSelector.forItem(ITEMS, 2, RecommendOptions.defaults(), 6));
    assertTrue(e.getMessage().contains("queryItem = 6"), e.getMessage());
  }

  @Test
  void offersMustComeInRankOrder() {
    CandidateSelector s = CandidateSelector.forUser(ITEMS, 3, RecommendOptions.defaults(), null, 0);
    assertTrue(s.offer(2, 5f));
    assertTrue(s.offer(0, 4f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.offer(1, 4.5f));
    assertTrue(e.getMessage().contains("item 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.offer(0, 4f), "same candidate twice");
    assertThrows(IllegalArgumentException.class, () -> s.offer(5, Float.NaN));
    assertTrue(s.offer(3, 4f), "equal score, higher index is in order");
    assertTrue(s.isFull());
    assertFalse(s.offer(4, 1f), "full");
    Recommendations r = s.result(TEST);
    assertArrayEquals(new int[] {2, 0, 3}, indexes(r));
    assertThrows(IllegalStateException.class, () -> s.result(TEST));
    assertThrows(IllegalStateException.class, () -> s.offer(5, 0f));
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
        () -> CandidateSelector.forUser(ITEMS, 0, RecommendOptions.defaults(), null, 0));
    assertEquals("k = 0; expected k >= 1", k.getMessage());
    CsrMatrix wrong = CsrMatrix.fromCoordinates(1, 5, new int[0], new int[0], null, 0);
    IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
        () -> CandidateSelector.forUser(ITEMS, 3, RecommendOptions.defaults(), wrong, 0));
    assertTrue(cols.getMessage().contains("5 columns"), cols.getMessage());
    CandidateSelector s = CandidateSelector.forUser(ITEMS, 3, RecommendOptions.defaults(), null, 0);
    assertThrows(IllegalArgumentException.class, () -> s.selectByScore(new float[5], TEST));
    assertThrows(IllegalArgumentException.class,
        () -> s.selectFromRanking(new int[] {0, 1}, new float[] {1f}, TEST));
    CandidateSelector t = CandidateSelector.forUser(ITEMS, 3, RecommendOptions.defaults(), null, 0);
    t.offer(0, 1f);
    assertThrows(IllegalArgumentException.class, () -> t.result(Source.NONE));
    assertEquals(0, CandidateSelector.forUser(ITEMS, 3, RecommendOptions.defaults(), null, 0)
        .result(Source.NONE).size());
  }

  @Test
  void rankingWalkStopsAtK() {
    int[] ranking = {4, 1, 0, 2, 3, 5};
    float[] rankScores = {5f, 4f, 3f, 3f, 1f, 0f};
    RecommendOptions options = RecommendOptions.builder().deny(List.of("b")).build();
    Recommendations r = CandidateSelector.forUser(ITEMS, 3, options, null, 0)
        .selectFromRanking(ranking, rankScores, TEST);
    assertArrayEquals(new int[] {4, 0, 2}, indexes(r));
    assertArrayEquals(new float[] {5f, 3f, 3f}, r.scores());
  }

  // ---------------------------------------------------------------------------------------------
  // reference model

  /** One random request: scores, seen items and options over n items in a few categories. */
  private static final class Case {
    final int n;
    final IdIndex items;
    final float[] scores;
    final CsrMatrix seen;
    final ItemCategories categories;
    final RecommendOptions options;
    final Set<Integer> allow; // null: all
    final Set<Integer> deny = new HashSet<>();
    final Set<Integer> seenSet = new HashSet<>();
    final IntPredicate predicate;
    final boolean excludeSeen;
    final int cap; // 0: none

    Case(int n, long seed) {
      Random random = new Random(seed);
      this.n = n;
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids.add("i" + i);
      }
      items = IdIndex.of(ids);
      scores = new float[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(6) == 0 ? Float.NaN : random.nextInt(5);
      }
      int[] cats = new int[n];
      for (int i = 0; i < n; i++) {
        cats[i] = random.nextInt(4) - 1; // -1 = none
      }
      categories = ItemCategories.of(items, IdIndex.of("x", "y", "z"), cats);
      List<Integer> seenRows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (random.nextInt(4) == 0) {
          seenRows.add(i);
          seenSet.add(i);
        }
      }
      int[] rows = new int[seenRows.size()];
      int[] cols = seenRows.stream().mapToInt(Integer::intValue).toArray();
      seen = CsrMatrix.fromCoordinates(1, n, rows, cols, null, rows.length);
      RecommendOptions.Builder b = RecommendOptions.builder();
      excludeSeen = random.nextBoolean();
      b.excludeSeen(excludeSeen);
      List<String> recent = new ArrayList<>();
      for (int j = random.nextInt(3); j > 0 && n > 0; j--) {
        int i = random.nextInt(n);
        recent.add("i" + i);
        seenSet.add(i);
      }
      recent.add("unknown");
      b.recentItems(recent);
      if (random.nextBoolean()) {
        allow = new HashSet<>();
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (random.nextInt(3) != 0) {
            allow.add(i);
            list.add("i" + i);
          }
        }
        b.allow(list);
      } else {
        allow = null;
      }
      List<String> denyList = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (random.nextInt(5) == 0) {
          deny.add(i);
          denyList.add("i" + i);
        }
      }
      b.deny(denyList);
      int mod = 2 + random.nextInt(3);
      if (random.nextBoolean()) {
        predicate = i -> i % mod != 0;
        b.filter(predicate);
      } else {
        predicate = i -> true;
      }
      cap = random.nextBoolean() ? 1 + random.nextInt(2) : 0;
      if (cap > 0) {
        b.maxPerCategory(categories, cap);
      }
      options = b.build();
    }

    boolean eligible(int i) {
      return !Float.isNaN(scores[i]) && (allow == null || allow.contains(i)) && !deny.contains(i)
          && !(excludeSeen && seenSet.contains(i)) && predicate.test(i);
    }

    List<Integer> expected(int k) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (eligible(i)) {
          order.add(i);
        }
      }
      order.sort((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : a - b);
      List<Integer> out = new ArrayList<>();
      int[] counts = new int[3];
      for (int i : order) {
        if (out.size() == k) {
          break;
        }
        int c = categories.categoryOf(i);
        if (cap > 0 && c >= 0 && counts[c]++ >= cap) {
          continue;
        }
        out.add(i);
      }
      return out;
    }
  }

  private static List<Integer> list(Recommendations r) {
    List<Integer> out = new ArrayList<>();
    for (int rank = 0; rank < r.size(); rank++) {
      out.add(r.itemIndex(rank));
    }
    return out;
  }

  @Property(tries = 400, seed = "90125")
  void everySelectionPathAgreesWithAReferenceFilterAndSort(@ForAll @IntRange(max = 40) int n,
      @ForAll @IntRange(min = 1, max = 45) int k, @ForAll long seed) {
    Case c = new Case(n, seed);
    List<Integer> expected = c.expected(k);
    Recommendations byArray = CandidateSelector.forUser(c.items, k, c.options, c.seen, 0)
        .selectByScore(c.scores, TEST);
    assertEquals(expected, list(byArray), "selectByScore(float[])");
    Recommendations byFunction = CandidateSelector.forUser(c.items, k, c.options, c.seen, 0)
        .selectByScore(i -> c.scores[i], TEST);
    assertEquals(byArray, byFunction, "selectByScore(function)");
    // NaN-scored items are not candidates of a ranking either
    int[] ranking = TopK.rankDescending(c.scores);
    int valid = 0;
    while (valid < ranking.length && !Float.isNaN(c.scores[ranking[valid]])) {
      valid++;
    }
    int[] head = java.util.Arrays.copyOf(ranking, valid);
    float[] headScores = new float[valid];
    for (int r = 0; r < valid; r++) {
      headScores[r] = c.scores[head[r]];
    }
    Recommendations walked = CandidateSelector.forUser(c.items, k, c.options, c.seen, 0)
        .selectFromRanking(head, headScores, TEST);
    assertEquals(byArray, walked, "selectFromRanking");
    for (int r = 0; r < byArray.size(); r++) {
      assertEquals(c.scores[byArray.itemIndex(r)], byArray.score(r));
    }
  }
}
