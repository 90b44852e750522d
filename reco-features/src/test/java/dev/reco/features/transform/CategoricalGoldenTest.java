package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored parameters of golden/categorical-step-params-v1.json: written today, read forever. */
class CategoricalGoldenTest {
  static Table training() {
    // device: ios 3, web 2, android 1, missing 1; y sums to 4 over 7 rows
    return Table.of(
        CategoricalColumn.of("device", "ios", "web", "ios", "android", null, "web", "ios"),
        CategoricalColumn.of("country", "DE", "FR", "DE", "DE", "FR", "FR", "DE"),
        DoubleColumn.of("y", 1, 0, 1, 0, 1, 1, 0));
  }

  private static JsonNode golden() throws IOException {
    try (InputStream in = CategoricalGoldenTest.class.getResourceAsStream("/golden/categorical-step-params-v1.json")) {
      return StepAssertions.MAPPER.readTree(in);
    }
  }

  private static Map<String, FittedStep> fitted() {
    Table t = training();
    return Map.of(
        "one_hot", OneHotStep.of("device").withRare(2, 0).withMissingIndicator(true).fit(t),
        "ordinal", OrdinalStep.of("country").fit(t),
        "feature_hashing", FeatureHashingStep.of(8, "device", "country").fit(t),
        // prior 4/7; ios n 3 sum 2 -> (2 + 2 * 4/7) / 5 = 22/35; web (1 + 8/7) / 4 = 15/28; android (8/7) / 3 = 8/21
        "target_encoding", TargetEncodingStep.of("device", "y").withSmoothing(2).fit(t),
        "feature_cross", FeatureCrossStep.of("device", "country").fit(t));
  }

  private static final Map<String, StepAssertions.Reader> READERS = Map.of(
      "one_hot", OneHotFitted::read, "ordinal", OrdinalFitted::read,
      "feature_hashing", FeatureHashingFitted::read, "target_encoding", TargetEncodingFitted::read,
      "feature_cross", FeatureCrossFitted::read);

  @Test
  void fittedStepsWriteTheGoldenParameters() throws IOException {
    JsonNode golden = golden();
    for (Map.Entry<String, FittedStep> e : fitted().entrySet()) {
      ObjectNode params = StepAssertions.MAPPER.createObjectNode();
      e.getValue().writeParams(params);
      assertSameJson(golden.get(e.getKey()), params, e.getKey());
    }
  }

  @Test
  void goldenParametersReadBackToTheSameTransform() throws IOException {
    JsonNode golden = golden();
    Table test = training().with(CategoricalColumn.of("device", "tv", "web", "ios", "android", null, "web", "ios"));
    for (Map.Entry<String, FittedStep> e : fitted().entrySet()) {
      FittedStep f = e.getValue();
      FittedStep read = READERS.get(e.getKey()).read(f.inputs(), f.outputs(), golden.get(e.getKey()));
      assertEquals(f.outputs(), read.outputs(), e.getKey());
      StepAssertions.assertSameOutputs(f.outputs(), f.transform(test), read.transform(test));
    }
    Table te = READERS.get("target_encoding").read(java.util.List.of("device"),
        fitted().get("target_encoding").outputs(), golden.get("target_encoding")).transform(test);
    assertArrayEquals(new double[] {4.0 / 7, 15.0 / 28, 22.0 / 35, 8.0 / 21, 4.0 / 7, 15.0 / 28, 22.0 / 35},
        te.doubleColumn("device_target").toArray(), 1e-15);
  }

  /** Structural equality, numbers within 1e-15 relative. */
  private static void assertSameJson(JsonNode expected, JsonNode actual, String at) {
    if (expected.isNumber()) {
      assertTrue(actual.isNumber(), at + ": " + actual);
      assertEquals(expected.doubleValue(), actual.doubleValue(), 1e-15 * Math.abs(expected.doubleValue()), at);
      return;
    }
    assertEquals(expected.getNodeType(), actual.getNodeType(), at);
    assertEquals(expected.size(), actual.size(), at + " size");
    if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameJson(expected.get(i), actual.get(i), at + "[" + i + "]");
      }
    } else if (expected.isObject()) {
      Iterator<String> names = expected.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        assertTrue(actual.has(n), at + "." + n + " absent");
        assertSameJson(expected.get(n), actual.get(n), at + "." + n);
      }
    } else {
      assertEquals(expected, actual, at);
    }
  }
}
