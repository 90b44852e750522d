package dev.reco.models.als;

/**
 * Dense Cholesky factorisation {@code A = U^T U} and solve in double, on row-major
 * {@code n x n} arrays using only the upper triangle. The factorisation is the right-looking
 * (outer-product) form, whose inner loop updates a contiguous row segment, so the JIT can
 * vectorise it.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * Replaces the upper triangle of the symmetric matrix {@code a} (only the upper triangle is
   * read) with {@code U}, where {@code A = U^T U}.
   *
   * @param a row-major {@code n x n}; the strict lower triangle is left untouched
   * @param n dimension
   * @return false if a pivot is not positive (A not numerically positive definite)
   */
  static boolean factorUpper(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      int rowJ = j * n;
      double d = a[rowJ + j];
      if (!(d > 0)) {
        return false;
      }
      double ujj = Math.sqrt(d);
      a[rowJ + j] = ujj;
      double inv = 1.0 / ujj;
      for (int c = j + 1; c < n; c++) {
        a[rowJ + c] *= inv;
      }
      // trailing update: row i (i > j) of the upper triangle loses U[j][i] * U[j][i..n)
      for (int i = j + 1; i < n; i++) {
        double uji = a[rowJ + i];
        if (uji != 0.0) {
          int rowI = i * n;
          for (int c = i; c < n; c++) {
            a[rowI + c] -= uji * a[rowJ + c];
          }
        }
      }
    }
    return true;
  }

  /**
   * Solves {@code U^T U x = b} in place with the factor from {@link #factorUpper}.
   *
   * @param u the factor (upper triangle)
   * @param n dimension
   * @param b the right-hand side; receives {@code x}
   */
  static void solveUpper(double[] u, int n, double[] b) {
    // U^T z = b: forward substitution, column j of U^T is row j of U
    for (int j = 0; j < n; j++) {
      double zj = b[j] / u[j * n + j];
      b[j] = zj;
      int rowJ = j * n;
      for (int c = j + 1; c < n; c++) {
        b[c] -= u[rowJ + c] * zj;
      }
    }
    // U x = z: back substitution
    for (int i = n - 1; i >= 0; i--) {
      int rowI = i * n;
      double s = b[i];
      for (int c = i + 1; c < n; c++) {
        s -= u[rowI + c] * b[c];
      }
      b[i] = s / u[rowI + i];
    }
  }
}
