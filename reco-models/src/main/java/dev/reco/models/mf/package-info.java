/**
 * Matrix factorization shared by the trainers: the immutable
 * {@link dev.reco.models.mf.MatrixFactorizationModel} (a {@link dev.reco.core.recommend.Recommender}),
 * and what every trainer takes besides its config: {@link dev.reco.models.mf.FitOptions} with a
 * {@link dev.reco.models.mf.TrainingListener}, a {@link dev.reco.models.mf.Cancellation} and an
 * optional validation set.
 */
package dev.reco.models.mf;
