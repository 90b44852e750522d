package dev.reco.models.mf;

import java.util.concurrent.CancellationException;

/**
 * A thread-safe flag another thread sets to stop a running {@code fit}. Trainers check it between
 * units of work (at least once per iteration and per block of users or items) and then throw
 * {@link CancellationException}; no partial model is returned.
 */
public final class Cancellation {
  private volatile boolean cancelled;

  /** Creates a flag that is not set. */
  public Cancellation() {}

  /** Requests cancellation. Idempotent. */
  public void cancel() {
    cancelled = true;
  }

  /** Returns whether cancellation was requested. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Throws if cancellation was requested.
   *
   * @param what what was running, for the message
   * @throws CancellationException if cancelled
   */
  public void check(String what) {
    if (cancelled) {
      throw new CancellationException(what + " was cancelled");
    }
  }
}
