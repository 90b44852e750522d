package dev.reco.core.tracking;

/** Runs the tracker contract against the in-memory tracker. */
class InMemoryExperimentTrackerTest extends ExperimentTrackerContractTest {
  @Override
  protected ExperimentTracker create(TestClock clock) {
    return ExperimentTracker.inMemory(clock);
  }
}
