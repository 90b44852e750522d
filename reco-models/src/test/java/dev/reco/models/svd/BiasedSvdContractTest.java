package dev.reco.models.svd;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;
import dev.reco.models.mf.FitOptions;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A BiasedSVD model (8 factors, 10 epochs, 3 × 3 blocks, 2 threads) against the recommender
 * contract; the fixture's user without rows is unknown to the model and unserved.
 */
class BiasedSvdContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(8).withEpochs(10)
        .withBlocks(3).withSeed(7), InstantSource.fixed(Instant.parse("2026-11-24T00:00:00Z")))
        .fit(train, FitOptions.defaults().withThreads(2));
  }

  /**
   * Similar items are the model's feature, not the trainer's: the contract checks whatever the
   * model declares.
   */
  @Override
  protected boolean expectsSimilarItems() {
    return model().supportsSimilarItems();
  }
}
