package dev.reco.core.recommend;

import dev.reco.core.Interactions;
import dev.reco.core.baseline.MostPopular;

/** A chain whose first member supports similar items (co-occurrence, then popularity). */
class SimilarItemsFallbackContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return FallbackRecommender.of(CooccurrenceRecommender.fit(train), MostPopular.fit(train));
  }

  @Override
  protected boolean expectsSimilarItems() {
    return true;
  }
}
