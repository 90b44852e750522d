package dev.reco.core.baseline;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;

/** {@link RandomRecommender} against the recommender contract. */
class RandomRecommenderContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return RandomRecommender.fit(train, RandomRecommenderConfig.withSeed(42));
  }
}
