package dev.reco.core.eval;

/**
 * How a relevance grade becomes a gain in DCG. With binary relevance (no grades) every relevant
 * item has grade 1 and both forms give gain 1.
 */
public enum Gain {
  /** Gain equals the grade: {@code gain(g) = g}. The default, and scikit-learn's {@code ndcg_score}. */
  LINEAR,
  /** Gain {@code 2^g - 1} (Burges et al. 2005), which rewards high grades more strongly. */
  EXPONENTIAL;

  /**
   * Returns the gain of a grade.
   *
   * @param grade a relevance grade, {@code > 0} for relevant items
   * @return the gain
   */
  public double of(double grade) {
    return this == LINEAR ? grade : Math.pow(2.0, grade) - 1.0;
  }
}
