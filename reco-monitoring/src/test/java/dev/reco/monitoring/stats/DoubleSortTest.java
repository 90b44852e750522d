package dev.reco.monitoring.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoubleSortTest {
  private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
      Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_NORMAL, -Double.MIN_NORMAL, 1.0, -1.0};

  /** Random values mixing specials, ties, narrow and wide ranges, both signs. */
  private static double[] sample(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0 -> v[i] = SPECIAL[r.nextInt(SPECIAL.length)];
        case 1 -> v[i] = r.nextInt(20) - 10; // many ties
        case 2 -> v[i] = (r.nextDouble() - 0.5) * 1e-300;
        case 3 -> v[i] = Double.longBitsToDouble(r.nextLong()); // any bit pattern
        default -> v[i] = r.nextGaussian();
      }
      if (Double.isNaN(v[i])) {
        v[i] = 0.5;
      }
    }
    return v;
  }

  @Property(tries = 40, seed = "4096")
  void sorts_exactly_like_arrays_sort(@ForAll @IntRange(min = 0, max = 20_000) int n,
      @ForAll long seed) {
    double[] v = sample(seed, n);
    double[] before = v.clone();
    double[] expected = v.clone();
    Arrays.sort(expected);
    double[] actual = DoubleSort.sortedCopy(v);
    // assertArrayEquals on doubles compares bit patterns' numeric identity: -0.0 != 0.0 here.
    long[] e = Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray();
    long[] a = Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray();
    assertArrayEquals(e, a);
    assertArrayEquals(before, v, 0.0);
  }

  @Test
  void large_sample_takes_the_radix_path_and_matches() {
    double[] v = sample(7, 100_000);
    double[] expected = v.clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, DoubleSort.sortedCopy(v), 0.0);
  }

  @Test
  void constant_digits_are_skipped_without_changing_the_result() {
    // All values share every digit but the lowest: only one pass moves anything.
    double[] v = new double[DoubleSort.RADIX_MIN + 10];
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(1.0) + (v.length - i) % 2000);
    }
    double[] expected = v.clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, DoubleSort.sortedCopy(v), 0.0);
  }

  @Test
  void nan_anywhere_gives_null() {
    double[] small = {1, Double.NaN, 2};
    assertNull(DoubleSort.sortedCopy(small));
    double[] large = sample(3, DoubleSort.RADIX_MIN * 2);
    large[large.length / 2] = Double.longBitsToDouble(0xfff8000000000001L); // negative NaN
    assertNull(DoubleSort.sortedCopy(large));
  }
}
