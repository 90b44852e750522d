package dev.reco.core.synth;

import java.util.SplittableRandom;

/**
 * The random variates the generator draws, built only on {@link SplittableRandom#nextLong()}
 * (SplitMix64) and {@link StrictMath}, so that a seed gives bit-identical data on every Java 17+
 * JVM, operating system and CPU. No state of its own.
 */
final class Rand {
  private static final double LN2 = 0.6931471805599453;

  private Rand() {}

  /** Returns a uniform double in {@code [0, 1)} with 53 random bits. */
  static double uniform(SplittableRandom rng) {
    return (rng.nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Returns a uniform int in {@code [0, bound)}; the bias is below {@code bound / 2^53}. */
  static int below(SplittableRandom rng, int bound) {
    return (int) (uniform(rng) * bound);
  }

  /** Returns a standard normal variate (Marsaglia's polar method, one of each pair used). */
  static double gaussian(SplittableRandom rng) {
    while (true) {
      double x = 2 * uniform(rng) - 1;
      double y = 2 * uniform(rng) - 1;
      double s = x * x + y * y;
      if (s < 1 && s > 0) {
        return x * Math.sqrt(-2 * StrictMath.log(s) / s);
      }
    }
  }

  /** Returns an exponential variate with the given mean (0 for a mean of 0). */
  static double exponential(SplittableRandom rng, double mean) {
    return -mean * log(1 - uniform(rng));
  }

  /**
   * Returns {@code 1 - exp(-x)} for {@code x >= 0}: a Taylor polynomial below {@code 1e-3}
   * (relative error under {@code 1e-17}), {@link StrictMath#expm1} above.
   */
  static double oneMinusExpNeg(double x) {
    if (x < 1e-3) {
      return x * (1 - x * (1.0 / 2 - x * (1.0 / 6 - x * (1.0 / 24 - x * (1.0 / 120)))));
    }
    return -StrictMath.expm1(-x);
  }

  /**
   * Returns the natural logarithm of a positive finite normal {@code x}, within 4 ulps, in plain
   * double arithmetic (so it is fast and identical on every JVM): {@code x = m 2^e} with
   * {@code m} in {@code [sqrt(1/2), sqrt(2))}, then {@code ln m = 2 atanh(s)}, {@code s = (m -
   * 1) / (m + 1)}, by its odd series up to {@code s^19} ({@code |s| <= 0.172}, so the first
   * omitted term is below {@code 1e-16} relative).
   */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int e = (int) (bits >>> 52) - 1023;
    double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
    if (m > 1.4142135623730951) {
      m *= 0.5;
      e++;
    }
    double s = (m - 1) / (m + 1);
    double s2 = s * s;
    double p = s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11
        + s2 * (1.0 / 13 + s2 * (1.0 / 15 + s2 * (1.0 / 17 + s2 * (1.0 / 19)))))))));
    return e * LN2 + (2 * s + 2 * s * p);
  }

  /** Shuffles {@code a} in place (Fisher–Yates, from the last position down). */
  static void shuffle(SplittableRandom rng, int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = below(rng, i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
