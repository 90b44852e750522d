package dev.reco.models.als;

import dev.reco.models.linalg.VectorOps;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Factor-matrix operations whose results must not depend on the thread count. */
final class Factors {
  /** Rows per block of the initialisation. */
  static final int INIT_BLOCK = 4096;
  /** Fewest rows per partial Gram matrix; partial sums are added in block order. */
  static final int GRAM_BLOCK = 2048;
  /** Most partial Gram matrices, and most floats they may hold together (128 MiB). */
  static final int MAX_GRAM_BLOCKS = 128;
  static final int MAX_GRAM_FLOATS = 32 << 20;

  static final long USER_SALT = 0x5EED_0F_05E25L;
  static final long ITEM_SALT = 0x5EED_0F_17E35L;

  private Factors() {}

  /**
   * Fills {@code rows x k} factors with N(0, std^2) values; row {@code r} is drawn from its own
   * generator seeded from {@code (seed, salt, r)}, so the values never depend on threads.
   */
  static void initialise(float[] f, int rows, int k, long seed, long salt, double std,
      BlockRunner runner) {
    int blocks = blocks(rows, INIT_BLOCK);
    runner.run(blocks, (b, w) -> {
      int from = b * INIT_BLOCK;
      int to = Math.min(rows, from + INIT_BLOCK);
      for (int row = from; row < to; row++) {
        SplittableRandom random = new SplittableRandom(rowSeed(seed, salt, row));
        int off = row * k;
        for (int a = 0; a < k; a++) {
          f[off + a] = (float) (random.nextGaussian() * std);
        }
      }
    });
  }

  /** Mixes (seed, salt, row) into a generator seed with the SplitMix64 finaliser. */
  static long rowSeed(long seed, long salt, int row) {
    long z = seed + salt * 0xD1B54A32D192ED03L + (row + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Returns the rows per partial Gram matrix: at least {@link #GRAM_BLOCK}, and enough that the
   * partials stay within {@link #MAX_GRAM_BLOCKS} and {@link #MAX_GRAM_FLOATS}. A function of
   * the shape only, never of the thread count.
   */
  static int gramBlockRows(int rows, int k, int minRows) {
    int maxBlocks = Math.max(1, Math.min(MAX_GRAM_BLOCKS, MAX_GRAM_FLOATS / (k * k)));
    return Math.max(minRows, blocks(rows, maxBlocks));
  }

  /** Scratch for {@link #gram}: one {@code k x k} partial per block of rows. */
  static float[] gramWorkspace(int rows, int k, int minRows) {
    return new float[blocks(rows, gramBlockRows(rows, k, minRows)) * k * k];
  }

  /**
   * Computes {@code F^T F} of {@code rows x k} factors: each block of {@link #gramBlockRows} rows
   * sums its rank-one updates (upper triangle, float) into its own partial, then the partials are
   * added in double in block order and mirrored.
   *
   * @param out receives the full symmetric {@code k x k} matrix in float
   * @param outDouble receives it in double, or null
   */
  static void gram(float[] f, int rows, int k, int minRows, float[] workspace, float[] out,
      double[] outDouble, VectorOps ops, BlockRunner runner) {
    int blockRows = gramBlockRows(rows, k, minRows);
    int blocks = blocks(rows, blockRows);
    int kk = k * k;
    runner.run(blocks, (b, w) -> {
      int base = b * kk;
      Arrays.fill(workspace, base, base + kk, 0f);
      int from = b * blockRows;
      int to = Math.min(rows, from + blockRows);
      for (int row = from; row < to; row++) {
        int off = row * k;
        for (int a = 0; a < k; a++) {
          float xa = f[off + a];
          if (xa != 0f) {
            ops.axpy(xa, f, off + a, workspace, base + a * k + a, k - a);
          }
        }
      }
    });
    double[] sum = outDouble != null ? outDouble : new double[kk];
    Arrays.fill(sum, 0.0);
    for (int b = 0; b < blocks; b++) {
      int base = b * kk;
      for (int a = 0; a < k; a++) {
        for (int c = a; c < k; c++) {
          sum[a * k + c] += workspace[base + a * k + c];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int c = a; c < k; c++) {
        double v = sum[a * k + c];
        sum[c * k + a] = v;
        out[a * k + c] = (float) v;
        out[c * k + a] = (float) v;
      }
    }
  }

  /** Returns {@code ceil(rows / blockSize)}. */
  static int blocks(int rows, int blockSize) {
    return (int) (((long) rows + blockSize - 1) / blockSize);
  }
}
