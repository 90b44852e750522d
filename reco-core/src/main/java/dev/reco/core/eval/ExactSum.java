package dev.reco.core.eval;

import java.util.Arrays;

/**
 * An exactly rounded running sum of doubles: the value is the sum of every added number, computed
 * exactly and rounded once (round half to even), so it does not depend on the order of additions
 * or on how partial sums were merged.
 *
 * <p>Algorithm: Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates" (1997): the exact sum is kept as a list of non-overlapping partials in increasing
 * magnitude, updated with error-free two-sums; the final rounding follows the same algorithm as
 * Python's {@code math.fsum}. A few partials suffice in practice, so an addition costs a few
 * nanoseconds and allocates nothing once the list has grown.
 *
 * <p>Single writer: not thread-safe.
 */
final class ExactSum {
  private double[] partials = new double[8];
  private int size;

  /** Adds a finite value; the caller has checked finiteness. */
  void add(double x) {
    double[] p = partials;
    int i = 0;
    for (int j = 0; j < size; j++) {
      double y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) {
        p[i++] = lo;
      }
      x = hi;
    }
    if (Double.isInfinite(x)) {
      throw new ArithmeticException("sum overflows to " + x + "; expected a sum within double range");
    }
    if (i == p.length) {
      partials = p = Arrays.copyOf(p, 2 * p.length);
    }
    p[i] = x;
    size = i + 1;
  }

  /** Adds every partial of another sum: the result is the exact sum of both. */
  void addAll(ExactSum other) {
    double[] copy = Arrays.copyOf(other.partials, other.size);
    for (double x : copy) {
      add(x);
    }
  }

  /** Returns the exact sum rounded to the nearest double. */
  double value() {
    int n = size;
    if (n == 0) {
      return 0.0;
    }
    double[] p = partials;
    double hi = p[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) {
        break;
      }
    }
    // Round half to even when the rest of the partials push the tie one way.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) {
        hi = x;
      }
    }
    return hi;
  }

  /** Returns the exactly rounded sum of an array range. */
  static double sum(double[] values, int from, int to) {
    ExactSum s = new ExactSum();
    for (int i = from; i < to; i++) {
      s.add(values[i]);
    }
    return s.value();
  }
}
