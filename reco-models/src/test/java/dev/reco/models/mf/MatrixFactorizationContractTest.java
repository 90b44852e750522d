package dev.reco.models.mf;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;

/**
 * The recommender contract on a model without biases, with factors derived from the fixture
 * (seeded item vectors; user vectors from their items); the fixture's user without rows is
 * unknown, so it gets unserved lists.
 */
class MatrixFactorizationContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return TestModels.fromData(train, 8, 11, false);
  }

  @Override
  protected boolean expectsSimilarItems() {
    return true;
  }
}
