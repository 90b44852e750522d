package dev.reco.monitoring.stats;

/**
 * Distribution functions of Kolmogorov-Smirnov statistics, ported from SciPy 1.10 so that
 * results agree with {@code scipy.special} and {@code scipy.stats} to about 1e-12 relative.
 *
 * <ul>
 *   <li>{@link #twoSidedSf(long, double)}: {@code P(D_n > d)} for the two-sided one-sample
 *       statistic with finite n ({@code scipy.stats.kstwo.sf}, SciPy's {@code kolmogn});
 *   <li>{@link #oneSidedSf(int, double)}: {@code P(D+_n >= d)}, the exact one-sided (Smirnov)
 *       tail ({@code scipy.special.smirnov});
 *   <li>{@link #limitSf(double)}: {@code P(sqrt(n) D_n > x)} as {@code n -> infinity}, Kolmogorov's
 *       limiting distribution ({@code scipy.special.kolmogorov}, {@code scipy.stats.kstwobign.sf}).
 * </ul>
 *
 * <p>All methods are pure functions; the class is thread-safe.
 */
public final class KolmogorovDistributions {
  private KolmogorovDistributions() {}

  /**
   * Survival function of the two-sided one-sample statistic, {@code P(D_n > d)}.
   *
   * @param n sample size, 1 to {@code 2^31 - 1}
   * @param d statistic value; values outside [0, 1] give 1 (below) or 0 (above)
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if {@code n} is out of range or {@code d} is NaN
   */
  public static double twoSidedSf(long n, double d) {
    check(n, d);
    return Kolmogn.kolmogn(n, d, false);
  }

  /**
   * Cumulative distribution of the two-sided one-sample statistic, {@code P(D_n <= d)}.
   *
   * @param n sample size, 1 to {@code 2^31 - 1}
   * @param d statistic value; values outside [0, 1] give 0 (below) or 1 (above)
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if {@code n} is out of range or {@code d} is NaN
   */
  public static double twoSidedCdf(long n, double d) {
    check(n, d);
    return Kolmogn.kolmogn(n, d, true);
  }

  /**
   * Survival function of the one-sided one-sample statistic, {@code P(D+_n >= d)}.
   *
   * @param n sample size, at least 1
   * @param d statistic value in [0, 1]
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if {@code n < 1} or {@code d} is NaN or outside [0, 1]
   */
  public static double oneSidedSf(int n, double d) {
    checkUnit(n, d);
    return Smirnov.sf(n, d);
  }

  /**
   * Cumulative distribution of the one-sided one-sample statistic, {@code P(D+_n < d)}.
   *
   * @param n sample size, at least 1
   * @param d statistic value in [0, 1]
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if {@code n < 1} or {@code d} is NaN or outside [0, 1]
   */
  public static double oneSidedCdf(int n, double d) {
    checkUnit(n, d);
    return Smirnov.cdf(n, d);
  }

  /**
   * Kolmogorov's limiting survival function {@code 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2)}.
   *
   * @param x the scaled statistic {@code sqrt(n) D}; values {@code <= 0} give 1
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if {@code x} is NaN
   */
  public static double limitSf(double x) {
    checkX(x);
    return KolmogorovLimit.probs(x)[0];
  }

  /**
   * Kolmogorov's limiting distribution function, {@code 1 - limitSf(x)} computed without
   * cancellation for small x.
   *
   * @param x the scaled statistic {@code sqrt(n) D}; values {@code <= 0} give 0
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if {@code x} is NaN
   */
  public static double limitCdf(double x) {
    checkX(x);
    return KolmogorovLimit.probs(x)[1];
  }

  private static void checkX(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("x = NaN; expected a number");
    }
  }

  private static void check(long n, double d) {
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "n = " + n + "; expected 1 <= n <= " + Integer.MAX_VALUE);
    }
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException("d = NaN; expected a number");
    }
  }

  private static void checkUnit(int n, double d) {
    if (n < 1) {
      throw new IllegalArgumentException("n = " + n + "; expected n >= 1");
    }
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException("d = " + d + "; expected 0 <= d <= 1");
    }
  }
}
