package dev.reco.monitoring.drift;

/**
 * What a {@link KsBackend} returns: the two-sample KS statistic and its p-value.
 *
 * @param statistic {@code D = sup |F(x) - G(x)|}, in {@code [0, 1]}
 * @param pValue the p-value, in {@code [0, 1]}, or {@code NaN} if the backend computes none
 */
public record KsOutcome(double statistic, double pValue) {

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException if {@code statistic} is outside {@code [0, 1]} or
   *     {@code pValue} is outside {@code [0, 1]} and not {@code NaN}
   */
  public KsOutcome {
    if (!(statistic >= 0.0 && statistic <= 1.0)) {
      throw new IllegalArgumentException("statistic = " + statistic + "; expected 0 <= D <= 1");
    }
    if (!Double.isNaN(pValue) && !(pValue >= 0.0 && pValue <= 1.0)) {
      throw new IllegalArgumentException("pValue = " + pValue + "; expected 0 <= p <= 1 or NaN");
    }
  }
}
