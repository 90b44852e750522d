package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SyntheticConfigTest {

  private static final SyntheticConfig D = SyntheticConfig.defaults();

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertEquals(10_000, D.users());
    assertEquals(2_000, D.items());
    assertEquals(200_000, D.events());
    assertEquals(20, D.categories());
    assertEquals(8, D.clusters());
    assertEquals(3, D.categoriesPerCluster());
    assertEquals(0.8, D.clusterAffinity());
    assertEquals(1.0, D.clusterTasteSigma());
    assertEquals(1.0, D.zipfExponent());
    assertEquals(1.0, D.userActivitySigma());
    assertEquals(Instant.parse("2026-01-05T00:00:00Z"), D.start());
    assertEquals(DayOfWeek.MONDAY, D.start().atZone(ZoneOffset.UTC).getDayOfWeek());
    assertEquals(Duration.ofDays(90), D.duration());
    assertEquals(1.4, D.weekendFactor());
    assertEquals(0.15, D.cartProbability());
    assertEquals(0.35, D.purchaseProbability());
    assertEquals(Duration.ofMinutes(10), D.funnelDelay());
    assertEquals(0.2, D.newUserFraction());
    assertEquals(0.1, D.newItemFraction());
    assertEquals(5.0, D.medianPriceMin());
    assertEquals(500.0, D.medianPriceMax());
    assertEquals(0.5, D.priceSigma());
    assertEquals(42L, D.seed());
  }

  /** Each with-copy must change its own field and nothing else (guards against mixed-up args). */
  @Test
  void everyWithCopyChangesExactlyItsField() throws Exception {
    Map<String, UnaryOperator<SyntheticConfig>> copies = Map.ofEntries(
        Map.entry("users", c -> c.withUsers(7)),
        Map.entry("items", c -> c.withItems(7)),
        Map.entry("events", c -> c.withEvents(7)),
        Map.entry("categories", c -> c.withCategories(7)),
        Map.entry("clusters", c -> c.withClusters(7)),
        Map.entry("categoriesPerCluster", c -> c.withCategoriesPerCluster(7)),
        Map.entry("clusterAffinity", c -> c.withClusterAffinity(0.07)),
        Map.entry("clusterTasteSigma", c -> c.withClusterTasteSigma(0.07)),
        Map.entry("zipfExponent", c -> c.withZipfExponent(0.07)),
        Map.entry("userActivitySigma", c -> c.withUserActivitySigma(0.07)),
        Map.entry("start", c -> c.withStart(Instant.parse("2020-02-02T02:02:02Z"))),
        Map.entry("duration", c -> c.withDuration(Duration.ofDays(7))),
        Map.entry("weekendFactor", c -> c.withWeekendFactor(0.07)),
        Map.entry("cartProbability", c -> c.withCartProbability(0.07)),
        Map.entry("purchaseProbability", c -> c.withPurchaseProbability(0.07)),
        Map.entry("funnelDelay", c -> c.withFunnelDelay(Duration.ofMinutes(7))),
        Map.entry("newUserFraction", c -> c.withNewUserFraction(0.07)),
        Map.entry("newItemFraction", c -> c.withNewItemFraction(0.07)),
        Map.entry("medianPriceMin", c -> c.withMedianPriceRange(0.07, 500.0)),
        Map.entry("medianPriceMax", c -> c.withMedianPriceRange(5.0, 7.0)),
        Map.entry("priceSigma", c -> c.withPriceSigma(0.07)),
        Map.entry("seed", c -> c.withSeed(7)));
    RecordComponent[] components = SyntheticConfig.class.getRecordComponents();
    assertEquals(components.length, copies.size(), "one copy per field");
    for (Map.Entry<String, UnaryOperator<SyntheticConfig>> e : copies.entrySet()) {
      SyntheticConfig copy = e.getValue().apply(D);
      List<String> changed = new ArrayList<>();
      for (RecordComponent rc : components) {
        if (!rc.getAccessor().invoke(D).equals(rc.getAccessor().invoke(copy))) {
          changed.add(rc.getName());
        }
      }
      assertEquals(List.of(e.getKey()), changed, "with-copy for " + e.getKey());
    }
  }

  @Test
  void initialCountsRoundTheNewFractionAndKeepOnePresent() {
    // 10 users * 0.25 = 2.5, rounds to 3 new users -> 7 initial
    assertEquals(7, D.withUsers(10).withNewUserFraction(0.25).initialUsers());
    // 2,000 items * 0.1 = 200 new -> 1,800 initial
    assertEquals(1_800, D.initialItems());
    // 1 user * 0.9 = 0.9 rounds to 1, but one user must be present at the start
    assertEquals(1, D.withUsers(1).withNewUserFraction(0.9).initialUsers());
    // 3 items * 0.99 = 2.97 rounds to 3, capped at 2 new -> 1 initial
    assertEquals(1, D.withItems(3).withNewItemFraction(0.99).initialItems());
  }

  @Test
  void badValuesAreRejectedWithNameAndValue() {
    Map<String, UnaryOperator<SyntheticConfig>> bad = Map.ofEntries(
        Map.entry("users = 0", c -> c.withUsers(0)),
        Map.entry("items = -3", c -> c.withItems(-3)),
        Map.entry("events = 0", c -> c.withEvents(0)),
        Map.entry("categories = 0", c -> c.withCategories(0)),
        Map.entry("categories = 10001", c -> c.withCategories(10_001)),
        Map.entry("clusters = 1025", c -> c.withClusters(1025)),
        Map.entry("categoriesPerCluster = 21", c -> c.withCategoriesPerCluster(21)),
        Map.entry("categoriesPerCluster = 3; expected categoriesPerCluster in [1, 2]",
            c -> c.withCategories(2)),
        Map.entry("clusterAffinity = 1.5", c -> c.withClusterAffinity(1.5)),
        Map.entry("clusterAffinity = NaN", c -> c.withClusterAffinity(Double.NaN)),
        Map.entry("clusterTasteSigma = -0.1", c -> c.withClusterTasteSigma(-0.1)),
        Map.entry("zipfExponent = 11.0", c -> c.withZipfExponent(11)),
        Map.entry("userActivitySigma = Infinity",
            c -> c.withUserActivitySigma(Double.POSITIVE_INFINITY)),
        Map.entry("duration = PT0.5S", c -> c.withDuration(Duration.ofMillis(500))),
        Map.entry("duration = PT-1H", c -> c.withDuration(Duration.ofHours(-1))),
        Map.entry("start = " + Instant.MAX,
            c -> c.withStart(Instant.MAX)),
        Map.entry("weekendFactor = 0.0", c -> c.withWeekendFactor(0)),
        Map.entry("weekendFactor = 101.0", c -> c.withWeekendFactor(101)),
        Map.entry("cartProbability = -0.01", c -> c.withCartProbability(-0.01)),
        Map.entry("purchaseProbability = 1.01", c -> c.withPurchaseProbability(1.01)),
        Map.entry("funnelDelay = PT-1M", c -> c.withFunnelDelay(Duration.ofMinutes(-1))),
        Map.entry("newUserFraction = 1.0", c -> c.withNewUserFraction(1.0)),
        Map.entry("newItemFraction = -0.2", c -> c.withNewItemFraction(-0.2)),
        Map.entry("medianPriceMin = 0.0", c -> c.withMedianPriceRange(0, 10)),
        Map.entry("medianPriceMax = 4.0", c -> c.withMedianPriceRange(5, 4)),
        Map.entry("priceSigma = 6.0", c -> c.withPriceSigma(6)));
    for (Map.Entry<String, UnaryOperator<SyntheticConfig>> e : bad.entrySet()) {
      IllegalArgumentException x =
          assertThrows(IllegalArgumentException.class, () -> e.getValue().apply(D), e.getKey());
      assertTrue(x.getMessage().contains(e.getKey()), x.getMessage());
      assertTrue(x.getMessage().contains("expected"), x.getMessage());
    }
  }

  @Test
  void nullTimesAreRejected() {
    assertThrows(NullPointerException.class, () -> D.withStart(null));
    assertThrows(NullPointerException.class, () -> D.withDuration(null));
    assertThrows(NullPointerException.class, () -> D.withFunnelDelay(null));
  }

  @Test
  void periodEndsWhereDurationSays() {
    SyntheticConfig c = D.withDuration(Duration.ofDays(7).plusNanos(999_999));
    // sub-millisecond parts are ignored: 7 days = 604,800,000 ms
    assertEquals(c.startMillis() + 604_800_000L, c.endMillis());
  }
}
