package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.monitoring.drift.Binning;
import dev.reco.monitoring.drift.CategoryCounts;
import dev.reco.monitoring.drift.ChiSquare;
import dev.reco.monitoring.drift.DriftResult;
import dev.reco.monitoring.drift.JensenShannon;
import dev.reco.monitoring.drift.Psi;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProfileDriftTest {
  private static double[] normal(long seed, int n, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double u = 1.0 - r.nextDouble();
      out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble()) + shift;
    }
    out[3] = Double.NaN;
    return out;
  }

  private static String[] labels(long seed, int n, double aShare) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      out[i] = u < aShare ? "a" : u < aShare + 0.2 ? "b" : u < 0.95 ? "c" : "zzz-unseen";
    }
    out[0] = null;
    return out;
  }

  private static SingleWriterProfile profile(ProfileSchema schema, double[] x, String[] c) {
    SingleWriterProfile p = new SingleWriterProfile(schema);
    p.update(0, x);
    for (String s : c) {
      p.update(1, s);
    }
    return p;
  }

  @Test
  void numeric_tests_on_profiles_equal_the_tests_on_raw_values_with_the_same_bins() {
    double[] ref = normal(1, 5000, 0);
    double[] cur = normal(2, 4000, 0.5);
    ProfileSchema schema = ProfileSchema.builder()
        .numeric("x", NumericBins.quantiles(ref, 10), 0)
        .categorical("c", CategoryDictionary.of("a", "b", "c")).build();
    String[] refLabels = labels(3, 5000, 0.4);
    SingleWriterProfile r = profile(schema, ref, refLabels);
    SingleWriterProfile c = profile(schema, cur, labels(4, 4000, 0.4));
    Binning binning = Binning.ofCuts(schema.column(0).bins().edges());
    DriftResult expected = Psi.defaults().compare(binning, binning.count(ref), binning.count(cur));
    DriftResult actual = ProfileDrift.numeric(Psi.defaults(), r, c, "x");
    assertEquals(expected, actual);
    assertEquals(1, actual.referenceMissing());
    assertTrue(actual.drifted(), actual.toString());
    assertEquals(JensenShannon.defaults().compare(binning, binning.count(ref), binning.count(cur)),
        ProfileDrift.numeric(JensenShannon.defaults(), r, c, "x"));
    assertEquals(ChiSquare.defaults().compare(binning, binning.count(ref), binning.count(cur)),
        ProfileDrift.numeric(ChiSquare.defaults(), r, c, "x"));
  }

  @Test
  void categorical_counts_map_unknown_labels_to_other() {
    ProfileSchema schema = ProfileSchema.builder()
        .numeric("x", NumericBins.ofEdges(0.0), 0)
        .categorical("c", CategoryDictionary.of("a", "b", "c")).build();
    String[] refLabels = labels(3, 5000, 0.4);
    String[] curLabels = labels(4, 5000, 0.6);
    SingleWriterProfile r = profile(schema, normal(1, 5000, 0), refLabels);
    SingleWriterProfile c = profile(schema, normal(2, 5000, 0), curLabels);
    DriftResult result = ProfileDrift.categorical(ChiSquare.defaults(), r, c, "c");
    // The same test on raw labels, with the unseen label renamed to the other bucket.
    String[] refOther = refLabels.clone();
    String[] curOther = curLabels.clone();
    for (String[] a : new String[][] {refOther, curOther}) {
      for (int i = 0; i < a.length; i++) {
        if ("zzz-unseen".equals(a[i])) {
          a[i] = ProfileDrift.OTHER;
        }
      }
    }
    DriftResult raw = ChiSquare.defaults().test(CategoryCounts.of(refOther),
        CategoryCounts.of(curOther));
    assertEquals(raw.statistic(), result.statistic(), 1e-9 * raw.statistic());
    assertEquals(raw.pValue(), result.pValue(), 1e-12);
    assertEquals(1, result.referenceMissing());
    assertTrue(result.drifted());
    DriftResult same = ProfileDrift.categorical(ChiSquare.defaults(), r, r.copy(), "c");
    assertFalse(same.drifted());
  }

  @Test
  void mismatched_schemas_and_kinds_are_refused() {
    ProfileSchema a = ProfileSchema.builder().numeric("x", NumericBins.ofEdges(0.0, 1.0), 0)
        .categorical("c", CategoryDictionary.of("a")).build();
    ProfileSchema b = ProfileSchema.builder().numeric("x", NumericBins.ofEdges(0.0, 2.0), 0)
        .categorical("c", CategoryDictionary.of("a")).build();
    SingleWriterProfile pa = new SingleWriterProfile(a);
    IllegalArgumentException schemas = assertThrows(IllegalArgumentException.class,
        () -> ProfileDrift.numeric(Psi.defaults(), pa, new SingleWriterProfile(b), "x"));
    assertTrue(schemas.getMessage().contains("different schemas"), schemas.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> ProfileDrift.numeric(Psi.defaults(), pa, pa.copy(), "c"));
    assertTrue(kind.getMessage().contains("'c' is CATEGORICAL"), kind.getMessage());
    ProfileSchema other = ProfileSchema.builder()
        .categorical("c", CategoryDictionary.of("a", ProfileDrift.OTHER)).build();
    SingleWriterProfile po = new SingleWriterProfile(other);
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> ProfileDrift.categorical(ChiSquare.defaults(), po, po.copy(), "c"));
    assertTrue(label.getMessage().contains("(other)"), label.getMessage());
  }
}
