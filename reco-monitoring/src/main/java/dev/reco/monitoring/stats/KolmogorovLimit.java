package dev.reco.monitoring.stats;

/**
 * Kolmogorov's limiting distribution of {@code sqrt(n) D_n}: a port of {@code kolmogorov} /
 * {@code kolmogc} of SciPy's Cephes {@code kolmogorov.c} (SciPy 1.10).
 *
 * <p>{@code K(x) = 1 - 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2)}; for small {@code x} the Jacobi
 * theta identity {@code K(x) = sqrt(2 pi)/x sum_{k>=1} exp(-(2k-1)^2 pi^2 / (8 x^2))} converges
 * faster. As in van Mulbregt, "Computing the Cumulative Distribution Function and Quantiles of the
 * limit of the Two-sided Kolmogorov-Smirnov Statistic" (arXiv:1803.00426), the switch is at
 * {@code x = 0.82} and both series are unrolled to the few terms that reach double precision.
 */
final class KolmogorovLimit {
  private static final double CUTOVER = 0.82;
  /** Below this the first term exp(-pi^2 / 8x^2) underflows: pi / sqrt(746 * 8). */
  private static final double X_MIN = Math.PI / Math.sqrt(746.0 * 8);

  private KolmogorovLimit() {}

  /** Returns {sf, cdf} of the limiting distribution at {@code x}. */
  static double[] probs(double x) {
    if (Double.isNaN(x)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (x <= 0 || x <= X_MIN) {
      return new double[] {1.0, 0.0};
    }
    double sf;
    double cdf;
    if (x <= CUTOVER) {
      // u = e^(-pi^2/(8x^2)), w = sqrt(2pi)/x, P = w u (1 + u^8 + u^24 + u^48 + ...)
      double w = Math.sqrt(2 * Math.PI) / x;
      double logu8 = -Math.PI * Math.PI / (x * x);
      double u = Math.exp(logu8 / 8);
      double p;
      if (u == 0) {
        p = Math.exp(logu8 / 8 + Math.log(w));
      } else {
        double u8 = Math.exp(logu8);
        double u8cub = Math.pow(u8, 3);
        p = 1.0;
        p = 1 + u8cub * p;
        p = 1 + u8 * u8 * p;
        p = 1 + u8 * p;
        p = w * u * p;
      }
      cdf = p;
      sf = 1 - p;
    } else {
      // v = e^(-2x^2), P = 2v(1 - v^3 (1 - v^5 (1 - v^7 (1 - ...))))
      double v = Math.exp(-2 * x * x);
      double vsq = v * v;
      double v3 = Math.pow(v, 3);
      double p = 1.0;
      p = 1 - v3 * v3 * v * p;
      p = 1 - v3 * vsq * p;
      p = 1 - v3 * p;
      p = 2 * v * p;
      sf = p;
      cdf = 1 - sf;
    }
    return new double[] {Math.min(Math.max(sf, 0), 1), Math.min(Math.max(cdf, 0), 1)};
  }
}
