/**
 * Dense float kernels (dot, axpy, matrix-vector, rank-one update, row scoring) behind
 * {@link dev.reco.models.linalg.VectorOps}, with a scalar and a SIMD implementation.
 */
package dev.reco.models.linalg;
