package dev.reco.models.mf;

import dev.reco.core.Interactions;
import java.util.Objects;

/**
 * How to run a trainer, as opposed to what to learn (the trainer's config): worker threads,
 * progress listener, cancellation, and an optional validation set for early stopping. None of
 * these changes the fitted model, except that early stopping may stop before the configured
 * iterations: the same data, config and seed give bit-identical factors for any thread count.
 *
 * @param threads worker threads, {@code >= 1}
 * @param listener progress reports after every iteration
 * @param cancellation a flag checked between units of work
 * @param validation held-out interactions sharing the training data's indexes, or {@code null}
 * @param patience with a validation set: stop after this many iterations without improvement of
 *     the validation loss and keep the best iteration's factors; {@code 0} disables early stopping
 */
public record FitOptions(int threads, TrainingListener listener, Cancellation cancellation,
    Interactions validation, int patience) {

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if {@code threads < 1}, {@code patience < 0}, or a patience
   *     is given without a validation set
   */
  public FitOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + "; expected threads >= 1");
    }
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancellation, "cancellation");
    if (patience < 0) {
      throw new IllegalArgumentException("patience = " + patience + "; expected patience >= 0");
    }
    if (patience > 0 && validation == null) {
      throw new IllegalArgumentException(
          "patience = " + patience + " needs a validation set; call withValidation(...) too");
    }
  }

  /** Returns one thread, no listener, a fresh cancellation flag, no validation. */
  public static FitOptions defaults() {
    return new FitOptions(1, TrainingListener.NONE, new Cancellation(), null, 0);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads {@code >= 1}
   * @return the copy
   */
  public FitOptions withThreads(int threads) {
    return new FitOptions(threads, listener, cancellation, validation, patience);
  }

  /**
   * Returns a copy with another listener.
   *
   * @param listener the listener
   * @return the copy
   */
  public FitOptions withListener(TrainingListener listener) {
    return new FitOptions(threads, listener, cancellation, validation, patience);
  }

  /**
   * Returns a copy with another cancellation flag.
   *
   * @param cancellation the flag
   * @return the copy
   */
  public FitOptions withCancellation(Cancellation cancellation) {
    return new FitOptions(threads, listener, cancellation, validation, patience);
  }

  /**
   * Returns a copy that reports validation loss on {@code validation} and stops early after
   * {@code patience} iterations without improvement (0: report only).
   *
   * @param validation held-out interactions sharing the training data's indexes
   * @param patience iterations without improvement before stopping, {@code >= 0}
   * @return the copy
   */
  public FitOptions withValidation(Interactions validation, int patience) {
    return new FitOptions(threads, listener, cancellation,
        Objects.requireNonNull(validation, "validation"), patience);
  }
}
