package dev.reco.models.mf;

import java.time.Duration;
import java.util.Objects;

/**
 * What a trainer reports after each iteration (ALS sweep or SGD epoch).
 *
 * @param iteration 1-based iteration just finished
 * @param iterations iterations configured
 * @param loss the training objective after this iteration (as the trainer's Javadoc defines it)
 * @param validationLoss loss on the validation set, or {@code NaN} without one
 * @param elapsed time since training started
 */
public record IterationReport(int iteration, int iterations, double loss, double validationLoss,
    Duration elapsed) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if {@code iteration} is not in {@code [1, iterations]}
   */
  public IterationReport {
    if (iteration < 1 || iteration > iterations) {
      throw new IllegalArgumentException(
          "iteration = " + iteration + "; expected in [1, " + iterations + "]");
    }
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Returns the fraction of the configured iterations done, in (0, 1]. */
  public double fractionDone() {
    return (double) iteration / iterations;
  }
}
