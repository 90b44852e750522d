/**
 * Statistical tests and distribution functions for drift detection, numerically matched to
 * SciPy.
 *
 * <p>{@link dev.reco.monitoring.stats.KolmogorovSmirnov} is the two-sample Kolmogorov-Smirnov
 * test with {@code scipy.stats.ks_2samp} semantics (exact, asymptotic and automatic p-values; two-
 * sided and one-sided alternatives; ties handled in the statistic), returning a
 * {@link dev.reco.monitoring.stats.KsResult}. {@link dev.reco.monitoring.stats.KolmogorovDistributions}
 * exposes the distribution functions behind it. Everything here is stateless and thread-safe.
 */
package dev.reco.monitoring.stats;
