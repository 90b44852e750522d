package dev.reco.features.transform;

import java.util.List;

/** A {@link FeatureStep} that reads one column, {@link #input()}. */
public interface SingleInputStep extends FeatureStep {
  /** Returns the name of the column the step reads. */
  String input();

  /** Returns {@code [input()]}. */
  @Override
  default List<String> inputs() {
    return List.of(input());
  }
}
