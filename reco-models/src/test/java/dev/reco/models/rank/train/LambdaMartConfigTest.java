package dev.reco.models.rank.train;

import static dev.reco.models.rank.train.RankingDataTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LambdaMartConfigTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    assertEquals(new LambdaMartConfig(100, 31, 8, 0.1, 20, 1e-3, 10, 1.0, 1.0, 255, 20, 42L),
        LambdaMartConfig.defaults());
  }

  @Test
  void copiesChangeOneSetting() {
    LambdaMartConfig c = LambdaMartConfig.defaults();
    assertEquals(new LambdaMartConfig(7, 31, 8, 0.1, 20, 1e-3, 10, 1.0, 1.0, 255, 20, 42L), c.withTrees(7));
    assertEquals(63, c.withMaxLeaves(63).maxLeaves());
    assertEquals(4, c.withMaxDepth(4).maxDepth());
    assertEquals(0.05, c.withLearningRate(0.05).learningRate());
    assertEquals(3, c.withMinDataInLeaf(3).minDataInLeaf());
    assertEquals(0.0, c.withMinSumHessianInLeaf(0).minSumHessianInLeaf());
    assertEquals(5, c.withNdcgAt(5).ndcgAt());
    assertEquals(0.5, c.withFeatureFraction(0.5).featureFraction());
    assertEquals(0.8, c.withSubsample(0.8).subsample());
    assertEquals(63, c.withMaxBins(63).maxBins());
    assertEquals(3, c.withEarlyStoppingRounds(3).earlyStoppingRounds());
    assertEquals(-1L, c.withSeed(-1).seed());
    assertEquals(c, c.withTrees(7).withTrees(100));
  }

  @Test
  void rejectsOutOfRangeSettingsNamingThem() {
    LambdaMartConfig c = LambdaMartConfig.defaults();
    assertMessage("trees = 0; expected trees >= 1", () -> c.withTrees(0));
    assertMessage("maxLeaves = 1; expected 2 <= maxLeaves <= 4096", () -> c.withMaxLeaves(1));
    assertMessage("maxLeaves = 4097", () -> c.withMaxLeaves(4097));
    assertMessage("maxDepth = 0; expected 1 <= maxDepth <= 64", () -> c.withMaxDepth(0));
    assertMessage("learningRate = 0.0; expected 0 < learningRate <= 1", () -> c.withLearningRate(0));
    assertMessage("learningRate = NaN", () -> c.withLearningRate(Double.NaN));
    assertMessage("learningRate = 1.5", () -> c.withLearningRate(1.5));
    assertMessage("minDataInLeaf = 0; expected minDataInLeaf >= 1", () -> c.withMinDataInLeaf(0));
    assertMessage("minSumHessianInLeaf = -1.0; expected a finite value >= 0",
        () -> c.withMinSumHessianInLeaf(-1));
    assertMessage("minSumHessianInLeaf = Infinity", () -> c.withMinSumHessianInLeaf(Double.POSITIVE_INFINITY));
    assertMessage("ndcgAt = 0; expected ndcgAt >= 1", () -> c.withNdcgAt(0));
    assertMessage("featureFraction = 0.0; expected 0 < featureFraction <= 1", () -> c.withFeatureFraction(0));
    assertMessage("subsample = 1.1; expected 0 < subsample <= 1", () -> c.withSubsample(1.1));
    assertMessage("maxBins = 256; expected 2 <= maxBins <= 255", () -> c.withMaxBins(256));
    assertMessage("earlyStoppingRounds = 0; expected earlyStoppingRounds >= 1",
        () -> c.withEarlyStoppingRounds(0));
  }
}
