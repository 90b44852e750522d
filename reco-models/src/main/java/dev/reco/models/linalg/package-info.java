/**
 * Dense float kernels (dot, axpy, matrix-vector, rank-one update, row scoring, Gram matrix)
 * behind {@link dev.reco.models.linalg.VectorOps}, with a scalar implementation and a SIMD one
 * on {@code jdk.incubator.vector} that is used when that module is present at run time.
 */
package dev.reco.models.linalg;
