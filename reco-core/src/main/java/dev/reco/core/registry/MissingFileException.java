package dev.reco.core.registry;

import dev.reco.core.format.FormatException;
import java.nio.file.Path;

/**
 * Thrown when a file that a file-system registry or tracker needs is missing although the entry
 * that owns it is listed: for example a version directory without its {@code artifact.bin} or
 * {@code version.json}. A registry never leaves such a state by itself (it commits every entry
 * with one atomic rename), so this means the directory was changed by hand or damaged. The message
 * names the file.
 */
public final class MissingFileException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  MissingFileException(String message, Path file) {
    super(message);
    this.file = file;
  }

  /**
   * Returns the missing file.
   *
   * @return the file's path
   */
  public Path file() {
    return file;
  }
}
