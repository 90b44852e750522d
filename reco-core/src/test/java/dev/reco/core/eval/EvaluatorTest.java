package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.baseline.MostPopular;
import dev.reco.core.baseline.RandomRecommender;
import dev.reco.core.baseline.RandomRecommenderConfig;
import dev.reco.core.recommend.ContractFixture;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.Source;
import dev.reco.core.split.Split;
import dev.reco.core.split.Splitter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  /** A recommender that returns fixed lists, to check the evaluator's arithmetic. */
  private static final class FixedLists implements Recommender {
    private final IdIndex items;
    private final Map<String, int[]> lists;

    FixedLists(IdIndex items, Map<String, int[]> lists) {
      this.items = items;
      this.lists = lists;
    }

    @Override
    public IdIndex items() {
      return items;
    }

    @Override
    public Recommendations recommend(String userId, int k, RecommendOptions options) {
      int[] list = lists.get(userId);
      if (list == null) {
        return Recommendations.unserved(items);
      }
      int n = Math.min(k, list.length);
      float[] scores = new float[n];
      for (int r = 0; r < n; r++) {
        scores[r] = n - r;
      }
      return Recommendations.of(items, java.util.Arrays.copyOf(list, n), scores, new Source("stub"));
    }
  }

  /**
   * Items a..e = 0..4. Train: u1 a, u2 b, u3 a. Test: u1 b c, u2 a, u3 a (already in train, so
   * dropped and u3 skipped), u4 d (cold: no train rows).
   */
  private static Split handSplit() {
    Interactions all = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u1", "a", 1f, 1L).add("u2", "b", 1f, 1L).add("u3", "a", 1f, 1L)
        .add("u1", "b", 1f, 2L).add("u1", "c", 1f, 2L).add("u2", "a", 1f, 2L)
        .add("u3", "a", 1f, 2L).add("u4", "d", 1f, 2L).add("u4", "e", 1f, 0L)
        .build();
    // u4's row at time 0 for item e only exists so that e is in the item index; keep it out of both
    return Split.of("hand", all.select(new int[] {0, 1, 2}), all.select(new int[] {3, 4, 5, 6, 7}));
  }

  @Test
  void computesHandCheckedMeans() {
    Split split = handSplit();
    IdIndex items = split.train().items();
    Recommender stub = new FixedLists(items, Map.of(
        "u1", new int[] {2, 3}, // c (relevant), d
        "u2", new int[] {2, 0}, // c, a (relevant)
        "u4", new int[] {4, 1})); // e, b: no hit
    Evaluator evaluator = Evaluator.builder()
        .metrics(Metric.precision(2), Metric.recall(2), Metric.ndcg(2), Metric.map(2),
            Metric.mrr(2), Metric.hitRate(2), Metric.at(Measure.COVERAGE, 2))
        .beyondAccuracy(false)
        .build();
    EvaluationResult r = evaluator.evaluate("stub", stub, split);

    assertEquals(3, r.usersEvaluated());
    assertEquals(1, r.skippedUsers());
    assertEquals(1, r.coldUsers());
    assertEquals(1, r.droppedSeenPairs());
    // precision: u1 1/2, u2 1/2, u4 0 -> 1/3
    assertEquals(1.0 / 3, r.value(Metric.precision(2)), 1e-15);
    // recall: u1 1/2, u2 1/1, u4 0 -> 1/2
    assertEquals(0.5, r.value(Metric.recall(2)), 1e-15);
    // NDCG: u1 1 / (1 + 1/log2 3); u2 (1/log2 3) / 1; u4 0
    double log2of3 = Math.log(3) / Math.log(2);
    double ndcg = (1 / (1 + 1 / log2of3) + 1 / log2of3) / 3;
    assertEquals(ndcg, r.value(Metric.ndcg(2)), 1e-15);
    // MAP: u1 (1/1)/min(2,2) = 1/2; u2 (1/2)/1 = 1/2; u4 0 -> 1/3
    assertEquals(1.0 / 3, r.value(Metric.map(2)), 1e-15);
    // MRR: 1, 1/2, 0 -> 1/2 ; HitRate: 1, 1, 0 -> 2/3
    assertEquals(0.5, r.value(Metric.mrr(2)), 1e-15);
    assertEquals(2.0 / 3, r.value(Metric.hitRate(2)), 1e-15);
    // coverage: {c, d, a, e, b} = 5 of 5 items
    assertEquals(1.0, r.value(Metric.at(Measure.COVERAGE, 2)), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 0.0}, r.perUser(Metric.precision(2)));
    assertArrayEquals(new int[] {split.train().users().indexOf("u1"),
        split.train().users().indexOf("u2"), split.train().users().indexOf("u4")}, r.users());
    assertEquals(Map.of("stub", 3), r.sources());
  }

  @Test
  void withoutExclusionSeenTestItemsStayRelevant() {
    Split split = handSplit();
    Recommender stub = new FixedLists(split.train().items(), Map.of("u3", new int[] {0}));
    EvaluationResult r = Evaluator.builder().metrics(Metric.hitRate(1)).beyondAccuracy(false)
        .excludeTrainItems(false).build().evaluate("stub", stub, split);
    assertEquals(4, r.usersEvaluated());
    assertEquals(0, r.droppedSeenPairs());
    // u3 is hit (a), the others get unserved empty lists
    assertEquals(0.25, r.value(Metric.hitRate(1)), 1e-15);
    assertEquals(Map.of("none", 3, "stub", 1), r.sources());
  }

  @Test
  void relevanceThresholdAndGradedGains() {
    Interactions all = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u", "x", 5f, 1L).add("u", "a", 5f, 2L).add("u", "b", 2f, 2L).add("u", "c", 4f, 2L)
        .build();
    Split split = Split.of("graded", all.select(new int[] {0}), all.select(new int[] {1, 2, 3}));
    IdIndex items = all.items(); // x=0, a=1, b=2, c=3
    Recommender stub = new FixedLists(items, Map.of("u", new int[] {2, 1}));
    // threshold 4: relevant {a, c}; list [b, a] -> precision@2 = 1/2
    EvaluationResult thresholded = Evaluator.builder().metrics(Metric.precision(2))
        .beyondAccuracy(false).relevanceThreshold(4f).build().evaluate("t", stub, split);
    assertEquals(0.5, thresholded.value(Metric.precision(2)), 1e-15);
    // graded linear gains a=5, b=2, c=4; list [b, a]: DCG = 2/1 + 5/log2 3; IDCG = 5 + 4/log2 3
    EvaluationResult graded = Evaluator.builder().metrics(Metric.ndcg(2)).beyondAccuracy(false)
        .gradedRelevance(true).build().evaluate("g", stub, split);
    double l3 = Math.log(3) / Math.log(2);
    assertEquals((2 + 5 / l3) / (5 + 4 / l3), graded.value(Metric.ndcg(2)), 1e-12);
  }

  @Test
  void resultsDoNotDependOnThreadsOrBatchSize() throws Exception {
    Interactions data = ContractFixture.train();
    Split split = Splitter.leaveLastN(2).split(data);
    Recommender popular = MostPopular.fit(split.train());
    Recommender random = RandomRecommender.fit(split.train(), RandomRecommenderConfig.withSeed(3));
    for (Recommender recommender : List.of(popular, random)) {
      EvaluationResult one = Evaluator.builder().itemCategories(ContractFixture.categories())
          .build().evaluate("r", recommender, split);
      for (int threads : new int[] {2, 4}) {
        for (int batch : new int[] {1, 7, 256}) {
          EvaluationResult many = Evaluator.builder().threads(threads).batchSize(batch)
              .itemCategories(ContractFixture.categories()).build().evaluate("r", recommender, split);
          assertEquals(one, many, "threads=" + threads + ", batch=" + batch);
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        EvaluationResult external = Evaluator.builder().executor(pool).batchSize(5)
            .itemCategories(ContractFixture.categories()).build().evaluate("r", recommender, split);
        assertEquals(one, external);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void defaultMetricsIncludeBeyondAccuracyAndPrintAsTableAndJson() {
    Split split = Splitter.leaveLastN(2).split(ContractFixture.train());
    EvaluationResult r = Evaluator.builder().build()
        .evaluate("popularity", MostPopular.fit(split.train()), split);
    assertEquals(List.of("Precision@10", "Recall@10", "NDCG@10", "MAP@10", "MRR@10", "HitRate@10",
        "Coverage@10", "Novelty@10", "ARP@10", "Gini@10"),
        r.values().keySet().stream().map(Metric::label).toList());
    for (double v : r.values().values()) {
      assertTrue(v >= 0, "every metric is non-negative: " + r.values());
    }
    String table = r.toString();
    assertTrue(table.startsWith("recommender"), table);
    assertTrue(table.contains("NDCG@10") && table.contains("popularity"), table);
    com.fasterxml.jackson.databind.JsonNode json;
    try {
      json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.toJson());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(r.value(Metric.ndcg(10)), json.get("metrics").get("NDCG@10").asDouble());
    assertEquals(r.usersEvaluated(), json.get("usersEvaluated").asInt());
    assertEquals("popularity", json.get("name").asText());
    assertEquals(r.usersEvaluated(), json.get("sources").get("popularity").asInt());
    String both = EvaluationResult.table(List.of(r, r));
    assertEquals(4, both.split("\n").length);
  }

  @Test
  void rejectsAMismatchedItemIndexAndBadSettings() {
    Split split = handSplit();
    Recommender other = new FixedLists(IdIndex.of("p", "q"), Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Evaluator.builder().build().evaluate("other", other, split));
    assertTrue(e.getMessage().contains("split.train()"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().threads(0));
    assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().metrics());
    assertThrows(IllegalArgumentException.class,
        () -> Evaluator.builder().metrics(Metric.ndcg(5), Metric.ndcg(5)));
    assertThrows(IllegalArgumentException.class,
        () -> Evaluator.builder().metrics(Metric.of(Measure.RMSE)));
    assertThrows(IllegalArgumentException.class,
        () -> Evaluator.builder().metrics(Metric.at(Measure.ILD_CATEGORY, 5)).build());
    assertThrows(IllegalStateException.class, () -> Evaluator.builder().threads(2).threads(2));
    assertThrows(IllegalStateException.class,
        () -> Evaluator.builder().excludeTrainItems(true).options(RecommendOptions.defaults()));
    assertThrows(IllegalArgumentException.class,
        () -> Evaluator.builder().relevanceThreshold(Float.NaN));
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> Evaluator.builder().relevanceThreshold(100f).build()
            .evaluate("s", new FixedLists(split.train().items(), Map.of()), split));
    assertTrue(none.getMessage().contains("no test user"), none.getMessage());
  }

  @Test
  void offlineComparisonPairsUsers() {
    Split split = Splitter.leaveLastN(2).split(ContractFixture.train());
    Evaluator evaluator = Evaluator.builder().build();
    EvaluationResult popular = evaluator.evaluate("popular", MostPopular.fit(split.train()), split);
    EvaluationResult random = evaluator.evaluate("random",
        RandomRecommender.fit(split.train(), RandomRecommenderConfig.withSeed(1)), split);
    OfflineComparison self = OfflineComparison.compare(popular, popular, Metric.ndcg(10),
        ComparisonConfig.withSeed(9));
    assertEquals(0.0, self.comparison().meanDifference());
    assertEquals(1.0, self.comparison().pValue());
    OfflineComparison c = OfflineComparison.compare(popular, random, Metric.ndcg(10),
        ComparisonConfig.withSeed(9));
    assertEquals(popular.value(Metric.ndcg(10)) - random.value(Metric.ndcg(10)),
        c.comparison().meanDifference(), 1e-12);
    assertEquals(c, OfflineComparison.compare(popular, random, Metric.ndcg(10),
        ComparisonConfig.withSeed(9)), "seeded bootstrap is repeatable");
    assertTrue(c.toString().contains("NDCG@10"), c.toString());
    Split otherSplit = Splitter.leaveLastN(1).split(ContractFixture.train());
    EvaluationResult other = evaluator.evaluate("popular", MostPopular.fit(otherSplit.train()), otherSplit);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OfflineComparison.compare(popular, other, Metric.ndcg(10), ComparisonConfig.withSeed(1)));
    assertTrue(e.getMessage().contains("different users"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OfflineComparison.compare(popular, random, Metric.at(Measure.COVERAGE, 10),
            ComparisonConfig.withSeed(1)));
  }
}
