package dev.reco.features.transform;

import dev.reco.features.table.Table;
import java.util.List;

/**
 * An unfitted transform: a description (type, named inputs and outputs, settings) that learns
 * its parameters from training data in {@link #fit} and returns an immutable {@link FittedStep}.
 * Steps are immutable values; fitting never changes them.
 */
public interface FeatureStep {
  /** Returns the step's type name, the key of its JSON form (e.g. {@code "standard_scale"}). */
  String type();

  /** Returns the names of the columns the step reads. */
  List<String> inputs();

  /**
   * Learns the step's parameters from a training table.
   *
   * @param training the training rows; it holds {@link #inputs()} (and, for supervised steps,
   *     the label column the step names)
   * @return the fitted step
   * @throws IllegalArgumentException if an input is missing or has the wrong type, naming it
   */
  FittedStep fit(Table training);
}
