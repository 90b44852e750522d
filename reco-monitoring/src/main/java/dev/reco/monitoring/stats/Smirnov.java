package dev.reco.monitoring.stats;

/**
 * The exact one-sided one-sample Kolmogorov-Smirnov (Smirnov) distribution
 * {@code P(D+_n >= x)}: a port of the {@code smirnov} function of SciPy's Cephes
 * {@code kolmogorov.c} (SciPy 1.10).
 *
 * <p>Smirnov (1944) and Birnbaum and Tingey (1951) give
 * <pre>
 *   P(D+_n >= x) = x * sum_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)
 * </pre>
 * and Dwass (1959) the complementary "upper" sum over {@code v > floor(n(1-x))}. Following
 * van Mulbregt, "Computing the Cumulative Distribution Function and Quantiles of the One-sided
 * Kolmogorov-Smirnov Statistic" (arXiv:1802.06966), the terms are evaluated in double-double
 * arithmetic with the binomial coefficient and the powers kept as (significand, exponent) pairs so
 * that nothing overflows, the upper sum is used when it has at most three terms, and
 * {@code n > 1 000 000} falls back to the approximation {@code exp(-(6nx+1)^2 / (18n))}.
 */
final class Smirnov {
  /** Cephes MINLOG with denormals: {@code log(2^-1075)}. */
  private static final double MINLOG = -7.451332191019412076235E2;
  private static final int MAX_COMPUTE_N = 1_000_000;
  private static final int UPPER_MAX_TERMS = 3;
  private static final int UPPERSUM_MIN_N = 10;
  private static final int MAX_EXPONENT = 960;
  /** From this n the lower-sum terms come from Stirling's series (see lowerSumStirling). */
  static final int STIRLING_TERMS_MIN_N = 20_000;
  private static final double LN2 = 0.6931471805599453;
  private static final double EPS = Math.ulp(1.0);

  private Smirnov() {}

  /**
   * Survival function {@code P(D+_n >= x)}.
   *
   * @return the probability, NaN when {@code n < 1}, {@code x} is NaN or outside [0, 1]
   */
  static double sf(int n, double x) {
    return probs(n, x)[0];
  }

  /** Cumulative distribution {@code P(D+_n < x)}; NaN as for {@link #sf}. */
  static double cdf(int n, double x) {
    return probs(n, x)[1];
  }

  /** Returns {sf, cdf}. */
  static double[] probs(int n, double x) {
    return probs(n, x, true);
  }

  /**
   * Returns {sf, cdf}; {@code stirlingTerms = false} forces SciPy's double-double terms for every
   * n (the reference the faster large-n path is tested against).
   */
  static double[] probs(int n, double x, boolean stirlingTerms) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (n == 1) {
      return new double[] {1 - x, x};
    }
    if (x == 0.0) {
      return new double[] {1.0, 0.0};
    }
    if (x == 1.0) {
      return new double[] {0.0, 1.0};
    }

    // floor(n*x) and the remainder, exactly
    DoubleDouble nxD = DoubleDouble.product(n, x);
    DoubleDouble nxFloorD = nxD.floor();
    double alpha = nxD.subtract(nxFloorD).hi();
    int nxfl = (int) nxFloorD.hi();
    if (alpha == 1) {
      nxfl += 1;
      alpha = 0;
    }
    double nx = nxD.value();
    int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
    int n1mxceil = n - nxfl;
    // If alpha is 0, the last term belongs to neither the lower nor the upper sum.
    if (alpha == 0) {
      n1mxfl -= 1;
      n1mxceil += 1;
    }

    // x <= 1/n
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
      double t = DoubleDouble.sum(1, x).pow(n - 1).value();
      double cdf = x * t;
      return clip(1 - cdf, cdf);
    }
    // the survival function underflows
    if (-2 * n * x * x < MINLOG) {
      return new double[] {0.0, 1.0};
    }
    // x >= 1 - 1/n
    if (nxfl >= n - 1) {
      double sf = DoubleDouble.sum(1, -x).pow(n).value();
      return new double[] {sf, 1 - sf};
    }
    // n too large to sum: p ~ exp(-(6nx+1)^2 / 18n)
    if (n > MAX_COMPUTE_N) {
      double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
      double sf;
      double cdf;
      if (logp < -LN2) {
        sf = Math.exp(logp);
        cdf = 1 - sf;
      } else {
        cdf = -Math.expm1(logp);
        sf = 1 - cdf;
      }
      return new double[] {sf, cdf};
    }

    int nUpperTerms = n - n1mxceil + 1;
    boolean useUpperSum = nUpperTerms <= 1 && x < 0.5;
    useUpperSum = useUpperSum
        || (n >= UPPERSUM_MIN_N && nUpperTerms <= UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

    int start = 0;
    int step = 1;
    int nTerms = n1mxfl + 1;
    int vmid = n / 2;
    DoubleDouble cMan = DoubleDouble.ONE;
    int cExp = 0;
    DoubleDouble aj;
    if (useUpperSum) {
      start = n;
      step = -1;
      nTerms = n - n1mxceil + 1;
      aj = DoubleDouble.sum(1, x).pow(n - 1); // ((1+x)/1)^(n-1)
    } else {
      aj = DoubleDouble.sum(1, -x).pow(n).divide(x);
    }
    DoubleDouble ajSum = aj;
    if (stirlingTerms && !useUpperSum && n >= STIRLING_TERMS_MIN_N) {
      double sf = lowerSumStirling(n, x, nxD, nTerms, vmid, ajSum);
      return clip(sf, 1 - sf);
    }

    int[] e = new int[1];
    // binomial C(n, 1) from C(n, 0)
    cMan = cMan.multiply(DoubleDouble.quotient(n, 1.0)).frexp(e);
    cExp += e[0];

    for (int j = 1; j < nTerms; j++) {
      int v = start + j * step;
      aj = term(n, x, v, cMan, cExp);
      if (aj.isFinite() && !aj.isZero()) {
        ajSum = ajSum.add(aj);
      }
      if (!aj.isZero()) {
        if (4.0 * (nTerms - j) * Math.abs(aj.value()) < EPS * ajSum.value() && j != nTerms - 1) {
          break;
        }
      } else if (j > vmid) {
        break;
      }
      // C(n, j + 1) from C(n, j)
      cMan = cMan.multiply(DoubleDouble.quotient(n - j, j + 1.0)).frexp(e);
      cExp += e[0];
    }
    double prob = ajSum.multiply(x).value();
    double sf;
    double cdf;
    if (step < 0) {
      cdf = prob;
      sf = 1 - prob;
    } else {
      cdf = 1 - prob;
      sf = prob;
    }
    return clip(sf, cdf);
  }

  /**
   * The lower sum for large n with each term from Stirling's series instead of double-double
   * powers: the same terms, the same order and the same stopping rule, about five times faster
   * (it matters for 1M vs 1M two-sample tests, where n is 500 000 and up to n/2 terms are
   * summed). With {@code k! = sqrt(2 pi) k^(k+1/2) e^-k e^S(k)} and {@code N = n x},
   * <pre>
   *   log A_v = v log1p(N/v) + (n-v) log1p(-N/(n-v)) + S(n) - S(v) - S(n-v)
   *             + log(sqrt(n / (2 pi v (n-v))) / (x + v/n))
   * </pre>
   * where the two large terms are each about {@code +-N}, not {@code n log n}, so the absolute
   * error of {@code log A_v} is about {@code 1e-16 N}: relative errors near 1e-13 for the terms
   * and the sum (checked against the double-double path in the tests).
   *
   * @return the survival probability (before clipping)
   */
  private static double lowerSumStirling(
      int n, double x, DoubleDouble nxD, int nTerms, int vmid, DoubleDouble ajSum) {
    double nx = nxD.value();
    double sn = stirlingRemainder(n);
    // running double-double sum (hi, lo) without allocation
    double hi = ajSum.hi();
    double lo = ajSum.lo();
    for (int v = 1; v < nTerms; v++) {
      double rest = (double) n - v;
      double logA = v * Math.log1p(nx / v) + rest * Math.log1p(-nx / rest)
          + (sn - stirlingRemainder(v) - stirlingRemainder(n - v));
      double aj = Math.exp(logA) * Math.sqrt(n / (2 * Math.PI * v * rest)) / ((nx + v) / n);
      if (aj != 0.0) {
        double s = hi + aj;
        double bb = s - hi;
        double err = (hi - (s - bb)) + (aj - bb);
        lo += err;
        hi = s + lo;
        lo = lo - (hi - s);
        if (4.0 * (nTerms - v) * aj < EPS * (hi + lo) && v != nTerms - 1) {
          break;
        }
      } else if (v > vmid) {
        break;
      }
    }
    return new DoubleDouble(hi, lo).multiply(x).value();
  }

  /** S(k) = log k! - (k + 1/2) log k + k - log(sqrt(2 pi)); table below 20, series above. */
  static double stirlingRemainder(int k) {
    if (k < STIRLING_TABLE.length) {
      return STIRLING_TABLE[k];
    }
    double r = 1.0 / k;
    double r2 = r * r;
    // 1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7) + 1/(1188k^9): below 1e-17 from k = 20
    return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680
        - r2 / 1188))));
  }

  private static final double[] STIRLING_TABLE = stirlingTable(20);

  private static double[] stirlingTable(int size) {
    double[] t = new double[size];
    double logFactorial = 0.0;
    double logSqrt2Pi = 0.5 * Math.log(2 * Math.PI);
    t[0] = Double.NaN; // unused: v and n - v are at least 1
    for (int k = 1; k < size; k++) {
      logFactorial += Math.log(k);
      t[k] = logFactorial - (k + 0.5) * Math.log(k) + k - logSqrt2Pi;
    }
    return t;
  }

  private static double[] clip(double sf, double cdf) {
    return new double[] {Math.min(Math.max(sf, 0), 1), Math.min(Math.max(cdf, 0), 1)};
  }

  /** A_v(n, x) = C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1), C as (significand, exponent). */
  private static DoubleDouble term(int n, double x, int v, DoubleDouble cMan, int cExp) {
    int[] e1 = new int[1];
    int[] e2 = new int[1];
    DoubleDouble t2x = DoubleDouble.quotient(n - v, n).subtract(x);
    DoubleDouble t2 = powScaled(t2x, n - v, e2);
    DoubleDouble t1x = DoubleDouble.quotient(v, n).add(x);
    DoubleDouble t1 = powScaled(t1x, v - 1, e1);
    DoubleDouble ans = t1.multiply(t2).multiply(cMan);
    return ans.scalb(cExp + e1[0] + e2[0]);
  }

  /** a^m as a significand in [0.5, 1) times {@code 2^exp[0]}; never overflows. */
  static DoubleDouble powScaled(DoubleDouble a, int m, int[] exp) {
    if (m <= 0) {
      if (m == 0) {
        exp[0] = 0;
        return DoubleDouble.ONE;
      }
      int[] e1 = new int[1];
      DoubleDouble ans = powScaled(a, -m, e1);
      int[] e2 = new int[1];
      ans = ans.reciprocal().frexp(e2);
      exp[0] = -e1[0] + e2[0];
      return ans;
    }
    int[] ye = new int[1];
    DoubleDouble y = a.frexp(ye);
    if (m == 1) {
      exp[0] = ye[0];
      return y;
    }
    int maxExpt = MAX_EXPONENT;
    // y^maxExpt >= 2^-960? If not, find a smaller power of two that stays normal.
    if (m * (y.hi() - 1) / y.hi() < -MAX_EXPONENT * LN2) {
      double lg2y = Math.log(y.hi()) / LN2;
      double lgAns = m * lg2y;
      if (lgAns <= -MAX_EXPONENT) {
        maxExpt = (int) (nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
      }
    }
    if (m <= maxExpt) {
      DoubleDouble ans1 = y.pow(m);
      int[] ae = new int[1];
      DoubleDouble ans = ans1.frexp(ae);
      exp[0] = ae[0] + m * ye[0];
      return ans;
    }
    int q = m / maxExpt;
    int r = m % maxExpt;
    // y^m = (y^maxExpt)^q * y^r
    int[] y2rE = new int[1];
    int[] y2mE = new int[1];
    int[] y2mqE = new int[1];
    DoubleDouble y2r = powScaled(y, r, y2rE);
    DoubleDouble y2m = powScaled(y, maxExpt, y2mE);
    DoubleDouble y2mq = powScaled(y2m, q, y2mqE);
    int[] ae = new int[1];
    DoubleDouble ans = y2r.multiply(y2mq).frexp(ae);
    int total = ae[0] + y2mqE[0] + y2mE[0] * q + y2rE[0] + m * ye[0];
    exp[0] = total;
    return ans;
  }

  private static double nextPowerOf2(double x) {
    double q = Math.scalb(x, 1 - 53);
    double l = Math.abs(q + x);
    if (l == 0) {
      l = Math.abs(x);
    } else {
      int lint = (int) l;
      if (lint == l) {
        l = lint;
      }
    }
    return l;
  }
}
