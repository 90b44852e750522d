package dev.reco.models.als;

/**
 * Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method (Golub &amp;
 * Van Loan, "Matrix Computations", 8.5), in double. Deterministic: a fixed sweep order and no
 * randomness. Costs about {@code 6 n^3} operations per sweep and typically 6 to 10 sweeps.
 */
final class SymmetricEigen {
  private static final int MAX_SWEEPS = 60;

  private SymmetricEigen() {}

  /**
   * Decomposes {@code A = V diag(d) V^T}.
   *
   * @param a the symmetric matrix, row-major {@code n x n}; overwritten
   * @param n dimension
   * @param d receives the eigenvalues (unsorted)
   * @param v receives the orthonormal eigenvectors as columns, row-major {@code n x n}
   */
  static void decompose(double[] a, int n, double[] d, double[] v) {
    java.util.Arrays.fill(v, 0, n * n, 0.0);
    double total = 0;
    for (int i = 0; i < n; i++) {
      v[i * n + i] = 1.0;
      for (int j = 0; j < n; j++) {
        total += a[i * n + j] * a[i * n + j];
      }
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p * n + q] * a[p * n + q];
        }
      }
      if (off <= 1e-26 * total) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = a[p * n + q];
          if (apq == 0.0) {
            continue;
          }
          double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
          double t = (theta >= 0 ? 1.0 : -1.0) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
          double c = 1.0 / Math.sqrt(t * t + 1.0);
          double s = t * c;
          // A <- A J (columns p, q), then A <- J^T A (rows p, q), V <- V J
          for (int r = 0; r < n; r++) {
            double arp = a[r * n + p];
            double arq = a[r * n + q];
            a[r * n + p] = c * arp - s * arq;
            a[r * n + q] = s * arp + c * arq;
          }
          for (int r = 0; r < n; r++) {
            double apr = a[p * n + r];
            double aqr = a[q * n + r];
            a[p * n + r] = c * apr - s * aqr;
            a[q * n + r] = s * apr + c * aqr;
          }
          a[p * n + q] = 0.0;
          a[q * n + p] = 0.0;
          for (int r = 0; r < n; r++) {
            double vrp = v[r * n + p];
            double vrq = v[r * n + q];
            v[r * n + p] = c * vrp - s * vrq;
            v[r * n + q] = s * vrp + c * vrq;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      d[i] = a[i * n + i];
    }
  }
}
