package dev.reco.models.rank;

/** The function a model applies to its margin (raw sum) to produce the score it reports. */
public enum ScoreOutput {
  /** score = margin (regression and ranking objectives). */
  IDENTITY,
  /** score = 1 / (1 + exp(-scale * margin)) (binary logistic objectives). */
  SIGMOID;

  /**
   * Applies the function.
   *
   * @param margin the margin
   * @param scale the sigmoid's scale (ignored by {@link #IDENTITY})
   * @return the score, rounded to float
   */
  public float apply(double margin, double scale) {
    return this == IDENTITY ? (float) margin : (float) (1.0 / (1.0 + Math.exp(-scale * margin)));
  }
}
