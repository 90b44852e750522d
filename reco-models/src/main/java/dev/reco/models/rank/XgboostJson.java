package dev.reco.models.rank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports an XGBoost model saved as JSON ({@code booster.save_model("model.json")}, XGBoost 1.0
 * and later, including the 2.x and 3.x schemas) into a {@link TreeEnsemble} that scores every row
 * as XGBoost's CPU predictor does. {@link #read(Path, FeatureSchema)} and
 * {@link #read(InputStream, FeatureSchema)} also read the binary form of the same document,
 * Universal Binary JSON ({@code save_model("model.ubj")}, and XGBoost 2.1+'s default for names
 * not ending in {@code .json}), recognized by its first bytes.
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li>Trees ({@code learner.gradient_booster.model.trees[i]}): node {@code n} is a leaf iff
 *       {@code left_children[n] == -1}, and its value is {@code split_conditions[n]}; otherwise it
 *       splits on feature {@code split_indices[n]} and sends {@code x} left iff
 *       {@code x < split_conditions[n]}, both in float32 ({@link TreeEnsemble.SplitRule#LESS_THAN});
 *       missing values (NaN, or the schema's sentinel) go left iff {@code default_left[n]} is 1
 *       ({@link TreeEnsemble.Missing#DEFAULT_DIRECTION}). Numbers are read from their decimal
 *       text straight to float32, so thresholds are XGBoost's exact float values.</li>
 *   <li>{@code learner.learner_model_param.base_score}, in any of its notations: a string holding
 *       one float ({@code "5E-1"}, XGBoost up to 3.0), a string holding a one-element vector
 *       ({@code "[5E-1]"}, XGBoost 3.1 and later) or a JSON number. XGBoost stores it in the
 *       objective's output space and converts it to the base margin with the objective's
 *       {@code ProbToMargin}: {@code -log(1 / base_score - 1)} (float32) for
 *       {@code binary:logistic} and {@code reg:logistic}, the value itself for the others.</li>
 *   <li>{@code learner.objective.name}, which fixes the output function:
 *       {@link ScoreOutput#SIGMOID} for {@code binary:logistic} and {@code reg:logistic};
 *       {@link ScoreOutput#IDENTITY} for {@code reg:squarederror}, {@code reg:linear},
 *       {@code reg:squaredlogerror}, {@code reg:pseudohubererror}, {@code reg:absoluteerror},
 *       {@code binary:logitraw}, {@code rank:pairwise}, {@code rank:ndcg} and {@code rank:map}.</li>
 *   <li>The {@code dart} booster: its trees ({@code learner.gradient_booster.gbtree.model.trees})
 *       are weighted by {@code learner.gradient_booster.weight_drop}; XGBoost multiplies each
 *       tree's leaf value by its weight in float32 at prediction, and so do the imported leaves.</li>
 *   <li>{@code learner.learner_model_param.num_feature}, which must equal the schema's size, and
 *       {@code learner.feature_names}, which, when the model has them, must be the schema's names
 *       in the schema's order.</li>
 * </ul>
 *
 * <h2>What is rejected</h2>
 * Anything that would make scores differ from XGBoost's is refused at load with an
 * {@link IllegalArgumentException} naming the field path, the value and what was expected:
 * multi-class and multi-target models ({@code num_class > 1}, {@code num_target > 1},
 * {@code size_leaf_vector > 1}, a base_score vector of more than one value), the
 * {@code gblinear} booster, tree weights in a {@code gbtree} booster (a layout this importer does
 * not know), categorical splits ({@code split_type != 0}), objectives whose output
 * transform {@link ScoreOutput} does not have ({@code count:poisson}, {@code reg:gamma},
 * {@code reg:tweedie}, {@code survival:*}, {@code multi:*}, {@code binary:hinge},
 * {@code reg:quantileerror}, ...), malformed JSON, and missing or ill-typed fields.
 *
 * <h2>Scores</h2>
 * XGBoost adds the leaf values to the base margin one tree at a time in float32; the ensemble sums
 * in double and rounds once, so margins can differ from XGBoost's in the last float bits (by
 * XGBoost's own rounding error, one rounding per tree) while every row takes exactly XGBoost's
 * path.
 * Every tree in the file is used: a model trained with early stopping should be saved after
 * slicing it to its best iteration ({@code booster[: best_iteration + 1]}).
 *
 * <p>Stateless and thread-safe.
 */
public final class XgboostJson {
  /** Objectives whose base_score is a probability turned into a margin by the logit. */
  private static final List<String> LOGISTIC = List.of("binary:logistic", "reg:logistic");

  /** Objectives whose prediction is the margin and whose base_score is the base margin. */
  private static final List<String> IDENTITY = List.of(
      "reg:squarederror", "reg:linear", "reg:squaredlogerror", "reg:pseudohubererror",
      "reg:absoluteerror", "binary:logitraw", "rank:pairwise", "rank:ndcg", "rank:map");

  /** Why the objectives XGBoost has but this importer refuses are refused. */
  private static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("count:poisson", "its output transform exp(margin) is not supported"),
      Map.entry("reg:gamma", "its output transform exp(margin) is not supported"),
      Map.entry("reg:tweedie", "its output transform exp(margin) is not supported"),
      Map.entry("survival:cox", "its output transform exp(margin) is not supported"),
      Map.entry("survival:aft", "its output transform exp(margin) is not supported"),
      Map.entry("binary:hinge", "its output transform (margin > 0 ? 1 : 0) is not supported"),
      Map.entry("multi:softmax", "multi-class models are not supported"),
      Map.entry("multi:softprob", "multi-class models are not supported"),
      Map.entry("reg:quantileerror", "quantile models are not supported"),
      Map.entry("reg:expectileerror", "expectile models are not supported"));

  /**
   * Plain data binding, no default typing; floats kept as their exact decimal text (BigDecimal)
   * so they can be rounded to float32 once; duplicate keys and trailing tokens rejected.
   */
  private static final ObjectReader READER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build()
      .reader();

  private XgboostJson() {}

  /**
   * Reads a model file written by XGBoost's {@code save_model("model.json")}, or its binary form
   * {@code save_model("model.ubj")} (UBJSON, recognized by its first bytes).
   *
   * @param file the JSON or UBJSON model file
   * @param schema the features rows will carry, in the order the model was trained on
   * @return the ensemble, with {@link TreeEnsemble#origin()} such as
   *     {@code "xgboost 1.7.4 binary:logistic"}
   * @throws IllegalArgumentException if the file is not valid JSON, lacks a field or holds a value
   *     of the wrong type (the message names the file and the field path), if the model does not
   *     match the schema (feature count or names: expected vs actual), or if it uses a feature this
   *     importer does not support (see the class documentation)
   * @throws IOException if the file cannot be read
   */
  public static TreeEnsemble read(Path file, FeatureSchema schema) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(schema, "schema");
    try (InputStream in = Files.newInputStream(file)) {
      return convert(readTree(in, file.toString()), schema, file.toString());
    }
  }

  /**
   * Reads a model from a stream holding the JSON text of {@code save_model("model.json")} or the
   * UBJSON bytes of {@code save_model("model.ubj")}; the stream is not closed.
   *
   * @param in the JSON model
   * @param schema the features rows will carry, in the order the model was trained on
   * @return the ensemble
   * @throws IllegalArgumentException as {@link #read(Path, FeatureSchema)} does
   * @throws IOException if the stream cannot be read
   */
  public static TreeEnsemble read(InputStream in, FeatureSchema schema) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(schema, "schema");
    return convert(readTree(in, "XGBoost JSON model"), schema, "XGBoost JSON model");
  }

  /**
   * Parses a model from its JSON text (the content of a file written by {@code save_model}).
   *
   * @param json the JSON text
   * @param schema the features rows will carry, in the order the model was trained on
   * @return the ensemble
   * @throws IllegalArgumentException as {@link #read(Path, FeatureSchema)} does
   */
  public static TreeEnsemble parse(String json, FeatureSchema schema) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(schema, "schema");
    String source = "XGBoost JSON model";
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(source, e);
    }
    return convert(root, schema, source);
  }

  private static JsonNode readTree(InputStream raw, String source) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == '{' && second >= 0 && "iUIlL$#N".indexOf(second) >= 0) {
      // '{' followed by a length marker: a UBJSON object (JSON text has '"', '}' or space there).
      return Ubjson.read(in, source);
    }
    try {
      return READER.readTree(in);
    } catch (JsonProcessingException e) {
      throw malformed(source, e);
    }
  }

  private static IllegalArgumentException malformed(String source, JsonProcessingException e) {
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new IllegalArgumentException(
        source + " is not valid JSON" + where + ": " + e.getOriginalMessage()
            + "; expected the JSON written by XGBoost's save_model(\"model.json\")"
            + " (read a binary .ubj model with XgboostJson.read)", e);
  }

  private static TreeEnsemble convert(JsonNode root, FeatureSchema schema, String source) {
    Reader r = new Reader(source);
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException(source + " is empty; expected a JSON object");
    }
    r.requireObject(root, "(root)");
    String version = version(root.get("version"), r);
    JsonNode learner = r.object(root, "", "learner");
    String objective = r.text(r.object(learner, "learner", "objective"), "learner.objective", "name");

    // learner_model_param: output shape, feature count, intercept.
    String paramPath = "learner.learner_model_param";
    JsonNode param = r.object(learner, "learner", "learner_model_param");
    int numClass = r.optionalInt(param, paramPath, "num_class", 0);
    if (numClass > 1) {
      throw r.error(paramPath + ".num_class = " + numClass
          + "; expected 0 or 1 (multi-class models are not supported)");
    }
    int numTarget = r.optionalInt(param, paramPath, "num_target", 1);
    if (numTarget > 1) {
      throw r.error(paramPath + ".num_target = " + numTarget
          + "; expected 1 (multi-target models are not supported)");
    }
    int numFeature = r.integer(param, paramPath, "num_feature");
    if (numFeature != schema.size()) {
      throw r.error(paramPath + ".num_feature = " + numFeature + "; expected " + schema.size()
          + " (the schema's size, " + schema + ")");
    }
    checkFeatureNames(learner.get("feature_names"), schema, r);
    ScoreOutput output = output(objective, r);
    float baseScore = baseScore(r.field(param, paramPath, "base_score"), paramPath + ".base_score", r);
    float baseMargin = baseMargin(baseScore, objective, paramPath + ".base_score", r);

    // gradient_booster: gbtree, or dart (a gbtree nested under "gbtree" plus one weight per tree).
    String gbPath = "learner.gradient_booster";
    JsonNode booster = r.object(learner, "learner", "gradient_booster");
    String name = r.text(booster, gbPath, "name");
    String modelPath;
    JsonNode model;
    switch (name) {
      case "gbtree" -> {
        modelPath = gbPath + ".model";
        model = r.object(booster, gbPath, "model");
        if (booster.has("weight_drop") || model.has("weight_drop")) {
          throw r.error((booster.has("weight_drop") ? gbPath : modelPath) + ".weight_drop is"
              + " present in a 'gbtree' booster; expected tree weights only in a 'dart' booster"
              + " (this layout is not supported)");
        }
      }
      case "dart" -> {
        modelPath = gbPath + ".gbtree.model";
        model = r.object(r.object(booster, gbPath, "gbtree"), gbPath + ".gbtree", "model");
      }
      case "gblinear" -> throw r.error(gbPath + ".name = 'gblinear'; expected 'gbtree' or 'dart'"
          + " (linear boosters are not tree ensembles; use LinearRanker with the model's weights)");
      default -> throw r.error(gbPath + ".name = '" + name + "'; expected 'gbtree' or 'dart'");
    }
    JsonNode gbParam = model.get("gbtree_model_param");
    if (gbParam != null) {
      r.requireObject(gbParam, modelPath + ".gbtree_model_param");
      int leafVector = r.optionalInt(gbParam, modelPath + ".gbtree_model_param", "size_leaf_vector", 0);
      if (leafVector > 1) {
        throw r.error(modelPath + ".gbtree_model_param.size_leaf_vector = " + leafVector
            + "; expected 0 or 1 (vector-leaf models are not supported)");
      }
    }
    JsonNode trees = r.array(model, modelPath, "trees");
    if (trees.size() == 0) {
      throw r.error(modelPath + ".trees is empty; expected at least one tree (a model saved"
          + " before any boosting round predicts only its base_score)");
    }
    JsonNode treeInfo = model.get("tree_info");
    if (treeInfo != null) {
      r.requireArray(treeInfo, modelPath + ".tree_info");
      for (int i = 0; i < treeInfo.size(); i++) {
        int group = r.intValue(treeInfo.get(i), modelPath + ".tree_info[" + i + "]");
        if (group != 0) {
          throw r.error(modelPath + ".tree_info[" + i + "] = " + group
              + "; expected 0 (models with several output groups are not supported)");
        }
      }
    }
    // DART predicts base + sum over trees of (float) (leaf * weight_drop[i]): the weighted leaf
    // values are stored, rounded to float as XGBoost rounds each product.
    float[] weights = null;
    if (name.equals("dart")) {
      weights = r.floats(booster, gbPath, "weight_drop", trees.size(), "one per tree");
      for (int i = 0; i < weights.length; i++) {
        if (!Float.isFinite(weights[i])) {
          throw r.error(gbPath + ".weight_drop[" + i + "] = " + weights[i] + "; expected a finite weight");
        }
      }
    }

    TreeEnsemble.Builder builder = TreeEnsemble.builder(schema)
        .baseMargin(baseMargin)
        .output(output)
        .origin("xgboost " + version + " " + objective + (weights == null ? "" : " (dart)"));
    for (int t = 0; t < trees.size(); t++) {
      float weight = weights == null ? 1f : weights[t];
      builder.add(tree(trees.get(t), modelPath + ".trees[" + t + "]", numFeature, weight, r));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw r.error(e.getMessage(), e);
    }
  }

  private static String version(JsonNode v, Reader r) {
    if (v == null) {
      return "(unknown version)";
    }
    r.requireArray(v, "version");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.size(); i++) {
      sb.append(i == 0 ? "" : ".").append(r.intValue(v.get(i), "version[" + i + "]"));
    }
    return sb.toString();
  }

  private static void checkFeatureNames(JsonNode names, FeatureSchema schema, Reader r) {
    if (names == null) {
      return;
    }
    r.requireArray(names, "learner.feature_names");
    if (names.size() == 0) {
      return; // trained without names: the feature count was checked
    }
    List<String> list = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      JsonNode n = names.get(i);
      if (!n.isTextual()) {
        throw r.error("learner.feature_names[" + i + "] = " + n + "; expected a string");
      }
      list.add(n.asText());
    }
    FeatureSchema actual;
    try {
      actual = FeatureSchema.of(list).withMissingValue(schema.missingValue());
    } catch (IllegalArgumentException e) {
      throw r.error("learner.feature_names: " + e.getMessage(), e);
    }
    try {
      schema.requireSame(actual, "learner.feature_names");
    } catch (IllegalArgumentException e) {
      throw r.error(e.getMessage(), e);
    }
  }

  private static ScoreOutput output(String objective, Reader r) {
    if (LOGISTIC.contains(objective)) {
      return ScoreOutput.SIGMOID;
    }
    if (IDENTITY.contains(objective)) {
      return ScoreOutput.IDENTITY;
    }
    String why = REFUSED.get(objective);
    if (why == null && objective.startsWith("survival:")) {
      why = "survival objectives are not supported";
    }
    throw r.error("learner.objective.name = '" + objective + "'; expected one of "
        + LOGISTIC + " or " + IDENTITY + " (" + (why == null ? "unknown objective" : why) + ")");
  }

  /** Reads base_score from a string ("5E-1"), a one-element vector string ("[5E-1]") or a number. */
  static float baseScore(JsonNode node, String path, Reader r) {
    String text;
    if (node.isNumber()) {
      text = node.asText();
    } else if (node.isTextual()) {
      text = node.asText().trim();
      if (text.startsWith("[") && text.endsWith("]")) {
        String inner = text.substring(1, text.length() - 1).trim();
        String[] parts = inner.split(",", -1);
        if (parts.length != 1 || inner.isEmpty()) {
          throw r.error(path + " = '" + node.asText() + "'; expected one value (a vector of "
              + (inner.isEmpty() ? 0 : parts.length)
              + " values means a multi-target or multi-class model, which is not supported)");
        }
        text = inner;
      }
    } else {
      throw r.error(path + " = " + node + "; expected a number or a string such as \"5E-1\" or \"[5E-1]\"");
    }
    float value;
    try {
      value = Float.parseFloat(text);
    } catch (NumberFormatException e) {
      throw r.error(path + " = " + node + "; expected a number or a string such as \"5E-1\" or \"[5E-1]\"", e);
    }
    if (!Float.isFinite(value)) {
      throw r.error(path + " = " + node + "; expected a finite value");
    }
    return value;
  }

  /**
   * XGBoost's ProbToMargin in float32: the logit for the logistic objectives, the identity for the
   * others (binary:logitraw included, whose base_score is already a margin).
   */
  static float baseMargin(float baseScore, String objective, String path, Reader r) {
    if (!LOGISTIC.contains(objective)) {
      return baseScore;
    }
    if (!(baseScore > 0f && baseScore < 1f)) {
      throw r.error(path + " = " + baseScore + "; expected 0 < base_score < 1 for " + objective
          + " (its base margin is log(base_score / (1 - base_score)))");
    }
    float odds = 1.0f / baseScore - 1.0f; // float32 arithmetic, as -logf(1.0f / base_score - 1.0f)
    return (float) -Math.log(odds);
  }

  private static TreeEnsemble.Tree tree(
      JsonNode tree, String path, int numFeature, float weight, Reader r) {
    r.requireObject(tree, path);
    JsonNode treeParam = r.object(tree, path, "tree_param");
    int nodes = r.integer(treeParam, path + ".tree_param", "num_nodes");
    if (nodes < 1) {
      throw r.error(path + ".tree_param.num_nodes = " + nodes + "; expected >= 1");
    }
    int leafVector = r.optionalInt(treeParam, path + ".tree_param", "size_leaf_vector", 0);
    if (leafVector > 1) {
      throw r.error(path + ".tree_param.size_leaf_vector = " + leafVector
          + "; expected 0 or 1 (vector-leaf trees are not supported)");
    }
    int[] left = r.ints(tree, path, "left_children", nodes);
    int[] right = r.ints(tree, path, "right_children", nodes);
    int[] feature = r.ints(tree, path, "split_indices", nodes);
    float[] condition = r.floats(tree, path, "split_conditions", nodes, "num_nodes");
    boolean[] defaultLeft = r.flags(tree, path, "default_left", nodes);
    if (tree.has("split_type")) {
      int[] type = r.ints(tree, path, "split_type", nodes);
      for (int n = 0; n < nodes; n++) {
        if (type[n] != 0 && left[n] != -1) {
          throw r.error(path + ".split_type[" + n + "] = " + type[n]
              + "; expected 0 (categorical splits are not supported)");
        }
      }
    }
    JsonNode catNodes = tree.get("categories_nodes");
    if (catNodes != null && catNodes.isArray() && catNodes.size() > 0) {
      throw r.error(path + ".categories_nodes has " + catNodes.size()
          + " entries; expected none (categorical splits are not supported)");
    }

    // Preorder walk from the root: split nodes are numbered in visiting order (root = 0), leaves
    // get builder references; nodes the root does not reach (deleted by pruning) are skipped.
    TreeEnsemble.TreeBuilder b = TreeEnsemble.Tree.builder(TreeEnsemble.SplitRule.LESS_THAN);
    int[] ref = new int[nodes];
    boolean[] seen = new boolean[nodes];
    int[] splits = new int[nodes];
    int splitCount = 0;
    int[] stack = new int[nodes];
    int top = 0;
    stack[top++] = 0;
    seen[0] = true;
    while (top > 0) {
      int n = stack[--top];
      String at = path + " node " + n;
      if (left[n] == -1) {
        if (!Float.isFinite(condition[n])) {
          throw r.error(path + ".split_conditions[" + n + "] = " + condition[n]
              + "; expected a finite leaf value");
        }
        ref[n] = b.leaf(weight == 1f ? condition[n] : condition[n] * weight); // float32 product
        continue;
      }
      if (feature[n] < 0 || feature[n] >= numFeature) {
        throw r.error(path + ".split_indices[" + n + "] = " + feature[n]
            + "; expected 0 <= feature < num_feature = " + numFeature);
      }
      if (!Float.isFinite(condition[n])) {
        throw r.error(path + ".split_conditions[" + n + "] = " + condition[n]
            + "; expected a finite threshold");
      }
      ref[n] = b.split(feature[n], condition[n], defaultLeft[n], TreeEnsemble.Missing.DEFAULT_DIRECTION);
      splits[splitCount++] = n;
      // Push right first so the left subtree is numbered first.
      for (int child : new int[] {right[n], left[n]}) {
        String field = child == right[n] ? "right_children" : "left_children";
        if (child < 1 || child >= nodes) {
          throw r.error(path + "." + field + "[" + n + "] = " + child
              + "; expected a node 1 <= child < num_nodes = " + nodes + " (" + at + " is a split)");
        }
        if (seen[child]) {
          throw r.error(path + "." + field + "[" + n + "] = " + child
              + "; expected each node to have one parent (node " + child + " is reached twice)");
        }
        seen[child] = true;
        stack[top++] = child;
      }
    }
    for (int i = 0; i < splitCount; i++) {
      int n = splits[i];
      b.children(ref[n], ref[left[n]], ref[right[n]]);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw r.error(path + ": " + e.getMessage(), e);
    }
  }

  /** Field access that names the source and the field path in every error. */
  static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(source + ": " + message);
    }

    IllegalArgumentException error(String message, Throwable cause) {
      return new IllegalArgumentException(source + ": " + message, cause);
    }

    private static String join(String parent, String name) {
      return parent.isEmpty() ? name : parent + "." + name;
    }

    JsonNode field(JsonNode parent, String parentPath, String name) {
      JsonNode v = parent.get(name);
      if (v == null || v.isNull()) {
        throw error(join(parentPath, name) + " is missing; expected it in an XGBoost JSON model");
      }
      return v;
    }

    void requireObject(JsonNode node, String path) {
      if (!node.isObject()) {
        throw error(path + " is a " + node.getNodeType() + "; expected a JSON object");
      }
    }

    void requireArray(JsonNode node, String path) {
      if (!node.isArray()) {
        throw error(path + " is a " + node.getNodeType() + "; expected a JSON array");
      }
    }

    JsonNode object(JsonNode parent, String parentPath, String name) {
      JsonNode v = field(parent, parentPath, name);
      requireObject(v, join(parentPath, name));
      return v;
    }

    JsonNode array(JsonNode parent, String parentPath, String name) {
      JsonNode v = field(parent, parentPath, name);
      requireArray(v, join(parentPath, name));
      return v;
    }

    String text(JsonNode parent, String parentPath, String name) {
      JsonNode v = field(parent, parentPath, name);
      if (!v.isTextual()) {
        throw error(join(parentPath, name) + " = " + v + "; expected a string");
      }
      return v.asText();
    }

    /** An integer written as a JSON number or, as XGBoost writes parameters, as a string. */
    int intValue(JsonNode v, String path) {
      if (v.isIntegralNumber() && v.canConvertToInt()) {
        return v.intValue();
      }
      if (v.isTextual()) {
        try {
          return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
          throw error(path + " = " + v + "; expected an integer", e);
        }
      }
      throw error(path + " = " + v + "; expected an integer");
    }

    int integer(JsonNode parent, String parentPath, String name) {
      return intValue(field(parent, parentPath, name), join(parentPath, name));
    }

    int optionalInt(JsonNode parent, String parentPath, String name, int absent) {
      JsonNode v = parent.get(name);
      return v == null ? absent : intValue(v, join(parentPath, name));
    }

    private JsonNode sized(JsonNode parent, String parentPath, String name, int size, String what) {
      JsonNode v = array(parent, parentPath, name);
      if (v.size() != size) {
        throw error(join(parentPath, name) + " has " + v.size() + " entries; expected " + what
            + " = " + size);
      }
      return v;
    }

    int[] ints(JsonNode parent, String parentPath, String name, int size) {
      JsonNode v = sized(parent, parentPath, name, size, "num_nodes");
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        JsonNode e = v.get(i);
        if (!e.isIntegralNumber() || !e.canConvertToInt()) {
          throw error(join(parentPath, name) + "[" + i + "] = " + e + "; expected an integer");
        }
        out[i] = e.intValue();
      }
      return out;
    }

    /** Floats rounded once from their decimal text, as XGBoost's own reader does. */
    float[] floats(JsonNode parent, String parentPath, String name, int size, String what) {
      JsonNode v = sized(parent, parentPath, name, size, what);
      float[] out = new float[size];
      for (int i = 0; i < size; i++) {
        JsonNode e = v.get(i);
        if (!e.isNumber()) {
          throw error(join(parentPath, name) + "[" + i + "] = " + e + "; expected a number");
        }
        out[i] = Float.parseFloat(e.asText());
      }
      return out;
    }

    /** default_left: integers 0/1 (XGBoost 1.x-3.x) or booleans (early 1.x files). */
    boolean[] flags(JsonNode parent, String parentPath, String name, int size) {
      JsonNode v = sized(parent, parentPath, name, size, "num_nodes");
      boolean[] out = new boolean[size];
      for (int i = 0; i < size; i++) {
        JsonNode e = v.get(i);
        if (e.isBoolean()) {
          out[i] = e.booleanValue();
        } else if (e.isIntegralNumber() && (e.intValue() == 0 || e.intValue() == 1)
            && e.canConvertToInt()) {
          out[i] = e.intValue() == 1;
        } else {
          throw error(join(parentPath, name) + "[" + i + "] = " + e + "; expected 0, 1, true or false");
        }
      }
      return out;
    }
  }
}
