package dev.reco.models.rank;

/**
 * The scoring kernels of {@link TreeEnsemble}. Rows are scored in blocks of {@link #BLOCK}: for
 * each tree in order, every row of the block descends it before the next tree, so each tree's
 * nodes are read once per block and the rows' walks overlap. Trees in the {@link CompleteLayout}
 * descend branch-free; the others take the general walk. Each row's margin is the base plus the
 * leaf values added in tree order in double, whichever path a tree takes, so the result does not
 * depend on the block size.
 */
final class TreeScoring {
  static final int BLOCK = 8;

  private TreeScoring() {}

  /** Writes the score of each row to {@code out}: the output function of the double margin. */
  static void scores(TreeEnsemble e, float[] x, int rows, float[] out) {
    ScoreOutput output = e.output();
    double scale = e.sigmoidScale();
    int d = e.schema().size();
    int w = 2 * d;
    CompleteLayout c = e.layout;
    double[] sums = new double[BLOCK];
    int[] offsets = new int[BLOCK];
    float[] v = new float[BLOCK * w];
    for (int start = 0; start < rows; start += BLOCK) {
      int b = Math.min(BLOCK, rows - start);
      for (int r = 0; r < b; r++) {
        sums[r] = startingSum(e);
        offsets[r] = (start + r) * d;
        extend(x, offsets[r], d, v, r * w);
      }
      if (b == BLOCK) {
        fullBlock(e, c, x, offsets, v, w, sums);
      } else {
        for (int r = 0; r < b; r++) {
          sums[r] = rowMargin(e, c, x, offsets[r], v, r * w);
        }
      }
      for (int r = 0; r < b; r++) {
        out[start + r] = output.apply(finish(e, sums[r]), scale);
      }
    }
  }

  /** The value leaf sums start from: the base margin, or 0 when the trees are averaged. */
  private static double startingSum(TreeEnsemble e) {
    return e.averagesTrees() ? 0.0 : e.baseMargin();
  }

  /** The margin from a sum begun at {@link #startingSum}: itself, or base + sum / trees. */
  private static double finish(TreeEnsemble e, double sum) {
    return e.averagesTrees() ? e.baseMargin() + sum / e.trees().size() : sum;
  }

  /** Writes the row at {@code off} and its negation to {@code v} at {@code to}. */
  private static void extend(float[] x, int off, int d, float[] v, int to) {
    for (int f = 0; f < d; f++) {
      float value = x[off + f];
      v[to + f] = value;
      v[to + d + f] = -value;
    }
  }

  private static void fullBlock(
      TreeEnsemble e, CompleteLayout c, float[] x, int[] off, float[] v, int w, double[] sums) {
    final long[] nodes = c.nodes;
    final double[] leaves = c.leaves;
    final int o0 = 0, o1 = w, o2 = 2 * w, o3 = 3 * w;
    final int o4 = 4 * w, o5 = 5 * w, o6 = 6 * w, o7 = 7 * w;
    double s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3];
    double s4 = sums[4], s5 = sums[5], s6 = sums[6], s7 = sums[7];
    for (int t = 0; t < c.depth.length; t++) {
      int depth = c.depth[t];
      if (depth < 0) {
        int root = e.roots[t];
        s0 += walk(e, root, x, off[0]);
        s1 += walk(e, root, x, off[1]);
        s2 += walk(e, root, x, off[2]);
        s3 += walk(e, root, x, off[3]);
        s4 += walk(e, root, x, off[4]);
        s5 += walk(e, root, x, off[5]);
        s6 += walk(e, root, x, off[6]);
        s7 += walk(e, root, x, off[7]);
        continue;
      }
      int base = c.nodeStart[t];
      int i0 = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0, i5 = 0, i6 = 0, i7 = 0;
      for (int level = 0; level < depth; level++) {
        i0 = step(nodes, base, i0, v, o0);
        i1 = step(nodes, base, i1, v, o1);
        i2 = step(nodes, base, i2, v, o2);
        i3 = step(nodes, base, i3, v, o3);
        i4 = step(nodes, base, i4, v, o4);
        i5 = step(nodes, base, i5, v, o5);
        i6 = step(nodes, base, i6, v, o6);
        i7 = step(nodes, base, i7, v, o7);
      }
      int leaf = c.leafStart[t] - ((1 << depth) - 1);
      s0 += leaves[leaf + i0];
      s1 += leaves[leaf + i1];
      s2 += leaves[leaf + i2];
      s3 += leaves[leaf + i3];
      s4 += leaves[leaf + i4];
      s5 += leaves[leaf + i5];
      s6 += leaves[leaf + i6];
      s7 += leaves[leaf + i7];
    }
    sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3;
    sums[4] = s4; sums[5] = s5; sums[6] = s6; sums[7] = s7;
  }

  /** One level down: slot {@code i} of the tree whose nodes start at {@code base}. */
  private static int step(long[] nodes, int base, int i, float[] v, int off) {
    long node = nodes[base + i];
    return 2 * i + 1 + (v[off + (int) node] >= Float.intBitsToFloat((int) (node >>> 32)) ? 1 : 0);
  }

  /** The leaf value one complete-layout tree gives the extended row at {@code off} of {@code v}. */
  private static double complete(CompleteLayout c, int t, float[] v, int off) {
    int depth = c.depth[t];
    int base = c.nodeStart[t];
    int i = 0;
    for (int level = 0; level < depth; level++) {
      i = step(c.nodes, base, i, v, off);
    }
    return c.leaves[c.leafStart[t] + i - ((1 << depth) - 1)];
  }

  /** Returns the margin of the row starting at {@code off}, one row alone. */
  static double margin(TreeEnsemble e, float[] x, int off) {
    int d = e.schema().size();
    float[] v = new float[2 * d];
    extend(x, off, d, v, 0);
    return finish(e, rowMargin(e, e.layout, x, off, v, 0));
  }

  /**
   * The margin of one row: runs of four complete trees of equal depth descend together (their
   * walks overlap as a block's rows do), leaf values still added in tree order.
   */
  private static double rowMargin(
      TreeEnsemble e, CompleteLayout c, float[] x, int off, float[] v, int voff) {
    final long[] nodes = c.nodes;
    final int[] depths = c.depth;
    double sum = startingSum(e);
    int trees = depths.length;
    int t = 0;
    while (t < trees) {
      int depth = depths[t];
      if (depth >= 0 && t + 3 < trees && depths[t + 1] == depth && depths[t + 2] == depth
          && depths[t + 3] == depth) {
        int b0 = c.nodeStart[t];
        int b1 = c.nodeStart[t + 1];
        int b2 = c.nodeStart[t + 2];
        int b3 = c.nodeStart[t + 3];
        int i0 = 0, i1 = 0, i2 = 0, i3 = 0;
        for (int level = 0; level < depth; level++) {
          i0 = step(nodes, b0, i0, v, voff);
          i1 = step(nodes, b1, i1, v, voff);
          i2 = step(nodes, b2, i2, v, voff);
          i3 = step(nodes, b3, i3, v, voff);
        }
        int first = (1 << depth) - 1;
        sum += c.leaves[c.leafStart[t] + i0 - first];
        sum += c.leaves[c.leafStart[t + 1] + i1 - first];
        sum += c.leaves[c.leafStart[t + 2] + i2 - first];
        sum += c.leaves[c.leafStart[t + 3] + i3 - first];
        t += 4;
      } else {
        sum += depth >= 0 ? complete(c, t, v, voff) : walk(e, e.roots[t], x, off);
        t++;
      }
    }
    return sum;
  }

  /** The leaf value the general walk from {@code root} gives the row at {@code off}. */
  static double walk(TreeEnsemble e, int root, float[] x, int off) {
    final int[] feature = e.feature;
    final float[] threshold = e.threshold;
    final int[] left = e.left;
    final int[] right = e.right;
    final byte[] flags = e.flags;
    int n = root;
    while (n >= 0) {
      float v = x[off + feature[n]];
      if (flags[n] == 0) {
        n = v < threshold[n] ? left[n] : right[n];
      } else {
        n = special(e, n, v);
      }
    }
    return e.leaves[~n];
  }

  /** The next node for a node with missing-value rules or a categorical split. */
  static int special(TreeEnsemble e, int n, float v) {
    byte f = e.flags[n];
    boolean missing = v != v
        || ((f & TreeEnsemble.ZERO_IS_MISSING) != 0
            && v >= -TreeEnsemble.ZERO_TOLERANCE && v <= TreeEnsemble.ZERO_TOLERANCE);
    if (missing) {
      return (f & TreeEnsemble.MISSING_LEFT) != 0 ? e.left[n] : e.right[n];
    }
    if ((f & TreeEnsemble.CATEGORICAL) != 0) {
      int c = (int) v;
      if (c < 0) {
        return e.right[n];
      }
      int word = e.categoryStart[n] + (c >>> 6);
      boolean in = word < e.categoryStart[n + 1] && (e.categoryWords[word] & (1L << c)) != 0;
      return in ? e.left[n] : e.right[n];
    }
    return v < e.threshold[n] ? e.left[n] : e.right[n];
  }

  /** Returns a copy of the first {@code rows} rows with the schema's sentinel replaced by NaN. */
  static float[] withSentinelAsNaN(float[] x, int rows, FeatureSchema schema) {
    int len = rows * schema.size();
    float[] copy = new float[len];
    float sentinel = schema.missingValue();
    for (int i = 0; i < len; i++) {
      float v = x[i];
      copy[i] = v == sentinel ? Float.NaN : v;
    }
    return copy;
  }
}
