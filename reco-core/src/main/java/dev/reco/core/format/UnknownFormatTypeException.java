package dev.reco.core.format;

/**
 * Thrown when an envelope's type code is not one of the {@link FormatType} codes this version of
 * reco knows; the file was probably written by a newer version.
 */
public final class UnknownFormatTypeException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final int code;

  UnknownFormatTypeException(String message, int code) {
    super(message);
    this.code = code;
  }

  /** Returns the unknown type code. */
  public int code() {
    return code;
  }
}
