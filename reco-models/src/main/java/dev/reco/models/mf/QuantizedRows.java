package dev.reco.models.mf;

/**
 * An 8-bit copy of a row-major float matrix with a per-row error bound, for a first pass over a
 * catalog that reads a quarter of the bytes of the float factors.
 *
 * <p>Row {@code i} of {@code n} floats {@code v} is stored as a scale {@code s = max |v_j| / 127}
 * and codes {@code c_j = round(v_j / s)} in [-127, 127] (all zero for a zero row). For any query
 * {@code x}, the exact dot product is {@code x · v = s (x · c) + x · e} with residual
 * {@code e = v - s c}, so by Cauchy–Schwarz it lies within {@code |x| |e|} of {@code s (x · c)}.
 * {@link #slack} adds to {@code |e|} what float rounding can contribute on both sides: the
 * approximate sum of {@link dev.reco.models.linalg.VectorOps#scoreCodes} (at most
 * {@code gamma(n) |x| |s c|}) and the float dot product the exact score is computed with (at most
 * {@code gamma(n) |x| |v|}), both for any summation order. So for every row
 * {@code |s * scoreCodes(x) - dot(x, v)| <= |x| * slack[i]}, where {@code dot} is any float
 * implementation of the dot product and {@code |x|} the Euclidean norm.
 *
 * <p>Memory: {@code n + 8} bytes per row, plus 4 for the offsets (zeros when none are given). Immutable once built; safe to share between threads.
 */
final class QuantizedRows {
  /** The largest code magnitude. */
  private static final int LEVELS = 127;

  final byte[] codes;
  final float[] scales;
  final float[] slack;
  /** The largest Euclidean row norm, for the overflow guard. */
  final double maxNorm;
  /** The per-row offsets added to scores (item biases), zeros without them. */
  final float[] offsets;
  /** The largest magnitude of {@link #offsets}. */
  final double maxOffset;
  /** The smallest Euclidean norm of a nonzero row (infinity without one). */
  final double minNorm;
  /** The largest {@code slack / norm} over the nonzero rows (the bound relative to the row). */
  final double maxRelativeSlack;

  private QuantizedRows(byte[] codes, float[] scales, float[] slack, double maxNorm,
      float[] offsets, double maxOffset, double minNorm, double maxRelativeSlack) {
    this.codes = codes;
    this.scales = scales;
    this.slack = slack;
    this.maxNorm = maxNorm;
    this.offsets = offsets;
    this.maxOffset = maxOffset;
    this.minNorm = minNorm;
    this.maxRelativeSlack = maxRelativeSlack;
  }

  /**
   * Quantizes {@code rows} rows of {@code n} finite floats.
   *
   * @param matrix row-major, at least {@code rows * n} finite values
   * @param rows number of rows
   * @param n values per row
   * @param offsets finite values added to each row's score (item biases), or null
   * @return the codes, scales and bounds
   */
  static QuantizedRows of(float[] matrix, int rows, int n, float[] offsets) {
    byte[] codes = new byte[rows * n];
    float[] scales = new float[rows];
    float[] slack = new float[rows];
    double u = Math.scalb(1.0, -24);
    double gamma = n * u / (1 - n * u);
    double maxNorm = 0;
    double minNorm = Double.POSITIVE_INFINITY;
    double maxRelativeSlack = 0;
    for (int r = 0; r < rows; r++) {
      int off = r * n;
      float max = 0f;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, Math.abs(matrix[off + j]));
      }
      float s = max / LEVELS;
      double residual = 0;
      double norm = 0;
      double codedNorm = 0;
      for (int j = 0; j < n; j++) {
        double v = matrix[off + j];
        int c = s == 0f ? 0 : (int) Math.max(-LEVELS, Math.min(LEVELS, Math.rint(v / s)));
        codes[off + j] = (byte) c;
        double sc = (double) s * c; // exact: 24 by 8 significant bits
        residual += (v - sc) * (v - sc);
        norm += v * v;
        codedNorm += sc * sc;
      }
      norm = Math.sqrt(norm);
      maxNorm = Math.max(maxNorm, norm);
      double bound = Math.sqrt(residual) + gamma * (Math.sqrt(codedNorm) + norm);
      // 1e-12 relative covers the double arithmetic above; rounded up to a float
      scales[r] = s;
      slack[r] = roundUp(bound * (1 + 1e-12));
      if (norm > 0) {
        minNorm = Math.min(minNorm, norm);
        maxRelativeSlack = Math.max(maxRelativeSlack, slack[r] / norm);
      }
    }
    float[] added = offsets == null ? new float[rows] : offsets;
    double maxOffset = 0;
    for (int r = 0; r < rows; r++) {
      maxOffset = Math.max(maxOffset, Math.abs(added[r]));
    }
    return new QuantizedRows(codes, scales, slack, maxNorm, added, maxOffset, minNorm,
        maxRelativeSlack);
  }

  /** Returns the smallest float not below {@code v}. */
  static float roundUp(double v) {
    float f = (float) v;
    return f < v ? Math.nextUp(f) : f;
  }

  /** Returns the largest float not above {@code v}. */
  static float roundDown(double v) {
    float f = (float) v;
    return f > v ? Math.nextDown(f) : f;
  }
}
