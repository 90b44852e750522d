package dev.reco.models.rank;

/**
 * The matrix-factorization scorer as a ranker: each row holds a user vector then an item vector,
 * {@code 2 * factors} values ({@code u0 .. u(k-1), v0 .. v(k-1)}), optionally followed by one bias
 * column, and its score is {@code u · v (+ bias)}, accumulated in double. Missing values count as
 * 0. Rows are filled from a {@link dev.reco.models.mf.MatrixFactorizationModel}'s factors by the
 * caller, so the candidate stage and the ranking stage can share a model, and the scorer can be
 * exported to ONNX.
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
