package dev.reco.models.linalg;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on {@code jdk.incubator.vector} with the platform's preferred vector width. Only
 * {@link VectorOpsProvider} touches this class, reflectively and only when the module is present,
 * so the jar still loads on JVMs without it.
 *
 * <p>Summation order of a dot product of length {@code n}, with {@code L} lanes: vector chunk
 * {@code c} (elements {@code [c L, (c + 1) L)}) goes to accumulator {@code c mod 2}; the two
 * accumulators are added lane-wise; the lanes are summed pairwise in a fixed tree (lane
 * {@code i} plus lane {@code i + L/2}, then those sums {@code L/4} apart, and so on); the last
 * {@code n mod L} elements are then added one by one. Every step is an IEEE operation on single
 * lanes, so the result is the same in the interpreter and in compiled code;
 * {@code reduceLanes(ADD)} is avoided because its Javadoc leaves the order of a floating-point
 * sum open ("may even vary over time"), e.g. between interpreted and compiled code.
 * {@code matVec} and {@code scoreRows} process four rows per pass (one load of {@code x} serves
 * four rows) with exactly that order per row.
 *
 * <p>With {@code fma} every multiply-add, vector or scalar tail, is fused
 * ({@link FloatVector#fma}, {@link Math#fma}); without it, it is a multiply then an add, which
 * makes {@code axpy} and {@code rankOneUpdate} bit-identical to the scalar implementation.
 * {@code FloatVector.fma} is very slow on hardware without FMA, so the provider enables it only
 * when the JVM runs with {@code UseFMA}.
 */
final class PanamaVectorOps implements VectorOps {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /**
   * Byte vectors with as many lanes as {@link #SPECIES}, which {@code B2F} widens into one float
   * vector; null with 4 float lanes (there is no 32-bit vector shape), where {@link #scoreCodes}
   * runs the scalar loop.
   */
  private static final VectorSpecies<Byte> CODES =
      LANES >= 8 ? ByteVector.SPECIES_64.withShape(VectorShape.forBitSize(LANES * 8)) : null;
  /** Rows per pass in matVec and scoreRows. */
  private static final int BLOCK = 4;

  private final boolean fma;
  private final String name;

  private PanamaVectorOps(boolean fma) {
    this.fma = fma;
    this.name = "panama-" + SPECIES.vectorBitSize() + (fma ? "-fma" : "");
  }

  /**
   * Returns the SIMD implementation, with fused multiply-add when the JVM runs with
   * {@code UseFMA}; called reflectively by {@link VectorOpsProvider}.
   *
   * @throws UnsupportedOperationException if the preferred vectors do not have 4, 8 or 16 float
   *     lanes, or the kernels fail their self-check on this JVM
   */
  static VectorOps create() {
    return create(VectorOpsProvider.hardwareFma());
  }

  /**
   * Returns the SIMD implementation with or without fused multiply-add.
   *
   * @param fma whether to fuse multiply-adds
   * @throws UnsupportedOperationException if the preferred vectors do not have 4, 8 or 16 float
   *     lanes, or the kernels fail their self-check on this JVM
   */
  static VectorOps create(boolean fma) {
    if (LANES != 4 && LANES != 8 && LANES != 16) {
      throw new UnsupportedOperationException("preferred float vectors have " + LANES
          + " lanes; expected 4, 8 or 16 (128, 256 or 512 bits)");
    }
    PanamaVectorOps ops = new PanamaVectorOps(fma);
    selfCheck(ops);
    return ops;
  }

  /**
   * Runs every kernel, through every branch (paired and single chunks, scalar tails, blocks of
   * four rows and leftover rows), on small integers whose results are exact in any order, and
   * compares with the scalar kernels. This also resolves every call into the incubator module
   * now, so a JDK whose incubator API changed fails here, not in the middle of a training run.
   */
  private static void selfCheck(PanamaVectorOps ops) {
    VectorOps scalar = VectorOps.scalar();
    int n = 3 * LANES + 3;
    float[] a = new float[n * n];
    float[] x = new float[n + 1];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i * 7 % 11) - 5;
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 5 % 7) - 3;
    }
    float[] expected = new float[n];
    float[] actual = new float[n];
    scalar.matVec(a, x, 1, expected, 0, n);
    ops.matVec(a, x, 1, actual, 0, n);
    boolean same = java.util.Arrays.equals(expected, actual);
    // 13 L + 3: one pass of eight chunks, one of four, one single chunk and three outputs
    int ns = 13 * LANES + 3;
    float[] s = new float[ns * ns];
    for (int i = 0; i < s.length; i++) {
      s[i] = (i * 3 % 13) - 6;
    }
    float[] xs = new float[ns + 1];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (i * 5 % 9) - 4;
    }
    float[] ys = new float[ns];
    float[] ys2 = new float[ns];
    scalar.transposedMatVec(s, xs, 1, ys, 0, ns);
    ops.transposedMatVec(s, xs, 1, ys2, 0, ns);
    same &= java.util.Arrays.equals(ys, ys2);
    scalar.scoreRows(a, 1, n - 1, n, x, 0, expected, 0);
    ops.scoreRows(a, 1, n - 1, n, x, 0, actual, 0);
    same &= java.util.Arrays.equals(expected, actual);
    same &= scalar.dot(a, 2, x, 1, n) == ops.dot(a, 2, x, 1, n);
    float[] b = a.clone();
    scalar.rankOneUpdate(2f, x, 1, a, n);
    ops.rankOneUpdate(2f, x, 1, b, n);
    scalar.axpy(-3f, x, 0, a, 5, n);
    ops.axpy(-3f, x, 0, b, 5, n);
    same &= java.util.Arrays.equals(a, b);
    float[] gram = new float[n * n];
    for (int i = 0; i < gram.length; i++) {
      gram[i] = i % 5;
    }
    float[] gram2 = gram.clone();
    scalar.addGram(a, 1, BLOCK + 2, n, gram);
    ops.addGram(a, 1, BLOCK + 2, n, gram2);
    same &= java.util.Arrays.equals(gram, gram2);
    byte[] codes = new byte[n * n];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) ((i * 13 % 255) - 127);
    }
    scalar.scoreCodes(codes, 1, n - 1, n, x, 0, expected, 0);
    ops.scoreCodes(codes, 1, n - 1, n, x, 0, actual, 0);
    same &= java.util.Arrays.equals(expected, actual);
    if (!same) {
      throw new UnsupportedOperationException(ops.name
          + " disagrees with the scalar kernels on exact integer inputs on this JVM");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    Ranges.checkNonNegative("n", n);
    Ranges.checkRange("a", a, aOff, n);
    Ranges.checkRange("b", b, bOff, n);
    return dot(a, aOff, b, bOff, n, fma);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    Ranges.checkNonNegative("n", n);
    Ranges.checkRange("x", x, xOff, n);
    Ranges.checkRange("y", y, yOff, n);
    if (xOff != yOff) {
      Ranges.checkDisjoint("y", y, yOff, n, "x", x, xOff, n);
    }
    axpy(alpha, x, xOff, y, yOff, n, fma);
  }

  @Override
  public void matVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n) {
    Ranges.checkMatVec(a, x, xOff, y, yOff, n);
    scoreRows(a, 0, n, n, x, xOff, y, yOff, fma);
  }

  @Override
  public void transposedMatVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n) {
    Ranges.checkMatVec(a, x, xOff, y, yOff, n);
    transposedMatVec(a, x, xOff, y, yOff, n, fma);
  }

  @Override
  public void rankOneUpdate(float alpha, float[] x, int xOff, float[] a, int n) {
    Ranges.checkNonNegative("n", n);
    long size = (long) n * n;
    Ranges.checkRange("x", x, xOff, n);
    Ranges.checkRange("a", a, 0, size);
    Ranges.checkDisjoint("a", a, 0, size, "x", x, xOff, n);
    boolean fused = fma;
    for (int r = 0; r < n; r++) {
      float ax = alpha * x[xOff + r];
      if (ax != 0f) {
        axpy(ax, x, xOff, a, r * n, n, fused);
      }
    }
  }

  @Override
  public void scoreRows(float[] matrix, int firstRow, int rows, int n, float[] x, int xOff,
      float[] out, int outOff) {
    Ranges.checkNonNegative("rows", rows);
    Ranges.checkNonNegative("n", n);
    long start = (long) firstRow * n;
    long size = (long) rows * n;
    Ranges.checkRange("matrix", matrix, start, size);
    Ranges.checkRange("x", x, xOff, n);
    Ranges.checkRange("out", out, outOff, rows);
    Ranges.checkDisjoint("out", out, outOff, rows, "matrix", matrix, start, size);
    Ranges.checkDisjoint("out", out, outOff, rows, "x", x, xOff, n);
    scoreRows(matrix, firstRow, rows, n, x, xOff, out, outOff, fma);
  }

  @Override
  public void addGram(float[] matrix, int firstRow, int rows, int n, float[] a) {
    ScalarVectorOps.checkGram(matrix, firstRow, rows, n, a);
    addGram(matrix, firstRow, rows, n, a, fma);
    ScalarVectorOps.mirrorUpperTriangle(a, n);
  }

  @Override
  public void scoreCodes(byte[] codes, int firstRow, int rows, int n, float[] x, int xOff,
      float[] out, int outOff) {
    Ranges.checkScoreCodes(codes, firstRow, rows, n, x, xOff, out, outOff);
    int r = 0;
    if (CODES != null) {
      for (; r + BLOCK <= rows; r += BLOCK) {
        codes4(codes, (firstRow + r) * n, n, x, xOff, out, outOff + r, fma);
      }
    }
    for (; r < rows; r++) {
      out[outOff + r] = ScalarVectorOps.dotCodes(codes, (firstRow + r) * n, x, xOff, n);
    }
  }

  // ---- kernels (arguments already checked) ----

  /**
   * Four rows of codes at once: each chunk of {@code LANES} codes is widened to floats
   * ({@code B2F}) and multiplied into one accumulator per row; the lanes are summed with
   * {@code reduceLanes}, whose order is left open, which {@link VectorOps#scoreCodes} allows.
   */
  private static void codes4(byte[] c, int off, int n, float[] x, int xOff, float[] out,
      int outOff, boolean fma) {
    int o0 = off;
    int o1 = o0 + n;
    int o2 = o1 + n;
    int o3 = o2 + n;
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = 0;
    for (int bound = n - LANES; i <= bound; i += LANES) {
      FloatVector xv = FloatVector.fromArray(SPECIES, x, xOff + i);
      s0 = madd(widen(c, o0 + i), xv, s0, fma);
      s1 = madd(widen(c, o1 + i), xv, s1, fma);
      s2 = madd(widen(c, o2 + i), xv, s2, fma);
      s3 = madd(widen(c, o3 + i), xv, s3, fma);
    }
    float t0 = s0.reduceLanes(VectorOperators.ADD);
    float t1 = s1.reduceLanes(VectorOperators.ADD);
    float t2 = s2.reduceLanes(VectorOperators.ADD);
    float t3 = s3.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float xi = x[xOff + i];
      t0 += xi * c[o0 + i];
      t1 += xi * c[o1 + i];
      t2 += xi * c[o2 + i];
      t3 += xi * c[o3 + i];
    }
    out[outOff] = t0;
    out[outOff + 1] = t1;
    out[outOff + 2] = t2;
    out[outOff + 3] = t3;
  }

  private static FloatVector widen(byte[] c, int off) {
    return (FloatVector) ByteVector.fromArray(CODES, c, off)
        .convertShape(VectorOperators.B2F, SPECIES, 0);
  }

  /**
   * Adds four rows per pass to the upper triangle of {@code a}, row {@code i} from the vector
   * chunk holding column {@code i}: each chunk of {@code a} is loaded and stored once per four
   * rows instead of once per row. Entries left of the diagonal in that first chunk are computed
   * too and then overwritten by the mirror.
   */
  private static void addGram(float[] m, int firstRow, int rows, int n, float[] a, boolean fma) {
    int r = 0;
    for (; r + BLOCK <= rows; r += BLOCK) {
      int o0 = (firstRow + r) * n;
      int o1 = o0 + n;
      int o2 = o1 + n;
      int o3 = o2 + n;
      for (int i = 0; i < n; i++) {
        float c0 = m[o0 + i];
        float c1 = m[o1 + i];
        float c2 = m[o2 + i];
        float c3 = m[o3 + i];
        FloatVector v0 = FloatVector.broadcast(SPECIES, c0);
        FloatVector v1 = FloatVector.broadcast(SPECIES, c1);
        FloatVector v2 = FloatVector.broadcast(SPECIES, c2);
        FloatVector v3 = FloatVector.broadcast(SPECIES, c3);
        int row = i * n;
        int j = i - i % LANES;
        for (int bound = n - LANES; j <= bound; j += LANES) {
          FloatVector acc = FloatVector.fromArray(SPECIES, a, row + j);
          acc = madd(v0, FloatVector.fromArray(SPECIES, m, o0 + j), acc, fma);
          acc = madd(v1, FloatVector.fromArray(SPECIES, m, o1 + j), acc, fma);
          acc = madd(v2, FloatVector.fromArray(SPECIES, m, o2 + j), acc, fma);
          acc = madd(v3, FloatVector.fromArray(SPECIES, m, o3 + j), acc, fma);
          acc.intoArray(a, row + j);
        }
        for (; j < n; j++) {
          float s = madd(c0, m[o0 + j], a[row + j], fma);
          s = madd(c1, m[o1 + j], s, fma);
          s = madd(c2, m[o2 + j], s, fma);
          a[row + j] = madd(c3, m[o3 + j], s, fma);
        }
      }
    }
    for (; r < rows; r++) {
      int o = (firstRow + r) * n;
      for (int i = 0; i < n; i++) {
        int start = i - i % LANES;
        axpy(m[o + i], m, o + start, a, i * n + start, n - start, fma);
      }
    }
  }

  private static float dot(float[] a, int aOff, float[] b, int bOff, int n, boolean fma) {
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int i = 0;
    for (int bound = n - 2 * LANES; i <= bound; i += 2 * LANES) {
      acc0 = madd(FloatVector.fromArray(SPECIES, a, aOff + i),
          FloatVector.fromArray(SPECIES, b, bOff + i), acc0, fma);
      acc1 = madd(FloatVector.fromArray(SPECIES, a, aOff + i + LANES),
          FloatVector.fromArray(SPECIES, b, bOff + i + LANES), acc1, fma);
    }
    if (i <= n - LANES) {
      acc0 = madd(FloatVector.fromArray(SPECIES, a, aOff + i),
          FloatVector.fromArray(SPECIES, b, bOff + i), acc0, fma);
      i += LANES;
    }
    float s = sum(acc0.add(acc1));
    for (; i < n; i++) {
      s = madd(a[aOff + i], b[bOff + i], s, fma);
    }
    return s;
  }

  private static void scoreRows(float[] m, int firstRow, int rows, int n, float[] x, int xOff,
      float[] out, int outOff, boolean fma) {
    int r = 0;
    for (; r + BLOCK <= rows; r += BLOCK) {
      dot4(m, (firstRow + r) * n, n, x, xOff, out, outOff + r, fma);
    }
    for (; r < rows; r++) {
      out[outOff + r] = dot(m, (firstRow + r) * n, x, xOff, n, fma);
    }
  }

  /** Four consecutive rows at once, each summed exactly as {@link #dot} would. */
  private static void dot4(float[] m, int off, int n, float[] x, int xOff, float[] out,
      int outOff, boolean fma) {
    int o0 = off;
    int o1 = o0 + n;
    int o2 = o1 + n;
    int o3 = o2 + n;
    FloatVector s00 = FloatVector.zero(SPECIES);
    FloatVector s01 = s00;
    FloatVector s10 = s00;
    FloatVector s11 = s00;
    FloatVector s20 = s00;
    FloatVector s21 = s00;
    FloatVector s30 = s00;
    FloatVector s31 = s00;
    int i = 0;
    for (int bound = n - 2 * LANES; i <= bound; i += 2 * LANES) {
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, xOff + i);
      FloatVector x1 = FloatVector.fromArray(SPECIES, x, xOff + i + LANES);
      s00 = madd(FloatVector.fromArray(SPECIES, m, o0 + i), x0, s00, fma);
      s01 = madd(FloatVector.fromArray(SPECIES, m, o0 + i + LANES), x1, s01, fma);
      s10 = madd(FloatVector.fromArray(SPECIES, m, o1 + i), x0, s10, fma);
      s11 = madd(FloatVector.fromArray(SPECIES, m, o1 + i + LANES), x1, s11, fma);
      s20 = madd(FloatVector.fromArray(SPECIES, m, o2 + i), x0, s20, fma);
      s21 = madd(FloatVector.fromArray(SPECIES, m, o2 + i + LANES), x1, s21, fma);
      s30 = madd(FloatVector.fromArray(SPECIES, m, o3 + i), x0, s30, fma);
      s31 = madd(FloatVector.fromArray(SPECIES, m, o3 + i + LANES), x1, s31, fma);
    }
    if (i <= n - LANES) {
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, xOff + i);
      s00 = madd(FloatVector.fromArray(SPECIES, m, o0 + i), x0, s00, fma);
      s10 = madd(FloatVector.fromArray(SPECIES, m, o1 + i), x0, s10, fma);
      s20 = madd(FloatVector.fromArray(SPECIES, m, o2 + i), x0, s20, fma);
      s30 = madd(FloatVector.fromArray(SPECIES, m, o3 + i), x0, s30, fma);
      i += LANES;
    }
    float t0 = sum(s00.add(s01));
    float t1 = sum(s10.add(s11));
    float t2 = sum(s20.add(s21));
    float t3 = sum(s30.add(s31));
    for (; i < n; i++) {
      float xi = x[xOff + i];
      t0 = madd(m[o0 + i], xi, t0, fma);
      t1 = madd(m[o1 + i], xi, t1, fma);
      t2 = madd(m[o2 + i], xi, t2, fma);
      t3 = madd(m[o3 + i], xi, t3, fma);
    }
    out[outOff] = t0;
    out[outOff + 1] = t1;
    out[outOff + 2] = t2;
    out[outOff + 3] = t3;
  }

  /**
   * Eight vector chunks of outputs per pass over the rows while they fit (eight independent
   * multiply-add chains hide the latency), then four, then one; then the last {@code n mod L}
   * outputs one by one. Every output is one chain in increasing {@code j}.
   */
  private static void transposedMatVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n,
      boolean fma) {
    int i0 = 0;
    for (; i0 + 8 * LANES <= n; i0 += 8 * LANES) {
      columns8(a, x, xOff, y, yOff + i0, n, i0, fma);
    }
    for (; i0 + 4 * LANES <= n; i0 += 4 * LANES) {
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      for (int j = 0, row = i0; j < n; j++, row += n) {
        FloatVector xj = FloatVector.broadcast(SPECIES, x[xOff + j]);
        s0 = madd(xj, FloatVector.fromArray(SPECIES, a, row), s0, fma);
        s1 = madd(xj, FloatVector.fromArray(SPECIES, a, row + LANES), s1, fma);
        s2 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 2 * LANES), s2, fma);
        s3 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 3 * LANES), s3, fma);
      }
      s0.intoArray(y, yOff + i0);
      s1.intoArray(y, yOff + i0 + LANES);
      s2.intoArray(y, yOff + i0 + 2 * LANES);
      s3.intoArray(y, yOff + i0 + 3 * LANES);
    }
    for (; i0 + LANES <= n; i0 += LANES) {
      FloatVector s0 = FloatVector.zero(SPECIES);
      for (int j = 0, row = i0; j < n; j++, row += n) {
        s0 = madd(FloatVector.broadcast(SPECIES, x[xOff + j]),
            FloatVector.fromArray(SPECIES, a, row), s0, fma);
      }
      s0.intoArray(y, yOff + i0);
    }
    for (; i0 < n; i0++) {
      float s0 = 0;
      for (int j = 0; j < n; j++) {
        s0 = madd(x[xOff + j], a[j * n + i0], s0, fma);
      }
      y[yOff + i0] = s0;
    }
  }

  /** Eight chunks of {@link #transposedMatVec} outputs, columns {@code i0 ..}. */
  private static void columns8(float[] a, float[] x, int xOff, float[] y, int yOff, int n, int i0,
      boolean fma) {
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    FloatVector s4 = s0;
    FloatVector s5 = s0;
    FloatVector s6 = s0;
    FloatVector s7 = s0;
    for (int j = 0, row = i0; j < n; j++, row += n) {
      FloatVector xj = FloatVector.broadcast(SPECIES, x[xOff + j]);
      s0 = madd(xj, FloatVector.fromArray(SPECIES, a, row), s0, fma);
      s1 = madd(xj, FloatVector.fromArray(SPECIES, a, row + LANES), s1, fma);
      s2 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 2 * LANES), s2, fma);
      s3 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 3 * LANES), s3, fma);
      s4 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 4 * LANES), s4, fma);
      s5 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 5 * LANES), s5, fma);
      s6 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 6 * LANES), s6, fma);
      s7 = madd(xj, FloatVector.fromArray(SPECIES, a, row + 7 * LANES), s7, fma);
    }
    s0.intoArray(y, yOff);
    s1.intoArray(y, yOff + LANES);
    s2.intoArray(y, yOff + 2 * LANES);
    s3.intoArray(y, yOff + 3 * LANES);
    s4.intoArray(y, yOff + 4 * LANES);
    s5.intoArray(y, yOff + 5 * LANES);
    s6.intoArray(y, yOff + 6 * LANES);
    s7.intoArray(y, yOff + 7 * LANES);
  }

  private static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n,
      boolean fma) {
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    int i = 0;
    for (int bound = n - LANES; i <= bound; i += LANES) {
      FloatVector vy = FloatVector.fromArray(SPECIES, y, yOff + i);
      madd(va, FloatVector.fromArray(SPECIES, x, xOff + i), vy, fma).intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] = madd(alpha, x[xOff + i], y[yOff + i], fma);
    }
  }

  /**
   * Sums the lanes in the fixed pairwise order: lane i is paired with lane i + L/2, those sums
   * with the ones L/4 further, and so on. Lanes are read one by one with {@code lane(i)}, which
   * C2 compiles to plain extracts; a {@code rearrange}-based butterfly computes the same sums but
   * JDK 17 validates the shuffle's indexes on every call, which made it twice as slow.
   */
  private static float sum(FloatVector v) {
    if (LANES == 4) {
      return (v.lane(0) + v.lane(2)) + (v.lane(1) + v.lane(3));
    }
    if (LANES == 8) {
      return ((v.lane(0) + v.lane(4)) + (v.lane(2) + v.lane(6)))
          + ((v.lane(1) + v.lane(5)) + (v.lane(3) + v.lane(7)));
    }
    return (((v.lane(0) + v.lane(8)) + (v.lane(4) + v.lane(12)))
        + ((v.lane(2) + v.lane(10)) + (v.lane(6) + v.lane(14))))
        + (((v.lane(1) + v.lane(9)) + (v.lane(5) + v.lane(13)))
        + ((v.lane(3) + v.lane(11)) + (v.lane(7) + v.lane(15))));
  }

  private static FloatVector madd(FloatVector a, FloatVector b, FloatVector c, boolean fma) {
    return fma ? a.fma(b, c) : a.mul(b).add(c);
  }

  private static float madd(float a, float b, float c, boolean fma) {
    return fma ? Math.fma(a, b, c) : a * b + c;
  }
}
