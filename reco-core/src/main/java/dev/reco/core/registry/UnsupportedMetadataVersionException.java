package dev.reco.core.registry;

import dev.reco.core.format.FormatException;
import java.nio.file.Path;

/**
 * Thrown when a registry or tracker metadata file (a JSON file or a line of a JSON-lines log)
 * carries a {@code formatVersion} this reader does not support: usually a file written by a newer
 * version of reco. Versions start at 1; a reader supports every version from 1 up to its maximum.
 */
public final class UnsupportedMetadataVersionException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long found;
  private final int maxSupported;

  UnsupportedMetadataVersionException(String message, Path file, long found, int maxSupported) {
    super(message);
    this.file = file;
    this.found = found;
    this.maxSupported = maxSupported;
  }

  /**
   * Returns the file that holds the unsupported version.
   *
   * @return the file's path, or {@code null} when the metadata did not come from a file
   */
  public Path file() {
    return file;
  }

  /**
   * Returns the version stored in the file.
   *
   * @return the stored {@code formatVersion}
   */
  public long found() {
    return found;
  }

  /**
   * Returns the highest version this reader supports.
   *
   * @return the maximum supported {@code formatVersion}
   */
  public int maxSupported() {
    return maxSupported;
  }
}
