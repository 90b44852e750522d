package dev.reco.models.rank;

import dev.reco.models.mf.MatrixFactorizationModel;
import java.util.Objects;

/**
 * The matrix-factorization scorer as a ranker: each row holds a user vector then an item vector,
 * {@code 2 * factors} values ({@code u0 .. u(k-1), v0 .. v(k-1)}), optionally followed by one bias
 * column, and its score is {@code u · v (+ bias)}, accumulated in double. Missing values count as
 * 0. {@link #forModel} and {@link #rows} fill rows from a {@link MatrixFactorizationModel}'s
 * factors (with the item bias as the bias column when the model has biases), so a candidate
 * stage and a ranking stage can share one model and the scorer can be exported to ONNX; the
 * scores are then the model's ranking scores {@code b_i + p_u · q_i}.
 *
 * <p>Immutable and thread-safe; {@link #close()} is a no-op.
 */
public final class DotProductRanker implements Ranker {
  private final FeatureSchema schema;
  private final int factors;
  private final boolean bias;

  /**
   * Creates a dot-product scorer.
   *
   * @param factors the vector length {@code k}, {@code >= 1}
   * @param bias whether rows carry a trailing bias column added to the dot product
   * @throws IllegalArgumentException if {@code factors < 1}
   */
  public DotProductRanker(int factors, boolean bias) {
    if (factors < 1) {
      throw new IllegalArgumentException("factors = " + factors + "; expected factors >= 1");
    }
    String[] names = new String[2 * factors + (bias ? 1 : 0)];
    for (int i = 0; i < factors; i++) {
      names[i] = "u" + i;
      names[factors + i] = "v" + i;
    }
    if (bias) {
      names[2 * factors] = "bias";
    }
    this.schema = FeatureSchema.of(names);
    this.factors = factors;
    this.bias = bias;
  }

  /**
   * Returns the scorer for a factor model: {@code factors()} long vectors, with a bias column
   * when the model has biases.
   *
   * @param model the model
   * @return the scorer
   */
  public static DotProductRanker forModel(MatrixFactorizationModel model) {
    return new DotProductRanker(model.factors(), model.hasBiases());
  }

  /**
   * Fills one row per candidate item for a user of {@code model}: the user's vector, the item's
   * vector, and the item's bias when this scorer has a bias column.
   *
   * @param model a model with {@link #factors()} factors
   * @param user a user index of the model
   * @param items item indexes of the model
   * @return {@code items.length} rows, row-major
   * @throws IllegalArgumentException if the model's factor count differs from this scorer's, or
   *     the bias columns do not match
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float[] rows(MatrixFactorizationModel model, int user, int[] items) {
    Objects.requireNonNull(model, "model");
    if (model.factors() != factors || model.hasBiases() != bias) {
      throw new IllegalArgumentException(
          "model has " + model.factors() + " factors" + (model.hasBiases() ? " and biases" : "")
              + "; expected " + factors + " factors" + (bias ? " and biases" : " and no biases"));
    }
    int d = schema.size();
    float[] out = new float[items.length * d];
    float[] u = model.userVector(user);
    float[] itemBias = bias ? model.itemBiases() : null;
    for (int r = 0; r < items.length; r++) {
      System.arraycopy(u, 0, out, r * d, factors);
      System.arraycopy(model.itemVector(items[r]), 0, out, r * d + factors, factors);
      if (bias) {
        out[r * d + 2 * factors] = itemBias[items[r]];
      }
    }
    return out;
  }

  @Override
  public FeatureSchema schema() {
    return schema;
  }

  /** Returns the vector length {@code k}. */
  public int factors() {
    return factors;
  }

  /** Returns whether rows carry a trailing bias column. */
  public boolean hasBias() {
    return bias;
  }

  @Override
  public void score(float[] features, int rows, float[] scores) {
    schema.checkBatch(features, rows, scores);
    int d = schema.size();
    for (int r = 0; r < rows; r++) {
      int off = r * d;
      double sum = 0;
      for (int i = 0; i < factors; i++) {
        double p = (double) features[off + i] * features[off + factors + i];
        if (p == p) {
          sum += p;
        }
      }
      if (bias) {
        float b = features[off + 2 * factors];
        if (b == b) {
          sum += b;
        }
      }
      scores[r] = (float) sum;
    }
  }

  @Override
  public String toString() {
    return "DotProductRanker[factors " + factors + (bias ? ", bias" : "") + "]";
  }
}
