package dev.reco.models.linalg;

import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link VectorOpsProviderTest}: prints the name of
 * {@link VectorOps#best()} and a digest of the bits every kernel produces on fixed data.
 */
final class VectorOpsProbe {
  private VectorOpsProbe() {}

  public static void main(String[] args) {
    VectorOps ops = VectorOps.best();
    System.out.println(ops.name() + " " + digest(ops));
  }

  /** Hashes the exact bits of every kernel's output on fixed random floats, with tails. */
  static String digest(VectorOps ops) {
    SplittableRandom random = new SplittableRandom(11);
    int n = 37;
    float[] m = VectorOpsContract.floats(random, 9 * n);
    float[] x = VectorOpsContract.floats(random, n + 3);
    long h = 17;
    h = 31 * h + Float.floatToRawIntBits(ops.dot(m, 5, x, 3, n));
    float[] scores = new float[7];
    ops.scoreRows(m, 1, 7, n, x, 2, scores, 0);
    h = hash(h, scores);
    float[] square = VectorOpsContract.floats(random, 21 * 21);
    float[] y = new float[21];
    ops.matVec(square, x, 1, y, 0, 21);
    h = hash(h, y);
    ops.rankOneUpdate(0.75f, x, 3, square, 21);
    h = hash(h, square);
    ops.axpy(-1.5f, m, 4, x, 1, n);
    h = hash(h, x);
    return Long.toHexString(h);
  }

  private static long hash(long h, float[] values) {
    for (float v : values) {
      h = 31 * h + Float.floatToRawIntBits(v);
    }
    return h;
  }
}
