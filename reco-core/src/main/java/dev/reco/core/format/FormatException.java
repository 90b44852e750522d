package dev.reco.core.format;

import dev.reco.core.RecoException;

/**
 * Thrown when bytes that should hold a reco envelope, or the payload inside one, cannot be read:
 * the subclasses name the failure (not an envelope, truncated, corrupted, wrong type, unsupported
 * version, unknown type). An instance of this class itself means the envelope is intact (its
 * checksum matches) but its content is malformed, for example invalid provenance JSON or a payload
 * that does not follow its format, or that the file size disagrees with its header.
 *
 * <p>Messages name the file (or "in-memory envelope"), the value found and what was expected.
 */
public class FormatException extends RecoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what is wrong, naming the source, the value and what was expected
   */
  public FormatException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what is wrong, naming the source, the value and what was expected
   * @param cause the underlying failure
   */
  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
