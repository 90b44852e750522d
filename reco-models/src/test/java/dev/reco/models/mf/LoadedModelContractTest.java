package dev.reco.models.mf;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;

/**
 * The recommender contract on a model with biases and a clipping range after a round trip
 * through {@link MatrixFactorizationFormat}: the loaded model must serve like any other, seen
 * items included.
 */
class LoadedModelContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    MatrixFactorizationModel original = TestModels.fromData(train, 5, 23, true);
    return MatrixFactorizationFormat.fromBytes(MatrixFactorizationFormat.toBytes(original));
  }

  @Override
  protected boolean expectsSimilarItems() {
    return true;
  }
}
