package dev.reco.models.rank;

import java.util.Arrays;
import java.util.Objects;

/**
 * A linear model: {@code score = output(bias + sum_i w_i x_i)} with identity output (linear
 * regression) or a sigmoid (logistic regression). A missing value (NaN or the schema's sentinel)
 * contributes nothing, as if it were 0; impute upstream when that is not what the model learned.
 * Sums are accumulated in double.
 *
 * <p>Immutable and thread-safe; {@link #close()} is a no-op.
 */
public final class LinearRanker implements Ranker {
  private final FeatureSchema schema;
  private final double[] weights;
  private final double bias;
  private final ScoreOutput output;

  /**
   * Creates a linear model.
   *
   * @param schema the features
   * @param weights one finite weight per feature
   * @param bias the intercept, finite
   * @param output identity (linear) or sigmoid (logistic)
   * @throws IllegalArgumentException if the weight count differs from the schema's size or a
   *     weight or the bias is not finite
   */
  public LinearRanker(FeatureSchema schema, double[] weights, double bias, ScoreOutput output) {
    this.schema = Objects.requireNonNull(schema, "schema");
    if (weights.length != schema.size()) {
      throw new IllegalArgumentException(
          "weights.length = " + weights.length + "; expected one per feature = " + schema.size());
    }
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            "weights[" + i + "] (" + schema.name(i) + ") = " + weights[i] + "; expected a finite value");
      }
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias = " + bias + "; expected a finite value");
    }
    this.weights = weights.clone();
    this.bias = bias;
    this.output = Objects.requireNonNull(output, "output");
  }

  @Override
  public FeatureSchema schema() {
    return schema;
  }

  /** Returns a copy of the weights, one per feature. */
  public double[] weights() {
    return weights.clone();
  }

  /** Returns the intercept. */
  public double bias() {
    return bias;
  }

  /** Returns the output function. */
  public ScoreOutput output() {
    return output;
  }

  @Override
  public void score(float[] features, int rows, float[] scores) {
    schema.checkBatch(features, rows, scores);
    int d = weights.length;
    float sentinel = schema.missingValue();
    for (int r = 0; r < rows; r++) {
      int off = r * d;
      double sum = bias;
      for (int i = 0; i < d; i++) {
        float v = features[off + i];
        if (v == v && v != sentinel) {
          sum += weights[i] * v;
        }
      }
      scores[r] = output.apply(sum, 1.0);
    }
  }

  @Override
  public String toString() {
    return "LinearRanker[" + schema.size() + " features, " + output + ", bias " + bias + ", weights "
        + Arrays.toString(Arrays.copyOf(weights, Math.min(weights.length, 8)))
        + (weights.length > 8 ? "..." : "") + "]";
  }
}
