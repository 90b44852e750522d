package dev.reco.models.rank.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The NDCG@10 and timing figures of {@code docs/rankers.md} (LambdaMART); skipped unless run with
 * {@code -Dreco.figures=true}:
 * <pre>
 * ./mvnw -B -o -q -pl reco-models -am verify -Dtest=LambdaMartFigures -Dreco.figures=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Prints a table to standard output; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "reco.figures", matches = "true")
class LambdaMartFigures {
  @Test
  void figures() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    RankingData all = SyntheticCandidates.generate(2500, 50, 20, 7);
    RankingData.Split split = all.split(0.2, 1);
    RankingData train = split.train();
    RankingData test = split.validation();
    System.out.printf("train %s, test %s%n", train, test);
    double iteration0 = Ndcg.mean(test.labels, test.offsets, new double[test.rows()], 10);
    double random = 0;
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int rep = 0; rep < 10; rep++) {
      random += Ndcg.mean(test.labels, test.offsets, r.doubles(test.rows()).toArray(), 10) / 10;
    }
    double[] oracle = new double[test.rows()];
    for (int i = 0; i < test.rows(); i++) {
      oracle[i] = test.label(i);
    }
    System.out.printf("test NDCG@10: input order %.4f, random %.4f, labels %.4f%n",
        iteration0, random, Ndcg.mean(test.labels, test.offsets, oracle, 10));
    LambdaMartConfig c = LambdaMartConfig.defaults();
    for (int rep = 0; rep < Integer.getInteger("reco.figures.timings", 3); rep++) {
      long wall = System.nanoTime();
      long cpu = mx.getCurrentThreadCpuTime();
      LambdaMart.fit(train, c);
      System.out.printf("fit 2000 x 50 x 20, 100 trees: %.2f s wall, %.2f s cpu%n",
          (System.nanoTime() - wall) / 1e9, (mx.getCurrentThreadCpuTime() - cpu) / 1e9);
    }
    for (boolean pointwise : new boolean[] {false, true}) {
      double[] testNdcg = new double[501];
      double[] trainNdcg = new double[501];
      LambdaMart.Fit fit = LambdaMart.run(train, test, c.withTrees(Integer.getInteger("reco.figures.trees", 500)).withEarlyStoppingRounds(500),
          (t, a, b) -> {
            trainNdcg[t] = a;
            testNdcg[t] = b;
          }, pointwise);
      System.out.printf("%s: best test NDCG@10 %.4f at %d trees%n",
          pointwise ? "pointwise L2" : "LambdaMART", testNdcg[fit.bestTrees()], fit.bestTrees());
      for (int t : new int[] {1, 10, 50, 100, 200, 300, 500}) {
        if (trainNdcg[t] == 0) {
          continue; // not reached
        }
        System.out.printf("  %3d trees: train %.4f test %.4f%n", t, trainNdcg[t], testNdcg[t]);
      }
    }
  }
}
