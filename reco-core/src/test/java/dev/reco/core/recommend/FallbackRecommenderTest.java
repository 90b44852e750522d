package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class FallbackRecommenderTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d", "e");
  private static final Source MODEL = new Source("model");
  private static final Source CATEGORY = new Source("category");
  private static final Source GLOBAL = new Source("global");

  /**
   * Serves only the users in its map, each with a fixed ranking (item indexes, scores 10, 9, ...);
   * counts its calls.
   */
  private static final class Fixed implements Recommender {
    final Source source;
    final Map<String, int[]> rankings;
    final IdIndex items;
    int calls;
    int batchCalls;

    Fixed(Source source, Map<String, int[]> rankings) {
      this(source, rankings, ITEMS);
    }

    Fixed(Source source, Map<String, int[]> rankings, IdIndex items) {
      this.source = source;
      this.rankings = rankings;
      this.items = items;
    }

    @Override
    public IdIndex items() {
      return items;
    }

    @Override
    public Recommendations recommend(String userId, int k, RecommendOptions options) {
      Objects.requireNonNull(userId, "userId");
      calls++;
      CandidateSelector selector = CandidateSelector.forUser(items, k, options, null, -1);
      int[] ranking = rankings.get(userId);
      if (ranking == null) {
        ranking = rankings.get("*");
      }
      if (ranking == null) {
        return selector.result(Source.NONE);
      }
      float[] scores = new float[ranking.length];
      for (int r = 0; r < ranking.length; r++) {
        scores[r] = 10 - r;
      }
      return selector.selectFromRanking(ranking, scores, source);
    }

    @Override
    public List<Recommendations> recommend(List<String> userIds, int k, RecommendOptions options) {
      batchCalls++;
      return Recommender.super.recommend(userIds, k, options);
    }
  }

  private static Fixed model() {
    return new Fixed(MODEL, Map.of("known", new int[] {4, 3}));
  }

  private static Fixed category() {
    return new Fixed(CATEGORY, Map.of("known", new int[] {0, 1}, "cold", new int[] {2, 1}));
  }

  private static Fixed global() {
    return new Fixed(GLOBAL, Map.of("*", new int[] {0, 1, 2, 3, 4}));
  }

  @Test
  void eachUserIsServedByTheFirstMemberThatKnowsThem() {
    FallbackRecommender chain = FallbackRecommender.of(model(), category(), global());
    Recommendations known = chain.recommend("known", 2);
    assertEquals(MODEL, known.source());
    assertArrayEquals(new int[] {4, 3}, known.itemIndexes());
    Recommendations cold = chain.recommend("cold", 2);
    assertEquals(CATEGORY, cold.source());
    assertArrayEquals(new int[] {2, 1}, cold.itemIndexes());
    Recommendations stranger = chain.recommend("stranger", 2);
    assertEquals(GLOBAL, stranger.source());
    assertArrayEquals(new int[] {0, 1}, stranger.itemIndexes());
    assertFalse(chain.fills());
    assertEquals(3, chain.chain().size());
  }

  @Test
  void aShortServedListIsReturnedAsItIsWithoutFill() {
    FallbackRecommender chain = FallbackRecommender.of(model(), global());
    Recommendations r = chain.recommend("known", 4);
    assertArrayEquals(new int[] {4, 3}, r.itemIndexes());
    assertEquals(MODEL, r.source());
    // a served list emptied by filters is an answer too
    Recommendations filtered = chain.recommend("known", 4,
        RecommendOptions.builder().deny(List.of("d", "e")).build());
    assertTrue(filtered.isServed());
    assertTrue(filtered.isEmpty());
    assertEquals(MODEL, filtered.source());
  }

  @Test
  void fillingCompletesAShortListFromTheNextMembersWithoutDuplicates() {
    FallbackRecommender chain = FallbackRecommender.filling(model(), category(), global());
    Recommendations r = chain.recommend("known", 5);
    // model: e, d; category: a, b; global: a, b, c, d, e -> only c is new
    assertArrayEquals(new int[] {4, 3, 0, 1, 2}, r.itemIndexes());
    assertArrayEquals(new float[] {10f, 9f, 10f, 9f, 8f}, r.scores());
    assertEquals(List.of(MODEL, MODEL, CATEGORY, CATEGORY, GLOBAL),
        r.asList().stream().map(ScoredItem::source).toList());
    assertEquals(MODEL, r.source());
    assertFalse(r.isSingleSource());
    // a list the first member fills completely stays single-source
    Recommendations top2 = chain.recommend("known", 2);
    assertTrue(top2.isSingleSource());
    assertEquals(MODEL, top2.source());
    assertTrue(chain.fills());
  }

  @Test
  void fillingAfterAnEmptyServedListTakesTheNextSource() {
    FallbackRecommender chain = FallbackRecommender.filling(model(), global());
    Recommendations r = chain.recommend("known", 2,
        RecommendOptions.builder().deny(List.of("d", "e")).build());
    assertArrayEquals(new int[] {0, 1}, r.itemIndexes());
    assertEquals(GLOBAL, r.source());
  }

  @Test
  void noServingMemberGivesAnUnservedList() {
    FallbackRecommender chain = FallbackRecommender.of(model(), category());
    Recommendations r = chain.recommend("stranger", 3);
    assertFalse(r.isServed());
    assertTrue(r.isEmpty());
    assertFalse(FallbackRecommender.filling(model()).recommend("stranger", 3).isServed());
  }

  @Test
  void batchAsksEachMemberOnlyForTheUsersLeft() {
    Fixed m = model();
    Fixed c = category();
    Fixed g = global();
    FallbackRecommender chain = FallbackRecommender.of(m, c, g);
    List<String> users = List.of("known", "cold", "stranger", "known");
    List<Recommendations> batch = chain.recommend(users, 2, RecommendOptions.defaults());
    for (int j = 0; j < users.size(); j++) {
      assertEquals(chain.recommend(users.get(j), 2), batch.get(j));
    }
    assertEquals(1, m.batchCalls);
    assertEquals(1, c.batchCalls);
    assertEquals(1, g.batchCalls);
    // the batch asks model for 4 users, category for 2 (cold, stranger), global for 1 (stranger);
    // the single calls in the loop above ask each member exactly as often again
    assertEquals(4 + 4, m.calls);
    assertEquals(2 + 2, c.calls);
    assertEquals(1 + 1, g.calls);
    FallbackRecommender filling = FallbackRecommender.filling(model(), category(), global());
    List<Recommendations> filled = filling.recommend(users, 5, RecommendOptions.defaults());
    for (int j = 0; j < users.size(); j++) {
      assertEquals(filling.recommend(users.get(j), 5), filled.get(j));
    }
  }

  @Test
  void membersMustShareTheItemIndex() {
    Fixed other = new Fixed(GLOBAL, Map.of(), IdIndex.of("a", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FallbackRecommender.of(model(), other));
    assertTrue(e.getMessage().contains("chain[1]"), e.getMessage());
    Fixed equal = new Fixed(GLOBAL, Map.of(), IdIndex.of("a", "b", "c", "d", "e"));
    assertSame(ITEMS, FallbackRecommender.of(model(), equal).items());
    assertThrows(NullPointerException.class, () -> FallbackRecommender.of(model(), (Recommender) null));
  }

  @Test
  void rejectsBadRequests() {
    FallbackRecommender chain = FallbackRecommender.of(model(), global());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chain.recommend("known", 0));
    assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    assertThrows(NullPointerException.class, () -> chain.recommend((String) null, 2));
    assertThrows(NullPointerException.class, () -> chain.recommend("known", 2, null));
    assertThrows(UnsupportedOperationException.class, () -> chain.similarItems("a", 2));
  }

  @Test
  void similarItemsGoToTheFirstSupportingMemberThatServes() {
    // co-occurrence on a tiny data set: users x = {a, b}, y = {a, c}, z = {b, c}
    dev.reco.core.Interactions data = dev.reco.core.Interactions.builder(dev.reco.core.DuplicatePolicy.SUM)
        .add("x", "a", 1f).add("x", "b", 1f).add("y", "a", 1f).add("y", "c", 1f)
        .add("z", "b", 1f).add("z", "c", 1f).add("w", "d", 1f).build();
    CooccurrenceRecommender cooc = CooccurrenceRecommender.fit(data);
    Recommender popular = new Fixed(GLOBAL, Map.of("*", new int[] {0}), data.items());
    FallbackRecommender chain = FallbackRecommender.of(popular, cooc);
    assertTrue(chain.supportsSimilarItems());
    Recommendations similar = chain.similarItems("a", 3);
    assertEquals(CooccurrenceRecommender.SOURCE, similar.source());
    // cooc(a, b) = 1 (x), cooc(a, c) = 1 (y), cooc(a, d) = 0
    assertEquals(List.of("b", "c", "d"), similar.itemIds());
    assertArrayEquals(new float[] {1f, 1f, 0f}, similar.scores());
    assertFalse(chain.similarItems("unknown", 3).isServed());
    // the user side still comes from the first member
    assertEquals(GLOBAL, chain.recommend("x", 1, RecommendOptions.builder().excludeSeen(false).build()).source());
  }
}
