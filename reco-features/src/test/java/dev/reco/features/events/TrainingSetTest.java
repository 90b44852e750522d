package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TrainingSetTest {
  private static final long HOUR = 3_600_000L;
  private static final Duration HORIZON = Duration.ofDays(2);

  private static Table build(List<ReferenceFeatures.Event> events, List<String> entities,
      long cutoff) {
    return TrainingSet.builder(WindowFeaturesPropertyTest.logOf(events),
            WindowFeaturesPropertyTest.SPEC)
        .rows(entities, cutoff)
        .didWithin("purchase", HORIZON)
        .nextCategory("purchase", HORIZON)
        .build();
  }

  /**
   * Features never see an event at or after the cutoff and labels never see one before it:
   * rewriting the events on one side of the cutoff leaves the other side's columns unchanged.
   */
  @Property(tries = 100, seed = "5")
  void featuresAndLabelsStayOnTheirSideOfTheCutoff(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ReferenceFeatures.Event> events =
        WindowFeaturesPropertyTest.randomEvents(rng, 4, rng.nextInt(80));
    long cutoff = rng.nextInt(24 * 8) * HOUR;
    List<String> entities = List.of("e0", "e1", "e2", "e3");
    Table base = build(events, entities, cutoff);

    List<ReferenceFeatures.Event> future = new ArrayList<>();
    List<ReferenceFeatures.Event> past = new ArrayList<>();
    for (ReferenceFeatures.Event e : events) {
      ReferenceFeatures.Event rewritten = new ReferenceFeatures.Event(e.entity(), e.time(),
          rng.nextBoolean() ? "purchase" : "view", rng.nextInt(100), rng.nextBoolean() ? "a" : "d");
      future.add(e.time() >= cutoff ? rewritten : e);
      past.add(e.time() < cutoff ? rewritten : e);
    }
    future.add(new ReferenceFeatures.Event("e1", cutoff, "purchase", 1, "b"));
    past.add(new ReferenceFeatures.Event("e1", cutoff - 1, "purchase", 1, "b"));
    Table changedFuture = build(future, entities, cutoff);
    Table changedPast = build(past, entities, cutoff);
    List<String> names = WindowFeaturesPropertyTest.SPEC.columnNames();
    for (int r = 0; r < entities.size(); r++) {
      for (String name : names.subList(2, names.size())) {
        assertEquals(Double.doubleToLongBits(base.doubleColumn(name).get(r)),
            Double.doubleToLongBits(changedFuture.doubleColumn(name).get(r)), name);
      }
      assertEquals(base.booleanColumn("did_purchase_within_2d").get(r),
          changedPast.booleanColumn("did_purchase_within_2d").get(r));
      assertTrue(Objects.equals(base.categoricalColumn("next_purchase_category_2d").category(r),
          changedPast.categoricalColumn("next_purchase_category_2d").category(r)));
    }
  }

  @Test
  void syntheticTrainingSetHasFeaturesAndLabels() {
    SyntheticData data = SyntheticData.generate(
        SyntheticConfig.defaults().withUsers(300).withItems(200).withEvents(20_000));
    EventLog log = EventLog.fromSynthetic(data);
    long cutoff = SyntheticConfig.DEFAULT_START.toEpochMilli() + Duration.ofDays(60).toMillis();
    WindowFeatures spec = WindowFeatures.builder().eventTypes("purchase")
        .rfm("purchase", Duration.ofDays(60)).build();
    Table t = TrainingSet.builder(log, spec).rows(log.entities().ids(), cutoff)
        .didWithin("purchase", Duration.ofDays(14)).threads(2).build();
    assertEquals(300, t.rows());
    int positives = 0;
    for (int r = 0; r < t.rows(); r++) {
      positives += t.booleanColumn("did_purchase_within_14d").get(r) ? 1 : 0;
    }
    assertTrue(positives > 0 && positives < 300, "positives = " + positives);
    Table scored = RfmScorer.fit(t).apply(t);
    assertTrue(scored.longColumn("rfm_m_score").get(0) >= 1);
  }

  @Test
  void buildWithoutRowsOrWithRepeatedLabelsFails() {
    EventLog log = EventLog.builder().add("a", 1, "purchase", 1, null).build();
    WindowFeatures spec = WindowFeatures.builder().build();
    assertThrows(IllegalStateException.class, () -> TrainingSet.builder(log, spec).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingSet.builder(log, spec).rows(List.of("a"), 5)
            .didWithin("purchase", HORIZON).didWithin("purchase", HORIZON).build());
    assertTrue(e.getMessage().contains("'did_purchase_within_2d'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainingSet.builder(log, spec).rows(List.of("a"), new long[2]));
    assertTrue(e.getMessage().contains("cutoffs.length = 2"), e.getMessage());
  }
}
