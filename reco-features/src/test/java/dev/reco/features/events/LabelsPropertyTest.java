package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Labels against a naive scan of the raw events in [cutoff, cutoff + horizon). */
class LabelsPropertyTest {
  private static final long HOUR = 3_600_000L;

  @Property(tries = 150, seed = "99")
  void labelsEqualANaiveScan(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ReferenceFeatures.Event> events =
        WindowFeaturesPropertyTest.randomEvents(rng, 1 + rng.nextInt(4), rng.nextInt(80));
    EventLog log = WindowFeaturesPropertyTest.logOf(events);
    int rows = 1 + rng.nextInt(20);
    List<String> entities = new ArrayList<>();
    long[] cutoffs = new long[rows];
    for (int r = 0; r < rows; r++) {
      entities.add("e" + rng.nextInt(5));
      cutoffs[r] = rng.nextInt(24 * 8) * HOUR;
    }
    Duration h = Duration.ofHours(1 + rng.nextInt(72));
    String type = rng.nextBoolean() ? "purchase" : null;
    BooleanColumn did = Labels.didWithin(log, entities, cutoffs, "purchase", h);
    CategoricalColumn next = Labels.nextCategory(log, entities, cutoffs, type, h);
    for (int r = 0; r < rows; r++) {
      boolean expectedDid = false;
      String expectedNext = null;
      long bestTime = Long.MAX_VALUE;
      for (ReferenceFeatures.Event e : events) { // raw insertion order: first wins on ties
        boolean inside = e.entity().equals(entities.get(r)) && e.time() >= cutoffs[r]
            && e.time() < cutoffs[r] + h.toMillis();
        if (!inside) {
          continue;
        }
        expectedDid |= e.type().equals("purchase");
        if ((type == null || e.type().equals(type)) && e.category() != null
            && e.time() < bestTime) {
          bestTime = e.time();
          expectedNext = e.category();
        }
      }
      assertEquals(expectedDid, did.get(r), "did row " + r);
      assertEquals(expectedNext, next.category(r), "next row " + r);
    }
  }
}
