package dev.reco.models.rank;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXRef;
import org.tribuo.util.onnx.ONNXUtils;

/**
 * Translates a {@link TreeEnsemble} into {@code ai.onnx.ml.TreeEnsembleRegressor} nodes.
 *
 * <h2>Input columns</h2>
 * The regressors read a widened input: the {@code d} feature columns (with the schema's sentinel
 * already turned into NaN), followed by derived copies of the features some nodes need:
 * <ul>
 *   <li>{@code ZERO_AS_MISSING}: {@code |x| <= 1e-35} replaced by NaN, for
 *       {@link TreeEnsemble.Missing#ZERO_AND_MISSING_DEFAULT} nodes, which then only need
 *       {@code nodes_missing_value_tracks_true} like any other node;</li>
 *   <li>{@code TRUNCATED}: {@code sign(x) * floor(|x|)} (NaN stays NaN), for categorical nodes,
 *       so a {@code BRANCH_EQ} against the integer category behaves like the native
 *       {@code (int) x};</li>
 *   <li>{@code ZERO_AS_MISSING_TRUNCATED}: both, in that order.</li>
 * </ul>
 *
 * <h2>Nodes</h2>
 * {@link TreeEnsemble.SplitRule#LESS_THAN} trees go to a regressor on the float input with
 * {@code BRANCH_LT} and float thresholds (exactly {@code x < (float) t}).
 * {@link TreeEnsemble.SplitRule#LESS_OR_EQUAL} trees go to a regressor on the input cast to double
 * with {@code BRANCH_LEQ} and double thresholds ({@code nodes_values_as_tensor}), exactly
 * {@code (double) x <= t}; that regressor also keeps leaf values and the base in double. An ensemble
 * that mixes both rules gets one regressor per rule and an {@code Add}. A categorical node becomes a
 * chain of {@code BRANCH_EQ} nodes, one per category, whose true branches all lead to the node's
 * left subtree and whose last false branch leads to its right subtree; an empty category set
 * becomes one node comparing with {@code -0.5}, which no truncated value equals.
 *
 * <h2>Output</h2>
 * The regressors use {@code post_transform NONE}: ONNX Runtime ignores {@code LOGISTIC} for
 * single-target regressors. A sigmoid output is {@code Cast} to double, multiplied by the sigmoid
 * scale, passed through {@code Sigmoid} and cast back to float: the native formula
 * {@code 1 / (1 + exp(-scale * margin))} on the float margin.
 */
final class OnnxTrees {
  private OnnxTrees() {}

  /** Derived input columns, in the order they follow the raw features. */
  private enum Column { ZERO_AS_MISSING, TRUNCATED, ZERO_AS_MISSING_TRUNCATED }

  /** The largest category a float {@code BRANCH_EQ} threshold represents exactly for sure. */
  private static final int MAX_EXACT_FLOAT_INT = 1 << 24;

  /**
   * Adds the nodes scoring {@code e} to {@code ctx}.
   *
   * @param ctx the graph being built
   * @param e the ensemble
   * @param input the float {@code [batch, d]} feature input
   * @return the float {@code [batch, 1]} score
   * @throws IllegalArgumentException if a categorical split cannot be represented
   */
  static ONNXRef<?> build(ONNXContext ctx, TreeEnsemble e, ONNXRef<?> input) {
    FeatureSchema schema = e.schema();
    int d = schema.size();
    Map<Column, LinkedHashMap<Integer, Integer>> derived = new LinkedHashMap<>();
    for (Column c : Column.values()) {
      derived.put(c, new LinkedHashMap<>());
    }
    List<TreeEnsemble.Tree> trees = e.trees();
    for (int ti = 0; ti < trees.size(); ti++) {
      TreeEnsemble.Tree t = trees.get(ti);
      for (int n = 0; n < t.nodeCount(); n++) {
        Column c = columnOf(t, n);
        if (c != null) {
          LinkedHashMap<Integer, Integer> m = derived.get(c);
          m.putIfAbsent(t.feature(n), m.size());
        }
        if (t.isCategorical(n)) {
          checkCategories(t, ti, n);
        }
      }
    }
    Map<Column, Integer> offsets = new HashMap<>();
    int width = d;
    for (Column c : Column.values()) {
      offsets.put(c, width);
      width += derived.get(c).size();
    }

    // Widened input.
    ONNXRef<?> x = sentinelToNaN(ctx, input, schema);
    if (width > d) {
      List<ONNXRef<?>> parts = new ArrayList<>();
      parts.add(x);
      for (Column c : Column.values()) {
        LinkedHashMap<Integer, Integer> m = derived.get(c);
        if (m.isEmpty()) {
          continue;
        }
        long[] idx = m.keySet().stream().mapToLong(Integer::longValue).toArray();
        ONNXRef<?> g = ctx.operation(OnnxOps.GATHER, List.of(x, ctx.array("columns", idx)),
            "gathered", Map.of("axis", 1));
        if (c != Column.TRUNCATED) {
          g = zeroAsMissing(ctx, g);
        }
        if (c != Column.ZERO_AS_MISSING) {
          g = truncate(ctx, g);
        }
        parts.add(g);
      }
      x = ctx.operation(OnnxOps.CONCAT, parts, "widened", Map.of("axis", 1));
    }

    Regressor lt = new Regressor(false);
    Regressor leq = new Regressor(true);
    for (TreeEnsemble.Tree t : trees) {
      Regressor r = t.rule() == TreeEnsemble.SplitRule.LESS_THAN ? lt : leq;
      r.addTree(t, derived, offsets);
    }
    // Averaged trees (random forests): the regressors sum from 0, then one Mul by 1 / trees and
    // the base margin; in float, within the stated export tolerance of the native double margin.
    double base = e.averagesTrees() ? 0.0 : e.baseMargin();
    ONNXRef<?> y = null;
    if (lt.trees > 0) {
      y = lt.node(ctx, x, base);
    }
    if (leq.trees > 0) {
      ONNXRef<?> xd = ctx.operation(OnnxOps.CAST, List.of(x), "widened_double",
          Map.of("to", OnnxMl.TensorProto.DataType.DOUBLE.getNumber()));
      ONNXRef<?> yd = leq.node(ctx, xd, lt.trees > 0 ? 0.0 : base);
      y = y == null ? yd : ctx.operation(OnnxOps.ADD, List.of(y, yd), "margin");
    }
    if (e.averagesTrees()) {
      y = ctx.operation(OnnxOps.MUL, List.of(y,
          ctx.array("inverse_tree_count", new float[] {(float) (1.0 / trees.size())})), "averaged");
      if (e.baseMargin() != 0.0) {
        y = ctx.operation(OnnxOps.ADD, List.of(y,
            ctx.array("base_margin", new float[] {(float) e.baseMargin()})), "margin_averaged");
      }
    }
    if (e.output() == ScoreOutput.SIGMOID) {
      // ONNX Runtime ignores post_transform LOGISTIC for single-target regressors, so the sigmoid
      // is a node of its own; in double on the float margin, exactly as the native scorer does.
      y = ctx.operation(OnnxOps.CAST, List.of(y), "margin_double",
          Map.of("to", OnnxMl.TensorProto.DataType.DOUBLE.getNumber()));
      if (e.sigmoidScale() != 1.0) {
        y = ctx.operation(OnnxOps.MUL,
            List.of(y, ctx.array("sigmoid_scale", new double[] {e.sigmoidScale()}, false)), "scaled");
      }
      y = ctx.operation(OnnxOps.SIGMOID, List.of(y), "sigmoid");
      y = ctx.operation(OnnxOps.CAST, List.of(y), "probability",
          Map.of("to", OnnxMl.TensorProto.DataType.FLOAT.getNumber()));
    }
    return y;
  }

  private static Column columnOf(TreeEnsemble.Tree t, int n) {
    boolean zero = t.missing(n) == TreeEnsemble.Missing.ZERO_AND_MISSING_DEFAULT;
    if (t.isCategorical(n)) {
      return zero ? Column.ZERO_AS_MISSING_TRUNCATED : Column.TRUNCATED;
    }
    return zero ? Column.ZERO_AS_MISSING : null;
  }

  private static void checkCategories(TreeEnsemble.Tree t, int ti, int n) {
    if (t.rule() != TreeEnsemble.SplitRule.LESS_THAN) {
      return; // double thresholds hold every int exactly
    }
    for (int c : t.categories(n)) {
      if (c > MAX_EXACT_FLOAT_INT && (int) (float) c != c) {
        throw new IllegalArgumentException(
            "category = " + c + " at tree " + ti + " node " + n + " (feature " + t.feature(n)
                + "); expected a category a float represents exactly (<= 2^24 = "
                + MAX_EXACT_FLOAT_INT + ") in a LESS_THAN tree");
      }
    }
  }

  /** {@code Where(x == sentinel, NaN, x)} when the schema declares a sentinel; else {@code x}. */
  static ONNXRef<?> sentinelToNaN(ONNXContext ctx, ONNXRef<?> x, FeatureSchema schema) {
    if (!schema.hasSentinel()) {
      return x;
    }
    ONNXRef<?> isSentinel = ctx.operation(OnnxOps.EQUAL,
        List.of(x, ctx.constant("sentinel", schema.missingValue())), "is_sentinel");
    return ctx.operation(OnnxOps.WHERE,
        List.of(isSentinel, ctx.constant("nan", Float.NaN), x), "features_nan");
  }

  /** {@code Where(|g| <= 1e-35, NaN, g)}: LightGBM's zero test, as the native scorer applies it. */
  private static ONNXRef<?> zeroAsMissing(ONNXContext ctx, ONNXRef<?> g) {
    ONNXRef<?> abs = ctx.operation(OnnxOps.ABS, List.of(g), "abs");
    ONNXRef<?> isZero = ctx.operation(OnnxOps.LESS_OR_EQUAL,
        List.of(abs, ctx.constant("zero_tolerance", TreeEnsemble.ZERO_TOLERANCE)), "is_zero");
    return ctx.operation(OnnxOps.WHERE,
        List.of(isZero, ctx.constant("nan", Float.NaN), g), "zero_as_nan");
  }

  /** {@code sign(g) * floor(|g|)}: truncation toward zero, like {@code (int) x}; NaN stays NaN. */
  private static ONNXRef<?> truncate(ONNXContext ctx, ONNXRef<?> g) {
    ONNXRef<?> sign = ctx.operation(OnnxOps.SIGN, List.of(g), "sign");
    ONNXRef<?> abs = ctx.operation(OnnxOps.ABS, List.of(g), "abs");
    ONNXRef<?> floor = ctx.operation(OnnxOps.FLOOR, List.of(abs), "floor");
    return ctx.operation(OnnxOps.MUL, List.of(sign, floor), "truncated");
  }

  /** The attribute lists of one {@code TreeEnsembleRegressor}. */
  private static final class Regressor {
    private final boolean dbl;
    int trees;
    private final List<Integer> treeIds = new ArrayList<>();
    private final List<Integer> nodeIds = new ArrayList<>();
    private final List<Integer> featureIds = new ArrayList<>();
    private final List<String> modes = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<Integer> trueIds = new ArrayList<>();
    private final List<Integer> falseIds = new ArrayList<>();
    private final List<Integer> missingTrue = new ArrayList<>();
    private final List<Integer> targetTrees = new ArrayList<>();
    private final List<Integer> targetNodes = new ArrayList<>();
    private final List<Double> targetWeights = new ArrayList<>();
    private int treeId;
    private int nodeBase;
    private Map<Column, LinkedHashMap<Integer, Integer>> derived;
    private Map<Column, Integer> offsets;

    Regressor(boolean dbl) {
      this.dbl = dbl;
    }

    void addTree(TreeEnsemble.Tree t, Map<Column, LinkedHashMap<Integer, Integer>> derived,
        Map<Column, Integer> offsets) {
      this.treeId = trees++;
      this.nodeBase = nodeIds.size();
      this.derived = derived;
      this.offsets = offsets;
      emit(t, t.nodeCount() == 0 ? TreeEnsemble.Tree.leafRef(0) : 0);
    }

    /** Appends the subtree at {@code ref} (root first) and returns its node id within the tree. */
    private int emit(TreeEnsemble.Tree t, int ref) {
      if (TreeEnsemble.Tree.isLeaf(ref)) {
        int id = reserve();
        set(id, "LEAF", 0, 0.0, 0, 0, false);
        targetTrees.add(treeId);
        targetNodes.add(id);
        targetWeights.add(t.leafValue(~ref));
        return id;
      }
      int n = ref;
      int f = t.feature(n);
      if (!t.isCategorical(n)) {
        int id = reserve();
        int left = emit(t, t.left(n));
        int right = emit(t, t.right(n));
        Column c = columnOf(t, n);
        int column = c == null ? f : offsets.get(c) + derived.get(c).get(f);
        float ft = TreeEnsemble.floatThreshold(TreeEnsemble.SplitRule.LESS_THAN, t.threshold(n));
        double threshold = dbl ? t.threshold(n) : ft;
        boolean missingLeft = switch (t.missing(n)) {
          case AS_ZERO -> dbl ? 0.0 <= t.threshold(n) : 0f < ft;
          default -> t.defaultLeft(n);
        };
        set(id, dbl ? "BRANCH_LEQ" : "BRANCH_LT", column, threshold, left, right, missingLeft);
        return id;
      }
      int[] categories = t.categories(n);
      int links = Math.max(1, categories.length);
      int first = reserve();
      for (int i = 1; i < links; i++) {
        reserve();
      }
      int left = emit(t, t.left(n));
      int right = emit(t, t.right(n));
      Column c = columnOf(t, n);
      int column = offsets.get(c) + derived.get(c).get(f);
      boolean missingLeft = switch (t.missing(n)) {
        case AS_ZERO -> categories.length > 0 && categories[0] == 0;
        default -> t.defaultLeft(n);
      };
      for (int i = 0; i < links; i++) {
        double value = categories.length == 0 ? -0.5 : categories[i];
        int next = i + 1 < links ? first + i + 1 : right;
        // Only the first link routes missing values: NaN equals no category, so with the flag off
        // it falls through every link to the right subtree.
        set(first + i, "BRANCH_EQ", column, value, left, next, i == 0 && missingLeft);
      }
      return first;
    }

    private int reserve() {
      int id = nodeIds.size() - nodeBase;
      treeIds.add(treeId);
      nodeIds.add(id);
      featureIds.add(0);
      modes.add("LEAF");
      values.add(0.0);
      trueIds.add(0);
      falseIds.add(0);
      missingTrue.add(0);
      return id;
    }

    private void set(int id, String mode, int feature, double value, int t, int f, boolean missing) {
      int i = nodeBase + id;
      modes.set(i, mode);
      featureIds.set(i, feature);
      values.set(i, value);
      trueIds.set(i, t);
      falseIds.set(i, f);
      missingTrue.set(i, missing ? 1 : 0);
    }

    ONNXRef<?> node(ONNXContext ctx, ONNXRef<?> x, double base) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("n_targets", 1);
      a.put("aggregate_function", "SUM");
      a.put("post_transform", "NONE");
      a.put("nodes_treeids", ints(treeIds));
      a.put("nodes_nodeids", ints(nodeIds));
      a.put("nodes_featureids", ints(featureIds));
      a.put("nodes_modes", modes.toArray(new String[0]));
      a.put("nodes_truenodeids", ints(trueIds));
      a.put("nodes_falsenodeids", ints(falseIds));
      a.put("nodes_missing_value_tracks_true", ints(missingTrue));
      a.put("target_treeids", ints(targetTrees));
      a.put("target_nodeids", ints(targetNodes));
      a.put("target_ids", new int[targetNodes.size()]);
      double[] v = doubles(values);
      double[] w = doubles(targetWeights);
      if (dbl) {
        a.put("nodes_values_as_tensor", ONNXUtils.arrayBuilder(ctx, "nodes_values", v, false));
        a.put("target_weights_as_tensor", ONNXUtils.arrayBuilder(ctx, "target_weights", w, false));
        a.put("base_values_as_tensor",
            ONNXUtils.arrayBuilder(ctx, "base_values", new double[] {base}, false));
      } else {
        a.put("nodes_values", floats(v));
        a.put("target_weights", floats(w));
        a.put("base_values", new float[] {(float) base});
      }
      return ctx.operation(OnnxOps.TREE_ENSEMBLE_REGRESSOR, List.of(x),
          dbl ? "margin_leq" : "margin_lt", a);
    }

    private static int[] ints(List<Integer> list) {
      return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(List<Double> list) {
      return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static float[] floats(double[] v) {
      float[] out = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = (float) v[i];
      }
      return out;
    }
  }
}
