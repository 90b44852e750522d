package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.ScoreOutput;
import dev.reco.models.rank.TreeEnsemble;
import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import dev.reco.models.rank.TreeEnsemble.Tree;
import dev.reco.models.rank.TreeEnsemble.TreeBuilder;
import java.lang.reflect.Field;
import smile.base.cart.InternalNode;
import smile.base.cart.LeafNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Converts Smile 2.6.0 regression trees into {@link TreeEnsemble} trees.
 *
 * <p>Semantics, read from Smile 2.6.0's bytecode: {@code OrdinalNode.branch} is
 * {@code x.getDouble(feature) <= value} (a {@code dcmpg}), true sends the row to
 * {@code trueChild}; so a node becomes a {@link SplitRule#LESS_OR_EQUAL} split with the same
 * double threshold, {@code trueChild} on the left. NaN fails the comparison and goes to
 * {@code falseChild}: {@link Missing#DEFAULT_DIRECTION} with {@code defaultLeft = false}.
 * {@code RegressionTree.predict} returns the reached {@code RegressionNode.output()}, and the
 * boosted models add {@code shrinkage * output} per tree to their intercept, so each leaf stores
 * {@code shrinkage * output}, the same double product Smile computes.
 *
 * <p>Smile 2.6.0 exposes no accessor for an ordinal node's threshold (the package-private field
 * {@code value}); it is read reflectively once per node and cross-checked through the public
 * {@code branch}: {@code value} must branch true and the next double up false.
 */
final class SmileTrees {
  private SmileTrees() {}

  /** The reflective accessor of {@code OrdinalNode.value}, or null when it cannot be opened. */
  private static final Field ORDINAL_VALUE = ordinalValueField();

  private static Field ordinalValueField() {
    try {
      Field f = OrdinalNode.class.getDeclaredField("value");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Builds an ensemble: {@code margin = intercept + sum over trees of shrinkage * output}.
   *
   * @param columns the position in {@code schema} of each column of the trees' schema
   */
  static TreeEnsemble convert(
      FeatureSchema schema,
      RegressionTree[] trees,
      int[] columns,
      double intercept,
      double shrinkage,
      ScoreOutput output,
      double scale,
      String origin) {
    TreeEnsemble.Builder builder = TreeEnsemble.builder(schema)
        .baseMargin(intercept)
        .output(output, scale)
        .origin(origin);
    for (RegressionTree tree : trees) {
      builder.add(convert(tree, columns, shrinkage));
    }
    return builder.build();
  }

  /** Converts one tree, nodes in pre-order (the root is node 0). */
  static Tree convert(RegressionTree tree, int[] columns, double shrinkage) {
    TreeBuilder b = Tree.builder(SplitRule.LESS_OR_EQUAL);
    StructType xSchema = tree.schema();
    add(b, tree.root(), columns, shrinkage, xSchema);
    return b.build();
  }

  /** Adds {@code node} and its subtree; returns its child reference. */
  private static int add(TreeBuilder b, Node node, int[] columns, double shrinkage, StructType xs) {
    if (node instanceof LeafNode) {
      if (!(node instanceof RegressionNode leaf)) {
        throw new IllegalStateException(
            "leaf " + node.getClass().getName() + "; expected smile.base.cart.RegressionNode");
      }
      return b.leaf(shrinkage * leaf.output());
    }
    if (!(node instanceof OrdinalNode split)) {
      throw new IllegalStateException(
          "split " + node.getClass().getName() + "; expected smile.base.cart.OrdinalNode (reco"
              + " trains on numeric columns only)");
    }
    int column = split.feature();
    double value = threshold(split, xs);
    int id = b.split(columns[column], value, false, Missing.DEFAULT_DIRECTION);
    InternalNode internal = split;
    int left = add(b, internal.trueChild(), columns, shrinkage, xs);
    int right = add(b, internal.falseChild(), columns, shrinkage, xs);
    b.children(id, left, right);
    return id;
  }

  /** Reads the node's threshold and checks it against {@code branch}. */
  static double threshold(OrdinalNode node, StructType xs) {
    if (ORDINAL_VALUE == null) {
      throw new IllegalStateException(
          "cannot read smile.base.cart.OrdinalNode.value; expected Smile 2.6.0 with its"
              + " smile.base.cart package open to reflection (the class path, or an automatic"
              + " module)");
    }
    double value;
    try {
      value = ORDINAL_VALUE.getDouble(node);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read smile.base.cart.OrdinalNode.value", e);
    }
    double[] row = new double[xs.length()];
    row[node.feature()] = value;
    boolean atValue = node.branch(Tuple.of(row, xs));
    row[node.feature()] = Math.nextUp(value);
    boolean above = node.branch(Tuple.of(row, xs));
    if (!Double.isFinite(value) || !atValue || above) {
      throw new IllegalStateException(
          "OrdinalNode threshold " + value + " on column " + node.feature()
              + " does not match its branch(); expected x <= value to go to the true child");
    }
    return value;
  }
}
