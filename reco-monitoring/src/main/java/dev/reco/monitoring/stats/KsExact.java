package dev.reco.monitoring.stats;

import org.apache.commons.math3.special.Beta;

/**
 * Exact null distribution of the two-sample Kolmogorov-Smirnov statistic by counting lattice
 * paths, as in SciPy 1.10's {@code ks_2samp} ({@code _attempt_exact_2kssamp} and helpers).
 *
 * <p>Under the null hypothesis every interleaving of the two sorted samples is equally likely: a
 * lattice path from (0, 0) to (m, n) with unit steps right (a value of the first sample) or up (a
 * value of the second). With {@code g = gcd(m, n)} and {@code lcm = m n / g}, the event
 * {@code D >= h / lcm} is the event that the path leaves the band {@code |n x - m y| < h g}.
 * Following Hodges, "The Significance Probability of the Smirnov Two-Sample Test", Arkiv for
 * Matematik 3 (1958) 469-486:
 * <ul>
 *   <li>two-sided, {@code m == n}: the reflection-principle series
 *       {@code 2 sum_k (-1)^(k+1) C(2n, n - kh) / C(2n, n)}, evaluated Horner-fashion on ratios so
 *       that nothing cancels or overflows ({@link #probOutsideSquare});
 *   <li>two-sided, {@code m != n}: the "inside" recursion over one column of the path-count grid,
 *       rewritten by Viehmann (arXiv:2102.08037) to carry the complement probability directly,
 *       O(m * band width) time and O(n) memory ({@link #outerProbInsideMethod});
 *   <li>one-sided, {@code m == n}: {@code C(2n, n - h) / C(2n, n)} as a product of ratios;
 *   <li>one-sided, {@code m != n}: counting paths that first touch the boundary, in double
 *       precision ({@link #countPathsOutside}); this overflows once {@code C(m + n, n)} exceeds
 *       the double range (about {@code m + n > 1030} for equal sizes), and the caller then falls
 *       back to the asymptotic formula exactly as SciPy does.
 * </ul>
 */
final class KsExact {
  private KsExact() {}

  /**
   * Exact p-value for {@code D >= h / lcm(n1, n2)} or NaN when the computation overflows or
   * yields a value outside [0, 1] (SciPy then switches to the asymptotic method).
   */
  static double pValue(int n1, int n2, long g, long h, boolean twoSided) {
    if (h == 0) {
      return 1.0;
    }
    double prob;
    if (twoSided) {
      if (n1 == n2) {
        prob = probOutsideSquare(n1, h);
      } else {
        prob = outerProbInsideMethod(n1, n2, g, h);
      }
    } else {
      if (n1 == n2) {
        // C(2n, n - h) / C(2n, n) as a product of h ratios
        prob = 1.0;
        for (long j = 0; j < h; j++) {
          prob *= (n1 - j) / (n1 + j + 1.0);
        }
      } else {
        // SciPy counts first and then rejects an infinite C(n1 + n2, n1); the count cannot
        // succeed in that case (every term is bounded by it), so check it first and skip O(n^2)
        double bin = binom(n1 + (double) n2, n1);
        if (Double.isInfinite(bin)) {
          return Double.NaN;
        }
        double numPaths = countPathsOutside(n1, n2, g, h);
        if (Double.isNaN(numPaths) || Double.isInfinite(numPaths) || numPaths > bin) {
          return Double.NaN;
        }
        prob = numPaths / bin;
      }
    }
    if (!(0 <= prob && prob <= 1)) {
      return Double.NaN;
    }
    return prob;
  }

  /**
   * Proportion of paths that leave the band {@code |x - y| < h} for {@code m == n}:
   * {@code P(D_{n,n} >= h/n) = 2 (A0 (1 - A1 (1 - A2 (1 - ...))))} with
   * {@code A_k = C(2n, n - (k+1) h) / C(2n, n - k h)}, each a product of h ratios.
   */
  static double probOutsideSquare(long n, long h) {
    double p = 0.0;
    long k = (long) Math.floor((double) n / h);
    while (k >= 0) {
      double p1 = 1.0;
      for (long j = 0; j < h; j++) {
        p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
      }
      p = p1 * (1.0 - p);
      k--;
    }
    return 2 * p;
  }

  /**
   * Proportion of lattice paths from (0, 0) to (m, n) that do not stay strictly inside
   * {@code |n x / g - m y / g| < h}, by Hodges' inside method with Viehmann's complement
   * recursion: one sliding column of the grid, each entry a convex combination of its left and
   * lower neighbours, so the values stay in [0, 1].
   */
  static double outerProbInsideMethod(long m0, long n0, long g, long h) {
    long m = Math.max(m0, n0);
    long n = Math.min(m0, n0);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
    int curlen = maxj - minj;
    int lenA = (int) Math.min(2L * maxj + 2, n + 1);
    double[] a = new double[lenA];
    java.util.Arrays.fill(a, 1.0);
    for (int j = minj; j < Math.min(maxj, lenA); j++) {
      a[j] = 0.0;
    }
    for (long i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
      minj = (int) Math.min(minj, n);
      maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        long j = jj + minj;
        val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        int from = maxj - minj;
        int to = Math.min(from + (lastlen - curlen), lenA);
        for (int q = from; q < to; q++) {
          a[q] = 1.0;
        }
      }
    }
    return a[maxj - minj - 1];
  }

  /**
   * Number of lattice paths from (0, 0) to (m, n) that at some point satisfy
   * {@code m y <= n x - h g} (for {@code m >= n}): with {@code B(x_j, j)} the number of paths
   * reaching the boundary first at its j-th crossing point,
   * {@code B(x_j, j) = C(x_j + j, j) - sum_{i<j} C(x_j - x_i + j - i, j - i) B(x_i, i)}, and the
   * count is {@code sum_j B(x_j, j) C(m - x_j + n - j, n - j)}. May overflow to infinity or NaN.
   */
  static double countPathsOutside(long m0, long n0, long g, long h) {
    long m = Math.max(m0, n0);
    long n = Math.min(m0, n0);
    long mg = m / g;
    long ng = n / g;
    // Only x values where n x / m + ng h crosses an integer matter.
    long lxjLong = n + Math.floorDiv(mg - h, mg);
    if (lxjLong <= 0) {
      return binom(m + (double) n, n);
    }
    int lxj = (int) lxjLong;
    long[] xj = new long[lxj];
    for (int j = 0; j < lxj; j++) {
      xj[j] = Math.floorDiv(h + mg * j + ng - 1, ng);
    }
    double[] b = new double[lxj];
    b[0] = 1;
    for (int j = 1; j < lxj; j++) {
      double bj = binom(xj[j] + (double) j, j);
      for (int i = 0; i < j; i++) {
        double bin = binom(xj[j] - xj[i] + (double) (j - i), j - i);
        bj -= bin * b[i];
      }
      if (!Double.isFinite(bj)) {
        return Double.NaN;
      }
      b[j] = bj;
    }
    double numPaths = 0;
    for (int j = 0; j < lxj; j++) {
      double bin = binom((m - xj[j]) + (double) (n - j), n - j);
      numPaths += b[j] * bin;
    }
    return numPaths;
  }

  /**
   * Binomial coefficient {@code C(n, k)} for integers {@code 0 <= k <= n} as a double, following
   * {@code scipy.special.binom}: an exact-as-possible product of ratios when {@code min(k, n - k)
   * < 20}, else {@code 1 / ((n + 1) B(n - k + 1, k + 1))} with an accurate log-Beta; +Infinity
   * past the double range.
   */
  static double binom(double n, double k) {
    double kx = k;
    if (kx > n / 2 && n > 0) {
      kx = n - kx;
    }
    if (kx >= 0 && kx < 20) {
      double num = 1.0;
      double den = 1.0;
      int kk = (int) kx;
      for (int i = 1; i <= kk; i++) {
        num *= i + n - kx;
        den *= i;
        if (Math.abs(num) > 1e50) {
          num /= den;
          den = 1.0;
        }
      }
      return num / den;
    }
    return Math.exp(-Beta.logBeta(1 + n - k, 1 + k) - Math.log(n + 1));
  }
}
