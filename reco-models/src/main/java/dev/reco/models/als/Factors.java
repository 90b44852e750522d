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

  /** Rows per transposed tile inside a Gram block. */
  static final int GRAM_TILE = 128;

  /**
   * Computes {@code F^T F} of {@code rows x k} factors: each block of {@link #gramBlockRows} rows
   * sums into its own partial (upper triangle, float), tile by tile: a tile of up to
   * {@link #GRAM_TILE} rows is transposed into {@code k} columns, and entry {@code (a, c)} gains
   * the dot product of columns {@code a} and {@code c} (one {@code scoreRows} call per
   * {@code a}). The partials are then added in double in block order and mirrored.
   *
   * @param out receives the full symmetric {@code k x k} matrix in float
   * @param outDouble receives it in double, or null
   */
  static void gram(float[] f, int rows, int k, int minRows, float[] workspace, float[] out,
      double[] outDouble, VectorOps ops, BlockRunner runner) {
    int blockRows = gramBlockRows(rows, k, minRows);
    int blocks = blocks(rows, blockRows);
    int kk = k * k;
    float[][] tiles = new float[runner.workers()][];
    float[][] dots = new float[runner.workers()][];
    runner.run(blocks, (b, w) -> {
      if (tiles[w] == null) {
        tiles[w] = new float[GRAM_TILE * k];
        dots[w] = new float[k];
      }
      float[] tile = tiles[w];
      float[] d = dots[w];
      int base = b * kk;
      Arrays.fill(workspace, base, base + kk, 0f);
      int to = Math.min(rows, (b + 1) * blockRows);
      for (int from = b * blockRows; from < to; from += GRAM_TILE) {
        int len = Math.min(GRAM_TILE, to - from);
        for (int r = 0; r < len; r++) {
          int off = (from + r) * k;
          for (int a = 0; a < k; a++) {
            tile[a * len + r] = f[off + a];
          }
        }
        for (int a = 0; a < k; a++) {
          ops.scoreRows(tile, a, k - a, len, tile, a * len, d, 0);
          int row = base + a * k + a;
          for (int c = 0; c < k - a; c++) {
            workspace[row + c] += d[c];
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

  /**
   * Rotates every row in place into the eigenbasis {@code V} (columns are the basis vectors):
   * {@code x <- V^T x}. Applied to both sides, the model {@code X Y^T} and the regularization
   * terms are unchanged (V is orthogonal), and the Gram matrix of the side {@code V} came from
   * becomes diagonal. Costs {@code 2 k^2} per row.
   *
   * @param f row-major factors
   * @param rows number of rows
   * @param k factors per row
   * @param v row-major {@code k x k} orthogonal matrix (float)
   */
  static void rotate(float[] f, int rows, int k, float[] v, VectorOps ops, BlockRunner runner) {
    float[][] tmp = new float[runner.workers()][k];
    runner.run(blocks(rows, INIT_BLOCK), (b, w) -> {
      float[] t = tmp[w];
      int to = Math.min(rows, (b + 1) * INIT_BLOCK);
      for (int row = b * INIT_BLOCK; row < to; row++) {
        ops.transposedMatVec(v, f, row * k, t, 0, k);
        System.arraycopy(t, 0, f, row * k, k);
      }
    });
  }

  /** Returns {@code ceil(rows / blockSize)}. */
  static int blocks(int rows, int blockSize) {
    return (int) (((long) rows + blockSize - 1) / blockSize);
  }
}
