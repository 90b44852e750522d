package dev.reco.core.format;

/**
 * Thrown when the SHA-256 stored at the end of an envelope differs from the SHA-256 of the bytes
 * before it: the file is corrupted. Nothing in the provenance or payload has been parsed when this
 * is thrown.
 */
public final class ChecksumMismatchException extends FormatException {
  private static final long serialVersionUID = 1L;

  ChecksumMismatchException(String message) {
    super(message);
  }
}
