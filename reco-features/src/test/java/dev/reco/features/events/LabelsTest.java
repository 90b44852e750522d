package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private static final long DAY = 86_400_000L;

  private static EventLog log() {
    return EventLog.builder()
        .add("a", 9 * DAY, "purchase", 5, "old") // before the cutoff: never a label
        .add("a", 10 * DAY, "view", 1, "seen") // at the cutoff: inside
        .add("a", 12 * DAY, "purchase", 7, null)
        .add("a", 13 * DAY, "purchase", 9, "shoes")
        .add("a", 13 * DAY, "purchase", 9, "hats") // same time, added later
        .add("b", 17 * DAY, "purchase", 1, "hats") // at cutoff + 7d: outside
        .build();
  }

  @Test
  void didWithinUsesTheHalfOpenHorizon() {
    BooleanColumn did = Labels.didWithin(log(), List.of("a", "b", "zz"), 10 * DAY, "purchase",
        Duration.ofDays(7));
    assertEquals("did_purchase_within_7d", did.name());
    assertTrue(did.get(0)); // day 12 in [10, 17)
    assertFalse(did.get(1)); // day 17 not < 17
    assertFalse(did.get(2)); // unknown entity
    BooleanColumn shortH = Labels.didWithin(log(), List.of("a"), 10 * DAY, "purchase",
        Duration.ofDays(2));
    assertFalse(shortH.get(0)); // [10, 12) holds only the view
    BooleanColumn ghost = Labels.didWithin(log(), List.of("a"), 0, "refund", Duration.ofDays(99));
    assertFalse(ghost.get(0));
    BooleanColumn perRow = Labels.didWithin(log(), List.of("a", "a"),
        new long[] {9 * DAY, 9 * DAY + 1}, "purchase", Duration.ofDays(1));
    assertTrue(perRow.get(0)); // the day-9 purchase is at the cutoff
    assertFalse(perRow.get(1));
  }

  @Test
  void nextCategoryIsTheFirstCategorisedEventInTheHorizon() {
    CategoricalColumn next = Labels.nextCategory(log(), List.of("a", "b"), 10 * DAY,
        "purchase", Duration.ofDays(7));
    assertEquals("next_purchase_category_7d", next.name());
    assertEquals("shoes", next.category(0)); // day 12 purchase has no category; ties by order
    assertTrue(next.isMissing(1));
    CategoricalColumn any = Labels.nextCategory(log(), List.of("a"), 10 * DAY, null,
        Duration.ofDays(7));
    assertEquals("next_category_7d", any.name());
    assertEquals("seen", any.category(0));
    CategoricalColumn none = Labels.nextCategory(log(), List.of("a"), 14 * DAY, "purchase",
        Duration.ofDays(7));
    assertNull(none.category(0));
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Labels.didWithin(log(), List.of("a"), 0, "purchase", Duration.ZERO));
    assertTrue(e.getMessage().contains("horizon = PT0S"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Labels.nextCategory(log(), List.of("a"), new long[2], null, Duration.ofDays(1)));
    assertTrue(e.getMessage().contains("cutoffs.length = 2"), e.getMessage());
  }
}
