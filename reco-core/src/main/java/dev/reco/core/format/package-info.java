/**
 * reco's binary formats: one {@link dev.reco.core.format.Envelope} (magic, type tag, versions,
 * {@link dev.reco.core.format.Provenance} JSON, payload, SHA-256) that every stored artifact
 * uses, written atomically through {@link dev.reco.core.format.AtomicFiles}, and the first format
 * on it, {@link dev.reco.core.format.InteractionsFormat}.
 *
 * <p>Readers accept every released version and fail with a named
 * {@link dev.reco.core.format.FormatException} subclass on anything else: not an envelope,
 * truncated, corrupted, wrong type, unknown type, unsupported version. No Java serialization and
 * no class names are ever stored. The byte-level layout is documented in {@code docs/formats.md}.
 */
package dev.reco.core.format;
