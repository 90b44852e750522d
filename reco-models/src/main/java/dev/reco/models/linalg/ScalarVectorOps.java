package dev.reco.models.linalg;

/** Plain Java loops; the JIT may auto-vectorize some of them. Always available. */
final class ScalarVectorOps implements VectorOps {
  static final ScalarVectorOps INSTANCE = new ScalarVectorOps();

  private ScalarVectorOps() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
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
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void matVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int r = 0; r < n; r++) {
      y[yOff + r] = dot(a, r * n, x, xOff, n);
    }
  }

  @Override
  public void rankOneUpdate(float alpha, float[] x, int xOff, float[] a, int n) {
    for (int r = 0; r < n; r++) {
      float ax = alpha * x[xOff + r];
      if (ax != 0f) {
        axpy(ax, x, xOff, a, r * n, n);
      }
    }
  }

  @Override
  public void scoreRows(float[] matrix, int firstRow, int rows, int n, float[] x, int xOff,
      float[] out, int outOff) {
    for (int r = 0; r < rows; r++) {
      out[outOff + r] = dot(matrix, (firstRow + r) * n, x, xOff, n);
    }
  }
}
