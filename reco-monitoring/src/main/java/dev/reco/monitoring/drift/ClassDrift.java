package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * Drift of a classifier's predicted classes: the distribution test and the entropy of the
 * predicted class distribution on both sides.
 *
 * <p>The entropy {@code H = -sum_c s_c log2 s_c} (bits) of the shares {@code s_c} of the
 * predicted classes measures how spread the predictions are: 0 when one class is always
 * predicted, {@code log2 K} when {@code K} classes are predicted equally often. A falling entropy
 * often means the model collapsed onto a few classes; a rising one, that it has become unsure
 * between them. Missing predictions are left out of the shares.
 *
 * @param drift the column's drift (value test and missing-rate test), as in {@link DatasetDrift}
 * @param referenceEntropy entropy of the reference's predicted classes, bits; {@code NaN} if none
 * @param currentEntropy entropy of the current predicted classes, bits; {@code NaN} if none
 * @param entropyChange {@code currentEntropy - referenceEntropy}
 */
public record ClassDrift(
    ColumnDrift drift, double referenceEntropy, double currentEntropy, double entropyChange) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if {@code drift} is null
   */
  public ClassDrift {
    Objects.requireNonNull(drift, "drift");
  }
}
