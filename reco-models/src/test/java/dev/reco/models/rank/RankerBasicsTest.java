package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankerBasicsTest {
  @Test
  void schemaValidatesNamesAndComparesWithExpectedVsActual() {
    FeatureSchema s = FeatureSchema.of("a", "b", "c");
    assertEquals(3, s.size());
    assertEquals(1, s.indexOf("b"));
    assertEquals(-1, s.indexOf("z"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeatureSchema.of("a", "b", "a"));
    assertTrue(e.getMessage().contains("'a' appears at positions 0 and 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureSchema.of("a", " "));
    assertTrue(e.getMessage().contains("feature name 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureSchema.of(List.of()));
    assertTrue(e.getMessage().contains("at least one"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> s.requireSame(FeatureSchema.of("a", "x", "c"), "model.json"));
    assertEquals("model.json feature 1 is 'x'; expected 'b'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> s.requireSame(FeatureSchema.of("a", "b"), "model.json"));
    assertTrue(e.getMessage().startsWith("model.json has 2 features; expected 3"), e.getMessage());
    s.requireSame(FeatureSchema.of("a", "b", "c"), "same");
    assertTrue(s.withMissingValue(0f).isMissing(0f));
    assertTrue(s.isMissing(Float.NaN));
    assertEquals(false, s.isMissing(0f));
    assertEquals(FeatureSchema.numbered("f", 2), FeatureSchema.of("f0", "f1"));
  }

  @Test
  void linearScoresAreHandComputed() {
    FeatureSchema s = FeatureSchema.of("x", "y");
    LinearRanker linear = new LinearRanker(s, new double[] {2, -1}, 0.5, ScoreOutput.IDENTITY);
    // 0.5 + 2*3 - 1*4 = 2.5; missing y contributes 0: 0.5 + 2*3 = 6.5
    assertArrayEquals(new float[] {2.5f, 6.5f}, linear.score(new float[] {3, 4, 3, Float.NaN}, 2));
    LinearRanker logistic = new LinearRanker(s, new double[] {2, -1}, 0.5, ScoreOutput.SIGMOID);
    // sigmoid(2.5) = 0.92414182
    assertEquals(0.92414182f, logistic.scoreOne(new float[] {3, 4}), 1e-7f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LinearRanker(s, new double[] {1}, 0, ScoreOutput.IDENTITY));
    assertTrue(e.getMessage().contains("weights.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LinearRanker(s, new double[] {1, Double.NaN}, 0, ScoreOutput.IDENTITY));
    assertTrue(e.getMessage().contains("weights[1] (y) = NaN"), e.getMessage());
  }

  @Test
  void dotProductScoresAreHandComputed() {
    DotProductRanker dot = new DotProductRanker(2, true);
    assertEquals(List.of("u0", "u1", "v0", "v1", "bias"), dot.schema().names());
    // (1*3 + 2*4) + 0.5 = 11.5
    assertEquals(11.5f, dot.scoreOne(new float[] {1, 2, 3, 4, 0.5f}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DotProductRanker(0, false));
    assertTrue(e.getMessage().contains("factors = 0"), e.getMessage());
  }

  @Test
  void topKOrdersByScoreThenRowAndSkipsNaN() {
    float[] scores = {0.5f, 2f, Float.NaN, 2f, -1f};
    assertArrayEquals(new int[] {1, 3, 0}, Ranker.topK(scores, 5, 3));
    assertArrayEquals(new int[] {1, 3, 0, 4}, Ranker.topK(scores, 5, 10));
    assertArrayEquals(new int[] {0}, Ranker.topK(scores, 1, 10));
    assertArrayEquals(new int[0], Ranker.topK(scores, 0, 10));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ranker.topK(scores, 6, 3));
    assertTrue(e.getMessage().contains("rows = 6"), e.getMessage());
  }
}
