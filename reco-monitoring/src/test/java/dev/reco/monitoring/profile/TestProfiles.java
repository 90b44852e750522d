package dev.reco.monitoring.profile;

import dev.reco.core.format.Provenance;
import java.time.Instant;

/** Shared fixtures for the profile tests. */
final class TestProfiles {
  private TestProfiles() {}

  /** price (numeric, edges 0, 10, 20, 30, sketch k = 200), country (categorical: de, fr, us). */
  static ProfileSchema schema() {
    return ProfileSchema.builder()
        .numeric("price", NumericBins.ofEdges(0, 10, 20, 30))
        .categorical("country", CategoryDictionary.of("de", "fr", "us"))
        .numeric("score", NumericBins.ofEdges(-1, 0, 1), 0)
        .build();
  }

  /** Fixed provenance values, so that writing gives the same bytes on any machine. */
  static Provenance provenance() {
    return new Provenance("ProfileFormatTest", "{\"purpose\":\"test\"}", null, null, "0.1.0",
        "17.0.15+6", "Linux 6.1.0", "amd64", Instant.parse("2024-05-01T12:00:00Z"));
  }

  /** Asserts that two profiles have the same schema, counters and missing counts. */
  static boolean sameCounters(SingleWriterProfile a, SingleWriterProfile b) {
    if (!a.schema().equals(b.schema())) {
      return false;
    }
    for (int c = 0; c < a.schema().size(); c++) {
      if (!java.util.Arrays.equals(a.counts(c), b.counts(c)) || a.missing(c) != b.missing(c)) {
        return false;
      }
    }
    return true;
  }

  /** Largest |cdf_a(x) - cdf_b(x)| over a grid of points between lo and hi. */
  static double maxCdfGap(ColumnSketch a, ColumnSketch b, double lo, double hi) {
    double gap = 0;
    for (int i = 0; i <= 200; i++) {
      double x = lo + (hi - lo) * i / 200;
      gap = Math.max(gap, Math.abs(a.cdf(x) - b.cdf(x)));
    }
    return gap;
  }
}
