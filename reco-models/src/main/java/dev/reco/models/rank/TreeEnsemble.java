package dev.reco.models.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A gradient-boosted tree ensemble scored natively: the margin of a row is
 * {@code baseMargin + sum of one leaf value per tree} (or, for a random forest built with
 * {@link Builder#averageOverTrees()}, {@code baseMargin + sum / number of trees}), and its score
 * is the margin passed through the {@link ScoreOutput} function (identity, or the logistic
 * sigmoid). XGBoost and LightGBM models are
 * imported into this form, Java-trained ensembles are converted into it, and the ONNX exporter
 * reads it back through {@link #trees()}.
 *
 * <h2>Split semantics</h2>
 * Each {@link Tree} has one {@link SplitRule}: {@link SplitRule#LESS_THAN} (go left iff
 * {@code x < threshold} compared in float32, XGBoost's rule) or {@link SplitRule#LESS_OR_EQUAL}
 * (go left iff {@code (double) x <= threshold}, LightGBM's rule). Each split node says where
 * missing values go ({@link Missing}); categorical nodes send a value left iff its integer part is
 * in the node's category set (negative values go right). Scoring reduces every numeric node to one
 * float comparison with an adjusted threshold that gives exactly the declared rule for every float
 * input, so a row never takes a different path than the original library would.
 *
 * <h2>Layout</h2>
 * All nodes of all trees live in flat primitive arrays (feature, float threshold, children, flag
 * byte) and all leaf values in one {@code double[]}: no object per node. Leaf sums are
 * accumulated in double; the output function is applied to the double margin and the score
 * rounded to float once.
 *
 * <p>Immutable and thread-safe; {@link #close()} is a no-op.
 */
public final class TreeEnsemble implements Ranker {
  /** How a numeric split compares a feature value with its threshold. */
  public enum SplitRule {
    /** Left iff {@code x < threshold}, both as float32 (XGBoost); thresholds are rounded to float. */
    LESS_THAN,
    /** Left iff {@code (double) x <= threshold} with a double threshold (LightGBM). */
    LESS_OR_EQUAL
  }

  /** Where a split sends a missing value (NaN, or the schema's sentinel). */
  public enum Missing {
    /** Missing values follow the node's default direction (XGBoost; LightGBM {@code NaN} type). */
    DEFAULT_DIRECTION,
    /** Missing values are treated as 0 (LightGBM {@code None} type). */
    AS_ZERO,
    /**
     * Missing values and values with {@code |x| <= 1e-35} follow the default direction (LightGBM
     * {@code Zero} type, whose zero test uses that tolerance).
     */
    ZERO_AND_MISSING_DEFAULT
  }

  /** LightGBM's zero tolerance for {@link Missing#ZERO_AND_MISSING_DEFAULT}. */
  static final float ZERO_TOLERANCE = 1e-35f;

  static final byte MISSING_LEFT = 1;
  static final byte ZERO_IS_MISSING = 2;
  static final byte CATEGORICAL = 4;
  static final byte SPECIAL = 8;

  private final FeatureSchema schema;
  private final List<Tree> trees;
  private final double baseMargin;
  private final boolean averaged;
  private final ScoreOutput output;
  private final double sigmoidScale;
  private final String origin;

  // Compiled form: global node indices; a child < 0 is the leaf ~child.
  final int[] roots;
  final int[] feature;
  final float[] threshold;
  final int[] left;
  final int[] right;
  final byte[] flags;
  final int[] categoryStart;
  final long[] categoryWords;
  final double[] leaves;
  final CompleteLayout layout;

  private TreeEnsemble(Builder b) {
    this.schema = b.schema;
    this.trees = Collections.unmodifiableList(new ArrayList<>(b.trees));
    this.baseMargin = b.baseMargin;
    this.averaged = b.averaged;
    this.output = b.output;
    this.sigmoidScale = b.sigmoidScale;
    this.origin = b.origin;
    int nodes = 0;
    int leafCount = 0;
    int words = 0;
    for (Tree t : trees) {
      nodes += t.nodeCount();
      leafCount += t.leafCount();
      for (int n = 0; n < t.nodeCount(); n++) {
        if (t.isCategorical(n)) {
          words += t.categoryBits[n].length;
        }
      }
    }
    roots = new int[trees.size()];
    feature = new int[nodes];
    threshold = new float[nodes];
    left = new int[nodes];
    right = new int[nodes];
    flags = new byte[nodes];
    categoryStart = new int[nodes + 1];
    categoryWords = new long[words];
    leaves = new double[leafCount];
    int nodeBase = 0;
    int leafBase = 0;
    int word = 0;
    for (int ti = 0; ti < trees.size(); ti++) {
      Tree t = trees.get(ti);
      roots[ti] = t.nodeCount() == 0 ? ~leafBase : nodeBase;
      for (int n = 0; n < t.nodeCount(); n++) {
        int g = nodeBase + n;
        int f = t.feature[n];
        if (f >= schema.size()) {
          throw new IllegalArgumentException(
              "tree " + ti + " node " + n + " splits on feature " + f + "; expected a feature < "
                  + schema.size() + " (the schema's size)");
        }
        feature[g] = f;
        left[g] = relocate(t.left[n], nodeBase, leafBase);
        right[g] = relocate(t.right[n], nodeBase, leafBase);
        categoryStart[g] = word;
        byte fl = 0;
        if (t.isCategorical(n)) {
          fl |= CATEGORICAL | SPECIAL;
          long[] bits = t.categoryBits[n];
          System.arraycopy(bits, 0, categoryWords, word, bits.length);
          word += bits.length;
          boolean missingLeft = switch (t.missing[n]) {
            case AS_ZERO -> bits.length > 0 && (bits[0] & 1L) != 0;
            default -> t.defaultLeft[n];
          };
          if (missingLeft) {
            fl |= MISSING_LEFT;
          }
          if (t.missing[n] == Missing.ZERO_AND_MISSING_DEFAULT) {
            fl |= ZERO_IS_MISSING;
          }
        } else {
          float thr = floatThreshold(t.rule, t.threshold[n]);
          threshold[g] = thr;
          boolean missingLeft = switch (t.missing[n]) {
            case AS_ZERO -> 0f < thr;
            default -> t.defaultLeft[n];
          };
          if (missingLeft) {
            fl |= MISSING_LEFT | SPECIAL;
          }
          if (t.missing[n] == Missing.ZERO_AND_MISSING_DEFAULT) {
            fl |= ZERO_IS_MISSING | SPECIAL;
          }
        }
        flags[g] = fl;
      }
      for (int j = 0; j < t.leafCount(); j++) {
        leaves[leafBase + j] = t.leafValue[j];
      }
      nodeBase += t.nodeCount();
      leafBase += t.leafCount();
    }
    categoryStart[nodes] = word;
    layout = new CompleteLayout(this);
  }

  private static int relocate(int child, int nodeBase, int leafBase) {
    return child >= 0 ? child + nodeBase : ~(~child + leafBase);
  }

  /**
   * Returns the float threshold {@code c} such that, for every float {@code x}, {@code x < c}
   * holds exactly when the rule sends {@code x} left.
   */
  static float floatThreshold(SplitRule rule, double threshold) {
    if (rule == SplitRule.LESS_THAN) {
      return (float) threshold;
    }
    // Largest float f <= threshold; then (double) x <= threshold <=> x <= f <=> x < nextUp(f).
    float f = (float) threshold;
    if ((double) f > threshold) {
      f = Math.nextDown(f);
    }
    return Math.nextUp(f);
  }

  /**
   * Starts an ensemble over this schema.
   *
   * @param schema the features rows carry
   * @return a builder with base margin 0 and identity output
   */
  public static Builder builder(FeatureSchema schema) {
    return new Builder(schema);
  }

  @Override
  public FeatureSchema schema() {
    return schema;
  }

  /** Returns the trees, in the order their leaf values are summed (unmodifiable). */
  public List<Tree> trees() {
    return trees;
  }

  /** Returns the margin added to the sum of leaf values. */
  public double baseMargin() {
    return baseMargin;
  }

  /**
   * Returns whether the leaf values are averaged over the trees (a random forest, e.g. LightGBM's
   * {@code boosting=rf}) instead of summed: margin {@code baseMargin + sum / trees().size()}.
   */
  public boolean averagesTrees() {
    return averaged;
  }

  /** Returns the function from margin to score. */
  public ScoreOutput output() {
    return output;
  }

  /** Returns the sigmoid's scale ({@code 1} unless the source model set one). */
  public double sigmoidScale() {
    return sigmoidScale;
  }

  /** Returns where the model came from (e.g. {@code "xgboost 1.7.4 binary:logistic"}); may be empty. */
  public String origin() {
    return origin;
  }

  @Override
  public void score(float[] features, int rows, float[] scores) {
    schema.checkBatch(features, rows, scores);
    float[] x = schema.hasSentinel() ? TreeScoring.withSentinelAsNaN(features, rows, schema) : features;
    TreeScoring.scores(this, x, rows, scores);
  }

  /**
   * Returns the margin of one row (before the output function), in double.
   *
   * @param row {@code schema().size()} values
   * @return {@code baseMargin + sum of leaf values} ({@code baseMargin + sum / trees} when
   *     {@link #averagesTrees()})
   * @throws IllegalArgumentException if {@code row} is too short
   */
  public double margin(float[] row) {
    schema.checkBatch(row, 1, new float[1]);
    float[] x = schema.hasSentinel() ? TreeScoring.withSentinelAsNaN(row, 1, schema) : row;
    return TreeScoring.margin(this, x, 0);
  }

  @Override
  public String toString() {
    return "TreeEnsemble[" + trees.size() + " trees, " + feature.length + " splits, "
        + schema.size() + " features, " + output + (origin.isEmpty() ? "" : ", " + origin) + "]";
  }

  /** Builds a {@link TreeEnsemble}; not thread-safe. */
  public static final class Builder {
    private final FeatureSchema schema;
    private final List<Tree> trees = new ArrayList<>();
    private double baseMargin;
    private boolean averaged;
    private ScoreOutput output = ScoreOutput.IDENTITY;
    private double sigmoidScale = 1.0;
    private String origin = "";

    private Builder(FeatureSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Sets the margin added to every row's sum of leaf values.
     *
     * @param margin a finite value
     * @return this builder
     * @throws IllegalArgumentException if {@code margin} is not finite
     */
    public Builder baseMargin(double margin) {
      if (!Double.isFinite(margin)) {
        throw new IllegalArgumentException("baseMargin = " + margin + "; expected a finite value");
      }
      this.baseMargin = margin;
      return this;
    }

    /**
     * Sets the output function: identity, or a sigmoid of {@code scale * margin}.
     *
     * @param output the function
     * @param scale the sigmoid's scale, finite and {@code > 0} (ignored for identity)
     * @return this builder
     * @throws IllegalArgumentException if {@code scale} is not finite and positive
     */
    public Builder output(ScoreOutput output, double scale) {
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("sigmoid scale = " + scale + "; expected a finite value > 0");
      }
      this.output = Objects.requireNonNull(output, "output");
      this.sigmoidScale = scale;
      return this;
    }

    /**
     * Makes the margin {@code baseMargin + (sum of leaf values) / (number of trees)}: the sum is
     * accumulated in tree order from 0 and divided once, as LightGBM's random-forest mode
     * ({@code average_output}) does.
     *
     * @return this builder
     */
    public Builder averageOverTrees() {
      this.averaged = true;
      return this;
    }

    /**
     * Sets the output function with scale 1.
     *
     * @param output the function
     * @return this builder
     */
    public Builder output(ScoreOutput output) {
      return output(output, 1.0);
    }

    /**
     * Records where the model came from, kept in {@link TreeEnsemble#origin()} and in exports.
     *
     * @param origin a short description, e.g. {@code "lightgbm v4 lambdarank"}
     * @return this builder
     */
    public Builder origin(String origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    /**
     * Appends a tree.
     *
     * @param tree the tree
     * @return this builder
     */
    public Builder add(Tree tree) {
      trees.add(Objects.requireNonNull(tree, "tree"));
      return this;
    }

    /**
     * Builds the ensemble.
     *
     * @return the ensemble
     * @throws IllegalArgumentException if there is no tree, or a tree splits on a feature the
     *     schema does not have
     */
    public TreeEnsemble build() {
      if (trees.isEmpty()) {
        throw new IllegalArgumentException("trees = 0; expected at least one tree");
      }
      return new TreeEnsemble(this);
    }
  }

  /**
   * One immutable decision tree: split nodes {@code 0 .. nodeCount()-1} (node 0 is the root) and
   * leaves {@code 0 .. leafCount()-1}. A child reference {@code >= 0} is a node; a negative one
   * {@code c} is the leaf {@code ~c} ({@link #leafRef}). A tree without splits is one leaf.
   */
  public static final class Tree {
    final SplitRule rule;
    final int[] feature;
    final double[] threshold;
    final boolean[] defaultLeft;
    final Missing[] missing;
    final long[][] categoryBits;
    final int[] left;
    final int[] right;
    final double[] leafValue;

    private Tree(TreeBuilder b) {
      int n = b.nodes;
      this.rule = b.rule;
      this.feature = Arrays.copyOf(b.feature, n);
      this.threshold = Arrays.copyOf(b.threshold, n);
      this.defaultLeft = Arrays.copyOf(b.defaultLeft, n);
      this.missing = Arrays.copyOf(b.missing, n);
      this.categoryBits = Arrays.copyOf(b.categoryBits, n);
      this.left = Arrays.copyOf(b.left, n);
      this.right = Arrays.copyOf(b.right, n);
      this.leafValue = Arrays.copyOf(b.leafValue, b.leaves);
    }

    /**
     * Starts a tree whose numeric splits use {@code rule}.
     *
     * @param rule the comparison of every numeric split
     * @return a builder
     */
    public static TreeBuilder builder(SplitRule rule) {
      return new TreeBuilder(rule);
    }

    /**
     * Returns the child reference of leaf {@code leaf}: {@code ~leaf}.
     *
     * @param leaf a leaf index, {@code >= 0}
     * @return the (negative) reference
     */
    public static int leafRef(int leaf) {
      return ~leaf;
    }

    /**
     * Returns whether a child reference is a leaf.
     *
     * @param ref a child reference
     * @return {@code ref < 0}
     */
    public static boolean isLeaf(int ref) {
      return ref < 0;
    }

    /** Returns the comparison of this tree's numeric splits. */
    public SplitRule rule() {
      return rule;
    }

    /** Returns the number of split nodes. */
    public int nodeCount() {
      return feature.length;
    }

    /** Returns the number of leaves. */
    public int leafCount() {
      return leafValue.length;
    }

    /** Returns the feature node {@code n} splits on. */
    public int feature(int n) {
      return feature[n];
    }

    /** Returns the threshold of numeric node {@code n} (0 for categorical nodes). */
    public double threshold(int n) {
      return threshold[n];
    }

    /** Returns whether missing values go left at node {@code n} when they follow the default direction. */
    public boolean defaultLeft(int n) {
      return defaultLeft[n];
    }

    /** Returns how node {@code n} treats missing values. */
    public Missing missing(int n) {
      return missing[n];
    }

    /** Returns whether node {@code n} is a categorical split. */
    public boolean isCategorical(int n) {
      return categoryBits[n] != null;
    }

    /**
     * Returns the categories categorical node {@code n} sends left, ascending (a new array).
     *
     * @param n a categorical node
     * @return the categories
     * @throws IllegalArgumentException if node {@code n} is numeric
     */
    public int[] categories(int n) {
      if (categoryBits[n] == null) {
        throw new IllegalArgumentException("node " + n + " is numeric; expected a categorical node");
      }
      return BitSet.valueOf(categoryBits[n]).stream().toArray();
    }

    /** Returns the left child reference of node {@code n}. */
    public int left(int n) {
      return left[n];
    }

    /** Returns the right child reference of node {@code n}. */
    public int right(int n) {
      return right[n];
    }

    /** Returns the value of leaf {@code j}. */
    public double leafValue(int j) {
      return leafValue[j];
    }
  }

  /** Builds a {@link Tree} node by node; not thread-safe. */
  public static final class TreeBuilder {
    private final SplitRule rule;
    private int nodes;
    private int leaves;
    private int[] feature = new int[8];
    private double[] threshold = new double[8];
    private boolean[] defaultLeft = new boolean[8];
    private Missing[] missing = new Missing[8];
    private long[][] categoryBits = new long[8][];
    private int[] left = new int[8];
    private int[] right = new int[8];
    private double[] leafValue = new double[8];

    private TreeBuilder(SplitRule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * Adds a numeric split node; set its children with {@link #children}.
     *
     * @param feature the feature index, {@code >= 0}
     * @param threshold a finite threshold
     * @param defaultLeft where missing values go under {@link Missing#DEFAULT_DIRECTION} and
     *     {@link Missing#ZERO_AND_MISSING_DEFAULT}
     * @param missing how the node treats missing values
     * @return the node index (the first node added is the root)
     * @throws IllegalArgumentException if {@code feature < 0} or the threshold is not finite
     */
    public int split(int feature, double threshold, boolean defaultLeft, Missing missing) {
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException(
            "threshold = " + threshold + " at node " + nodes + "; expected a finite value");
      }
      return add(feature, threshold, defaultLeft, missing, null);
    }

    /**
     * Adds a categorical split node: a value goes left iff {@code (int) x} is in
     * {@code leftCategories}; negative values go right; missing values as {@code missing} says
     * ({@link Missing#AS_ZERO}: as category 0).
     *
     * @param feature the feature index, {@code >= 0}
     * @param leftCategories the categories sent left, each {@code >= 0}
     * @param defaultLeft where missing values go under {@link Missing#DEFAULT_DIRECTION}
     * @param missing how the node treats missing values
     * @return the node index
     * @throws IllegalArgumentException if {@code feature < 0} or a category is negative
     */
    public int categorical(int feature, int[] leftCategories, boolean defaultLeft, Missing missing) {
      BitSet set = new BitSet();
      for (int c : leftCategories) {
        if (c < 0) {
          throw new IllegalArgumentException(
              "category = " + c + " at node " + nodes + "; expected categories >= 0");
        }
        set.set(c);
      }
      return add(feature, 0.0, defaultLeft, missing, set.toLongArray());
    }

    /**
     * Adds a leaf.
     *
     * @param value the leaf value, finite
     * @return the leaf's child reference ({@code ~leafIndex}), to pass to {@link #children}
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public int leaf(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "leaf value = " + value + " at leaf " + leaves + "; expected a finite value");
      }
      if (leaves == leafValue.length) {
        leafValue = Arrays.copyOf(leafValue, leaves * 2);
      }
      leafValue[leaves] = value;
      return ~leaves++;
    }

    /**
     * Sets the children of a node.
     *
     * @param node a node index from {@link #split} or {@link #categorical}
     * @param leftRef a node index or a leaf reference from {@link #leaf}
     * @param rightRef a node index or a leaf reference
     * @return this builder
     * @throws IllegalArgumentException if {@code node} does not exist
     */
    public TreeBuilder children(int node, int leftRef, int rightRef) {
      if (node < 0 || node >= nodes) {
        throw new IllegalArgumentException(
            "node = " + node + "; expected 0 <= node < " + nodes + " (nodes added so far)");
      }
      left[node] = leftRef;
      right[node] = rightRef;
      return this;
    }

    /**
     * Builds the tree after checking that it is one tree: every node but the root and every
     * leaf is the child of exactly one node, and a tree without nodes has exactly one leaf.
     *
     * @return the tree
     * @throws IllegalArgumentException naming the first node or leaf that breaks the shape
     */
    public Tree build() {
      if (nodes == 0) {
        if (leaves != 1) {
          throw new IllegalArgumentException(
              "a tree without splits has " + leaves + " leaves; expected exactly 1");
        }
        return new Tree(this);
      }
      int[] nodeParents = new int[nodes];
      int[] leafParents = new int[leaves];
      for (int n = 0; n < nodes; n++) {
        for (int ref : new int[] {left[n], right[n]}) {
          if (ref >= 0) {
            if (ref >= nodes || ref == 0) {
              throw new IllegalArgumentException(
                  "node " + n + " has child node " + ref + "; expected 1 <= child < " + nodes);
            }
            nodeParents[ref]++;
          } else {
            int leaf = ~ref;
            if (leaf >= leaves) {
              throw new IllegalArgumentException(
                  "node " + n + " has child leaf " + leaf + "; expected a leaf < " + leaves);
            }
            leafParents[leaf]++;
          }
        }
      }
      for (int n = 1; n < nodes; n++) {
        if (nodeParents[n] != 1) {
          throw new IllegalArgumentException(
              "node " + n + " is the child of " + nodeParents[n] + " nodes; expected exactly 1");
        }
      }
      for (int j = 0; j < leaves; j++) {
        if (leafParents[j] != 1) {
          throw new IllegalArgumentException(
              "leaf " + j + " is the child of " + leafParents[j] + " nodes; expected exactly 1");
        }
      }
      if (leaves != nodes + 1) {
        throw new IllegalArgumentException(
            "tree has " + nodes + " nodes and " + leaves + " leaves; expected nodes + 1 leaves");
      }
      return new Tree(this);
    }

    private int add(int f, double t, boolean dl, Missing m, long[] bits) {
      if (f < 0) {
        throw new IllegalArgumentException("feature = " + f + " at node " + nodes + "; expected >= 0");
      }
      Objects.requireNonNull(m, "missing");
      if (nodes == feature.length) {
        int cap = nodes * 2;
        feature = Arrays.copyOf(feature, cap);
        threshold = Arrays.copyOf(threshold, cap);
        defaultLeft = Arrays.copyOf(defaultLeft, cap);
        missing = Arrays.copyOf(missing, cap);
        categoryBits = Arrays.copyOf(categoryBits, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
      }
      feature[nodes] = f;
      threshold[nodes] = t;
      defaultLeft[nodes] = dl;
      missing[nodes] = m;
      categoryBits[nodes] = bits;
      left[nodes] = Integer.MIN_VALUE;
      right[nodes] = Integer.MIN_VALUE;
      return nodes++;
    }
  }
}
