package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import java.util.Arrays;

/**
 * Per-feature quantile bins, computed once from the training data, and the byte codes of rows.
 *
 * <p>The bins of a feature are given by their lower edges {@code e_0 < e_1 < ... < e_{m-1}},
 * each an observed value; a value {@code x} is in bin {@code max{b : e_b <= x}}. When a feature
 * has at most {@code maxBins} distinct values every value has its own bin (the split search is
 * then exact greedy); otherwise the edges are chosen so that bins hold about equally many rows.
 * "Bins {@code 0..b} go left" is therefore exactly the float rule {@code x < e_{b+1}} for
 * <em>every</em> float {@code x}, seen in training or not, which is how a split is written into
 * a {@link dev.reco.models.rank.TreeEnsemble.SplitRule#LESS_THAN} tree. Missing values (NaN or
 * the schema's sentinel) get the code {@link #MISSING}.
 */
final class FeatureBins {
  /** The code of a missing value; value bins are {@code 0 .. 254}. */
  static final int MISSING = 255;

  private final FeatureSchema schema;
  private final float[][] edges;

  private FeatureBins(FeatureSchema schema, float[][] edges) {
    this.schema = schema;
    this.edges = edges;
  }

  /** Computes the bins of every feature of {@code data}, at most {@code maxBins} per feature. */
  static FeatureBins of(RankingData data, int maxBins) {
    FeatureSchema schema = data.schema();
    int d = schema.size();
    int rows = data.rows();
    float[] x = data.features;
    float[][] edges = new float[d][];
    float[] values = new float[rows];
    for (int f = 0; f < d; f++) {
      int m = 0;
      for (int r = 0; r < rows; r++) {
        float v = x[r * d + f];
        if (!schema.isMissing(v)) {
          values[m++] = v;
        }
      }
      Arrays.sort(values, 0, m);
      edges[f] = edges(values, m, maxBins);
    }
    return new FeatureBins(schema, edges);
  }

  /** Returns the lower bin edges of the {@code m} sorted values. */
  static float[] edges(float[] sorted, int m, int maxBins) {
    if (m == 0) {
      return new float[0];
    }
    int distinct = 1;
    for (int i = 1; i < m; i++) {
      // -0.0 and 0.0 compare equal as floats and must share a bin.
      if (sorted[i - 1] < sorted[i]) {
        distinct++;
      }
    }
    float[] out = new float[Math.min(distinct, maxBins)];
    out[0] = sorted[0];
    int bins = 1;
    if (distinct <= maxBins) {
      for (int i = 1; i < m; i++) {
        if (sorted[i - 1] < sorted[i]) {
          out[bins++] = sorted[i];
        }
      }
      return out;
    }
    // Equal-frequency edges: start bin b at the first distinct value with at least b m / maxBins
    // values below it.
    for (int i = 1; i < m && bins < maxBins; i++) {
      if (sorted[i - 1] < sorted[i] && (long) i * maxBins >= (long) bins * m) {
        out[bins++] = sorted[i];
      }
    }
    return Arrays.copyOf(out, bins);
  }

  /** Returns the number of value bins of feature {@code f}. */
  int bins(int f) {
    return edges[f].length;
  }

  /** Returns the lower edges of the bins of feature {@code f} (a copy). */
  float[] edgesOf(int f) {
    return edges[f].clone();
  }

  /** Returns the lower edge of bin {@code b} of feature {@code f}. */
  float edge(int f, int b) {
    return edges[f][b];
  }

  /** Returns the bin of a value of feature {@code f}, or {@link #MISSING}. */
  int binOf(int f, float v) {
    if (schema.isMissing(v)) {
      return MISSING;
    }
    float[] e = edges[f];
    // Number of edges <= v, minus one; values below the first edge share bin 0.
    int lo = 0;
    int hi = e.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (e[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Math.max(0, lo - 1);
  }

  /** Returns the codes of {@code rows} row-major rows, one byte per value. */
  byte[] encode(float[] x, int rows) {
    int d = edges.length;
    byte[] codes = new byte[rows * d];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < d; f++) {
        codes[r * d + f] = (byte) binOf(f, x[r * d + f]);
      }
    }
    return codes;
  }
}
