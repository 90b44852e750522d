package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares against SciPy and a NumPy PSI computed by {@code tools/fixtures/drift_fixtures.py};
 * the generated file lives in {@code src/test/resources/fixtures/drift.json} so that no Python is
 * needed here. Statistics and p-values must agree to a relative 1e-10 (p-values that SciPy
 * rounds to 0 or below 1e-300 are compared absolutely).
 */
class ReferenceFixturesTest {
  private static final double TOLERANCE = 1e-10;
  private static JsonNode doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ReferenceFixturesTest.class.getResourceAsStream("/fixtures/drift.json")) {
      if (in == null) {
        fail("missing fixture drift.json");
      }
      doc = new ObjectMapper().readTree(in);
    }
    assertEquals("1.10.1", doc.get("versions").get("scipy").asText());
    assertEquals(Psi.DEFAULT_EPSILON, doc.get("versions").get("epsilon").doubleValue());
  }

  /** Asserts {@code |actual - expected| <= 1e-10 |expected|}, or both below 1e-300. */
  static void close(double expected, double actual, String what) {
    boolean ok = Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected)
        || (Math.abs(expected) < 1e-300 && Math.abs(actual) < 1e-300);
    assertTrue(ok, what + ": expected " + expected + ", got " + actual + " (relative error "
        + Math.abs(actual - expected) / Math.abs(expected) + ")");
  }

  private static double[] doubles(JsonNode node) {
    double[] a = new double[node.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = node.get(i).isNull() ? Double.NaN : node.get(i).doubleValue();
    }
    return a;
  }

  private static long[] longs(JsonNode node) {
    long[] a = new long[node.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = node.get(i).longValue();
    }
    return a;
  }

  private static String[] strings(JsonNode node) {
    String[] a = new String[node.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = node.get(i).isNull() ? null : node.get(i).asText();
    }
    return a;
  }

  private static void checkTable(JsonNode c, String name, DriftResult psi, DriftResult chi,
      DriftResult js) {
    close(c.get("psi").doubleValue(), psi.statistic(), name + " PSI");
    close(c.get("psi").doubleValue(), psi.effectSize(), name + " PSI effect");
    close(c.get("psiPValue").doubleValue(), psi.pValue(), name + " PSI p-value");
    double[] terms = doubles(c.get("psiTerms"));
    assertEquals(terms.length, psi.bins().size(), name);
    for (int j = 0; j < terms.length; j++) {
      close(terms[j], psi.bins().get(j).contribution(), name + " PSI term " + j);
    }
    close(c.get("chiSquare").doubleValue(), chi.statistic(), name + " X2");
    close(c.get("chiSquarePValue").doubleValue(), chi.pValue(), name + " X2 p-value");
    close(c.get("cramersV").doubleValue(), chi.effectSize(), name + " Cramér's V");
    close(c.get("jsDistance").doubleValue(), js.statistic(), name + " JS distance");
    close(c.get("jsPValue").doubleValue(), js.pValue(), name + " JS p-value");
    long[] r = longs(c.get("referenceCounts"));
    long[] k = longs(c.get("currentCounts"));
    for (DriftResult result : List.of(psi, chi, js)) {
      assertEquals(c.get("referenceMissing").longValue(), result.referenceMissing(), name);
      assertEquals(c.get("currentMissing").longValue(), result.currentMissing(), name);
      for (int j = 0; j < r.length; j++) {
        assertEquals(r[j], result.bins().get(j).referenceCount(), name + " bin " + j);
        assertEquals(k[j], result.bins().get(j).currentCount(), name + " bin " + j);
      }
    }
  }

  @Test
  void numericBinsAndStatisticsMatchNumPyAndSciPy() {
    JsonNode cases = doc.get("numeric");
    assertTrue(cases.size() >= 12);
    for (JsonNode c : cases) {
      String name = c.get("name").asText();
      double[] ref = doubles(c.get("reference"));
      double[] cur = doubles(c.get("current"));
      int bins = c.get("bins").intValue();
      BinSpec spec = c.get("method").asText().equals("QUANTILE")
          ? BinSpec.quantiles(bins) : BinSpec.equalWidth(bins);
      Binning binning = spec.fit(ref);
      assertArrayEquals(doubles(c.get("cuts")), binning.cuts(), 0.0, name + " cuts");
      assertArrayEquals(longs(c.get("referenceCounts")), binning.count(ref).counts(), name);
      assertArrayEquals(longs(c.get("currentCounts")), binning.count(cur).counts(), name);
      checkTable(c, name, Psi.defaults().withBins(spec).test(ref, cur),
          ChiSquare.defaults().withBins(spec).test(ref, cur),
          JensenShannon.defaults().withBins(spec).test(ref, cur));
    }
  }

  @Test
  void categoricalStatisticsMatchSciPy() {
    JsonNode cases = doc.get("categorical");
    assertTrue(cases.size() >= 6);
    for (JsonNode c : cases) {
      String name = c.get("name").asText();
      String[] ref = strings(c.get("reference"));
      String[] cur = strings(c.get("current"));
      DriftResult psi = Psi.defaults().test(ref, cur);
      DriftResult chi = ChiSquare.defaults().test(ref, cur);
      DriftResult js = JensenShannon.defaults().test(ref, cur);
      String[] labels = strings(c.get("labels"));
      for (int j = 0; j < labels.length; j++) {
        assertEquals(labels[j], psi.bins().get(j).label(), name);
        assertEquals(labels[j].equals("(unseen)") ? BinDetail.Kind.UNSEEN : BinDetail.Kind.CATEGORY,
            psi.bins().get(j).kind(), name);
      }
      checkTable(c, name, psi, chi, js);
    }
  }

  @Test
  void wassersteinMatchesSciPy() {
    for (JsonNode c : doc.get("wasserstein")) {
      String name = c.get("name").asText();
      double[] u = doubles(c.get("u"));
      double[] v = doubles(c.get("v"));
      double expected = c.get("distance").doubleValue();
      close(expected, Wasserstein.distance(u, v), name);
      close(expected, Wasserstein.distance(v, u), name + " swapped");
      DriftResult raw = Wasserstein.defaults().withNormalized(false).test(u, v);
      close(expected, raw.statistic(), name + " test statistic");
      close(expected, raw.effectSize(), name + " raw effect");
      double sd = c.get("referenceStd").doubleValue();
      DriftResult normalized = Wasserstein.defaults().test(u, v);
      if (sd > 0) {
        close(expected / sd, normalized.effectSize(), name + " W / sd");
      }
    }
  }

  @Test
  void missingRateMatchesSciPyTwoByTwoChiSquare() {
    for (JsonNode c : doc.get("missing")) {
      DriftResult r = MissingRate.defaults().test(c.get("referenceMissing").longValue(),
          c.get("referenceRows").longValue(), c.get("currentMissing").longValue(),
          c.get("currentRows").longValue());
      String name = c.toString();
      close(c.get("z").doubleValue(), r.statistic(), name + " z");
      close(c.get("pValue").doubleValue(), r.pValue(), name + " p");
      close(c.get("cohensH").doubleValue(), r.effectSize(), name + " h");
    }
  }

  @Test
  void entropyMatchesSciPy() {
    for (JsonNode c : doc.get("entropy")) {
      long[] counts = longs(c.get("counts"));
      String[] names = new String[counts.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = "c" + i;
      }
      close(c.get("entropyBits").doubleValue(),
          PredictionDrift.entropy(CategoryCounts.ofCounts(names, counts, 0)), c.toString());
    }
  }
}
