/**
 * Baseline recommenders, each a validated config record and an immutable, thread-safe model
 * returned by {@code fit}: {@link dev.reco.core.baseline.MostPopular} (global popularity,
 * optionally in a time window), {@link dev.reco.core.baseline.CategoryPopularity} (popularity
 * within the user's categories), {@link dev.reco.core.baseline.RecencyPopularity} (exponentially
 * decayed, category-aware popularity for cold start) and
 * {@link dev.reco.core.baseline.RandomRecommender} (a seeded sanity floor).
 *
 * <p>Popularity rankings are precomputed at fit time, so a request costs O(k + skipped items).
 */
package dev.reco.core.baseline;
