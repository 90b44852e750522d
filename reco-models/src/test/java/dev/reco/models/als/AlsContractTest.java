package dev.reco.models.als;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;
import dev.reco.models.mf.FitOptions;
import java.time.Instant;
import java.time.InstantSource;

/**
 * An implicit ALS model (8 factors, 5 iterations, 2 threads) against the recommender contract;
 * the fixture's user without rows is unknown to the model and unserved.
 */
class AlsContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return new AlsTrainer(AlsConfig.implicitDefaults().withFactors(8).withIterations(5).withSeed(7),
        InstantSource.fixed(Instant.parse("2026-11-24T00:00:00Z")))
        .fit(train, FitOptions.defaults().withThreads(2));
  }

  /**
   * Similar items are the model's feature, not the trainer's: the contract checks whatever the
   * model declares (its own contract test pins the declaration).
   */
  @Override
  protected boolean expectsSimilarItems() {
    return model().supportsSimilarItems();
  }
}
