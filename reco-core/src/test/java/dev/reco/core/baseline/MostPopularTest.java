package dev.reco.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MostPopularTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d");

  /**
   * An event log (duplicates kept): item d has no events.
   * <pre>
   *   u1: a@100 v2, b@200 v1, a@600 v1
   *   u2: a@300 v1, c@400 v5
   *   u3: b@500 v1, a@50 v1
   * </pre>
   */
  private static Interactions log() {
    return Interactions.builder(DuplicatePolicy.KEEP_ALL).itemIndex(ITEMS)
        .add("u1", "a", 2f, 100L).add("u1", "b", 1f, 200L).add("u2", "a", 1f, 300L)
        .add("u2", "c", 5f, 400L).add("u3", "b", 1f, 500L).add("u3", "a", 1f, 50L)
        .add("u1", "a", 1f, 600L).build();
  }

  private static float[] popularity(MostPopular m) {
    float[] p = new float[ITEMS.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = m.popularity(i);
    }
    return p;
  }

  @Test
  void countsEveryRow() {
    MostPopular m = MostPopular.fit(log());
    // a: rows at 100, 300, 50, 600 = 4; b: 200, 500 = 2; c: 400 = 1; d: none
    assertArrayEquals(new float[] {4f, 2f, 1f, 0f}, popularity(m));
    assertTrue(m.reference().isEmpty(), "no time bound");
    Recommendations r = m.recommend("nobody", 4);
    assertEquals(List.of("a", "b", "c", "d"), r.itemIds());
    assertArrayEquals(new float[] {4f, 2f, 1f, 0f}, r.scores());
    assertEquals(Source.POPULARITY, r.source());
  }

  @Test
  void sumsValuesAndBreaksTiesByIndex() {
    MostPopular m = MostPopular.fit(log(),
        MostPopularConfig.defaults().withWeighting(MostPopularConfig.Weighting.VALUE_SUM));
    // a: 2 + 1 + 1 + 1 = 5; b: 1 + 1 = 2; c: 5; d: 0 -> a and c tie at 5, a has the lower index
    assertArrayEquals(new float[] {5f, 2f, 5f, 0f}, popularity(m));
    assertEquals(List.of("a", "c", "b", "d"), m.recommend("nobody", 10).itemIds());
  }

  @Test
  void excludesTheUsersTrainingItems() {
    MostPopular m = MostPopular.fit(log());
    // u1 has seen a and b
    assertEquals(List.of("c", "d"), m.recommend("u1", 3).itemIds());
    assertEquals(List.of("a", "b"),
        m.recommend("u1", 2, RecommendOptions.builder().excludeSeen(false).build()).itemIds());
    assertEquals(List.of("b", "d"), m.recommend("u2", 3).itemIds());
  }

  @Test
  void windowEndsAtTheLatestTimestampAndIncludesBothBounds() {
    // latest timestamp 600; window 300 ms -> [300, 600]: a@300, a@600; b@500; c@400
    MostPopular m = MostPopular.fit(log(), MostPopularConfig.defaults().withWindow(Duration.ofMillis(300)));
    assertArrayEquals(new float[] {2f, 1f, 1f, 0f}, popularity(m));
    assertEquals(Instant.ofEpochMilli(600), m.reference().orElseThrow());
    // 299 ms -> [301, 600]: a@300 falls out
    MostPopular narrower = MostPopular.fit(log(), MostPopularConfig.defaults().withWindow(Duration.ofMillis(299)));
    assertArrayEquals(new float[] {1f, 1f, 1f, 0f}, popularity(narrower));
    assertEquals(List.of("a", "b", "c", "d"), narrower.recommend("nobody", 4).itemIds());
  }

  @Test
  void referenceTimeCutsLaterRows() {
    // rows at or before 450: a@100, a@300, a@50; b@200; c@400
    MostPopular asOf = MostPopular.fit(log(), MostPopularConfig.defaults().withReference(Instant.ofEpochMilli(450)));
    assertArrayEquals(new float[] {3f, 1f, 1f, 0f}, popularity(asOf));
    // [250, 450]: a@300, c@400
    MostPopular windowed = MostPopular.fit(log(), MostPopularConfig.defaults()
        .withReference(Instant.ofEpochMilli(450)).withWindow(Duration.ofMillis(200)));
    assertArrayEquals(new float[] {1f, 0f, 1f, 0f}, popularity(windowed));
    assertEquals(List.of("a", "c", "b", "d"), windowed.recommend("nobody", 4).itemIds());
    assertEquals(Instant.ofEpochMilli(450), windowed.reference().orElseThrow());
  }

  @Test
  void timeBoundsNeedTimestamps() {
    Interactions untimed = Interactions.builder(DuplicatePolicy.SUM).add("u", "a", 1f).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MostPopular.fit(
        untimed, MostPopularConfig.defaults().withWindow(Duration.ofDays(1))));
    assertTrue(e.getMessage().contains("timestamp") && e.getMessage().contains("PT24H"), e.getMessage());
    assertEquals(1f, MostPopular.fit(untimed).popularity(0));
    // empty data needs no timestamps: everything scores 0
    Interactions empty = Interactions.builder(DuplicatePolicy.SUM).itemIndex(ITEMS).build();
    MostPopular m = MostPopular.fit(empty, MostPopularConfig.defaults().withWindow(Duration.ofDays(1)));
    assertEquals(List.of("a", "b", "c", "d"), m.recommend("anyone", 5).itemIds());
    assertTrue(m.reference().isEmpty());
  }

  @Test
  void configIsValidated() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> MostPopularConfig.defaults().withWindow(Duration.ZERO));
    assertEquals("window = PT0S; expected a positive duration", zero.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MostPopularConfig.defaults().withWindow(Duration.ofMillis(-5)));
    IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
        () -> MostPopularConfig.defaults().withWindow(Duration.ofSeconds(Long.MAX_VALUE)));
    assertTrue(huge.getMessage().startsWith("window = "), huge.getMessage());
    IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
        () -> MostPopularConfig.defaults().withReference(Instant.MAX));
    assertTrue(far.getMessage().startsWith("reference = "), far.getMessage());
    assertThrows(NullPointerException.class, () -> MostPopularConfig.defaults().withWeighting(null));
    assertThrows(NullPointerException.class, () -> MostPopular.fit(null));
  }

  @Test
  void similarItemsAreNotSupported() {
    MostPopular m = MostPopular.fit(log());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> m.similarItems("a", 2));
    assertTrue(e.getMessage().contains("MostPopular"), e.getMessage());
  }
}
