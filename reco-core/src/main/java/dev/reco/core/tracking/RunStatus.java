package dev.reco.core.tracking;

/** Lifecycle status of an experiment run. A run starts {@link #RUNNING} and ends exactly once. */
public enum RunStatus {
  /** Started and not ended: parameters, metrics and artifacts may still be logged. */
  RUNNING,
  /** Ended normally. */
  FINISHED,
  /** Ended because the work failed. */
  FAILED,
  /** Ended because the work was stopped from outside (cancelled, killed). */
  KILLED;

  /**
   * Tells whether this status ends a run.
   *
   * @return {@code true} for {@link #FINISHED}, {@link #FAILED} and {@link #KILLED}
   */
  public boolean isTerminal() {
    return this != RUNNING;
  }
}
