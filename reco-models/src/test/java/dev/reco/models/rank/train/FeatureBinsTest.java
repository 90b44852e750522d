package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FeatureBinsTest {
  @Test
  void fewDistinctValuesGetOneBinEach() {
    float[] sorted = {-2, -0.0f, 0.0f, 0.0f, 1, 1, 3};
    // -0.0 and 0.0 are one value as floats.
    assertArrayEquals(new float[] {-2, -0.0f, 1, 3}, FeatureBins.edges(sorted, 7, 255));
  }

  @Test
  void manyValuesGetEqualFrequencyBins() {
    float[] sorted = new float[1000];
    for (int i = 0; i < 1000; i++) {
      sorted[i] = i;
    }
    // 1000 values in 4 bins: edges at the values with 0, 250, 500 and 750 values below them.
    assertArrayEquals(new float[] {0, 250, 500, 750}, FeatureBins.edges(sorted, 1000, 4));
  }

  /**
   * The bin of any float x (training value or not) is at most b exactly when x is below the lower
   * edge of bin b + 1: the rule the exported split uses.
   */
  @Property(tries = 100, seed = "1729")
  void binsAgreeWithTheFloatRuleForEveryValue(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int m,
      @ForAll @IntRange(min = 2, max = 255) int maxBins) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[m];
    for (int i = 0; i < m; i++) {
      values[i] = random.nextBoolean() ? (float) random.nextInt(-5, 6) : (float) random.nextGaussian();
      if (random.nextInt(20) == 0) {
        values[i] = -0.0f;
      }
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    float[] edges = FeatureBins.edges(sorted, m, maxBins);
    assertTrue(edges.length >= 1 && edges.length <= maxBins);
    for (int b = 1; b < edges.length; b++) {
      assertTrue(edges[b - 1] < edges[b]);
    }
    RankingData.Builder builder = RankingData.builder(dev.reco.models.rank.FeatureSchema.of("x"));
    for (float v : values) {
      builder.add("q", "i", new float[] {v}, 0);
    }
    FeatureBins bins = FeatureBins.of(builder.build(), maxBins);
    assertArrayEquals(edges, bins.edgesOf(0));
    float[] probes = new float[m + 6];
    System.arraycopy(values, 0, probes, 0, m);
    probes[m] = -0.0f;
    probes[m + 1] = 0.0f;
    probes[m + 2] = -1e30f;
    probes[m + 3] = 1e30f;
    probes[m + 4] = Math.nextUp(edges[edges.length - 1]);
    probes[m + 5] = Math.nextDown(edges[0]);
    for (float x : probes) {
      int bin = bins.binOf(0, x);
      for (int b = 0; b + 1 < edges.length; b++) {
        assertEquals(bin <= b, x < edges[b + 1], "x = " + x + ", b = " + b);
      }
    }
    assertEquals(FeatureBins.MISSING, bins.binOf(0, Float.NaN));
  }
}
