package dev.reco.models.linalg;

class ScalarVectorOpsTest extends VectorOpsContract {
  @Override
  VectorOps ops() {
    return VectorOps.scalar();
  }
}
