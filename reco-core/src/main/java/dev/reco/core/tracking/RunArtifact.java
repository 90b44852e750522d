package dev.reco.core.tracking;

import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import java.time.Instant;
import java.util.Objects;

/**
 * An artifact stored with a run: its name, size, SHA-256 and when it was logged. The bytes are
 * read with {@link ExperimentTracker#artifact}, which verifies them against this record.
 *
 * @param name the artifact name, unique within the run; 1 to 64 characters from
 *     {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit, not ending with {@code '.'}
 * @param size the number of bytes, {@code >= 0}
 * @param sha256 the SHA-256 of the bytes, 64 lower-case hex digits
 * @param loggedAt when it was logged, from the tracker's clock
 */
public record RunArtifact(String name, long size, String sha256, Instant loggedAt) {
  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the name is invalid, {@code size < 0} or {@code sha256}
   *     is not 64 lower-case hex digits
   */
  public RunArtifact {
    Names.artifactName(name);
    if (size < 0) {
      throw new IllegalArgumentException("size = " + size + "; expected size >= 0");
    }
    Objects.requireNonNull(sha256, "sha256");
    if (!Sha256.isHex(sha256)) {
      throw new IllegalArgumentException("sha256 = " + Names.quote(sha256)
          + "; expected 64 lower-case hex digits");
    }
    Objects.requireNonNull(loggedAt, "loggedAt");
  }
}
