/**
 * reco's core data model: {@link dev.reco.core.IdIndex} maps external ids to dense ints,
 * {@link dev.reco.core.Interactions} holds user–item events in primitive columns, and
 * {@link dev.reco.core.CsrMatrix} gives compressed sparse row views of them.
 *
 * <p>Related packages: {@code dev.reco.core.io} (loaders), {@code dev.reco.core.split}
 * (leakage-safe splits), {@code dev.reco.core.format} (binary envelope and provenance),
 * {@code dev.reco.core.synth} (synthetic data).
 */
package dev.reco.core;
