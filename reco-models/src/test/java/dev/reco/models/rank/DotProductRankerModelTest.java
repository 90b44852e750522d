package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dot-product ranker fed from a factor model re-ranks candidates exactly as the model does. */
class DotProductRankerModelTest {
  private static MatrixFactorizationModel model(boolean biases) {
    SplittableRandom rnd = new SplittableRandom(5);
    int users = 3;
    int items = 40;
    int k = 8;
    String[] itemIds = new String[items];
    for (int i = 0; i < items; i++) {
      itemIds[i] = "i" + i;
    }
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(
            IdIndex.of("a", "b", "c"), IdIndex.of(itemIds), k)
        .userFactors(random(rnd, users * k))
        .itemFactors(random(rnd, items * k))
        .provenance(new Provenance("test", "{}", null, 1L, "0.1.0", "17", "Linux", "amd64",
            Instant.parse("2026-01-01T00:00:00Z")))
        .source(new Source("mf"));
    if (biases) {
      b.biases(3f, random(rnd, users), random(rnd, items));
    }
    return b.build();
  }

  private static float[] random(SplittableRandom rnd, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextDouble(-1, 1);
    }
    return v;
  }

  @Test
  void scoresAndTopTenMatchTheModelsRanking() {
    for (boolean biases : new boolean[] {false, true}) {
      MatrixFactorizationModel model = model(biases);
      DotProductRanker ranker = DotProductRanker.forModel(model);
      assertEquals(biases, ranker.hasBias());
      int[] items = new int[40];
      for (int i = 0; i < items.length; i++) {
        items[i] = i;
      }
      float[] scores = ranker.score(ranker.rows(model, 1, items), items.length);
      Recommendations top = model.recommend("b", 10, RecommendOptions.defaults());
      assertArrayEquals(top.itemIndexes(), Ranker.topK(scores, items.length, 10));
      for (int r = 0; r < top.size(); r++) {
        assertEquals(top.score(r), scores[top.itemIndex(r)], 1e-5f, "rank " + r);
      }
    }
  }

  @Test
  void rowsRejectAModelOfAnotherShape() {
    DotProductRanker ranker = new DotProductRanker(4, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ranker.rows(model(true), 0, new int[] {0}));
    assertTrue(e.getMessage().contains("model has 8 factors and biases; expected 4 factors"),
        e.getMessage());
  }
}
