package dev.reco.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomRecommenderTest {
  private static Interactions tenItems() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM);
    for (int i = 0; i < 10; i++) {
      b.add("u" + (i % 2), "i" + i, 1f);
    }
    return b.build();
  }

  @Test
  void orderIsFixedBySeedAndUser() {
    Interactions data = tenItems();
    RandomRecommender a = RandomRecommender.fit(data, RandomRecommenderConfig.withSeed(1));
    RandomRecommender same = RandomRecommender.fit(data, RandomRecommenderConfig.withSeed(1));
    RandomRecommender other = RandomRecommender.fit(data, RandomRecommenderConfig.withSeed(2));
    assertEquals(a.recommend("x", 10), same.recommend("x", 10));
    assertNotEquals(a.recommend("x", 10).itemIds(), other.recommend("x", 10).itemIds());
    assertNotEquals(a.recommend("x", 10).itemIds(), a.recommend("y", 10).itemIds());
    Recommendations r = a.recommend("x", 10);
    assertEquals(Source.RANDOM, r.source());
    assertEquals(10, r.size());
    for (int rank = 0; rank < r.size(); rank++) {
      assertTrue(r.score(rank) >= 0f && r.score(rank) < 1f, "score " + r.score(rank));
    }
  }

  @Test
  void scoresDoNotDependOnFiltersOrSeenItems() {
    Interactions data = tenItems();
    RandomRecommender m = RandomRecommender.fit(data, RandomRecommenderConfig.withSeed(9));
    Recommendations all = m.recommend("u0", 10, RecommendOptions.builder().excludeSeen(false).build());
    Recommendations unseen = m.recommend("u0", 10);
    assertEquals(5, unseen.size(), "u0 saw i0, i2, i4, i6, i8");
    for (int rank = 0; rank < unseen.size(); rank++) {
      String id = unseen.itemId(rank);
      assertFalse(List.of("i0", "i2", "i4", "i6", "i8").contains(id));
      assertEquals(all.score(all.itemIds().indexOf(id)), unseen.score(rank));
    }
  }

  @Test
  void firstPlacesAreSpreadEvenly() {
    Interactions data = tenItems();
    RandomRecommender m = RandomRecommender.fit(data, RandomRecommenderConfig.withSeed(3));
    int[] first = new int[10];
    int users = 5000;
    for (int u = 0; u < users; u++) {
      first[m.recommend("user-" + u, 1).itemIndex(0)]++;
    }
    // expected 500 per item; 5 standard deviations (sqrt(5000 * 0.1 * 0.9) = 21.2) is 106
    for (int i = 0; i < 10; i++) {
      assertTrue(Math.abs(first[i] - 500) < 106, "item " + i + " first " + first[i] + " times");
    }
  }

  @Test
  void similarItemsAreNotSupported() {
    RandomRecommender m = RandomRecommender.fit(tenItems(), RandomRecommenderConfig.withSeed(0));
    assertFalse(m.supportsSimilarItems());
  }
}
