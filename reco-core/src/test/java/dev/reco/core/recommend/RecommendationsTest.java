package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c");

  @Test
  void accessorsExposeRanksIdsScoresAndSource() {
    Recommendations r = Recommendations.of(ITEMS, new int[] {2, 0, 1}, new float[] {3f, 1f, 1f},
        Source.POPULARITY);
    assertEquals(3, r.size());
    assertTrue(r.isServed());
    assertTrue(r.isSingleSource());
    assertEquals("c", r.itemId(0));
    assertEquals(0, r.itemIndex(1));
    assertEquals(1f, r.score(2));
    assertEquals(Source.POPULARITY, r.source(2));
    assertEquals(List.of("c", "a", "b"), r.itemIds());
    assertEquals(new ScoredItem(0, "a", 1f, Source.POPULARITY), r.asList().get(1));
    assertTrue(r.contains(1));
    assertArrayEquals(new int[] {2, 0, 1}, r.itemIndexes());
    int[] copy = r.itemIndexes();
    copy[0] = 99;
    assertEquals(2, r.itemIndex(0), "accessors return copies");
    assertThrows(IndexOutOfBoundsException.class, () -> r.source(3));
    assertEquals(r, Recommendations.of(ITEMS, new int[] {2, 0, 1}, new float[] {3f, 1f, 1f},
        Source.POPULARITY));
    assertNotEquals(r, Recommendations.of(ITEMS, new int[] {2, 0, 1}, new float[] {3f, 1f, 1f},
        Source.RANDOM));
    assertTrue(r.toString().contains("c=3.0"), r.toString());
  }

  @Test
  void unservedIsEmptyWithSourceNone() {
    Recommendations r = Recommendations.unserved(ITEMS);
    assertTrue(r.isEmpty());
    assertFalse(r.isServed());
    assertEquals(Source.NONE, r.source());
  }

  @Test
  void ofRejectsMalformedLists() {
    assertMessage("itemIndexes[1] = 3", new int[] {0, 3}, new float[] {2f, 1f}, Source.RANDOM);
    assertMessage("scores.length = 1", new int[] {0, 1}, new float[] {2f}, Source.RANDOM);
    assertMessage("NaN", new int[] {0, 1}, new float[] {2f, Float.NaN}, Source.RANDOM);
    assertMessage("does not rank after", new int[] {0, 1}, new float[] {1f, 2f}, Source.RANDOM);
    assertMessage("does not rank after", new int[] {1, 0}, new float[] {2f, 2f}, Source.RANDOM);
    assertMessage("source = none", new int[] {1}, new float[] {2f}, Source.NONE);
    // a repeated item with a lower score is in rank order but still a duplicate
    assertMessage("appears twice", new int[] {1, 1}, new float[] {2f, 1f}, Source.RANDOM);
    assertEquals(0, Recommendations.of(ITEMS, new int[0], new float[0], Source.NONE).size());
  }

  private static void assertMessage(String expected, int[] items, float[] scores, Source source) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Recommendations.of(ITEMS, items, scores, source));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
