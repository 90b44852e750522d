package dev.reco.core.baseline;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;

/** {@link RecencyPopularity} without categories against the recommender contract. */
class PlainRecencyPopularityContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return RecencyPopularity.fit(train, RecencyPopularityConfig.defaults());
  }
}
