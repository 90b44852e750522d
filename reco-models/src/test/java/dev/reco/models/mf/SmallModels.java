package dev.reco.models.mf;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;

/** The two hand-checkable models the tests compute expected values for. */
final class SmallModels {
  private SmallModels() {}

  /**
   * Two factors, no biases. Users: alice (1, 2), bob (0, 1), carol (0, 0) marked unknown, dan
   * (0, 0) known. Items: a (1, 0), b (0.5, 0.5), c (-1, 3), z (0, 0). Alice has seen b (value 2).
   */
  static MatrixFactorizationModel plain() {
    return MatrixFactorizationModel.builder(IdIndex.of("alice", "bob", "carol", "dan"),
            IdIndex.of("a", "b", "c", "z"), 2)
        .userFactors(new float[] {1, 2, 0, 1, 0, 0, 0, 0})
        .itemFactors(new float[] {1, 0, 0.5f, 0.5f, -1, 3, 0, 0})
        .knownUsers(new boolean[] {true, true, false, true})
        .seen(CsrMatrix.fromCoordinates(4, 4, new int[] {0}, new int[] {1}, new float[] {2f}, 1))
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
  }

  /**
   * Two factors, biases and clipping to [1, 5]. Global mean 3. Users: u (1, 0) with bias 0.5,
   * v (0, 2) with bias -1, w (0, 0) with bias -3. Items: x (2, 1) with bias 0.25, y (-1, 1) with
   * bias 1. No seen matrix.
   */
  static MatrixFactorizationModel biased() {
    return MatrixFactorizationModel.builder(IdIndex.of("u", "v", "w"), IdIndex.of("x", "y"), 2)
        .userFactors(new float[] {1, 0, 0, 2, 0, 0})
        .itemFactors(new float[] {2, 1, -1, 1})
        .biases(3f, new float[] {0.5f, -1f, -3f}, new float[] {0.25f, 1f})
        .clip(1f, 5f)
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
  }
}
