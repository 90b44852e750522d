package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SingleWriterProfileTest {
  private static final int PRICE = 0;
  private static final int COUNTRY = 1;
  private static final int SCORE = 2;

  @Test
  void countsByHand() {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    // price edges 0, 10, 20, 30: bins (-inf,0) [0,10) [10,20) [20,30) [30,inf)
    for (double v : new double[] {-5, 0, 9.99, 10, 25, 30, 1e9, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      p.update(PRICE, v);
    }
    // -5, -inf -> 0; 0, 9.99 -> 1; 10 -> 2; 25 -> 3; 30, 1e9, +inf -> 4; NaN missing
    assertArrayEquals(new long[] {2, 2, 1, 1, 3}, p.counts(PRICE));
    assertEquals(1, p.missing(PRICE));
    assertEquals(9, p.count(PRICE));
    assertEquals(9, p.sketch(PRICE).n());
    // country dictionary de, fr, us, then other
    for (String c : new String[] {"us", "us", "de", "jp", null, "DE"}) {
      p.update(COUNTRY, c);
    }
    p.updateCategoryIndex(COUNTRY, 3);
    p.updateMissing(COUNTRY);
    assertArrayEquals(new long[] {1, 0, 2, 3}, p.counts(COUNTRY));
    assertEquals(2, p.missing(COUNTRY));
    assertFalse(p.hasSketch(SCORE));
    assertTrue(p.hasSketch(PRICE));
  }

  @Test
  void bulkUpdateEqualsOneByOne() {
    SplittableRandom r = new SplittableRandom(7);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 97 == 0 ? Double.NaN : r.nextDouble(-10, 40);
    }
    SingleWriterProfile bulk = new SingleWriterProfile(TestProfiles.schema());
    SingleWriterProfile single = new SingleWriterProfile(TestProfiles.schema());
    bulk.update(PRICE, values);
    for (double v : values) {
      single.update(PRICE, v);
    }
    assertTrue(TestProfiles.sameCounters(bulk, single));
    assertEquals(single.sketch(PRICE).n(), bulk.sketch(PRICE).n());
  }

  @Test
  void wrongKindAndBadIndexAreRejectedBeforeCounting() {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.update(COUNTRY, 1.0));
    assertTrue(e.getMessage().contains("column 1 'country' is CATEGORICAL"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.update(PRICE, "x"));
    assertTrue(e.getMessage().contains("'price' is NUMERIC"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.updateCategoryIndex(COUNTRY, 4));
    assertTrue(e.getMessage().contains("bucket = 4"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> p.update(3, 1.0));
    assertThrows(IndexOutOfBoundsException.class, () -> p.updateMissing(-1));
    e = assertThrows(IllegalArgumentException.class, () -> p.sketch(SCORE));
    assertTrue(e.getMessage().contains("'score' has no quantile sketch"), e.getMessage());
    for (int c = 0; c < 3; c++) {
      assertEquals(0, p.count(c) + p.missing(c));
    }
  }

  @Test
  void mergeRejectsAnotherSchema() {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    SingleWriterProfile q = new SingleWriterProfile(ProfileSchema.builder()
        .numeric("price", NumericBins.ofEdges(0, 10, 20, 31)).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.merge(q));
    assertTrue(e.getMessage().contains("31.0"), e.getMessage());
  }

  @Test
  void mergeIntoItselfDoublesAndResetEmpties() {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    p.update(PRICE, 5);
    p.update(PRICE, Double.NaN);
    p.update(COUNTRY, "fr");
    p.merge(p);
    assertArrayEquals(new long[] {0, 2, 0, 0, 0}, p.counts(PRICE));
    assertEquals(2, p.missing(PRICE));
    assertEquals(2, p.sketch(PRICE).n());
    assertArrayEquals(new long[] {0, 2, 0, 0}, p.counts(COUNTRY));
    p.reset();
    assertEquals(0, p.count(PRICE) + p.missing(PRICE) + p.count(COUNTRY));
    assertEquals(0, p.sketch(PRICE).n());
  }

  @Test
  void copyIsIndependent() {
    SingleWriterProfile p = new SingleWriterProfile(TestProfiles.schema());
    p.update(PRICE, 5);
    SingleWriterProfile c = p.copy();
    p.update(PRICE, 15);
    assertArrayEquals(new long[] {0, 1, 0, 0, 0}, c.counts(PRICE));
    assertEquals(1, c.sketch(PRICE).n());
    assertEquals(2, p.sketch(PRICE).n());
  }

  /** Fills three profiles with seeded data of sizes na, nb, nc and checks merge associativity. */
  @Property(tries = 30, seed = "2024")
  void mergeIsAssociativeAndEqualsOneProfileOverAllData(
      @ForAll @IntRange(min = 0, max = 3000) int na, @ForAll @IntRange(min = 0, max = 3000) int nb,
      @ForAll @IntRange(min = 0, max = 3000) int nc, @ForAll @LongRange(min = 1) long seed) {
    ProfileSchema schema = TestProfiles.schema();
    SplittableRandom r = new SplittableRandom(seed);
    List<SingleWriterProfile> parts = new ArrayList<>();
    SingleWriterProfile all = new SingleWriterProfile(schema);
    String[] countries = {"de", "fr", "us", "jp", null};
    for (int n : new int[] {na, nb, nc}) {
      SingleWriterProfile p = new SingleWriterProfile(schema);
      for (int i = 0; i < n; i++) {
        double v = r.nextInt(50) == 0 ? Double.NaN : r.nextGaussian() * 10 + 15;
        String c = countries[r.nextInt(countries.length)];
        double s = r.nextDouble(-2, 2);
        for (SingleWriterProfile target : new SingleWriterProfile[] {p, all}) {
          target.update(PRICE, v);
          target.update(COUNTRY, c);
          target.update(SCORE, s);
        }
      }
      parts.add(p);
    }
    SingleWriterProfile left = parts.get(0).copy(); // (a + b) + c
    left.merge(parts.get(1));
    left.merge(parts.get(2));
    SingleWriterProfile bc = parts.get(1).copy(); // a + (b + c)
    bc.merge(parts.get(2));
    SingleWriterProfile right = parts.get(0).copy();
    right.merge(bc);
    assertTrue(TestProfiles.sameCounters(left, right), () -> left + " vs " + right);
    assertTrue(TestProfiles.sameCounters(left, all), () -> left + " vs " + all);
    // the inputs are unchanged by merging
    assertEquals(na + nb + nc, left.count(PRICE) + left.missing(PRICE));
    assertEquals(na, parts.get(0).count(PRICE) + parts.get(0).missing(PRICE));
    if (all.count(PRICE) == 0) {
      return;
    }
    // sketches: same n, min and max exactly; CDFs within the two sketches' rank-error bounds
    ColumnSketch sl = left.sketch(PRICE);
    ColumnSketch sr = right.sketch(PRICE);
    ColumnSketch sa = all.sketch(PRICE);
    assertEquals(sa.n(), sl.n());
    assertEquals(sa.n(), sr.n());
    assertEquals(sa.min(), sl.min());
    assertEquals(sa.max(), sr.max());
    double tolerance = sl.normalizedRankError() + sa.normalizedRankError() + 1e-12;
    assertTrue(TestProfiles.maxCdfGap(sl, sa, -25, 55) <= tolerance);
    assertTrue(TestProfiles.maxCdfGap(sr, sa, -25, 55)
        <= sr.normalizedRankError() + sa.normalizedRankError() + 1e-12);
    assertTrue(TestProfiles.maxCdfGap(sl, sr, -25, 55)
        <= sl.normalizedRankError() + sr.normalizedRankError() + 1e-12);
  }

  @Test
  void sketchesOfLargeMergesStayWithinRankError() {
    // 3 x 200k values: the sketches compact, so this exercises the estimation mode.
    ProfileSchema schema = TestProfiles.schema();
    SplittableRandom r = new SplittableRandom(99);
    SingleWriterProfile[] parts = new SingleWriterProfile[3];
    double[] all = new double[600_000];
    for (int p = 0; p < 3; p++) {
      parts[p] = new SingleWriterProfile(schema);
      for (int i = 0; i < 200_000; i++) {
        double v = r.nextGaussian() * 10 + 15;
        all[p * 200_000 + i] = v;
        parts[p].update(PRICE, v);
      }
    }
    SingleWriterProfile left = parts[0].copy();
    left.merge(parts[1]);
    left.merge(parts[2]);
    SingleWriterProfile bc = parts[1].copy();
    bc.merge(parts[2]);
    SingleWriterProfile right = parts[0].copy();
    right.merge(bc);
    java.util.Arrays.sort(all);
    for (ColumnSketch s : new ColumnSketch[] {left.sketch(PRICE), right.sketch(PRICE)}) {
      assertFalse(s.exact());
      assertEquals(600_000, s.n());
      for (int i = 0; i <= 100; i++) {
        double x = -25 + 0.8 * i;
        // exact empirical CDF by binary search on the sorted data
        int idx = java.util.Arrays.binarySearch(all, Math.nextUp(x));
        double exact = (idx >= 0 ? idx : -idx - 1) / 600_000.0;
        assertTrue(Math.abs(s.cdf(x) - exact) <= s.normalizedRankError(),
            "x = " + x + ": sketch " + s.cdf(x) + " vs exact " + exact);
      }
    }
  }
}
