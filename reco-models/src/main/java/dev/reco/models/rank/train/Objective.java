package dev.reco.models.rank.train;

/** Per-row first and second derivatives of a boosting loss at the current scores. */
interface Objective {
  /** Overwrites {@code grad} and {@code hess} with the derivatives at {@code scores}. */
  void compute(double[] scores, double[] grad, double[] hess);

  /**
   * Pointwise squared error {@code (s - label)^2 / 2}: {@code grad = s - label}, {@code hess = 1}.
   * The baseline LambdaMART is compared with: the same trees, fitted to the labels row by row.
   */
  static Objective squaredError(float[] labels) {
    return (scores, grad, hess) -> {
      for (int r = 0; r < scores.length; r++) {
        grad[r] = scores[r] - labels[r];
        hess[r] = 1.0;
      }
    };
  }
}
