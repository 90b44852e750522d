package dev.reco.monitoring.stats;

import java.util.Objects;

/**
 * The two-sample Kolmogorov-Smirnov test with the semantics of SciPy 1.10's
 * {@code scipy.stats.ks_2samp}: same statistic (ties included), same exact and asymptotic
 * p-values, same automatic choice and the same fall-back from exact to asymptotic.
 *
 * <p>The statistic compares the empirical CDFs {@code F_a} and {@code F_b}, both evaluated at every
 * pooled value {@code t} as the share of values {@code <= t} (so tied values move both ECDFs at
 * once and never create a spurious difference). Both samples are sorted as primitive copies (a
 * radix sort on the bit patterns from 4,096 values, a comparison sort below) and then walked once
 * together: {@code O(n + m)} time for large samples, {@code O(n + m)} extra memory, no boxing.
 * The inputs are not modified.
 *
 * <p>Values are compared numerically: {@code -0.0} equals {@code 0.0}, and infinities are
 * ordinary (extreme) values. NaN is rejected rather than dropped or ordered, so that missing
 * values are counted by the caller, never silently ignored.
 *
 * <p>The class is stateless and thread-safe. See {@code docs/drift-ks.md} for the algorithms and
 * their accuracy against SciPy.
 */
public final class KolmogorovSmirnov {
  /** Largest sample size for which {@link Method#AUTO} chooses the exact method (SciPy's). */
  public static final int MAX_AUTO_EXACT_N = 10_000;

  /** Alternative hypothesis, named as in SciPy ({@code F} is the CDF of a, {@code G} of b). */
  public enum Alternative {
    /** {@code F != G}; D is {@code max |F_a - F_b|}. */
    TWO_SIDED,
    /** {@code F < G} somewhere (a tends to be larger); D is {@code max(F_b - F_a)}. */
    LESS,
    /** {@code F > G} somewhere (a tends to be smaller); D is {@code max(F_a - F_b)}. */
    GREATER
  }

  /** How the p-value is computed. */
  public enum Method {
    /**
     * Exact null distribution by lattice-path counting, SciPy's algorithms. Falls back to
     * {@link #ASYMP} (reported in {@link KsResult#method()}) when {@code lcm(n, m)} reaches
     * {@code 2^31 - 1} or the computation overflows, which for one-sided tests with unequal sizes
     * happens once {@code C(n + m, n)} exceeds the double range.
     */
    EXACT,
    /**
     * Asymptotic: two-sided uses the finite-n two-sided one-sample distribution
     * {@code kstwo(round(nm / (n + m)))}; one-sided uses Hodges' approximation
     * {@code exp(-2 z^2 - 2 z (M + 2N) / (3 sqrt(M N (M + N))))}, {@code z = D sqrt(MN/(M+N))},
     * {@code M >= N} the larger and smaller size.
     */
    ASYMP,
    /** {@link #EXACT} when {@code max(n, m) <= 10 000}, else {@link #ASYMP}. */
    AUTO
  }

  private KolmogorovSmirnov() {}

  /**
   * Two-sided test with automatic method choice.
   *
   * @param a first sample, no NaN, at least one value
   * @param b second sample, no NaN, at least one value
   * @return statistic, p-value, method used, location and sign of the statistic
   * @throws IllegalArgumentException if a sample is empty or contains NaN (the message names the
   *     sample and the first NaN index)
   * @throws NullPointerException if a sample is null
   */
  public static KsResult test(double[] a, double[] b) {
    return test(a, b, Alternative.TWO_SIDED, Method.AUTO);
  }

  /**
   * Two-sample Kolmogorov-Smirnov test, {@code scipy.stats.ks_2samp(a, b, alternative, method)}.
   *
   * @param a first sample, no NaN, at least one value; not modified
   * @param b second sample, no NaN, at least one value; not modified
   * @param alternative the alternative hypothesis
   * @param method how to compute the p-value; {@link KsResult#method()} says which was used
   * @return statistic, p-value, method used, location and sign of the statistic
   * @throws IllegalArgumentException if a sample is empty or contains NaN (the message names the
   *     sample and the first NaN index)
   * @throws NullPointerException if an argument is null
   */
  public static KsResult test(double[] a, double[] b, Alternative alternative, Method method) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(alternative, "alternative");
    Objects.requireNonNull(method, "method");
    double[] x = sortedCopy(a, "a");
    double[] y = sortedCopy(b, "b");
    Statistic s = statistic(x, y, alternative);
    return pValue(s, x.length, y.length, alternative, method);
  }

  /**
   * Two-sample test on samples that are already sorted ascending; skips the copy and sort.
   *
   * @param sortedA first sample in ascending order ({@code -0.0} and {@code 0.0} in any order),
   *     no NaN, at least one value; not modified
   * @param sortedB second sample, likewise
   * @param alternative the alternative hypothesis
   * @param method how to compute the p-value
   * @return as {@link #test(double[], double[], Alternative, Method)}
   * @throws IllegalArgumentException if a sample is empty, contains NaN or is not sorted
   * @throws NullPointerException if an argument is null
   */
  public static KsResult testSorted(
      double[] sortedA, double[] sortedB, Alternative alternative, Method method) {
    Objects.requireNonNull(sortedA, "sortedA");
    Objects.requireNonNull(sortedB, "sortedB");
    Objects.requireNonNull(alternative, "alternative");
    Objects.requireNonNull(method, "method");
    checkSorted(sortedA, "sortedA");
    checkSorted(sortedB, "sortedB");
    Statistic s = statistic(sortedA, sortedB, alternative);
    return pValue(s, sortedA.length, sortedB.length, alternative, method);
  }

  private static double[] sortedCopy(double[] values, String name) {
    if (values.length == 0) {
      throw new IllegalArgumentException(
          name + " is empty (length 0); expected at least one value");
    }
    double[] copy = DoubleSort.sortedCopy(values);
    if (copy == null) {
      throw nanError(values, name);
    }
    return copy;
  }

  private static void checkSorted(double[] values, String name) {
    if (values.length == 0) {
      throw new IllegalArgumentException(
          name + " is empty (length 0); expected at least one value");
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw nanError(values, name);
      }
      if (i > 0 && values[i] < values[i - 1]) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " < " + name
            + "[" + (i - 1) + "] = " + values[i - 1] + "; expected ascending order");
      }
    }
  }

  private static IllegalArgumentException nanError(double[] values, String name) {
    int first = -1;
    int count = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        if (first < 0) {
          first = i;
        }
        count++;
      }
    }
    return new IllegalArgumentException(name + "[" + first + "] = NaN (" + count
        + " NaN value(s) in " + name + "); expected no NaN: count missing values separately"
        + " and test the present ones");
  }

  /** The statistic before any lattice rounding, with its location and sign. */
  record Statistic(double d, double location, int sign) {}

  /**
   * One merge pass over both sorted samples: at each distinct pooled value t, the ECDF difference
   * {@code k_a(t)/n - k_b(t)/m} with counts of values {@code <= t}. Max and min are located as
   * numpy's argmax/argmin over the concatenation (sorted a, sorted b) would: the first occurrence,
   * so a value of a is preferred to an equal-valued position in b.
   */
  static Statistic statistic(double[] x, double[] y, Alternative alternative) {
    int n1 = x.length;
    int n2 = y.length;
    double dn1 = n1;
    double dn2 = n2;
    double maxS = Double.NEGATIVE_INFINITY;
    double minS = Double.POSITIVE_INFINITY;
    double maxLocA = 0;
    double maxLocB = 0;
    double minLocA = 0;
    double minLocB = 0;
    boolean maxHasA = false;
    boolean maxHasB = false;
    boolean minHasA = false;
    boolean minHasB = false;
    int i = 0;
    int j = 0;
    while (i < n1 || j < n2) {
      double v = (j >= n2 || (i < n1 && x[i] <= y[j])) ? x[i] : y[j];
      boolean inA = false;
      boolean inB = false;
      while (i < n1 && x[i] == v) {
        i++;
        inA = true;
      }
      while (j < n2 && y[j] == v) {
        j++;
        inB = true;
      }
      double diff = i / dn1 - j / dn2;
      if (diff > maxS) {
        maxS = diff;
        maxHasA = inA;
        maxHasB = inB;
        maxLocA = v;
        maxLocB = v;
      } else if (diff == maxS) {
        if (!maxHasA && inA) {
          maxHasA = true;
          maxLocA = v;
        }
        if (!maxHasB && inB) {
          maxHasB = true;
          maxLocB = v;
        }
      }
      if (diff < minS) {
        minS = diff;
        minHasA = inA;
        minHasB = inB;
        minLocA = v;
        minLocB = v;
      } else if (diff == minS) {
        if (!minHasA && inA) {
          minHasA = true;
          minLocA = v;
        }
        if (!minHasB && inB) {
          minHasB = true;
          minLocB = v;
        }
      }
    }
    double maxLoc = maxHasA ? maxLocA : maxLocB;
    double minLoc = minHasA ? minLocA : minLocB;
    double minStat = Math.min(Math.max(-minS, 0.0), 1.0);
    if (alternative == Alternative.LESS
        || (alternative == Alternative.TWO_SIDED && minStat > maxS)) {
      return new Statistic(minStat, minLoc, -1);
    }
    return new Statistic(maxS, maxLoc, 1);
  }

  static KsResult pValue(Statistic s, int n1, int n2, Alternative alternative, Method method) {
    double d = s.d();
    long g = gcd(n1, n2);
    long n1g = n1 / g;
    long n2g = n2 / g;
    Method mode = method;
    if (mode == Method.AUTO) {
      mode = Math.max(n1, n2) <= MAX_AUTO_EXACT_N ? Method.EXACT : Method.ASYMP;
    } else if (mode == Method.EXACT) {
      // lcm(n1, n2) too big for the lattice: SciPy switches to asymp (with a warning)
      if (n1g >= Integer.MAX_VALUE / (double) n2g) {
        mode = Method.ASYMP;
      }
    }
    double prob = Double.NEGATIVE_INFINITY;
    if (mode == Method.EXACT) {
      long lcm = n1g * n2;
      long h = (long) Math.rint(d * lcm);
      d = h * 1.0 / lcm;
      prob = KsExact.pValue(n1, n2, g, h, alternative == Alternative.TWO_SIDED);
      if (Double.isNaN(prob)) {
        mode = Method.ASYMP; // SciPy: "Exact calculation unsuccessful. Switching to asymp."
      }
    }
    if (mode == Method.ASYMP) {
      double m = Math.max(n1, n2);
      double n = Math.min(n1, n2);
      double en = m * n / (m + n);
      if (alternative == Alternative.TWO_SIDED) {
        prob = Kolmogn.kolmogn((long) Math.rint(en), d, false);
      } else {
        double z = Math.sqrt(en) * d;
        // Hodges (1958) eq. 5.3; needs m the larger size
        double expt = -2 * (z * z) - 2 * z * (m + 2 * n) / Math.sqrt(m * n * (m + n)) / 3.0;
        prob = Math.exp(expt);
      }
    }
    if (!Double.isNaN(prob)) {
      prob = Math.min(Math.max(prob, 0.0), 1.0);
    }
    return new KsResult(d, prob, mode, s.location(), s.sign());
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
