package dev.reco.core.recommend;

import dev.reco.core.Interactions;
import dev.reco.core.baseline.CategoryPopularity;
import dev.reco.core.baseline.MostPopular;

/**
 * A filling chain (category popularity completed by global popularity) against the contract:
 * scores are ordered within each source's run of ranks.
 */
class FillingFallbackContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return FallbackRecommender.filling(CategoryPopularity.fit(train, categories()),
        MostPopular.fit(train));
  }
}
