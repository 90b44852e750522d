package dev.reco.core.registry;

import dev.reco.core.store.Names;
import dev.reco.core.store.Sha256;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered version of a model: a snapshot of its record in a {@link ModelRegistry}.
 * Immutable; the artifact itself is read with {@link ModelRegistry#artifact}. Only the status and
 * the tags of a version change after registration, and only through the registry, which then
 * returns a new snapshot.
 *
 * @param model the model name
 * @param version the version number: 1 for a model's first version, then increasing by one per
 *     registration; numbers of deleted versions are never reused
 * @param createdAt when the version was registered, from the registry's clock
 * @param sha256 SHA-256 of the artifact, 64 lower-case hex digits; verified on every read
 * @param size size of the artifact in bytes
 * @param status whether the version is active or archived
 * @param metadata parameters, metrics, tags, provenance, feature schema and source run
 */
public record ModelVersion(
    String model,
    int version,
    Instant createdAt,
    String sha256,
    long size,
    VersionStatus status,
    VersionMetadata metadata) {

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the model name is invalid, {@code version < 1},
   *     {@code size < 0} or {@code sha256} is not 64 lower-case hex digits
   */
  public ModelVersion {
    ModelNames.model(model);
    ModelNames.version(version);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(metadata, "metadata");
    if (!Sha256.isHex(sha256)) {
      throw new IllegalArgumentException("sha256 = " + Names.quote(sha256)
          + "; expected 64 lower-case hex digits");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size = " + size + "; expected size >= 0");
    }
  }

  ModelVersion withStatus(VersionStatus newStatus) {
    return new ModelVersion(model, version, createdAt, sha256, size, newStatus, metadata);
  }

  ModelVersion withMetadata(VersionMetadata newMetadata) {
    return new ModelVersion(model, version, createdAt, sha256, size, status, newMetadata);
  }
}
