package dev.reco.core.eval;

/**
 * How per-class classification scores are combined, with scikit-learn's meanings of the same
 * names ({@code average='binary' | 'macro' | 'weighted'}).
 */
public enum Average {
  /** Score of the positive class 1 only; labels must be 0 or 1. */
  BINARY,
  /** Unweighted mean over classes. */
  MACRO,
  /** Mean over classes weighted by each class's count among the actual labels (its support). */
  WEIGHTED
}
