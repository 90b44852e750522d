package dev.reco.core.format;

/**
 * Thrown when an intact envelope holds a different kind of artifact than the reader expects, for
 * example a {@link FormatType#MATRIX_FACTORIZATION} model given to the interactions reader.
 */
public final class WrongFormatTypeException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final FormatType expected;
  private final FormatType found;

  WrongFormatTypeException(String message, FormatType expected, FormatType found) {
    super(message);
    this.expected = expected;
    this.found = found;
  }

  /** Returns the type the reader asked for. */
  public FormatType expected() {
    return expected;
  }

  /** Returns the type stored in the envelope. */
  public FormatType found() {
    return found;
  }
}
