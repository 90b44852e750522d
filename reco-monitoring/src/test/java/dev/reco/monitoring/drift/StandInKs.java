package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A minimal two-sided KS for the tests of {@link KsDrift}'s plumbing, shaped like
 * {@code dev.reco.monitoring.stats.KolmogorovSmirnov} (a static test returning a result record):
 * exact D by one merge, and the asymptotic Kolmogorov p-value
 * {@code Q(lambda) = 2 sum_k (-1)^(k-1) exp(-2 k^2 lambda^2)}, {@code lambda = D sqrt(n m / (n + m))}.
 * It also checks the inputs {@link KsBackend} promises (finite, sorted, not empty).
 */
final class StandInKs {
  private StandInKs() {}

  /** The result: D and its p-value. */
  record Result(double statistic, double pValue) {}

  static Result test(double[] a, double[] b) {
    assertTrue(a.length > 0 && b.length > 0);
    for (double[] x : new double[][] {a, b}) {
      for (int i = 0; i < x.length; i++) {
        assertTrue(Double.isFinite(x[i]), "finite input");
        assertTrue(i == 0 || x[i - 1] <= x[i], "sorted input");
      }
    }
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }
      while (j < b.length && b[j] <= x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
    }
    double lambda = d * Math.sqrt((double) a.length * b.length / (a.length + b.length));
    double p = 0;
    for (int k = 1; k <= 100; k++) {
      p += 2 * (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * lambda * lambda);
    }
    return new Result(d, Math.min(1.0, Math.max(0.0, lambda == 0 ? 1.0 : p)));
  }
}
