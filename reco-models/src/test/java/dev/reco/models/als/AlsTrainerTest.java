package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.Cancellation;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.IterationReport;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlsTrainerTest {
  private static final InstantSource FIXED = InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));

  private static AlsTrainer smallBlocks(AlsConfig config) {
    // 7 rows per solve block and 16 per Gram block: many blocks even on small data
    return new AlsTrainer(config, FIXED, 7, 16);
  }

  private static List<IterationReport> reports(AlsTrainer trainer, Interactions train,
      FitOptions options, MatrixFactorizationModel[] out) {
    List<IterationReport> reports = new ArrayList<>();
    out[0] = trainer.fit(train, options.withListener(reports::add));
    return reports;
  }

  // ---------------------------------------------------------------------------------------------
  // determinism

  private static void assertThreadCountDoesNotMatter(AlsConfig config, Interactions train,
      Interactions validation, AlsTrainer trainer) {
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    FitOptions base = FitOptions.defaults();
    if (validation != null) {
      base = base.withValidation(validation, 0);
    }
    List<IterationReport> one = reports(trainer, train, base.withThreads(1), model);
    float[] users = model[0].userFactors();
    float[] items = model[0].itemFactors();
    for (int threads : new int[] {2, 4, 1}) {
      List<IterationReport> other = reports(trainer, train, base.withThreads(threads), model);
      assertArrayEquals(users, model[0].userFactors(), threads + " threads: user factors");
      assertArrayEquals(items, model[0].itemFactors(), threads + " threads: item factors");
      for (int t = 0; t < one.size(); t++) {
        assertEquals(Double.doubleToLongBits(one.get(t).loss()),
            Double.doubleToLongBits(other.get(t).loss()), threads + " threads: loss " + t);
        assertEquals(Double.doubleToLongBits(one.get(t).validationLoss()),
            Double.doubleToLongBits(other.get(t).validationLoss()), "validation loss " + t);
      }
    }
    boolean anyNonZero = false;
    for (float v : users) {
      anyNonZero |= v != 0f;
    }
    assertTrue(anyNonZero, "factors are all zero");
  }

  @ParameterizedTest
  @EnumSource(AlsConfig.Solver.class)
  void implicitFactorsAreBitIdenticalForOneTwoAndFourThreads(AlsConfig.Solver solver) {
    Interactions data = AlsTestData.random(300, 120, 12, 11);
    AlsConfig config = AlsConfig.implicitDefaults().withFactors(8).withIterations(3)
        .withSolver(solver).withSeed(5);
    Interactions validation = AlsTestData.random(300, 120, 3, 12);
    assertThreadCountDoesNotMatter(config, data, validation, smallBlocks(config));
  }

  @ParameterizedTest
  @EnumSource(AlsConfig.Solver.class)
  void explicitFactorsAreBitIdenticalForOneTwoAndFourThreads(AlsConfig.Solver solver) {
    Interactions data = AlsTestData.random(300, 120, 12, 13);
    AlsConfig config = AlsConfig.explicitDefaults().withFactors(8).withIterations(3)
        .withSolver(solver).withSeed(5);
    Interactions validation = AlsTestData.random(300, 120, 3, 14);
    assertThreadCountDoesNotMatter(config, data, validation, smallBlocks(config));
  }

  @Test
  void defaultBlocksAreBitIdenticalAcrossThreadsToo() {
    Interactions data = AlsTestData.random(700, 90, 6, 15);
    AlsConfig config = AlsConfig.implicitDefaults().withFactors(6).withIterations(2);
    assertThreadCountDoesNotMatter(config, data, null, new AlsTrainer(config, FIXED));
  }

  @Test
  void theSeedChangesTheFactorsAndTheSameSeedRepeatsThem() {
    Interactions data = AlsTestData.random(50, 30, 6, 16);
    AlsConfig config = AlsConfig.implicitDefaults().withFactors(4).withIterations(2);
    float[] a = new AlsTrainer(config).fit(data).userFactors();
    assertArrayEquals(a, new AlsTrainer(config).fit(data).userFactors());
    assertFalse(java.util.Arrays.equals(a,
        new AlsTrainer(config.withSeed(43)).fit(data).userFactors()));
  }

  @Test
  void initialisationDependsOnlyOnSeedAndRow() {
    // the first row's initial values do not depend on how many rows there are
    float[] small = new float[3 * 4];
    float[] large = new float[50 * 4];
    try (BlockRunner runner = new BlockRunner(2, new Cancellation(), "test")) {
      Factors.initialise(small, 3, 4, 9, Factors.USER_SALT, 0.01, runner);
      Factors.initialise(large, 50, 4, 9, Factors.USER_SALT, 0.01, runner);
    }
    assertArrayEquals(small, java.util.Arrays.copyOf(large, small.length));
    double sumSq = 0;
    for (float v : large) {
      sumSq += v * v;
    }
    double std = Math.sqrt(sumSq / large.length);
    assertTrue(std > 0.007 && std < 0.013, "initial std " + std + "; expected about 0.01");
  }

  // ---------------------------------------------------------------------------------------------
  // planted structure

  @Test
  void explicitAlsRecoversALowRankMatrixToTheNoiseFloor() {
    int users = 150;
    int items = 100;
    int rank = 3;
    double sigma = 0.1;
    SplittableRandom random = new SplittableRandom(2024);
    double[][] u = new double[users][rank];
    double[][] v = new double[items][rank];
    for (double[] row : u) {
      for (int a = 0; a < rank; a++) {
        row[a] = random.nextGaussian();
      }
    }
    for (double[] row : v) {
      for (int a = 0; a < rank; a++) {
        row[a] = random.nextGaussian();
      }
    }
    Interactions.Builder trainB = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", users)).itemIndex(AlsTestData.ids("i", items));
    List<int[]> held = new ArrayList<>();
    List<Double> heldTruth = new ArrayList<>();
    for (int a = 0; a < users; a++) {
      for (int b = 0; b < items; b++) {
        if (random.nextDouble() >= 0.4) {
          continue;
        }
        double clean = 0;
        for (int c = 0; c < rank; c++) {
          clean += u[a][c] * v[b][c];
        }
        double noisy = clean + sigma * random.nextGaussian();
        if (random.nextDouble() < 0.1) {
          held.add(new int[] {a, b});
          heldTruth.add(noisy);
        } else {
          trainB.addIndexed(a, b, (float) noisy);
        }
      }
    }
    Interactions train = trainB.build();
    AlsConfig config = AlsConfig.explicitDefaults().withFactors(rank).withIterations(25)
        .withRegularization(0.01);
    MatrixFactorizationModel model = new AlsTrainer(config).fit(train);
    double trainSq = 0;
    for (int r = 0; r < train.size(); r++) {
      double e = model.predict(train.user(r), train.item(r)) - train.value(r);
      trainSq += e * e;
    }
    double trainRmse = Math.sqrt(trainSq / train.size());
    double testSq = 0;
    double zeroSq = 0;
    for (int j = 0; j < held.size(); j++) {
      double e = model.predict(held.get(j)[0], held.get(j)[1]) - heldTruth.get(j);
      testSq += e * e;
      zeroSq += heldTruth.get(j) * heldTruth.get(j);
    }
    double testRmse = Math.sqrt(testSq / held.size());
    // about 5,400 training ratings, 750 parameters: the residual is sigma * sqrt(1 - 750/5400),
    // about 0.093; predicting 0 would give about sqrt(3) = 1.7
    assertTrue(trainRmse > 0.8 * sigma && trainRmse < 1.1 * sigma, "train RMSE " + trainRmse);
    assertTrue(testRmse < 1.3 * sigma, "held-out RMSE " + testRmse + " (all-zero: "
        + Math.sqrt(zeroSq / held.size()) + ")");
  }

  /** Two user groups, each interacting only with its own half of the items. */
  static Interactions checkerboard() {
    SplittableRandom random = new SplittableRandom(77);
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", 40)).itemIndex(AlsTestData.ids("i", 20));
    for (int u = 0; u < 40; u++) {
      int first = u < 20 ? 0 : 10;
      boolean[] taken = new boolean[10];
      for (int e = 0; e < 4; e++) {
        int i = random.nextInt(10);
        if (!taken[i]) {
          taken[i] = true;
          b.addIndexed(u, first + i, 1 + random.nextInt(3));
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest
  @EnumSource(AlsConfig.Confidence.class)
  void implicitCheckerboardRecommendsFromTheUsersOwnGroup(AlsConfig.Confidence confidence) {
    Interactions train = checkerboard();
    for (AlsConfig.Solver solver : AlsConfig.Solver.values()) {
      AlsConfig config = AlsConfig.implicitDefaults().withFactors(4).withIterations(10)
          .withConfidence(confidence).withAlpha(10).withRegularization(0.1).withSolver(solver);
      MatrixFactorizationModel model = new AlsTrainer(config).fit(train);
      for (int u = 0; u < 40; u++) {
        Recommendations top = model.recommend("u" + u, 1);
        assertEquals(1, top.size(), "user " + u);
        int item = top.itemIndex(0);
        assertEquals(u < 20, item < 10,
            solver + ": user " + u + " got item " + item + " from the other group");
      }
    }
  }

  @Test
  void conjugateGradientWithEnoughStepsAgreesWithCholesky() {
    // 80 x 40: both CG half-iterations work in a rotated eigenbasis; 80 x 6: the item half uses
    // the full Gram matrix. Factors are only defined up to that rotation, so predictions are
    // compared.
    for (int items : new int[] {40, 6}) {
      assertEquals(items == 40, AlsFit.diagonalize(items, 80, items, 4, 16));
      Interactions data = AlsTestData.random(80, items, 8, 21);
      for (AlsConfig base : new AlsConfig[] {AlsConfig.implicitDefaults().withAlpha(5),
          AlsConfig.explicitDefaults()}) {
        AlsConfig config = base.withFactors(4).withIterations(4).withRegularization(0.5);
        MatrixFactorizationModel cholesky =
            new AlsTrainer(config.withSolver(AlsConfig.Solver.CHOLESKY)).fit(data);
        MatrixFactorizationModel cg = new AlsTrainer(
            config.withSolver(AlsConfig.Solver.CONJUGATE_GRADIENT).withCgSteps(16)).fit(data);
        for (int u = 0; u < 80; u++) {
          for (int i = 0; i < items; i++) {
            float expected = cholesky.predict(u, i);
            assertEquals(expected, cg.predict(u, i), 1e-3 * (1 + Math.abs(expected)),
                base.feedback() + " " + items + " items: prediction (" + u + ", " + i + ")");
          }
        }
      }
    }
  }

  @Test
  void theSideToDiagonalizeDependsOnShapeAndStepsOnly() {
    // rotation costs users + items (+ 30 k) row-products, G p costs cgSteps + 1 per row
    assertTrue(AlsFit.diagonalize(1_000_000, 1_000_000, 100_000, 64, 3));
    assertFalse(AlsFit.diagonalize(100_000, 1_000_000, 100_000, 64, 3));
    assertTrue(AlsFit.diagonalize(1000, 1000, 1000, 64, 3)); // 4000 > 2000 + 1920
    assertFalse(AlsFit.diagonalize(1000, 1000, 1000, 64, 1)); // 2000 < 3920
  }

  // ---------------------------------------------------------------------------------------------
  // loss

  @ParameterizedTest
  @EnumSource(AlsConfig.Feedback.class)
  void lossNeverIncreases(AlsConfig.Feedback feedback) {
    Interactions data = AlsTestData.random(120, 60, 10, 31);
    AlsConfig base = (feedback == AlsConfig.Feedback.IMPLICIT ? AlsConfig.implicitDefaults()
        .withAlpha(3) : AlsConfig.explicitDefaults()).withFactors(6).withIterations(12);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    // Cholesky minimises exactly: non-increasing up to float rounding (1e-6 relative)
    List<IterationReport> chol = reports(new AlsTrainer(base.withSolver(AlsConfig.Solver.CHOLESKY)),
        data, FitOptions.defaults(), model);
    // conjugate gradient from the previous vector: also non-increasing, within 1e-5 relative
    List<IterationReport> cg = reports(new AlsTrainer(
        base.withSolver(AlsConfig.Solver.CONJUGATE_GRADIENT)), data, FitOptions.defaults(), model);
    for (int t = 1; t < chol.size(); t++) {
      assertTrue(chol.get(t).loss() <= chol.get(t - 1).loss() * (1 + 1e-6),
          "cholesky loss rose at iteration " + (t + 1) + ": " + chol);
      assertTrue(cg.get(t).loss() <= cg.get(t - 1).loss() * (1 + 1e-5),
          "cg loss rose at iteration " + (t + 1) + ": " + cg);
    }
    assertTrue(chol.get(chol.size() - 1).loss() < 0.9 * chol.get(0).loss(),
        "the loss should fall noticeably: " + chol);
  }

  @ParameterizedTest
  @EnumSource(AlsConfig.Confidence.class)
  void reportedLossIsTheObjectiveOfTheReturnedFactors(AlsConfig.Confidence confidence) {
    Interactions data = AlsTestData.random(40, 25, 6, 41);
    // with 3 CG steps only the user half works in a rotated basis, with 8 both halves do
    assertTrue(AlsFit.diagonalize(40, 40, 25, 3, 3) && !AlsFit.diagonalize(25, 40, 25, 3, 3));
    assertTrue(AlsFit.diagonalize(25, 40, 25, 3, 8));
    for (AlsConfig base : new AlsConfig[] {AlsConfig.implicitDefaults().withAlpha(2),
        AlsConfig.implicitDefaults().withAlpha(2).withCgSteps(8),
        AlsConfig.implicitDefaults().withAlpha(2).withSolver(AlsConfig.Solver.CHOLESKY),
        AlsConfig.explicitDefaults()}) {
      for (AlsConfig.RegularizationMode mode : AlsConfig.RegularizationMode.values()) {
        AlsConfig config = base.withFactors(3).withIterations(2).withConfidence(confidence)
            .withRegularizationMode(mode).withRegularization(0.2);
        MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
        List<IterationReport> r = reports(new AlsTrainer(config), data, FitOptions.defaults(), model);
        double expected = AlsTestData.objective(config, data, model[0].userFactors(),
            model[0].itemFactors());
        assertEquals(expected, r.get(1).loss(), 1e-5 * expected, config.toString());
      }
    }
  }

  @Test
  void lossIsNaNWhenNotComputed() {
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new AlsTrainer(AlsConfig.implicitDefaults().withFactors(2)
        .withIterations(2).withComputeLoss(false)), AlsTestData.random(20, 10, 4, 1),
        FitOptions.defaults(), model);
    assertEquals(2, r.size());
    assertTrue(Double.isNaN(r.get(0).loss()) && Double.isNaN(r.get(1).loss()));
    assertTrue(Double.isNaN(r.get(0).validationLoss()));
  }

  // ---------------------------------------------------------------------------------------------
  // listener, cancellation, early stopping

  @Test
  void listenerGetsEveryIterationWithElapsedTimeFromTheClock() {
    // a clock that advances one second per reading
    long[] ticks = {0};
    InstantSource ticking = () -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ticks[0]++);
    AlsConfig config = AlsConfig.implicitDefaults().withFactors(2).withIterations(4);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new AlsTrainer(config, ticking),
        AlsTestData.random(20, 10, 4, 2), FitOptions.defaults(), model);
    assertEquals(4, r.size());
    for (int t = 0; t < 4; t++) {
      assertEquals(t + 1, r.get(t).iteration());
      assertEquals(4, r.get(t).iterations());
      // start read tick 0; iteration t+1 reads tick t+1
      assertEquals(t + 1, r.get(t).elapsed().toSeconds());
      assertTrue(Double.isFinite(r.get(t).loss()));
    }
    // the provenance is stamped with the clock's next reading
    assertEquals(Instant.parse("2026-01-01T00:00:05Z"), model[0].provenance().createdAt());
  }

  @Test
  void cancellationBeforeFitThrowsWithoutAReport() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    List<IterationReport> r = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      assertThrows(CancellationException.class, () -> new AlsTrainer(AlsConfig.implicitDefaults())
          .fit(AlsTestData.random(20, 10, 4, 3), FitOptions.defaults().withThreads(threads)
              .withCancellation(cancel).withListener(r::add)));
    }
    assertTrue(r.isEmpty());
  }

  @Test
  void cancellationDuringFitStopsAtTheNextBlock() {
    for (int threads : new int[] {1, 2}) {
      Cancellation cancel = new Cancellation();
      List<IterationReport> r = new ArrayList<>();
      FitOptions options = FitOptions.defaults().withThreads(threads).withCancellation(cancel)
          .withListener(report -> {
            r.add(report);
            if (report.iteration() == 2) {
              cancel.cancel();
            }
          });
      CancellationException e = assertThrows(CancellationException.class,
          () -> smallBlocks(AlsConfig.implicitDefaults().withFactors(3).withIterations(10))
              .fit(AlsTestData.random(60, 20, 4, 4), options));
      assertTrue(e.getMessage().contains("als"), e.getMessage());
      assertEquals(2, r.size(), threads + " threads");
    }
  }

  @Test
  void listenerExceptionAbortsTraining() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new AlsTrainer(AlsConfig.implicitDefaults().withFactors(2))
            .fit(AlsTestData.random(20, 10, 4, 5), FitOptions.defaults().withListener(report -> {
              throw new IllegalStateException("stop here");
            })));
    assertEquals("stop here", e.getMessage());
  }

  /** Explicit ratings of a rank-2 matrix plus noise, 30% observed, split 80/20. */
  private static Interactions[] overfittingSplit() {
    SplittableRandom random = new SplittableRandom(5);
    int users = 60;
    int items = 40;
    double[][] u = new double[users][2];
    double[][] v = new double[items][2];
    for (double[] row : u) {
      row[0] = random.nextGaussian();
      row[1] = random.nextGaussian();
    }
    for (double[] row : v) {
      row[0] = random.nextGaussian();
      row[1] = random.nextGaussian();
    }
    Interactions.Builder all = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", users)).itemIndex(AlsTestData.ids("i", items));
    for (int a = 0; a < users; a++) {
      for (int b = 0; b < items; b++) {
        if (random.nextDouble() < 0.3) {
          double r = u[a][0] * v[b][0] + u[a][1] * v[b][1] + 0.3 * random.nextGaussian();
          all.addIndexed(a, b, (float) r);
        }
      }
    }
    Interactions data = all.build();
    List<Integer> trainRows = new ArrayList<>();
    List<Integer> testRows = new ArrayList<>();
    for (int r = 0; r < data.size(); r++) {
      (random.nextDouble() < 0.2 ? testRows : trainRows).add(r);
    }
    return new Interactions[] {
        data.select(trainRows.stream().mapToInt(Integer::intValue).toArray()),
        data.select(testRows.stream().mapToInt(Integer::intValue).toArray())};
  }

  @Test
  void earlyStoppingKeepsTheBestIterationsFactors() {
    Interactions[] split = overfittingSplit();
    int patience = 2;
    // 4 factors for a rank-2 truth with almost no regularization: the validation RMSE falls for a
    // few iterations, then rises as the extra factors fit the noise
    AlsConfig config = AlsConfig.explicitDefaults().withFactors(4).withIterations(20)
        .withRegularization(0.001).withRegularizationMode(AlsConfig.RegularizationMode.PLAIN);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new AlsTrainer(config), split[0],
        FitOptions.defaults().withValidation(split[1], patience), model);
    // the stopping rule, replayed on the reported losses
    double best = Double.POSITIVE_INFINITY;
    int bestIteration = 0;
    int stop = config.iterations();
    for (IterationReport report : r) {
      if (report.validationLoss() < best) {
        best = report.validationLoss();
        bestIteration = report.iteration();
      } else if (report.iteration() - bestIteration >= patience) {
        stop = report.iteration();
        break;
      }
    }
    assertEquals(stop, r.size(), "reports: " + r);
    assertTrue(r.size() < config.iterations(), "this data should overfit and stop early: " + r);
    assertTrue(bestIteration < r.size());
    // the returned model is the best iteration's: its validation RMSE is the best reported one
    Interactions test = split[1];
    double sq = 0;
    for (int row = 0; row < test.size(); row++) {
      double e = model[0].predict(test.user(row), test.item(row)) - test.value(row);
      sq += e * e;
    }
    assertEquals(best, Math.sqrt(sq / test.size()), 1e-6);
    assertNotEquals(r.get(r.size() - 1).validationLoss(), best);
  }

  @Test
  void implicitValidationLossIsOneMinusNdcgAt10() {
    Interactions train = checkerboard();
    // validation: each user's first unseen item of the own group
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(train.users()).itemIndex(train.items());
    for (int u = 0; u < 40; u++) {
      int first = u < 20 ? 0 : 10;
      for (int i = first; i < first + 10; i++) {
        if (!train.byUser().contains(u, i)) {
          b.addIndexed(u, i, 1);
          break;
        }
      }
    }
    Interactions validation = b.build();
    AlsConfig config = AlsConfig.implicitDefaults().withFactors(4).withIterations(5).withAlpha(10)
        .withRegularization(0.1);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new AlsTrainer(config), train,
        FitOptions.defaults().withValidation(validation, 0), model);
    // reference: NDCG@10 from the model's own recommendations (seen items excluded)
    double sum = 0;
    for (int u = 0; u < 40; u++) {
      Recommendations top = model[0].recommend("u" + u, 10);
      int relevant = validation.byUser().rowColumns(u)[0];
      for (int rank = 0; rank < top.size(); rank++) {
        if (top.itemIndex(rank) == relevant) {
          sum += 1 / (Math.log(rank + 2) / Math.log(2));
        }
      }
    }
    double expected = 1 - sum / 40;
    assertEquals(expected, r.get(r.size() - 1).validationLoss(), 1e-9);
    assertTrue(expected < 0.8, "the checkerboard should rank the held-out item well: " + expected);
  }

  // ---------------------------------------------------------------------------------------------
  // model contents and provenance

  @Test
  void usersAndItemsWithoutRowsGetZeroVectorsAndUsersAreUnknown() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", 4)).itemIndex(AlsTestData.ids("i", 4));
    b.addIndexed(0, 0, 1).addIndexed(0, 1, 2).addIndexed(1, 1, 1).addIndexed(3, 0, 3);
    Interactions train = b.build(); // user 2 and item 3 have no rows
    for (AlsConfig config : new AlsConfig[] {AlsConfig.implicitDefaults(),
        AlsConfig.explicitDefaults(), AlsConfig.implicitDefaults().withSolver(AlsConfig.Solver.CHOLESKY)}) {
      MatrixFactorizationModel model = new AlsTrainer(config.withFactors(3)).fit(train);
      assertArrayEquals(new float[3], model.userVector(2), 0f);
      assertArrayEquals(new float[3], model.itemVector(3), 0f);
      assertFalse(model.knowsUser(2));
      assertTrue(model.knowsUser(0) && model.knowsUser(1) && model.knowsUser(3));
      assertFalse(model.recommend("u2", 3).isServed());
      for (float f : model.userFactors()) {
        assertTrue(Float.isFinite(f));
      }
    }
  }

  @Test
  void modelCarriesProvenanceAndSource() {
    Interactions train = AlsTestData.random(20, 10, 4, 6);
    AlsConfig config = AlsConfig.implicitDefaults().withFactors(2).withIterations(1).withSeed(99);
    MatrixFactorizationModel model = new AlsTrainer(config, FIXED).fit(train);
    Provenance p = model.provenance();
    assertEquals("als", p.producer());
    assertEquals(99L, p.seed());
    assertEquals(train.fingerprint(), p.data());
    assertEquals(Instant.parse("2026-11-24T10:00:00Z"), p.createdAt());
    assertEquals(config, p.configAs(AlsConfig.class));
    assertEquals(new Source("als"), model.source());
    assertEquals(2, model.factors());
    assertEquals(train.items(), model.items());
  }

  // ---------------------------------------------------------------------------------------------
  // bad input

  @Test
  void emptyTrainingDataIsRejected() {
    Interactions empty = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", 3)).itemIndex(AlsTestData.ids("i", 3)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlsTrainer(AlsConfig.implicitDefaults()).fit(empty));
    assertTrue(e.getMessage().contains("0 interactions"), e.getMessage());
  }

  @Test
  void negativeImplicitValueIsRejectedNamingIt() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", 3)).itemIndex(AlsTestData.ids("i", 4));
    b.addIndexed(0, 0, 1).addIndexed(1, 3, -2.5f).addIndexed(2, 1, 1);
    Interactions train = b.build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlsTrainer(AlsConfig.implicitDefaults()).fit(train));
    assertTrue(e.getMessage().contains("-2.5") && e.getMessage().contains("'u1'")
        && e.getMessage().contains("'i3'") && e.getMessage().contains(">= 0"), e.getMessage());
    // explicit ratings may be negative
    MatrixFactorizationModel model = new AlsTrainer(AlsConfig.explicitDefaults().withFactors(2)).fit(train);
    assertTrue(Float.isFinite(model.predict(1, 3)));
  }

  @Test
  void overflowingConfidenceIsRejected() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", 2)).itemIndex(AlsTestData.ids("i", 2));
    b.addIndexed(0, 0, 3e30f).addIndexed(1, 1, 1);
    Interactions train = b.build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlsTrainer(AlsConfig.implicitDefaults().withAlpha(1e10)).fit(train));
    assertTrue(e.getMessage().contains("3.0E30") && e.getMessage().contains("confidence"),
        e.getMessage());
  }

  @Test
  void extremeExplicitValuesGiveFiniteFactorsOrAClearError() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(AlsTestData.ids("u", 3)).itemIndex(AlsTestData.ids("i", 3));
    b.addIndexed(0, 0, 3e38f).addIndexed(1, 1, -3e38f).addIndexed(2, 2, 3e38f).addIndexed(0, 1, 1);
    Interactions train = b.build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new AlsTrainer(AlsConfig.explicitDefaults().withFactors(2)).fit(train));
    assertTrue(e.getMessage().contains("not finite") || e.getMessage().contains("positive definite"),
        e.getMessage());
  }

  @Test
  void validationWithOtherIndexesIsRejected() {
    Interactions train = AlsTestData.random(20, 10, 4, 7);
    Interactions other = AlsTestData.random(21, 10, 4, 8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlsTrainer(AlsConfig.explicitDefaults())
            .fit(train, FitOptions.defaults().withValidation(other, 1)));
    assertTrue(e.getMessage().contains("21 users"), e.getMessage());
  }

  @Test
  void implicitValidationWithoutUsableUsersIsRejected() {
    Interactions train = AlsTestData.random(20, 10, 4, 7);
    // only user 5 (no training rows: 5 % 17 == 5) has validation rows
    Interactions validation = Interactions.builder(DuplicatePolicy.SUM).userIndex(train.users())
        .itemIndex(train.items()).addIndexed(5, 1, 1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AlsTrainer(AlsConfig.implicitDefaults())
            .fit(train, FitOptions.defaults().withValidation(validation, 1)));
    assertTrue(e.getMessage().contains("0 users"), e.getMessage());
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThrows(NullPointerException.class, () -> new AlsTrainer(null));
    assertThrows(NullPointerException.class, () -> new AlsTrainer(AlsConfig.implicitDefaults(), null));
    AlsTrainer trainer = new AlsTrainer(AlsConfig.implicitDefaults());
    assertThrows(NullPointerException.class, () -> trainer.fit(null));
    assertThrows(NullPointerException.class,
        () -> trainer.fit(AlsTestData.random(5, 5, 2, 1), null));
  }
}
