package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.eval.Gain;
import dev.reco.core.eval.RankingMetrics;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NdcgTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void threeItemGroupAndTheDeltaOfOneSwap() {
    // Rows 0, 1, 2 with labels 2, 0, 1, ranked by scores 3 > 2 > 1 (row order).
    float[] labels = {2, 0, 1};
    double[] scores = {3, 2, 1};
    // Gains 2^l - 1: 3, 0, 1. Discounts 1/log2(rank + 1): 1, 1/log2(3) = 0.63093, 1/2.
    // DCG  = 3 * 1 + 0 * 0.63093 + 1 * 0.5 = 3.5
    // IDCG = labels sorted 2, 1, 0: 3 * 1 + 1 * 0.63093 + 0 = 3.63093
    double idcg = 3 + 1 / LOG2_3;
    assertEquals(3.6309297535714578, idcg, 1e-15);
    assertEquals(idcg, Ndcg.idealDcg(labels, 0, 3, 10), 1e-15);
    assertEquals(3.5 / idcg, Ndcg.group(labels, scores, 0, 3, 10), 1e-15);
    assertEquals(0.9639404333166532, Ndcg.group(labels, scores, 0, 3, 10), 1e-15);

    // Swap rows 1 and 2 (ranks 1 and 2): DCG = 3 + 1 * 0.63093 = IDCG, NDCG = 1.
    double[] swapped = {3, 1, 2};
    assertEquals(1.0, Ndcg.group(labels, swapped, 0, 3, 10), 1e-15);
    // |dNDCG| = |(g1 - g2)(D(1) - D(2))| / IDCG = |(0 - 1)(0.63093 - 0.5)| / 3.63093
    //         = 0.13093 / 3.63093 = 0.036060
    double delta = Math.abs((0 - 1) * (1 / LOG2_3 - 0.5)) / idcg;
    assertEquals(0.036059566683346686, delta, 1e-15);
    assertEquals(delta, 1.0 - Ndcg.group(labels, scores, 0, 3, 10), 1e-15);

    // At K = 1 only the first rank counts: DCG@1 = 3 = IDCG@1, and swapping ranks 1 and 2
    // changes nothing.
    assertEquals(1.0, Ndcg.group(labels, scores, 0, 3, 1), 0.0);
    assertEquals(1.0, Ndcg.group(labels, swapped, 0, 3, 1), 0.0);
  }

  @Test
  void tiesKeepRowOrderAndAllZeroGroupsAreSkipped() {
    float[] labels = {0, 1, 0, 0, 0, 0};
    double[] scores = new double[6];
    int[] offsets = {0, 2, 4, 6};
    // Group 0: tied scores keep row order, so label 1 sits at rank 2: NDCG = (1 / log2 3) / 1.
    assertEquals(1 / LOG2_3, Ndcg.group(labels, scores, 0, 2, 10), 1e-15);
    // Groups 1 and 2 have IDCG 0: NaN, and the mean skips them.
    assertTrue(Double.isNaN(Ndcg.group(labels, scores, 2, 4, 10)));
    assertEquals(1 / LOG2_3, Ndcg.mean(labels, offsets, scores, 10), 1e-15);
    assertTrue(Double.isNaN(Ndcg.mean(new float[] {0, 0}, new int[] {0, 2}, new double[2], 10)));
  }

  @Property(tries = 200, seed = "4242")
  void rankIsAStableSortByDecreasingScore(@ForAll long seed, @ForAll @IntRange(min = 1, max = 90) int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] scores = new double[n + 3];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(6); // many ties
    }
    int[] order = new int[n];
    Ndcg.rank(scores, 3, n + 3, order, new int[n]);
    Integer[] expected = new Integer[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i + 3;
    }
    Arrays.sort(expected, (a, b) -> Double.compare(scores[b], scores[a])); // stable
    assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), order);
  }

  /** The same NDCG as reco-core's graded NDCG with exponential gain, on random groups. */
  @Property(tries = 300, seed = "2718")
  void agreesWithCoreGradedNdcg(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 12) int k) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] labels = new float[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(5);
      scores[i] = random.nextDouble();
    }
    labels[random.nextInt(n)] = 1 + random.nextInt(4); // at least one relevant row
    Integer[] byScore = new Integer[n];
    for (int i = 0; i < n; i++) {
      byScore[i] = i;
    }
    Arrays.sort(byScore, (a, b) -> Double.compare(scores[b], scores[a]));
    int[] ranked = Arrays.stream(byScore).mapToInt(Integer::intValue).toArray();
    int[] relevant = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] > 0).toArray();
    float[] grades = new float[relevant.length];
    for (int j = 0; j < relevant.length; j++) {
      grades[j] = labels[relevant[j]];
    }
    double core = RankingMetrics.ndcg(ranked, n, relevant, grades, Gain.EXPONENTIAL, k);
    assertEquals(core, Ndcg.group(labels, scores, 0, n, k), 1e-12);
  }
}
