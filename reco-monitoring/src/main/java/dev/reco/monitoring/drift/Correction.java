package dev.reco.monitoring.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * Multiple-testing correction of the p-values of many columns. {@link #adjust(double[])} returns
 * adjusted p-values, each compared with the family's {@code alpha} ({@code adjusted <= alpha});
 * {@code NaN} entries (tests without a p-value) stay {@code NaN} and do not count towards the
 * number of hypotheses {@code m}.
 */
public enum Correction {
  /** No correction: adjusted p-values are the raw ones. */
  NONE,
  /**
   * Bonferroni: {@code min(1, m p_i)}. Controls the family-wise error rate (the chance of any
   * false alarm) at {@code alpha} under any dependence between columns.
   */
  BONFERRONI,
  /**
   * Benjamini-Hochberg step-up: with {@code p_(1) <= ... <= p_(m)},
   * {@code adjusted_(i) = min(1, min over j >= i of m p_(j) / j)}. Rejecting
   * {@code adjusted <= q} rejects the {@code k} smallest p-values for the largest {@code k} with
   * {@code p_(k) <= k q / m}. Controls the false discovery rate (the expected share of false
   * alarms among the flagged columns) at {@code q} for independent or positively dependent
   * tests.
   */
  BENJAMINI_HOCHBERG;

  /**
   * Adjusts p-values.
   *
   * @param pValues raw p-values, each in {@code [0, 1]} or {@code NaN} (not copied, not changed)
   * @return adjusted p-values, aligned with the input, each in {@code [0, 1]} or {@code NaN}
   * @throws IllegalArgumentException if a p-value is outside {@code [0, 1]} and not {@code NaN}
   */
  public double[] adjust(double[] pValues) {
    Objects.requireNonNull(pValues, "pValues");
    int m = 0;
    for (int i = 0; i < pValues.length; i++) {
      double p = pValues[i];
      if (Double.isNaN(p)) {
        continue;
      }
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException(
            "pValues[" + i + "] = " + p + "; expected 0 <= p <= 1 or NaN");
      }
      m++;
    }
    double[] out = pValues.clone();
    switch (this) {
      case NONE:
        return out;
      case BONFERRONI:
        for (int i = 0; i < out.length; i++) {
          if (!Double.isNaN(out[i])) {
            out[i] = Math.min(1.0, m * out[i]);
          }
        }
        return out;
      default:
        return benjaminiHochberg(pValues, m, out);
    }
  }

  private static double[] benjaminiHochberg(double[] pValues, int m, double[] out) {
    // one entry per column, not per row: boxing the indices for a comparator sort is fine here
    Integer[] order = new Integer[m];
    int k = 0;
    for (int i = 0; i < pValues.length; i++) {
      if (!Double.isNaN(pValues[i])) {
        order[k++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      // p * (m / rank) with m / rank >= 1: rounding never takes the result below p
      running = Math.min(running, pValues[i] * ((double) m / rank));
      out[i] = running;
    }
    return out;
  }
}
