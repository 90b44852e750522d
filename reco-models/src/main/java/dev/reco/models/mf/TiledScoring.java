package dev.reco.models.mf;

import dev.reco.models.linalg.VectorOps;

/**
 * Scores query vectors against every row of a row-major factor matrix, one tile of rows at a
 * time. Single requests and blocks of requests call {@link VectorOps#scoreRows} with exactly the
 * same tile boundaries, so a score never depends on whether it was computed alone or in a block
 * (bit for bit, whatever the kernel's internal order).
 *
 * <p>A tile holds about {@value #TILE_FLOATS} floats (16 KiB: 64 rows at 64 factors), so while a
 * block of 16 queries is scored against it the tile, the query vectors (4 KiB at 64 factors) and
 * the tile's scores (4 KiB) stay together in a 32 KiB first-level cache, and the matrix is read
 * from memory once per block instead of once per query.
 */
final class TiledScoring {
  /** Floats per tile of matrix rows. */
  static final int TILE_FLOATS = 4096;

  private TiledScoring() {}

  /** Returns the rows per tile for vectors of {@code n} factors. */
  static int tileRows(int n) {
    return Math.max(1, TILE_FLOATS / n);
  }

  /**
   * Writes {@code out[r] = dot(matrix row r, x)} for every row {@code r < rows}.
   *
   * @param ops the kernels
   * @param matrix row-major, {@code rows * n} values
   * @param rows rows to score
   * @param n factors per row
   * @param x the query's array
   * @param xOff the query's offset
   * @param out at least {@code rows} scores
   */
  static void scoreAll(VectorOps ops, float[] matrix, int rows, int n, float[] x, int xOff,
      float[] out) {
    int tile = tileRows(n);
    for (int t = 0; t < rows; t += tile) {
      ops.scoreRows(matrix, t, Math.min(tile, rows - t), n, x, xOff, out, t);
    }
  }

  /**
   * Scores {@code count} queries (rows {@code queryRows[j]} of {@code queries}) against every
   * matrix row, tile by tile: {@code out[j][r] = dot(matrix row r, query j)}, bit-identical to
   * {@link #scoreAll} for each query.
   *
   * @param ops the kernels
   * @param matrix row-major, {@code rows * n} values
   * @param rows rows to score
   * @param n factors per row
   * @param queries row-major query vectors
   * @param queryRows the rows of {@code queries} to score
   * @param count how many of {@code queryRows} to use
   * @param out one array of at least {@code rows} scores per query
   */
  static void scoreBlock(VectorOps ops, float[] matrix, int rows, int n, float[] queries,
      int[] queryRows, int count, float[][] out) {
    int tile = tileRows(n);
    for (int t = 0; t < rows; t += tile) {
      int len = Math.min(tile, rows - t);
      for (int j = 0; j < count; j++) {
        ops.scoreRows(matrix, t, len, n, queries, queryRows[j] * n, out[j], t);
      }
    }
  }

  /**
   * Returns the Euclidean norm of every row, {@code sqrt(dot(row, row))} with the square root
   * taken in double.
   *
   * @param ops the kernels
   * @param matrix row-major, {@code rows * n} values
   * @param rows number of rows
   * @param n factors per row
   * @return one norm per row
   */
  static float[] rowNorms(VectorOps ops, float[] matrix, int rows, int n) {
    float[] norms = new float[rows];
    for (int r = 0; r < rows; r++) {
      norms[r] = (float) Math.sqrt(ops.dot(matrix, r * n, matrix, r * n, n));
    }
    return norms;
  }

  /**
   * Turns dot products with row {@code query} into cosine similarities in place:
   * {@code dot / (|query| |row|)}, computed in double, and 0 where either norm is 0.
   *
   * @param dots dot products of rows {@code firstRow .. firstRow + len - 1} with the query, from
   *     index 0; overwritten
   * @param len number of rows
   * @param norms row norms of the whole matrix
   * @param firstRow the row of {@code dots[0]}
   * @param query the query row
   */
  static void toCosine(float[] dots, int len, float[] norms, int firstRow, int query) {
    double nq = norms[query];
    for (int r = 0; r < len; r++) {
      double d = nq * norms[firstRow + r];
      dots[r] = d == 0 ? 0f : (float) (dots[r] / d);
    }
  }
}
