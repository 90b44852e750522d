package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * UBJSON models ({@code save_model("model.ubj")}, written by XGBoost 1.7.4 from the JSON fixtures
 * by tools/fixtures/xgboost_ubj_fixtures.py) import to the same ensemble as their JSON form.
 */
class XgboostUbjsonTest {
  private static final String DIR = "/dev/reco/models/rank/xgboost/";
  private static final FeatureSchema SCHEMA = FeatureSchema.of("price", "discount", "ctr_7d",
      "ctr_30d", "dwell_s", "age_days", "position", "user_sim", "item_sim", "popularity",
      "recency_h", "rating");

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = XgboostUbjsonTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + DIR + name);
      }
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"reg_squarederror", "binary_logistic", "rank_pairwise", "dart_reg"})
  void ubjsonModelsScoreLikeTheirJson(String model) throws IOException {
    TreeEnsemble json = XgboostJson.read(new ByteArrayInputStream(bytes(model + ".json")), SCHEMA);
    TreeEnsemble ubj = XgboostJson.read(new ByteArrayInputStream(bytes(model + ".ubj")), SCHEMA);
    assertEquals(json.origin(), ubj.origin());
    assertEquals(json.trees().size(), ubj.trees().size());
    assertEquals(json.baseMargin(), ubj.baseMargin(), 0.0);
    SplittableRandom rnd = new SplittableRandom(5);
    int rows = 500;
    float[] x = new float[rows * SCHEMA.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(8) == 0 ? Float.NaN : (float) rnd.nextDouble(-3, 200);
    }
    assertArrayEquals(json.score(x, rows), ubj.score(x, rows));
    for (int t = 0; t < json.trees().size(); t++) {
      TreeEnsemble.Tree a = json.trees().get(t);
      TreeEnsemble.Tree b = ubj.trees().get(t);
      assertEquals(a.nodeCount(), b.nodeCount(), "tree " + t);
      for (int n = 0; n < a.nodeCount(); n++) {
        assertEquals(a.threshold(n), b.threshold(n), 0.0, "tree " + t + " node " + n);
      }
      for (int j = 0; j < a.leafCount(); j++) {
        assertEquals(a.leafValue(j), b.leafValue(j), 0.0, "tree " + t + " leaf " + j);
      }
    }
  }

  @Test
  void readsEveryUbjsonValueKind() throws IOException {
    // {"a": [1 (int8), 300 (int16), true, null, "x"], "b": $d#2 [0.5f, -2f], "c": 2.25 (float64)}
    byte[] doc = {
      '{',
      'i', 1, 'a', '[', 'i', 1, 'I', 0x01, 0x2c, 'T', 'Z', 'S', 'i', 1, 'x', ']',
      'i', 1, 'b', '[', '$', 'd', '#', 'i', 2, 0x3f, 0, 0, 0, (byte) 0xc0, 0, 0, 0,
      'i', 1, 'c', 'D', 0x40, 0x02, 0, 0, 0, 0, 0, 0,
      '}'};
    JsonNode root = Ubjson.read(new ByteArrayInputStream(doc), "doc");
    assertEquals("{\"a\":[1,300,true,null,\"x\"],\"b\":[0.5,-2.0],\"c\":2.25}", root.toString());
    assertTrue(root.get("b").get(0).isFloat(), "float32 stays a float node");
  }

  @Test
  void malformedUbjsonNamesTheByte() throws IOException {
    byte[] model = bytes("binary_logistic.ubj");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> XgboostJson.read(new ByteArrayInputStream(Arrays.copyOf(model, model.length / 2)), SCHEMA));
    assertTrue(e.getMessage().contains("is not valid UBJSON: it ends at byte"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Ubjson.read(new ByteArrayInputStream(new byte[] {'{', 'i', 1, 'a', 'Q'}), "doc"));
    assertEquals("doc is not valid UBJSON at byte 4: marker 'Q'; expected a UBJSON value marker",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Ubjson.read(new ByteArrayInputStream(new byte[] {'[', '#', 'i', -1}), "doc"));
    assertTrue(e.getMessage().contains("length -1; expected a length >= 0"), e.getMessage());
  }
}
