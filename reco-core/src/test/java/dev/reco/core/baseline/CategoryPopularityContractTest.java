package dev.reco.core.baseline;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;

/** {@link CategoryPopularity} against the recommender contract. */
class CategoryPopularityContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return CategoryPopularity.fit(train, categories());
  }
}
