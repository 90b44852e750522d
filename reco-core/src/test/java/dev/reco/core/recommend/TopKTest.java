package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TopKTest {

  @Test
  void keepsTheBestAndBreaksTiesByLowerIndex() {
    TopK top = new TopK(3);
    top.offer(0, 1f);
    top.offer(4, 3f);
    top.offer(2, 3f);
    top.offer(3, 2f);
    assertFalse(top.offer(5, Float.NaN), "NaN is ignored");
    top.offer(1, 2f); // ties item 3 at 2.0 and wins by lower index
    int[] items = new int[3];
    float[] scores = new float[3];
    assertEquals(3, top.drainTo(items, scores));
    assertArrayEquals(new int[] {2, 4, 1}, items);
    assertArrayEquals(new float[] {3f, 3f, 2f}, scores);
    assertEquals(0, top.size(), "drain clears");
  }

  @Test
  void thresholdIsTheWorstKeptScoreOnceFull() {
    TopK top = new TopK(2);
    assertEquals(Float.NEGATIVE_INFINITY, top.threshold());
    top.offer(7, 5f);
    assertEquals(Float.NEGATIVE_INFINITY, top.threshold());
    top.offer(8, 1f);
    assertTrue(top.isFull());
    assertEquals(1f, top.threshold());
    assertFalse(top.offer(9, 0.5f));
    assertFalse(top.offer(9, 1f), "equal score, higher index: not kept");
    assertTrue(top.offer(6, 1f), "equal score, lower index: kept");
    top.clear();
    assertEquals(0, top.size());
  }

  @Test
  void negativeZeroTiesWithZero() {
    TopK top = new TopK(2);
    top.offer(5, 0.0f);
    top.offer(3, -0.0f);
    int[] items = new int[2];
    float[] scores = new float[2];
    top.drainTo(items, scores);
    assertArrayEquals(new int[] {3, 5}, items);
  }

  @Test
  void rejectsKBelowOneAndShortOutputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopK(0));
    assertEquals("k = 0; expected k >= 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TopK.checkK(-5));
    assertEquals(4, TopK.checkK(4));
    TopK top = new TopK(3);
    top.offer(1, 1f);
    top.offer(2, 2f);
    IllegalArgumentException shortOut = assertThrows(IllegalArgumentException.class,
        () -> top.drainTo(new int[1], new float[2]));
    assertTrue(shortOut.getMessage().contains("at least 2"), shortOut.getMessage());
  }

  @Test
  void rankDescendingOrdersTheWholeCatalog() {
    float[] scores = {2f, Float.NaN, 5f, 2f, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.POSITIVE_INFINITY};
    assertArrayEquals(new int[] {7, 2, 0, 3, 5, 6, 4, 1}, TopK.rankDescending(scores));
    assertArrayEquals(new int[0], TopK.rankDescending(new float[0]));
  }

  /** Reference: sort every (item, score) pair by score descending, then item ascending. */
  private static List<int[]> referenceOrder(float[] scores) {
    List<int[]> all = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (!Float.isNaN(scores[i])) {
        all.add(new int[] {i});
      }
    }
    all.sort(Comparator.<int[]>comparingDouble(a -> -(scores[a[0]] + 0.0f)).thenComparingInt(a -> a[0]));
    return all;
  }

  @Property(tries = 300, seed = "7301")
  void agreesWithSortingWhateverTheOfferOrder(@ForAll @IntRange(max = 60) int n,
      @ForAll @IntRange(min = 1, max = 70) int k, @ForAll long seed) {
    Random random = new Random(seed);
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      // few distinct values, so ties are common; some NaN
      int v = random.nextInt(8);
      scores[i] = v == 7 ? Float.NaN : v - 3;
    }
    int[] offerOrder = new int[n];
    for (int i = 0; i < n; i++) {
      offerOrder[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = offerOrder[i];
      offerOrder[i] = offerOrder[j];
      offerOrder[j] = t;
    }
    TopK top = new TopK(k);
    for (int i : offerOrder) {
      top.offer(i, scores[i]);
    }
    int[] items = new int[k];
    float[] got = new float[k];
    int m = top.drainTo(items, got);
    List<int[]> expected = referenceOrder(scores);
    assertEquals(Math.min(k, expected.size()), m);
    for (int r = 0; r < m; r++) {
      assertEquals(expected.get(r)[0], items[r], "rank " + r);
      assertEquals(scores[items[r]], got[r]);
    }
    int[] ranking = TopK.rankDescending(scores);
    for (int r = 0; r < expected.size(); r++) {
      assertEquals(expected.get(r)[0], ranking[r], "full ranking at " + r);
    }
  }
}
