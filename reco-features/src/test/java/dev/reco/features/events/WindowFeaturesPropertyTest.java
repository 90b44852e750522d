package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The one-pass sweep against a naive model that filters events with time < asOf per request,
 * and the leakage property: events at or after a row's asOf never change that row.
 */
class WindowFeaturesPropertyTest {
  private static final long HOUR = 3_600_000L;
  private static final String[] TYPES = {"view", "cart", "purchase"};
  private static final String[] CATS = {"a", "b", "c", "d"};

  static final WindowFeatures SPEC = WindowFeatures.builder()
      .windows(Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3))
      .eventTypes("view", "purchase", "ghost")
      .trend(Duration.ofHours(6), Duration.ofDays(2))
      .rfm("purchase", Duration.ofDays(2))
      .shareCategories(List.of("a", "c", "zz"))
      .build();

  /** Random events: few entities, hour-grained times with ties, NaN values and no category. */
  static List<ReferenceFeatures.Event> randomEvents(SplittableRandom rng, int entities, int n) {
    List<ReferenceFeatures.Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String entity = "e" + rng.nextInt(entities);
      long time = rng.nextInt(24 * 8) * HOUR + (rng.nextBoolean() ? 0 : rng.nextInt(1000));
      String type = TYPES[rng.nextInt(TYPES.length)];
      double value = rng.nextInt(5) == 0 ? Double.NaN : rng.nextInt(2001) / 10.0 - 50;
      String cat = rng.nextInt(4) == 0 ? null : CATS[rng.nextInt(CATS.length)];
      events.add(new ReferenceFeatures.Event(entity, time, type, value, cat));
    }
    return events;
  }

  static EventLog logOf(List<ReferenceFeatures.Event> events) {
    EventLog.Builder b = EventLog.builder();
    for (ReferenceFeatures.Event e : events) {
      b.add(e.entity(), e.time(), e.type(), e.value(), e.category());
    }
    return b.build();
  }

  private static void assertRow(Table t, int row, Map<String, Double> expected, String context) {
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      double actual = t.doubleColumn(e.getKey()).get(row);
      double want = e.getValue();
      if (Double.isNaN(want)) {
        assertTrue(Double.isNaN(actual), context + " " + e.getKey() + " = " + actual
            + "; expected NaN");
      } else {
        assertEquals(want, actual, 1e-9 * Math.max(1, Math.abs(want)),
            context + " " + e.getKey());
      }
    }
  }

  @Property(tries = 150, seed = "20261123")
  void sweepEqualsNaiveFilter(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ReferenceFeatures.Event> events = randomEvents(rng, 1 + rng.nextInt(5), rng.nextInt(80));
    EventLog log = logOf(events);
    int requests = 1 + rng.nextInt(30);
    List<String> entities = new ArrayList<>();
    long[] asOf = new long[requests];
    for (int r = 0; r < requests; r++) {
      entities.add("e" + rng.nextInt(7)); // some entities have no events at all
      asOf[r] = rng.nextInt(24 * 9) * HOUR + (rng.nextBoolean() ? 0 : rng.nextInt(1000));
    }
    int threads = 1 + rng.nextInt(3);
    Table t = SPEC.compute(log, entities, asOf, threads);
    assertEquals(SPEC.columnNames(), t.schema().names());
    for (int r = 0; r < requests; r++) {
      assertEquals(entities.get(r), t.categoricalColumn("entity").category(r));
      assertEquals(asOf[r], t.longColumn("as_of").get(r));
      assertRow(t, r, ReferenceFeatures.row(SPEC, events, entities.get(r), asOf[r]),
          "row " + r + " (" + entities.get(r) + ", " + asOf[r] + ")");
    }
  }

  @Property(tries = 150, seed = "7")
  void eventsAtOrAfterAsOfNeverChangeTheRow(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ReferenceFeatures.Event> events = randomEvents(rng, 1 + rng.nextInt(3), rng.nextInt(60));
    String entity = "e" + rng.nextInt(3);
    long asOf = rng.nextInt(24 * 9) * HOUR;
    Table before = SPEC.compute(logOf(events), List.of(entity), new long[] {asOf});

    // Change every event of the entity at or after asOf, and add new ones there (ties included).
    List<ReferenceFeatures.Event> changed = new ArrayList<>();
    for (ReferenceFeatures.Event e : events) {
      if (e.entity().equals(entity) && e.time() >= asOf) {
        changed.add(new ReferenceFeatures.Event(entity, e.time() + rng.nextInt(5) * HOUR,
            TYPES[rng.nextInt(TYPES.length)], rng.nextInt(1000), CATS[rng.nextInt(CATS.length)]));
      } else {
        changed.add(e);
      }
    }
    for (int k = 0; k < 1 + rng.nextInt(5); k++) {
      changed.add(rng.nextInt(changed.size() + 1), new ReferenceFeatures.Event(entity,
          asOf + (k == 0 ? 0 : rng.nextInt(100) * HOUR), TYPES[rng.nextInt(TYPES.length)],
          rng.nextInt(1000), CATS[rng.nextInt(CATS.length)]));
    }
    Table after = SPEC.compute(logOf(changed), List.of(entity), new long[] {asOf});
    for (String name : SPEC.columnNames().subList(2, SPEC.columnNames().size())) {
      assertEquals(Double.doubleToLongBits(before.doubleColumn(name).get(0)),
          Double.doubleToLongBits(after.doubleColumn(name).get(0)), name);
    }
  }

  @Property(tries = 40, seed = "11")
  void threadCountDoesNotChangeResults(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ReferenceFeatures.Event> events = randomEvents(rng, 20, 300);
    EventLog log = logOf(events);
    List<String> entities = new ArrayList<>();
    long[] asOf = new long[100];
    for (int r = 0; r < asOf.length; r++) {
      entities.add("e" + rng.nextInt(22));
      asOf[r] = rng.nextInt(24 * 9) * HOUR;
    }
    Table one = SPEC.compute(log, entities, asOf, 1);
    Table four = SPEC.compute(log, entities, asOf, 4);
    for (String name : SPEC.columnNames().subList(2, SPEC.columnNames().size())) {
      for (int r = 0; r < asOf.length; r++) {
        assertEquals(Double.doubleToLongBits(one.doubleColumn(name).get(r)),
            Double.doubleToLongBits(four.doubleColumn(name).get(r)), name + " row " + r);
      }
    }
  }
}
