package dev.reco.core;

/**
 * Root of the exceptions reco throws for its own failure modes (bad files, bad state of a
 * stored artifact). Argument and state errors use the standard {@link IllegalArgumentException}
 * and {@link IllegalStateException}; every message names the parameter, the value and what was
 * expected.
 */
public class RecoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the value and what was expected
   */
  public RecoException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the value and what was expected
   * @param cause the underlying failure
   */
  public RecoException(String message, Throwable cause) {
    super(message, cause);
  }
}
