package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import java.util.Objects;

/** Checks of the training arguments shared by the pointwise trainers. */
final class PointwiseInput {
  private PointwiseInput() {}

  /**
   * Checks shapes and values: {@code rows >= 1}, exactly {@code rows * schema.size()} features and
   * {@code rows} labels, every feature finite and not the schema's missing sentinel (Smile 2.6
   * cannot learn from missing values), every label finite.
   */
  static void check(FeatureSchema schema, float[] features, int rows, float[] labels) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (rows < 1) {
      throw new IllegalArgumentException("rows = " + rows + "; expected rows >= 1");
    }
    int d = schema.size();
    long expected = (long) rows * d;
    if (features.length != expected) {
      throw new IllegalArgumentException(
          "features.length = " + features.length + "; expected rows (" + rows + ") * features ("
              + d + ") = " + expected);
    }
    if (labels.length != rows) {
      throw new IllegalArgumentException(
          "labels.length = " + labels.length + "; expected one label per row = " + rows);
    }
    for (int i = 0; i < features.length; i++) {
      float v = features[i];
      if (!Float.isFinite(v) || schema.isMissing(v)) {
        int row = i / d;
        int f = i % d;
        throw new IllegalArgumentException(
            "features[row " + row + ", '" + schema.name(f) + "'] = " + v
                + "; expected a finite value that is not missing (Smile 2.6 cannot train on"
                + " missing values: impute or drop them first)");
      }
    }
    for (int r = 0; r < rows; r++) {
      if (!Float.isFinite(labels[r])) {
        throw new IllegalArgumentException(
            "labels[" + r + "] = " + labels[r] + "; expected a finite label");
      }
    }
  }

  /**
   * Checks that every label is 0 or 1 and that both occur, and returns them as ints.
   */
  static int[] binaryLabels(float[] labels, int rows) {
    int[] y = new int[rows];
    int ones = 0;
    for (int r = 0; r < rows; r++) {
      float v = labels[r];
      if (v == 0f) {
        y[r] = 0;
      } else if (v == 1f) {
        y[r] = 1;
        ones++;
      } else {
        throw new IllegalArgumentException(
            "labels[" + r + "] = " + v + "; expected 0 or 1 for a binary (logistic) objective");
      }
    }
    if (ones == 0 || ones == rows) {
      throw new IllegalArgumentException(
          "labels are all " + (ones == 0 ? 0 : 1) + " (" + rows + " rows); expected both 0 and 1"
              + " for a binary (logistic) objective");
    }
    return y;
  }

  /** Returns column {@code f} of the row-major features, widened to double. */
  static double[] column(float[] features, int rows, int d, int f) {
    double[] col = new double[rows];
    for (int r = 0; r < rows; r++) {
      col[r] = features[r * d + f];
    }
    return col;
  }
}
