/**
 * Experiment tracking: runs with parameters, metrics over steps, tags, artifacts and a status,
 * kept in memory or in a directory ({@link dev.reco.core.tracking.ExperimentTracker}). A model
 * version in a {@link dev.reco.core.registry.ModelRegistry} names the run that produced it
 * ({@link dev.reco.core.registry.VersionMetadata#sourceRunId()}), and
 * {@link dev.reco.core.tracking.ExperimentTracker#sourceRun} resolves that lineage.
 *
 * <p>The directory layout and the file formats are described in {@code docs/tracking.md}.
 */
package dev.reco.core.tracking;
