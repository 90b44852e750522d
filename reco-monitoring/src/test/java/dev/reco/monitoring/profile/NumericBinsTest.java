package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NumericBinsTest {

  @Test
  void quantileEdgesByHand() {
    // n = 10 sorted values 1..10, B = 4: candidates x[0] = 1, x[floor(10*1/4)] = x[2] = 3,
    // x[5] = 6, x[7] = 8, nextUp(10). Inner bins [1,3) [3,6) [6,8) [8,10]: 2, 3, 2, 3 values.
    double[] ref = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    NumericBins bins = NumericBins.quantiles(ref, 4);
    assertArrayEquals(new double[] {1, 3, 6, 8, Math.nextUp(10.0)}, bins.edges());
    assertEquals(6, bins.bins());
    long[] counts = new long[bins.bins()];
    for (double v : ref) {
      counts[bins.bin(v)]++;
    }
    assertArrayEquals(new long[] {0, 2, 3, 2, 3, 0}, counts);
  }

  @Test
  void tiesCollapseAndConstantReferenceGetsOneInnerBin() {
    // sorted {1,1,1,1,2,3}, B = 3: candidates x[0]=1, x[2]=1, x[4]=2, nextUp(3) -> 1, 2, nextUp(3)
    assertArrayEquals(new double[] {1, 2, Math.nextUp(3.0)},
        NumericBins.quantiles(new double[] {1, 2, 1, 3, 1, 1}, 3).edges());
    NumericBins constant = NumericBins.quantiles(new double[] {5, 5, Double.NaN, 5}, 10);
    assertArrayEquals(new double[] {5, Math.nextUp(5.0)}, constant.edges());
    assertEquals(0, constant.bin(4.999));
    assertEquals(1, constant.bin(5));
    assertEquals(2, constant.bin(5.0000001));
    // nothing finite lies above Double.MAX_VALUE: its edge is omitted, it counts as overflow
    NumericBins top = NumericBins.quantiles(new double[] {1, Double.MAX_VALUE}, 2);
    assertArrayEquals(new double[] {1, Double.MAX_VALUE}, top.edges());
    assertEquals(2, top.bin(Double.MAX_VALUE));
  }

  @Test
  void equalWidthEdgesByHand() {
    // min 0, max 8, B = 4: 0, 2, 4, 6, nextUp(8)
    assertArrayEquals(new double[] {0, 2, 4, 6, Math.nextUp(8.0)},
        NumericBins.equalWidth(new double[] {8, 0, 3, Double.NaN}, 4).edges());
  }

  @Test
  void outerBinsTakeOutOfRangeValuesAndInfinities() {
    NumericBins bins = NumericBins.ofEdges(0, 1, 2);
    assertEquals(0, bins.bin(-1e300));
    assertEquals(0, bins.bin(Double.NEGATIVE_INFINITY));
    assertEquals(1, bins.bin(0.0));
    assertEquals(1, bins.bin(-0.0)); // -0.0 == 0.0
    assertEquals(2, bins.bin(1.0));
    assertEquals(3, bins.bin(2.0));
    assertEquals(3, bins.bin(Double.POSITIVE_INFINITY));
  }

  @Property(tries = 100, seed = "101")
  void binMatchesLinearCount(@ForAll @Size(min = 1, max = 40) double[] raw,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double value) {
    double[] edges = Arrays.stream(raw).filter(Double::isFinite).map(v -> v + 0.0).distinct()
        .sorted().toArray();
    if (edges.length == 0) {
      return;
    }
    NumericBins bins = NumericBins.ofEdges(edges);
    for (double v : new double[] {value, edges[0], edges[edges.length - 1], Math.nextDown(edges[0])}) {
      long expected = Arrays.stream(edges).filter(e -> e <= v).count();
      assertEquals(expected, bins.bin(v), () -> "edges " + Arrays.toString(edges) + " v " + v);
    }
  }

  @Property(tries = 200, seed = "102")
  void quantileBinsAreNearlyBalancedAndNeverEmptyInside(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 20) int b,
      @ForAll @IntRange(min = 1, max = 1000) int distinct) {
    // n values drawn from `distinct` levels, so small `distinct` gives heavy ties
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    double[] ref = new double[n];
    for (int i = 0; i < n; i++) {
      ref[i] = (r.nextInt(distinct) - distinct / 2) * 0.37;
    }
    NumericBins bins = NumericBins.quantiles(ref, b);
    long[] counts = new long[bins.bins()];
    for (double v : ref) {
      counts[bins.bin(v)]++;
    }
    assertEquals(0, counts[0], "no reference value underflows");
    assertEquals(0, counts[counts.length - 1], "no reference value overflows");
    assertTrue(bins.bins() - 2 <= b);
    for (int i = 1; i < counts.length - 1; i++) {
      assertTrue(counts[i] >= 1, "inner bin " + i + " is empty: " + Arrays.toString(counts));
    }
  }

  @Test
  void badInputIsRejectedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NumericBins.ofEdges(1, 1));
    assertTrue(e.getMessage().contains("edges[1] = 1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NumericBins.ofEdges(0, Double.NaN));
    assertTrue(e.getMessage().contains("edges[1] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NumericBins.ofEdges());
    assertTrue(e.getMessage().contains("edges.length = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NumericBins.quantiles(new double[] {1, 2}, 0));
    assertTrue(e.getMessage().contains("bins = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NumericBins.quantiles(new double[] {1, Double.POSITIVE_INFINITY}, 3));
    assertTrue(e.getMessage().contains("reference[1] = Infinity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NumericBins.equalWidth(new double[] {Double.NaN}, 3));
    assertTrue(e.getMessage().contains("no non-missing value"), e.getMessage());
  }
}
