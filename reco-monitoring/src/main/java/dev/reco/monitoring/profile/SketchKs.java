package dev.reco.monitoring.profile;

import java.util.Objects;

/**
 * Two-sample Kolmogorov-Smirnov comparison of two quantile sketches that accounts for the
 * sketches' own rank error, so that two large samples of one distribution do not false-alarm.
 *
 * <h2>Why a plain KS test on sketches fails</h2>
 *
 * <p>A KLL sketch with {@code k = 200} estimates each CDF value within about {@code 0.013}
 * (99% confidence). Two sketches of {@code 10^6} values each from one distribution differ by
 * about {@code 0.01} to {@code 0.015} somewhere, while the KS critical value at {@code n = m = 10^6} and
 * {@code alpha = 0.05} is {@code 1.358 * sqrt(2 / 10^6) = 0.0019}: a plain KS p-value computed
 * from the sketch estimates flags drift almost every time.
 *
 * <h2>Method</h2>
 *
 * <ol>
 *   <li>{@code D_hat = max_x |F_a(x) - F_b(x)|} over the union of both sketches' retained items,
 *       where {@code F} is the sketch's estimated CDF (weight of retained items {@code <= x}
 *       divided by the count). Both CDFs are step functions that only change at retained items,
 *       so this maximum is their exact sup distance.
 *   <li>Each sketch's estimate is within {@code eps_a}, {@code eps_b} of its data's empirical CDF
 *       at every point (its {@link ColumnSketch#normalizedRankError()}: 0 for an exact sketch,
 *       the KLL bound otherwise). By the triangle inequality the data's own KS distance {@code D}
 *       satisfies {@code |D - D_hat| <= eps = eps_a + eps_b}.
 *   <li>The test uses the conservative {@code D_adj = max(0, D_hat - eps)}: its p-value is the
 *       asymptotic Kolmogorov tail {@code Q(sqrt(n m / (n + m)) D_adj)} with
 *       {@code Q(t) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 t^2)}, and drift is declared when it is
 *       below {@code alpha}. Equivalently {@code D_hat > lambda_alpha sqrt((n + m) / (n m)) + eps}
 *       with {@code Q(lambda_alpha) = alpha} (1.358 for {@code alpha = 0.05}).
 * </ol>
 *
 * <p>Consequences: the false-alarm rate is at most about {@code alpha} plus the chance that a
 * rank-error bound fails (about 1% per sketch), and in practice far lower at large samples. The
 * price is power: shifts whose KS distance is below about {@code eps} (0.027 for two
 * {@code k = 200} sketches, a mean shift of about 0.07 standard deviations for normal data) are not
 * detected however large the samples; raise {@code k} to see smaller ones (error shrinks about as
 * {@code 1/k}). A 0.2 standard-deviation shift (KS distance 0.08) is detected. For exact sketches
 * ({@code eps = 0}) this is the usual asymptotic two-sample KS test.
 *
 * <p>Stateless and thread-safe.
 */
public final class SketchKs {
  /** The default significance level, 0.05. */
  public static final double DEFAULT_ALPHA = 0.05;

  private SketchKs() {}

  /**
   * Compares two sketches at {@link #DEFAULT_ALPHA}.
   *
   * @param reference the reference sketch, not empty
   * @param current the current sketch, not empty
   * @return the result
   * @throws IllegalArgumentException if a sketch is empty
   */
  public static SketchKsResult test(ColumnSketch reference, ColumnSketch current) {
    return test(reference, current, DEFAULT_ALPHA);
  }

  /**
   * Compares two sketches (see the class documentation for the method).
   *
   * @param reference the reference sketch, not empty
   * @param current the current sketch, not empty
   * @param alpha the significance level, in {@code (0, 1)}
   * @return the result
   * @throws IllegalArgumentException if a sketch is empty or {@code alpha} is out of range
   */
  public static SketchKsResult test(ColumnSketch reference, ColumnSketch current, double alpha) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    if (!(alpha > 0.0 && alpha < 1.0)) {
      throw new IllegalArgumentException("alpha = " + alpha + "; expected 0 < alpha < 1");
    }
    if (reference.n() == 0 || current.n() == 0) {
      throw new IllegalArgumentException("reference.n() = " + reference.n() + ", current.n() = "
          + current.n() + "; expected both sketches to hold at least one value");
    }
    double[] a = reference.itemView();
    long[] ca = reference.cumulativeView();
    double[] b = current.itemView();
    long[] cb = current.cumulativeView();
    double n = reference.n();
    double m = current.n();
    double best = 0.0;
    double location = a[0];
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      double x = i == a.length ? b[j] : j == b.length ? a[i] : Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }
      while (j < b.length && b[j] <= x) {
        j++;
      }
      double fa = i == 0 ? 0.0 : ca[i - 1] / n;
      double fb = j == 0 ? 0.0 : cb[j - 1] / m;
      double d = Math.abs(fa - fb);
      if (d > best) {
        best = d;
        location = x;
      }
    }
    double eps = reference.normalizedRankError() + current.normalizedRankError();
    double adjusted = Math.max(0.0, best - eps);
    double scale = Math.sqrt(n * m / (n + m));
    double p = kolmogorovTail(scale * adjusted);
    double raw = kolmogorovTail(scale * best);
    double threshold = inverseKolmogorovTail(alpha) / scale + eps;
    return new SketchKsResult(best, location, eps, adjusted, p, raw, threshold, alpha, p < alpha,
        reference.n(), current.n());
  }

  /**
   * The Kolmogorov distribution's upper tail {@code Q(t) = P(K > t)}: the alternating series
   * {@code 2 sum (-1)^(j-1) exp(-2 j^2 t^2)} for {@code t >= 1}, and
   * {@code 1 - sqrt(2 pi)/t sum exp(-(2j-1)^2 pi^2 / (8 t^2))} below, where each converges fast.
   */
  static double kolmogorovTail(double t) {
    if (!(t > 0.0)) {
      return 1.0;
    }
    if (t >= 1.0) {
      double sum = 0.0;
      for (int j = 1; j <= 100; j++) {
        double term = Math.exp(-2.0 * j * j * t * t);
        sum += (j % 2 == 1) ? term : -term;
        if (term < 1e-300) {
          break;
        }
      }
      return Math.max(0.0, Math.min(1.0, 2.0 * sum));
    }
    double sum = 0.0;
    for (int j = 1; j <= 100; j++) {
      int odd = 2 * j - 1;
      double term = Math.exp(-odd * odd * Math.PI * Math.PI / (8.0 * t * t));
      sum += term;
      if (term < 1e-300 * Math.max(sum, 1e-300) || term == 0.0) {
        break;
      }
    }
    double cdf = Math.sqrt(2.0 * Math.PI) / t * sum;
    return Math.max(0.0, Math.min(1.0, 1.0 - cdf));
  }

  /** The {@code t} with {@code kolmogorovTail(t) = alpha}, by bisection ({@code Q} decreases). */
  static double inverseKolmogorovTail(double alpha) {
    double lo = 0.0;
    double hi = 10.0;
    for (int it = 0; it < 200 && hi - lo > 1e-15; it++) {
      double mid = 0.5 * (lo + hi);
      if (kolmogorovTail(mid) > alpha) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
