package dev.reco.models.rank.train;

import dev.reco.models.rank.TreeEnsemble;
import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import java.util.Arrays;

/**
 * Grows one regression tree on per-row gradients and second derivatives: leaf-wise (best-first,
 * as in LightGBM), over histograms of the binned features ({@link FeatureBins}).
 *
 * <p>A leaf with gradient sum {@code G} and second-derivative sum {@code H} has the Newton value
 * {@code -learningRate G / (H + EPSILON)}; a split is scored by the decrease of the second-order
 * loss, {@code G_L^2 / (H_L + e) + G_R^2 / (H_R + e) - G^2 / (H + e)}. Each split tries every
 * boundary between value bins of every feature in use, once with the missing values sent left and
 * once right, and keeps the larger gain (without missing values at the node, the default goes to
 * the child with more rows). A split must leave {@code minDataInLeaf} rows and
 * {@code minSumHessianInLeaf} on each side and have a positive gain. The leaf with the largest
 * gain is split next until {@code maxLeaves} leaves exist or no leaf can be split; leaves at depth
 * {@code maxDepth} are not split.
 *
 * <p>The histogram of a new leaf is built from its rows for the smaller child only; the larger
 * child's is the parent's minus the smaller's. Every sum runs in a fixed order and every tie is
 * broken towards the lower feature, bin or leaf index, so the tree depends only on the inputs.
 *
 * <p>Not thread-safe; one grower is reused for every tree of a fit.
 */
final class TreeGrower {
  /** Added to second-derivative sums in leaf values and gains. */
  static final double EPSILON = 1e-9;

  private static final int SLOTS = 256;

  private final byte[] codes;
  private final int features;
  private final FeatureBins bins;
  private final int maxLeaves;
  private final int maxDepth;
  private final int minData;
  private final double minHessian;
  private final double learningRate;

  // Rows of every leaf, contiguous: leaf j owns rowIndex[start[j] .. end[j]).
  private final int[] rowIndex;
  private final int[] scratch;

  // Per leaf: range, totals, depth, histogram, best split.
  private final int[] start;
  private final int[] end;
  private final double[] sumG;
  private final double[] sumH;
  private final int[] depth;
  // Histogram of a leaf: per feature and slot (bin, or MISSING) the triple (sum g, sum h, rows).
  private final double[][] hist;
  private final double[] bestGain;
  private final int[] bestFeature;
  private final int[] bestBin;
  private final boolean[] bestDefaultLeft;
  private final int[] parentNode;
  private final boolean[] isLeftChild;


  TreeGrower(byte[] codes, int features, FeatureBins bins, int rows, LambdaMartConfig c) {
    this.codes = codes;
    this.features = features;
    this.bins = bins;
    this.maxLeaves = c.maxLeaves();
    this.maxDepth = c.maxDepth();
    this.minData = c.minDataInLeaf();
    this.minHessian = c.minSumHessianInLeaf();
    this.learningRate = c.learningRate();
    this.rowIndex = new int[rows];
    this.scratch = new int[rows];
    int l = maxLeaves;
    start = new int[l];
    end = new int[l];
    sumG = new double[l];
    sumH = new double[l];
    depth = new int[l];
    hist = new double[l][];
    bestGain = new double[l];
    bestFeature = new int[l];
    bestBin = new int[l];
    bestDefaultLeft = new boolean[l];
    parentNode = new int[l];
    isLeftChild = new boolean[l];
  }

  /** A grown tree over bin codes: split "bins 0..bin go left", missing values to the default. */
  static final class GrownTree {
    final int[] feature;
    final int[] bin;
    final boolean[] defaultLeft;
    final int[] left;
    final int[] right;
    final double[] leafValue;

    GrownTree(int nodes, int leaves) {
      feature = new int[nodes];
      bin = new int[nodes];
      defaultLeft = new boolean[nodes];
      left = new int[nodes];
      right = new int[nodes];
      leafValue = new double[leaves];
    }

    /** Returns the leaf of the row whose codes start at {@code off}. */
    int leafOf(byte[] codes, int off) {
      if (feature.length == 0) {
        return 0;
      }
      int n = 0;
      while (n >= 0) {
        int b = codes[off + feature[n]] & 0xFF;
        boolean goLeft = b == FeatureBins.MISSING ? defaultLeft[n] : b <= bin[n];
        n = goLeft ? left[n] : right[n];
      }
      return ~n;
    }

    /** Returns the tree in the native format: left iff {@code x < edge(bin + 1)} as float32. */
    TreeEnsemble.Tree toTree(FeatureBins bins) {
      TreeEnsemble.TreeBuilder b = TreeEnsemble.Tree.builder(SplitRule.LESS_THAN);
      for (int n = 0; n < feature.length; n++) {
        b.split(feature[n], bins.edge(feature[n], bin[n] + 1), defaultLeft[n],
            Missing.DEFAULT_DIRECTION);
      }
      for (double v : leafValue) {
        b.leaf(v);
      }
      for (int n = 0; n < feature.length; n++) {
        b.children(n, left[n], right[n]);
      }
      return b.build();
    }
  }

  /**
   * Grows a tree on the rows {@code rows[0 .. count)} using the features {@code used}
   * (ascending).
   */
  GrownTree grow(double[] grad, double[] hess, int[] rows, int count, int[] used) {
    System.arraycopy(rows, 0, rowIndex, 0, count);
    int[] nodeFeature = new int[maxLeaves];
    int[] nodeBin = new int[maxLeaves];
    boolean[] nodeDefaultLeft = new boolean[maxLeaves];
    int[] nodeLeft = new int[maxLeaves];
    int[] nodeRight = new int[maxLeaves];
    int nodes = 0;
    int leaves = 1;
    start[0] = 0;
    end[0] = count;
    depth[0] = 0;
    parentNode[0] = -1;
    totals(0, grad, hess);
    buildHistogram(0, grad, hess, used);
    findBestSplit(0, used);
    while (leaves < maxLeaves) {
      int leaf = -1;
      for (int j = 0; j < leaves; j++) {
        if (bestGain[j] > 0 && (leaf < 0 || bestGain[j] > bestGain[leaf])) {
          leaf = j;
        }
      }
      if (leaf < 0) {
        break;
      }
      int node = nodes++;
      int f = bestFeature[leaf];
      int bin = bestBin[leaf];
      boolean dl = bestDefaultLeft[leaf];
      nodeFeature[node] = f;
      nodeBin[node] = bin;
      nodeDefaultLeft[node] = dl;
      if (parentNode[leaf] >= 0) {
        if (isLeftChild[leaf]) {
          nodeLeft[parentNode[leaf]] = node;
        } else {
          nodeRight[parentNode[leaf]] = node;
        }
      }
      int right = leaves++;
      nodeLeft[node] = ~leaf;
      nodeRight[node] = ~right;
      int mid = partition(start[leaf], end[leaf], f, bin, dl);
      start[right] = mid;
      end[right] = end[leaf];
      end[leaf] = mid;
      depth[leaf]++;
      depth[right] = depth[leaf];
      parentNode[leaf] = node;
      isLeftChild[leaf] = true;
      parentNode[right] = node;
      isLeftChild[right] = false;
      totals(leaf, grad, hess);
      totals(right, grad, hess);
      if (leaves == maxLeaves) {
        break; // no further split: the children need no histograms
      }
      // The parent's histogram stays in slot `leaf`; build the smaller child's, derive the other.
      int small = (mid - start[leaf]) <= (end[right] - mid) ? leaf : right;
      int large = small == leaf ? right : leaf;
      ensureHistogram(right);
      if (small == leaf) {
        // Move the parent's histogram to `right`, then build `leaf` from its rows.
        swapHistograms(leaf, right);
      }
      buildHistogram(small, grad, hess, used);
      subtract(large, small, used);
      findBestSplit(leaf, used);
      findBestSplit(right, used);
    }
    GrownTree tree = new GrownTree(nodes, leaves);
    for (int n = 0; n < nodes; n++) {
      tree.feature[n] = nodeFeature[n];
      tree.bin[n] = nodeBin[n];
      tree.defaultLeft[n] = nodeDefaultLeft[n];
      tree.left[n] = nodeLeft[n];
      tree.right[n] = nodeRight[n];
    }
    for (int j = 0; j < leaves; j++) {
      tree.leafValue[j] = leafValue(sumG[j], sumH[j]);
    }
    return tree;
  }

  /** Returns the Newton value of a leaf, scaled by the learning rate. */
  double leafValue(double g, double h) {
    double v = -learningRate * g / (h + EPSILON);
    // 0.0, not -0.0, for leaves without gradient.
    return v + 0.0;
  }

  private void totals(int leaf, double[] grad, double[] hess) {
    double g = 0.0;
    double h = 0.0;
    for (int i = start[leaf]; i < end[leaf]; i++) {
      int r = rowIndex[i];
      g += grad[r];
      h += hess[r];
    }
    sumG[leaf] = g;
    sumH[leaf] = h;
  }

  private void ensureHistogram(int leaf) {
    if (hist[leaf] == null) {
      hist[leaf] = new double[features * SLOTS * 3];
    }
  }

  private void swapHistograms(int a, int b) {
    double[] t = hist[a];
    hist[a] = hist[b];
    hist[b] = t;
  }

  private void buildHistogram(int leaf, double[] grad, double[] hess, int[] used) {
    ensureHistogram(leaf);
    double[] hs = hist[leaf];
    for (int f : used) {
      Arrays.fill(hs, f * SLOTS * 3, (f + 1) * SLOTS * 3, 0.0);
    }
    int d = features;
    for (int i = start[leaf]; i < end[leaf]; i++) {
      int r = rowIndex[i];
      double g = grad[r];
      double h = hess[r];
      int off = r * d;
      for (int f : used) {
        int at = 3 * (f * SLOTS + (codes[off + f] & 0xFF));
        hs[at] += g;
        hs[at + 1] += h;
        hs[at + 2] += 1.0;
      }
    }
  }

  /** Turns the parent histogram held by {@code large} into {@code large}'s own. */
  private void subtract(int large, int small, int[] used) {
    double[] a = hist[large];
    double[] b = hist[small];
    for (int f : used) {
      for (int i = f * SLOTS * 3; i < (f + 1) * SLOTS * 3; i++) {
        a[i] -= b[i];
      }
    }
  }

  private static double score(double g, double h) {
    return g * g / (h + EPSILON);
  }

  private void findBestSplit(int leaf, int[] used) {
    bestGain[leaf] = 0.0;
    bestFeature[leaf] = -1;
    int n = end[leaf] - start[leaf];
    if (depth[leaf] >= maxDepth || n < 2 * minData) {
      return;
    }
    double g = sumG[leaf];
    double h = sumH[leaf];
    double parent = score(g, h);
    double[] hs = hist[leaf];
    double best = 0.0;
    for (int f : used) {
      int m = bins.bins(f);
      if (m < 2) {
        continue;
      }
      int base = 3 * f * SLOTS;
      int miss = base + 3 * FeatureBins.MISSING;
      double mg = hs[miss];
      double mh = hs[miss + 1];
      int mn = (int) hs[miss + 2];
      double lg = 0.0;
      double lh = 0.0;
      int ln = 0;
      for (int b = 0; b < m - 1; b++) {
        int at = base + 3 * b;
        lg += hs[at];
        lh += hs[at + 1];
        ln += (int) hs[at + 2];
        if (mn == 0) {
          double gain = gain(lg, lh, ln, g, h, n, parent);
          if (gain > best) {
            best = gain;
            record(leaf, f, b, ln >= n - ln, gain);
          }
        } else {
          double right = gain(lg, lh, ln, g, h, n, parent);
          if (right > best) {
            best = right;
            record(leaf, f, b, false, right);
          }
          double left = gain(lg + mg, lh + mh, ln + mn, g, h, n, parent);
          if (left > best) {
            best = left;
            record(leaf, f, b, true, left);
          }
        }
      }
    }
  }

  private double gain(double lg, double lh, int ln, double g, double h, int n, double parent) {
    int rn = n - ln;
    double rh = h - lh;
    if (ln < minData || rn < minData || lh < minHessian || rh < minHessian) {
      return 0.0;
    }
    return score(lg, lh) + score(g - lg, rh) - parent;
  }

  private void record(int leaf, int f, int b, boolean defaultLeft, double gain) {
    bestGain[leaf] = gain;
    bestFeature[leaf] = f;
    bestBin[leaf] = b;
    bestDefaultLeft[leaf] = defaultLeft;
  }

  /** Stable partition of {@code rowIndex[from .. to)}: left rows first; returns the boundary. */
  private int partition(int from, int to, int f, int bin, boolean defaultLeft) {
    int d = features;
    int l = from;
    int r = 0;
    for (int i = from; i < to; i++) {
      int row = rowIndex[i];
      int b = codes[row * d + f] & 0xFF;
      boolean goLeft = b == FeatureBins.MISSING ? defaultLeft : b <= bin;
      if (goLeft) {
        rowIndex[l++] = row;
      } else {
        scratch[r++] = row;
      }
    }
    System.arraycopy(scratch, 0, rowIndex, l, r);
    return l;
  }
}
