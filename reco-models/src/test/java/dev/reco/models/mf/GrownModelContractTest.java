package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.ContractFixture;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.RecommenderContractTest;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The recommender contract on a model grown without retraining: built over the fixture's 50
 * users with events and its first 39 items, then extended with {@code withUsers} (the fixture's
 * user without rows, which thereby becomes known) and {@code withItems} (item i39, which has no
 * events). The grown model has exactly the fixture's indexes and seen matrix.
 */
class GrownModelContractTest extends RecommenderContractTest {
  private static final int FACTORS = 6;

  @Override
  protected Recommender fit(Interactions train) {
    int users = ContractFixture.USERS;
    int items = ContractFixture.ITEMS - 1;
    CsrMatrix byUser = train.byUser();
    int[] rows = new int[byUser.nnz()];
    int[] cols = new int[byUser.nnz()];
    float[] values = new float[byUser.nnz()];
    int nnz = 0;
    for (int u = 0; u < users; u++) {
      for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
        rows[nnz] = u;
        cols[nnz] = byUser.columnAt(p);
        values[nnz++] = byUser.valueAt(p);
      }
    }
    SplittableRandom random = new SplittableRandom(5);
    MatrixFactorizationModel base = MatrixFactorizationModel.builder(
            IdIndex.of(train.users().ids().subList(0, users)),
            IdIndex.of(train.items().ids().subList(0, items)), FACTORS)
        .userFactors(TestModels.random(random, users * FACTORS))
        .itemFactors(TestModels.random(random, items * FACTORS))
        .biases(3f, TestModels.random(random, users), TestModels.random(random, items))
        .seen(CsrMatrix.fromCoordinates(users, items, rows, cols, values, nnz))
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
    return base
        .withUsers(List.of(ContractFixture.USER_WITHOUT_ROWS), TestModels.random(random, FACTORS))
        .withItems(List.of("i39"), TestModels.random(random, FACTORS), new float[] {0.25f});
  }

  @Override
  protected boolean expectsSimilarItems() {
    return true;
  }

  @Test
  void grownModelHasTheFixtureIndexesAndSeenMatrix() {
    MatrixFactorizationModel model = (MatrixFactorizationModel) model();
    assertEquals(train().users(), model.users());
    assertEquals(train().items(), model.items());
    assertEquals(train().byUser(), model.seen().orElseThrow());
    assertTrue(model.recommend(ContractFixture.USER_WITHOUT_ROWS, 5).isServed());
  }
}
