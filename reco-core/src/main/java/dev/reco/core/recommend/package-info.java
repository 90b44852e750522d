/**
 * The recommender contract: {@link dev.reco.core.recommend.Recommender} ranks items for a user
 * under {@link dev.reco.core.recommend.RecommendOptions} (seen items, allow/deny lists, predicate,
 * per-category cap) and answers with {@link dev.reco.core.recommend.Recommendations} that name
 * their {@link dev.reco.core.recommend.Source}.
 *
 * <p>Unknown users and items never throw: a recommender answers from what it knows or returns an
 * unserved list, and a {@link dev.reco.core.recommend.FallbackRecommender} chain hands such
 * requests to the next recommender (e.g. category popularity, then global popularity).
 * {@link dev.reco.core.recommend.CandidateSelector} and {@link dev.reco.core.recommend.TopK} are the
 * shared selection step that implementations use. {@link dev.reco.core.recommend.ItemCategories}
 * assigns items to categories. Baselines live in {@code dev.reco.core.baseline}.
 */
package dev.reco.core.recommend;
