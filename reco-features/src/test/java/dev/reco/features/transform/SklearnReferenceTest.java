package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The numeric steps against scikit-learn 1.2.1 / numpy, from
 * {@code tools/fixtures/feature_transforms_sklearn.py} (output committed as
 * {@code fixtures/feature-transforms-sklearn.json}).
 */
class SklearnReferenceTest {
  private static final double TOL = 1e-12;
  private static final Map<String, JsonNode> CASES = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SklearnReferenceTest.class.getResourceAsStream(
        "/fixtures/feature-transforms-sklearn.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      for (JsonNode c : root.get("cases")) {
        CASES.put(c.get("name").asText(), c);
      }
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).doubleValue();
    }
    return v;
  }

  /** Fits on the case's train column, then checks the transformed train and test columns. */
  private static void check(String name, FeatureStep step) {
    JsonNode c = CASES.get(name);
    Table train = Table.of(DoubleColumn.of("x", doubles(c.get("train"))));
    FittedStep f = step.fit(train);
    if (c.has("expected_train")) {
      assertClose(name + " train", doubles(c.get("expected_train")),
          f.transform(train).doubleColumn("x").toArray());
    }
    Table test = Table.of(DoubleColumn.of("x", doubles(c.get("test"))));
    assertClose(name + " test", doubles(c.get("expected_test")),
        f.transform(test).doubleColumn("x").toArray());
  }

  private static void assertClose(String what, double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertEquals(Double.NaN, actual[i], what + " [" + i + "]");
      } else {
        assertEquals(expected[i], actual[i], TOL * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
      }
    }
  }

  private static JsonNode params(FittedStep f) {
    var p = new ObjectMapper().createObjectNode();
    f.writeParams(p);
    return p;
  }

  @Test
  void standardScalerUsesThePopulationStd() {
    check("standard_scaler", StandardScale.of("x"));
    JsonNode p = params(StandardScale.of("x").fit(
        Table.of(DoubleColumn.of("x", doubles(CASES.get("standard_scaler").get("train"))))));
    assertEquals(CASES.get("standard_scaler").get("params").get("mean").doubleValue(), p.get("mean").doubleValue(), TOL);
    assertEquals(CASES.get("standard_scaler").get("params").get("scale").doubleValue(), p.get("scale").doubleValue(), TOL);
  }

  @Test
  void minMaxScaler() {
    check("min_max_scaler", MinMaxScale.of("x"));
  }

  @Test
  void robustScalerUsesLinearQuantiles() {
    check("robust_scaler", RobustScale.of("x"));
  }

  @Test
  void winsorizeBoundsAreNumpyPercentiles() {
    check("winsorize_5_95", Winsorize.of("x", 0.05, 0.95));
  }

  @Test
  void equalWidthBinsMatchKBinsUniform() {
    check("kbins_uniform_4", EqualWidthBin.of("x", 4));
    JsonNode edges = params(EqualWidthBin.of("x", 4).fit(Table.of(DoubleColumn.of("x",
        doubles(CASES.get("kbins_uniform_4").get("train")))))).get("edges");
    assertClose("edges", doubles(CASES.get("kbins_uniform_4").get("params").get("edges")), doubles(edges));
  }

  @Test
  void quantileBinsMatchKBinsQuantile() {
    check("kbins_quantile_4", QuantileBin.of("x", 4));
    JsonNode edges = params(QuantileBin.of("x", 4).fit(Table.of(DoubleColumn.of("x",
        doubles(CASES.get("kbins_quantile_4").get("train")))))).get("edges");
    assertClose("edges", doubles(CASES.get("kbins_quantile_4").get("params").get("edges")), doubles(edges));
  }

  @Test
  void imputerStrategies() {
    check("imputer_mean", Impute.mean("x"));
    check("imputer_median", Impute.median("x"));
    check("imputer_most_frequent", Impute.mostFrequent("x"));
  }

  @Test
  void categoricalMostFrequentBreaksTiesBySmallestString() {
    JsonNode c = CASES.get("imputer_most_frequent_categorical");
    String[] train = new String[c.get("train").size()];
    for (int i = 0; i < train.length; i++) {
      train[i] = c.get("train").get(i).isNull() ? null : c.get("train").get(i).asText();
    }
    Table t = Table.of(CategoricalColumn.of("x", train));
    CategoricalColumn out = Impute.mostFrequent("x").fit(t).transform(t).categoricalColumn("x");
    for (int i = 0; i < train.length; i++) {
      assertEquals(c.get("expected_train").get(i).asText(), out.category(i), "row " + i);
    }
  }
}
