package dev.reco.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.FallbackRecommender;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CategoryPopularityTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d", "e", "f");
  /** a, b in x; c, d in y; f in z; e has no category. */
  private static final ItemCategories CATEGORIES = ItemCategories.builder(ITEMS)
      .put("a", "x").put("b", "x").put("c", "y").put("d", "y").put("f", "z").build();

  /**
   * Popularity (rows per item): a 3 (p, q, s1), b 1 (s1), c 2 (q, s2), d 4 (s1-s4), e 5 (r, s1-s4),
   * f 1 (s4).
   */
  private static Interactions data() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM).itemIndex(ITEMS);
    String[][] rows = {
        {"p", "a"}, {"q", "a"}, {"q", "c"}, {"r", "e"},
        {"s1", "a"}, {"s1", "d"}, {"s1", "e"}, {"s1", "b"},
        {"s2", "d"}, {"s2", "e"}, {"s2", "c"}, {"s3", "d"}, {"s3", "e"},
        {"s4", "d"}, {"s4", "e"}, {"s4", "f"}};
    for (String[] row : rows) {
      b.add(row[0], row[1], 1f);
    }
    return b.build();
  }

  @Test
  void ranksWithinTheUsersCategories() {
    CategoryPopularity m = CategoryPopularity.fit(data(), CATEGORIES);
    assertEquals(3f, m.popularity(0));
    assertEquals(5f, m.popularity(4));
    // p saw a (x): only b is left in x, so the list is short
    Recommendations p = m.recommend("p", 5);
    assertEquals(List.of("b"), p.itemIds());
    assertEquals(Source.CATEGORY_POPULARITY, p.source());
    // q saw a (x) and c (y): d (4) then b (1); e (5) is uncategorised, f is in z
    assertEquals(List.of("d", "b"), m.recommend("q", 5).itemIds());
    assertArrayEquals(new float[] {4f, 1f}, m.recommend("q", 5).scores());
    assertEquals(List.of("d", "a", "c", "b"),
        m.recommend("q", 5, RecommendOptions.builder().excludeSeen(false).build()).itemIds());
  }

  @Test
  void usersWithoutCategorisedItemsAreNotServed() {
    CategoryPopularity m = CategoryPopularity.fit(data(), CATEGORIES);
    Recommendations r = m.recommend("r", 3); // r saw only e, which has no category
    assertFalse(r.isServed());
    assertFalse(m.recommend("nobody", 3).isServed());
  }

  @Test
  void recentItemsGiveAColdUserCategories() {
    CategoryPopularity m = CategoryPopularity.fit(data(), CATEGORIES);
    Recommendations r = m.recommend("nobody", 3, RecommendOptions.builder().recentItems(List.of("c")).build());
    assertEquals(Source.CATEGORY_POPULARITY, r.source());
    assertEquals(List.of("d"), r.itemIds(), "c itself is seen");
    // z holds only f, the recent item: served, but nothing left
    Recommendations onlyF = m.recommend("nobody", 3, RecommendOptions.builder().recentItems(List.of("f")).build());
    assertTrue(onlyF.isServed());
    assertTrue(onlyF.isEmpty());
  }

  @Test
  void aRequestedCategoryIsAFilter() {
    MostPopular global = MostPopular.fit(data());
    RecommendOptions inY = RecommendOptions.builder().filter(CATEGORIES.inCategory("y")).build();
    assertEquals(List.of("d", "c"), global.recommend("nobody", 5, inY).itemIds());
    CategoryPopularity m = CategoryPopularity.fit(data(), CATEGORIES);
    assertEquals(List.of("d"), m.recommend("q", 5, inY).itemIds());
  }

  @Test
  void categoriesLoadedAgainstAnotherIndexAreRealigned() {
    // c is index 3 here and index 2 in the data; zzz is not in the data
    IdIndex other = IdIndex.of("f", "d", "zzz", "c");
    ItemCategories loaded = ItemCategories.builder(other).put("d", "y").put("f", "z").put("zzz", "y")
        .put("c", "y").build();
    CategoryPopularity m = CategoryPopularity.fit(data(), loaded);
    assertTrue(m.categories().covers(ITEMS));
    assertEquals(List.of("c"), m.recommend("nobody", 3,
        RecommendOptions.builder().recentItems(List.of("d")).build()).itemIds());
  }

  @Test
  void fallbackChainNamesTheServingSource() {
    CategoryPopularity category = CategoryPopularity.fit(data(), CATEGORIES);
    MostPopular global = MostPopular.fit(data());
    FallbackRecommender chain = FallbackRecommender.of(category, global);
    assertEquals(Source.CATEGORY_POPULARITY, chain.recommend("q", 2).source());
    Recommendations r = chain.recommend("r", 2);
    assertEquals(Source.POPULARITY, r.source());
    assertEquals(List.of("d", "a"), r.itemIds(), "e is seen by r");
    assertEquals(Source.POPULARITY, chain.recommend("nobody", 2).source());
    assertEquals(Source.CATEGORY_POPULARITY, chain.recommend("nobody", 2,
        RecommendOptions.builder().recentItems(List.of("a")).build()).source());
    // filling: p's short category list (b) is completed by global popularity
    FallbackRecommender filling = FallbackRecommender.filling(category, global);
    Recommendations filled = filling.recommend("p", 3);
    assertEquals(List.of("b", "e", "d"), filled.itemIds());
    assertEquals(Source.CATEGORY_POPULARITY, filled.source(0));
    assertEquals(Source.POPULARITY, filled.source(1));
    assertEquals(Source.POPULARITY, filled.source(2));
  }

  /** Reference: every item of the user's categories, sorted by (popularity desc, index asc). */
  @Property(tries = 200, seed = "4242")
  void agreesWithAReferenceRanking(@ForAll @IntRange(min = 1, max = 30) int numItems,
      @ForAll @IntRange(min = 1, max = 25) int k, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < numItems; i++) {
      ids.add("i" + i);
    }
    IdIndex items = IdIndex.of(ids);
    int[] cat = new int[numItems];
    for (int i = 0; i < numItems; i++) {
      cat[i] = random.nextInt(5) - 1;
    }
    ItemCategories categories = ItemCategories.of(items, IdIndex.of("w", "x", "y", "z"), cat);
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL).itemIndex(items);
    for (int r = random.nextInt(60); r >= 0; r--) {
      b.add("u" + random.nextInt(6), ids.get(random.nextInt(numItems)), 1f);
    }
    Interactions data = b.build();
    CategoryPopularity m = CategoryPopularity.fit(data, categories);
    int[] count = data.itemCounts();
    for (String user : data.users().ids()) {
      int u = data.users().indexOf(user);
      Set<Integer> seen = new HashSet<>();
      Set<Integer> engaged = new HashSet<>();
      for (int i : data.byUser().rowColumns(u)) {
        seen.add(i);
        if (cat[i] >= 0) {
          engaged.add(cat[i]);
        }
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < numItems; i++) {
        if (!seen.contains(i) && cat[i] >= 0 && engaged.contains(cat[i])) {
          expected.add(i);
        }
      }
      expected.sort((x, y) -> count[x] != count[y] ? count[y] - count[x] : x - y);
      Recommendations r = m.recommend(user, k);
      assertEquals(!engaged.isEmpty(), r.isServed(), user);
      List<Integer> got = new ArrayList<>();
      for (int rank = 0; rank < r.size(); rank++) {
        got.add(r.itemIndex(rank));
        assertEquals(count[r.itemIndex(rank)], r.score(rank));
      }
      assertEquals(expected.subList(0, Math.min(k, expected.size())), got, user);
    }
  }
}
