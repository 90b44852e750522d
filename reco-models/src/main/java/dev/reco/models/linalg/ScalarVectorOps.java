package dev.reco.models.linalg;

/**
 * Plain Java loops; the JIT may auto-vectorize some of them. Always available.
 *
 * <p>Summation order of a dot product: four accumulators take the elements {@code i} with
 * {@code i mod 4 = 0, 1, 2, 3} of the first {@code 4 * floor(n / 4)} elements, the remaining
 * elements go to the first one, and the result is {@code (s0 + s1) + (s2 + s3)}. Element-wise
 * kernels compute {@code y + alpha * x} with two roundings.
 */
final class ScalarVectorOps implements VectorOps {
  static final ScalarVectorOps INSTANCE = new ScalarVectorOps();

  private ScalarVectorOps() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    Ranges.checkNonNegative("n", n);
    Ranges.checkRange("a", a, aOff, n);
    Ranges.checkRange("b", b, bOff, n);
    return dotUnchecked(a, aOff, b, bOff, n);
  }

  private static float dotUnchecked(float[] a, int aOff, float[] b, int bOff, int n) {
    // four independent accumulators: shorter dependency chains, fixed summation order
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[aOff + i] * b[bOff + i];
      s1 += a[aOff + i + 1] * b[bOff + i + 1];
      s2 += a[aOff + i + 2] * b[bOff + i + 2];
      s3 += a[aOff + i + 3] * b[bOff + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[aOff + i] * b[bOff + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    Ranges.checkNonNegative("n", n);
    Ranges.checkRange("x", x, xOff, n);
    Ranges.checkRange("y", y, yOff, n);
    if (xOff != yOff) {
      Ranges.checkDisjoint("y", y, yOff, n, "x", x, xOff, n);
    }
    axpyUnchecked(alpha, x, xOff, y, yOff, n);
  }

  private static void axpyUnchecked(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void matVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n) {
    Ranges.checkMatVec(a, x, xOff, y, yOff, n);
    for (int r = 0; r < n; r++) {
      y[yOff + r] = dotUnchecked(a, r * n, x, xOff, n);
    }
  }

  @Override
  public void transposedMatVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n) {
    Ranges.checkMatVec(a, x, xOff, y, yOff, n);
    java.util.Arrays.fill(y, yOff, yOff + n, 0f);
    for (int j = 0; j < n; j++) {
      float xj = x[xOff + j];
      int row = j * n;
      for (int i = 0; i < n; i++) {
        y[yOff + i] += xj * a[row + i];
      }
    }
  }

  @Override
  public void rankOneUpdate(float alpha, float[] x, int xOff, float[] a, int n) {
    Ranges.checkNonNegative("n", n);
    long size = (long) n * n;
    Ranges.checkRange("x", x, xOff, n);
    Ranges.checkRange("a", a, 0, size);
    Ranges.checkDisjoint("a", a, 0, size, "x", x, xOff, n);
    for (int r = 0; r < n; r++) {
      float ax = alpha * x[xOff + r];
      if (ax != 0f) {
        axpyUnchecked(ax, x, xOff, a, r * n, n);
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
    for (int r = 0; r < rows; r++) {
      out[outOff + r] = dotUnchecked(matrix, (firstRow + r) * n, x, xOff, n);
    }
  }

  @Override
  public void scoreCodes(byte[] codes, int firstRow, int rows, int n, float[] x, int xOff,
      float[] out, int outOff) {
    Ranges.checkScoreCodes(codes, firstRow, rows, n, x, xOff, out, outOff);
    for (int r = 0; r < rows; r++) {
      out[outOff + r] = dotCodes(codes, (firstRow + r) * n, x, xOff, n);
    }
  }

  /** One row of {@link #scoreCodes} in one running sum (any order will do); the SIMD tail too. */
  static float dotCodes(byte[] c, int cOff, float[] x, int xOff, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) {
      s += x[xOff + i] * c[cOff + i];
    }
    return s;
  }

  @Override
  public void addGram(float[] matrix, int firstRow, int rows, int n, float[] a) {
    checkGram(matrix, firstRow, rows, n, a);
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int o0 = (firstRow + r) * n;
      int o1 = o0 + n;
      int o2 = o1 + n;
      int o3 = o2 + n;
      for (int i = 0; i < n; i++) {
        float c0 = matrix[o0 + i];
        float c1 = matrix[o1 + i];
        float c2 = matrix[o2 + i];
        float c3 = matrix[o3 + i];
        int row = i * n;
        for (int j = i; j < n; j++) {
          a[row + j] = (((a[row + j] + c0 * matrix[o0 + j]) + c1 * matrix[o1 + j])
              + c2 * matrix[o2 + j]) + c3 * matrix[o3 + j];
        }
      }
    }
    for (; r < rows; r++) {
      int o = (firstRow + r) * n;
      for (int i = 0; i < n; i++) {
        float c = matrix[o + i];
        int row = i * n;
        for (int j = i; j < n; j++) {
          a[row + j] += c * matrix[o + j];
        }
      }
    }
    mirrorUpperTriangle(a, n);
  }

  /** The argument checks of {@link VectorOps#addGram}, shared with the SIMD implementation. */
  static void checkGram(float[] matrix, int firstRow, int rows, int n, float[] a) {
    Ranges.checkNonNegative("rows", rows);
    Ranges.checkNonNegative("n", n);
    long start = (long) firstRow * n;
    long size = (long) rows * n;
    long square = (long) n * n;
    Ranges.checkRange("matrix", matrix, start, size);
    Ranges.checkRange("a", a, 0, square);
    Ranges.checkDisjoint("a", a, 0, square, "matrix", matrix, start, size);
  }

  /** Copies the upper triangle of the {@code n x n} matrix onto its lower triangle. */
  static void mirrorUpperTriangle(float[] a, int n) {
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        a[i * n + j] = a[j * n + i];
      }
    }
  }
}
