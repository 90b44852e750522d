package dev.reco.core.serving;

import dev.reco.core.RecoException;
import java.util.Objects;

/**
 * Thrown when a {@link LiveModel} cannot load its first model, so it has nothing to serve. Later
 * failed loads do not throw: the serving model stays and the failure is reported through
 * {@link LiveModel#status()} and the listener.
 */
public final class LiveModelException extends RecoException {
  private static final long serialVersionUID = 1L;

  private final transient LoadFailure failure;

  LiveModelException(LoadFailure failure) {
    super("cannot start serving: " + failure.message(), failure.cause());
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /**
   * Returns what failed.
   *
   * @return the failure, with the stage and the cause
   */
  public LoadFailure failure() {
    return failure;
  }
}
