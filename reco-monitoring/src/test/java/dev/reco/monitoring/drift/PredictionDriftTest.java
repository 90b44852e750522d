package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PredictionDriftTest {

  @Test
  void handComputedEntropy() {
    // shares (1/2, 1/2): 1 bit; (1/4, 1/4, 1/2): 2 * 1/4 * 2 + 1/2 * 1 = 1.5 bits; one class: 0
    assertEquals(1.0, PredictionDrift.entropy(CategoryCounts.ofClasses(new int[] {0, 1})), 1e-15);
    assertEquals(1.5, PredictionDrift.entropy(CategoryCounts.ofClasses(new int[] {0, 1, 2, 2})),
        1e-15);
    assertEquals(0.0, PredictionDrift.entropy(CategoryCounts.ofClasses(new int[] {3, 3, 3})));
    assertTrue(Double.isNaN(PredictionDrift.entropy(CategoryCounts.of(new String[] {null}))));
    // missing predictions are left out of the shares
    assertEquals(1.0, PredictionDrift.entropy(CategoryCounts.of(new String[] {"a", null, "b"})),
        1e-15);
  }

  @Test
  void collapseOntoOneClassIsDriftWithFallingEntropy() {
    SplittableRandom random = new SplittableRandom(11);
    int[] ref = new int[4000];
    int[] cur = new int[4000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = random.nextInt(4); // uniform: 2 bits
      cur[i] = random.nextDouble() < 0.7 ? 0 : random.nextInt(4);
    }
    ClassDrift d = PredictionDrift.classes(ref, cur, DatasetDriftConfig.defaults());
    assertTrue(d.drift().drifted(), d.toString());
    assertEquals(PredictionDrift.PREDICTED_CLASS, d.drift().column());
    assertEquals(2.0, d.referenceEntropy(), 0.01);
    // current shares 0.775, 0.075 x 3: H = 1.1 bits
    assertEquals(1.1, d.currentEntropy(), 0.05);
    assertEquals(d.currentEntropy() - d.referenceEntropy(), d.entropyChange(), 1e-15);
    assertTrue(d.entropyChange() < -0.8);
  }

  @Test
  void stableClassesDoNotDrift() {
    SplittableRandom random = new SplittableRandom(12);
    String[] ref = Samples.categories(random, 3000, new double[] {0.5, 0.3, 0.2});
    String[] cur = Samples.categories(random, 3000, new double[] {0.5, 0.3, 0.2});
    ClassDrift d = PredictionDrift.classes(ref, cur, DatasetDriftConfig.defaults());
    assertFalse(d.drift().drifted(), d.toString());
    assertEquals(0.0, d.entropyChange(), 0.03);
  }

  @Test
  void scoresUseTheSameTests() {
    SplittableRandom random = new SplittableRandom(13);
    double[] ref = Samples.normal(random, 5000, 0.3, 0.1);
    ColumnDrift same = PredictionDrift.scores(ref, Samples.normal(random, 5000, 0.3, 0.1),
        DatasetDriftConfig.defaults());
    assertEquals(PredictionDrift.SCORE, same.column());
    assertEquals(Wasserstein.NAME, same.values().test());
    assertFalse(same.drifted(), same.toString());
    ColumnDrift shifted = PredictionDrift.scores(ref, Samples.normal(random, 5000, 0.33, 0.1),
        DatasetDriftConfig.defaults());
    assertTrue(shifted.drifted(), shifted.toString()); // 0.3 sd
    ColumnDrift small = PredictionDrift.scores(Samples.normal(random, 200, 0.3, 0.1),
        Samples.normal(random, 200, 0.4, 0.1), DatasetDriftConfig.defaults());
    assertEquals(Psi.NAME, small.values().test());
    assertTrue(small.drifted(), small.toString()); // 1 sd
  }
}
