package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BinningTest {

  @Test
  void quantileCutsAreOrderStatisticsAtFloorOfNkOverB() {
    double[] ref = {9, 1, 8, 2, 7, 3, 6, 4, 5, 0}; // sorted: 0..9, n = 10
    // B = 4: indices floor(10 * k / 4) = 2, 5, 7 -> values 2, 5, 7
    Binning b = Binning.quantiles(ref, 4);
    assertArrayEquals(new double[] {2, 5, 7}, b.cuts());
    // bins (-inf, 2), [2, 5), [5, 7), [7, +inf) hold 2, 3, 2, 3 reference values
    assertArrayEquals(new long[] {2, 3, 2, 3}, b.count(ref).counts());
    // B = 5 with n = 10: indices 2, 4, 6, 8 -> exactly two values per bin
    assertArrayEquals(new long[] {2, 2, 2, 2, 2}, Binning.quantiles(ref, 5).count(ref).counts());
  }

  @Test
  void tiesMergeCutsAndTheMinimumNeverStartsAnEmptyBin() {
    // sorted: 0 x6, 1, 2, 3, 4 (n = 10); B = 5: indices 2, 4, 6, 8 -> 0, 0, 1, 3
    // the two cuts equal to the minimum 0 become the next value above it, 1, and merge with the
    // cut already at 1: cuts {1, 3}
    double[] ref = {0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
    Binning b = Binning.quantiles(ref, 5);
    assertArrayEquals(new double[] {1, 3}, b.cuts());
    assertArrayEquals(new long[] {6, 2, 2}, b.count(ref).counts());
    for (long c : b.count(ref).counts()) {
      assertTrue(c >= 1);
    }
  }

  @Test
  void zeroInflatedReferenceKeepsTheZerosInOneBin() {
    // 95 zeros and 5 ones: every quantile cut is 0, the minimum -> replaced by 1: two bins
    double[] ref = new double[100];
    for (int i = 95; i < 100; i++) {
      ref[i] = 1.0;
    }
    Binning b = Binning.quantiles(ref, 10);
    assertArrayEquals(new double[] {1.0}, b.cuts());
    assertArrayEquals(new long[] {95, 5}, b.count(ref).counts());
  }

  @Test
  void constantReferenceGetsBinsBelowAtAndAboveTheValue() {
    double[] ref = {3, 3, 3, Double.NaN};
    for (Binning b : new Binning[] {Binning.quantiles(ref, 10), Binning.equalWidth(ref, 10)}) {
      assertArrayEquals(new double[] {3.0, Math.nextUp(3.0)}, b.cuts());
      assertEquals(3, b.bins());
      assertEquals(0, b.binOf(2.999));
      assertEquals(1, b.binOf(3.0));
      assertEquals(2, b.binOf(3.0000001));
    }
    assertArrayEquals(new double[] {Double.MAX_VALUE},
        Binning.quantiles(new double[] {Double.MAX_VALUE}, 4).cuts());
  }

  @Test
  void equalWidthCutsSplitTheRange() {
    // min 0, max 10, B = 4: 0 + 10 * k / 4 = 2.5, 5, 7.5
    double[] ref = {0, 10, 1, 9, 4};
    Binning b = Binning.equalWidth(ref, 4);
    assertArrayEquals(new double[] {2.5, 5.0, 7.5}, b.cuts());
    // values outside the reference range land in the open outer bins
    assertArrayEquals(new long[] {2, 1, 0, 2},
        b.count(new double[] {-100, 2.4999, 2.5, 8, 1e9}).counts());
  }

  @Test
  void valueOnACutGoesToTheBinItStarts() {
    Binning b = Binning.ofCuts(1.0, 2.0);
    assertEquals(0, b.binOf(0.999));
    assertEquals(1, b.binOf(1.0));
    assertEquals(1, b.binOf(1.999));
    assertEquals(2, b.binOf(2.0));
    assertEquals(Double.NEGATIVE_INFINITY, b.lower(0));
    assertEquals(1.0, b.upper(0));
    assertEquals(2.0, b.lower(2));
    assertEquals(Double.POSITIVE_INFINITY, b.upper(2));
    assertEquals("(-inf, 1.0)", b.label(0));
    assertEquals("[1.0, 2.0)", b.label(1));
    assertEquals("[2.0, +inf)", b.label(2));
  }

  @Test
  void negativeZeroIsTheSameValueAsZero() {
    Binning b = Binning.ofCuts(-0.0, 1.0);
    assertEquals(0.0, b.cuts()[0]);
    assertEquals(1.0 / 0.0, 1.0 / b.cuts()[0]); // stored as +0.0
    assertEquals(1, b.binOf(-0.0));
    assertEquals(1, b.binOf(0.0));
    // quantile cuts: -0.0 and 0.0 tie; sorted -0.0, -0.0, 0.0, 0.0, 1, 1, 2, 2 -> B = 4:
    // indices 2, 4, 6 -> 0.0 (the minimum, replaced by 1), 1, 2 -> cuts {1, 2}
    Binning q = Binning.quantiles(new double[] {0.0, -0.0, 1, 2, -0.0, 0.0, 1, 2}, 4);
    assertArrayEquals(new double[] {1, 2}, q.cuts());
  }

  @Test
  void missingValuesAreCountedApartAndNeverBinned() {
    Binning b = Binning.ofCuts(0.5);
    BinCounts c = b.count(new double[] {Double.NaN, 0, 1, Double.NaN, 2});
    assertArrayEquals(new long[] {1, 2}, c.counts());
    assertEquals(2, c.missing());
    assertEquals(3, c.total());
    // missing values do not move quantile cuts either
    assertArrayEquals(Binning.quantiles(new double[] {1, 2, 3, 4}, 2).cuts(),
        Binning.quantiles(new double[] {Double.NaN, 1, 2, Double.NaN, 3, 4}, 2).cuts());
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Binning.quantiles(new double[] {1, Double.POSITIVE_INFINITY}, 4));
    assertTrue(e.getMessage().contains("reference[1] = Infinity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Binning.ofCuts(0.5).count(new double[] {0, Double.NEGATIVE_INFINITY}));
    assertTrue(e.getMessage().contains("values[1] = -Infinity"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Binning.quantiles(new double[] {Double.NaN}, 4));
    assertTrue(e.getMessage().contains("no non-missing value"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Binning.equalWidth(new double[0], 4));
    assertTrue(e.getMessage().contains("no non-missing value"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Binning.quantiles(new double[] {1}, 1));
    assertTrue(e.getMessage().contains("bins = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Binning.ofCuts(1.0, 1.0));
    assertTrue(e.getMessage().contains("cuts[1] = 1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Binning.ofCuts(Double.NaN));
    assertTrue(e.getMessage().contains("cuts[0] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Binning.ofCuts());
    assertTrue(e.getMessage().contains("cuts is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Binning.ofCuts(1.0).binOf(Double.NaN));
    assertTrue(e.getMessage().contains("value = NaN"), e.getMessage());
  }

  @Test
  void binSpecValidatesAndFits() {
    assertEquals(Binning.ofCuts(1, 2), BinSpec.explicit(1, 2).fit(new double[] {5}));
    assertEquals(3, BinSpec.explicit(1, 2).bins());
    assertEquals(BinSpec.quantiles(7), BinSpec.quantiles(7));
    assertEquals(BinSpec.explicit(1, 2), BinSpec.explicit(1, 2));
    assertEquals(BinSpec.explicit(1, 2).hashCode(), BinSpec.explicit(1, 2).hashCode());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinSpec.quantiles(10_001));
    assertTrue(e.getMessage().contains("bins = 10001"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new BinSpec(BinningMethod.QUANTILE, 4, new double[] {1}));
    assertTrue(e.getMessage().contains("cuts.length = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new BinSpec(BinningMethod.EXPLICIT, 4, new double[] {1}));
    assertTrue(e.getMessage().contains("bins = 4"), e.getMessage());
    double[] cuts = {1, 2};
    BinSpec spec = BinSpec.explicit(cuts);
    cuts[0] = 99;
    assertEquals(1.0, spec.cuts()[0]); // copied in
    spec.cuts()[0] = 42;
    assertEquals(1.0, spec.cuts()[0]); // copied out
  }

  @Test
  void binCountsValidate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinCounts.of(new long[] {1, -2}, 0));
    assertTrue(e.getMessage().contains("counts[1] = -2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BinCounts.of(new long[] {1}, -1));
    assertTrue(e.getMessage().contains("missing = -1"), e.getMessage());
    assertEquals(BinCounts.of(new long[] {1, 2}, 3), BinCounts.of(new long[] {1, 2}, 3));
  }

  /**
   * Counting agrees with the definition (bin = number of cut points {@code <= v}) on both paths:
   * the branch-free scan for at most {@link Binning#LINEAR_CUTS} cut points and the binary search
   * beyond; values are drawn from a small grid so that many sit exactly on a cut point.
   */
  @Property(tries = 300, seed = "107")
  void countingMatchesTheDefinition(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -40, max = 40) Integer> rawCuts,
      @ForAll @Size(min = 0, max = 200) List<@IntRange(min = -45, max = 45) Integer> rawValues) {
    double[] cuts = rawCuts.stream().distinct().sorted().mapToDouble(i -> i / 2.0).toArray();
    double[] values = rawValues.stream().mapToDouble(i -> i == 0 ? -0.0 : i / 2.0).toArray();
    Binning b = Binning.ofCuts(cuts);
    long[] expected = new long[cuts.length + 1];
    for (double v : values) {
      int k = 0;
      for (double c : cuts) {
        if (c <= v) {
          k++;
        }
      }
      expected[k]++;
      assertEquals(k, b.binOf(v));
      assertEquals(k, Binning.search(cuts, v));
      assertEquals(k, Binning.scan(cuts, v));
    }
    assertArrayEquals(expected, b.count(values).counts());
  }
}
