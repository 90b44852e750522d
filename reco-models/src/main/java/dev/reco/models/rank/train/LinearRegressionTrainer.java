package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.LinearRanker;
import dev.reco.models.rank.ScoreOutput;
import java.util.Objects;

/**
 * Fits a linear (ridge) regression for continuous labels into a {@link LinearRanker} with
 * {@link ScoreOutput#IDENTITY} output. Pure Java: Smile 2.6.0's {@code OLS} and
 * {@code RidgeRegression} need the native OpenBLAS library, which reco does not ship.
 *
 * <h2>Method</h2>
 * The closed-form ridge solution on centred data, as scikit-learn's {@code Ridge} with
 * {@code fit_intercept=True}: with feature means {@code m}, label mean {@code ȳ} and centred
 * features {@code Xc}, solve {@code (Xcᵀ Xc + λ I) w = Xcᵀ (y - ȳ)} by a Cholesky factorization
 * and set {@code b = ȳ - m · w}. All sums are in double; cost {@code rows * features²} for the
 * Gram matrix, {@code features³ / 3} for the factorization, memory {@code features²} doubles.
 * No randomness: the same data give the same model.
 *
 * <p>Training rows must be complete (no NaN, no infinity, no value equal to the schema's missing
 * sentinel). At scoring time the {@link LinearRanker} treats a missing value as 0.
 */
public final class LinearRegressionTrainer {
  private LinearRegressionTrainer() {}

  /**
   * Fits the model.
   *
   * @param schema the features, in row order
   * @param features row-major values, exactly {@code rows * schema.size()}, all finite and none
   *     equal to the schema's missing sentinel
   * @param rows the number of training rows, {@code >= 1}
   * @param labels one finite label per row
   * @param config the penalty
   * @return an immutable ranker scoring the predicted label
   * @throws IllegalArgumentException if a length does not match {@code rows}, a value is missing
   *     or not finite, or, with {@code lambda = 0}, the features are linearly dependent (naming
   *     the first dependent feature)
   */
  public static LinearRanker fit(
      FeatureSchema schema, float[] features, int rows, float[] labels,
      LinearRegressionConfig config) {
    Objects.requireNonNull(config, "config");
    PointwiseInput.check(schema, features, rows, labels);
    int d = schema.size();
    double[] mean = new double[d];
    double meanY = 0;
    for (int r = 0; r < rows; r++) {
      int off = r * d;
      for (int f = 0; f < d; f++) {
        mean[f] += features[off + f];
      }
      meanY += labels[r];
    }
    for (int f = 0; f < d; f++) {
      mean[f] /= rows;
    }
    meanY /= rows;

    // Gram matrix of the centred features (lower triangle) and the centred cross products.
    double[] gram = new double[d * d];
    double[] rhs = new double[d];
    double[] xc = new double[d];
    for (int r = 0; r < rows; r++) {
      int off = r * d;
      for (int f = 0; f < d; f++) {
        xc[f] = features[off + f] - mean[f];
      }
      double yc = labels[r] - meanY;
      for (int i = 0; i < d; i++) {
        double xi = xc[i];
        rhs[i] += xi * yc;
        int row = i * d;
        for (int j = 0; j <= i; j++) {
          gram[row + j] += xi * xc[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      gram[i * d + i] += config.lambda();
    }
    double[] w = solve(gram, rhs, d, schema, config.lambda());
    double b = meanY;
    for (int f = 0; f < d; f++) {
      b -= mean[f] * w[f];
    }
    return new LinearRanker(schema, w, b, ScoreOutput.IDENTITY);
  }

  /** Solves the symmetric positive definite system (lower triangle of {@code a}) in place. */
  private static double[] solve(double[] a, double[] rhs, int d, FeatureSchema schema,
      double lambda) {
    // Cholesky: a = L Lᵀ, L stored over the lower triangle.
    for (int j = 0; j < d; j++) {
      double diagonal = a[j * d + j];
      double pivot = diagonal;
      for (int k = 0; k < j; k++) {
        pivot -= a[j * d + k] * a[j * d + k];
      }
      // A pivot that cancels to (almost) nothing means feature j is a combination of earlier ones.
      if (!(pivot > 1e-12 * Math.max(diagonal, Double.MIN_NORMAL))) {
        throw new IllegalArgumentException(
            "feature '" + schema.name(j) + "' is constant or a linear combination of earlier"
                + " features (pivot " + pivot + ") with lambda = " + lambda
                + "; expected linearly independent features or lambda > 0");
      }
      double l = Math.sqrt(pivot);
      a[j * d + j] = l;
      for (int i = j + 1; i < d; i++) {
        double s = a[i * d + j];
        for (int k = 0; k < j; k++) {
          s -= a[i * d + k] * a[j * d + k];
        }
        a[i * d + j] = s / l;
      }
    }
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      double s = rhs[i];
      for (int k = 0; k < i; k++) {
        s -= a[i * d + k] * z[k];
      }
      z[i] = s / a[i * d + i];
    }
    double[] w = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < d; k++) {
        s -= a[k * d + i] * w[k];
      }
      w[i] = s / a[i * d + i];
    }
    return w;
  }
}
