/**
 * Evaluation metrics with exact, documented definitions: rating errors ({@link
 * dev.reco.core.eval.RatingMetrics}), per-user top-K ranking metrics ({@link
 * dev.reco.core.eval.RankingMetrics}, {@link dev.reco.core.eval.RankingScorer}), measures beyond
 * accuracy ({@link dev.reco.core.eval.BeyondAccuracyMetrics}, {@link
 * dev.reco.core.eval.RecommendationCounts}, {@link dev.reco.core.eval.ItemPopularity}),
 * classification metrics ({@link dev.reco.core.eval.ClassificationMetrics}), order-independent
 * averaging ({@link dev.reco.core.eval.MeanAccumulator}) and the paired comparison of two
 * recommenders ({@link dev.reco.core.eval.PairedComparison}).
 *
 * <p>Metrics are named by {@link dev.reco.core.eval.Metric} ({@code "NDCG@10"}). Per-user
 * functions take primitive arrays and an explicit length; they refuse inputs for which a metric
 * is undefined (an empty relevant set, an empty list) rather than return a placeholder, and the
 * caller leaves such users out of averages. This package does not run recommenders: callers
 * pass already-filtered ranked lists. Definitions and their relation to other libraries are in
 * {@code docs/metrics.md}.
 */
package dev.reco.core.eval;
