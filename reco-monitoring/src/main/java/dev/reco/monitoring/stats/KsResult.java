package dev.reco.monitoring.stats;

import java.util.Objects;

/**
 * Outcome of a two-sample Kolmogorov-Smirnov test: the fields of SciPy's {@code KstestResult}
 * plus the method that produced the p-value.
 *
 * @param statistic the statistic D in [0, 1]: {@code max(F_a - F_b)} for
 *     {@link KolmogorovSmirnov.Alternative#GREATER}, {@code max(F_b - F_a)} for
 *     {@link KolmogorovSmirnov.Alternative#LESS}, the larger of the two for two-sided. When the
 *     exact method was attempted it is the lattice value {@code round(D lcm) / lcm}, as SciPy
 *     returns it (it differs from the raw difference of ECDFs only by rounding)
 * @param pValue the p-value in [0, 1]; NaN only in the degenerate case SciPy also returns NaN
 *     (asymptotic two-sided test with one value in each sample, where {@code round(nm/(n+m))} is 0)
 * @param method the method that actually produced {@code pValue}: {@link
 *     KolmogorovSmirnov.Method#EXACT} or {@link KolmogorovSmirnov.Method#ASYMP}, never {@code AUTO};
 *     {@code ASYMP} after a request for {@code EXACT} means the exact computation was out of
 *     reach and the test fell back, as SciPy does with a warning
 * @param statisticLocation the pooled value at which the ECDF difference attains D: the
 *     smallest such value of the first sample, or if none, of the second
 * @param statisticSign +1 when D is {@code max(F_a - F_b)}, -1 when it is {@code max(F_b - F_a)}
 */
public record KsResult(
    double statistic,
    double pValue,
    KolmogorovSmirnov.Method method,
    double statisticLocation,
    int statisticSign) {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if {@code statistic} is outside [0, 1], {@code pValue} is
   *     outside [0, 1] and not NaN, {@code method} is {@code AUTO}, or {@code statisticSign} is
   *     neither +1 nor -1
   * @throws NullPointerException if {@code method} is null
   */
  public KsResult {
    Objects.requireNonNull(method, "method");
    if (!(statistic >= 0 && statistic <= 1)) {
      throw new IllegalArgumentException(
          "statistic = " + statistic + "; expected 0 <= statistic <= 1");
    }
    if (pValue < 0 || pValue > 1) {
      throw new IllegalArgumentException("pValue = " + pValue + "; expected 0 <= pValue <= 1");
    }
    if (method == KolmogorovSmirnov.Method.AUTO) {
      throw new IllegalArgumentException("method = AUTO; expected the method actually used");
    }
    if (statisticSign != 1 && statisticSign != -1) {
      throw new IllegalArgumentException(
          "statisticSign = " + statisticSign + "; expected +1 or -1");
    }
  }
}
