/**
 * A model registry: named models with numbered, immutable {@link dev.reco.core.registry.ModelVersion
 * versions} (artifact bytes, SHA-256, params, metrics, tags, provenance, feature schema, source run
 * id), aliases such as {@code champion} with an append-only audit log of every change and
 * {@link dev.reco.core.registry.ModelRegistry#rollback rollback} along it, tags on models and
 * versions, and archive or delete refused while an alias points to a version.
 *
 * <p>Two implementations share one contract: {@link dev.reco.core.registry.ModelRegistry#inMemory}
 * for tests and ephemeral use, and {@link dev.reco.core.registry.ModelRegistry#open} for a
 * directory on disk that several threads and processes may use at once. The directory survives a
 * crash at any moment: every change becomes visible through one atomic rename or one forced
 * append, every artifact is checked against its SHA-256 on every load, and writers exclude each
 * other through an inter-process lock. The layout, file formats, locking and recovery rules are
 * documented in {@code docs/registry.md}.
 *
 * <p>Every name that becomes part of a path (models, aliases, run ids, keys) is validated: ASCII
 * letters, digits, {@code . _ -}, bounded length, no path traversal and no Windows device names.
 * Damage is reported by {@link dev.reco.core.format.FormatException} subclasses naming the file:
 * {@link dev.reco.core.registry.CorruptArtifactException},
 * {@link dev.reco.core.registry.MissingFileException} and
 * {@link dev.reco.core.registry.UnsupportedMetadataVersionException}.
 */
package dev.reco.core.registry;
