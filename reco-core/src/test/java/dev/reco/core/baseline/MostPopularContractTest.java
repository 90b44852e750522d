package dev.reco.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link MostPopular} (value sums over a 20-day window) against the recommender contract. */
class MostPopularContractTest extends RecommenderContractTest {
  @Override
  protected Recommender fit(Interactions train) {
    return MostPopular.fit(train, MostPopularConfig.defaults()
        .withWeighting(MostPopularConfig.Weighting.VALUE_SUM).withWindow(Duration.ofDays(20)));
  }

  /** Global popularity serves every user, so unknown users get the same list as no-rows users. */
  @Test
  void unknownUsersGetGlobalPopularity() {
    assertEquals(
        model().recommend("u-norows", 10, RecommendOptions.defaults()),
        model().recommend("nobody", 10, RecommendOptions.defaults()));
  }
}
