package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/drift-profiles.md, compiled and checked. */
class ProfileExampleTest {

  @Test
  void referenceThenLiveThenCompare(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    double[] referencePrices = new double[20_000];
    String[] referenceCountries = new String[20_000];
    double[] referenceScores = new double[20_000];
    String[] names = {"de", "fr", "us", "jp"};
    for (int i = 0; i < referencePrices.length; i++) {
      referencePrices[i] = 20 + 5 * r.nextGaussian();
      referenceCountries[i] = i % 100 == 0 ? null : names[r.nextInt(names.length)];
      referenceScores[i] = r.nextDouble();
    }
    Path path = dir.resolve("reference.reco");

    // once, from the reference data
    ProfileSchema schema = ProfileSchema.builder()
        .numeric("price", NumericBins.quantiles(referencePrices, 10))      // KLL k = 200
        .categorical("country", CategoryDictionary.fromReference(referenceCountries, 50))
        .numeric("score", NumericBins.quantiles(referenceScores, 10), 0)   // counters only
        .build();
    SingleWriterProfile reference = new SingleWriterProfile(schema);
    reference.update(0, referencePrices);             // an array, or one value at a time
    for (String c : referenceCountries) {
      reference.update(1, c);                          // null counts as missing
    }
    ProfileFormat.write(path, reference, TestProfiles.provenance());

    // in the service: many threads (here one), prices shifted by one standard deviation
    ConcurrentProfile live = new ConcurrentProfile(schema, 8);
    for (int i = 0; i < 20_000; i++) {
      live.update(schema.indexOf("price"), 25 + 5 * r.nextGaussian());
      live.update(schema.indexOf("country"), names[r.nextInt(names.length)]);
    }

    // every few minutes, from a monitoring thread
    SingleWriterProfile window = live.intervalSnapshot();
    SketchKsResult ks = SketchKs.test(ProfileFormat.read(path).sketch(0), window.sketch(0));
    long[] priceBins = window.counts(0);               // for PSI / chi-square / JS

    assertTrue(ks.drifted(), ks::toString);
    assertEquals(12, priceBins.length); // 10 inner bins, underflow, overflow
    assertEquals(20_000, java.util.Arrays.stream(priceBins).sum());
    assertEquals(200, reference.missing(1));
    assertEquals(0, window.missing(1));
    assertFalse(window.hasSketch(2));
  }
}
