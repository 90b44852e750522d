package dev.reco.models.mf;

/**
 * Receives progress from a trainer, on the thread that called {@code fit}, after every
 * iteration. Implementations should return quickly; an exception thrown here aborts training.
 */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores every report. */
  TrainingListener NONE = report -> { };

  /**
   * Called after each iteration.
   *
   * @param report the iteration's numbers
   */
  void onIteration(IterationReport report);
}
