/**
 * Recommendation models: matrix factorization (ALS, BiasedSVD), similar items, candidate
 * generation, and rankers with native and ONNX backends.
 */
package dev.reco.models;
