package dev.reco.models.svd;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fills factor rows with N(mean, std²) values. Each row has its own generator, seeded from
 * (seed, stream, row), so rows can be filled in any order or in parallel with identical results.
 * Uses Marsaglia's polar method with {@link StrictMath#log} so the values are the same on every
 * JVM and platform.
 */
final class GaussianInit {
  private GaussianInit() {}

  /**
   * Fills rows {@code [from, to)} of a row-major matrix with {@code k} columns.
   *
   * @param out the matrix
   * @param from first row
   * @param to end row (exclusive)
   * @param k columns
   * @param mean mean
   * @param std standard deviation, {@code >= 0}
   * @param seed the fit's seed
   * @param stream {@link Seeds#USER_INIT} or {@link Seeds#ITEM_INIT}
   */
  static void fill(float[] out, int from, int to, int k, double mean, double std, long seed,
      long stream) {
    for (int row = from; row < to; row++) {
      int off = row * k;
      if (std == 0) {
        Arrays.fill(out, off, off + k, (float) mean);
        continue;
      }
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, stream, row));
      double[] pair = new double[2];
      for (int f = 0; f < k; f += 2) {
        pair(random, pair);
        out[off + f] = (float) (mean + std * pair[0]);
        if (f + 1 < k) {
          out[off + f + 1] = (float) (mean + std * pair[1]);
        }
      }
    }
  }

  /**
   * Draws two independent standard normal values (Marsaglia's polar method).
   *
   * @param random the generator
   * @param out receives the two values
   */
  static void pair(SplittableRandom random, double[] out) {
    double x;
    double y;
    double s;
    do {
      x = 2 * random.nextDouble() - 1;
      y = 2 * random.nextDouble() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s == 0);
    double scale = Math.sqrt(-2 * StrictMath.log(s) / s);
    out[0] = x * scale;
    out[1] = y * scale;
  }
}
