package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of the statistics, each against a simple reference model or an invariant. */
class DriftPropertiesTest {

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static long[] toLongs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /** PSI from counts: every term and the sum are >= 0, and the sum of terms is the statistic. */
  @Property(tries = 300, seed = "101")
  void psiIsNonNegative(
      @ForAll @Size(min = 2, max = 30) List<@LongRange(min = 0, max = 1000) Long> ref,
      @ForAll @Size(min = 2, max = 30) List<@LongRange(min = 0, max = 1000) Long> cur) {
    int k = Math.min(ref.size(), cur.size());
    long[] r = toLongs(ref.subList(0, k));
    long[] c = toLongs(cur.subList(0, k));
    r[0] += 1; // a side needs one value to be tested
    c[k - 1] += 1;
    Binning binning = Binning.ofCuts(java.util.stream.IntStream.range(1, k)
        .mapToDouble(i -> i).toArray());
    DriftResult d = Psi.defaults().compare(binning, BinCounts.of(r, 0), BinCounts.of(c, 0));
    assertTrue(d.statistic() >= 0);
    double sum = 0;
    for (BinDetail b : d.bins()) {
      assertTrue(b.contribution() >= 0);
      sum += b.contribution();
    }
    assertEquals(d.statistic(), sum, 1e-12 * Math.max(1, sum));
    assertTrue(d.pValue() >= 0 && d.pValue() <= 1);
    // swapping the sides of the same bins gives the same PSI (a symmetrised divergence)
    DriftResult swapped = Psi.defaults().compare(binning, BinCounts.of(c, 0), BinCounts.of(r, 0));
    assertEquals(d.statistic(), swapped.statistic(), 1e-12 * Math.max(1, d.statistic()));
  }

  /** A sample against itself, or against a permutation of itself, has PSI 0 and p = 1. */
  @Property(tries = 200, seed = "102")
  void psiIsZeroOnIdenticalInputs(
      @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
      @ForAll @IntRange(min = 2, max = 40) int bins) {
    double[] x = toArray(values);
    double[] reversed = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      reversed[i] = x[x.length - 1 - i];
    }
    for (BinSpec spec : new BinSpec[] {BinSpec.quantiles(bins), BinSpec.equalWidth(bins)}) {
      DriftResult d = Psi.defaults().withBins(spec).test(x, reversed);
      assertEquals(0.0, d.statistic());
      assertEquals(1.0, d.pValue(), 1e-12);
      assertEquals(Verdict.NO_DRIFT, d.verdict());
    }
  }

  /** Quantile bins: each holds at least one reference value, and counts add up. */
  @Property(tries = 300, seed = "103")
  void quantileBinsAreNeverEmptyInTheReference(
      @ForAll @Size(min = 1, max = 400) List<@DoubleRange(min = -50, max = 50) Double> values,
      @ForAll @IntRange(min = 2, max = 50) int bins,
      @ForAll @IntRange(min = 0, max = 2) int decimals) {
    double scale = Math.pow(10, decimals); // rounding creates ties
    double[] x = values.stream().mapToDouble(v -> Math.rint(v * scale) / scale).toArray();
    Binning b = Binning.quantiles(x, bins);
    long[] counts = b.count(x).counts();
    long distinct = java.util.Arrays.stream(x).distinct().count();
    assertTrue(b.bins() <= bins || (distinct == 1 && b.bins() == 3), b.toString());
    if (distinct > 1) {
      for (long c : counts) {
        assertTrue(c >= 1, b + " " + java.util.Arrays.toString(counts));
      }
    }
    assertEquals(x.length, java.util.Arrays.stream(counts).sum());
    // with no ties and n divisible by B, every bin holds exactly n / B values
    if (distinct == x.length && x.length % bins == 0 && b.bins() == bins) {
      for (long c : counts) {
        assertEquals(x.length / bins, c);
      }
    }
  }

  /** Jensen-Shannon distance: symmetric, in [0, 1], 0 on proportional inputs. */
  @Property(tries = 300, seed = "104")
  void jensenShannonIsSymmetricAndBounded(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 100) Double> p,
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 100) Double> q,
      @ForAll @DoubleRange(min = 0.01, max = 100) double scale) {
    int k = Math.min(p.size(), q.size());
    double[] a = toArray(p.subList(0, k));
    double[] b = toArray(q.subList(0, k));
    a[0] += 1;
    b[k - 1] += 1;
    double d = JensenShannon.distance(a, b);
    assertTrue(d >= 0 && d <= 1, "distance " + d);
    assertEquals(d, JensenShannon.distance(b, a), 1e-15);
    double[] scaled = a.clone();
    for (int i = 0; i < k; i++) {
      scaled[i] *= scale;
    }
    assertTrue(JensenShannon.distance(a, scaled) < 1e-7);
  }

  /** Wasserstein-1: symmetric, 0 on identical samples, |c| for a shift by c, triangle rule. */
  @Property(tries = 300, seed = "105")
  void wassersteinIsAMetricOnSamples(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1000, max = 1000) Double> u,
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1000, max = 1000) Double> v,
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1000, max = 1000) Double> w,
      @ForAll @DoubleRange(min = -100, max = 100) double shift) {
    double[] a = toArray(u);
    double[] b = toArray(v);
    double[] c = toArray(w);
    double ab = Wasserstein.distance(a, b);
    assertTrue(ab >= 0);
    assertEquals(ab, Wasserstein.distance(b, a), 1e-9 * Math.max(1, ab));
    assertEquals(0.0, Wasserstein.distance(a, a.clone()));
    double[] shifted = a.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += shift;
    }
    assertEquals(Math.abs(shift), Wasserstein.distance(a, shifted), 1e-9);
    assertTrue(Wasserstein.distance(a, c)
        <= ab + Wasserstein.distance(b, c) + 1e-9 * (1 + ab));
  }

  /** Chi-square: X^2 >= 0, p and Cramér's V in [0, 1]; X^2 = 0 exactly when rows are equal. */
  @Property(tries = 300, seed = "106")
  void chiSquareIsInRange(
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 500) Long> ref,
      @ForAll @IntRange(min = 1, max = 5) int factor) {
    long[] r = toLongs(ref);
    r[0] += 1;
    long[] c = r.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] *= factor;
    }
    String[] names = new String[r.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = "c" + i;
    }
    DriftResult same = ChiSquare.defaults().test(CategoryCounts.ofCounts(names, r, 0),
        CategoryCounts.ofCounts(names, c, 0));
    assertEquals(0.0, same.statistic(), 1e-9);
    assertEquals(1.0, same.pValue(), 1e-9);
    c[c.length - 1] += 7;
    DriftResult d = ChiSquare.defaults().test(CategoryCounts.ofCounts(names, r, 0),
        CategoryCounts.ofCounts(names, c, 0));
    assertTrue(d.statistic() >= 0);
    assertTrue(d.pValue() >= 0 && d.pValue() <= 1);
    assertTrue(d.effectSize() >= 0 && d.effectSize() <= 1);
  }
}
