package dev.reco.models.als;

/** Dense Cholesky factorisation and solve in double, on row-major {@code n x n} arrays. */
final class Cholesky {
  private Cholesky() {}

  /**
   * Replaces the lower triangle of the symmetric matrix {@code a} (only the lower triangle is
   * read) with {@code L}, where {@code A = L L^T}.
   *
   * @param a row-major {@code n x n}; the strict upper triangle is left untouched
   * @param n dimension
   * @return false if a pivot is not positive (A not numerically positive definite)
   */
  static boolean factorLower(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      int rowJ = j * n;
      double d = a[rowJ + j];
      for (int q = 0; q < j; q++) {
        d -= a[rowJ + q] * a[rowJ + q];
      }
      if (!(d > 0)) {
        return false;
      }
      double ljj = Math.sqrt(d);
      a[rowJ + j] = ljj;
      double inv = 1.0 / ljj;
      for (int i = j + 1; i < n; i++) {
        int rowI = i * n;
        double s = a[rowI + j];
        for (int q = 0; q < j; q++) {
          s -= a[rowI + q] * a[rowJ + q];
        }
        a[rowI + j] = s * inv;
      }
    }
    return true;
  }

  /**
   * Solves {@code L L^T x = b} in place with the factor from {@link #factorLower}.
   *
   * @param l the factor (lower triangle)
   * @param n dimension
   * @param b the right-hand side; receives {@code x}
   */
  static void solveLower(double[] l, int n, double[] b) {
    for (int i = 0; i < n; i++) {
      double s = b[i];
      int rowI = i * n;
      for (int q = 0; q < i; q++) {
        s -= l[rowI + q] * b[q];
      }
      b[i] = s / l[rowI + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int q = i + 1; q < n; q++) {
        s -= l[q * n + i] * b[q];
      }
      b[i] = s / l[i * n + i];
    }
  }
}
