/**
 * Matrix factorization shared by the trainers: the immutable
 * {@link dev.reco.models.mf.MatrixFactorizationModel} (a {@link dev.reco.core.recommend.Recommender}
 * with batch recommendation, cosine similar items and users, and users and items added without
 * retraining), its binary format {@link dev.reco.models.mf.MatrixFactorizationFormat}, and what
 * every trainer takes besides its config: {@link dev.reco.models.mf.FitOptions} with a
 * {@link dev.reco.models.mf.TrainingListener}, a {@link dev.reco.models.mf.Cancellation} and an
 * optional validation set. See {@code docs/mf-model.md}.
 */
package dev.reco.models.mf;
