package dev.reco.models.svd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.Cancellation;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.IterationReport;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BiasedSvdTrainerTest {
  private static final InstantSource FIXED =
      InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));

  private static List<IterationReport> reports(BiasedSvdTrainer trainer, Interactions train,
      FitOptions options, MatrixFactorizationModel[] out) {
    List<IterationReport> reports = new ArrayList<>();
    out[0] = trainer.fit(train, options.withListener(reports::add));
    return reports;
  }

  // ---------------------------------------------------------------------------------------------
  // the update rules, by hand

  /**
   * Two ratings, one epoch, sequential, from given initial factors; distinct rates per group, so
   * a rate applied to the wrong parameter, a bias updated after the factors, or a factor updated
   * from the other side's new value all change the numbers.
   */
  @Test
  void twoSgdStepsMatchTheHandComputedUpdates() {
    // (u0, i0, 5) then (u1, i0, 3): mu = (5 + 3) / 2 = 4
    Interactions train = SvdTestData.rows(2, 1, new double[][] {{0, 0, 5}, {1, 0, 3}});
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(2).withEpochs(1)
        .withLearningRates(0.1, 0.2, 0.1, 0.05).withRegularizations(0.5, 0.25, 0.5, 1.0)
        .withBlocks(1).withShuffle(false);
    float[] p = {0.5f, -1f, 1f, 2f}; // p0 = (0.5, -1), p1 = (1, 2)
    float[] q = {2f, 1f}; // q0 = (2, 1)
    MatrixFactorizationModel model = new BiasedSvdTrainer(config, FIXED)
        .fit(train, FitOptions.defaults(), p, q);
    // step 1, (u0, i0, 5): dot = 2*0.5 + 1*(-1) = 0; e = 5 - (4 + 0 + 0 + 0) = 1
    //   bu0 = 0 + 0.1 * (1 - 0.5 * 0) = 0.1
    //   bi0 = 0 + 0.2 * (1 - 0.25 * 0) = 0.2
    //   p0  = (0.5 + 0.1 * (1*2 - 0.5*0.5), -1 + 0.1 * (1*1 - 0.5*(-1))) = (0.675, -0.85)
    //   q0  = (2 + 0.05 * (1*0.5 - 1*2), 1 + 0.05 * (1*(-1) - 1*1)) = (1.925, 0.9)  [old p0]
    // step 2, (u1, i0, 3): dot = 1.925*1 + 0.9*2 = 3.725; e = 3 - (4 + 0 + 0.2 + 3.725) = -4.925
    //   bu1 = 0 + 0.1 * (-4.925 - 0.5 * 0) = -0.4925
    //   bi0 = 0.2 + 0.2 * (-4.925 - 0.25 * 0.2) = 0.2 - 0.995 = -0.795
    //   p1  = (1 + 0.1 * (-4.925*1.925 - 0.5*1), 2 + 0.1 * (-4.925*0.9 - 0.5*2))
    //       = (1 - 0.9980625, 2 - 0.54325) = (0.0019375, 1.45675)
    //   q0  = (1.925 + 0.05 * (-4.925*1 - 1*1.925), 0.9 + 0.05 * (-4.925*2 - 1*0.9))
    //       = (1.925 - 0.3425, 0.9 - 0.5375) = (1.5825, 0.3625)                   [old p1]
    float tol = 1e-6f;
    assertEquals(4f, model.globalMean(), 0f);
    assertArrayEquals(new float[] {0.1f, -0.4925f}, model.userBiases(), tol);
    assertArrayEquals(new float[] {-0.795f}, model.itemBiases(), tol);
    assertArrayEquals(new float[] {0.675f, -0.85f, 0.0019375f, 1.45675f}, model.userFactors(),
        tol);
    assertArrayEquals(new float[] {1.5825f, 0.3625f}, model.itemFactors(), tol);
    // predictions: u1 = 4 - 0.4925 - 0.795 + (1.5825*0.0019375 + 0.3625*1.45675) = 3.2436380
    //              u0 = 4 + 0.1 - 0.795 + (1.5825*0.675 + 0.3625*(-0.85)) = 4.0650625
    // both inside the observed range [3, 5], so not clipped
    assertEquals(3.2436380f, model.predict(1, 0), tol);
    assertEquals(4.0650625f, model.predict(0, 0), tol);
    assertEquals(3f, model.minRating());
    assertEquals(5f, model.maxRating());
    // the given initial factors were copied, not trained in place
    assertArrayEquals(new float[] {0.5f, -1f, 1f, 2f}, p);
  }

  @Test
  void predictionsAreClippedToTheConfiguredScale() {
    // one user rates one item 5 many times: the unclipped prediction approaches 5 from below,
    // a scale of [1, 4] clips it to 4, and an unrated user gets mu + b_i clipped too
    double[][] rows = new double[40][];
    Arrays.fill(rows, new double[] {0, 0, 5});
    Interactions train = SvdTestData.rows(2, 2, rows);
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(2).withEpochs(5)
        .withBlocks(1);
    MatrixFactorizationModel observed = new BiasedSvdTrainer(config, FIXED).fit(train);
    // all training values equal: there is no observed range, so no clipping
    assertTrue(Float.isNaN(observed.minRating()));
    assertEquals(5f, observed.predict(0, 0), 1e-4f);
    MatrixFactorizationModel scaled = new BiasedSvdTrainer(config.withRatingScale(1, 4), FIXED)
        .fit(train);
    assertEquals(4f, scaled.predict(0, 0));
    assertEquals(4f, scaled.predict(1, 0)); // mu = 5 for an unrated user, clipped
    assertEquals(4f, scaled.predict("nobody", "nothing")); // mu alone, clipped
    assertEquals(1f, scaled.minRating());
    assertEquals(4f, scaled.maxRating());
  }

  @Test
  void unknownUsersAndItemsGetSurprisesFallbackEstimate() {
    Interactions train = SvdTestData.random(20, 15, 0.4, 3);
    MatrixFactorizationModel m = new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(4)
        .withBlocks(2), FIXED).fit(train);
    float[] bu = m.userBiases();
    float[] bi = m.itemBiases();
    // Surprise: unknown user -> mu + b_i; unknown item -> mu + b_u; both unknown -> mu
    assertEquals(clip(m.globalMean() + bi[3]), m.predict("nobody", "i3"), 1e-6f);
    assertEquals(clip(m.globalMean() + bu[2]), m.predict("u2", "nothing"), 1e-6f);
    assertEquals(clip(m.globalMean()), m.predict("nobody", "nothing"), 1e-6f);
  }

  private static float clip(float x) {
    return Math.max(1f, Math.min(5f, x));
  }

  // ---------------------------------------------------------------------------------------------
  // determinism

  private static Interactions plantedSmall() {
    return new PlantedRatings(300, 200, 6000, 3, 3.5, 0.3, 0.4, 0.8, 0.3, 1.0, true, 17L)
        .generate();
  }

  @ParameterizedTest
  @EnumSource(BiasedSvdConfig.BlockLayout.class)
  void factorsAreBitIdenticalForOneTwoAndFourThreads(BiasedSvdConfig.BlockLayout layout) {
    Interactions[] split = SvdTestData.split(plantedSmall(), 0.1, 1);
    BiasedSvdTrainer trainer = new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(16)
        .withEpochs(6).withBlocks(5).withBlockLayout(layout), FIXED);
    FitOptions base = FitOptions.defaults().withValidation(split[1], 0);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> one = reports(trainer, split[0], base.withThreads(1), model);
    MatrixFactorizationModel first = model[0];
    for (int threads : new int[] {2, 4, 3}) {
      List<IterationReport> other = reports(trainer, split[0], base.withThreads(threads), model);
      String what = threads + " threads, " + layout;
      assertArrayEquals(first.userFactors(), model[0].userFactors(), what + ": user factors");
      assertArrayEquals(first.itemFactors(), model[0].itemFactors(), what + ": item factors");
      assertArrayEquals(first.userBiases(), model[0].userBiases(), what + ": user biases");
      assertArrayEquals(first.itemBiases(), model[0].itemBiases(), what + ": item biases");
      for (int e = 0; e < one.size(); e++) {
        assertEquals(one.get(e).loss(), other.get(e).loss(), 0.0, what + ": loss");
        assertEquals(one.get(e).validationLoss(), other.get(e).validationLoss(), 0.0,
            what + ": validation loss");
      }
    }
  }

  @Test
  void theSeedAndTheBlockCountChangeTheFactorsAndTheSameConfigRepeatsThem() {
    Interactions train = plantedSmall();
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(8).withEpochs(3);
    float[] a = new BiasedSvdTrainer(config, FIXED).fit(train).userFactors();
    float[] again = new BiasedSvdTrainer(config, FIXED).fit(train,
        FitOptions.defaults().withThreads(2)).userFactors();
    assertArrayEquals(a, again);
    assertFalse(Arrays.equals(a, new BiasedSvdTrainer(config.withSeed(43), FIXED).fit(train)
        .userFactors()), "another seed");
    assertFalse(Arrays.equals(a, new BiasedSvdTrainer(config.withBlocks(4), FIXED).fit(train)
        .userFactors()), "another block count");
    assertFalse(Arrays.equals(a, new BiasedSvdTrainer(config.withShuffle(false), FIXED)
        .fit(train).userFactors()), "no shuffling");
  }

  @Test
  void initialFactorsAreSeededGaussiansPerRow() {
    // one epoch with all learning rates 0 leaves the initial factors: mean 0.5, std 0.1
    Interactions train = SvdTestData.random(400, 300, 0.05, 8);
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(50).withEpochs(1)
        .withLearningRate(0).withInit(0.5, 0.1);
    float[] users = new BiasedSvdTrainer(config, FIXED).fit(train).userFactors();
    double sum = 0;
    double sq = 0;
    int n = 0;
    int[] counts = train.userCounts();
    for (int u = 0; u < counts.length; u++) {
      for (int f = 0; f < 50; f++) {
        float v = users[u * 50 + f];
        if (counts[u] == 0) {
          assertEquals(0f, v, "users without ratings keep zero factors");
          continue;
        }
        sum += v;
        sq += v * v;
        n++;
      }
    }
    double mean = sum / n;
    double std = Math.sqrt(sq / n - mean * mean);
    // n is about 20,000: the standard error of the mean is 0.1 / sqrt(n) = 0.0007
    assertEquals(0.5, mean, 0.005);
    assertEquals(0.1, std, 0.005);
    // row r's values depend on (seed, row) only: with another item count the user rows agree
    Interactions wider = SvdTestData.random(400, 301, 0.05, 8);
    float[] users2 = new BiasedSvdTrainer(config, FIXED).fit(wider).userFactors();
    int[] counts2 = wider.userCounts();
    for (int u = 0; u < counts.length; u++) {
      if (counts[u] > 0 && counts2[u] > 0) {
        assertEquals(users[u * 50], users2[u * 50], 0f, "user " + u);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // quality on planted structure

  @Test
  void plantedLowRankRatingsAreRecoveredToTheNoiseFloor() {
    // r = 3 + b_u + b_i + p_u . q_i + N(0, 0.3²), rank 4, continuous, 20% of 500 x 400 observed
    double noise = 0.3;
    PlantedRatings planted = new PlantedRatings(500, 400, 40_000, 4, 3.0, 0.3, 0.4, 0.8, noise,
        0.5, false, 11L);
    Interactions[] split = SvdTestData.split(planted.generate(), 0.1, 3);
    MatrixFactorizationModel m = new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(4)
        .withLearningRate(0.01).withEpochs(80).withBlocks(4), FIXED)
        .fit(split[0], FitOptions.defaults().withThreads(2));
    double test = SvdTestData.rmse(m, split[1]);
    double train = SvdTestData.rmse(m, split[0]);
    double mean = SvdTestData.rmse(m.globalMean(), split[1]);
    // the best possible test RMSE is the noise, 0.3; predicting the mean gives about 0.95
    assertTrue(test < 1.1 * noise, "test RMSE " + test + " vs noise " + noise);
    assertTrue(train > 0.85 * noise, "train RMSE " + train + ": the noise should not be learned");
    assertTrue(mean > 3 * noise, "mean baseline " + mean);
  }

  @Test
  void recommendedSettingsBeatSurprisesDefaultsOnMovieLensShapedRatings() {
    // 943 x 1,682 x 100,000 ratings on the 1..5 scale; one 80/20 split
    Interactions[] split = SvdTestData.split(PlantedRatings.movieLens100k().generate(), 0.2, 5);
    FitOptions options = FitOptions.defaults().withThreads(2);
    double defaults = SvdTestData.rmse(new BiasedSvdTrainer(BiasedSvdConfig.defaults(), FIXED)
        .fit(split[0], options), split[1]);
    double recommended = SvdTestData.rmse(new BiasedSvdTrainer(BiasedSvdConfig.recommended(),
        FIXED).fit(split[0], options), split[1]);
    assertTrue(recommended < defaults - 0.01,
        "recommended " + recommended + " vs defaults " + defaults);
  }

  @Test
  void trainingLossFallsOverTheEpochs() {
    Interactions train = plantedSmall();
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new BiasedSvdTrainer(BiasedSvdConfig.defaults()
        .withFactors(8).withEpochs(10).withLearningRate(0.01), FIXED), train,
        FitOptions.defaults(), model);
    assertEquals(10, r.size());
    for (int e = 1; e < r.size(); e++) {
      assertTrue(r.get(e).loss() < r.get(e - 1).loss(), "epoch " + (e + 1) + ": " + r);
      assertTrue(Double.isNaN(r.get(e).validationLoss()));
    }
    // the reported loss is the RMSE accumulated during the epoch; after the epoch the model is
    // a little better on the same data, and the two are close
    double after = SvdTestData.rmse(model[0], train);
    double last = r.get(r.size() - 1).loss();
    assertTrue(after <= last && after > 0.9 * last, after + " vs " + last);
  }

  // ---------------------------------------------------------------------------------------------
  // listener, cancellation, early stopping

  @Test
  void listenerGetsEveryEpochWithElapsedTimeFromTheClock() {
    // a clock that advances one second per reading
    long[] ticks = {0};
    InstantSource ticking = () -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ticks[0]++);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new BiasedSvdTrainer(BiasedSvdConfig.defaults()
        .withFactors(2).withEpochs(4), ticking), SvdTestData.random(20, 10, 0.4, 2),
        FitOptions.defaults(), model);
    assertEquals(4, r.size());
    for (int t = 0; t < 4; t++) {
      assertEquals(t + 1, r.get(t).iteration());
      assertEquals(4, r.get(t).iterations());
      // start read tick 0; epoch t+1 reads tick t+1
      assertEquals(t + 1, r.get(t).elapsed().toSeconds());
      assertTrue(Double.isFinite(r.get(t).loss()));
    }
    assertEquals(Instant.parse("2026-01-01T00:00:05Z"), model[0].provenance().createdAt());
  }

  @Test
  void cancellationBeforeFitThrowsWithoutAReport() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    List<IterationReport> r = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      assertThrows(CancellationException.class, () -> new BiasedSvdTrainer(
          BiasedSvdConfig.defaults()).fit(SvdTestData.random(20, 10, 0.4, 3), FitOptions.defaults()
          .withThreads(threads).withCancellation(cancel).withListener(r::add)));
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
          () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(3).withEpochs(10))
              .fit(SvdTestData.random(60, 20, 0.3, 4), options));
      assertTrue(e.getMessage().contains("BiasedSVD"), e.getMessage());
      assertEquals(2, r.size(), threads + " threads");
    }
  }

  @Test
  void listenerExceptionAbortsTraining() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(2))
            .fit(SvdTestData.random(20, 10, 0.4, 5), FitOptions.defaults().withListener(report -> {
              throw new IllegalStateException("stop here");
            })));
    assertEquals("stop here", e.getMessage());
  }

  @Test
  void earlyStoppingKeepsTheBestEpochsParameters() {
    // 40 factors, no regularization and a high learning rate on sparse data: the validation
    // RMSE falls for a few epochs, then rises as the factors fit the noise
    Interactions[] split = SvdTestData.split(plantedSmall(), 0.2, 5);
    int patience = 3;
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(40).withEpochs(100)
        .withLearningRate(0.03).withRegularization(0).withBlocks(3);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    List<IterationReport> r = reports(new BiasedSvdTrainer(config, FIXED), split[0],
        FitOptions.defaults().withThreads(2).withValidation(split[1], patience), model);
    // the stopping rule, replayed on the reported losses
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int stop = config.epochs();
    for (IterationReport report : r) {
      if (report.validationLoss() < best) {
        best = report.validationLoss();
        bestEpoch = report.iteration();
      } else if (report.iteration() - bestEpoch >= patience) {
        stop = report.iteration();
        break;
      }
    }
    assertEquals(stop, r.size(), "reports: " + r);
    assertTrue(r.size() < config.epochs(), "this data should overfit and stop early: " + r);
    assertEquals(bestEpoch + patience, r.size());
    // the returned model is the best epoch's: its validation RMSE is the best reported one ...
    assertEquals(best, SvdTestData.rmse(model[0], split[1]), 1e-5);
    assertNotEquals(r.get(r.size() - 1).validationLoss(), best);
    // ... and it is exactly the model of a fit that runs bestEpoch epochs
    MatrixFactorizationModel shorter = new BiasedSvdTrainer(config.withEpochs(bestEpoch), FIXED)
        .fit(split[0]);
    assertArrayEquals(shorter.userFactors(), model[0].userFactors());
    assertArrayEquals(shorter.itemFactors(), model[0].itemFactors());
    assertArrayEquals(shorter.itemBiases(), model[0].itemBiases());
  }

  @Test
  void validationWithoutPatienceOnlyReports() {
    Interactions[] split = SvdTestData.split(plantedSmall(), 0.2, 6);
    MatrixFactorizationModel[] model = new MatrixFactorizationModel[1];
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(4).withEpochs(5);
    List<IterationReport> r = reports(new BiasedSvdTrainer(config, FIXED), split[0],
        FitOptions.defaults().withValidation(split[1], 0), model);
    assertEquals(5, r.size());
    // the last report's validation loss is the returned model's RMSE on the validation set
    assertEquals(r.get(4).validationLoss(), SvdTestData.rmse(model[0], split[1]), 1e-5);
    assertArrayEquals(new BiasedSvdTrainer(config, FIXED).fit(split[0]).userFactors(),
        model[0].userFactors(), "validation does not change the fit");
  }

  // ---------------------------------------------------------------------------------------------
  // the model

  @Test
  void usersAndItemsWithoutRatingsGetZeroVectorsAndUsersAreUnknown() {
    // user 2 and item 3 have no ratings
    Interactions train = SvdTestData.rows(3, 4, new double[][] {
        {0, 0, 4}, {0, 1, 2}, {1, 0, 5}, {1, 2, 1}, {0, 2, 3}});
    MatrixFactorizationModel m = new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(3)
        .withBlocks(2), FIXED).fit(train);
    assertArrayEquals(new float[3], m.userVector(2));
    assertArrayEquals(new float[3], m.itemVector(3));
    assertEquals(0f, m.userBiases()[2]);
    assertEquals(0f, m.itemBiases()[3]);
    assertTrue(m.knowsUser(0));
    assertTrue(m.knowsUser(1));
    assertFalse(m.knowsUser(2));
    assertEquals(Source.NONE, m.recommend("u2", 2,
        dev.reco.core.recommend.RecommendOptions.defaults()).source());
    // an unrated user's prediction is mu + b_i, as Surprise's for an unknown user
    assertEquals(m.globalMean() + m.itemBiases()[1], m.predict(2, 1), 1e-6f);
  }

  @Test
  void modelCarriesProvenanceAndSource() {
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(3).withSeed(99);
    Interactions train = SvdTestData.random(20, 10, 0.4, 7);
    MatrixFactorizationModel m = new BiasedSvdTrainer(config, FIXED).fit(train);
    assertEquals(new Source("biased-svd"), m.source());
    assertEquals(BiasedSvdTrainer.SOURCE, m.source());
    assertEquals("biased-svd", m.provenance().producer());
    assertTrue(m.provenance().configJson().contains("\"factors\":3"), m.provenance().configJson());
    assertEquals(99L, m.provenance().seed());
    assertEquals(train.fingerprint(), m.provenance().data());
    assertEquals(Instant.parse("2026-11-24T10:00:00Z"), m.provenance().createdAt());
    assertTrue(m.hasBiases());
    assertEquals(3, m.factors());
  }

  @Test
  void duplicateRatingsAreTrainedAsSeparateRatings() {
    Interactions twice = SvdTestData.rows(1, 1, new double[][] {{0, 0, 4}, {0, 0, 2}});
    // zero initial factors stay zero (each factor update is proportional to the other side's)
    BiasedSvdConfig config = BiasedSvdConfig.defaults().withFactors(2).withBlocks(1)
        .withShuffle(false).withEpochs(1).withInit(0, 0).withLearningRate(0.1)
        .withRegularization(0);
    MatrixFactorizationModel m = new BiasedSvdTrainer(config, FIXED).fit(twice);
    // mu = (4 + 2) / 2 = 3
    // row 1: e = 4 - 3 = 1;                 b_u = 0.1 * 1 = 0.1,           b_i = 0.1
    // row 2: e = 2 - (3 + 0.1 + 0.1) = -1.2; b_u = 0.1 + 0.1 * -1.2 = -0.02, b_i = -0.02
    assertEquals(3f, m.globalMean());
    assertArrayEquals(new float[] {-0.02f}, m.userBiases(), 1e-7f);
    assertArrayEquals(new float[] {-0.02f}, m.itemBiases(), 1e-7f);
    assertArrayEquals(new float[2], m.userFactors());
  }

  // ---------------------------------------------------------------------------------------------
  // bad input

  @Test
  void emptyTrainingDataIsRejected() {
    Interactions empty = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .userIndex(SvdTestData.ids("u", 3)).itemIndex(SvdTestData.ids("i", 3)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults()).fit(empty));
    assertTrue(e.getMessage().contains("0 ratings"), e.getMessage());
  }

  @Test
  void nonFiniteRatingsNeverReachTheTrainer() {
    // Interactions rejects NaN and infinite values when they are added, naming the value
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
      Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL)
          .userIndex(SvdTestData.ids("u", 2)).itemIndex(SvdTestData.ids("i", 2));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> b.addIndexed(0, 1, bad));
      assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }
  }

  @Test
  void divergingTrainingFailsNamingTheLearningRatesInsteadOfReturningNaN() {
    // ratings 1e30 and a learning rate of 1: the squared errors overflow in the first epoch
    Interactions train = SvdTestData.rows(2, 2, new double[][] {
        {0, 0, 1e30}, {1, 1, -1e30}, {0, 1, 1e30}, {1, 0, 1}});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(2).withLearningRate(1)
            .withEpochs(3)).fit(train));
    assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    assertTrue(e.getMessage().contains("lrPu = 1.0"), e.getMessage());
  }

  @Test
  void zeroOrNegativeFactorsAreRejectedByTheConfig() {
    for (int factors : new int[] {0, -3}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> BiasedSvdConfig.defaults().withFactors(factors));
      assertTrue(e.getMessage().startsWith("factors = " + factors + ";"), e.getMessage());
    }
  }

  @Test
  void validationWithOtherIndexesIsRejected() {
    Interactions train = SvdTestData.random(20, 10, 0.4, 8);
    Interactions other = SvdTestData.random(21, 10, 0.4, 8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(2))
            .fit(train, FitOptions.defaults().withValidation(other, 1)));
    assertTrue(e.getMessage().contains("validation"), e.getMessage());
  }

  @Test
  void emptyValidationIsRejected() {
    Interactions train = SvdTestData.random(20, 10, 0.4, 8);
    Interactions empty = train.select(new int[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(2))
            .fit(train, FitOptions.defaults().withValidation(empty, 1)));
    assertTrue(e.getMessage().contains("validation has 0 rows"), e.getMessage());
  }

  @Test
  void givenInitialFactorsOfTheWrongLengthAreRejected() {
    Interactions train = SvdTestData.random(4, 3, 0.8, 8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(2))
            .fit(train, FitOptions.defaults(), new float[7], new float[6]));
    assertTrue(e.getMessage().contains("userInit has 7 values; expected 8"), e.getMessage());
  }

  @Test
  void nullArgumentsAreRejected() {
    BiasedSvdTrainer trainer = new BiasedSvdTrainer(BiasedSvdConfig.defaults());
    Interactions train = SvdTestData.random(4, 3, 0.8, 8);
    assertThrows(NullPointerException.class, () -> new BiasedSvdTrainer(null));
    assertThrows(NullPointerException.class, () -> trainer.fit(null));
    assertThrows(NullPointerException.class, () -> trainer.fit(train, null));
  }
}
