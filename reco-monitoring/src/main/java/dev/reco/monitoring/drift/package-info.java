/**
 * Column-level and dataset-level drift tests: is the current data still distributed like the
 * reference data a model learned from?
 *
 * <p>Column tests: {@link dev.reco.monitoring.drift.Psi} (population stability index with frozen
 * bins, an epsilon policy and a chi-square significance test),
 * {@link dev.reco.monitoring.drift.ChiSquare} (test of homogeneity with Cramér's V),
 * {@link dev.reco.monitoring.drift.JensenShannon} (distance, base 2),
 * {@link dev.reco.monitoring.drift.Wasserstein} (earth mover's distance, optionally in reference
 * standard deviations, optional permutation p-value) and
 * {@link dev.reco.monitoring.drift.KsDrift} (Kolmogorov-Smirnov through a
 * {@link dev.reco.monitoring.drift.KsBackend}). Each returns a
 * {@link dev.reco.monitoring.drift.DriftResult}: statistic, p-value, effect size, thresholds and
 * a {@link dev.reco.monitoring.drift.Verdict} that requires both significance and an effect size
 * at or above its threshold, so that a million rows do not turn a negligible shift into an alarm.
 *
 * <p>Missing values ({@code NaN}, {@code null}) are counted and kept out of every statistic; the
 * change of their share is tested by {@link dev.reco.monitoring.drift.MissingRate}.
 * {@link dev.reco.monitoring.drift.ColumnTestRule} picks a test per column type and sample size;
 * {@link dev.reco.monitoring.drift.DatasetDrift} tests every column of a
 * {@link dev.reco.monitoring.drift.DriftFrame}, corrects for multiple testing
 * ({@link dev.reco.monitoring.drift.Correction}) and calls dataset drift when the share of
 * drifted columns reaches a threshold. {@link dev.reco.monitoring.drift.PredictionDrift} applies
 * the same tests to model scores and predicted classes. Formulas, defaults and their reasons are
 * in {@code docs/drift-tests.md}.
 *
 * <p>All configurations are immutable records validated on construction; frozen references and
 * results are immutable and thread-safe.
 */
package dev.reco.monitoring.drift;
