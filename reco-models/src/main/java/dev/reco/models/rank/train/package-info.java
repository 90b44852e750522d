/**
 * Training rankers in Java: {@link dev.reco.models.rank.train.RankingData} groups
 * (query or user, candidate item, features, graded label) rows into contiguous groups,
 * {@link dev.reco.models.rank.train.SyntheticCandidates} generates seeded ranking data with a
 * documented generative model, and {@link dev.reco.models.rank.train.LambdaMart} trains a
 * listwise gradient-boosted {@link dev.reco.models.rank.TreeEnsemble} (LambdaRank gradients with
 * NDCG@K) configured by {@link dev.reco.models.rank.train.LambdaMartConfig}. Every trainer returns
 * an immutable ensemble in the native tree format, so it is scored, exported and compared like
 * an imported XGBoost or LightGBM model. See {@code docs/rankers.md}.
 */
package dev.reco.models.rank.train;
