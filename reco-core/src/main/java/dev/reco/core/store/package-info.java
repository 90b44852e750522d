/**
 * Building blocks of the file-backed stores ({@link dev.reco.core.registry.ModelRegistry#open} and
 * {@link dev.reco.core.tracking.ExperimentTracker#open}): name validation, inter-process locks,
 * strict JSON reading, append-only JSON-lines logs with torn-tail recovery, SHA-256, and the
 * file-system steps of crash-safe writes.
 *
 * <p>The classes are public so that the registry and tracker packages share one implementation;
 * they are not a stable API for users and may change in any release.
 */
package dev.reco.core.store;
