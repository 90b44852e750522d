package dev.reco.models.linalg;

/**
 * The few dense float kernels matrix factorization spends its time in, behind one interface with
 * a scalar implementation that is always there and a SIMD implementation on
 * {@code jdk.incubator.vector} that {@link #best()} picks when that module is present at run time
 * (the pattern Lucene uses). Vectors live in row-major float arrays at an offset, so factor
 * matrices are never copied into per-row arrays.
 *
 * <p>Implementations are stateless and thread-safe. Results of one implementation are
 * deterministic (a fixed summation order), but the scalar and SIMD implementations sum in
 * different orders and may differ in the last bits; a model is bit-reproducible for a given
 * implementation, data and seed.
 */
public interface VectorOps {

  /** Returns the always-available scalar implementation. */
  static VectorOps scalar() {
    return ScalarVectorOps.INSTANCE;
  }

  /**
   * Returns the fastest implementation available in this JVM: the SIMD one when the
   * {@code jdk.incubator.vector} module is present (run with
   * {@code --add-modules jdk.incubator.vector}), the scalar one otherwise. The choice is made once
   * and logged at INFO.
   */
  static VectorOps best() {
    return VectorOpsProvider.BEST;
  }

  /** Returns a short name of the implementation, e.g. {@code "scalar"} or {@code "panama-256"}. */
  String name();

  /**
   * Returns the dot product of {@code a[aOff .. aOff+n)} and {@code b[bOff .. bOff+n)}.
   *
   * @param a first array
   * @param aOff offset of the first vector
   * @param b second array
   * @param bOff offset of the second vector
   * @param n vector length
   * @return the dot product
   */
  float dot(float[] a, int aOff, float[] b, int bOff, int n);

  /**
   * Computes {@code y[yOff + i] += alpha * x[xOff + i]} for {@code i < n}.
   *
   * @param alpha the scale of x
   * @param x the added vector's array
   * @param xOff its offset
   * @param y the updated vector's array
   * @param yOff its offset
   * @param n vector length
   */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Computes {@code y = A x} for a {@code n x n} row-major matrix {@code A} (any matrix; ALS uses
   * it with symmetric ones).
   *
   * @param a the matrix, {@code n * n} entries from offset 0
   * @param x the input vector's array
   * @param xOff its offset
   * @param y the output vector's array (overwritten)
   * @param yOff its offset
   * @param n dimension
   */
  void matVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Computes {@code A += alpha * x xᵀ} on a {@code n x n} row-major matrix (both triangles).
   *
   * @param alpha scale
   * @param x the vector's array
   * @param xOff its offset
   * @param a the matrix, updated in place
   * @param n dimension
   */
  void rankOneUpdate(float alpha, float[] x, int xOff, float[] a, int n);

  /**
   * Scores {@code rows} consecutive row-major vectors of length {@code n} starting at row
   * {@code firstRow} of {@code matrix} against {@code x}: {@code out[outOff + r] = dot(row
   * firstRow + r, x)}.
   *
   * @param matrix row-major matrix with rows of length {@code n}
   * @param firstRow first row to score
   * @param rows number of rows
   * @param n row length
   * @param x the query vector's array
   * @param xOff its offset
   * @param out output scores
   * @param outOff offset of the first score
   */
  void scoreRows(float[] matrix, int firstRow, int rows, int n, float[] x, int xOff, float[] out,
      int outOff);
}
