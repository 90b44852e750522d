package dev.reco.monitoring.stats;

/**
 * Replays the sample generator of {@code tools/fixtures/ks_fixtures.py} bit for bit: a 64-bit LCG
 * with Knuth's MMIX constants, {@code u = (state >>> 11) * 2^-53}, and only correctly rounded
 * {@code +}, {@code *} and {@code floor} on top, so Python and Java build identical doubles.
 */
final class LcgSamples {
  private static final long MUL = 6364136223846793005L;
  private static final long INC = 1442695040888963407L;

  private LcgSamples() {}

  static double[] uniforms(long seed, int count) {
    double[] u = new double[count];
    long s = seed;
    for (int i = 0; i < count; i++) {
      s = s * MUL + INC;
      u[i] = (s >>> 11) * 0x1p-53;
    }
    return u;
  }

  static double[] generate(long seed, int n, String kind, double scale, double shift, int levels) {
    double[] out = new double[n];
    switch (kind) {
      case "triangular" -> {
        double[] u = uniforms(seed, 2 * n);
        for (int i = 0; i < n; i++) {
          out[i] = (u[2 * i] + u[2 * i + 1]) * scale + shift;
        }
      }
      case "uniform" -> {
        double[] u = uniforms(seed, n);
        for (int i = 0; i < n; i++) {
          out[i] = u[i] * scale + shift;
        }
      }
      case "square" -> {
        double[] u = uniforms(seed, n);
        for (int i = 0; i < n; i++) {
          out[i] = (u[i] * u[i]) * scale + shift;
        }
      }
      case "levels" -> {
        double[] u = uniforms(seed, n);
        for (int i = 0; i < n; i++) {
          out[i] = Math.floor(u[i] * levels) * scale + shift;
        }
      }
      default -> throw new IllegalArgumentException("kind = " + kind);
    }
    return out;
  }
}
