package dev.reco.models.linalg;

/** The contract for the SIMD implementation with separate multiply and add. */
class PanamaMulAddVectorOpsTest extends VectorOpsContract {
  private static final VectorOps OPS = VectorOpsProvider.panama(false);

  @Override
  VectorOps ops() {
    return OPS;
  }
}
