/**
 * BiasedSVD: Funk SVD with a global mean and user and item biases, trained by stochastic gradient
 * descent with Surprise's update rules and defaults, in parallel on stratified blocks (DSGD) with
 * results that do not depend on the thread count. {@link dev.reco.models.svd.BiasedSvdTrainer}
 * takes a {@link dev.reco.models.svd.BiasedSvdConfig} and returns a
 * {@link dev.reco.models.mf.MatrixFactorizationModel}; {@link dev.reco.models.svd.PlantedRatings}
 * generates explicit ratings with known structure for tests and benchmarks.
 */
package dev.reco.models.svd;
