package dev.reco.core.registry;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams a model artifact into the registry, so a large model need not be held in memory as one
 * array. The registry computes the size and SHA-256 on the way.
 */
@FunctionalInterface
public interface ArtifactWriter {
  /**
   * Writes the whole artifact. A file-system registry calls this while it holds its write lock:
   * write the bytes and return; do not call back into the registry.
   *
   * @param out the artifact's stream; closing it is allowed but not needed
   * @throws IOException if writing fails; the registration is then abandoned and nothing of it
   *     becomes visible
   */
  void writeTo(OutputStream out) throws IOException;
}
