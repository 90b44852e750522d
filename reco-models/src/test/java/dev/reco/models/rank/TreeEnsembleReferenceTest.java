package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import dev.reco.models.rank.TreeEnsemble.Tree;
import dev.reco.models.rank.TreeEnsemble.TreeBuilder;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Checks the compiled kernels (blocked, branch-free complete trees, general walk) against a
 * reference that follows the documented split semantics node by node through the public tree
 * API, on random ensembles and inputs that hit thresholds exactly.
 */
class TreeEnsembleReferenceTest {
  private static final int FEATURES = 6;

  @Property(tries = 300, seed = "7102")
  void kernelsMatchTheDocumentedSemantics(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int rows) {
    SplittableRandom rnd = new SplittableRandom(seed);
    FeatureSchema schema = FeatureSchema.numbered("f", FEATURES);
    if (rnd.nextInt(4) == 0) {
      schema = schema.withMissingValue(-7f);
    }
    TreeEnsemble.Builder b = TreeEnsemble.builder(schema).baseMargin(rnd.nextDouble() - 0.5);
    int trees = 1 + rnd.nextInt(12);
    boolean special = rnd.nextBoolean();
    for (int t = 0; t < trees; t++) {
      b.add(randomTree(rnd, special));
    }
    boolean averaged = rnd.nextInt(4) == 0;
    if (averaged) {
      b.averageOverTrees();
    }
    TreeEnsemble e = b.build();
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = randomValue(rnd, e);
    }
    float[] margins = e.score(x, rows);
    for (int r = 0; r < rows; r++) {
      double sum = averaged ? 0.0 : e.baseMargin();
      for (Tree tree : e.trees()) {
        sum += reference(tree, schema, x, r * FEATURES);
      }
      double expected = averaged ? e.baseMargin() + sum / e.trees().size() : sum;
      assertEquals((float) expected, margins[r], "row " + r + " of " + e);
      float[] row = java.util.Arrays.copyOfRange(x, r * FEATURES, (r + 1) * FEATURES);
      assertEquals(expected, e.margin(row), 0.0);
    }
  }

  static double reference(Tree tree, FeatureSchema schema, float[] x, int off) {
    if (tree.nodeCount() == 0) {
      return tree.leafValue(0);
    }
    int n = 0;
    while (true) {
      float v = x[off + tree.feature(n)];
      boolean missing = schema.isMissing(v);
      boolean left;
      if (missing && tree.missing(n) == Missing.AS_ZERO) {
        missing = false;
        v = 0f;
      }
      if (!missing && tree.missing(n) == Missing.ZERO_AND_MISSING_DEFAULT
          && Math.abs(v) <= 1e-35f) {
        missing = true;
      }
      if (missing) {
        left = tree.defaultLeft(n);
      } else if (tree.isCategorical(n)) {
        int c = (int) v;
        left = c >= 0 && java.util.Arrays.binarySearch(tree.categories(n), c) >= 0;
      } else if (tree.rule() == SplitRule.LESS_THAN) {
        left = v < (float) tree.threshold(n);
      } else {
        left = (double) v <= tree.threshold(n);
      }
      int child = left ? tree.left(n) : tree.right(n);
      if (Tree.isLeaf(child)) {
        return tree.leafValue(~child);
      }
      n = child;
    }
  }

  private static Tree randomTree(SplittableRandom rnd, boolean special) {
    SplitRule rule = rnd.nextBoolean() ? SplitRule.LESS_THAN : SplitRule.LESS_OR_EQUAL;
    TreeBuilder b = Tree.builder(rule);
    if (rnd.nextInt(10) == 0) {
      b.leaf(rnd.nextDouble());
      return b.build();
    }
    grow(b, rnd, special, 0, 1 + rnd.nextInt(7));
    return b.build();
  }

  /** Adds a node (or a leaf) and returns its reference. */
  private static int grow(TreeBuilder b, SplittableRandom rnd, boolean special, int level, int max) {
    if (level > 0 && (level == max || rnd.nextInt(4) == 0)) {
      return b.leaf(Math.round(rnd.nextDouble(-4, 4) * 64) / 64.0);
    }
    Missing missing = Missing.DEFAULT_DIRECTION;
    if (special || rnd.nextInt(3) == 0) {
      missing = Missing.values()[rnd.nextInt(special ? 3 : 2)];
    }
    int node;
    if (special && rnd.nextInt(5) == 0) {
      int[] cats = rnd.ints(1 + rnd.nextInt(5), 0, 70).toArray();
      node = b.categorical(rnd.nextInt(FEATURES), cats, rnd.nextBoolean(),
          missing == Missing.ZERO_AND_MISSING_DEFAULT ? Missing.DEFAULT_DIRECTION : missing);
    } else {
      node = b.split(rnd.nextInt(FEATURES), THRESHOLDS[rnd.nextInt(THRESHOLDS.length)],
          rnd.nextBoolean(), missing);
    }
    int l = grow(b, rnd, special, level + 1, max);
    int r = grow(b, rnd, special, level + 1, max);
    b.children(node, l, r);
    return node;
  }

  private static final double[] THRESHOLDS = {0.0, -0.0, 0.1, 0.5, 1.0, -2.5, 3.0, 1e-36, 64.0};

  private static float randomValue(SplittableRandom rnd, TreeEnsemble e) {
    switch (rnd.nextInt(10)) {
      case 0:
        return Float.NaN;
      case 1:
        return e.schema().hasSentinel() ? e.schema().missingValue() : 0f;
      case 2:
      case 3: {
        float t = (float) THRESHOLDS[rnd.nextInt(THRESHOLDS.length)];
        int adj = rnd.nextInt(3);
        return adj == 0 ? t : adj == 1 ? Math.nextUp(t) : Math.nextDown(t);
      }
      case 4:
        return rnd.nextInt(-2, 72);
      case 5:
        return (float) rnd.nextDouble(-1e-34, 1e-34);
      default:
        return (float) rnd.nextDouble(-4, 4);
    }
  }
}
