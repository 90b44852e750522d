package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BeyondAccuracyMetricsTest {
  private static final double EPS = 1e-15;

  // 4 training users; items 0..3 were touched by 4, 2, 1 and 0 users
  private static final ItemPopularity POPULARITY = ItemPopularity.of(new int[] {4, 2, 1, 0}, 4);

  @Test
  void selfInformationOfEachItem() {
    assertEquals(0.0, POPULARITY.selfInformation(0)); // -log2(4/4)
    assertEquals(1.0, POPULARITY.selfInformation(1), EPS); // -log2(2/4)
    assertEquals(2.0, POPULARITY.selfInformation(2), EPS); // -log2(1/4)
    assertEquals(2.0, POPULARITY.selfInformation(3), EPS); // untouched: count taken as 1
    assertEquals(0.5, POPULARITY.share(1));
    assertEquals(0, POPULARITY.users(3));
  }

  @Test
  void handComputedNovelty() {
    int[] list = {1, 2, 0};
    // (1 + 2 + 0) / 3 = 1
    assertEquals(1.0, BeyondAccuracyMetrics.novelty(list, 3, 10, POPULARITY), EPS);
    // K = 2: (1 + 2) / 2
    assertEquals(1.5, BeyondAccuracyMetrics.novelty(list, 3, 2, POPULARITY), EPS);
    assertEquals(2.0, BeyondAccuracyMetrics.novelty(new int[] {3}, 1, 5, POPULARITY), EPS);
  }

  @Test
  void handComputedAveragePopularity() {
    // (2 + 1 + 4) / 3 users
    assertEquals(7.0 / 3,
        BeyondAccuracyMetrics.averagePopularity(new int[] {1, 2, 0}, 3, 3, POPULARITY), EPS);
    // the untouched item counts 0 here (the floor of 1 is for novelty only)
    assertEquals(0.0, BeyondAccuracyMetrics.averagePopularity(new int[] {3}, 1, 3, POPULARITY));
  }

  @Test
  void popularityFromATrainingMatrixCountsUsersNotInteractions() {
    // users 0, 1, 2 (row 3 empty); user 0 touched item 1 twice (summed into one entry)
    CsrMatrix train = CsrMatrix.fromCoordinates(4, 3,
        new int[] {0, 0, 0, 1, 2}, new int[] {1, 1, 0, 1, 2}, null, 5);
    ItemPopularity p = ItemPopularity.fromUserItemMatrix(train);
    assertEquals(3, p.numUsers()); // the empty row is not a training user
    assertEquals(3, p.numItems());
    assertEquals(1, p.users(0));
    assertEquals(2, p.users(1));
    assertEquals(1, p.users(2));
    assertEquals(-Math.log(2.0 / 3) / Math.log(2), p.selfInformation(1), EPS);
  }

  @Test
  void handComputedCosineDiversity() {
    // dimension 2: item 0 = (1, 0), item 1 = (0, 1), item 2 = (1, 1), item 3 = (-1, 0)
    float[] vectors = {1, 0, 0, 1, 1, 1, -1, 0};
    // pairs (0,1): cos 0 -> 1; (0,2) and (1,2): cos 1/sqrt(2) -> 1 - 0.7071 each
    double expected = (1 + 2 * (1 - 1 / Math.sqrt(2))) / 3;
    assertEquals(expected,
        BeyondAccuracyMetrics.intraListCosineDistance(new int[] {0, 1, 2}, 3, 3, vectors, 2),
        1e-15);
    // opposite vectors: distance 2
    assertEquals(2.0,
        BeyondAccuracyMetrics.intraListCosineDistance(new int[] {0, 3}, 2, 2, vectors, 2), EPS);
    // parallel vectors of different length: distance 0
    assertEquals(0.0, BeyondAccuracyMetrics.intraListCosineDistance(
        new int[] {0, 1}, 2, 2, new float[] {2, 2, 0.5f, 0.5f}, 2), EPS);
  }

  @Test
  void handComputedCategoryDiversity() {
    int[] category = {0, 0, 1, 2};
    // 6 pairs of [0, 1, 2, 3]; only (0, 1) share a category: 5/6
    assertEquals(5.0 / 6, BeyondAccuracyMetrics.intraListCategoryDiversity(
        new int[] {0, 1, 2, 3}, 4, 4, category), EPS);
    assertEquals(0.0, BeyondAccuracyMetrics.intraListCategoryDiversity(
        new int[] {1, 0}, 2, 2, category));
  }

  @Test
  void handComputedCoverageAndGini() {
    // catalog of 5, K = 2: lists [0, 1, 2] and [1, 3] count 0, 1 and 1, 3
    RecommendationCounts counts = new RecommendationCounts(5, 2)
        .add(new int[] {0, 1, 2}, 3).add(new int[] {1, 3}, 2);
    assertEquals(2, counts.count(1));
    assertEquals(0, counts.count(2)); // past K
    assertEquals(4, counts.totalRecommendations());
    assertEquals(2, counts.lists());
    // distinct {0, 1, 3} / 5
    assertEquals(3.0 / 5, counts.coverage(), EPS);
    // sorted counts [0, 0, 1, 1, 2], coefficients 2j - m - 1 = -4, -2, 0, 2, 4:
    // (0 + 0 + 0 + 2 + 8) / (5 * 4) = 0.5
    assertEquals(0.5, counts.gini(), EPS);
  }

  @Test
  void giniExtremes() {
    RecommendationCounts even = new RecommendationCounts(3, 3).add(new int[] {0, 1, 2}, 3);
    assertEquals(0.0, even.gini(), EPS);
    RecommendationCounts one = new RecommendationCounts(4, 1);
    for (int u = 0; u < 10; u++) {
      one.add(new int[] {2, 1}, 2);
    }
    assertEquals(3.0 / 4, one.gini(), EPS); // (m - 1) / m
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.novelty(new int[] {0, 7}, 2, 2, POPULARITY));
    assertTrue(e.getMessage().contains("ranked[1] = 7"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.novelty(new int[0], 0, 2, POPULARITY));
    assertTrue(e.getMessage().contains("min(k, length) = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.intraListCategoryDiversity(new int[] {0, 1}, 2, 1,
            new int[] {0, 1}));
    assertTrue(e.getMessage().contains("expected at least 2 items"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.intraListCosineDistance(new int[] {0, 1}, 2, 2,
            new float[] {1, 0, 0, 0}, 2));
    assertTrue(e.getMessage().contains("vector of item 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BeyondAccuracyMetrics.intraListCosineDistance(new int[] {0, 1}, 2, 2,
            new float[] {1, 0, 0}, 2));
    assertTrue(e.getMessage().contains("dimension = 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new RecommendationCounts(3, 2).add(new int[] {1, 1}, 2));
    assertTrue(e.getMessage().contains("ranked[1] = 1 repeats"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new RecommendationCounts(3, 2).merge(new RecommendationCounts(3, 3)));
    assertTrue(e.getMessage().contains("k = 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ItemPopularity.of(new int[] {5}, 4));
    assertTrue(e.getMessage().contains("usersPerItem[0] = 5"), e.getMessage());
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> new RecommendationCounts(3, 2).gini());
    assertTrue(s.getMessage().contains("no recommendations"), s.getMessage());
    assertThrows(IllegalStateException.class, () -> new RecommendationCounts(3, 2).coverage());
  }

  @Property(tries = 150, seed = "20261123")
  void countsMergeExactlyAndStayInRange(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 50) int catalog, @ForAll @IntRange(min = 1, max = 10) int k,
      @ForAll @IntRange(min = 1, max = 4) int workers) {
    Random random = new Random(seed);
    RecommendationCounts all = new RecommendationCounts(catalog, k);
    RecommendationCounts[] parts = new RecommendationCounts[workers];
    for (int w = 0; w < workers; w++) {
      parts[w] = new RecommendationCounts(catalog, k);
    }
    int users = 1 + random.nextInt(30);
    for (int u = 0; u < users; u++) {
      int[] list = RankingMetricsTest.permutation(random, catalog);
      int length = 1 + random.nextInt(Math.min(catalog, 12));
      all.add(list, length);
      parts[random.nextInt(workers)].add(list, length);
    }
    RecommendationCounts merged = new RecommendationCounts(catalog, k);
    for (int w = workers - 1; w >= 0; w--) {
      merged.merge(parts[w]);
    }
    assertEquals(all.gini(), merged.gini(), 0.0);
    assertEquals(all.coverage(), merged.coverage(), 0.0);
    assertEquals(all.lists(), merged.lists());
    double gini = all.gini();
    assertTrue(gini >= -1e-15 && gini <= (catalog - 1.0) / catalog + 1e-15, "gini " + gini);
    // Gini equals the mean absolute difference over all ordered pairs / (2 * mean)
    double sumAbs = 0;
    for (int i = 0; i < catalog; i++) {
      for (int j = 0; j < catalog; j++) {
        sumAbs += Math.abs(all.count(i) - all.count(j));
      }
    }
    double mean = (double) all.totalRecommendations() / catalog;
    assertEquals(sumAbs / (2.0 * catalog * catalog * mean), gini, 1e-12);
  }

  @Property(tries = 150, seed = "20261124")
  void diversityAndNoveltyStayInRange(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 30) int catalog, @ForAll @IntRange(min = 2, max = 10) int k) {
    Random random = new Random(seed);
    int dimension = 1 + random.nextInt(5);
    float[] vectors = new float[catalog * dimension];
    int[] category = new int[catalog];
    int[] users = new int[catalog];
    int numUsers = 1 + random.nextInt(100);
    for (int i = 0; i < catalog; i++) {
      for (int d = 0; d < dimension; d++) {
        vectors[i * dimension + d] = random.nextInt(5) - 2;
      }
      vectors[i * dimension] += vectors[i * dimension] == 0 ? 1 : 0; // never the zero vector
      category[i] = random.nextInt(3);
      users[i] = random.nextInt(numUsers + 1);
    }
    ItemPopularity popularity = ItemPopularity.of(users, numUsers);
    int[] list = RankingMetricsTest.permutation(random, catalog);
    int length = 2 + random.nextInt(catalog - 1);
    double ild = BeyondAccuracyMetrics.intraListCosineDistance(list, length, k, vectors, dimension);
    assertTrue(ild >= 0.0 && ild <= 2.0, "ild " + ild);
    double share = BeyondAccuracyMetrics.intraListCategoryDiversity(list, length, k, category);
    assertTrue(share >= 0.0 && share <= 1.0, "share " + share);
    double novelty = BeyondAccuracyMetrics.novelty(list, length, k, popularity);
    assertTrue(novelty >= 0.0 && novelty <= Math.log(numUsers) / Math.log(2) + 1e-12);
    double arp = BeyondAccuracyMetrics.averagePopularity(list, length, k, popularity);
    assertTrue(arp >= 0.0 && arp <= numUsers);
  }
}
