package dev.reco.models.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XGBoost JSON import: the fixture models (trained and scored by xgboost 1.7.4, see
 * tools/fixtures/xgboost_fixtures.py) must score every fixture row as XGBoost did, and every
 * unsupported or malformed file must be refused with a message naming the field and the value.
 */
class XgboostJsonTest {
  private static final String DIR = "/dev/reco/models/rank/xgboost/";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** The fixture rows and XGBoost's predictions, read once (immutable after loading). */
  private static final Expected EXPECTED = Expected.load();

  private record Expected(FeatureSchema schema, float[] rows, int rowCount, int[] groups,
      JsonNode models) {
    static Expected load() {
      JsonNode e = readJson("expected.json");
      List<String> names = new ArrayList<>();
      e.get("features").forEach(n -> names.add(n.asText()));
      JsonNode rows = e.get("rows");
      int d = names.size();
      float[] x = new float[rows.size() * d];
      for (int r = 0; r < rows.size(); r++) {
        assertEquals(d, rows.get(r).size(), "row " + r);
        for (int j = 0; j < d; j++) {
          x[r * d + j] = toFloat(rows.get(r).get(j));
        }
      }
      int[] groups = new int[e.get("groups").size()];
      for (int i = 0; i < groups.length; i++) {
        groups[i] = e.get("groups").get(i).intValue();
      }
      return new Expected(FeatureSchema.of(names), x, rows.size(), groups, e.get("models"));
    }

    float[] floats(String model, String field) {
      JsonNode a = models.get(model).get(field);
      float[] out = new float[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toFloat(a.get(i));
      }
      return out;
    }

    float[] row(int r) {
      int d = schema.size();
      float[] row = new float[d];
      System.arraycopy(rows, r * d, row, 0, d);
      return row;
    }
  }

  /** null (JSON has no NaN) is a missing value; numbers are rounded once from their decimal text. */
  private static float toFloat(JsonNode v) {
    return v.isNull() ? Float.NaN : Float.parseFloat(v.asText());
  }

  private static Path resource(String name) {
    try {
      return Path.of(XgboostJsonTest.class.getResource(DIR + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("missing test resource " + DIR + name, e);
    }
  }

  private static String text(String name) {
    try {
      return Files.readString(resource(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode readJson(String name) {
    try {
      return MAPPER.readTree(text(name));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static TreeEnsemble load(String file) throws IOException {
    return XgboostJson.read(resource(file), EXPECTED.schema());
  }

  /** |ours - xgb| <= 1e-6 * max(1, |xgb|). */
  private static void assertClose(float xgb, double ours, String what) {
    double tol = 1e-6 * Math.max(1.0, Math.abs(xgb));
    assertTrue(Math.abs(ours - xgb) <= tol,
        what + ": ours " + ours + ", xgboost " + xgb + ", |diff| " + Math.abs(ours - xgb)
            + " > " + tol);
  }

  /**
   * XGBoost's CPU prediction, re-implemented over the imported trees' read API: start from the
   * base margin as a float, walk each tree (missing follows default_left, else left iff
   * x < threshold in float32), add each leaf value in float32, tree by tree. Equal bits to
   * XGBoost's margin show that every row reached the same leaf in every tree.
   */
  private static float xgboostStyleMargin(TreeEnsemble e, float[] row) {
    float acc = (float) e.baseMargin();
    for (TreeEnsemble.Tree t : e.trees()) {
      int n = t.nodeCount() == 0 ? TreeEnsemble.Tree.leafRef(0) : 0;
      while (!TreeEnsemble.Tree.isLeaf(n)) {
        float v = row[t.feature(n)];
        boolean left = Float.isNaN(v) ? t.defaultLeft(n) : v < (float) t.threshold(n);
        n = left ? t.left(n) : t.right(n);
      }
      acc += (float) t.leafValue(~n);
    }
    return acc;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "reg_squarederror", "binary_logistic", "rank_pairwise", "rank_ndcg", "dart_reg", "small_reg",
      "obj_reg_logistic", "obj_binary_logitraw", "obj_reg_pseudohubererror",
      "obj_reg_absoluteerror", "obj_reg_squaredlogerror", "obj_rank_map"})
  void scoresEveryFixtureRowAsXgboostDid(String model) throws IOException {
    TreeEnsemble e = load(model + ".json");
    JsonNode m = EXPECTED.models().get(model);
    String objective = m.get("objective").asText();
    assertEquals("xgboost 1.7.4 " + objective + (model.startsWith("dart") ? " (dart)" : ""),
        e.origin());
    assertEquals(m.get("trees").intValue(), e.trees().size());
    boolean logistic = objective.equals("binary:logistic") || objective.equals("reg:logistic");
    assertEquals(logistic ? ScoreOutput.SIGMOID : ScoreOutput.IDENTITY, e.output());
    float[] margin = EXPECTED.floats(model, "margin");
    float[] output = EXPECTED.floats(model, "output");
    // The one-per-objective models were scored on the first rows only.
    int rows = margin.length;
    assertEquals(model.startsWith("obj_") ? 40 : EXPECTED.rowCount(), rows);

    for (int r = 0; r < rows; r++) {
      float[] row = EXPECTED.row(r);
      // Same leaves, same float32 summation order: bit-identical to XGBoost.
      assertEquals(Float.floatToIntBits(margin[r]), Float.floatToIntBits(xgboostStyleMargin(e, row)),
          model + " row " + r + ": float32 re-summation " + xgboostStyleMargin(e, row)
              + " vs xgboost " + margin[r]);
      // The ensemble sums leaves in double and rounds once, while XGBoost rounds after every tree,
      // so the two may differ in the last bits: compared within 1e-6 relative.
      assertClose(margin[r], e.margin(row), model + " margin row " + r);
    }
    float[] scores = e.score(EXPECTED.rows(), rows);
    assertEquals(rows, scores.length);
    for (int r = 0; r < rows; r++) {
      // The sigmoid is evaluated in double here and in float32 by XGBoost: not bit-exact either.
      assertClose(output[r], scores[r], model + " output row " + r);
    }
    int start = 0;
    for (int size : EXPECTED.groups()) {
      if (start + size > rows) {
        break;
      }
      float[] ours = new float[size];
      float[] theirs = new float[size];
      System.arraycopy(scores, start, ours, 0, size);
      System.arraycopy(output, start, theirs, 0, size);
      assertArrayEquals(Ranker.topK(theirs, size, 10), Ranker.topK(ours, size, 10),
          model + " top-10 of the group starting at row " + start);
      start += size;
    }
    assertEquals(rows, start, "rows scored should be whole groups");
  }

  @Test
  void fixtureRowsHitThresholdsExactlyAndOnBothSides() throws IOException {
    // The fixture is only a strong test if rows sit on thresholds: check that they do, for
    // every model, and that the float32 neighbours below and above are there too.
    for (String model : List.of(
        "reg_squarederror", "binary_logistic", "rank_pairwise", "rank_ndcg", "dart_reg")) {
      TreeEnsemble e = load(model + ".json");
      int on = 0;
      int d = EXPECTED.schema().size();
      for (TreeEnsemble.Tree t : e.trees()) {
        for (int n = 0; n < t.nodeCount(); n++) {
          float thr = (float) t.threshold(n);
          for (int r = 0; r + 2 < EXPECTED.rowCount(); r++) {
            if (EXPECTED.rows()[r * d + t.feature(n)] == thr
                && EXPECTED.rows()[(r + 1) * d + t.feature(n)] == Math.nextDown(thr)
                && EXPECTED.rows()[(r + 2) * d + t.feature(n)] == Math.nextUp(thr)) {
              on++;
              break;
            }
          }
        }
      }
      assertTrue(on >= 8, model + ": only " + on + " split nodes have on/below/above rows");
    }
  }

  @Test
  void logisticBaseScoreBecomesItsLogit() throws IOException {
    // binary_logistic was trained with base_score = 0.37:
    // margin = log(0.37 / 0.63) = -0.9942523 - (-0.4620355) = -0.5322168.
    TreeEnsemble e = load("binary_logistic.json");
    assertEquals(-0.5322168, e.baseMargin(), 1e-6);
    // Identity objectives keep base_score as the margin (0.5, XGBoost's default).
    assertEquals(0.5, load("reg_squarederror.json").baseMargin(), 0.0);
    assertEquals(0.5, load("rank_ndcg.json").baseMargin(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"obj_binary_logitraw", "obj_reg_pseudohubererror",
      "obj_reg_absoluteerror", "obj_reg_squaredlogerror", "obj_rank_map"})
  void identityObjectivesKeepBaseScoreAsMargin(String model) throws IOException {
    // Trained with base_score 0.3: ProbToMargin is the identity for these objectives.
    assertEquals("3E-1", EXPECTED.models().get(model).get("base_score").asText());
    assertEquals(0.3f, (float) load(model + ".json").baseMargin(), model);
  }

  @Test
  void regLogisticBaseScoreBecomesItsLogit() throws IOException {
    // base_score 0.3: log(0.3 / 0.7) = -1.2039728 - (-0.3566749) = -0.8472979.
    assertEquals(-0.8472979, load("obj_reg_logistic.json").baseMargin(), 1e-6);
  }

  @Test
  void baseScoreInAllThreeNotationsScoresTheSame() throws IOException {
    float[] expected = EXPECTED.floats("small_reg", "output");
    int rows = EXPECTED.rowCount();
    float[] reference = load("small_reg.json").score(EXPECTED.rows(), rows);
    for (String variant : List.of("small_reg_base_score_vector.json", "small_reg_base_score_number.json")) {
      TreeEnsemble e = load(variant);
      assertEquals(0.5, e.baseMargin(), 0.0, variant);
      float[] scores = e.score(EXPECTED.rows(), rows);
      assertArrayEquals(reference, scores, variant);
      for (int r = 0; r < rows; r++) {
        assertClose(expected[r], scores[r], variant + " row " + r);
      }
    }
    assertTrue(text("small_reg_base_score_vector.json").contains("\"base_score\":\"[5E-1]\""));
    assertTrue(text("small_reg_base_score_number.json").contains("\"base_score\":0.5"));
  }

  @Property(tries = 200, seed = "42")
  void baseScoreNotationsAgree(@ForAll @FloatRange(min = 0.001f, max = 0.999f) @Scale(6) float b) {
    // For any base_score, "b", "[b]" and the number b give the same base margin: b itself for an
    // identity objective, and the float32 logit for binary:logistic.
    String scalar = Float.toString(b);
    for (String objective : List.of("reg:squarederror", "binary:logistic")) {
      double[] margins = new double[3];
      String[] notations = {"\"" + scalar + "\"", "\"[" + scalar + "]\"", scalar};
      for (int i = 0; i < 3; i++) {
        String json = oneSplitModel(objective, notations[i]);
        margins[i] = XgboostJson.parse(json, FeatureSchema.of("x")).baseMargin();
      }
      assertEquals(margins[0], margins[1], 0.0, objective + " " + scalar);
      assertEquals(margins[0], margins[2], 0.0, objective + " " + scalar);
      double want = objective.equals("binary:logistic") ? Math.log(b / (1.0 - b)) : b;
      assertEquals(want, margins[0], 2e-6 * Math.max(1, Math.abs(want)), objective + " " + scalar);
    }
  }

  /** A one-tree model over feature "x": x < 0.25 ? 1.5 : -2 (missing goes left). */
  private static String oneSplitModel(String objective, String baseScore) {
    return "{\"learner\":{\"feature_names\":[\"x\"],\"gradient_booster\":{\"model\":{"
        + "\"gbtree_model_param\":{\"num_parallel_tree\":\"1\",\"num_trees\":\"1\"},"
        + "\"tree_info\":[0],\"trees\":[{\"default_left\":[1,0,0],\"id\":0,"
        + "\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],"
        + "\"split_conditions\":[2.5E-1,1.5E0,-2E0],\"split_indices\":[0,0,0],"
        + "\"split_type\":[0,0,0],\"tree_param\":{\"num_feature\":\"1\",\"num_nodes\":\"3\","
        + "\"size_leaf_vector\":\"0\"}}]},\"name\":\"gbtree\"},"
        + "\"learner_model_param\":{\"base_score\":" + baseScore + ",\"num_class\":\"0\","
        + "\"num_feature\":\"1\",\"num_target\":\"1\"},\"objective\":{\"name\":\"" + objective
        + "\"}},\"version\":[2,1,0]}";
  }

  @Test
  void handWrittenTreeFollowsFloat32LessThanAndDefaultLeft() {
    TreeEnsemble e = XgboostJson.parse(oneSplitModel("reg:squarederror", "\"[5E-1]\""),
        FeatureSchema.of("x"));
    assertEquals("xgboost 2.1.0 reg:squarederror", e.origin());
    // 0.5 + 1.5 = 2 left (x < 0.25 or missing), 0.5 - 2 = -1.5 right (x >= 0.25).
    assertEquals(2.0f, e.scoreOne(new float[] {Math.nextDown(0.25f)}));
    assertEquals(-1.5f, e.scoreOne(new float[] {0.25f}));
    assertEquals(2.0f, e.scoreOne(new float[] {Float.NaN}));
    // The schema's sentinel is missing too, so it follows default_left.
    assertEquals(2.0f, XgboostJson.parse(oneSplitModel("reg:squarederror", "\"5E-1\""),
        FeatureSchema.of("x").withMissingValue(-999f)).scoreOne(new float[] {-999f}));
    assertEquals(-1.5f, XgboostJson.parse(oneSplitModel("reg:squarederror", "\"5E-1\""),
        FeatureSchema.of("x").withMissingValue(-999f)).scoreOne(new float[] {7f}));
  }

  @Test
  void skipsNodesTheRootDoesNotReach() {
    // Nodes 3 and 4 are left over from pruning (XGBoost keeps deleted nodes in the arrays).
    String json = oneSplitModel("reg:squarederror", "\"0E0\"")
        .replace("\"default_left\":[1,0,0]", "\"default_left\":[1,0,0,0,0]")
        .replace("\"left_children\":[1,-1,-1]", "\"left_children\":[1,-1,-1,-1,-1]")
        .replace("\"right_children\":[2,-1,-1]", "\"right_children\":[2,-1,-1,-1,-1]")
        .replace("\"split_conditions\":[2.5E-1,1.5E0,-2E0]",
            "\"split_conditions\":[2.5E-1,1.5E0,-2E0,9E0,9E0]")
        .replace("\"split_indices\":[0,0,0]", "\"split_indices\":[0,0,0,0,0]")
        .replace("\"split_type\":[0,0,0]", "\"split_type\":[0,0,0,0,0]")
        .replace("\"num_nodes\":\"3\"", "\"num_nodes\":\"5\"");
    TreeEnsemble e = XgboostJson.parse(json, FeatureSchema.of("x"));
    assertEquals(1, e.trees().get(0).nodeCount());
    assertEquals(2, e.trees().get(0).leafCount());
    assertEquals(1.5f, e.scoreOne(new float[] {0f}));
    assertEquals(-2f, e.scoreOne(new float[] {1f}));
  }

  @Test
  void binaryLogitrawKeepsBaseScoreAsMargin() {
    // XGBoost's LogisticRaw::ProbToMargin is the identity (checked with xgboost 1.7.4:
    // base_score 0.3 gives margin 0.3), and its output is the margin.
    TreeEnsemble e = XgboostJson.parse(oneSplitModel("binary:logitraw", "\"3E-1\""), FeatureSchema.of("x"));
    assertEquals(0.3f, (float) e.baseMargin());
    assertEquals(ScoreOutput.IDENTITY, e.output());
    assertEquals(-1.7f, e.scoreOne(new float[] {1f}), 1e-6f); // 0.3 - 2
  }

  @Test
  void readsStreamsAndStringsLikeFiles() throws IOException {
    float[] rows = EXPECTED.rows();
    int n = EXPECTED.rowCount();
    float[] fromFile = load("rank_pairwise.json").score(rows, n);
    try (InputStream in = Files.newInputStream(resource("rank_pairwise.json"))) {
      assertArrayEquals(fromFile, XgboostJson.read(in, EXPECTED.schema()).score(rows, n));
    }
    assertArrayEquals(fromFile,
        XgboostJson.parse(text("rank_pairwise.json"), EXPECTED.schema()).score(rows, n));
  }

  // ---- bad inputs --------------------------------------------------------------------------

  private static IllegalArgumentException rejectText(String json, FeatureSchema schema, String... parts) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> XgboostJson.parse(json, schema));
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
    }
    return e;
  }

  /** small_reg.json with one exact text replacement (which must occur). */
  private static String replaced(String target, String replacement) {
    String json = text("small_reg.json");
    assertTrue(json.contains(target), "small_reg.json lacks " + target);
    return json.replaceFirst(Pattern.quote(target), Matcher.quoteReplacement(replacement));
  }

  /** small_reg.json edited as a tree. */
  private static String edited(Consumer<ObjectNode> edit) {
    ObjectNode root = (ObjectNode) readJson("small_reg.json");
    edit.accept(root);
    return root.toString();
  }

  private static ObjectNode tree0(ObjectNode root) {
    return (ObjectNode) root.get("learner").get("gradient_booster").get("model").get("trees").get(0);
  }

  @Test
  void rejectsTruncatedJson() {
    String json = text("small_reg.json");
    rejectText(json.substring(0, json.length() / 2), EXPECTED.schema(), "not valid JSON", "line");
    rejectText("", EXPECTED.schema(), "empty");
    rejectText("[1, 2]", EXPECTED.schema(), "(root)", "expected a JSON object");
    // The start of a UBJSON model (save_model("model.ubj")): binary, not JSON text.
    rejectText("{L\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0007learner{", EXPECTED.schema(),
        "not valid JSON", "save_model(\"model.json\")");
  }

  @Test
  void rejectsWrongFeatureCount() {
    FeatureSchema eleven = FeatureSchema.of(EXPECTED.schema().names().subList(0, 11));
    rejectText(text("small_reg.json"), eleven, "num_feature = 12", "expected 11");
    rejectText(replaced("\"num_feature\":\"12\",\"num_target\"", "\"num_feature\":\"13\",\"num_target\""),
        EXPECTED.schema(), "learner.learner_model_param.num_feature = 13", "expected 12");
  }

  @Test
  void rejectsMismatchedFeatureNames() {
    List<String> names = new ArrayList<>(EXPECTED.schema().names());
    names.set(2, "ctr_30d");
    names.set(3, "ctr_7d");
    rejectText(text("small_reg.json"), FeatureSchema.of(names),
        "learner.feature_names feature 2 is 'ctr_7d'; expected 'ctr_30d'");
    // A file whose names disagree with its own num_feature.
    rejectText(edited(root -> ((ArrayNode) root.get("learner").get("feature_names")).remove(11)),
        EXPECTED.schema(), "learner.feature_names has 11 features; expected 12");
    rejectText(edited(root -> ((ArrayNode) root.get("learner").get("feature_names")).set(1, "price")),
        EXPECTED.schema(), "learner.feature_names", "'price' appears at positions 0 and 1");
  }

  @Test
  void acceptsModelsWithoutFeatureNamesOnCountAlone() throws IOException {
    // rank_ndcg.json was trained without names: any 12 names are accepted.
    assertEquals(0, readJson("rank_ndcg.json").get("learner").get("feature_names").size());
    TreeEnsemble e = XgboostJson.read(resource("rank_ndcg.json"), FeatureSchema.numbered("f", 12));
    assertEquals(12, e.schema().size());
  }

  @Test
  void rejectsMultiClassAndMultiTargetModels() {
    rejectText(replaced("\"num_class\":\"0\"", "\"num_class\":\"3\""), EXPECTED.schema(),
        "num_class = 3", "multi-class");
    rejectText(replaced("\"num_target\":\"1\"", "\"num_target\":\"2\""), EXPECTED.schema(),
        "num_target = 2", "multi-target");
    rejectText(replaced("\"base_score\":\"5E-1\"", "\"base_score\":\"[5E-1,2.5E-1]\""),
        EXPECTED.schema(), "base_score = '[5E-1,2.5E-1]'", "2 values");
    rejectText(edited(root -> ((ObjectNode) tree0(root).get("tree_param")).put("size_leaf_vector", "3")),
        EXPECTED.schema(), "trees[0].tree_param.size_leaf_vector = 3");
    rejectText(edited(root -> {
      ArrayNode info = (ArrayNode) root.get("learner").get("gradient_booster").get("model").get("tree_info");
      info.set(1, 1);
    }), EXPECTED.schema(), "tree_info[1] = 1");
  }

  @Test
  void rejectsOtherBoosters() {
    rejectText(replaced("\"name\":\"gbtree\"", "\"name\":\"gblinear\""), EXPECTED.schema(),
        "learner.gradient_booster.name = 'gblinear'");
    rejectText(replaced("\"name\":\"gbtree\"", "\"name\":\"boosted_forest\""), EXPECTED.schema(),
        "learner.gradient_booster.name = 'boosted_forest'", "expected 'gbtree' or 'dart'");
    // A gbtree renamed dart lacks the nested "gbtree" object.
    rejectText(replaced("\"name\":\"gbtree\"", "\"name\":\"dart\""), EXPECTED.schema(),
        "learner.gradient_booster.gbtree is missing");
    rejectText(edited(root -> ((ObjectNode) root.get("learner").get("gradient_booster"))
        .putArray("weight_drop").add(0.5)), EXPECTED.schema(),
        "learner.gradient_booster.weight_drop is present in a 'gbtree' booster");
  }

  @Test
  void dartWeightsScaleEachTreeAndAreChecked() throws IOException {
    JsonNode dart = readJson("dart_reg.json");
    JsonNode weights = dart.get("learner").get("gradient_booster").get("weight_drop");
    JsonNode trees = dart.get("learner").get("gradient_booster").get("gbtree").get("model").get("trees");
    TreeEnsemble e = load("dart_reg.json");
    // Every imported leaf is the file's leaf value times the tree's weight, rounded to float.
    boolean someWeightBelowOne = false;
    for (int t = 0; t < trees.size(); t++) {
      float w = toFloat(weights.get(t));
      someWeightBelowOne |= w < 1f;
      JsonNode tree = trees.get(t);
      List<Float> fileLeaves = new ArrayList<>();
      for (int n = 0; n < tree.get("left_children").size(); n++) {
        if (tree.get("left_children").get(n).intValue() == -1) {
          fileLeaves.add(toFloat(tree.get("split_conditions").get(n)) * w);
        }
      }
      List<Float> imported = new ArrayList<>();
      for (int j = 0; j < e.trees().get(t).leafCount(); j++) {
        imported.add((float) e.trees().get(t).leafValue(j));
      }
      fileLeaves.sort(null);
      imported.sort(null);
      assertEquals(fileLeaves, imported, "tree " + t);
    }
    assertTrue(someWeightBelowOne, "the fixture should drop trees");

    String json = text("dart_reg.json");
    rejectText(json.replaceFirst("\"weight_drop\":\\[[^\\]]*\\]", "\"weight_drop\":[1.0]"),
        EXPECTED.schema(), "learner.gradient_booster.weight_drop has 1 entries", "one per tree = 15");
    rejectText(json.replaceFirst("\"weight_drop\":\\[[^\\]]*\\]", "\"weight_drop_\":[]"),
        EXPECTED.schema(), "learner.gradient_booster.weight_drop is missing");
  }

  @Test
  void rejectsCategoricalSplits() {
    rejectText(replaced("\"split_type\":[0", "\"split_type\":[1"), EXPECTED.schema(),
        "trees[0].split_type[0] = 1", "categorical");
    rejectText(edited(root -> {
      ObjectNode t = tree0(root);
      t.putArray("categories_nodes").add(0);
    }), EXPECTED.schema(), "trees[0].categories_nodes", "categorical");
  }

  @Test
  void rejectsObjectivesWithoutOurOutputTransform() {
    for (String objective : List.of("count:poisson", "reg:gamma", "reg:tweedie", "survival:cox",
        "survival:aft", "multi:softprob", "binary:hinge", "reg:quantileerror", "rank:foo")) {
      rejectText(replaced("\"name\":\"reg:squarederror\"", "\"name\":\"" + objective + "\""),
          EXPECTED.schema(), "learner.objective.name = '" + objective + "'");
    }
  }

  @Test
  void rejectsBadBaseScores() {
    rejectText(replaced("\"base_score\":\"5E-1\"", "\"base_score\":\"half\""), EXPECTED.schema(),
        "learner.learner_model_param.base_score = \"half\"");
    rejectText(replaced("\"base_score\":\"5E-1\"", "\"base_score\":\"[]\""), EXPECTED.schema(),
        "base_score = '[]'");
    rejectText(replaced("\"base_score\":\"5E-1\"", "\"base_score\":true"), EXPECTED.schema(),
        "base_score = true");
    rejectText(oneSplitModel("binary:logistic", "\"1E0\""), FeatureSchema.of("x"),
        "base_score = 1.0", "expected 0 < base_score < 1 for binary:logistic");
  }

  @Test
  void rejectsMissingAndIllTypedFieldsNamingTheirPath() {
    rejectText(replaced("\"split_conditions\"", "\"split_conditionz\""), EXPECTED.schema(),
        "learner.gradient_booster.model.trees[0].split_conditions is missing");
    rejectText(edited(root -> ((ObjectNode) root.get("learner")).remove("learner_model_param")),
        EXPECTED.schema(), "learner.learner_model_param is missing");
    rejectText(edited(root -> ((ObjectNode) root.get("learner").get("objective")).put("name", 7)),
        EXPECTED.schema(), "learner.objective.name = 7", "expected a string");
    rejectText(edited(root -> ((ArrayNode) tree0(root).get("left_children")).remove(0)),
        EXPECTED.schema(), "trees[0].left_children has", "expected num_nodes");
    rejectText(edited(root -> ((ArrayNode) tree0(root).get("default_left")).set(0, 2)),
        EXPECTED.schema(), "trees[0].default_left[0] = 2");
    rejectText(edited(root -> ((ArrayNode) tree0(root).get("split_indices")).set(0, 12)),
        EXPECTED.schema(), "trees[0].split_indices[0] = 12", "num_feature = 12");
    rejectText(edited(root -> ((ArrayNode) root.get("learner").get("gradient_booster")
        .get("model").get("trees")).removeAll()), EXPECTED.schema(), "trees is empty");
  }

  @Test
  void rejectsTreesThatAreNotTrees() {
    // Both children of the root point at node 1: node 1 would have two parents.
    rejectText(edited(root -> {
      ObjectNode t = tree0(root);
      ((ArrayNode) t.get("right_children")).set(0, t.get("left_children").get(0).intValue());
    }), EXPECTED.schema(), "trees[0].", "reached twice");
    rejectText(edited(root -> ((ArrayNode) tree0(root).get("left_children")).set(0, 999)),
        EXPECTED.schema(), "trees[0].left_children[0] = 999", "num_nodes");
  }

  @Test
  void readNamesTheFile() throws IOException {
    Path missing = resource("small_reg.json").resolveSibling("no_such_model.json");
    assertThrows(NoSuchFileException.class, () -> XgboostJson.read(missing, EXPECTED.schema()));
    FeatureSchema eleven = FeatureSchema.of(EXPECTED.schema().names().subList(0, 11));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> XgboostJson.read(resource("small_reg.json"), eleven));
    assertTrue(e.getMessage().startsWith(resource("small_reg.json").toString()), e.getMessage());
    byte[] truncated = "{\"learner\":{".getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class,
        () -> XgboostJson.read(new ByteArrayInputStream(truncated), eleven));
  }
}
