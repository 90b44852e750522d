package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlsFoldInTest {
  /** A hand-made model with item vectors y1 = (1, 0), y2 = (1, 1). */
  private static MatrixFactorizationModel handModel() {
    IdIndex items = IdIndex.of("i1", "i2");
    return MatrixFactorizationModel.builder(IdIndex.of("someone"), items, 2)
        .userFactors(new float[] {0, 0})
        .itemFactors(new float[] {1, 0, 1, 1})
        .provenance(Provenance.capture("test", "hand", null, null,
            InstantSource.fixed(Instant.EPOCH)))
        .source(new Source("als"))
        .build();
  }

  private static AlsConfig implicit2(AlsConfig.Confidence confidence) {
    return AlsConfig.implicitDefaults().withFactors(2).withAlpha(1).withRegularization(0.5)
        .withConfidence(confidence);
  }

  @Test
  void bothConfidenceConventionsSolveTheirNormalEquations() {
    // G = Y^T Y = [[2,1],[1,1]]; the new user has item i1 with r = 2; lambda = 0.5.
    // LINEAR:          c1 = 2: A = [[3.5,1],[1,1.5]] (det 4.25), b = (2,0), x = (3, -2)/4.25
    // ONE_PLUS_LINEAR: c1 = 3: A = [[4.5,1],[1,1.5]] (det 5.75), b = (3,0), x = (4.5, -3)/5.75
    // (A = sum over both items of c y y^T + lambda I: item i2 is unobserved with c = 1.)
    AlsFoldIn linear = new AlsFoldIn(handModel(), implicit2(AlsConfig.Confidence.LINEAR));
    assertArrayEquals(new float[] {3 / 4.25f, -2 / 4.25f},
        linear.userVector(List.of("i1"), new float[] {2}), 1e-6f);
    AlsFoldIn onePlus = new AlsFoldIn(handModel(), implicit2(AlsConfig.Confidence.ONE_PLUS_LINEAR));
    assertArrayEquals(new float[] {4.5f / 5.75f, -3 / 5.75f},
        onePlus.userVector(List.of("i1"), new float[] {2}), 1e-6f);
  }

  @Test
  void weightedRegularizationCountsDistinctKnownItems() {
    // items i1 (r = 2) and i2 (r = 1), LINEAR alpha 1: A = [[3,1],[1,1]] + lambda_u I, b = (3,1)
    // WEIGHTED lambda 0.5 with n_u = 2 (the unknown id does not count): lambda_u = 1,
    // A = [[4,1],[1,2]], det 7, x = (5, 1)/7
    AlsFoldIn weighted = new AlsFoldIn(handModel(), implicit2(AlsConfig.Confidence.LINEAR)
        .withRegularizationMode(AlsConfig.RegularizationMode.WEIGHTED));
    assertArrayEquals(new float[] {5 / 7f, 1 / 7f},
        weighted.userVector(List.of("i1", "i2", "unknown"), new float[] {2, 1, 7}), 1e-6f);
    // i1 given twice (1 + 1) is one item with r = 2: same as above
    assertArrayEquals(new float[] {5 / 7f, 1 / 7f},
        weighted.userVector(List.of("i1", "i2", "i1"), new float[] {1, 1, 1}), 1e-6f);
    // by index
    assertArrayEquals(new float[] {5 / 7f, 1 / 7f},
        weighted.userVector(new int[] {0, 1, IdIndex.UNKNOWN}, new float[] {2, 1, 3}), 1e-6f);
  }

  @Test
  void explicitFoldInUsesObservedItemsOnly() {
    // ratings i1 = 2, i2 = 3; A = [[2,1],[1,1]] + 0.5 I = [[2.5,1],[1,1.5]] (det 2.75), b = (5,3)
    // x = (1.5*5 - 3, -5 + 2.5*3)/2.75 = (4.5, 2.5)/2.75
    AlsConfig config = AlsConfig.explicitDefaults().withFactors(2).withRegularization(0.5)
        .withRegularizationMode(AlsConfig.RegularizationMode.PLAIN);
    assertArrayEquals(new float[] {4.5f / 2.75f, 2.5f / 2.75f},
        new AlsFoldIn(handModel(), config).userVector(List.of("i1", "i2"), new float[] {2, 3}),
        1e-6f);
  }

  @Test
  void foldingInATrainingUserReproducesItsVectorAfterOneMoreCholeskyIteration() {
    // Fits with N and N + 1 Cholesky iterations share their first N iterations (same seed), and
    // iteration N + 1 starts by solving every user exactly against the item factors of
    // iteration N: what fold-in computes from the N-iteration model.
    Interactions train = AlsTestData.random(60, 30, 8, 3);
    for (AlsConfig base : new AlsConfig[] {AlsConfig.implicitDefaults().withAlpha(4),
        AlsConfig.explicitDefaults()}) {
      AlsConfig config = base.withFactors(4).withIterations(5).withRegularization(0.3)
          .withSolver(AlsConfig.Solver.CHOLESKY);
      MatrixFactorizationModel model = new AlsTrainer(config).fit(train);
      MatrixFactorizationModel next = new AlsTrainer(config.withIterations(6)).fit(train);
      AlsFoldIn foldIn = new AlsFoldIn(model, config);
      int checked = 0;
      for (int u = 0; u < 60; u++) {
        int[] items = train.byUser().rowColumns(u);
        if (items.length == 0) {
          continue;
        }
        float[] x = foldIn.userVector(items, train.byUser().rowValues(u));
        float[] expected = next.userVector(u);
        for (int a = 0; a < 4; a++) {
          assertEquals(expected[a], x[a], 1e-5 * (1 + Math.abs(expected[a])),
              base.feedback() + " user " + u + " component " + a);
        }
        // and by external ids
        String[] ids = new String[items.length];
        for (int j = 0; j < items.length; j++) {
          ids[j] = train.items().idOf(items[j]);
        }
        assertArrayEquals(x, foldIn.userVector(List.of(ids), train.byUser().rowValues(u)));
        checked++;
      }
      assertTrue(checked > 40);
    }
  }

  @Test
  void noKnownItemGivesTheZeroVector() {
    AlsFoldIn foldIn = new AlsFoldIn(handModel(), implicit2(AlsConfig.Confidence.LINEAR));
    assertArrayEquals(new float[2], foldIn.userVector(List.of(), new float[0]), 0f);
    assertArrayEquals(new float[2], foldIn.userVector(List.of("x", "y"), new float[] {1, 2}), 0f);
  }

  @Test
  void badInputIsRejectedNamingTheValue() {
    AlsFoldIn foldIn = new AlsFoldIn(handModel(), implicit2(AlsConfig.Confidence.LINEAR));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> foldIn.userVector(List.of("i1", "i2"), new float[] {1, -3}));
    assertTrue(e.getMessage().contains("-3.0") && e.getMessage().contains("'i2'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> foldIn.userVector(List.of("i1"), new float[] {Float.NaN}));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> foldIn.userVector(List.of("i1"), new float[] {1, 2}));
    assertTrue(e.getMessage().contains("1 entries and values 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> foldIn.userVector(new int[] {2}, new float[] {1}));
    assertTrue(e.getMessage().contains("itemIndexes[0] = 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new AlsFoldIn(handModel(), AlsConfig.implicitDefaults()));
    assertTrue(e.getMessage().contains("factors = 2") && e.getMessage().contains("factors = 64"),
        e.getMessage());
    assertThrows(NullPointerException.class, () -> foldIn.userVector((List<String>) null, new float[0]));
    // explicit fold-in accepts negative ratings
    AlsFoldIn explicit = new AlsFoldIn(handModel(), AlsConfig.explicitDefaults().withFactors(2));
    assertTrue(Float.isFinite(explicit.userVector(List.of("i1"), new float[] {-2})[0]));
  }
}
