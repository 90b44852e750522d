package dev.reco.core.recommend;

import dev.reco.core.Interactions;
import dev.reco.core.baseline.CategoryPopularity;
import dev.reco.core.baseline.MostPopular;

/** A fallback chain of category popularity, then global popularity, against the contract. */
class FallbackRecommenderContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return FallbackRecommender.of(CategoryPopularity.fit(train, categories()), MostPopular.fit(train));
  }
}
