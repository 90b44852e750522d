package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.models.rank.train.GradientBoostingConfig.Loss;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GradientBoostingConfigTest {
  static final GradientBoostingConfig D = GradientBoostingConfig.leastSquares();

  @Test
  void defaults() {
    assertEquals(new GradientBoostingConfig(300, 7, 32, 20, 0.1, 0.8, Loss.LEAST_SQUARES, 42), D);
    assertEquals(D.withLoss(Loss.LOGISTIC), GradientBoostingConfig.logistic());
  }

  @Test
  void withersChangeOneSetting() {
    GradientBoostingConfig c = D.withTrees(5).withMaxDepth(3).withMaxNodes(4).withNodeSize(2)
        .withShrinkage(0.5).withSubsample(1.0).withLoss(Loss.LOGISTIC).withSeed(-1);
    assertEquals(new GradientBoostingConfig(5, 3, 4, 2, 0.5, 1.0, Loss.LOGISTIC, -1), c);
  }

  @Test
  void rejectsOutOfRangeSettingsNamingTheValue() {
    rejects(() -> D.withTrees(0), "trees = 0");
    rejects(() -> D.withTrees(100_001), "trees = 100001");
    rejects(() -> D.withMaxDepth(1), "maxDepth = 1");
    rejects(() -> D.withMaxDepth(65), "maxDepth = 65");
    rejects(() -> D.withMaxNodes(1), "maxNodes = 1");
    rejects(() -> D.withNodeSize(0), "nodeSize = 0");
    rejects(() -> D.withShrinkage(0), "shrinkage = 0.0");
    rejects(() -> D.withShrinkage(1.5), "shrinkage = 1.5");
    rejects(() -> D.withShrinkage(Double.NaN), "shrinkage = NaN");
    rejects(() -> D.withSubsample(0), "subsample = 0.0");
    rejects(() -> D.withSubsample(1.01), "subsample = 1.01");
    rejects(() -> D.withSubsample(Double.NaN), "subsample = NaN");
    assertThrows(NullPointerException.class, () -> D.withLoss(null));
  }

  @Property(tries = 100, seed = "42")
  void everyTreeCountInRangeIsKept(@ForAll @IntRange(min = 1, max = 100_000) int trees) {
    assertEquals(trees, D.withTrees(trees).trees());
  }

  static void rejects(Supplier<GradientBoostingConfig> config, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::get);
    assertTrue(e.getMessage().startsWith(fragment), e.getMessage());
    assertTrue(e.getMessage().contains("expected"), e.getMessage());
  }
}
