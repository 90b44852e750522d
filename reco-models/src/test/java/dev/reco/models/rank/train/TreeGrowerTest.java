package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.TreeEnsemble;
import org.junit.jupiter.api.Test;

class TreeGrowerTest {
  private static final float NAN = Float.NaN;

  /** One group of rows with these two features (labels are irrelevant to the grower). */
  private static RankingData data(float[][] rows) {
    RankingData.Builder b = RankingData.builder(FeatureSchema.of("a", "b"));
    for (int i = 0; i < rows.length; i++) {
      b.add("q", "i" + i, rows[i], 0);
    }
    return b.build();
  }

  private static TreeEnsemble.Tree growOne(RankingData data, double[] grad, LambdaMartConfig c) {
    FeatureBins bins = FeatureBins.of(data, c.maxBins());
    byte[] codes = bins.encode(data.features, data.rows());
    TreeGrower grower = new TreeGrower(codes, 2, bins, data.rows(), c);
    int[] rows = new int[data.rows()];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = r;
    }
    double[] hess = new double[rows.length];
    java.util.Arrays.fill(hess, 1.0);
    return grower.grow(grad, hess, rows, rows.length, new int[] {0, 1}).toTree(bins);
  }

  private static LambdaMartConfig stump() {
    return LambdaMartConfig.defaults().withMaxLeaves(2).withMinDataInLeaf(1).withLearningRate(1);
  }

  @Test
  void findsTheObviousSplit() {
    // Feature a = 1..8; rows with a >= 5 have gradient -1, the others +1; feature b is noise
    // that correlates with nothing. The best split is a < 5 (bins of a: one per value, the
    // threshold is the smallest value sent right).
    float[][] rows = new float[8][];
    double[] grad = new double[8];
    float[] noise = {3, 1, 4, 1, 5, 9, 2, 6};
    for (int i = 0; i < 8; i++) {
      rows[i] = new float[] {i + 1, noise[i]};
      grad[i] = i + 1 >= 5 ? -1 : 1;
    }
    TreeEnsemble.Tree tree = growOne(data(rows), grad, stump());
    assertEquals(1, tree.nodeCount());
    assertEquals(0, tree.feature(0));
    assertEquals(5.0, tree.threshold(0));
    assertEquals(TreeEnsemble.SplitRule.LESS_THAN, tree.rule());
    // Newton values with H = 4 per side: left -(4)/(4 + 1e-9), right -(-4)/(4 + 1e-9).
    assertEquals(-1.0, tree.leafValue(~tree.left(0)), 1e-9);
    assertEquals(1.0, tree.leafValue(~tree.right(0)), 1e-9);
    // Gain = 4^2/4 + 4^2/4 - 0 = 8 beats every split of b. No missing values: the default
    // direction is the larger side (a tie of 4 and 4 goes left).
    assertTrue(tree.defaultLeft(0));
  }

  @Test
  void learnsWhereMissingValuesGo() {
    // Rows 0..5: a = 1..6; rows 6, 7: a missing. Gradients: a <= 3 -> +1, a >= 4 -> -1,
    // missing -> -1. The missing rows belong with the right side.
    float[][] rows = {
        {1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {NAN, 0}, {NAN, 0}};
    double[] grad = {1, 1, 1, -1, -1, -1, -1, -1};
    TreeEnsemble.Tree tree = growOne(data(rows), grad, stump());
    assertEquals(0, tree.feature(0));
    assertEquals(4.0, tree.threshold(0));
    assertFalse(tree.defaultLeft(0));
    assertEquals(-3.0 / 3.0, tree.leafValue(~tree.left(0)), 1e-9);
    assertEquals(5.0 / 5.0, tree.leafValue(~tree.right(0)), 1e-9);

    // Same values, missing rows now behave like the left side: default left.
    double[] grad2 = {1, 1, 1, -1, -1, -1, 1, 1};
    TreeEnsemble.Tree tree2 = growOne(data(rows), grad2, stump());
    assertEquals(4.0, tree2.threshold(0));
    assertTrue(tree2.defaultLeft(0));
  }

  @Test
  void respectsMinDataInLeafAndGivesOneLeafWhenNothingHelps() {
    float[][] rows = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
    // The best split isolates row 0, but minDataInLeaf = 2 forbids it: a < 3 is next best.
    double[] grad = {-3, 1, 1, 1};
    TreeEnsemble.Tree tree = growOne(data(rows), grad, stump().withMinDataInLeaf(2));
    assertEquals(3.0, tree.threshold(0));
    // All gradients zero: no split has a positive gain, the tree is one leaf of value 0.
    TreeEnsemble.Tree flat = growOne(data(rows), new double[4], stump());
    assertEquals(0, flat.nodeCount());
    assertEquals(0.0, flat.leafValue(0));
  }

  @Test
  void negativeAndPositiveZeroShareABin() {
    // -0.0 and 0.0 compare equal as floats, so no threshold can separate them; the only useful
    // split is 0 | 1 even though the gradients of the two zeros differ.
    float[][] rows = {{-0.0f, 0}, {0.0f, 0}, {1, 0}, {1, 0}};
    double[] grad = {2, -2, -1, -1};
    TreeEnsemble.Tree tree = growOne(data(rows), grad, stump());
    assertEquals(1, tree.nodeCount());
    assertEquals(1.0, tree.threshold(0));
  }
}
