package dev.reco.monitoring.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reco.monitoring.drift.CategoryCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void numeric_bins_span_both_samples_and_clamp_the_tails() {
    // Reference 0..99, current 100..199 (100 values each). Range from the 0.5 % quantile of the
    // reference, 0 + 0.005 * 99 = 0.495, to the 99.5 % quantile of current, 100 + 0.995 * 99 =
    // 198.505; 2 bins split at 99.5: reference all in bin 0, current all in bin 1.
    double[] ref = new double[100];
    double[] cur = new double[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = i;
      cur[i] = 100 + i;
    }
    Distribution d = Distribution.numeric(ref, cur, 2);
    assertArrayEquals(new double[] {0.495, 99.5, 198.505}, d.edges(), 1e-12);
    assertArrayEquals(new double[] {1.0, 0.0}, d.reference(), 0);
    assertArrayEquals(new double[] {0.0, 1.0}, d.current(), 0);
  }

  @Test
  void numeric_skips_missing_values_and_widens_constant_data() {
    Distribution d = Distribution.numeric(new double[] {4, Double.NaN, 4}, new double[] {4}, 4);
    // Constant 4: range 4 +- 2, so 4 falls in bin (4 - 2) / 1 = 2 of [2, 3, 4, 5, 6].
    assertArrayEquals(new double[] {2, 3, 4, 5, 6}, d.edges(), 0);
    assertArrayEquals(new double[] {0, 0, 1, 0}, d.reference(), 0);
    assertNull(Distribution.numeric(new double[] {Double.NaN}, new double[] {1}, 4));
  }

  @Test
  void categorical_keeps_the_most_frequent_and_pools_the_rest() {
    CategoryCounts ref = CategoryCounts.ofCounts(new String[] {"a", "b", "c", "d"},
        new long[] {50, 30, 15, 5}, 3);
    CategoryCounts cur = CategoryCounts.ofCounts(new String[] {"a", "b", "e"},
        new long[] {20, 60, 20}, 0);
    // Combined shares: a .5+.2=.7, b .3+.6=.9, e 0+.2=.2, c .15, d .05 -> b, a, then other.
    Distribution d = Distribution.categorical(ref, cur, 3);
    assertEquals(List.of("b", "a", Distribution.OTHER), d.labels());
    assertArrayEquals(new double[] {0.3, 0.5, 0.2}, d.reference(), 1e-12);
    assertArrayEquals(new double[] {0.6, 0.2, 0.2}, d.current(), 1e-12);
  }

  @Test
  void quantile_interpolates_like_numpy() {
    // numpy.quantile([1, 2, 4, 8], 0.5) = 3.0; 0.25 -> 1.75; 1.0 -> 8.
    double[] s = {1, 2, 4, 8};
    assertEquals(3.0, Distribution.quantile(s, 0.5), 0);
    assertEquals(1.75, Distribution.quantile(s, 0.25), 0);
    assertEquals(8.0, Distribution.quantile(s, 1.0), 0);
  }

  @Test
  void html_escape_covers_markup_and_quotes() {
    assertEquals("a&lt;b&gt;&amp;&quot;&#39;", Html.escape("a<b>&\"'"));
    assertEquals("plain", Html.escape("plain"));
  }
}
