package dev.reco.models.linalg;

/** The contract for the SIMD implementation with fused multiply-add. */
class PanamaVectorOpsTest extends VectorOpsContract {
  private static final VectorOps OPS = VectorOpsProvider.panama(true);

  @Override
  VectorOps ops() {
    return OPS;
  }
}
