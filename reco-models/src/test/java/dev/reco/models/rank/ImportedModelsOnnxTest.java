package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole chain a team migrating from Python runs: a model trained by XGBoost or LightGBM is
 * imported, exported to ONNX, served by {@link OnnxRanker}, and still scores the fixture rows as
 * the original library did (the library's own predictions, from {@code tools/fixtures/}), with
 * the same top-10 per group as the native backend.
 */
class ImportedModelsOnnxTest {
  private static final String ROOT = "/dev/reco/models/rank/";

  @ParameterizedTest
  @ValueSource(strings = {"reg_squarederror", "binary_logistic", "rank_pairwise", "dart_reg"})
  void xgboostModelsScoreAsXgboostThroughOnnx(String model) throws IOException {
    JsonNode expected = new ObjectMapper().readTree(text("xgboost/expected.json"));
    List<String> names = new ArrayList<>();
    expected.get("features").forEach(n -> names.add(n.asText()));
    FeatureSchema schema = FeatureSchema.of(names);
    JsonNode rows = expected.get("rows");
    int d = names.size();
    int n = rows.size();
    float[] x = new float[n * d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        JsonNode v = rows.get(r).get(j);
        x[r * d + j] = v.isNull() ? Float.NaN : Float.parseFloat(v.asText());
      }
    }
    JsonNode m = expected.get("models").get(model);
    float[] library = new float[n];
    for (int r = 0; r < n; r++) {
      library[r] = Float.parseFloat(m.get("output").get(r).asText());
    }
    TreeEnsemble ensemble = XgboostJson.parse(text("xgboost/" + m.get("file").asText()), schema);
    check(ensemble, x, n, library, groups(expected.get("groups")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"binary", "categorical", "regression_zero", "regression_none", "lambdarank",
      "py47_binary", "py47_categorical", "py47_lambdarank", "py47_regression_nan", "py47_rf",
      "py47_rf_binary"})
  void lightgbmModelsScoreAsLightgbmThroughOnnx(String model) throws IOException {
    String[] inputLines = lines(text("lightgbm/inputs.tsv"));
    FeatureSchema schema = FeatureSchema.of(inputLines[0].split("\t"));
    int d = schema.size();
    int n = inputLines.length - 1;
    float[] x = new float[n * d];
    for (int r = 0; r < n; r++) {
      String[] cells = inputLines[r + 1].split("\t");
      for (int j = 0; j < d; j++) {
        x[r * d + j] = Float.parseFloat(cells[j]);
      }
    }
    String[] predictions = lines(text("lightgbm/" + model + ".tsv"));
    float[] library = new float[n];
    for (int r = 0; r < n; r++) {
      // header line "raw score base feature value", then one line per input row first
      library[r] = (float) Double.parseDouble(predictions[r + 1].split("\t")[1]);
    }
    TreeEnsemble ensemble = LightGbmText.parse(text("lightgbm/" + model + ".txt"), schema);
    int[] groups = new int[n / 20];
    Arrays.fill(groups, 20);
    check(ensemble, x, groups.length * 20, library, groups);
  }

  private static void check(TreeEnsemble ensemble, float[] x, int n, float[] library, int[] groups) {
    float[] nativeScores = ensemble.score(x, n);
    float[] onnxScores;
    try (OnnxRanker onnx = OnnxRanker.load(OnnxExport.toBytes(ensemble), ensemble.schema())) {
      onnxScores = onnx.score(x, n);
    }
    for (int r = 0; r < n; r++) {
      float bound = 1e-5f * Math.max(1f, Math.abs(library[r]));
      assertTrue(Math.abs(onnxScores[r] - library[r]) <= bound,
          "row " + r + ": onnx " + onnxScores[r] + " vs library " + library[r]);
      assertTrue(Math.abs(nativeScores[r] - library[r]) <= bound,
          "row " + r + ": native " + nativeScores[r] + " vs library " + library[r]);
    }
    int start = 0;
    for (int size : groups) {
      float[] a = Arrays.copyOfRange(nativeScores, start, start + size);
      float[] b = Arrays.copyOfRange(onnxScores, start, start + size);
      float[] c = Arrays.copyOfRange(library, start, start + size);
      int k = Math.min(10, size);
      int[] expectedTop = Ranker.topK(c, size, k);
      if (distinctWithin(c, expectedTop)) {
        assertArrayEquals(expectedTop, Ranker.topK(a, size, k), "native top-" + k + " at " + start);
        assertArrayEquals(expectedTop, Ranker.topK(b, size, k), "onnx top-" + k + " at " + start);
      }
      start += size;
    }
    assertEquals(n, start);
  }

  /** Whether the library's top scores are far enough apart for float rounding not to swap them. */
  private static boolean distinctWithin(float[] scores, int[] top) {
    for (int i = 1; i < top.length; i++) {
      float a = scores[top[i - 1]];
      float b = scores[top[i]];
      if (a != b && a - b <= 2e-5f * Math.max(1f, Math.abs(a))) {
        return false;
      }
    }
    return true;
  }

  private static int[] groups(JsonNode node) {
    int[] g = new int[node.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = node.get(i).intValue();
    }
    return g;
  }

  private static String[] lines(String text) {
    return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toArray(String[]::new);
  }

  private static String text(String name) throws IOException {
    try (InputStream in = ImportedModelsOnnxTest.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + ROOT + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
