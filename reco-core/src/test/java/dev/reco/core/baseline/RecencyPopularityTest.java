package dev.reco.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RecencyPopularityTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d");
  /** a, c in x; b, d in y. */
  private static final ItemCategories CATEGORIES = ItemCategories.builder(ITEMS)
      .put("a", "x").put("b", "y").put("c", "x").put("d", "y").build();
  private static final RecencyPopularityConfig HALF_LIFE_100MS =
      RecencyPopularityConfig.defaults().withHalfLife(Duration.ofMillis(100));
  private static final float EPS = 1e-6f;

  /**
   * Reference time = latest timestamp = 400 ms, half-life 100 ms, weight = value * 2^(-age / 100):
   * <pre>
   *   a: u1 @400 v1 -> 1 * 2^0    = 1;     u2 @300 v2 -> 2 * 2^-1 = 1      pop(a) = 2
   *   b: u3 @200 v4 -> 4 * 2^-2   = 1;     u1 @350 v1 -> 2^-0.5 = 0.70711  pop(b) = 1.70711
   *   c: u2 @100 v8 -> 8 * 2^-3   = 1                                       pop(c) = 1
   *   d: u4 @200 v1 -> 1 * 2^-2   = 0.25                                    pop(d) = 0.25
   * </pre>
   */
  private static Interactions data() {
    return Interactions.builder(DuplicatePolicy.SUM).itemIndex(ITEMS)
        .add("u1", "a", 1f, 400L).add("u2", "a", 2f, 300L).add("u3", "b", 4f, 200L)
        .add("u1", "b", 1f, 350L).add("u2", "c", 8f, 100L).add("u4", "d", 1f, 200L).build();
  }

  private static void assertScores(Recommendations r, List<String> ids, double... scores) {
    assertEquals(ids, r.itemIds());
    for (int rank = 0; rank < scores.length; rank++) {
      assertEquals(scores[rank], r.score(rank), EPS, "rank " + rank);
    }
  }

  @Test
  void decaysEachEventByItsAge() {
    RecencyPopularity m = RecencyPopularity.fit(data(), HALF_LIFE_100MS);
    assertEquals(2.0f, m.popularity(0), EPS);
    assertEquals(1.0 + Math.pow(2, -0.5), m.popularity(1), EPS);
    assertEquals(1.0f, m.popularity(2), EPS);
    assertEquals(0.25f, m.popularity(3), EPS);
    assertEquals(Instant.ofEpochMilli(400), m.reference().orElseThrow());
    // scores are normalised by the maximum, pop(a) = 2: 1, 0.85355, 0.5, 0.125
    assertScores(m.recommend("nobody", 4), List.of("a", "b", "c", "d"), 1.0, 0.853553, 0.5, 0.125);
    assertEquals(Source.RECENCY_POPULARITY, m.recommend("nobody", 1).source());
  }

  @Test
  void anExplicitReferenceIgnoresLaterEventsAndTiesGoToTheLowerIndex() {
    // reference 300: a@400 and b@350 are ignored
    //   a: 2 * 2^0 = 2; b: 4 * 2^-1 = 2; c: 8 * 2^-2 = 2; d: 1 * 2^-1 = 0.5
    RecencyPopularity m = RecencyPopularity.fit(data(), HALF_LIFE_100MS.withReference(Instant.ofEpochMilli(300)));
    assertScores(m.recommend("nobody", 4), List.of("a", "b", "c", "d"), 1.0, 1.0, 1.0, 0.25);
  }

  @Test
  void aKnownUsersCategoriesBoostTheirItems() {
    RecencyPopularity m = RecencyPopularity.fit(data(), CATEGORIES, HALF_LIFE_100MS);
    // u4 saw d (y): a_y = 1. Within y, max pop = pop(b) = 1.70711, so p_y(b) = 1.
    //   a: 1 + 0 = 1;  b: 0.853553 + 1 * 1 * 1 = 1.853553;  c: 0.5 + 0 = 0.5
    assertScores(m.recommend("u4", 3), List.of("b", "a", "c"), 1.853553, 1.0, 0.5);
    // without categories the same user gets plain recency popularity
    RecencyPopularity plain = RecencyPopularity.fit(data(), HALF_LIFE_100MS);
    assertScores(plain.recommend("u4", 3), List.of("a", "b", "c"), 1.0, 0.853553, 0.5);
    // category weight 0 switches the boost off
    RecencyPopularity off = RecencyPopularity.fit(data(), CATEGORIES, HALF_LIFE_100MS.withCategoryWeight(0));
    assertEquals(plain.recommend("u4", 3), off.recommend("u4", 3));
  }

  @Test
  void recentItemsGiveAColdUserAnAffinity() {
    RecencyPopularity m = RecencyPopularity.fit(data(), CATEGORIES, HALF_LIFE_100MS.withCategoryWeight(2.0));
    // recent a (x) and b (y): a_x = a_y = 0.5, beta = 2. p_x(c) = 1 / 2 = 0.5, p_y(d) = 0.25 / 1.70711
    //   c: 0.5   + 2 * 0.5 * 0.5      = 1.0
    //   d: 0.125 + 2 * 0.5 * 0.146447 = 0.271447
    RecommendOptions recent = RecommendOptions.builder().recentItems(List.of("a", "b")).build();
    assertScores(m.recommend("nobody", 4, recent), List.of("c", "d"), 1.0, 0.271447);
    //   a: 1 + 2 * 0.5 * 1 = 2;  b: 0.853553 + 2 * 0.5 * 1 = 1.853553
    RecommendOptions recentKept = RecommendOptions.builder().recentItems(List.of("a", "b"))
        .excludeSeen(false).build();
    assertScores(m.recommend("nobody", 4, recentKept), List.of("a", "b", "c", "d"),
        2.0, 1.853553, 1.0, 0.271447);
    // an unknown user with no context gets plain recency popularity
    assertScores(m.recommend("nobody", 2), List.of("a", "b"), 1.0, 0.853553);
  }

  @Test
  void affinityCountsDistinctItemsOfTrainingAndContext() {
    RecencyPopularity m = RecencyPopularity.fit(data(), CATEGORIES, HALF_LIFE_100MS);
    // u1 saw a (x) and b (y); recent b again and c (x): distinct items a, b, c -> a_x = 2/3, a_y = 1/3
    //   d: 0.125 + 1/3 * 0.146447 = 0.173816
    RecommendOptions recent = RecommendOptions.builder().recentItems(List.of("b", "c")).build();
    assertScores(m.recommend("u1", 4, recent), List.of("d"), 0.173816);
    //   with seen items kept: a: 1 + 2/3 = 1.666667; b: 0.853553 + 1/3 = 1.186887;
    //   c: 0.5 + 2/3 * 0.5 = 0.833333
    RecommendOptions kept = RecommendOptions.builder().recentItems(List.of("b", "c")).excludeSeen(false).build();
    assertScores(m.recommend("u1", 4, kept), List.of("a", "b", "c", "d"),
        1.666667, 1.186887, 0.833333, 0.173816);
  }

  @Test
  void halfLifeInDays() {
    long day = Duration.ofDays(1).toMillis();
    Interactions d = Interactions.builder(DuplicatePolicy.SUM)
        .add("u", "old", 1f, 0L).add("u", "new", 1f, 14 * day).add("v", "mid", 1f, 7 * day).build();
    RecencyPopularity m = RecencyPopularity.fit(d, RecencyPopularityConfig.defaults());
    // default half-life 7 days; reference = day 14: ages 14, 0, 7 days -> 0.25, 1, 0.5
    assertEquals(0.25f, m.popularity(d.items().indexOf("old")), EPS);
    assertEquals(1f, m.popularity(d.items().indexOf("new")), EPS);
    assertEquals(0.5f, m.popularity(d.items().indexOf("mid")), EPS);
  }

  @Test
  void validatesConfigAndData() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> RecencyPopularityConfig.defaults().withHalfLife(Duration.ZERO));
    assertEquals("halfLife = PT0S; expected a positive duration", zero.getMessage());
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RecencyPopularityConfig.defaults().withCategoryWeight(bad));
      assertTrue(e.getMessage().contains("categoryWeight = " + bad), e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> RecencyPopularityConfig.defaults().withHalfLife(null));
    Interactions untimed = Interactions.builder(DuplicatePolicy.SUM).add("u", "a", 1f).build();
    IllegalArgumentException noTime = assertThrows(IllegalArgumentException.class,
        () -> RecencyPopularity.fit(untimed, RecencyPopularityConfig.defaults()));
    assertTrue(noTime.getMessage().contains("timestamp"), noTime.getMessage());
    Interactions empty = Interactions.builder(DuplicatePolicy.SUM).itemIndex(ITEMS).build();
    RecencyPopularity m = RecencyPopularity.fit(empty, CATEGORIES, RecencyPopularityConfig.defaults());
    assertFalse(m.reference().isPresent());
    assertEquals(List.of("a", "b", "c", "d"), m.recommend("x", 4).itemIds());
  }

  @Test
  void roundingTiesWithinAListAreDetected() {
    // find adjacent floats p0 < p1 whose scores round to the same float: a total slope below 1
    // maps two neighbouring floats onto one, e.g. 0.2 p + 0.3 p near p = 1.9
    double[][] slopes = {{0.2, 0.3}, {0.3, 0.0}, {0.5, 0.1}};
    float p0 = 1.9f;
    double[] found = null;
    for (int step = 0; step < 1_000 && found == null; step++) {
      for (double[] slope : slopes) {
        if (ListMerge.score(p0, slope[0], slope[1]) == ListMerge.score(Math.nextUp(p0), slope[0], slope[1])) {
          found = slope;
          break;
        }
      }
      if (found == null) {
        p0 = Math.nextUp(p0);
      }
    }
    assertTrue(found != null, "no rounding tie found");
    // item 1 has the larger popularity, so it comes first in the list, but both scores are equal
    // and item 0 has the lower index: the merge must refuse rather than offer out of order
    float[] pop = {p0, Math.nextUp(p0)};
    ListMerge merge = new ListMerge(pop, found[0], 1);
    merge.addList(new int[] {1, 0}, 0, 2, found[1]);
    CandidateSelector selector = CandidateSelector.forUser(IdIndex.of("x", "y"), 2,
        RecommendOptions.defaults(), null, IdIndex.UNKNOWN);
    assertFalse(merge.run(selector));
    assertEquals(1, selector.size(), "only the first item was offered");
  }

  @Test
  void aRoundingTieInTheMergeFallsBackToTheExactScan() {
    // items p0 and p1 (category x) with popularity p and nextUp(p); z (no category) with 4, so
    // 1 / max = 0.25; user u saw w (x, tiny popularity), so a_x = 1 and the coefficient of x is
    // beta / pop(p1). Search beta and p so that both scores round to the same float.
    double beta = 0;
    float p = 1.9f;
    search:
    for (double b : new double[] {0.1, 0.13, 0.17, 0.2, 0.3}) {
      p = 1.9f;
      for (int step = 0; step < 1000; step++) {
        float next = Math.nextUp(p);
        double c = b * (1.0 / next);
        if (ListMerge.score(p, 0.25, c) == ListMerge.score(next, 0.25, c)) {
          beta = b;
          break search;
        }
        p = next;
      }
    }
    assertTrue(beta > 0, "no tie found");
    float p1 = Math.nextUp(p);
    IdIndex items = IdIndex.of("p0", "p1", "z", "w");
    ItemCategories categories = ItemCategories.builder(items).put("p0", "x").put("p1", "x")
        .put("w", "x").build();
    // every event at the reference time, so each item's popularity is its value exactly
    Interactions data = Interactions.builder(DuplicatePolicy.SUM).itemIndex(items)
        .add("a", "p0", p, 1000L).add("b", "p1", p1, 1000L).add("c", "z", 4f, 1000L)
        .add("u", "w", 0.001f, 1000L).build();
    RecencyPopularity m = RecencyPopularity.fit(data, categories,
        RecencyPopularityConfig.defaults().withCategoryWeight(beta));
    Recommendations r = m.recommend("u", 3);
    // z scores 1.0; p0 and p1 tie just below, so p0 (lower index) comes first
    assertEquals(List.of("z", "p0", "p1"), r.itemIds());
    assertEquals(r.score(1), r.score(2));
    assertEquals(m.recommendByScan("u", 3, RecommendOptions.defaults()), r);
  }

  /** The merged category lists must give exactly what scoring the whole catalog gives. */
  @Property(tries = 150, seed = "1729")
  void mergedListsAgreeWithAFullScan(@ForAll @IntRange(min = 1, max = 30) int numItems,
      @ForAll @IntRange(min = 1, max = 30) int k, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < numItems; i++) {
      ids.add("i" + i);
    }
    IdIndex items = IdIndex.of(ids);
    int[] cat = new int[numItems];
    for (int i = 0; i < numItems; i++) {
      cat[i] = random.nextInt(4) - 1;
    }
    ItemCategories categories = ItemCategories.of(items, IdIndex.of("x", "y", "z"), cat);
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL).itemIndex(items);
    for (int r = random.nextInt(50); r >= 0; r--) {
      b.add("u" + random.nextInt(5), ids.get(random.nextInt(numItems)), 1 + random.nextInt(3),
          random.nextInt(1000));
    }
    Interactions data = b.build();
    RecencyPopularity m = RecencyPopularity.fit(data, categories, RecencyPopularityConfig.defaults()
        .withHalfLife(Duration.ofMillis(1 + random.nextInt(500))).withCategoryWeight(random.nextDouble() * 3));
    List<String> users = new ArrayList<>(data.users().ids());
    users.add("cold");
    for (String user : users) {
      List<String> recent = List.of(ids.get(random.nextInt(numItems)));
      for (RecommendOptions o : List.of(RecommendOptions.defaults(),
          RecommendOptions.builder().recentItems(recent).build(),
          RecommendOptions.builder().excludeSeen(false).maxPerCategory(categories, 2).build())) {
        assertEquals(m.recommendByScan(user, k, o), m.recommend(user, k, o), user + " " + o);
      }
    }
  }
}
