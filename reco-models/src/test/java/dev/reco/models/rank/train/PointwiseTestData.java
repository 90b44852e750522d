package dev.reco.models.rank.train;

import java.util.SplittableRandom;

/**
 * Seeded synthetic pointwise data with a known signal: {@code d} features uniform in [-1, 1]
 * (rounded to float), a label that depends on the first five features and ignores the rest.
 */
final class PointwiseTestData {
  final int rows;
  final int features;
  final float[] x;
  final float[] y;
  /** The noise-free signal of each row (the regression target's mean, the logit of the class). */
  final double[] signal;

  private PointwiseTestData(int rows, int features) {
    this.rows = rows;
    this.features = features;
    this.x = new float[rows * features];
    this.y = new float[rows];
    this.signal = new double[rows];
  }

  /** The planted function: additive, non-linear and one interaction. */
  static double signal(float[] x, int off) {
    return 2.0 * x[off] + Math.sin(3.0 * x[off + 1]) + 1.5 * x[off + 2] * x[off + 3]
        + (x[off + 4] > 0.25f ? 1.0 : -0.5);
  }

  /** Continuous labels: signal plus Gaussian noise of standard deviation {@code noise}. */
  static PointwiseTestData regression(int rows, int features, double noise, long seed) {
    PointwiseTestData data = fill(rows, features, seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    for (int r = 0; r < rows; r++) {
      data.y[r] = (float) (data.signal[r] + noise * gaussian(random));
    }
    return data;
  }

  /** Labels 0/1 drawn with probability sigmoid(2 * (signal - 0.25)). */
  static PointwiseTestData binary(int rows, int features, long seed) {
    PointwiseTestData data = fill(rows, features, seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    for (int r = 0; r < rows; r++) {
      double p = 1.0 / (1.0 + Math.exp(-2.0 * (data.signal[r] - 0.25)));
      data.y[r] = random.nextDouble() < p ? 1f : 0f;
    }
    return data;
  }

  private static PointwiseTestData fill(int rows, int features, long seed) {
    PointwiseTestData data = new PointwiseTestData(rows, features);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < data.x.length; i++) {
      data.x[i] = (float) (random.nextDouble() * 2.0 - 1.0);
    }
    for (int r = 0; r < rows; r++) {
      data.signal[r] = signal(data.x, r * features);
    }
    return data;
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2.0 * Math.PI * v);
  }

  int[] intLabels() {
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = (int) y[r];
    }
    return labels;
  }

  double[] doubleLabels() {
    double[] labels = new double[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = y[r];
    }
    return labels;
  }
}
