package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.TreeEnsemble;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LambdaMartTest {
  private static RankingData train;
  private static RankingData valid;

  @BeforeAll
  static void data() {
    RankingData.Split split = SyntheticCandidates.generate(400, 30, 10, 11).split(0.4, 5);
    train = split.train();
    valid = split.validation();
  }

  private static LambdaMartConfig small() {
    return LambdaMartConfig.defaults().withTrees(40).withMaxLeaves(15);
  }

  private static double ndcg(TreeEnsemble model, RankingData data) {
    float[] s = model.score(data.features(), data.rows());
    double[] scores = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      scores[i] = s[i];
    }
    return Ndcg.mean(data.labels, data.offsets, scores, 10);
  }

  @Test
  void ensembleReproducesTheBoostersTrainingScoresExactly() {
    // Sampling of features and groups exercises rows that did not grow a tree.
    LambdaMartConfig c = small().withFeatureFraction(0.7).withSubsample(0.8);
    LambdaMart.Fit fit = LambdaMart.run(train, null, c, null);
    TreeEnsemble model = fit.ensemble();
    assertEquals(40, model.trees().size());
    int d = train.schema().size();
    float[] row = new float[d];
    float[] all = model.score(train.features(), train.rows());
    int missing = 0;
    for (int r = 0; r < train.rows(); r++) {
      for (int f = 0; f < d; f++) {
        row[f] = train.feature(r, f);
        missing += Float.isNaN(row[f]) ? 1 : 0;
      }
      assertEquals(Double.doubleToLongBits(fit.trainScores()[r]),
          Double.doubleToLongBits(model.margin(row)), "row " + r);
      assertEquals((float) fit.trainScores()[r], all[r], 0.0f, "row " + r);
    }
    assertTrue(missing > 0, "the data exercise missing values");
  }

  @Test
  void aSentinelTrainsExactlyLikeNaN() {
    // The same data with every NaN replaced by -999 under a schema that declares -999 missing:
    // the same bins, splits and default directions, hence the same scores.
    RankingData.Builder b = RankingData.builder(train.schema().withMissingValue(-999f));
    int d = train.schema().size();
    for (int g = 0; g < train.groups(); g++) {
      for (int r = train.groupStart(g); r < train.groupEnd(g); r++) {
        float[] row = new float[d];
        for (int f = 0; f < d; f++) {
          float v = train.feature(r, f);
          row[f] = Float.isNaN(v) ? -999f : v;
        }
        b.add(train.groupKey(g), train.itemId(r), row, train.label(r));
      }
    }
    RankingData withSentinel = b.build();
    LambdaMartConfig c = small().withTrees(10);
    TreeEnsemble nan = LambdaMart.fit(train, c);
    TreeEnsemble sentinel = LambdaMart.fit(withSentinel, c);
    assertArrayEquals(nan.score(train.features(), train.rows()),
        sentinel.score(withSentinel.features(), withSentinel.rows()));
    assertEquals(-999f, sentinel.schema().missingValue());
  }

  @Test
  void learnsToRankHeldOutGroups() {
    List<double[]> history = new ArrayList<>();
    TreeEnsemble model = LambdaMart.fit(train, null, small(),
        (trees, trainNdcg, validNdcg) -> history.add(new double[] {trees, trainNdcg, validNdcg}));
    double heldOut = ndcg(model, valid);

    // Iteration 0: all scores 0, the (random) generation order decides.
    double iteration0 = Ndcg.mean(valid.labels, valid.offsets, new double[valid.rows()], 10);
    // A random order: mean over 5 seeded shuffles (scores drawn uniformly).
    SplittableRandom random = new SplittableRandom(3);
    double shuffled = 0;
    for (int rep = 0; rep < 5; rep++) {
      double[] scores = random.doubles(valid.rows()).toArray();
      shuffled += Ndcg.mean(valid.labels, valid.offsets, scores, 10) / 5;
    }
    assertTrue(heldOut > iteration0 + 0.3, heldOut + " vs iteration 0 " + iteration0);
    assertTrue(heldOut > shuffled + 0.3, heldOut + " vs random " + shuffled);
    assertTrue(heldOut > 0.8, "held-out NDCG@10 " + heldOut);

    // Training NDCG after each tree: no validation, so NaN there; rising overall and never
    // falling by more than a little between consecutive trees.
    assertEquals(40, history.size());
    for (int t = 0; t < history.size(); t++) {
      assertEquals(t + 1, history.get(t)[0]);
      assertTrue(Double.isNaN(history.get(t)[2]));
      if (t > 0) {
        assertTrue(history.get(t)[1] > history.get(t - 1)[1] - 0.005, "tree " + (t + 1));
      }
    }
    assertTrue(history.get(39)[1] > history.get(9)[1] + 0.01);
    assertTrue(history.get(9)[1] > history.get(0)[1]);
  }

  @Test
  void fitsAreDeterministic() {
    LambdaMartConfig c = small().withTrees(15).withFeatureFraction(0.6).withSubsample(0.7);
    TreeEnsemble a = LambdaMart.fit(train, c);
    TreeEnsemble b = LambdaMart.fit(train, c);
    assertEquals(a.trees().size(), b.trees().size());
    for (int t = 0; t < a.trees().size(); t++) {
      TreeEnsemble.Tree x = a.trees().get(t);
      TreeEnsemble.Tree y = b.trees().get(t);
      assertEquals(x.nodeCount(), y.nodeCount());
      for (int n = 0; n < x.nodeCount(); n++) {
        assertEquals(x.feature(n), y.feature(n));
        assertEquals(Double.doubleToLongBits(x.threshold(n)), Double.doubleToLongBits(y.threshold(n)));
        assertEquals(x.defaultLeft(n), y.defaultLeft(n));
        assertEquals(x.left(n), y.left(n));
        assertEquals(x.right(n), y.right(n));
      }
      for (int j = 0; j < x.leafCount(); j++) {
        assertEquals(Double.doubleToLongBits(x.leafValue(j)), Double.doubleToLongBits(y.leafValue(j)));
      }
    }
    assertArrayEquals(a.score(valid.features(), valid.rows()), b.score(valid.features(), valid.rows()));
    // Another seed draws other features and groups, hence another model.
    TreeEnsemble other = LambdaMart.fit(train, c.withSeed(43));
    assertTrue(!java.util.Arrays.equals(a.score(valid.features(), valid.rows()),
        other.score(valid.features(), valid.rows())));
  }

  @Test
  void featureFractionLimitsTheFeaturesOfEachTree() {
    // 10 features, fraction 0.1: every tree may split on round(0.1 * 10) = 1 feature only, and
    // over 20 trees the seeded draws pick several different ones.
    TreeEnsemble model = LambdaMart.fit(train, small().withTrees(20).withFeatureFraction(0.1));
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (TreeEnsemble.Tree tree : model.trees()) {
      java.util.Set<Integer> features = new java.util.HashSet<>();
      for (int n = 0; n < tree.nodeCount(); n++) {
        features.add(tree.feature(n));
      }
      assertTrue(features.size() <= 1, features.toString());
      seen.addAll(features);
    }
    assertTrue(seen.size() >= 4, seen.toString());
  }

  @Test
  void aCutoffOfOneStillLearnsTheTopItem() {
    TreeEnsemble model = LambdaMart.fit(train, small().withNdcgAt(1));
    float[] s = model.score(valid.features(), valid.rows());
    double[] scores = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      scores[i] = s[i];
    }
    double zero = Ndcg.mean(valid.labels, valid.offsets, new double[valid.rows()], 1);
    double learned = Ndcg.mean(valid.labels, valid.offsets, scores, 1);
    assertTrue(learned > zero + 0.3, learned + " vs " + zero);
  }

  @Test
  void earlyStoppingKeepsTheBestPrefix() {
    List<Double> validNdcg = new ArrayList<>();
    // A high learning rate and many leaves overfit quickly, so validation NDCG peaks early.
    LambdaMartConfig c = small().withTrees(60).withLearningRate(0.8).withMaxLeaves(63)
        .withMinDataInLeaf(2).withEarlyStoppingRounds(5);
    LambdaMart.Fit fit = LambdaMart.run(train, valid, c, (t, tr, v) -> validNdcg.add(v));
    int best = 0;
    for (int t = 1; t < validNdcg.size(); t++) {
      if (validNdcg.get(t) > validNdcg.get(best)) {
        best = t;
      }
    }
    assertEquals(best + 1, fit.ensemble().trees().size());
    assertEquals(best + 1, fit.bestTrees());
    assertEquals(validNdcg.size(), Math.min(60, best + 1 + 5));
    assertEquals(validNdcg.get(best), ndcg(fit.ensemble(), valid), 1e-6);
    // The kept prefix still reproduces the booster's training scores.
    float[] all = fit.ensemble().score(train.features(), train.rows());
    for (int r = 0; r < train.rows(); r++) {
      assertEquals((float) fit.trainScores()[r], all[r], 0.0f);
    }
  }

  @Test
  void singleTreeSplitsOnTheFeatureThatOrdersTheGroups() {
    // Within every group the label is 1 iff x > 0.5; y is noise. One stump must split x at the
    // smallest training value above 0.5 (250 rows: fewer distinct values than maxBins = 255, so
    // every value has its own bin and the search is exact).
    RankingData.Builder b = RankingData.builder(FeatureSchema.of("x", "y"));
    SplittableRandom random = new SplittableRandom(9);
    float smallestAbove = Float.MAX_VALUE;
    for (int g = 0; g < 25; g++) {
      for (int i = 0; i < 10; i++) {
        float x = (float) random.nextDouble();
        if (x > 0.5f) {
          smallestAbove = Math.min(smallestAbove, x);
        }
        b.add(g, i, new float[] {x, (float) random.nextDouble()}, x > 0.5f ? 1 : 0);
      }
    }
    TreeEnsemble model = LambdaMart.fit(b.build(),
        LambdaMartConfig.defaults().withTrees(1).withMaxLeaves(2).withMinDataInLeaf(5));
    TreeEnsemble.Tree tree = model.trees().get(0);
    assertEquals(1, tree.nodeCount());
    assertEquals(0, tree.feature(0));
    assertEquals(smallestAbove, tree.threshold(0), 0.0);
    assertTrue(tree.leafValue(~tree.right(0)) > 0 && tree.leafValue(~tree.left(0)) < 0);
    assertEquals("reco lambdamart ndcg@10, 1 trees", model.origin());
  }

  @Test
  void rejectsDataItCannotLearnFrom() {
    RankingData.Builder b = RankingData.builder(FeatureSchema.of("x"));
    b.add("q1", "a", new float[] {1}, 2).add("q1", "b", new float[] {2}, 2).add("q2", "c", new float[] {3}, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LambdaMart.fit(b.build(), LambdaMartConfig.defaults()));
    assertTrue(e.getMessage().contains("2 groups and none with two different labels"), e.getMessage());

    RankingData other = RankingData.builder(FeatureSchema.of("z")).add(1, 1, new float[] {1}, 1).build();
    e = assertThrows(IllegalArgumentException.class,
        () -> LambdaMart.fit(train, other, LambdaMartConfig.defaults(), null));
    assertTrue(e.getMessage().contains("validation data has 1 features; expected 10"), e.getMessage());

    RankingData zeros = train.subset(new int[] {0}).subset(new int[] {0});
    RankingData.Builder zb = RankingData.builder(train.schema());
    for (int r = 0; r < zeros.rows(); r++) {
      float[] row = new float[10];
      for (int f = 0; f < 10; f++) {
        row[f] = zeros.feature(r, f);
      }
      zb.add("z", "i" + r, row, 0);
    }
    e = assertThrows(IllegalArgumentException.class,
        () -> LambdaMart.fit(train, zb.build(), LambdaMartConfig.defaults(), null));
    assertTrue(e.getMessage().contains("validation has 1 groups and none with a label > 0"),
        e.getMessage());
  }
}
