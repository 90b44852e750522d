package dev.reco.core.baseline;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;
import java.time.Duration;

/** Category-aware {@link RecencyPopularity} against the recommender contract. */
class RecencyPopularityContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return RecencyPopularity.fit(train, categories(),
        RecencyPopularityConfig.defaults().withHalfLife(Duration.ofDays(5)).withCategoryWeight(2.0));
  }
}
