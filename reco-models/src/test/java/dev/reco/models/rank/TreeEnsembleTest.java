package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import dev.reco.models.rank.TreeEnsemble.Tree;
import dev.reco.models.rank.TreeEnsemble.TreeBuilder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {
  private static final FeatureSchema SCHEMA = FeatureSchema.of("price", "clicks", "category");

  /** price < 10 ? (clicks < 3 ? 1 : 2) : 4; missing price goes right, missing clicks left. */
  private static Tree priceTree(SplitRule rule) {
    TreeBuilder b = Tree.builder(rule);
    int root = b.split(0, 10.0, false, Missing.DEFAULT_DIRECTION);
    int clicks = b.split(1, 3.0, true, Missing.DEFAULT_DIRECTION);
    b.children(root, clicks, b.leaf(4.0));
    b.children(clicks, b.leaf(1.0), b.leaf(2.0));
    return b.build();
  }

  private static float score(TreeEnsemble e, float... row) {
    return e.scoreOne(row);
  }

  @Test
  void sumsOneLeafPerTreeAndTheBase() {
    TreeBuilder stump = Tree.builder(SplitRule.LESS_THAN);
    int s = stump.split(2, 0.5, false, Missing.DEFAULT_DIRECTION);
    stump.children(s, stump.leaf(-0.25), stump.leaf(0.75));
    TreeEnsemble e = TreeEnsemble.builder(SCHEMA)
        .baseMargin(0.5)
        .add(priceTree(SplitRule.LESS_THAN))
        .add(stump.build())
        .build();
    // price 5, clicks 1, category 0: 0.5 + 1 + (-0.25) = 1.25
    assertEquals(1.25f, score(e, 5, 1, 0));
    // price 5, clicks 3 (not < 3), category 1: 0.5 + 2 + 0.75 = 3.25
    assertEquals(3.25f, score(e, 5, 3, 1));
    // price 10 (not < 10): 0.5 + 4 - 0.25 = 4.25
    assertEquals(4.25f, score(e, 10, 0, 0));
    // price NaN goes right (4), clicks irrelevant: 0.5 + 4 - 0.25
    assertEquals(4.25f, score(e, Float.NaN, 9, 0));
    // clicks NaN goes left (1): 0.5 + 1 - 0.25
    assertEquals(1.25f, score(e, 1, Float.NaN, 0));
  }

  @Test
  void lessOrEqualSendsTheThresholdLeft() {
    TreeEnsemble lt = TreeEnsemble.builder(SCHEMA).add(priceTree(SplitRule.LESS_THAN)).build();
    TreeEnsemble le = TreeEnsemble.builder(SCHEMA).add(priceTree(SplitRule.LESS_OR_EQUAL)).build();
    assertEquals(4f, score(lt, 10, 0, 0));
    assertEquals(1f, score(le, 10, 0, 0));
    assertEquals(4f, score(le, Math.nextUp(10f), 0, 0));
  }

  @Test
  void doubleThresholdsBetweenFloatsCompareAsDoubles() {
    // 0.1 as a double lies between two floats: (float) 0.1 = 0.100000001490116... > 0.1.
    TreeBuilder b = Tree.builder(SplitRule.LESS_OR_EQUAL);
    int n = b.split(0, 0.1, false, Missing.DEFAULT_DIRECTION);
    b.children(n, b.leaf(1), b.leaf(2));
    TreeEnsemble e = TreeEnsemble.builder(SCHEMA).add(b.build()).build();
    float above = (float) 0.1;
    assertTrue((double) above > 0.1);
    assertEquals(2f, score(e, above, 0, 0));
    assertEquals(1f, score(e, Math.nextDown(above), 0, 0));
    // Float32 less-than with the same threshold rounds it to float first: (float) 0.1 < 0.1f false.
    TreeBuilder c = Tree.builder(SplitRule.LESS_THAN);
    int m = c.split(0, 0.1, false, Missing.DEFAULT_DIRECTION);
    c.children(m, c.leaf(1), c.leaf(2));
    TreeEnsemble f = TreeEnsemble.builder(SCHEMA).add(c.build()).build();
    assertEquals(2f, score(f, above, 0, 0));
    assertEquals(1f, score(f, Math.nextDown(above), 0, 0));
  }

  @Property(tries = 2000, seed = "20261123")
  void floatThresholdReproducesDoubleComparison(@ForAll double threshold, @ForAll float x) {
    if (!Double.isFinite(threshold) || Float.isNaN(x)) {
      return;
    }
    float c = TreeEnsemble.floatThreshold(SplitRule.LESS_OR_EQUAL, threshold);
    assertEquals((double) x <= threshold, x < c, () -> "x=" + x + " t=" + threshold);
    float near = (float) threshold;
    for (float y : new float[] {near, Math.nextUp(near), Math.nextDown(near)}) {
      assertEquals((double) y <= threshold, y < c, () -> "y=" + y + " t=" + threshold);
    }
  }

  @Test
  void missingPolicies() {
    // split x <= 0.5 (LightGBM rule); default direction right.
    float[] inputs = {Float.NaN, 0f, 1e-36f, -1e-36f, 2e-35f, 0.25f, 1f};
    float[] expectDefault = {2, 1, 1, 1, 1, 1, 2}; // NaN right, rest by comparison
    float[] expectAsZero = {1, 1, 1, 1, 1, 1, 2}; // NaN as 0 <= 0.5: left
    float[] expectZeroMissing = {2, 2, 2, 2, 1, 1, 2}; // NaN and |x| <= 1e-35 right
    Missing[] policies = {Missing.DEFAULT_DIRECTION, Missing.AS_ZERO, Missing.ZERO_AND_MISSING_DEFAULT};
    float[][] expected = {expectDefault, expectAsZero, expectZeroMissing};
    for (int p = 0; p < policies.length; p++) {
      TreeBuilder b = Tree.builder(SplitRule.LESS_OR_EQUAL);
      int n = b.split(0, 0.5, false, policies[p]);
      b.children(n, b.leaf(1), b.leaf(2));
      TreeEnsemble e = TreeEnsemble.builder(SCHEMA).add(b.build()).build();
      for (int i = 0; i < inputs.length; i++) {
        assertEquals(expected[p][i], score(e, inputs[i], 0, 0), policies[p] + " x=" + inputs[i]);
      }
    }
  }

  @Test
  void categoricalSplits() {
    TreeBuilder b = Tree.builder(SplitRule.LESS_OR_EQUAL);
    int n = b.categorical(2, new int[] {1, 3, 64, 130}, false, Missing.DEFAULT_DIRECTION);
    b.children(n, b.leaf(10), b.leaf(20));
    Tree tree = b.build();
    assertArrayEquals(new int[] {1, 3, 64, 130}, tree.categories(0));
    TreeEnsemble e = TreeEnsemble.builder(SCHEMA).add(tree).build();
    assertEquals(10f, score(e, 0, 0, 1));
    assertEquals(10f, score(e, 0, 0, 3.9f)); // truncated to 3
    assertEquals(10f, score(e, 0, 0, 64));
    assertEquals(10f, score(e, 0, 0, 130));
    assertEquals(20f, score(e, 0, 0, 2));
    assertEquals(20f, score(e, 0, 0, 131)); // beyond the bitset
    assertEquals(20f, score(e, 0, 0, 100000));
    assertEquals(20f, score(e, 0, 0, -1)); // negative: right
    assertEquals(20f, score(e, 0, 0, Float.NaN)); // default direction right
    TreeBuilder z = Tree.builder(SplitRule.LESS_OR_EQUAL);
    int m = z.categorical(2, new int[] {0}, false, Missing.AS_ZERO);
    z.children(m, z.leaf(10), z.leaf(20));
    TreeEnsemble ze = TreeEnsemble.builder(SCHEMA).add(z.build()).build();
    assertEquals(10f, score(ze, 0, 0, Float.NaN)); // NaN as category 0
    assertEquals(10f, score(ze, 0, 0, -0.5f)); // (int) -0.5 = 0
  }

  @Test
  void sigmoidOutputAndSentinel() {
    TreeEnsemble e = TreeEnsemble.builder(SCHEMA.withMissingValue(-1f))
        .baseMargin(0.5)
        .output(ScoreOutput.SIGMOID, 2.0)
        .add(priceTree(SplitRule.LESS_THAN))
        .build();
    // margin 0.5 + 1 = 1.5; sigmoid(2 * 1.5) = 1 / (1 + e^-3) = 0.95257413
    assertEquals(0.95257413f, score(e, 5, 1, 0), 1e-7f);
    assertEquals(1.5, e.margin(new float[] {5, 1, 0}), 0.0);
    // price -1 is the sentinel: missing, goes right (4): margin 4.5
    assertEquals(4.5, e.margin(new float[] {-1, 1, 0}), 0.0);
    // clicks -1 missing goes left (1): margin 1.5
    assertEquals(1.5, e.margin(new float[] {5, -1, 0}), 0.0);
  }

  @Test
  void singleLeafTree() {
    TreeBuilder b = Tree.builder(SplitRule.LESS_THAN);
    b.leaf(0.125);
    TreeEnsemble e = TreeEnsemble.builder(SCHEMA).add(b.build()).build();
    assertEquals(0.125f, score(e, 1, 2, 3));
  }

  @Test
  void batchScoringMatchesRowScoring() {
    TreeEnsemble e = TreeEnsemble.builder(SCHEMA).add(priceTree(SplitRule.LESS_THAN))
        .add(priceTree(SplitRule.LESS_OR_EQUAL)).build();
    float[] rows = {5, 1, 0, 10, 0, 0, Float.NaN, 9, 0, 1, Float.NaN, 0};
    float[] batch = e.score(rows, 4);
    for (int r = 0; r < 4; r++) {
      float[] row = java.util.Arrays.copyOfRange(rows, r * 3, r * 3 + 3);
      assertEquals(score(e, row), batch[r]);
    }
    // 5,1: 1+1; 10,0: 4+1; NaN,9: 4+4; 1,NaN: 1+1
    assertArrayEquals(new float[] {2, 5, 8, 2}, batch);
    assertArrayEquals(new int[] {2, 1, 0}, Ranker.topK(batch, 4, 3));
  }

  @Test
  void badShapesAreRejectedWithTheValue() {
    TreeBuilder b = Tree.builder(SplitRule.LESS_THAN);
    int n = b.split(0, 1, false, Missing.DEFAULT_DIRECTION);
    b.children(n, b.leaf(1), b.leaf(2));
    b.leaf(3); // unreferenced
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("leaf 2"), e.getMessage());

    TreeBuilder c = Tree.builder(SplitRule.LESS_THAN);
    int r = c.split(0, 1, false, Missing.DEFAULT_DIRECTION);
    int l = c.leaf(1);
    c.children(r, l, l);
    e = assertThrows(IllegalArgumentException.class, c::build);
    assertTrue(e.getMessage().contains("leaf 0 is the child of 2"), e.getMessage());

    TreeBuilder d = Tree.builder(SplitRule.LESS_THAN);
    e = assertThrows(IllegalArgumentException.class,
        () -> d.split(0, Double.NaN, false, Missing.DEFAULT_DIRECTION));
    assertTrue(e.getMessage().contains("threshold = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.leaf(Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("Infinity"), e.getMessage());

    TreeBuilder f = Tree.builder(SplitRule.LESS_THAN);
    int s = f.split(7, 1, false, Missing.DEFAULT_DIRECTION);
    f.children(s, f.leaf(1), f.leaf(2));
    Tree wide = f.build();
    e = assertThrows(IllegalArgumentException.class,
        () -> TreeEnsemble.builder(SCHEMA).add(wide).build());
    assertTrue(e.getMessage().contains("feature 7"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TreeEnsemble.builder(SCHEMA).build());
    assertTrue(e.getMessage().contains("trees = 0"), e.getMessage());

    TreeEnsemble ok = TreeEnsemble.builder(SCHEMA).add(priceTree(SplitRule.LESS_THAN)).build();
    e = assertThrows(IllegalArgumentException.class, () -> ok.score(new float[5], 2));
    assertTrue(e.getMessage().contains("features.length = 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ok.score(new float[6], 2, new float[1]));
    assertTrue(e.getMessage().contains("scores.length = 1"), e.getMessage());
  }
}
