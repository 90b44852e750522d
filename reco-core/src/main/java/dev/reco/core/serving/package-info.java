/**
 * Serving models from a {@link dev.reco.core.registry.ModelRegistry} in process:
 * {@link dev.reco.core.serving.LiveModel} follows an alias such as {@code champion}, loads each
 * new target in the background, checks it, swaps it in atomically and releases the old model only
 * after the calls that use it have finished. Semantics are described in {@code docs/live-model.md}.
 */
package dev.reco.core.serving;
