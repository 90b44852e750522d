package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class RandTest {

  @Property(tries = 1000, seed = "42")
  void logIsWithinFourUlpsOfStrictMath(
      @ForAll @DoubleRange(min = 1, max = 2, maxIncluded = false) @Scale(15) double mantissa,
      @ForAll @IntRange(min = -1000, max = 1000) int exponent) {
    double x = Math.scalb(mantissa, exponent);
    double want = StrictMath.log(x);
    assertEquals(want, Rand.log(x), 4 * Math.ulp(want) + Double.MIN_NORMAL);
  }

  @Test
  void logOfUnitUniformsIsAccurate() {
    // the generator takes logs of 1 - u, u uniform: check the whole (0, 1] range densely
    SplittableRandom rng = new SplittableRandom(1);
    for (int k = 0; k < 100_000; k++) {
      double x = 1 - Rand.uniform(rng);
      double want = StrictMath.log(x);
      assertEquals(want, Rand.log(x), 4 * Math.ulp(want) + 1e-300, "x = " + x);
    }
    assertEquals(0.0, Rand.log(1.0));
    assertEquals(-53 * Math.log(2), Rand.log(0x1.0p-53), 1e-13);
  }

  @Property(tries = 500, seed = "42")
  void oneMinusExpNegMatchesExpm1(
      @ForAll @DoubleRange(min = 0, max = 0.01) @Scale(15) double x) {
    double want = -StrictMath.expm1(-x);
    assertEquals(want, Rand.oneMinusExpNeg(x), 2 * Math.ulp(want) + Double.MIN_VALUE);
  }

  @Test
  void variatesHaveTheirMoments() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    double expSum = 0;
    int[] counts = new int[7];
    for (int k = 0; k < n; k++) {
      double g = Rand.gaussian(rng);
      sum += g;
      sumSq += g * g;
      expSum += Rand.exponential(rng, 10);
      counts[Rand.below(rng, 7)]++;
    }
    // sd of the mean 1/sqrt(200k) = 0.0022; of the variance sqrt(2/200k) = 0.0032
    assertEquals(0, sum / n, 0.01);
    assertEquals(1, sumSq / n, 0.015);
    // exponential mean 10, sd of the mean 10/sqrt(200k) = 0.022
    assertEquals(10, expSum / n, 0.1);
    for (int c : counts) {
      assertEquals(1 / 7.0, c / (double) n, 0.004);
    }
  }

  @Test
  void shuffleIsAPermutationAndSeeded() {
    int[] a = new int[100];
    Arrays.setAll(a, i -> i);
    int[] b = a.clone();
    Rand.shuffle(new SplittableRandom(9), a);
    Rand.shuffle(new SplittableRandom(9), b);
    assertTrue(Arrays.equals(a, b));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 100; i++) {
      assertEquals(i, sorted[i]);
    }
    int fixed = 0;
    for (int i = 0; i < 100; i++) {
      fixed += a[i] == i ? 1 : 0;
    }
    assertTrue(fixed < 10, "a shuffle of 100 keeps about 1 element in place, kept " + fixed);
  }
}
