package dev.reco.core.registry;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores versions of named models with their artifacts and metadata, aliases that say which
 * version serves (for example {@code champion}, {@code challenger}), tags, and an append-only
 * audit log of every alias change with rollback. Implementations are thread-safe.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.open(Path.of("/var/lib/reco/registry"), Clock.systemUTC());
 * ModelVersion v = registry.register("als", bytes, VersionMetadata.builder()
 *     .param("factors", "64").metric("ndcg_at_10", 0.41).sourceRunId(run.id()).build());
 * registry.setAlias("als", "champion", v.version(), "deploy-job", "ndcg +3% offline");
 * byte[] served = registry.artifact("als", registry.versionByAlias("als", "champion").orElseThrow().version());
 * registry.rollback("als", "champion", "alice", "CTR dropped");   // back to the previous champion
 * }</pre>
 *
 * <p><b>Names.</b> Model names, aliases and keys are ASCII: 1 to 64 characters (keys: 128) from
 * {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit (aliases: a letter), not ending with
 * {@code '.'}, not a Windows device name ({@code CON}, {@code nul.txt}, ...). A new model name may
 * not differ from an existing one only in case. The alias {@code latest} is reserved: it resolves
 * to the highest {@link VersionStatus#ACTIVE ACTIVE} version and cannot be set. Every method
 * rejects an invalid name with {@link IllegalArgumentException} naming it, lookups included.
 *
 * <p><b>Versions.</b> Numbers start at 1 and increase by one per registration of the same model;
 * a number is never reused, even after its version is deleted. The artifact's SHA-256 is recorded
 * at registration and verified on every read: a damaged artifact raises
 * {@link CorruptArtifactException} and never yields different bytes.
 *
 * <p><b>Aliases.</b> An alias points to one active version. A version that an alias points to
 * cannot be archived or deleted (the refusal names the alias). Every set, move, delete and
 * rollback of an alias appends an {@link AliasEvent} to the model's audit log.
 * {@link #rollback} undoes alias changes one at a time, like an undo stack: the first rollback
 * returns the alias to the version it pointed to before its last change, the next one to the
 * version before that, and so on.
 *
 * <p><b>Errors.</b> Lookups that return {@link Optional} are empty when the model, version or
 * alias does not exist; other operations throw {@link NotFoundException}. Storage failures throw
 * {@link UncheckedIOException}; damaged or hand-edited storage throws a
 * {@link dev.reco.core.format.FormatException} subclass naming the file and field.
 */
public interface ModelRegistry {
  /**
   * Creates an empty registry held in memory, for tests and ephemeral use.
   *
   * @param clock source of creation and event times (a {@link java.time.Clock} works)
   * @return a new, empty, thread-safe registry
   */
  static ModelRegistry inMemory(InstantSource clock) {
    return new InMemoryModelRegistry(clock);
  }

  /**
   * Opens the registry stored in a directory, creating it if the directory is missing or empty.
   * Waits up to 60 seconds for the write lock when another process or thread is writing.
   *
   * @param root the registry directory; its layout is described in {@code docs/registry.md}
   * @param clock source of creation and event times
   * @return the registry; thread-safe, and safe to share the directory with other processes
   * @throws IllegalArgumentException if {@code root} is a non-empty directory that is not a
   *     registry, or not a directory
   * @throws UnsupportedMetadataVersionException if the registry was written by a newer layout
   * @throws UncheckedIOException if the directory cannot be read or created
   */
  static ModelRegistry open(Path root, InstantSource clock) {
    return open(root, clock, Duration.ofSeconds(60));
  }

  /**
   * Opens the registry stored in a directory, like {@link #open(Path, InstantSource)}, with a
   * given wait for the write lock.
   *
   * @param root the registry directory
   * @param clock source of creation and event times
   * @param lockTimeout how long a change waits for the write lock before failing; positive
   * @return the registry
   * @throws IllegalArgumentException if {@code lockTimeout} is not positive, or as in
   *     {@link #open(Path, InstantSource)}
   * @throws UnsupportedMetadataVersionException if the registry was written by a newer layout
   * @throws UncheckedIOException if the directory cannot be read or created
   */
  static ModelRegistry open(Path root, InstantSource clock, Duration lockTimeout) {
    return FileSystemModelRegistry.open(root, clock, lockTimeout);
  }

  /**
   * Registers a new version of a model, creating the model on its first version. The new version
   * is {@link VersionStatus#ACTIVE}; its number is one more than the highest ever allocated for
   * the model. Atomic: on failure no trace of the version is visible.
   *
   * @param model the model name
   * @param artifact the artifact bytes (copied)
   * @param metadata parameters, metrics, tags, provenance, feature schema and source run
   * @return the new version
   * @throws IllegalArgumentException if the name is invalid or differs only in case from an
   *     existing model
   * @throws UncheckedIOException if the artifact cannot be stored
   */
  ModelVersion register(String model, byte[] artifact, VersionMetadata metadata);

  /**
   * Registers a new version of a model whose artifact is streamed by a writer, like
   * {@link #register(String, byte[], VersionMetadata)}.
   *
   * @param model the model name
   * @param artifact writes the artifact; if it throws, nothing is registered
   * @param metadata parameters, metrics, tags, provenance, feature schema and source run
   * @return the new version
   * @throws IllegalArgumentException if the name is invalid or differs only in case from an
   *     existing model
   * @throws UncheckedIOException if the writer throws an {@link java.io.IOException} or the
   *     artifact cannot be stored
   */
  ModelVersion register(String model, ArtifactWriter artifact, VersionMetadata metadata);

  /**
   * Lists the models.
   *
   * @return model names in ascending order
   */
  List<String> models();

  /**
   * Looks up a model.
   *
   * @param model the model name
   * @return its tags and aliases, or empty if it does not exist
   */
  Optional<RegisteredModel> model(String model);

  /**
   * Lists a model's versions, archived ones included.
   *
   * @param model the model name
   * @return the versions in ascending order of number
   * @throws NotFoundException if the model does not exist
   */
  List<ModelVersion> versions(String model);

  /**
   * Looks up a version.
   *
   * @param model the model name
   * @param version the version number, {@code >= 1}
   * @return the version, or empty if the model or version does not exist (or was deleted)
   */
  Optional<ModelVersion> version(String model, int version);

  /**
   * Resolves an alias. {@code latest} resolves to the highest active version.
   *
   * @param model the model name
   * @param alias the alias
   * @return the version it points to, or empty if the model does not exist or the alias is not
   *     set
   */
  Optional<ModelVersion> versionByAlias(String model, String alias);

  /**
   * Lists the versions, of every model, produced by an experiment run (lineage).
   *
   * @param runId the run id recorded as {@link VersionMetadata#sourceRunId()}
   * @return the versions, ordered by model name then version number
   */
  List<ModelVersion> versionsFromRun(String runId);

  /**
   * Reads a version's artifact and verifies its size and SHA-256 against the recorded ones.
   *
   * @param model the model name
   * @param version the version number
   * @return a new array with the artifact bytes
   * @throws NotFoundException if the model or version does not exist
   * @throws CorruptArtifactException if the bytes do not match the recorded size or checksum
   * @throws MissingFileException if the artifact file of a listed version is missing
   * @throws IllegalStateException if the artifact is too large for one array (use
   *     {@link #openArtifact})
   */
  byte[] artifact(String model, int version);

  /**
   * Opens a version's artifact as a stream that verifies the recorded size and SHA-256 as it is
   * read. The read that would deliver the last byte of a damaged artifact throws
   * {@link CorruptArtifactException} instead, so a reader that consumes the whole artifact never
   * completes on wrong bytes. The caller closes the stream.
   *
   * @param model the model name
   * @param version the version number
   * @return the stream
   * @throws NotFoundException if the model or version does not exist
   * @throws CorruptArtifactException if the stored size already differs from the recorded one
   * @throws MissingFileException if the artifact file of a listed version is missing
   */
  InputStream openArtifact(String model, int version);

  /**
   * Returns a model's aliases.
   *
   * @param model the model name
   * @return each alias and the version it points to, in alias order
   * @throws NotFoundException if the model does not exist
   */
  Map<String, Integer> aliases(String model);

  /**
   * Points an alias at a version, creating the alias or moving it, and records the change.
   *
   * @param model the model name
   * @param alias the alias; not {@code latest}
   * @param version the target, an existing {@link VersionStatus#ACTIVE ACTIVE} version
   * @param actor who makes the change; not blank, at most 256 chars
   * @param reason why, at most 4096 chars (may be empty)
   * @return the recorded event, or empty if the alias already pointed to {@code version} (then
   *     nothing is recorded)
   * @throws NotFoundException if the model or version does not exist
   * @throws IllegalStateException if the version is archived
   */
  Optional<AliasEvent> setAlias(String model, String alias, int version, String actor,
      String reason);

  /**
   * Deletes an alias and records the change.
   *
   * @param model the model name
   * @param alias the alias
   * @param actor who makes the change
   * @param reason why
   * @return the recorded event
   * @throws NotFoundException if the model does not exist or the alias is not set
   */
  AliasEvent deleteAlias(String model, String alias, String actor, String reason);

  /**
   * Moves an alias back to the version it pointed to before its last change that has not been
   * rolled back yet (undo), and records that as a {@link AliasEvent.Action#ROLLBACK} event. A
   * deleted alias is restored to the version it had before the deletion.
   *
   * @param model the model name
   * @param alias the alias
   * @param actor who makes the change
   * @param reason why
   * @return the recorded event
   * @throws NotFoundException if the model does not exist
   * @throws IllegalStateException if the alias has no earlier target in its history, or the
   *     earlier target has since been deleted or archived; nothing is changed then
   */
  AliasEvent rollback(String model, String alias, String actor, String reason);

  /**
   * Returns a model's audit log.
   *
   * @param model the model name
   * @return every alias event of the model, oldest first (sequence 1, 2, ...)
   * @throws NotFoundException if the model does not exist
   */
  List<AliasEvent> auditLog(String model);

  /**
   * Sets a tag on a model, replacing an earlier value.
   *
   * @param model the model name
   * @param key the tag key
   * @param value the value, at most 8192 chars
   * @return the model after the change
   * @throws NotFoundException if the model does not exist
   */
  RegisteredModel setModelTag(String model, String key, String value);

  /**
   * Removes a tag from a model; does nothing if the tag is not set.
   *
   * @param model the model name
   * @param key the tag key
   * @return the model after the change
   * @throws NotFoundException if the model does not exist
   */
  RegisteredModel removeModelTag(String model, String key);

  /**
   * Sets a tag on a version, replacing an earlier value.
   *
   * @param model the model name
   * @param version the version number
   * @param key the tag key
   * @param value the value, at most 8192 chars
   * @return the version after the change
   * @throws NotFoundException if the model or version does not exist
   */
  ModelVersion setVersionTag(String model, int version, String key, String value);

  /**
   * Removes a tag from a version; does nothing if the tag is not set.
   *
   * @param model the model name
   * @param version the version number
   * @param key the tag key
   * @return the version after the change
   * @throws NotFoundException if the model or version does not exist
   */
  ModelVersion removeVersionTag(String model, int version, String key);

  /**
   * Archives a version: it stays listed and loadable but no alias may point to it and
   * {@code latest} skips it. Does nothing if it is already archived.
   *
   * @param model the model name
   * @param version the version number
   * @return the version after the change
   * @throws NotFoundException if the model or version does not exist
   * @throws IllegalStateException if an alias points to the version (the message names it)
   */
  ModelVersion archive(String model, int version);

  /**
   * Makes an archived version active again. Does nothing if it is already active.
   *
   * @param model the model name
   * @param version the version number
   * @return the version after the change
   * @throws NotFoundException if the model or version does not exist
   */
  ModelVersion restore(String model, int version);

  /**
   * Deletes a version and its artifact. Its number is not reused. Its alias events stay in the
   * audit log.
   *
   * @param model the model name
   * @param version the version number
   * @throws NotFoundException if the model or version does not exist
   * @throws IllegalStateException if an alias points to the version (the message names it)
   */
  void deleteVersion(String model, int version);
}
