/**
 * Second-stage ranking: the {@link dev.reco.models.rank.Ranker} interface that scores a batch of
 * candidate feature rows declared by a {@link dev.reco.models.rank.FeatureSchema}, and its native
 * backends: {@link dev.reco.models.rank.TreeEnsemble} (gradient-boosted trees on flat primitive
 * arrays, the format XGBoost and LightGBM models are imported into),
 * {@link dev.reco.models.rank.LinearRanker} (linear and logistic models) and
 * {@link dev.reco.models.rank.DotProductRanker} (a matrix-factorization scorer). The backend is
 * always chosen by the caller, never by probing the classpath. See {@code docs/rankers.md}.
 */
package dev.reco.models.rank;
