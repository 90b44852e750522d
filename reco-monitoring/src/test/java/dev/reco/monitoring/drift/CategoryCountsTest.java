package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryCountsTest {

  @Test
  void countsLabelsSortedWithMissingApart() {
    CategoryCounts c = CategoryCounts.of(new String[] {"b", null, "a", "b", "c", null, "b"});
    assertEquals(List.of("a", "b", "c"), c.categories());
    assertArrayEquals(new long[] {1, 3, 1}, c.counts());
    assertEquals(2, c.missing());
    assertEquals(5, c.total());
    assertEquals(3, c.count("b"));
    assertEquals(0, c.count("zz"));
    assertEquals(c, CategoryCounts.ofCounts(new String[] {"c", "a", "b"}, new long[] {1, 1, 3}, 2));
  }

  @Test
  void integerClassesBecomeDecimalNames() {
    CategoryCounts c = CategoryCounts.ofClasses(new int[] {10, 2, 2, -1, 10, 10});
    assertEquals(List.of("-1", "10", "2"), c.categories()); // String order
    assertArrayEquals(new long[] {1, 3, 2}, c.counts());
    assertEquals(0, c.missing());
  }

  @Test
  void ofCountsValidates() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CategoryCounts.ofCounts(new String[] {"a", "a"}, new long[] {1, 2}, 0));
    assertTrue(e.getMessage().contains("category 'a' repeats"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CategoryCounts.ofCounts(new String[] {"a"}, new long[] {-1}, 0));
    assertTrue(e.getMessage().contains("counts[0] = -1 for category 'a'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CategoryCounts.ofCounts(new String[] {"a"}, new long[] {1, 2}, 0));
    assertTrue(e.getMessage().contains("categories.length = 1 with counts.length = 2"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CategoryCounts.ofCounts(new String[] {"a"}, new long[] {1}, -3));
    assertTrue(e.getMessage().contains("missing = -3"), e.getMessage());
    assertThrows(NullPointerException.class,
        () -> CategoryCounts.ofCounts(new String[] {null}, new long[] {1}, 0));
  }

  @Test
  void driftResultValidates() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DriftResult("t", 0, 1.5, "e", 0, 0.05, 0.1, Verdict.NO_DRIFT, 1, 1, 0, 0,
            List.of()));
    assertTrue(e.getMessage().contains("pValue = 1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DriftResult("t", 0, 0.5, "e", 0, 0.05, 0.1, Verdict.NO_DRIFT, 1, -1, 0, 0,
            List.of()));
    assertTrue(e.getMessage().contains("currentCount = -1"), e.getMessage());
  }

  @Test
  void verdictRuleNeedsSignificanceAndEffect() {
    assertEquals(Verdict.DRIFT, Verdict.decide(0.01, 0.05, 0.2, 0.1));
    assertEquals(Verdict.DRIFT, Verdict.decide(0.05, 0.05, 0.1, 0.1)); // both bounds inclusive
    assertEquals(Verdict.NO_DRIFT, Verdict.decide(0.06, 0.05, 0.9, 0.1));
    assertEquals(Verdict.NO_DRIFT, Verdict.decide(1e-30, 0.05, 0.09, 0.1));
    assertEquals(Verdict.DRIFT, Verdict.decide(Double.NaN, 0.05, 0.2, 0.1)); // no p-value
    assertEquals(Verdict.NOT_TESTED, Verdict.decide(0.01, 0.05, Double.NaN, 0.1));
  }
}
