package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link Recommender} must meet, as a reusable test suite: extend it, implement
 * {@link #fit(Interactions)}, and every test runs against your recommender on the
 * {@link ContractFixture} data set.
 *
 * <pre>{@code
 * class AlsContractTest extends RecommenderContractTest {
 *   @Override
 *   protected Recommender fit(Interactions train) {
 *     return Als.fit(train, AlsConfig.defaults().withSeed(7));
 *   }
 *
 *   @Override
 *   protected boolean expectsSimilarItems() {
 *     return true;
 *   }
 * }
 * }</pre>
 *
 * Other modules get this class from reco-core's test jar ({@code <type>test-jar</type>},
 * scope {@code test}). The model is fitted once per test class ({@link TestInstance.Lifecycle#PER_CLASS}).
 *
 * <p>What is checked: ranking order (scores non-increasing within each source, ties by lower
 * index), no duplicates, ids consistent with indexes; k bounds (1, catalog size, beyond it, and
 * {@code k < 1} rejected); prefix consistency (the top k of a longer list); seen-item exclusion,
 * recent items, allow-list, deny-list, predicate, category cap, each and combined, against a
 * reference that filters the unfiltered full ranking; unknown users and items never throw;
 * determinism across calls and refits; thread-safety; batch equals single calls; null arguments.
 * A test that a model legitimately cannot meet can be overridden (and disabled) in the subclass,
 * with the reason in a comment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecommenderContractTest {
  private Recommender model;

  /**
   * Fits the recommender under test on the given training data; called twice (for the
   * determinism check), so it must not depend on anything but its argument and fixed settings.
   *
   * @param train the {@link ContractFixture} training data
   * @return a fitted recommender
   */
  protected abstract Recommender fit(Interactions train);

  /** Returns whether the recommender under test supports {@code similarItems}; default false. */
  protected boolean expectsSimilarItems() {
    return false;
  }

  /**
   * Returns whether every user with training events is served (not {@link Source#NONE}) with
   * default options; default true.
   */
  protected boolean servesEveryTrainingUser() {
    return true;
  }

  /** Returns the fixture's training data. */
  protected final Interactions train() {
    return ContractFixture.train();
  }

  /** Returns the fixture's item categories. */
  protected final ItemCategories categories() {
    return ContractFixture.categories();
  }

  /** Returns the model fitted for this test class. */
  protected final Recommender model() {
    return model;
  }

  @BeforeAll
  final void fitModel() {
    model = fit(train());
    assertNotNull(model, "fit returned null");
  }

  // ---------------------------------------------------------------------------------------------
  // shared checks and reference filters

  /** The catalog size. */
  protected final int catalog() {
    return train().numItems();
  }

  /** Users to request: every user with events, the known user without events, unknown ids. */
  protected final List<String> allRequestUsers() {
    List<String> users = new ArrayList<>(ContractFixture.activeUsers());
    users.add(ContractFixture.USER_WITHOUT_ROWS);
    users.add(ContractFixture.UNKNOWN_USER);
    users.add("");
    return users;
  }

  /** Option sets exercised by the determinism and thread-safety checks. */
  protected final List<RecommendOptions> optionVariants() {
    return List.of(
        RecommendOptions.defaults(),
        RecommendOptions.builder().excludeSeen(false).build(),
        RecommendOptions.builder().deny(List.of("i00", "i01", "i12")).filter(i -> i % 3 != 1).build(),
        RecommendOptions.builder().maxPerCategory(categories(), 2).recentItems(List.of("i05", "i20"))
            .build());
  }

  private int[] seen(String userId) {
    int u = train().users().indexOf(userId);
    if (u == IdIndex.UNKNOWN) {
      return new int[0];
    }
    return train().byUser().rowColumns(u);
  }

  /** Asserts the structural invariants every list must satisfy. */
  protected final void assertWellFormed(Recommendations r, int k, String what) {
    assertNotNull(r, what + ": null result");
    assertNotNull(r.source(), what + ": null source");
    assertTrue(r.size() <= k, what + ": " + r.size() + " items for k = " + k);
    if (!r.isServed()) {
      assertTrue(r.isEmpty(), what + ": unserved but not empty: " + r);
    }
    assertTrue(r.items() == model.items() || r.items().equals(model.items()),
        what + ": result refers to another item index");
    Set<Integer> distinct = new HashSet<>();
    for (int rank = 0; rank < r.size(); rank++) {
      int item = r.itemIndex(rank);
      assertTrue(item >= 0 && item < model.items().size(), what + ": item index " + item);
      assertTrue(distinct.add(item), what + ": item " + item + " listed twice in " + r);
      assertEquals(model.items().idOf(item), r.itemId(rank), what + ": id of rank " + rank);
      assertFalse(Float.isNaN(r.score(rank)), what + ": NaN score at rank " + rank);
      assertNotNull(r.source(rank), what + ": null source at rank " + rank);
      assertFalse(r.source(rank).isNone(), what + ": rank " + rank + " has source none");
      if (rank > 0 && r.source(rank).equals(r.source(rank - 1))) {
        assertTrue(TopK.ranksBefore(r.itemIndex(rank - 1), r.score(rank - 1), item, r.score(rank)),
            what + ": rank " + rank + " (item " + item + ", score " + r.score(rank)
                + ") out of order after (item " + r.itemIndex(rank - 1) + ", score "
                + r.score(rank - 1) + ")");
      }
    }
    if (!r.isEmpty()) {
      assertEquals(r.source(0), r.source(), what + ": source() is not the source of rank 0");
    }
  }

  /**
   * Reference filter: keeps the entries of {@code full} that {@code keep} accepts, then applies a
   * greedy per-category cap, then truncates to {@code k}.
   */
  protected static List<ScoredItem> reference(Recommendations full, IntPredicate keep,
      ItemCategories capCategories, int capMax, int k) {
    List<ScoredItem> out = new ArrayList<>();
    int[] counts = capCategories == null ? null : new int[capCategories.numCategories()];
    for (ScoredItem e : full.asList()) {
      if (out.size() == k) {
        break;
      }
      if (!keep.test(e.index())) {
        continue;
      }
      if (counts != null) {
        int c = capCategories.categoryOf(e.index());
        if (c != ItemCategories.NONE) {
          if (counts[c] == capMax) {
            continue;
          }
          counts[c]++;
        }
      }
      out.add(e);
    }
    return out;
  }

  private static IntPredicate in(IdIndex items, List<String> ids) {
    Set<Integer> set = new HashSet<>();
    for (String id : ids) {
      int i = items.indexOf(id);
      if (i != IdIndex.UNKNOWN) {
        set.add(i);
      }
    }
    return set::contains;
  }

  // ---------------------------------------------------------------------------------------------
  // ordering and k

  @Test
  void listsAreRankedWellFormedAndRespectK() {
    for (String user : allRequestUsers()) {
      for (int k : new int[] {1, 5, catalog(), catalog() + 7}) {
        assertWellFormed(model.recommend(user, k, RecommendOptions.defaults()), k,
            "recommend(" + user + ", " + k + ")");
      }
    }
  }

  @Test
  void trainingUsersAreServed() {
    if (!servesEveryTrainingUser()) {
      return;
    }
    for (String user : ContractFixture.activeUsers()) {
      Recommendations r = model.recommend(user, 10);
      assertTrue(r.isServed(), "user " + user + " not served: " + r);
      assertFalse(r.isEmpty(), "user " + user + " got an empty list");
    }
  }

  @Test
  void shorterListsArePrefixesOfLongerOnes() {
    for (String user : allRequestUsers()) {
      Recommendations full = model.recommend(user, catalog(), RecommendOptions.defaults());
      for (int k : new int[] {1, 3, 7}) {
        Recommendations r = model.recommend(user, k, RecommendOptions.defaults());
        assertEquals(full.asList().subList(0, Math.min(k, full.size())), r.asList(),
            "recommend(" + user + ", " + k + ") is not the top " + k + " of the full list");
      }
    }
  }

  @Test
  void kBeyondTheCatalogGivesTheSameAsTheCatalogSize() {
    for (String user : allRequestUsers()) {
      RecommendOptions all = RecommendOptions.builder().excludeSeen(false).build();
      assertEquals(model.recommend(user, catalog(), all), model.recommend(user, catalog() + 100, all),
          "user " + user);
      assertEquals(model.recommend(user, catalog()), model.recommend(user, Integer.MAX_VALUE),
          "user " + user + " with k = Integer.MAX_VALUE");
    }
  }

  @Test
  void kBelowOneIsRejectedNamingK() {
    for (String user : List.of("u00", ContractFixture.UNKNOWN_USER)) {
      for (int k : new int[] {0, -1, Integer.MIN_VALUE}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> model.recommend(user, k, RecommendOptions.defaults()));
        assertTrue(e.getMessage().contains("k = " + k), e.getMessage());
      }
    }
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
        () -> model.recommend(List.of("u00"), 0, RecommendOptions.defaults()));
    assertTrue(batch.getMessage().contains("k = 0"), batch.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> model.recommend(List.of(), -2, RecommendOptions.defaults()));
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThrows(NullPointerException.class, () -> model.recommend((String) null, 3, RecommendOptions.defaults()));
    assertThrows(NullPointerException.class, () -> model.recommend("u00", 3, null));
    assertThrows(NullPointerException.class, () -> model.recommend((List<String>) null, 3, RecommendOptions.defaults()));
  }

  @Test
  void itemIndexIsTheTrainingIndex() {
    assertTrue(model.items() == train().items() || model.items().equals(train().items()),
        "items() should be the training item index");
  }

  // ---------------------------------------------------------------------------------------------
  // seen items

  @Test
  void excludeSeenRemovesExactlyTheTrainingItems() {
    RecommendOptions keepSeen = RecommendOptions.builder().excludeSeen(false).build();
    for (String user : allRequestUsers()) {
      int[] seen = seen(user);
      Recommendations excluded = model.recommend(user, catalog(), RecommendOptions.defaults());
      Recommendations kept = model.recommend(user, catalog(), keepSeen);
      assertWellFormed(kept, catalog(), "keepSeen " + user);
      for (int i : seen) {
        assertFalse(excluded.contains(i), "user " + user + " was recommended seen item " + i);
      }
      assertEquals(reference(kept, i -> Arrays.binarySearch(seen, i) < 0, null, 0, catalog()),
          excluded.asList(), "user " + user + ": excluding seen items must only remove them");
      if (seen.length > 0 && kept.isServed()) {
        boolean any = false;
        for (int i : seen) {
          any |= kept.contains(i);
        }
        assertTrue(any, "user " + user + ": excludeSeen(false) should allow seen items: " + kept);
      }
    }
  }

  @Test
  void recentItemsAreSeenItems() {
    for (String user : List.of("u01", "u02", ContractFixture.UNKNOWN_USER)) {
      Recommendations plain = model.recommend(user, 6);
      List<String> recent = new ArrayList<>(plain.itemIds().subList(0, Math.min(3, plain.size())));
      recent.add(ContractFixture.UNKNOWN_ITEM);
      RecommendOptions withRecent = RecommendOptions.builder().recentItems(recent).build();
      Recommendations r = model.recommend(user, catalog(), withRecent);
      assertWellFormed(r, catalog(), "recentItems " + user);
      for (String id : recent) {
        assertFalse(r.itemIds().contains(id), "user " + user + " was recommended recent item " + id);
      }
      for (int i : seen(user)) {
        assertFalse(r.contains(i), "user " + user + " was recommended seen item " + i);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // filters

  private void assertFilterCommutes(RecommendOptions filtered, RecommendOptions unfiltered,
      IntPredicate keep, ItemCategories cap, int capMax, String what) {
    for (String user : allRequestUsers()) {
      Recommendations full = model.recommend(user, catalog(), unfiltered);
      for (int k : new int[] {3, catalog()}) {
        Recommendations r = model.recommend(user, k, filtered);
        assertWellFormed(r, k, what + " " + user);
        assertEquals(reference(full, keep, cap, capMax, k), r.asList(),
            what + ": user " + user + ", k = " + k);
      }
    }
  }

  @Test
  void allowListRestrictsToAllowedItems() {
    List<String> allow = List.of("i02", "i05", "i09", "i13", "i21", "i25", "i33", "i38", "i39",
        ContractFixture.UNKNOWN_ITEM);
    assertFilterCommutes(RecommendOptions.builder().allow(allow).build(), RecommendOptions.defaults(),
        in(model.items(), allow), null, 0, "allow");
  }

  @Test
  void emptyAllowListAllowsNothing() {
    for (String user : allRequestUsers()) {
      Recommendations r = model.recommend(user, 5, RecommendOptions.builder().allow(List.of()).build());
      assertTrue(r.isEmpty(), "user " + user + ": " + r);
    }
  }

  @Test
  void denyListRemovesDeniedItems() {
    List<String> deny = List.of("i00", "i01", "i02", "i14", "i30", ContractFixture.UNKNOWN_ITEM);
    IntPredicate denied = in(model.items(), deny);
    assertFilterCommutes(RecommendOptions.builder().deny(deny).build(), RecommendOptions.defaults(),
        denied.negate(), null, 0, "deny");
    // deny applies even when seen items are allowed
    assertFilterCommutes(RecommendOptions.builder().deny(deny).excludeSeen(false).build(),
        RecommendOptions.builder().excludeSeen(false).build(), denied.negate(), null, 0,
        "deny with seen");
  }

  @Test
  void predicateFiltersByDenseIndex() {
    IntPredicate even = i -> i % 2 == 0;
    assertFilterCommutes(RecommendOptions.builder().filter(even).build(), RecommendOptions.defaults(),
        even, null, 0, "predicate");
    IntPredicate inC1 = categories().inCategory("c1");
    assertFilterCommutes(RecommendOptions.builder().filter(inC1).build(), RecommendOptions.defaults(),
        inC1, null, 0, "category predicate");
  }

  @Test
  void categoryCapLimitsItemsPerCategory() {
    for (int max : new int[] {1, 2}) {
      RecommendOptions capped = RecommendOptions.builder().maxPerCategory(categories(), max).build();
      assertFilterCommutes(capped, RecommendOptions.defaults(), i -> true, categories(), max,
          "cap " + max);
      for (String user : ContractFixture.activeUsers()) {
        Recommendations r = model.recommend(user, catalog(), capped);
        int[] counts = new int[categories().numCategories()];
        for (int rank = 0; rank < r.size(); rank++) {
          int c = categories().categoryOf(r.itemIndex(rank));
          if (c != ItemCategories.NONE) {
            assertTrue(++counts[c] <= max, "user " + user + ": category " + c + " over cap: " + r);
          }
        }
      }
    }
  }

  @Test
  void filtersCombine() {
    List<String> allow = new ArrayList<>();
    for (int i = 0; i < catalog(); i += 2) {
      allow.add(String.format("i%02d", i));
    }
    allow.add("i15");
    List<String> deny = List.of("i04", "i15", "i30");
    IntPredicate predicate = i -> i != 8;
    RecommendOptions combined = RecommendOptions.builder().excludeSeen(false).allow(allow).deny(deny)
        .filter(predicate).maxPerCategory(categories(), 2).build();
    IntPredicate keep = in(model.items(), allow).and(in(model.items(), deny).negate()).and(predicate);
    assertFilterCommutes(combined, RecommendOptions.builder().excludeSeen(false).build(), keep,
        categories(), 2, "combined");
  }

  @Test
  void categoryCapOverAnotherItemIndexIsRejected() {
    ItemCategories other = ItemCategories.builder(IdIndex.of("x", "y")).put("x", "c").build();
    RecommendOptions options = RecommendOptions.builder().maxPerCategory(other, 1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.recommend("u00", 3, options));
    assertTrue(e.getMessage().contains("categoryCap"), e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // unknown users and items

  @Test
  void unknownUsersNeverThrowAndReportASource() {
    List<RecommendOptions> options = new ArrayList<>(optionVariants());
    options.add(RecommendOptions.builder().recentItems(List.of("i01", "i13", ContractFixture.UNKNOWN_ITEM)).build());
    options.add(RecommendOptions.builder().recentItems(List.of(ContractFixture.UNKNOWN_ITEM)).build());
    for (String user : List.of(ContractFixture.UNKNOWN_USER, ContractFixture.USER_WITHOUT_ROWS, "",
        "u00-but-not-quite", "ü ∂ 🙂")) {
      for (RecommendOptions o : options) {
        for (int k : new int[] {1, 10, catalog() + 1}) {
          Recommendations r = model.recommend(user, k, o);
          assertWellFormed(r, k, "unknown user '" + user + "' " + o);
        }
      }
    }
  }

  @Test
  void similarItemsSupportIsAsDeclared() {
    assertEquals(expectsSimilarItems(), model.supportsSimilarItems());
    if (!model.supportsSimilarItems()) {
      assertThrows(UnsupportedOperationException.class, () -> model.similarItems("i00", 5));
      return;
    }
    for (String item : List.of(ContractFixture.UNKNOWN_ITEM, "")) {
      Recommendations r = model.similarItems(item, 5);
      assertTrue(r.isEmpty(), "unknown item " + item + ": " + r);
      assertFalse(r.isServed(), "unknown item " + item + " should be unserved: " + r);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.similarItems("i00", 0));
    assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    assertThrows(NullPointerException.class, () -> model.similarItems(null, 3));
    for (String item : model.items().ids()) {
      int query = model.items().indexOf(item);
      Recommendations full = model.similarItems(item, catalog());
      assertWellFormed(full, catalog(), "similarItems(" + item + ")");
      assertFalse(full.contains(query), "similarItems(" + item + ") lists the item itself");
      assertEquals(full, model.similarItems(item, catalog()), "similarItems is not deterministic");
      Recommendations top3 = model.similarItems(item, 3);
      assertEquals(full.asList().subList(0, Math.min(3, full.size())), top3.asList());
      List<String> deny = List.of("i00", "i01", "i02");
      IntPredicate denied = in(model.items(), deny);
      Recommendations filtered = model.similarItems(item, catalog(),
          RecommendOptions.builder().deny(deny).build());
      assertEquals(reference(full, denied.negate(), null, 0, catalog()), filtered.asList(),
          "similarItems(" + item + ") with a deny-list");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // determinism, threads, batch

  @Test
  void callsAndRefitsAreDeterministic() {
    Recommender again = fit(train());
    for (RecommendOptions o : optionVariants()) {
      for (String user : allRequestUsers()) {
        Recommendations first = model.recommend(user, 12, o);
        assertEquals(first, model.recommend(user, 12, o), "second call for " + user + " " + o);
        assertEquals(first, again.recommend(user, 12, o), "refit for " + user + " " + o);
      }
    }
  }

  @Test
  void concurrentCallsGiveTheSequentialResults() throws Exception {
    List<String> users = allRequestUsers();
    List<RecommendOptions> options = optionVariants();
    List<Recommendations> expected = new ArrayList<>();
    for (RecommendOptions o : options) {
      for (String user : users) {
        expected.add(model.recommend(user, 10, o));
      }
    }
    int threads = 4;
    int rounds = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        tasks.add(() -> {
          start.await();
          int mismatches = 0;
          for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < expected.size(); j++) {
              // each thread walks the requests from a different starting point
              int q = (j + offset * 17) % expected.size();
              RecommendOptions o = options.get(q / users.size());
              String user = users.get(q % users.size());
              if (!expected.get(q).equals(model.recommend(user, 10, o))) {
                mismatches++;
              }
            }
          }
          return mismatches;
        });
      }
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Integer> f : futures) {
        assertEquals(0, f.get(60, TimeUnit.SECONDS), "concurrent results differ from sequential ones");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void batchEqualsSingleCalls() {
    List<String> users = new ArrayList<>(allRequestUsers());
    users.add("u03"); // a repeated user
    for (RecommendOptions o : optionVariants()) {
      List<Recommendations> batch = model.recommend(users, 7, o);
      assertEquals(users.size(), batch.size());
      for (int j = 0; j < users.size(); j++) {
        assertEquals(model.recommend(users.get(j), 7, o), batch.get(j), "user " + users.get(j));
      }
    }
    assertTrue(model.recommend(List.of(), 3, RecommendOptions.defaults()).isEmpty());
  }
}
