/**
 * Training rankers in Java, converted into the native backends of {@link dev.reco.models.rank}.
 *
 * <ul>
 *   <li>Listwise: {@link dev.reco.models.rank.train.LambdaMart} trains a gradient-boosted
 *       {@link dev.reco.models.rank.TreeEnsemble} with LambdaRank gradients on NDCG@K, configured
 *       by {@link dev.reco.models.rank.train.LambdaMartConfig}, from
 *       {@link dev.reco.models.rank.train.RankingData}, which groups (query or user, candidate
 *       item, features, graded label) rows into contiguous groups.
 *       {@link dev.reco.models.rank.train.SyntheticCandidates} generates seeded ranking data with
 *       a documented generative model.
 *   <li>Pointwise: {@link dev.reco.models.rank.train.SmileGradientBoosting} fits gradient-boosted
 *       trees with Smile 2.6.0 into a {@link dev.reco.models.rank.TreeEnsemble};
 *       {@link dev.reco.models.rank.train.LogisticRegressionTrainer} fits a logistic regression
 *       (with Smile) and {@link dev.reco.models.rank.train.LinearRegressionTrainer} a ridge
 *       regression (pure Java) into a {@link dev.reco.models.rank.LinearRanker}. Smile is an
 *       optional dependency of reco-models (LGPL-3.0, pinned to 2.6.0: later versions are GPL);
 *       applications that train with it declare {@code com.github.haifengl:smile-core:2.6.0}
 *       themselves.
 * </ul>
 *
 * Every trainer returns an immutable native ranker, scored, exported and compared like an
 * imported XGBoost or LightGBM model. See {@code docs/rankers.md}.
 */
package dev.reco.models.rank.train;
