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
 * implementation ({@link #name()}), data and seed. Within one implementation:
 *
 * <ul>
 *   <li>a dot product's summation order depends only on {@code n}, never on the offsets, and
 *       {@link #matVec} and {@link #scoreRows} compute every output exactly as {@link #dot} on
 *       that row would (bit-identical), so a single prediction always equals the score the same
 *       item gets in a batch;
 *   <li>{@link #axpy}, {@link #rankOneUpdate} and {@link #addGram} compute every element with
 *       the same formula (a multiply-add, fused or not as {@link #name()} says), so results do
 *       not depend on offsets or on where a vector ends.
 * </ul>
 *
 * <p>{@link #addGram} is the one kernel beyond dot, axpy, matrix-vector product, rank-one update
 * and row scoring: ALS builds a Gram matrix over all users or items every half-iteration.
 * {@link #scoreCodes} scores rows of 8-bit codes: serving reads a quarter of the bytes of the
 * float factors for a first, approximate pass over the catalog; its result carries an error bound
 * rather than a fixed summation order.
 *
 * <p>Every kernel checks its arguments before it writes anything: a negative length throws
 * {@link IllegalArgumentException}, a range outside its array throws
 * {@link IndexOutOfBoundsException}, and an output range that overlaps an input range of the same
 * array throws {@link IllegalArgumentException} (except {@code axpy} with {@code x} and {@code y}
 * the very same range, which is well defined). Lengths are rarely above a few hundred; the SIMD
 * implementation is written for n = 32..256.
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
   * and logged at INFO, with the reason for any fallback. System property
   * {@code reco.vector=scalar} forces the scalar implementation, {@code reco.vector.fma=false}
   * keeps the SIMD one from fusing multiply-adds (both are read once, at the first call).
   */
  static VectorOps best() {
    return VectorOpsProvider.BEST;
  }

  /**
   * Returns a short name of the implementation that determines its rounding: {@code "scalar"}, or
   * {@code "panama-<bits>"} for the SIMD one with {@code bits}-wide vectors, with a
   * {@code "-fma"} suffix when it uses fused multiply-add (e.g. {@code "panama-256-fma"}).
   * Two JVMs whose implementations have the same name compute bit-identical results.
   */
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
   * @throws IllegalArgumentException if {@code n < 0}
   * @throws IndexOutOfBoundsException if a range lies outside its array
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
   * @throws IllegalArgumentException if {@code n < 0}, or if {@code x} and {@code y} are the same
   *     array and the ranges overlap without being equal
   * @throws IndexOutOfBoundsException if a range lies outside its array
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
   * @throws IllegalArgumentException if {@code n < 0}, or if {@code y}'s range overlaps
   *     {@code x}'s or the matrix's in the same array
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  void matVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Computes {@code y = Aᵀ x} for an {@code n x n} row-major matrix {@code A}, by rows:
   * {@code y = sum over j of x_j * (row j of A)}. Every output is accumulated lane-wise, without
   * the horizontal sum that {@link #matVec} needs per row, which makes this several times faster
   * at ALS's sizes (n = 32 to 128). For a symmetric matrix it is {@code A x} (ALS's
   * {@code (YᵀY) p}); with an orthogonal basis {@code V} it is the change of basis {@code Vᵀ x}.
   *
   * <p>Summation order, the same in every implementation: {@code y_i} accumulates
   * {@code x_j A[j][i]} in increasing {@code j} from zero, with multiply-adds fused or not as
   * {@link #name()} says. So implementations with the same fusing give bit-identical results
   * (the scalar one and the SIMD one without FMA), whatever {@code n} and the offsets.
   *
   * @param a the matrix, {@code n * n} entries from offset 0
   * @param x the input vector's array
   * @param xOff its offset
   * @param y the output vector's array (overwritten)
   * @param yOff its offset
   * @param n dimension
   * @throws IllegalArgumentException if {@code n < 0}, or if {@code y}'s range overlaps
   *     {@code x}'s or the matrix's in the same array
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  void transposedMatVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Computes {@code A += alpha * x xᵀ} on a {@code n x n} row-major matrix (both triangles).
   *
   * @param alpha scale
   * @param x the vector's array
   * @param xOff its offset
   * @param a the matrix, updated in place
   * @param n dimension
   * @throws IllegalArgumentException if {@code n < 0}, or if {@code x} and the matrix overlap in
   *     the same array
   * @throws IndexOutOfBoundsException if a range lies outside its array
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
   * @throws IllegalArgumentException if {@code rows < 0} or {@code n < 0}, or if the output
   *     range overlaps the scored rows or {@code x} in the same array
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  void scoreRows(float[] matrix, int firstRow, int rows, int n, float[] x, int xOff, float[] out,
      int outOff);

  /**
   * Adds the Gram matrix of {@code rows} consecutive rows to a symmetric {@code n x n} matrix:
   * {@code A += sum over r of row_r row_rᵀ} (e.g. {@code YᵀY} in ALS). Only the upper triangle of
   * {@code A} (column {@code >=} row) is read; both triangles are written, so the result is
   * exactly symmetric.
   *
   * <p>Added for ALS's Gram matrices: on a symmetric {@code A} it gives the same entries as one
   * {@code rankOneUpdate(1, row, A)} per row, but does half the multiply-adds (upper triangle
   * only) and loads and stores each part of {@code A} once per four rows instead of once per row.
   * Each entry is accumulated row after row, one multiply-add per row, so splitting the rows over
   * several calls on the same {@code A} gives bit-identical results. Adding up partial Gram
   * matrices computed separately (e.g. one per thread) rounds differently: parallel code should
   * sum per-block matrices over a block layout fixed by the configuration, in block order.
   *
   * @param matrix row-major matrix with rows of length {@code n}
   * @param firstRow first row to add
   * @param rows number of rows
   * @param n row length and dimension of {@code a}
   * @param a the {@code n x n} matrix, {@code n * n} entries from offset 0, updated in place
   * @throws IllegalArgumentException if {@code rows < 0} or {@code n < 0}, or if {@code a} and
   *     the rows overlap in the same array
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  void addGram(float[] matrix, int firstRow, int rows, int n, float[] a);

  /**
   * Scores {@code rows} consecutive rows of signed 8-bit codes, {@code n} per row, starting at row
   * {@code firstRow} of {@code codes}, against {@code x}: {@code out[outOff + r]} is the float sum
   * over {@code j < n} of {@code x[xOff + j] * codes[(firstRow + r) * n + j]}.
   *
   * <p>Unlike the other kernels the summation order is left to the implementation (and may differ
   * between runs of the same implementation), because callers use the result as an approximation
   * with a bound: for finite inputs and no overflow, every output is within
   * {@code gamma(n) * sum_j |x_j| |c_j|} of the exact sum, {@code gamma(n) = n u / (1 - n u)},
   * {@code u = 2^-24}, the standard bound for any order of float additions, fused or not.
   *
   * @param codes row-major codes with rows of length {@code n}
   * @param firstRow first row to score
   * @param rows number of rows
   * @param n row length
   * @param x the query vector's array
   * @param xOff its offset
   * @param out output scores
   * @param outOff offset of the first score
   * @throws IllegalArgumentException if {@code rows < 0} or {@code n < 0}, or if the output
   *     range overlaps {@code x} in the same array
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  void scoreCodes(byte[] codes, int firstRow, int rows, int n, float[] x, int xOff, float[] out,
      int outOff);
}
