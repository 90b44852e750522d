package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingScorerTest {

  @Test
  void readsEveryMetricOfOneUser() {
    // ranked [7, 3, 9, 1, 5], relevant {1, 3, 4}: hits at ranks 2 and 4
    RankingScorer s = new RankingScorer(10)
        .reset(new int[] {7, 3, 9, 1, 5}, 5, new int[] {1, 3, 4}, null);
    assertEquals(2, s.hits(5));
    assertEquals(1, s.hits(3));
    assertEquals(0.4, s.value(Metric.precision(5)), 1e-15); // 2 / 5
    assertEquals(0.2, s.value(Metric.precision(10)), 1e-15); // 2 / 10: short list, K = 10
    assertEquals(2.0 / 3, s.value(Metric.recall(5)), 1e-15);
    assertEquals(0.5, s.value(Metric.mrr(5)));
    assertEquals(1.0, s.value(Metric.hitRate(2)));
    assertEquals(0.0, s.value(Metric.hitRate(1)));
    assertEquals(1.0 / 3, s.value(Metric.map(5)), 1e-15); // (1/2 + 2/4) / 3
    assertEquals(5, s.length());
    assertEquals(3, s.relevantCount());
  }

  @Test
  void resetReplacesTheUserAndReusesBuffers() {
    RankingScorer s = new RankingScorer(3);
    Random random = new Random(7);
    for (int u = 0; u < 50; u++) {
      int[] ranked = RankingMetricsTest.permutation(random, 200);
      int[] relevant = {ranked[u % 5], 500};
      java.util.Arrays.sort(relevant);
      s.reset(ranked, 200, relevant, null);
      double expected = RankingMetrics.ndcg(ranked, 200, relevant, 3);
      assertEquals(expected, s.value(Metric.ndcg(3)), 0.0);
    }
  }

  @Test
  void rejectsCutoffsAboveMaxKAndNonRankingMetrics() {
    RankingScorer s = new RankingScorer(5).reset(new int[] {1}, 1, new int[] {1}, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.value(Metric.ndcg(6)));
    assertTrue(e.getMessage().contains("k = 6"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> s.value(Metric.at(Measure.COVERAGE, 5)));
    assertTrue(e.getMessage().contains("Coverage@5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RankingScorer(0));
    assertTrue(e.getMessage().contains("maxK = 0"), e.getMessage());
  }

  @Test
  void aFailedResetLeavesNoUser() {
    RankingScorer s = new RankingScorer(5).reset(new int[] {1}, 1, new int[] {1}, null);
    assertThrows(IllegalArgumentException.class,
        () -> s.reset(new int[] {1, 1}, 2, new int[] {1}, null));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> s.value(Metric.ndcg(1)));
    assertTrue(e.getMessage().contains("no user loaded"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new RankingScorer(2).hits(1));
  }

  @Test
  void gradedValuesMatchTheStaticFunctions() {
    int[] ranked = {10, 20, 30};
    int[] relevant = {10, 20, 30, 40};
    float[] grades = {1, 3, 2, 3};
    RankingScorer s = new RankingScorer(3).reset(ranked, 3, relevant, grades);
    for (int k = 1; k <= 3; k++) {
      assertEquals(RankingMetrics.ndcg(ranked, 3, relevant, grades, Gain.LINEAR, k),
          s.value(Metric.ndcg(k)), 0.0);
      assertEquals(RankingMetrics.ndcg(ranked, 3, relevant, grades, Gain.EXPONENTIAL, k),
          s.value(Metric.at(Measure.NDCG_EXP, k)), 0.0);
    }
  }
}
