package dev.reco.models.rank;

import dev.reco.core.recommend.TopK;

/**
 * Scores candidate rows with a learned model: the second stage of a two-stage recommender.
 *
 * <p>A batch is row-major: {@code rows} rows of {@link FeatureSchema#size()} floats each, in the
 * schema's order, missing values as NaN (or the schema's sentinel). The score of row {@code r} is
 * written to {@code scores[r]}; higher is better. Implementations are thread-safe: one instance
 * serves concurrent requests. Those that hold native resources (the ONNX backend) must be closed;
 * closing the native ones is a no-op.
 *
 * <pre>{@code
 * try (Ranker ranker = XgboostJson.read(path, schema)) {
 *   float[] scores = ranker.score(rows, n);
 *   int[] best = Ranker.topK(scores, n, 10);
 * }
 * }</pre>
 */
public interface Ranker extends AutoCloseable {

  /** Returns the features this ranker expects, in row order. */
  FeatureSchema schema();

  /**
   * Scores {@code rows} rows.
   *
   * @param features row-major values, at least {@code rows * schema().size()}
   * @param rows the number of rows, {@code >= 0}
   * @param scores receives one score per row, at least {@code rows} long
   * @throws IllegalArgumentException if an array is too short or {@code rows < 0}
   * @throws IllegalStateException if the ranker has been closed
   */
  void score(float[] features, int rows, float[] scores);

  /**
   * Scores {@code rows} rows into a new array.
   *
   * @param features row-major values, at least {@code rows * schema().size()}
   * @param rows the number of rows, {@code >= 0}
   * @return one score per row
   * @throws IllegalArgumentException if {@code features} is too short or {@code rows < 0}
   */
  default float[] score(float[] features, int rows) {
    float[] scores = new float[Math.max(rows, 0)];
    score(features, rows, scores);
    return scores;
  }

  /**
   * Scores one row.
   *
   * @param row {@code schema().size()} values
   * @return its score
   * @throws IllegalArgumentException if {@code row} is too short
   */
  default float scoreOne(float[] row) {
    float[] out = new float[1];
    score(row, 1, out);
    return out[0];
  }

  /** Releases native resources, if any; the native backends hold none. */
  @Override
  default void close() {}

  /**
   * Returns the indices of the {@code k} best rows of a scored batch, best first: higher score
   * first, the lower row index among equal scores; rows scored NaN are left out. Returns fewer
   * than {@code k} when the batch is smaller.
   *
   * @param scores scores, at least {@code rows} long
   * @param rows the number of scored rows
   * @param k how many to return, {@code >= 1}
   * @return row indices, best first
   * @throws IllegalArgumentException if {@code k < 1}, {@code rows < 0} or {@code scores} is
   *     shorter than {@code rows}
   */
  static int[] topK(float[] scores, int rows, int k) {
    TopK.checkK(k);
    if (rows < 0 || rows > scores.length) {
      throw new IllegalArgumentException(
          "rows = " + rows + "; expected 0 <= rows <= scores.length = " + scores.length);
    }
    TopK top = new TopK(Math.max(1, Math.min(k, rows)));
    for (int r = 0; r < rows; r++) {
      top.offer(r, scores[r]);
    }
    int[] items = new int[top.size()];
    float[] best = new float[top.size()];
    int n = top.drainTo(items, best);
    return n == items.length ? items : java.util.Arrays.copyOf(items, n);
  }
}
