package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.models.linalg.VectorOps;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * One row's normal equations, checked against hand-solved 2 x 2 systems and, randomly, against a
 * dense reference that builds {@code sum over all items of c y y^T} from the definition.
 */
class RowSolverTest {
  // Item factors y1 = (1, 0), y2 = (1, 1); their Gram matrix G = y1 y1^T + y2 y2^T = [[2, 1], [1, 1]].
  private static final float[] Y = {1, 0, 1, 1};
  private static final float[] GRAM = {2, 1, 1, 1};

  private static AlsConfig implicit(AlsConfig.Confidence confidence, double lambda,
      AlsConfig.RegularizationMode mode) {
    return AlsConfig.implicitDefaults().withFactors(2).withConfidence(confidence).withAlpha(1.0)
        .withRegularization(lambda).withRegularizationMode(mode);
  }

  private static CsrMatrix row(int[] items, float[] values) {
    return CsrMatrix.fromCoordinates(1, 2, new int[items.length], items, values, items.length);
  }

  private static float[] cholesky(AlsConfig config, CsrMatrix rows, float[] gram) {
    float[] x = new float[config.factors()];
    new RowSolver(new AlsObjective(config), VectorOps.best()).cholesky(rows, 0, Y, gram, x, 0);
    return x;
  }

  private static float[] cg(AlsConfig config, CsrMatrix rows, float[] gram, int steps) {
    float[] x = new float[config.factors()];
    new RowSolver(new AlsObjective(config), VectorOps.best())
        .conjugateGradient(rows, 0, Y, gram, false, x, 0, steps);
    return x;
  }

  @Test
  void linearConfidenceHandCase() {
    // The user has item 1 with r = 2 and not item 2. LINEAR, alpha 1: c1 = 2, p1 = 1; item 2 is
    // unobserved: c2 = 1, p2 = 0. lambda = 0.5.
    // A = c1 y1 y1^T + c2 y2 y2^T + 0.5 I = [[2,0],[0,0]] + [[1,1],[1,1]] + 0.5 I = [[3.5,1],[1,1.5]]
    // b = c1 p1 y1 = (2, 0); det A = 5.25 - 1 = 4.25
    // x = A^-1 b = (1/4.25) [[1.5,-1],[-1,3.5]] (2,0) = (3/4.25, -2/4.25)
    AlsConfig config = implicit(AlsConfig.Confidence.LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    CsrMatrix rows = row(new int[] {0}, new float[] {2});
    float[] expected = {3f / 4.25f, -2f / 4.25f};
    assertArrayEquals(expected, cholesky(config, rows, GRAM), 1e-6f);
    // two CG steps solve a 2 x 2 system exactly (up to rounding)
    assertArrayEquals(expected, cg(config, rows, GRAM, 2), 1e-5f);
  }

  @Test
  void onePlusLinearConfidenceHandCase() {
    // ONE_PLUS_LINEAR, alpha 1: c1 = 1 + 2 = 3, p1 = 1; item 2: c2 = 1, p2 = 0. lambda = 0.5.
    // A = [[3,0],[0,0]] + [[1,1],[1,1]] + 0.5 I = [[4.5,1],[1,1.5]], det = 6.75 - 1 = 5.75
    // b = 3 y1 = (3, 0); x = (1/5.75) (1.5 * 3, -1 * 3) = (4.5/5.75, -3/5.75)
    AlsConfig config =
        implicit(AlsConfig.Confidence.ONE_PLUS_LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    CsrMatrix rows = row(new int[] {0}, new float[] {2});
    float[] expected = {4.5f / 5.75f, -3f / 5.75f};
    assertArrayEquals(expected, cholesky(config, rows, GRAM), 1e-6f);
    assertArrayEquals(expected, cg(config, rows, GRAM, 2), 1e-5f);
  }

  @Test
  void plainAndWeightedRegularizationHandCase() {
    // The user has item 1 with r = 2 and item 2 with r = 1 (LINEAR, alpha 1: c = 2 and 1, p = 1).
    // A = 2 y1 y1^T + 1 y2 y2^T + lambda_u I = [[3,1],[1,1]] + lambda_u I, b = 2 y1 + 1 y2 = (3, 1)
    // PLAIN lambda = 0.5: A = [[3.5,1],[1,1.5]], det 4.25, x = (1.5*3 - 1, -3 + 3.5)/4.25
    //   = (3.5/4.25, 0.5/4.25)
    // WEIGHTED lambda = 0.5, n_u = 2: lambda_u = 1, A = [[4,1],[1,2]], det 7,
    //   x = (2*3 - 1, -3 + 4)/7 = (5/7, 1/7)
    CsrMatrix rows = row(new int[] {0, 1}, new float[] {2, 1});
    AlsConfig plain = implicit(AlsConfig.Confidence.LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    AlsConfig weighted = plain.withRegularizationMode(AlsConfig.RegularizationMode.WEIGHTED);
    assertArrayEquals(new float[] {3.5f / 4.25f, 0.5f / 4.25f}, cholesky(plain, rows, GRAM), 1e-6f);
    assertArrayEquals(new float[] {5f / 7f, 1f / 7f}, cholesky(weighted, rows, GRAM), 1e-6f);
    assertArrayEquals(new float[] {5f / 7f, 1f / 7f}, cg(weighted, rows, GRAM, 2), 1e-5f);
  }

  @Test
  void explicitHandCase() {
    // Ratings r1 = 2, r2 = 3; only observed entries count, no Gram matrix.
    // A = y1 y1^T + y2 y2^T + 0.5 I = [[2.5,1],[1,1.5]], det = 3.75 - 1 = 2.75
    // b = 2 y1 + 3 y2 = (5, 3); x = (1.5*5 - 3, -5 + 2.5*3)/2.75 = (4.5/2.75, 2.5/2.75)
    AlsConfig config = AlsConfig.explicitDefaults().withFactors(2).withRegularization(0.5)
        .withRegularizationMode(AlsConfig.RegularizationMode.PLAIN);
    CsrMatrix rows = row(new int[] {0, 1}, new float[] {2, 3});
    float[] expected = {4.5f / 2.75f, 2.5f / 2.75f};
    assertArrayEquals(expected, cholesky(config, rows, null), 1e-6f);
    assertArrayEquals(expected, cg(config, rows, null, 2), 1e-5f);
  }

  @Test
  void rowLossFollowsTheDefinitionForBothConventions() {
    // x = (0.5, 0.5): s1 = y1.x = 0.5, s2 = y2.x = 1.0; |x|^2 = 0.5; lambda = 0.5.
    // The user has item 1 with r = 2; item 2 is unobserved (c = 1, p = 0).
    // LINEAR:          c1 = 2: 2 (1 - 0.5)^2 + 1 (0 - 1)^2 + 0.5 * 0.5 = 0.5 + 1 + 0.25 = 1.75
    // ONE_PLUS_LINEAR: c1 = 3: 3 (1 - 0.5)^2 + 1 (0 - 1)^2 + 0.25      = 0.75 + 1 + 0.25 = 2.0
    CsrMatrix rows = row(new int[] {0}, new float[] {2});
    float[] x = {0.5f, 0.5f};
    AlsConfig linear = implicit(AlsConfig.Confidence.LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    AlsConfig onePlus = linear.withConfidence(AlsConfig.Confidence.ONE_PLUS_LINEAR);
    assertEquals(1.75, new RowSolver(new AlsObjective(linear), VectorOps.best())
        .rowLoss(rows, 0, Y, GRAM, x, 0), 1e-6);
    assertEquals(2.0, new RowSolver(new AlsObjective(onePlus), VectorOps.best())
        .rowLoss(rows, 0, Y, GRAM, x, 0), 1e-6);
    // explicit, r1 = 2 only: (2 - 0.5)^2 + 0.5 * 0.5 = 2.25 + 0.25 = 2.5 (item 2 does not count)
    AlsConfig explicit = AlsConfig.explicitDefaults().withFactors(2).withRegularization(0.5)
        .withRegularizationMode(AlsConfig.RegularizationMode.PLAIN);
    assertEquals(2.5, new RowSolver(new AlsObjective(explicit), VectorOps.best())
        .rowLoss(rows, 0, Y, null, x, 0), 1e-6);
  }

  @Test
  void zeroValueUnderLinearConfidenceDropsTheEntry() {
    // r = 0 under LINEAR: c = 0 and p = 0, so item 1 contributes nothing at all. Only item 2
    // (unobserved, c = 1, p = 0) remains: A = y2 y2^T + 0.5 I, b = 0, so x = 0.
    AlsConfig config = implicit(AlsConfig.Confidence.LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    assertArrayEquals(new float[] {0, 0}, cholesky(config, row(new int[] {0}, new float[] {0}), GRAM),
        0f);
    // rowLoss at x = (1, 0): item 1 weight 0; item 2: s2 = 1 -> 1; lambda |x|^2 = 0.5 -> 1.5
    assertEquals(1.5, new RowSolver(new AlsObjective(config), VectorOps.best())
        .rowLoss(row(new int[] {0}, new float[] {0}), 0, Y, GRAM, new float[] {1, 0}, 0), 1e-6);
  }

  @Test
  void diagonalGramHandCase() {
    // Item factors y1 = (1, 0), y2 = (0, 2): G = diag(1, 4), passed as its diagonal. The user has
    // item 1 with r = 2 (LINEAR, alpha 1: c1 = 2, w1 = 1, t1 = 2); lambda = 0.5.
    // A = G + w1 y1 y1^T + 0.5 I = diag(1 + 1 + 0.5, 4 + 0.5) = diag(2.5, 4.5), b = 2 y1 = (2, 0)
    // x = (2 / 2.5, 0) = (0.8, 0)
    float[] y = {1, 0, 0, 2};
    AlsConfig config = implicit(AlsConfig.Confidence.LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    RowSolver solver = new RowSolver(new AlsObjective(config), VectorOps.best());
    float[] x = {0.1f, -0.3f};
    solver.conjugateGradient(row(new int[] {0}, new float[] {2}), 0, y, new float[] {1, 4}, true,
        x, 0, 2);
    assertArrayEquals(new float[] {0.8f, 0f}, x, 1e-6f);
    // the same through the full matrix
    float[] full = {0.1f, -0.3f};
    solver.conjugateGradient(row(new int[] {0}, new float[] {2}), 0, y, new float[] {1, 0, 0, 4},
        false, full, 0, 2);
    assertArrayEquals(x, full, 1e-6f);
  }

  @Test
  void rowWithoutEntriesGetsTheZeroVector() {
    AlsConfig config = implicit(AlsConfig.Confidence.LINEAR, 0.5, AlsConfig.RegularizationMode.PLAIN);
    CsrMatrix empty = CsrMatrix.fromCoordinates(1, 2, new int[0], new int[0], new float[0], 0);
    float[] x = {0.3f, -0.2f};
    new RowSolver(new AlsObjective(config), VectorOps.best())
        .conjugateGradient(empty, 0, Y, GRAM, false, x, 0, 3);
    assertArrayEquals(new float[] {0, 0}, x, 0f);
  }

  /** Random well-conditioned row problems: Cholesky and many CG steps match a dense reference. */
  @Property(tries = 200, seed = "20261124")
  void solversMatchADenseReference(@ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 1, max = 9) int items, @ForAll @LongRange(min = 0, max = 1L << 40) long seed,
      @ForAll boolean implicit, @ForAll boolean onePlus, @ForAll boolean weighted) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] y = new float[items * k];
    for (int j = 0; j < y.length; j++) {
      y[j] = (float) (random.nextDouble() * 2 - 1);
    }
    // observe a random non-empty subset of the items
    int[] cols = new int[items];
    float[] vals = new float[items];
    int n = 0;
    for (int i = 0; i < items; i++) {
      if (n == 0 && i == items - 1 || random.nextBoolean()) {
        cols[n] = i;
        vals[n] = (float) (0.5 + 4.5 * random.nextDouble());
        n++;
      }
    }
    double lambda = 0.05 + random.nextDouble();
    AlsConfig config = (implicit ? AlsConfig.implicitDefaults() : AlsConfig.explicitDefaults())
        .withFactors(k).withRegularization(lambda).withAlpha(0.5 + random.nextDouble() * 3)
        .withConfidence(onePlus ? AlsConfig.Confidence.ONE_PLUS_LINEAR : AlsConfig.Confidence.LINEAR)
        .withRegularizationMode(weighted ? AlsConfig.RegularizationMode.WEIGHTED
            : AlsConfig.RegularizationMode.PLAIN);
    CsrMatrix rows = CsrMatrix.fromCoordinates(1, items, new int[n], cols, vals, n);

    // reference: A = sum over items of c_i y_i y_i^T (+ lambda_u I), b = sum c_i p_i y_i, where
    // for implicit feedback unobserved items have c = 1, p = 0 and are included explicitly
    double[][] a = new double[k][k];
    double[] b = new double[k];
    double[] value = new double[items];
    boolean[] observed = new boolean[items];
    for (int q = 0; q < n; q++) {
      observed[cols[q]] = true;
      value[cols[q]] = vals[q];
    }
    for (int i = 0; i < items; i++) {
      double c;
      double p;
      if (implicit) {
        c = observed[i] ? (onePlus ? 1 : 0) + config.alpha() * value[i] : 1;
        p = observed[i] ? 1 : 0;
      } else {
        if (!observed[i]) {
          continue;
        }
        c = 1;
        p = value[i];
      }
      for (int r = 0; r < k; r++) {
        b[r] += c * p * y[i * k + r];
        for (int s = 0; s < k; s++) {
          a[r][s] += c * y[i * k + r] * y[i * k + s];
        }
      }
    }
    double lambdaU = weighted ? lambda * n : lambda;
    for (int r = 0; r < k; r++) {
      a[r][r] += lambdaU;
    }
    double[] expected = AlsTestData.solveDense(a, b);

    float[] gram = null;
    if (implicit) {
      gram = new float[k * k];
      for (int i = 0; i < items; i++) {
        for (int r = 0; r < k; r++) {
          for (int s = 0; s < k; s++) {
            gram[r * k + s] += y[i * k + r] * y[i * k + s];
          }
        }
      }
    }
    RowSolver solver = new RowSolver(new AlsObjective(config), VectorOps.best());
    float[] chol = new float[k];
    solver.cholesky(rows, 0, y, gram, chol, 0);
    float[] cg = new float[k];
    solver.conjugateGradient(rows, 0, y, gram, false, cg, 0, 4 * k);
    double scale = 1;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int r = 0; r < k; r++) {
      assertEquals(expected[r], chol[r], 1e-4 * scale, "cholesky component " + r);
      assertEquals(expected[r], cg[r], 2e-3 * scale, "cg component " + r);
    }
    // the solution minimises the row loss: moving along any axis does not lower it
    double best = solver.rowLoss(rows, 0, y, gram, chol, 0);
    for (int r = 0; r < k; r++) {
      for (float step : new float[] {-0.05f, 0.05f}) {
        float[] moved = chol.clone();
        moved[r] += step;
        assertTrue(solver.rowLoss(rows, 0, y, gram, moved, 0) >= best - 1e-6 * Math.abs(best),
            "moving component " + r + " by " + step + " lowered the loss");
      }
    }
  }
}
