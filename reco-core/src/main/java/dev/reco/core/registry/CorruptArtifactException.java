package dev.reco.core.registry;

import dev.reco.core.format.FormatException;
import java.nio.file.Path;

/**
 * Thrown when a stored artifact's bytes do not match the size or SHA-256 recorded when it was
 * registered: the file was damaged or replaced. The registry never returns such bytes; the
 * message names the file, the recorded and the actual size or checksum.
 */
public final class CorruptArtifactException extends FormatException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  CorruptArtifactException(String message, Path file) {
    super(message);
    this.file = file;
  }

  /**
   * Returns the damaged file.
   *
   * @return the file's path, or {@code null} for an artifact that is not stored in a file
   */
  public Path file() {
    return file;
  }
}
