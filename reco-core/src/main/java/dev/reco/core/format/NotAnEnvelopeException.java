package dev.reco.core.format;

/**
 * Thrown when bytes do not start with the reco envelope magic: the file is some other kind of
 * file, or its first bytes were overwritten.
 */
public final class NotAnEnvelopeException extends FormatException {
  private static final long serialVersionUID = 1L;

  NotAnEnvelopeException(String message) {
    super(message);
  }
}
