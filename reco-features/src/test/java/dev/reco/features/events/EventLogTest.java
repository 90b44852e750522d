package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
  @Test
  void sortsByEntityThenTimeKeepingInsertionOrderOnTies() {
    EventLog log = EventLog.builder()
        .add("b", 30, "view", 1.0, null)
        .add("a", 20, "buy", 5.0, "x")
        .add("b", 10, "view", 2.0, "y")
        .add("a", 20, "view", Double.NaN, null)
        .add("a", 5, "view", 3.0, "x")
        .build();
    assertEquals(5, log.size());
    assertEquals(List.of("b", "a"), log.entities().ids());
    // entity b = 0: times 10, 30; entity a = 1: times 5, 20 (buy), 20 (view)
    assertEquals(0, log.start(0));
    assertEquals(2, log.end(0));
    assertEquals(10, log.time(0));
    assertEquals(2.0, log.value(0));
    assertEquals(30, log.time(1));
    assertEquals(5, log.time(2));
    assertEquals("buy", log.eventTypes().idOf(log.type(3)));
    assertEquals("view", log.eventTypes().idOf(log.type(4)));
    assertTrue(Double.isNaN(log.value(4)));
    assertEquals(EventLog.NO_CATEGORY, log.category(4));
    assertEquals("x", log.categories().idOf(log.category(3)));
  }

  @Test
  void longRunsOutOfOrderAreSortedStably() {
    EventLog.Builder b = EventLog.builder();
    for (int i = 0; i < 200; i++) {
      b.add("e", (i * 37) % 50, "t", i, null); // times repeat four times each
    }
    EventLog log = b.build();
    for (int i = 1; i < 200; i++) {
      assertTrue(log.time(i - 1) <= log.time(i));
      if (log.time(i - 1) == log.time(i)) {
        assertTrue(log.value(i - 1) < log.value(i), "insertion order kept on ties");
      }
    }
  }

  @Test
  void fromColumnsRejectsBadCodesAndValues() {
    IdIndex ents = IdIndex.of("a");
    IdIndex types = IdIndex.of("view");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.fromColumns(ents, new int[] {0, 1}, new long[2], types, new int[2],
            new double[2], IdIndex.empty(), null));
    assertTrue(e.getMessage().contains("entity[1] = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.fromColumns(ents, new int[1], new long[1], types, new int[1],
            new double[] {Double.POSITIVE_INFINITY}, IdIndex.empty(), null));
    assertTrue(e.getMessage().contains("value[0] = Infinity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.fromColumns(ents, new int[1], new long[2], types, new int[1],
            new double[1], IdIndex.empty(), null));
    assertTrue(e.getMessage().contains("epochMillis.length = 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.fromColumns(ents, new int[1], new long[1], types, new int[1],
            new double[1], IdIndex.empty(), new int[] {0}));
    assertTrue(e.getMessage().contains("category[0] = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.builder().add("a", 0, "v", Double.NEGATIVE_INFINITY, null));
    assertTrue(e.getMessage().contains("value = -Infinity"), e.getMessage());
  }

  @Test
  void builderCannotBeReused() {
    EventLog.Builder b = EventLog.builder().add("a", 1, "v", 1, null);
    b.build();
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalStateException.class, () -> b.add("a", 1, "v", 1, null));
  }

  @Test
  void fromInteractionsKeepsUsersTypesValuesAndItemCategories() {
    Interactions in = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u1", "i1", 2f, 100L, "cart")
        .add("u2", "i2", 1f, 50L, "view")
        .add("u1", "i2", 4f, 20L, "buy")
        .build();
    Map<String, String> cat = new HashMap<>();
    cat.put("i1", "shoes");
    EventLog log = EventLog.fromInteractions(in, cat);
    int u1 = log.entities().indexOf("u1");
    assertEquals(2, log.end(u1) - log.start(u1));
    int first = log.start(u1);
    assertEquals(20L, log.time(first));
    assertEquals("buy", log.eventTypes().idOf(log.type(first)));
    assertEquals(4.0, log.value(first));
    assertEquals(EventLog.NO_CATEGORY, log.category(first)); // i2 has no category
    assertEquals("shoes", log.categories().idOf(log.category(first + 1)));

    Interactions untimed = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u", "i", 1f).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.fromInteractions(untimed, null));
    assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
  }

  @Test
  void fromSyntheticMatchesTheStream() {
    SyntheticData data = SyntheticData.generate(
        SyntheticConfig.defaults().withUsers(200).withItems(100).withEvents(5_000));
    EventLog log = EventLog.fromSynthetic(data);
    assertEquals(5_000, log.size());
    assertEquals(200, log.entities().size());
    assertEquals(List.of("view", "add_to_cart", "purchase"), log.eventTypes().ids());
    long[] perUser = new long[200];
    data.forEach((u, i, t, type, v) -> perUser[u]++);
    for (int u = 0; u < 200; u++) {
      assertEquals(perUser[u], log.end(u) - log.start(u));
      for (int e = log.start(u) + 1; e < log.end(u); e++) {
        assertTrue(log.time(e - 1) <= log.time(e));
      }
    }
    assertTrue(log.topCategories(3).size() == 3);
  }

  @Test
  void topCategoriesByCountThenName() {
    EventLog log = EventLog.builder()
        .add("a", 1, "v", 1, "z").add("a", 2, "v", 1, "y").add("b", 3, "v", 1, "y")
        .add("b", 4, "v", 1, "x").add("b", 5, "v", 1, "z").add("b", 6, "v", 1, null)
        .build();
    // y: 2, z: 2, x: 1
    assertEquals(List.of("y", "z"), log.topCategories(2));
    assertEquals(List.of("y", "z", "x"), log.topCategories(10));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> log.topCategories(0));
    assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
  }
}
