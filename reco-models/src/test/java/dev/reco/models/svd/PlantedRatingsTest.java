package dev.reco.models.svd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.Interactions;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PlantedRatingsTest {
  @Test
  void integerRatingsAreDistinctPairsFromOneToFiveAndRepeatForASeed() {
    PlantedRatings p = PlantedRatings.movieLens100k().withSize(200, 150, 5000);
    Interactions a = p.generate();
    assertEquals(5000, a.size());
    assertEquals(200, a.numUsers());
    assertEquals(150, a.numItems());
    Set<Long> pairs = new HashSet<>();
    double sum = 0;
    for (int r = 0; r < a.size(); r++) {
      float v = a.value(r);
      assertTrue(v >= 1 && v <= 5 && v == Math.rint(v), "rating " + v);
      assertTrue(pairs.add((long) a.user(r) * 150 + a.item(r)), "pair repeated at row " + r);
      sum += v;
    }
    // mean 3.53 before rounding and clamping, which move it a little
    assertEquals(3.5, sum / a.size(), 0.15);
    assertEquals(a, p.generate());
    assertTrue(!a.equals(p.withSeed(43).generate()));
  }

  @Test
  void continuousRatingsHaveThePlantedSpread() {
    // no biases, no interaction: ratings are mu + noise, so their std is the noise std
    Interactions a = new PlantedRatings(300, 300, 20_000, 2, 2.0, 0, 0, 0, 0.5, 0, false, 5L)
        .generate();
    double sum = 0;
    double sq = 0;
    for (int r = 0; r < a.size(); r++) {
      sum += a.value(r);
      sq += a.value(r) * (double) a.value(r);
    }
    double mean = sum / a.size();
    // standard errors: 0.5 / sqrt(20000) = 0.0035 for the mean, 0.0025 for the std
    assertEquals(2.0, mean, 0.015);
    assertEquals(0.5, Math.sqrt(sq / a.size() - mean * mean), 0.015);
  }

  private static void assertRejected(Supplier<?> make, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment
        + "'");
  }

  @Test
  void outOfRangeSettingsAreRejectedNamingThem() {
    PlantedRatings p = PlantedRatings.movieLens100k();
    assertRejected(() -> p.withSize(0, 10, 5), "users = 0");
    assertRejected(() -> p.withSize(10, 0, 5), "items = 0");
    assertRejected(() -> p.withSize(10, 10, 51), "ratings = 51");
    assertRejected(() -> p.withSize(10, 10, 0), "ratings = 0");
    assertRejected(() -> new PlantedRatings(10, 10, 5, 0, 3, 0, 0, 0, 0, 0, true, 1), "rank = 0");
    assertRejected(() -> new PlantedRatings(10, 10, 5, 1, Double.NaN, 0, 0, 0, 0, 0, true, 1),
        "globalMean = NaN");
    assertRejected(() -> new PlantedRatings(10, 10, 5, 1, 3, -1, 0, 0, 0, 0, true, 1),
        "userBiasStd = -1.0");
    assertRejected(() -> new PlantedRatings(10, 10, 5, 1, 3, 0, 0, 0, Double.POSITIVE_INFINITY, 0,
        true, 1), "noiseStd = Infinity");
    assertRejected(() -> new PlantedRatings(10, 10, 5, 1, 3, 0, 0, 0, 0, 4, true, 1),
        "popularitySigma = 4.0");
  }
}
