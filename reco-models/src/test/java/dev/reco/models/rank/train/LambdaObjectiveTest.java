package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LambdaObjectiveTest {
  @Test
  void threeItemGroupByHand() {
    // Labels 2, 0, 1 (gains 3, 0, 1), scores 3, 2, 1, K = 10, IDCG = 3 + 1/log2(3) = 3.63093.
    // Pairs (more relevant first), |dNDCG| = |(g_i - g_j)(D(rank_i) - D(rank_j))| / IDCG:
    //   (0, 1): 3 * (1 - 0.63093) / 3.63093 = 0.30494, rho = 1/(1 + e^(3-2)) = 0.26894
    //   (0, 2): 2 * (1 - 0.5)     / 3.63093 = 0.27541, rho = 1/(1 + e^(3-1)) = 0.11920
    //   (2, 1): 1 * (0.63093-0.5) / 3.63093 = 0.03606, rho = 1/(1 + e^(1-2)) = 0.73106
    // lambda = rho |dNDCG|: 0.082011, 0.032830, 0.026362.
    // grad_0 = -(0.082011 + 0.032830) = -0.114840
    // grad_1 = 0.082011 + 0.026362    =  0.108372
    // grad_2 = 0.032830 - 0.026362    =  0.006468
    // hess = sum of rho (1 - rho) |dNDCG| over the row's pairs:
    //   0.26894*0.73106*0.30494 + 0.11920*0.88080*0.27541 = 0.059952 + 0.028917 = 0.088871, ...
    float[] labels = {2, 0, 1};
    double[] scores = {3, 2, 1};
    double[] grad = new double[3];
    double[] hess = new double[3];
    new LambdaObjective(labels, new int[] {0, 3}, 10).compute(scores, grad, hess);
    assertEquals(-0.11484048998512553, grad[0], 1e-15);
    assertEquals(0.10837228374877791, grad[1], 1e-15);
    assertEquals(0.006468206236347616, grad[2], 1e-15);
    assertEquals(0.08887101961771224, hess[0], 1e-15);
    assertEquals(0.06704431438965369, hess[1], 1e-15);
    assertEquals(0.03600618746298438, hess[2], 1e-15);
    // Lambdas are pair forces: they sum to zero over the group.
    assertEquals(0.0, grad[0] + grad[1] + grad[2], 1e-16);
  }

  @Test
  void groupsWithEqualLabelsGetNoGradient() {
    float[] labels = {1, 1, 1, 0, 0, 2};
    int[] offsets = {0, 3, 5, 6};
    double[] scores = {0.5, -1, 2, 3, 1, 7};
    double[] grad = new double[6];
    double[] hess = new double[6];
    LambdaObjective objective = new LambdaObjective(labels, offsets, 10);
    objective.compute(scores, grad, hess);
    assertEquals(0, objective.informativeGroups());
    assertEquals(0.0, java.util.Arrays.stream(grad).map(Math::abs).sum());
    assertEquals(0.0, java.util.Arrays.stream(hess).sum());
  }

  /**
   * Reference: every pair of differently labelled rows, |dNDCG@K| measured by actually swapping
   * their scores and recomputing NDCG, rho = 1 / (1 + exp(s_hi - s_lo)).
   */
  @Property(tries = 300, seed = "1597")
  void matchesADirectPairwiseComputation(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int n,
      @ForAll @IntRange(min = 1, max = 6) int k) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] labels = new float[n + 2];
    double[] scores = new double[n + 2];
    for (int i = 0; i < n + 2; i++) {
      labels[i] = random.nextInt(4);
      scores[i] = 4 * random.nextDouble() - 2; // distinct with probability 1
    }
    // Row 0 and 1 form a group of their own in front, to check offsets are honoured.
    int[] offsets = {0, 2, n + 2};
    double[] grad = new double[n + 2];
    double[] hess = new double[n + 2];
    new LambdaObjective(labels, offsets, k).compute(scores, grad, hess);

    double[] refGrad = new double[n + 2];
    double[] refHess = new double[n + 2];
    for (int g = 0; g < 2; g++) {
      int from = offsets[g];
      int to = offsets[g + 1];
      double base = Ndcg.group(labels, scores, from, to, k);
      for (int i = from; i < to; i++) {
        for (int j = from; j < to; j++) {
          if (!(labels[i] > labels[j])) {
            continue;
          }
          double[] swapped = scores.clone();
          swapped[i] = scores[j];
          swapped[j] = scores[i];
          double delta = Math.abs(Ndcg.group(labels, swapped, from, to, k) - base);
          double rho = 1.0 / (1.0 + Math.exp(scores[i] - scores[j]));
          refGrad[i] -= rho * delta;
          refGrad[j] += rho * delta;
          refHess[i] += rho * (1 - rho) * delta;
          refHess[j] += rho * (1 - rho) * delta;
        }
      }
    }
    for (int r = 0; r < n + 2; r++) {
      assertEquals(refGrad[r], grad[r], 1e-12, "grad of row " + r);
      assertEquals(refHess[r], hess[r], 1e-12, "hess of row " + r);
    }
  }
}
