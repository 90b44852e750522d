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

class PrefixSamplerTest {

  @Test
  void handComputedSearch() {
    // weights {1, 0, 3}: cumulative {1, 1, 4}; the draw is the first i with cumulative > u * 4
    PrefixSampler s = new PrefixSampler(new double[] {1, 0, 3});
    assertEquals(0, s.search(0.0, 3)); // 0 -> first cumulative > 0 is index 0
    assertEquals(0, s.search(0.2, 3)); // 0.8 < 1
    assertEquals(2, s.search(0.25, 3)); // 1.0: cumulative 1 is not > 1, so index 2 (skips the 0)
    assertEquals(2, s.search(0.999, 3));
    // prefix 2 = weights {1, 0}: always index 0
    assertEquals(0, s.search(0.999, 2));
    assertEquals(0, s.search(0.0, 1));
    assertEquals(4.0, s.prefixWeight(3));
    assertEquals(1.0, s.prefixWeight(2));
  }

  @Test
  void handComputedAliasTable() {
    // weights {1, 3} scale to {0.5, 1.5}: cell 0 keeps index 0 below threshold 0.5 and aliases
    // to 1 above it; cell 1 is full. Draw u: x = 2u, cell = floor(x), fraction = x - cell.
    PrefixSampler s = new PrefixSampler(new double[] {1, 3});
    assertEquals(0, s.aliasDraw(0.2)); // cell 0, fraction 0.4 < 0.5
    assertEquals(1, s.aliasDraw(0.3)); // cell 0, fraction 0.6 -> alias 1
    assertEquals(1, s.aliasDraw(0.7)); // cell 1
    assertEquals(0.25, s.aliasProbability(0), 1e-12);
    assertEquals(0.75, s.aliasProbability(1), 1e-12);
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

  private static double[] weights(List<Double> values) {
    double[] w = new double[values.size()];
    for (int i = 0; i < w.length; i++) {
      // zero out every third weight to exercise zero-weight runs
      w[i] = i % 3 == 2 ? 0 : values.get(i);
    }
    w[0] = Math.max(w[0], 1e-3); // every prefix has positive weight
    return w;
  }

  @Property(tries = 300, seed = "42")
  void searchMatchesLinearSearchForAnyPrefix(
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0, max = 1000) Double> values,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) @Scale(12) double u,
      @ForAll @IntRange(min = 0, max = 59) int cut) {
    double[] w = weights(values);
    PrefixSampler s = new PrefixSampler(w);
    int prefix = 1 + cut % w.length;
    assertEquals(reference(w, u, prefix), s.search(u, prefix));
  }

  /** The alias table encodes exactly the normalized weights (up to its 2^-32 thresholds). */
  @Property(tries = 300, seed = "42")
  void aliasTableEncodesTheWeights(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1000) Double> values) {
    double[] w = weights(values);
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    PrefixSampler s = new PrefixSampler(w);
    for (int i = 0; i < w.length; i++) {
      assertEquals(w[i] / sum, s.aliasProbability(i), 1e-8, "index " + i);
    }
  }

  @Property(tries = 50, seed = "7")
  void heavyTailedAliasTablesAreExact(@ForAll @IntRange(min = 1, max = 5000) int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.pow(1 + (i * 7919L) % n, -1.5); // Zipf weights in scrambled order
      sum += w[i];
    }
    PrefixSampler s = new PrefixSampler(w);
    double total = 0;
    for (int i = 0; i < n; i += Math.max(1, n / 50)) {
      assertEquals(w[i] / sum, s.aliasProbability(i), 1e-8, "index " + i);
    }
    for (int i = 0; i < n; i++) {
      total += s.aliasProbability(i);
    }
    assertEquals(1.0, total, 1e-9);
  }

  @Test
  void frequenciesFollowTheWeightsOnEveryPath() {
    // weights 1:2:3:4 -> probabilities 0.1, 0.2, 0.3, 0.4; 200k draws give sd ~0.001
    PrefixSampler s = new PrefixSampler(new double[] {1, 2, 3, 4});
    SplittableRandom rng = new SplittableRandom(3);
    int n = 200_000;
    double[] full = frequencies(s, rng, 4, n); // alias table
    for (int i = 0; i < 4; i++) {
      assertEquals(0.1 * (i + 1), full[i], 0.005, "index " + i);
    }
    // prefix 3 holds 6 of 10 (>= half): alias draws with rejection; probabilities 1/6, 2/6, 3/6
    double[] rejected = frequencies(s, rng, 3, n);
    assertEquals(0, rejected[3]);
    assertEquals(1 / 6.0, rejected[0], 0.005);
    assertEquals(2 / 6.0, rejected[1], 0.005);
    // prefix 2 holds 3 of 10 (< half): binary search; probabilities 1/3, 2/3
    double[] searched = frequencies(s, rng, 2, n);
    assertEquals(0, searched[2] + searched[3]);
    assertEquals(1 / 3.0, searched[0], 0.005);
  }

  private static double[] frequencies(PrefixSampler s, SplittableRandom rng, int prefix,
      int n) {
    double[] f = new double[s.size()];
    for (int k = 0; k < n; k++) {
      f[s.sample(rng, prefix)] += 1.0 / n;
    }
    return f;
  }

  @Test
  void zeroWeightsAreNeverDrawn() {
    PrefixSampler s = new PrefixSampler(new double[] {0, 5, 0, 0, 1, 0});
    SplittableRandom rng = new SplittableRandom(11);
    for (int k = 0; k < 20_000; k++) {
      int i = s.sample(rng, 6);
      assertTrue(i == 1 || i == 4, "drew " + i);
      assertEquals(1, s.sample(rng, 2 + k % 3)); // prefixes 2..4 hold only index 1's weight
    }
  }

  @Test
  void badWeightsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PrefixSampler(new double[] {1, -2}));
    assertTrue(e.getMessage().contains("weights[1] = -2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PrefixSampler(new double[] {Double.NaN}));
    assertTrue(e.getMessage().contains("weights[0] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PrefixSampler(new double[] {0, 0}));
    assertTrue(e.getMessage().contains("sum of weights = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PrefixSampler(new double[0]));
    assertTrue(e.getMessage().contains("weights is empty"), e.getMessage());
  }
}
