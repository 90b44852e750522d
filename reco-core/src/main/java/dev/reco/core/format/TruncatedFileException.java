package dev.reco.core.format;

/**
 * Thrown when an envelope ends before the length its header declares: the file was cut short
 * (an interrupted copy or download), or a length field in its header is corrupt.
 */
public final class TruncatedFileException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final long actualSize;
  private final long declaredSize;

  TruncatedFileException(String message, long actualSize, long declaredSize) {
    super(message);
    this.actualSize = actualSize;
    this.declaredSize = declaredSize;
  }

  /** Returns the number of bytes that were present. */
  public long actualSize() {
    return actualSize;
  }

  /**
   * Returns the number of bytes the envelope needs, as far as it could be read; for a header cut
   * short this is the header size, and {@code -1} when a declared length exceeds {@code 2^63 - 1}.
   */
  public long declaredSize() {
    return declaredSize;
  }
}
