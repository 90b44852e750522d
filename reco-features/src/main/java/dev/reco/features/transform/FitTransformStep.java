package dev.reco.features.transform;

import dev.reco.features.table.Table;
import java.util.Objects;

/**
 * A {@link FeatureStep} whose transformed <em>training</em> table is not
 * {@code fit(training).transform(training)}: out-of-fold target encoding, for example, encodes
 * each training row with statistics of the other folds so that no row sees its own label, while
 * the fitted step (for new rows) uses all training rows. {@link FeaturePipeline} fits such a step
 * with {@link #fitTransform} and fits the following steps on its {@link Result#training()}.
 */
public interface FitTransformStep extends FeatureStep {
  /**
   * A fitted step and the training table as this step transforms it.
   *
   * @param fitted the fitted step, for new data
   * @param training the training table with the step's outputs added or replaced
   */
  record Result(FittedStep fitted, Table training) {
    /** Checks for nulls. */
    public Result {
      Objects.requireNonNull(fitted, "fitted");
      Objects.requireNonNull(training, "training");
    }
  }

  /**
   * Fits the step and transforms its own training table.
   *
   * @param training the training rows
   * @return the fitted step and the transformed training table (same rows, with every output
   *     column of the fitted step)
   * @throws IllegalArgumentException if an input is missing or has the wrong type, naming it
   */
  Result fitTransform(Table training);

  /** Returns {@code fitTransform(training).fitted()}. */
  @Override
  default FittedStep fit(Table training) {
    return fitTransform(training).fitted();
  }
}
