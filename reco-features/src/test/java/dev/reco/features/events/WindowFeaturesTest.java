package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowFeaturesTest {
  private static final long DAY = 86_400_000L;

  /**
   * Customer c: views on days 1 (cat a), 8 (cat b) and 9 (no category); purchases of 10 (a) on
   * day 2, 30 (b) on day 8.5 and 20 on day 10 (at the as-of time, so never counted).
   */
  private static EventLog log() {
    return EventLog.builder()
        .add("c", 1 * DAY, "view", Double.NaN, "a")
        .add("c", 2 * DAY, "purchase", 10, "a")
        .add("c", 8 * DAY, "view", Double.NaN, "b")
        .add("c", 8 * DAY + DAY / 2, "purchase", 30, "b")
        .add("c", 9 * DAY, "view", Double.NaN, null)
        .add("c", 10 * DAY, "purchase", 20, "a")
        .add("d", 3 * DAY, "view", Double.NaN, "a")
        .build();
  }

  private static final WindowFeatures SPEC = WindowFeatures.builder()
      .windows(Duration.ofDays(2), Duration.ofDays(8))
      .eventTypes("purchase")
      .trend(Duration.ofDays(2), Duration.ofDays(8))
      .rfm("purchase", Duration.ofDays(8))
      .shareCategories(List.of("a", "b"))
      .build();

  @Test
  void handComputedRowAsOfDayTen() {
    Table t = SPEC.compute(log(), List.of("c"), new long[] {10 * DAY});
    // 2d window = [day 8, day 10): view d8 (b), purchase d8.5 (b), view d9 -> 3 events
    assertEquals(3.0, t.doubleColumn("count_2d").get(0));
    assertEquals(1.5, t.doubleColumn("frequency_2d").get(0)); // 3 / 2 days
    assertEquals(1.0, t.doubleColumn("distinct_categories_2d").get(0)); // {b}
    // 8d window = [day 2, day 10): purchase d2 (a), view d8, purchase d8.5, view d9 -> 4
    assertEquals(4.0, t.doubleColumn("count_8d").get(0));
    assertEquals(0.5, t.doubleColumn("frequency_8d").get(0)); // 4 / 8 days
    assertEquals(2.0, t.doubleColumn("distinct_categories_8d").get(0)); // {a, b}
    assertEquals(1.0, t.doubleColumn("purchase_count_2d").get(0));
    assertEquals(30.0, t.doubleColumn("purchase_sum_2d").get(0));
    assertEquals(2.0, t.doubleColumn("purchase_count_8d").get(0)); // d2 is inside: >= 10 - 8
    assertEquals(40.0, t.doubleColumn("purchase_sum_8d").get(0));
    assertEquals(20.0, t.doubleColumn("purchase_mean_8d").get(0)); // (10 + 30) / 2
    assertEquals(10.0, t.doubleColumn("purchase_min_8d").get(0));
    assertEquals(30.0, t.doubleColumn("purchase_max_8d").get(0));
    assertEquals(1.0, t.doubleColumn("days_since_last").get(0)); // last: view day 9
    assertEquals(1.5, t.doubleColumn("purchase_days_since_last").get(0)); // 10 - 8.5
    // trend = (3 / 2) / (4 / 8) = 1.5 / 0.5 = 3; per purchase (1 / 2) / (2 / 8) = 2
    assertEquals(3.0, t.doubleColumn("trend_2d_8d").get(0));
    assertEquals(2.0, t.doubleColumn("purchase_trend_2d_8d").get(0));
    assertEquals(1.5, t.doubleColumn("rfm_recency_days").get(0));
    assertEquals(2.0, t.doubleColumn("rfm_frequency").get(0));
    assertEquals(40.0, t.doubleColumn("rfm_monetary").get(0));
    // shares over 2d: a 0/3, b 2/3; over 8d: a 1/4, b 2/4
    assertEquals(0.0, t.doubleColumn("share_a_2d").get(0));
    assertEquals(2.0 / 3, t.doubleColumn("share_b_2d").get(0), 1e-15);
    assertEquals(0.25, t.doubleColumn("share_a_8d").get(0));
    assertEquals(0.5, t.doubleColumn("share_b_8d").get(0));
  }

  @Test
  void emptyHistoryGivesZeroCountsAndNaN() {
    // d has one view on day 3; as of day 3 it is not yet visible (strictly before asOf)
    Table t = SPEC.compute(log(), List.of("d", "nobody"), new long[] {3 * DAY, 50 * DAY});
    for (int r = 0; r < 2; r++) {
      assertEquals(0.0, t.doubleColumn("count_8d").get(r));
      assertEquals(0.0, t.doubleColumn("purchase_sum_8d").get(r));
      assertTrue(Double.isNaN(t.doubleColumn("purchase_mean_8d").get(r)));
      assertTrue(Double.isNaN(t.doubleColumn("purchase_min_8d").get(r)));
      assertTrue(Double.isNaN(t.doubleColumn("days_since_last").get(r)));
      assertTrue(Double.isNaN(t.doubleColumn("trend_2d_8d").get(r)));
      assertTrue(Double.isNaN(t.doubleColumn("rfm_recency_days").get(r)));
      assertTrue(Double.isNaN(t.doubleColumn("share_a_8d").get(r)));
    }
    assertEquals("nobody", t.categoricalColumn("entity").category(1));
  }

  @Test
  void rowsComeBackInRequestOrder() {
    Table t = SPEC.compute(log(), List.of("c", "d", "c"),
        new long[] {10 * DAY, 4 * DAY, 2 * DAY + 1});
    assertEquals(4.0, t.doubleColumn("count_8d").get(0));
    assertEquals(1.0, t.doubleColumn("count_8d").get(1));
    assertEquals(2.0, t.doubleColumn("count_8d").get(2)); // day 1 and day 2 events
    assertEquals(2 * DAY + 1, t.longColumn("as_of").get(2));
  }

  @Test
  void noRequestsGiveAnEmptyTableWithEveryColumn() {
    Table t = SPEC.compute(log(), List.of(), new long[0], 2);
    assertEquals(0, t.rows());
    assertEquals(SPEC.columnNames(), t.schema().names());
  }

  @Test
  void labelsNameTheWindowUnit() {
    assertEquals("30d", WindowFeatures.label(Duration.ofDays(30)));
    assertEquals("36h", WindowFeatures.label(Duration.ofHours(36)));
    assertEquals("90m", WindowFeatures.label(Duration.ofMinutes(90)));
    assertEquals("61s", WindowFeatures.label(Duration.ofSeconds(61)));
    assertEquals("1500ms", WindowFeatures.label(Duration.ofMillis(1500)));
  }

  @Test
  void columnNamesAreDeterministic() {
    WindowFeatures spec = WindowFeatures.builder().windows(Duration.ofDays(7))
        .eventTypes("buy").aggregations(WindowFeatures.Aggregation.COUNT,
            WindowFeatures.Aggregation.SUM).build();
    assertEquals(List.of("entity", "as_of", "count_7d", "frequency_7d",
        "distinct_categories_7d", "buy_count_7d", "buy_sum_7d", "days_since_last",
        "buy_days_since_last"), spec.columnNames());
  }

  @Test
  void invalidSpecsNameTheValue() {
    assertMessage(() -> WindowFeatures.builder().windows().build(), "windows = []");
    assertMessage(() -> WindowFeatures.builder().windows(Duration.ZERO).build(),
        "window = PT0S");
    assertMessage(() -> WindowFeatures.builder()
        .windows(Duration.ofDays(1), Duration.ofHours(24)).build(), "expected distinct windows");
    assertMessage(() -> WindowFeatures.builder().eventTypes("a", "a").build(),
        "eventTypes = [a, a]");
    assertMessage(() -> WindowFeatures.builder()
        .trend(Duration.ofDays(30), Duration.ofDays(7)).build(), "trendShort = PT720H");
    assertMessage(() -> WindowFeatures.builder().rfm("buy", null).build(),
        "rfmWindow = null");
    assertMessage(() -> SPEC.compute(log(), List.of("c"), new long[2]), "asOf.length = 2");
    assertMessage(() -> SPEC.compute(log(), List.of("c"), new long[1], 0), "threads = 0");
  }

  private static void assertMessage(Runnable r, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
