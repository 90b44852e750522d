package dev.reco.core.format;

/**
 * Thrown when an envelope's layout version, or the format version of its payload, is outside the
 * range this reader supports: usually a file written by a newer version of reco. Versions start
 * at 1; a reader supports every version from 1 up to its maximum.
 */
public final class UnsupportedFormatVersionException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final long found;
  private final int maxSupported;

  UnsupportedFormatVersionException(String message, long found, int maxSupported) {
    super(message);
    this.found = found;
    this.maxSupported = maxSupported;
  }

  /** Returns the version stored in the file. */
  public long found() {
    return found;
  }

  /** Returns the highest version this reader supports. */
  public int maxSupported() {
    return maxSupported;
  }
}
