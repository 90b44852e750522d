package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Blocked, multi-threaded recommendation against the single call as the reference: every element
 * of a batch, and of {@code recommendAll}, must equal the single call bit for bit, for any thread
 * count. Sizes cross the 16-user blocks and the item tiles (4096 / factors items).
 */
class BatchRecommendTest {

  private static List<RecommendOptions> options(MatrixFactorizationModel model) {
    List<String> some = new ArrayList<>();
    for (int i = 0; i < model.items().size(); i += 7) {
      some.add(model.items().idOf(i));
    }
    return List.of(
        RecommendOptions.defaults(),
        RecommendOptions.builder().excludeSeen(false).build(),
        RecommendOptions.builder().deny(some).filter(i -> i % 3 != 1).build(),
        RecommendOptions.builder().allow(some).recentItems(some.subList(0, Math.min(2, some.size())))
            .build());
  }

  /** Random ids: known users, unknown-flagged users, ids not in the model, repeats. */
  private static List<String> requests(MatrixFactorizationModel model, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      int r = random.nextInt(model.users().size() + 2);
      ids.add(r < model.users().size() ? model.users().idOf(r) : "nobody-" + r);
    }
    return ids;
  }

  @Property(tries = 40, seed = "6061")
  void batchEqualsSingleCalls(@ForAll @IntRange(min = 1, max = 60) int users,
      @ForAll @IntRange(min = 0, max = 900) int items, @ForAll @IntRange(min = 1, max = 24) int factors,
      @ForAll @IntRange(min = 1, max = 40) int k, @ForAll @IntRange(min = 0, max = 3) int optionIndex,
      @ForAll @IntRange(min = 1, max = 4) int threads, @ForAll long seed) {
    MatrixFactorizationModel model = TestModels.random(users, items, factors, seed, seed % 2 == 0);
    RecommendOptions o = options(model).get(optionIndex);
    List<String> ids = requests(model, users + 5, seed + 1);
    List<Recommendations> batch = model.recommend(ids, k, o, threads);
    assertEquals(ids.size(), batch.size());
    for (int j = 0; j < ids.size(); j++) {
      assertEquals(model.recommend(ids.get(j), k, o), batch.get(j), "user " + ids.get(j));
    }
    assertEquals(batch, model.recommend(ids, k, o));
  }

  @Property(tries = 25, seed = "8088")
  void recommendAllEqualsSingleCallsForAnyThreadCount(@ForAll @IntRange(min = 0, max = 70) int users,
      @ForAll @IntRange(min = 1, max = 600) int items, @ForAll @IntRange(min = 1, max = 20) int factors,
      @ForAll @IntRange(min = 1, max = 12) int k, @ForAll long seed) {
    MatrixFactorizationModel model = TestModels.random(users, items, factors, seed, seed % 3 == 0);
    RecommendOptions o = options(model).get((int) Math.floorMod(seed, 4L));
    List<Recommendations> one = model.recommendAll(k, o, 1);
    assertEquals(users, one.size());
    for (int u = 0; u < users; u++) {
      assertEquals(model.recommend(model.users().idOf(u), k, o), one.get(u), "user " + u);
    }
    for (int threads : new int[] {2, 3, 4}) {
      assertEquals(one, model.recommendAll(k, o, threads), "threads = " + threads);
    }
  }

  @Test
  void largerModelIsThreadCountIndependent() {
    // 300 users (19 blocks), 5000 items (79 tiles at 64 factors)
    MatrixFactorizationModel model = TestModels.random(300, 5000, 64, 42, true);
    List<Recommendations> one = model.recommendAll(20, RecommendOptions.defaults(), 1);
    for (int threads : new int[] {2, 4, 7}) {
      assertEquals(one, model.recommendAll(20, RecommendOptions.defaults(), threads),
          "threads = " + threads);
    }
    List<String> ids = requests(model, 100, 9);
    List<Recommendations> batch = model.recommend(ids, 20, RecommendOptions.defaults(), 3);
    for (int j = 0; j < ids.size(); j++) {
      int u = model.users().indexOf(ids.get(j));
      if (u >= 0) {
        assertEquals(one.get(u), batch.get(j), ids.get(j));
      } else {
        assertFalse(batch.get(j).isServed());
      }
    }
  }

  @Test
  void emptyBatchesAndEmptyCatalogs() {
    MatrixFactorizationModel model = TestModels.random(5, 10, 3, 1, false);
    assertTrue(model.recommend(List.of(), 3, RecommendOptions.defaults(), 4).isEmpty());
    MatrixFactorizationModel noItems = TestModels.random(20, 0, 3, 1, false);
    for (Recommendations r : noItems.recommendAll(5, RecommendOptions.defaults(), 2)) {
      assertTrue(r.isEmpty());
    }
    assertTrue(noItems.similarUsers("u0", 3).size() <= 3);
  }

  @Test
  void anExceptionInAPoolThreadReachesTheCaller() {
    MatrixFactorizationModel model = TestModels.random(200, 50, 4, 3, false);
    IllegalStateException boom = new IllegalStateException("filter failed");
    RecommendOptions failing = RecommendOptions.builder().filter(i -> {
      throw boom;
    }).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> model.recommendAll(5, failing, 4));
    assertSame(boom, e);
  }

  @Test
  void batchRejectsACategoryCapOverAnotherIndexBeforeScoring() {
    MatrixFactorizationModel model = TestModels.random(5, 10, 3, 1, false);
    dev.reco.core.recommend.ItemCategories other = dev.reco.core.recommend.ItemCategories
        .builder(dev.reco.core.IdIndex.of("x")).put("x", "c").build();
    RecommendOptions o = RecommendOptions.builder().maxPerCategory(other, 1).build();
    // even for a batch of users without vectors, as the single call does
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.recommend(List.of("nobody"), 3, o, 2));
    assertTrue(e.getMessage().contains("categoryCap"), e.getMessage());
  }
}
