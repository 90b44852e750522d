package dev.reco.models.rank;

/**
 * The branch-free layout of a {@link TreeEnsemble}'s plain trees: each tree whose splits are all
 * numeric with NaN sent one way (no zero-as-missing, no categories) and whose depth is at most
 * {@link #MAX_DEPTH} is padded into a complete binary tree of its depth, nodes in breadth-first
 * order (children of slot {@code i} at {@code 2i + 1} and {@code 2i + 2}), leaves replicated under
 * padding. Every node is normalized to one test: go to the second child iff
 * {@code sign * x >= threshold}, which is false for NaN, so NaN always takes the first child:
 *
 * <ul>
 *   <li>NaN goes left: first = left, second = right, sign = +1, threshold = t (right iff
 *       {@code x >= t}, i.e. not {@code x < t});
 *   <li>NaN goes right: first = right, second = left, sign = -1, threshold = nextUp(-t) (left iff
 *       {@code -x >= nextUp(-t)}, i.e. {@code -x > -t}, i.e. {@code x < t}).
 * </ul>
 *
 * A row then descends exactly {@code depth} levels with no data-dependent branch, and a block of
 * rows descends the same tree together, so their independent walks overlap in the pipeline.
 * Trees that do not qualify keep the general walk of {@link TreeScoring}.
 */
final class CompleteLayout {
  /** Deeper trees are not padded: a complete tree of depth 10 already has 1,023 slots. */
  static final int MAX_DEPTH = 10;

  /** Per tree: its depth in this layout, or -1 if the tree uses the general walk. */
  final int[] depth;
  /** Per tree: the first slot of its nodes. */
  final int[] nodeStart;
  /** Per tree: the first slot of its leaves. */
  final int[] leafStart;
  /** Per slot: the column (low 32 bits) and the threshold's float bits (high 32 bits). */
  final long[] nodes;
  final double[] leaves;
  private final int width;
  final boolean allComplete;

  CompleteLayout(TreeEnsemble e) {
    int trees = e.roots.length;
    depth = new int[trees];
    nodeStart = new int[trees];
    leafStart = new int[trees];
    int slots = 0;
    int leafSlots = 0;
    boolean all = true;
    for (int t = 0; t < trees; t++) {
      int d = qualifies(e, e.roots[t]) ? depthOf(e, e.roots[t]) : -1;
      if (d > MAX_DEPTH) {
        d = -1;
      }
      depth[t] = d;
      nodeStart[t] = slots;
      leafStart[t] = leafSlots;
      if (d >= 0) {
        slots += (1 << d) - 1;
        leafSlots += 1 << d;
      } else {
        all = false;
      }
    }
    width = e.schema().size();
    nodes = new long[slots];
    leaves = new double[leafSlots];
    for (int t = 0; t < trees; t++) {
      if (depth[t] >= 0) {
        place(e, e.roots[t], 0, 0, depth[t], nodeStart[t], leafStart[t]);
      }
    }
    allComplete = all;
  }

  private static boolean qualifies(TreeEnsemble e, int n) {
    if (n < 0) {
      return true;
    }
    byte f = e.flags[n];
    if ((f & (TreeEnsemble.CATEGORICAL | TreeEnsemble.ZERO_IS_MISSING)) != 0) {
      return false;
    }
    return qualifies(e, e.left[n]) && qualifies(e, e.right[n]);
  }

  private static int depthOf(TreeEnsemble e, int n) {
    return n < 0 ? 0 : 1 + Math.max(depthOf(e, e.left[n]), depthOf(e, e.right[n]));
  }

  private void set(int slot, int column, float threshold) {
    nodes[slot] = ((long) Float.floatToRawIntBits(threshold) << 32) | column;
  }

  private void place(TreeEnsemble e, int n, int slot, int level, int d, int nodeBase, int leafBase) {
    if (level == d) {
      leaves[leafBase + slot - ((1 << d) - 1)] = e.leaves[~n];
      return;
    }
    int first;
    int second;
    if (n < 0) {
      // Padding under a leaf: any test works since both subtrees hold the same leaf.
      set(nodeBase + slot, 0, Float.POSITIVE_INFINITY);
      first = n;
      second = n;
    } else {
      float t = e.threshold[n];
      if ((e.flags[n] & TreeEnsemble.MISSING_LEFT) != 0) {
        set(nodeBase + slot, e.feature[n], t);
        first = e.left[n];
        second = e.right[n];
      } else {
        set(nodeBase + slot, width + e.feature[n], Math.nextUp(-t));
        first = e.right[n];
        second = e.left[n];
      }
    }
    place(e, first, 2 * slot + 1, level + 1, d, nodeBase, leafBase);
    place(e, second, 2 * slot + 2, level + 1, d, nodeBase, leafBase);
  }
}
