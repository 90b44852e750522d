package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MeanAccumulatorTest {

  @Test
  void sumsExactlyWhereNaiveSummationLosesEverything() {
    // naive: (1e16 + 1) - 1e16 = 0 because 1e16 + 1 rounds to 1e16; exact: 1
    MeanAccumulator a = new MeanAccumulator().add(1e16).add(1.0).add(-1e16);
    assertEquals(1.0, a.sum());
    assertEquals(1.0 / 3, a.mean());
    // ten times 0.1: naive left-to-right gives 0.9999999999999999; exact then rounded: 1.0
    MeanAccumulator tenths = new MeanAccumulator();
    for (int i = 0; i < 10; i++) {
      tenths.add(0.1);
    }
    assertEquals(1.0, tenths.sum());
    assertEquals(10, tenths.count());
  }

  @Test
  void roundsHalfToEvenLikeFsum() {
    // 1 + 2^-53 is exactly halfway between 1 and its successor: ties go to the even value 1.0;
    // with one more 2^-80 the exact sum is above halfway and rounds up
    double half = Math.scalb(1.0, -53);
    assertEquals(1.0, new MeanAccumulator().add(1.0).add(half).sum());
    assertEquals(Math.nextUp(1.0),
        new MeanAccumulator().add(1.0).add(half).add(Math.scalb(1.0, -80)).sum());
  }

  @Test
  void meanOfAnArrayAndEmptyCases() {
    assertEquals(2.5, MeanAccumulator.mean(new double[] {1, 2, 3, 4}));
    assertEquals(0.0, new MeanAccumulator().sum());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new MeanAccumulator().mean());
    assertTrue(e.getMessage().contains("no values"), e.getMessage());
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> new MeanAccumulator().add(Double.NaN));
    assertTrue(a.getMessage().contains("value = NaN"), a.getMessage());
    MeanAccumulator m = new MeanAccumulator().add(1);
    a = assertThrows(IllegalArgumentException.class,
        () -> m.addAll(new double[] {2, Double.POSITIVE_INFINITY}));
    assertTrue(a.getMessage().contains("values[1] = Infinity"), a.getMessage());
    assertEquals(1, m.count()); // nothing added by the failed call
    a = assertThrows(IllegalArgumentException.class, () -> MeanAccumulator.mean(new double[0]));
    assertTrue(a.getMessage().contains("values is empty"), a.getMessage());
    assertThrows(ArithmeticException.class,
        () -> new MeanAccumulator().add(Double.MAX_VALUE).add(Double.MAX_VALUE));
  }

  @Test
  void mergingWithItselfDoubles() {
    MeanAccumulator m = new MeanAccumulator().add(0.1).add(0.7);
    m.merge(m);
    assertEquals(4, m.count());
    assertEquals(new MeanAccumulator().add(0.1).add(0.7).add(0.1).add(0.7).sum(), m.sum());
  }

  private static double[] values(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      // per-user metric values with some wide-range outliers
      v[i] = random.nextInt(10) == 0 ? (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30))
          : random.nextDouble();
    }
    return v;
  }

  @Property(tries = 200, seed = "20261123")
  void resultIsBitIdenticalWhateverTheOrderAndSplit(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 8) int workers) {
    Random random = new Random(seed);
    double[] v = values(random, n);
    double sequential = new MeanAccumulator().addAll(v).mean();
    // shuffled order
    double[] shuffled = v.clone();
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    assertEquals(sequential, MeanAccumulator.mean(shuffled), 0.0);
    // values dealt to workers at random, merged in reverse order
    MeanAccumulator[] parts = new MeanAccumulator[workers];
    for (int w = 0; w < workers; w++) {
      parts[w] = new MeanAccumulator();
    }
    for (double x : v) {
      parts[random.nextInt(workers)].add(x);
    }
    MeanAccumulator merged = new MeanAccumulator();
    for (int w = workers - 1; w >= 0; w--) {
      merged.merge(parts[w]);
    }
    assertEquals(n, merged.count());
    assertEquals(sequential, merged.mean(), 0.0);
  }

  @Property(tries = 200, seed = "20261124")
  void sumIsTheCorrectlyRoundedExactSum(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int n) {
    double[] v = values(new Random(seed), n);
    BigDecimal exact = BigDecimal.ZERO;
    for (double x : v) {
      exact = exact.add(new BigDecimal(x));
    }
    // BigDecimal.doubleValue rounds the exact decimal to the nearest double (half even)
    double expected = exact.round(new MathContext(400)).doubleValue();
    assertEquals(expected, new MeanAccumulator().addAll(v).sum(), 0.0);
  }
}
