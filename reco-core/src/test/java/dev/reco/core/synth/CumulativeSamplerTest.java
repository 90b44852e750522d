package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CumulativeSamplerTest {

  @Test
  void handComputedDraws() {
    // weights {1, 0, 3}: cumulative {1, 1, 4}; the draw is the first i with cumulative > u * 4
    CumulativeSampler s = new CumulativeSampler(new double[] {1, 0, 3});
    assertEquals(0, s.sample(0.0, 3)); // 0 -> first cumulative > 0 is index 0
    assertEquals(0, s.sample(0.2, 3)); // 0.8 < 1
    assertEquals(2, s.sample(0.25, 3)); // 1.0: cumulative 1 is not > 1, so index 2 (skips the 0)
    assertEquals(2, s.sample(0.999, 3));
    // prefix 2 = weights {1, 0}: always index 0
    assertEquals(0, s.sample(0.999, 2));
    assertEquals(0, s.sample(0.0, 1));
    assertEquals(4.0, s.prefixWeight(3));
    assertEquals(1.0, s.prefixWeight(2));
  }

  /** Reference: linear search over prefix sums computed the same way. */
  private static int reference(double[] w, double u, int prefix) {
    double[] cum = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      cum[i] = sum;
    }
    double target = u * cum[prefix - 1];
    for (int i = 0; i < prefix - 1; i++) {
      if (cum[i] > target) {
        return i;
      }
    }
    return prefix - 1;
  }

  @Property(tries = 300, seed = "42")
  void matchesLinearSearchForAnyPrefix(
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0, max = 1000) Double> weights,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) @Scale(12) double u,
      @ForAll @IntRange(min = 0, max = 59) int cut) {
    double[] w = new double[weights.size()];
    for (int i = 0; i < w.length; i++) {
      // zero out every third weight to exercise zero-weight runs
      w[i] = i % 3 == 2 ? 0 : weights.get(i);
    }
    w[0] = Math.max(w[0], 1e-3); // every prefix has positive weight
    CumulativeSampler s = new CumulativeSampler(w);
    int prefix = 1 + cut % w.length;
    assertEquals(reference(w, u, prefix), s.sample(u, prefix));
  }

  @Property(tries = 100, seed = "7")
  void heavyTailedWeightsStillMatch(@ForAll @IntRange(min = 1, max = 2000) int n,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) @Scale(12) double u) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = Math.pow(1 + (i * 7919L) % n, -1.5); // Zipf weights in scrambled order
    }
    CumulativeSampler s = new CumulativeSampler(w);
    assertEquals(reference(w, u, n), s.sample(u, n));
    assertEquals(reference(w, u, 1 + n / 2), s.sample(u, 1 + n / 2));
  }

  @Test
  void frequenciesFollowTheWeights() {
    // weights 1:2:3:4 -> probabilities 0.1, 0.2, 0.3, 0.4; 200k draws give sd ~0.001
    CumulativeSampler s = new CumulativeSampler(new double[] {1, 2, 3, 4});
    SplittableRandom rng = new SplittableRandom(3);
    int[] counts = new int[4];
    int n = 200_000;
    for (int k = 0; k < n; k++) {
      counts[s.sample(Rand.uniform(rng), 4)]++;
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(0.1 * (i + 1), counts[i] / (double) n, 0.005, "index " + i);
    }
    // prefix 3: probabilities 1/6, 2/6, 3/6
    counts = new int[4];
    for (int k = 0; k < n; k++) {
      counts[s.sample(Rand.uniform(rng), 3)]++;
    }
    assertEquals(0, counts[3]);
    assertEquals(1 / 6.0, counts[0] / (double) n, 0.005);
    assertEquals(3 / 6.0, counts[2] / (double) n, 0.005);
  }

  @Test
  void badWeightsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CumulativeSampler(new double[] {1, -2}));
    assertTrue(e.getMessage().contains("weights[1] = -2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CumulativeSampler(new double[] {Double.NaN}));
    assertTrue(e.getMessage().contains("weights[0] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CumulativeSampler(new double[] {0, 0}));
    assertTrue(e.getMessage().contains("sum of weights = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CumulativeSampler(new double[0]));
    assertTrue(e.getMessage().contains("weights is empty"), e.getMessage());
  }
}
