package dev.reco.core.recommend;

import dev.reco.core.Interactions;

/**
 * Runs the contract against {@link CooccurrenceRecommender}, which scores the whole catalog and
 * supports similar items, so every test of the suite (similar items included) is exercised
 * against a second kind of implementation.
 */
class CooccurrenceContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return CooccurrenceRecommender.fit(train);
  }

  @Override
  protected boolean expectsSimilarItems() {
    return true;
  }
}
