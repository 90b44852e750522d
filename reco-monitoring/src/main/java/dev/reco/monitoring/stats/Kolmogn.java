package dev.reco.monitoring.stats;

/**
 * The distribution of the two-sided one-sample Kolmogorov-Smirnov statistic
 * {@code D_n = sup |F_n - F|} for finite {@code n}: a port of {@code kolmogn} of SciPy 1.10's
 * {@code scipy/stats/_ksstats.py}, which backs {@code scipy.stats.kstwo}.
 *
 * <p>The method per region of {@code (n, x)} follows Simard and L'Ecuyer, "Computing the Two-Sided
 * Kolmogorov-Smirnov Distribution", J. Stat. Softw. 39(11), 2011:
 * <ul>
 *   <li>{@code nx <= 1} and {@code nx >= n - 1}: Ruben and Gambino's closed forms;
 *   <li>{@code x >= 0.5}: exactly twice the one-sided Smirnov tail ({@link Smirnov});
 *   <li>{@code n <= 140}: Durbin's matrix algorithm as made fast by Marsaglia, Tsang and Wang
 *       (2003) for {@code n x^2 <= 0.754693}, Pomeranz's recursion (1974) for {@code n x^2 <= 4},
 *       else twice the Smirnov tail;
 *   <li>{@code n > 140}: for the survival function twice the Smirnov tail when
 *       {@code n x^2 >= 2.2} (0 from 370), else one minus the CDF, which comes from Durbin's matrix
 *       when {@code n <= 100000} and {@code n x^1.5 <= 1.4} and from the Pelz-Good (1976)
 *       asymptotic series otherwise.
 * </ul>
 * Intermediate results are rescaled by {@code 2^128} with the exponent kept apart, as SciPy does.
 */
final class Kolmogn {
  private static final int E128 = 128;
  private static final double EP128 = 0x1p128;
  private static final double EM128 = 0x1p-128;
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double MIN_LOG = -708;
  private static final double SQRT3 = Math.sqrt(3);
  private static final double PI_SQUARED = Math.PI * Math.PI;
  private static final double PI_FOUR = Math.pow(Math.PI, 4);
  private static final double PI_SIX = Math.pow(Math.PI, 6);
  /** B_{2j} / (2j) / (2j - 1) for j = 8 .. 1: Stirling's series. */
  private static final double[] STIRLING_COEFFS = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3,
    -1.9175269175269175269e-3, 8.4175084175084175084e-4,
    -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  private Kolmogn() {}

  /**
   * {@code P(D_n <= x)} when {@code cdf}, else {@code P(D_n > x)}.
   *
   * @return the probability in [0, 1]; NaN when {@code n < 1} or {@code x} is NaN
   */
  static double kolmogn(long n, double x, boolean cdf) {
    if (n <= 0 || Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x >= 1.0) {
      return select(1.0, 0.0, cdf);
    }
    if (x <= 0.0) {
      return select(0.0, 1.0, cdf);
    }
    double t = n * x;
    if (t <= 1.0) { // Ruben-Gambino: 1/2n <= x <= 1/n
      if (t <= 0.5) {
        return select(0.0, 1.0, cdf);
      }
      double prob;
      if (n <= 140) {
        prob = 1.0;
        double f = 2 * t - 1;
        double rn = 1.0 / n;
        for (long i = 1; i <= n; i++) {
          prob *= i * rn * f;
        }
      } else {
        prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
      }
      return select(prob, 1.0 - prob, cdf);
    }
    if (t >= n - 1) { // Ruben-Gambino
      double prob = 2 * Math.pow(1.0 - x, n);
      return select(1 - prob, prob, cdf);
    }
    if (x >= 0.5) { // exact: 2 * smirnov
      double prob = 2 * Smirnov.sf(toInt(n), x);
      return select(1.0 - prob, prob, cdf);
    }
    double nxsquared = t * x;
    if (n <= 140) {
      if (nxsquared <= 0.754693) {
        double prob = durbinMatrix((int) n, x);
        return select(prob, 1.0 - prob, cdf);
      }
      if (nxsquared <= 4) {
        double prob = pomeranz((int) n, x);
        return select(prob, 1.0 - prob, cdf);
      }
      double prob = 2 * Smirnov.sf((int) n, x);
      return select(1.0 - prob, prob, cdf);
    }
    if (!cdf) {
      if (nxsquared >= 370.0) {
        return 0.0;
      }
      if (nxsquared >= 2.2) {
        return clip(2 * Smirnov.sf(toInt(n), x));
      }
      // fall through: SF as 1 - CDF
    }
    double cdfprob;
    if (nxsquared >= 18.0) {
      cdfprob = 1.0;
    } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdfprob = durbinMatrix((int) n, x);
    } else {
      cdfprob = pelzGood(n, x);
    }
    return select(cdfprob, 1.0 - cdfprob, cdf);
  }

  private static int toInt(long n) {
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("n = " + n + "; expected n <= " + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, 0.0), 1.0);
  }

  private static double select(double cdfprob, double sfprob, boolean cdf) {
    return clip(cdf ? cdfprob : sfprob);
  }

  /** log(n! / n^n) by Stirling's series with n log n removed up front. */
  static double logNFactorialDivNPowN(long n) {
    double rn = 1.0 / n;
    double x = rn / n;
    double poly = STIRLING_COEFFS[0];
    for (int i = 1; i < STIRLING_COEFFS.length; i++) {
      poly = poly * x + STIRLING_COEFFS[i];
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /**
   * {@code P(D_n <= d)} by Durbin's matrix: with {@code d = (k - h)/n}, the k-th diagonal entry of
   * {@code (n!/n^n) H^n} for an {@code (2k-1) x (2k-1)} matrix H; Marsaglia, Tsang and Wang (2003).
   */
  static double durbinMatrix(int n, double d) {
    if (d >= 1.0) {
      return 1.0;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;

    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;

    double[][] hm = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - (i - 1)];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }

    double[][] hpwr = new double[m][m];
    for (int i = 0; i < m; i++) {
      hpwr[i][i] = 1.0;
    }
    int nn = n;
    int expnt = 0;
    int hexpnt = 0;
    while (nn > 0) {
      if (nn % 2 != 0) {
        hpwr = matmul(hpwr, hm);
        expnt += hexpnt;
      }
      hm = matmul(hm, hm);
      hexpnt *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > EP128) {
        for (double[] row : hm) {
          for (int c = 0; c < m; c++) {
            row[c] /= EP128;
          }
        }
        hexpnt += E128;
      }
      nn = nn / 2;
    }

    double p = hpwr[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < EM128) {
        p *= EP128;
        expnt -= E128;
      }
    }
    if (expnt != 0) {
      p = Math.scalb(p, expnt);
    }
    return clip(p);
  }

  private static double[][] matmul(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] ci = c[i];
      double[] ai = a[i];
      for (int l = 0; l < m; l++) {
        double ail = ai[l];
        if (ail == 0.0) {
          continue;
        }
        double[] bl = b[l];
        for (int j = 0; j < m; j++) {
          ci[j] += ail * bl[j];
        }
      }
    }
    return c;
  }

  /** Row interval [j1, j2] of Pomeranz's recursion for row i. */
  private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
    int j1;
    int j2;
    if (i == 0) {
      j1 = -ll - ceilf - 1;
      j2 = ll + ceilf - 1;
    } else {
      int ip1div2 = (i + 1) / 2;
      int ip1mod2 = (i + 1) % 2;
      if (ip1mod2 == 0) { // i is odd
        if (ip1div2 == n + 1) {
          j1 = n - ll - ceilf - 1;
          j2 = n + ll + ceilf - 1;
        } else {
          j1 = ip1div2 - 1 - ll - roundf - 1;
          j2 = ip1div2 + ll - 1 + ceilf - 1;
        }
      } else {
        j1 = ip1div2 - 1 - ll - 1;
        j2 = ip1div2 + ll + roundf - 1;
      }
    }
    return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
  }

  /**
   * {@code P(D_n <= x)} by Pomeranz's recursion (1974): each row is the previous one convolved
   * with (almost) Poisson probabilities; only two rows and their non-zero windows are kept.
   */
  static double pomeranz(int n, double x) {
    double t = n * x;
    int ll = (int) Math.floor(t);
    double f = t - ll;
    double g = Math.min(f, 1.0 - f);
    int ceilf = f > 0 ? 1 : 0;
    int roundf = f > 0.5 ? 1 : 0;
    int npwrs = 2 * (ll + 1);
    double[] gpower = new double[npwrs];
    double[] twogpower = new double[npwrs];
    double[] onem2gpower = new double[npwrs];
    gpower[0] = 1.0;
    twogpower[0] = 1.0;
    onem2gpower[0] = 1.0;
    int expnt = 0;
    double gOverN = g / n;
    double twoGOverN = 2 * g / n;
    double oneMinusTwoGOverN = (1 - 2 * g) / n;
    for (int m = 1; m < npwrs; m++) {
      gpower[m] = gpower[m - 1] * gOverN / m;
      twogpower[m] = twogpower[m - 1] * twoGOverN / m;
      onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
    }

    double[] v0 = new double[npwrs];
    double[] v1 = new double[npwrs];
    v1[0] = 1;
    int v0s = 0;
    int v1s = 0;
    int[] jj = pomeranzJ1J2(0, n, ll, ceilf, roundf);
    int j1 = jj[0];
    int j2;
    for (int i = 1; i < 2 * n + 2; i++) {
      int k1 = j1;
      double[] tmp = v0;
      v0 = v1;
      v1 = tmp;
      int tmps = v0s;
      v0s = v1s;
      v1s = tmps;
      java.util.Arrays.fill(v1, 0.0);
      jj = pomeranzJ1J2(i, n, ll, ceilf, roundf);
      j1 = jj[0];
      j2 = jj[1];
      double[] pwrs;
      if (i == 1 || i == 2 * n + 1) {
        pwrs = gpower;
      } else {
        pwrs = (i % 2 != 0) ? twogpower : onem2gpower;
      }
      int ln2 = j2 - k1 + 1;
      if (ln2 > 0) {
        // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]), numpy slice clamping
        int aStart = k1 - v0s;
        int aLen = Math.max(0, Math.min(aStart + ln2, npwrs) - aStart);
        int bLen = Math.min(ln2, npwrs);
        int convStart = j1 - k1;
        int convLen = j2 - j1 + 1;
        for (int c = 0; c < convLen; c++) {
          int idx = convStart + c;
          double s = 0.0;
          int lo = Math.max(0, idx - (bLen - 1));
          int hi = Math.min(idx, aLen - 1);
          for (int a = lo; a <= hi; a++) {
            s += v0[aStart + a] * pwrs[idx - a];
          }
          v1[c] = s;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double e : v1) {
          max = Math.max(max, e);
        }
        if (0 < max && max < EM128) {
          for (int c = 0; c < npwrs; c++) {
            v1[c] *= EP128;
          }
          expnt -= E128;
        }
        v1s = v0s + j1 - k1;
      }
    }
    double ans = v1[n - v1s];
    for (int m = 1; m <= n; m++) {
      if (Math.abs(ans) > EP128) {
        ans *= EM128;
        expnt += E128;
      }
      ans *= m;
    }
    if (expnt != 0) {
      ans = Math.scalb(ans, expnt);
    }
    return clip(ans);
  }

  /**
   * The Pelz-Good (1976) approximation to {@code P(D_n <= x)}: the Li-Chien / Korolyuk expansion
   * {@code K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5}, {@code z = x sqrt(n)}, rewritten with
   * Jacobi theta identities into series that converge fast for small {@code z}.
   */
  static double pelzGood(long n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt(n) * x;
    double zsquared = z * z;
    double zthree = z * z * z;
    double zfour = zsquared * zsquared;
    double zsix = zthree * zthree;

    double qlog = -PI_SQUARED / 8 / zsquared;
    if (qlog < MIN_LOG) {
      return 0.0;
    }
    double q = Math.exp(qlog);

    double k1a = -zsquared;
    double k1b = PI_SQUARED / 4;
    double k2a = 6 * zsix + 2 * zfour;
    double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
    double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
    double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
    double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
    double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
    double k3a = -30 * zsix - 90 * Math.pow(z, 8);

    double[] kk = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int k = maxk; k > 0; k--) {
      double m = 2 * k - 1;
      double msquared = m * m;
      double mfour = Math.pow(m, 4);
      double msix = Math.pow(m, 6);
      double qpower = Math.pow(q, 8 * k);
      double c0 = 1.0;
      double c1 = k1a + k1b * msquared;
      double c2 = k2a + k2b * msquared + k2c * mfour;
      double c3 = k3a + k3b * msquared + k3c * mfour + k3d * msix;
      kk[0] = kk[0] * qpower + c0;
      kk[1] = kk[1] * qpower + c1;
      kk[2] = kk[2] * qpower + c2;
      kk[3] = kk[3] * qpower + c3;
    }
    double[] div = {z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      kk[i] *= q;
      kk[i] *= SQRT2PI;
      kk[i] /= div[i];
    }

    q = Math.exp(-PI_SQUARED / 2 / zsquared);
    double sqrt3z = SQRT3 * z;
    double k2extra = 0.0;
    double k3extra = 0.0;
    for (int k = maxk; k > 0; k--) {
      double ksquared = (double) k * k;
      double kspi = Math.PI * k;
      double qpwer = Math.pow(q, ksquared);
      k2extra += ksquared * qpwer;
      k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer;
    }
    k2extra *= PI_SQUARED * SQRT2PI / (-36 * zthree);
    kk[2] += k2extra;
    k3extra *= PI_SQUARED * SQRT2PI / (216 * zsix);
    kk[3] += k3extra;
    double sum = 0.0;
    for (int i = 0; i < 4; i++) {
      sum += kk[i] / Math.pow(n * 1.0, i / 2.0);
    }
    return sum;
  }
}
