package dev.reco.monitoring.drift;

import java.util.SplittableRandom;

/** Seeded samples for the tests. */
final class Samples {
  private Samples() {}

  static double[] normal(SplittableRandom random, int n, double mean, double sd) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * random.nextGaussian();
    }
    return x;
  }

  static String[] categories(SplittableRandom random, int n, double[] shares) {
    String[] x = new String[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      int c = 0;
      while (c < shares.length - 1 && u >= shares[c]) {
        u -= shares[c];
        c++;
      }
      x[i] = "c" + c;
    }
    return x;
  }
}
