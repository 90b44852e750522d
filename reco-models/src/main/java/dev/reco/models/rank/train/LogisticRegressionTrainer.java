package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.LinearRanker;
import dev.reco.models.rank.ScoreOutput;
import java.util.Arrays;
import java.util.Objects;
import smile.classification.LogisticRegression;

/**
 * Fits a binary logistic regression with Smile 2.6.0
 * ({@code LogisticRegression.binomial(x, y, lambda, tol, maxIter)}) into a {@link LinearRanker}
 * with {@link ScoreOutput#SIGMOID} output, whose score is the probability of label 1.
 *
 * <p>Smile 2.6.0 stores {@code p + 1} coefficients, the intercept last
 * ({@code w[p]}), and computes the posterior of label 1 as
 * {@code 1 / (1 + exp(-(w[p] + sum_i x_i w_i)))}, summing in feature order from the intercept:
 * the {@link LinearRanker} (bias first, then feature by feature, in double) computes the same sum,
 * so its probabilities equal Smile's up to the final rounding to float.
 *
 * <p>Training rows must be complete (no NaN, no infinity, no value equal to the schema's missing
 * sentinel). At scoring time the {@link LinearRanker} treats a missing value as contributing
 * nothing, i.e. as 0: impute upstream when 0 is not a sensible value for a feature.
 *
 * <p>The fit has no randomness. Smile sums the log-likelihood with a parallel stream on the common
 * {@code ForkJoinPool}; the weights may therefore differ in the last bits between machines with a
 * different number of cores.
 */
public final class LogisticRegressionTrainer {
  private LogisticRegressionTrainer() {}

  /**
   * Fits the model.
   *
   * @param schema the features, in row order
   * @param features row-major values, exactly {@code rows * schema.size()}, all finite and none
   *     equal to the schema's missing sentinel
   * @param rows the number of training rows, {@code >= 1}
   * @param labels one label per row, each 0 or 1, both present
   * @param config the fit settings
   * @return an immutable ranker scoring the probability of label 1
   * @throws IllegalArgumentException if a length does not match {@code rows}, a feature is missing
   *     or not finite, or a label is not 0 or 1, naming the value
   */
  public static LinearRanker fit(
      FeatureSchema schema, float[] features, int rows, float[] labels,
      LogisticRegressionConfig config) {
    return toRanker(train(schema, features, rows, labels, config), schema);
  }

  static LogisticRegression.Binomial train(
      FeatureSchema schema, float[] features, int rows, float[] labels,
      LogisticRegressionConfig config) {
    Objects.requireNonNull(config, "config");
    PointwiseInput.check(schema, features, rows, labels);
    int[] y = PointwiseInput.binaryLabels(labels, rows);
    int d = schema.size();
    double[][] x = new double[rows][d];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < d; f++) {
        x[r][f] = features[r * d + f];
      }
    }
    return LogisticRegression.binomial(x, y, config.lambda(), config.tolerance(),
        config.maxIterations());
  }

  /** Reads Smile's coefficients: weights {@code w[0..p-1]}, intercept {@code w[p]}. */
  static LinearRanker toRanker(LogisticRegression.Binomial model, FeatureSchema schema) {
    double[] w = model.coefficients();
    int p = schema.size();
    if (w.length != p + 1) {
      throw new IllegalStateException(
          "Smile returned " + w.length + " coefficients; expected features + intercept = "
              + (p + 1));
    }
    return new LinearRanker(schema, Arrays.copyOf(w, p), w[p], ScoreOutput.SIGMOID);
  }
}
