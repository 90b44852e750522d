package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** Invariants that hold for every configuration, checked on many small random ones. */
class SyntheticDataPropertiesTest {

  @Property(tries = 80, seed = "42")
  void everyConfigurationGivesAValidReproducibleStream(
      @ForAll @IntRange(min = 1, max = 60) int users,
      @ForAll @IntRange(min = 1, max = 60) int items,
      @ForAll @IntRange(min = 1, max = 3000) int events,
      @ForAll @IntRange(min = 1, max = 6) int categories,
      @ForAll @IntRange(min = 1, max = 6) int perCluster,
      @ForAll @IntRange(min = 1, max = 5) int clusters,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(3) double affinity,
      @ForAll @DoubleRange(min = 0, max = 0.95) @Scale(3) double newUsers,
      @ForAll @DoubleRange(min = 0, max = 0.95) @Scale(3) double newItems,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(3) double cart,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(3) double purchase,
      @ForAll @DoubleRange(min = 0.1, max = 5) @Scale(3) double weekend,
      @ForAll @LongRange(min = 1_000, max = 30L * 86_400_000) long durationMillis,
      @ForAll @LongRange(min = 0, max = 7_200_000) long delayMillis,
      @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long startMillis,
      @ForAll long seed) {
    SyntheticConfig config = SyntheticConfig.defaults()
        .withUsers(users).withItems(items).withEvents(events)
        .withCategoriesPerCluster(1).withCategories(categories)
        .withCategoriesPerCluster(Math.min(perCluster, categories))
        .withClusters(clusters).withClusterAffinity(affinity)
        .withNewUserFraction(newUsers).withNewItemFraction(newItems)
        .withCartProbability(cart).withPurchaseProbability(purchase)
        .withWeekendFactor(weekend)
        .withStart(Instant.ofEpochMilli(startMillis))
        .withDuration(Duration.ofMillis(durationMillis))
        .withFunnelDelay(Duration.ofMillis(delayMillis))
        .withSeed(seed);
    SyntheticData data = SyntheticData.generate(config);
    EventLog log = EventLog.of(data);

    assertEquals(events, log.size);
    assertTrue(log.sameAs(EventLog.of(SyntheticData.generate(config))), "reproducible");
    assertEquals(config.users() - config.initialUsers(), data.users().newUsers());
    assertEquals(config.items() - config.initialItems(), data.items().newItems());

    long end = startMillis + durationMillis;
    Map<Long, int[]> open = new HashMap<>();
    for (int k = 0; k < log.size; k++) {
      int u = log.user[k];
      int i = log.item[k];
      long t = log.time[k];
      assertTrue(u >= 0 && u < users && i >= 0 && i < items, "indexes of event " + k);
      assertTrue(t >= startMillis && t < end, "time of event " + k);
      assertTrue(k == 0 || t >= log.time[k - 1], "order of event " + k);
      assertTrue(t >= data.users().joinedAt(u), "user joined before event " + k);
      assertTrue(t >= data.items().appearedAt(i), "item appeared before event " + k);
      int[] o = open.computeIfAbsent((long) u << 32 | i, x -> new int[2]);
      if (log.type[k] == EventType.VIEW) {
        o[0]++;
      } else if (log.type[k] == EventType.ADD_TO_CART) {
        assertTrue(o[0]-- > 0, "add-to-cart follows a view, event " + k);
        o[1]++;
      } else {
        assertTrue(o[1]-- > 0, "purchase follows an add-to-cart, event " + k);
      }
    }
    if (cart == 0) {
      assertEquals(events, log.count(EventType.VIEW));
    }
  }
}
