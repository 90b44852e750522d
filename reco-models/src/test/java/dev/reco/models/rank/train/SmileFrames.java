package dev.reco.models.rank.train;

import smile.data.DataFrame;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/** Builds Smile data frames of test rows with the column names the trainers use. */
final class SmileFrames {
  private SmileFrames() {}

  /** Rows as a frame of {@code x0..x(d-1)} doubles and a label column (0, unused by predict). */
  static DataFrame frame(float[] x, int rows, int d, boolean intLabel) {
    BaseVector<?, ?, ?>[] vectors = new BaseVector<?, ?, ?>[d + 1];
    for (int f = 0; f < d; f++) {
      vectors[f] = DoubleVector.of(SmileGradientBoosting.column(f),
          PointwiseInput.column(x, rows, d, f));
    }
    vectors[d] = intLabel ? IntVector.of("label", new int[rows])
        : DoubleVector.of("label", new double[rows]);
    return DataFrame.of(vectors);
  }
}
