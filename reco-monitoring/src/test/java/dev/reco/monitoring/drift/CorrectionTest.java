package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.List;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CorrectionTest {

  @Test
  void handCheckedBenjaminiHochberg() {
    // p = [0.01, 0.04, 0.03, 0.005], m = 4; sorted 0.005, 0.01, 0.03, 0.04 at ranks 1..4
    // m p / rank = 0.02, 0.02, 0.04, 0.04; running minimum from the largest rank down:
    // rank 4: 0.04, rank 3: 0.04, rank 2: 0.02, rank 1: 0.02
    double[] p = {0.01, 0.04, 0.03, 0.005};
    assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
        Correction.BENJAMINI_HOCHBERG.adjust(p), 1e-15);
    // Bonferroni: 4 p, capped at 1
    assertArrayEquals(new double[] {0.04, 0.16, 0.12, 0.02}, Correction.BONFERRONI.adjust(p),
        1e-15);
    assertArrayEquals(p, Correction.NONE.adjust(p));
    assertArrayEquals(new double[] {0.01, 0.04, 0.03, 0.005}, p); // input untouched
  }

  @Test
  void stepUpRejectsBelowALargerRank() {
    // p = [0.001, 0.02, 0.03, 0.9], q = 0.05, m = 4: thresholds k q / m = 0.0125, 0.025, 0.0375,
    // 0.05; p_(3) = 0.03 <= 0.0375, so ranks 1..3 are rejected although p_(2) = 0.02 <= 0.025
    // alone would already pass; adjusted: rank 3: 4 * 0.03 / 3 = 0.04, rank 2: min(0.04,
    // 4 * 0.02 / 2 = 0.04) = 0.04, rank 1: 0.004, rank 4: 0.9
    double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.001, 0.02, 0.03, 0.9});
    assertArrayEquals(new double[] {0.004, 0.04, 0.04, 0.9}, adjusted, 1e-15);
    // Bonferroni rejects only 0.001 (4 * 0.02 = 0.08 > 0.05)
    double[] bonferroni = Correction.BONFERRONI.adjust(new double[] {0.001, 0.02, 0.03, 0.9});
    assertEquals(1, java.util.Arrays.stream(bonferroni).filter(x -> x <= 0.05).count());
  }

  @Test
  void missingPValuesStayOutOfTheFamily() {
    // m = 2, not 3
    double[] adjusted = Correction.BONFERRONI.adjust(new double[] {0.01, Double.NaN, 0.02});
    assertEquals(0.02, adjusted[0], 1e-15);
    assertTrue(Double.isNaN(adjusted[1]));
    assertEquals(0.04, adjusted[2], 1e-15);
    double[] bh = Correction.BENJAMINI_HOCHBERG.adjust(new double[] {Double.NaN, 0.02, 0.01});
    assertTrue(Double.isNaN(bh[0]));
    assertEquals(0.02, bh[1], 1e-15);
    assertEquals(0.02, bh[2], 1e-15);
    assertEquals(0, Correction.BENJAMINI_HOCHBERG.adjust(new double[0]).length);
  }

  @Test
  void invalidPValueNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Correction.BONFERRONI.adjust(new double[] {0.1, 1.2}));
    assertTrue(e.getMessage().contains("pValues[1] = 1.2"), e.getMessage());
  }

  /** Number of rejections of the step-up rule at level q, counted by brute force. */
  private static int stepUpRejections(double[] p, double q) {
    int m = p.length;
    int best = 0;
    for (int k = 1; k <= m; k++) {
      int atOrBelow = 0;
      double threshold = k * q / m;
      // the k-th smallest p is <= k q / m iff at least k p-values are <= k q / m
      for (double x : p) {
        if (x <= threshold) {
          atOrBelow++;
        }
      }
      if (atOrBelow >= k) {
        best = k;
      }
    }
    return best;
  }

  @Property(tries = 300, seed = "20260714")
  void adjustedPValuesAreValidAndOrdered(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0.0, max = 1.0) @Scale(3) Double> raw,
      @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(3) double q) {
    // three decimals: ties between p-values are common
    double[] p = raw.stream().mapToDouble(Double::doubleValue).toArray();
    double[] bh = Correction.BENJAMINI_HOCHBERG.adjust(p);
    double[] bonferroni = Correction.BONFERRONI.adjust(p);
    int bhRejections = 0;
    int bonferroniRejections = 0;
    for (int i = 0; i < p.length; i++) {
      assertTrue(bh[i] >= 0 && bh[i] <= 1, "BH in [0, 1]");
      assertTrue(bonferroni[i] >= 0 && bonferroni[i] <= 1, "Bonferroni in [0, 1]");
      assertTrue(bh[i] >= p[i], "BH never lowers a p-value");
      assertTrue(bh[i] <= bonferroni[i] + 1e-15, "BH is never stricter than Bonferroni");
      for (int j = 0; j < p.length; j++) {
        if (p[i] <= p[j]) {
          assertTrue(bh[i] <= bh[j], "BH is monotone in the raw p-values");
        }
      }
      if (bh[i] <= q) {
        bhRejections++;
        assertTrue(p[i] <= q, "BH rejects only p-values <= q");
      } else {
        assertTrue(bonferroni[i] > q, "a Bonferroni rejection is a BH rejection");
      }
      if (bonferroni[i] <= q) {
        bonferroniRejections++;
      }
    }
    // BH rejects exactly what the step-up rule rejects: never more, never fewer
    assertEquals(stepUpRejections(p, q), bhRejections);
    assertTrue(bonferroniRejections <= bhRejections);
  }
}
