package dev.reco.models.rank;

/** The scoring kernels of {@link TreeEnsemble}: walk every tree for every row over flat arrays. */
final class TreeScoring {
  private TreeScoring() {}

  /** Writes the margin of each row to {@code out} (rounded to float once). */
  static void margins(TreeEnsemble e, float[] x, int rows, float[] out) {
    int d = e.schema().size();
    for (int r = 0; r < rows; r++) {
      out[r] = (float) margin(e, x, r * d);
    }
  }

  /** Returns the margin of the row starting at {@code off}. */
  static double margin(TreeEnsemble e, float[] x, int off) {
    final int[] roots = e.roots;
    final int[] feature = e.feature;
    final float[] threshold = e.threshold;
    final int[] left = e.left;
    final int[] right = e.right;
    final byte[] flags = e.flags;
    final double[] leaves = e.leaves;
    double sum = e.baseMargin();
    for (int root : roots) {
      int n = root;
      while (n >= 0) {
        float v = x[off + feature[n]];
        if (flags[n] == 0) {
          n = v < threshold[n] ? left[n] : right[n];
        } else {
          n = special(e, n, v);
        }
      }
      sum += leaves[~n];
    }
    return sum;
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
