package dev.reco.monitoring.drift;

import java.util.Objects;

/** Argument checks shared by the drift tests; every message names the value and the expectation. */
final class Checks {
  private Checks() {}

  static void alpha(double alpha) {
    if (!(alpha > 0.0 && alpha <= 1.0)) {
      throw new IllegalArgumentException("alpha = " + alpha + "; expected 0 < alpha <= 1");
    }
  }

  static void threshold(double threshold) {
    if (!(threshold >= 0.0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "threshold = " + threshold + "; expected a finite threshold >= 0");
    }
  }

  /** Rejects infinite values; {@code NaN} is allowed and means "missing". */
  static void finiteOrMissing(String name, double[] values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw infinite(name, i, values[i]);
      }
    }
  }

  static IllegalArgumentException infinite(String name, int index, double value) {
    return new IllegalArgumentException(name + "[" + index + "] = " + value
        + "; expected a finite value, or NaN for a missing one");
  }

  /**
   * Copies the non-missing values of {@code values} and sorts them.
   *
   * @throws IllegalArgumentException on an infinite value
   */
  static double[] sortedPresent(String name, double[] values) {
    Objects.requireNonNull(values, name);
    double[] present = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (v != v) {
        continue;
      }
      if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
        throw infinite(name, i, v);
      }
      present[n++] = v;
    }
    double[] sorted = n == present.length ? present : java.util.Arrays.copyOf(present, n);
    java.util.Arrays.sort(sorted);
    return sorted;
  }
}
