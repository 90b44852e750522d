package dev.reco.models.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a LightGBM model saved as text ({@code Booster.save_model} in Python,
 * {@code saveModelToString} in the C API and its wrappers; format versions {@code v3} and
 * {@code v4}) into a {@link TreeEnsemble} that scores every row exactly as LightGBM 4.x predicts on
 * dense input.
 *
 * <h2>What is read</h2>
 * The header must say {@code num_class=1} and {@code num_tree_per_iteration=1}; its
 * {@code feature_names} must equal the schema's names in order ({@code max_feature_idx + 1} of
 * them). Every {@code Tree=i} section up to {@code end of trees} becomes one tree; the
 * {@code feature_importances} and {@code parameters} sections after it are ignored. Leaf values
 * already include the learning rate ({@code shrinkage}) and, for the first tree, the
 * {@code boost_from_average} start score, so the base margin is 0. A random forest
 * ({@code boosting=rf}, whose header has the flag {@code average_output}) averages its trees:
 * LightGBM sums the leaf values and divides by the number of trees, and so does the ensemble
 * ({@link TreeEnsemble#averagesTrees()}); its origin then reads {@code "lightgbm v4 rf ..."}.
 *
 * <h2>Split semantics (LightGBM {@code tree.h})</h2>
 * A numeric node sends {@code x} left iff {@code (double) x <= threshold} (built with
 * {@link TreeEnsemble.SplitRule#LESS_OR_EQUAL}). {@code decision_type} bit 0 marks categorical
 * nodes, bit 1 {@code default_left}, bits 2-3 the missing type: 0 {@code None} (NaN is treated as
 * 0: {@link TreeEnsemble.Missing#AS_ZERO}), 1 {@code Zero} (NaN and {@code |x| <= 1e-35} take the
 * default direction: {@link TreeEnsemble.Missing#ZERO_AND_MISSING_DEFAULT}), 2 {@code NaN} (NaN
 * takes the default direction: {@link TreeEnsemble.Missing#DEFAULT_DIRECTION}). A negative child
 * index {@code c} is the leaf {@code ~c}.
 *
 * <p>LightGBM's dense prediction path drops every value with {@code |x| <= 1e-35} before the trees
 * see it, i.e. reads it as 0. For {@code None} and {@code NaN} nodes whose threshold lies within
 * that band the importer therefore widens the threshold to the boundary of the band
 * ({@code max(t, 1e-35f)} for {@code t >= 0}, {@code min(t, nextDown(-1e-35f))} for {@code t < 0}),
 * which gives LightGBM's result for every float input; such thresholds (LightGBM writes
 * {@code ±1.0000000180025095e-35} for splits between negative values and zero) are the only ones
 * changed, and {@link TreeEnsemble.Tree#threshold} reports the widened value.
 *
 * <p>A categorical node's {@code threshold} is an index into {@code cat_boundaries}, which
 * delimits its 32-bit words in {@code cat_threshold}; {@code x} goes left iff {@code (int) x} (C++
 * truncation toward zero) is a set bit. NaN and negative values go right whatever the missing type
 * says (LightGBM 4.x {@code CategoricalDecision}), so categorical nodes are built with
 * {@link TreeEnsemble.Missing#DEFAULT_DIRECTION} and default right.
 *
 * <h2>Objectives</h2>
 * Identity output: {@code regression}, {@code regression_l1}, {@code huber}, {@code fair},
 * {@code quantile}, {@code mape}, {@code lambdarank}, {@code rank_xendcg}, and models saved
 * without an objective (custom objectives, whose predictions LightGBM reports raw). Sigmoid output:
 * {@code binary sigmoid:<s>} (scale {@code s}) and {@code cross_entropy} (scale 1).
 *
 * <h2>Rejected at load</h2>
 * Every file this importer cannot score exactly as LightGBM does is rejected with an
 * {@link IllegalArgumentException} naming the key and value: multiclass models
 * ({@code num_class > 1}), objectives with other output transforms ({@code poisson},
 * {@code gamma}, {@code tweedie}: exp; {@code cross_entropy_lambda}; {@code reg_sqrt}'s
 * {@code sqrt}), linear trees ({@code is_linear=1}),
 * and malformed text: missing keys, unparsable numbers, arrays whose length disagrees with
 * {@code num_leaves}, child indices out of range, a file cut off before {@code end of trees}.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class LightGbmText {
  /** LightGBM's {@code kZeroThreshold}: a double holding the float {@code 1e-35f}. */
  private static final double ZERO = 1e-35f;
  /** The largest float below {@code -1e-35f}, as a double. */
  private static final double BELOW_NEGATIVE_ZERO = Math.nextDown(-1e-35f);

  private LightGbmText() {}

  /**
   * Reads a LightGBM text model file (UTF-8).
   *
   * @param file the model file written by {@code save_model}
   * @param schema the features rows will carry; names must equal the model's feature names
   * @return the ensemble, origin {@code "lightgbm <version> <objective>"}
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the text is not a model this importer can score exactly
   *     as LightGBM does, or the features differ from the schema (naming the key and value)
   */
  public static TreeEnsemble read(Path file, FeatureSchema schema) throws IOException {
    Objects.requireNonNull(file, "file");
    return parse(Files.readString(file, StandardCharsets.UTF_8), schema);
  }

  /**
   * Reads a LightGBM text model from a stream (UTF-8), which is left open.
   *
   * @param in the model text
   * @param schema the features rows will carry
   * @return the ensemble
   * @throws IOException if the stream cannot be read
   * @throws IllegalArgumentException as {@link #parse}
   */
  public static TreeEnsemble read(InputStream in, FeatureSchema schema) throws IOException {
    Objects.requireNonNull(in, "in");
    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), schema);
  }

  /**
   * Reads a LightGBM text model from a reader, which is left open.
   *
   * @param in the model text
   * @param schema the features rows will carry
   * @return the ensemble
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException as {@link #parse}
   */
  public static TreeEnsemble read(Reader in, FeatureSchema schema) throws IOException {
    Objects.requireNonNull(in, "in");
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = in.read(buf)) >= 0; ) {
      sb.append(buf, 0, n);
    }
    return parse(sb.toString(), schema);
  }

  /**
   * Parses the text of a LightGBM model.
   *
   * @param text the model text, as {@code model_to_string} returns it
   * @param schema the features rows will carry; names must equal the model's feature names
   * @return the ensemble, origin {@code "lightgbm <version> <objective>"}
   * @throws IllegalArgumentException if the text is not a model this importer can score exactly
   *     as LightGBM does, or the features differ from the schema (naming the key and value)
   */
  public static TreeEnsemble parse(String text, FeatureSchema schema) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(schema, "schema");
    String[] lines = text.split("\r?\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length) {
      throw new IllegalArgumentException("LightGBM model text is empty; expected a 'tree' line");
    }
    if (!lines[i].trim().equals("tree")) {
      throw new IllegalArgumentException(
          "first line = '" + abbreviate(lines[i]) + "'; expected 'tree' (a LightGBM text model)");
    }
    i++;
    Map<String, String> header = new LinkedHashMap<>();
    for (; i < lines.length && !isTreeStart(lines[i]) && !isEnd(lines[i]); i++) {
      putKeyValue(header, lines[i], "header");
    }

    String version = require(header, "version", "header").trim();
    if (!version.equals("v3") && !version.equals("v4")) {
      throw new IllegalArgumentException("version = " + version + "; expected v3 or v4");
    }
    int numClass = parseInt(require(header, "num_class", "header"), "num_class", "header");
    if (numClass != 1) {
      throw new IllegalArgumentException(
          "num_class = " + numClass + "; expected 1 (multiclass models are not supported)");
    }
    int perIteration = parseInt(
        require(header, "num_tree_per_iteration", "header"), "num_tree_per_iteration", "header");
    if (perIteration != 1) {
      throw new IllegalArgumentException("num_tree_per_iteration = " + perIteration
          + "; expected 1 (multiclass models are not supported)");
    }
    int maxFeature =
        parseInt(require(header, "max_feature_idx", "header"), "max_feature_idx", "header");
    if (maxFeature + 1 != schema.size()) {
      throw new IllegalArgumentException("max_feature_idx = " + maxFeature + " (" + (maxFeature + 1)
          + " features); expected " + (schema.size() - 1) + " (the schema has " + schema.size()
          + " features)");
    }
    String[] names = split(require(header, "feature_names", "header"));
    if (names.length != maxFeature + 1) {
      throw new IllegalArgumentException("feature_names has " + names.length + " names; expected "
          + (maxFeature + 1) + " (max_feature_idx + 1)");
    }
    schema.requireSame(
        FeatureSchema.of(names).withMissingValue(schema.missingValue()), "LightGBM model");
    String objective = header.getOrDefault("objective", "").trim();

    TreeEnsemble.Builder ensemble = TreeEnsemble.builder(schema);
    applyObjective(ensemble, objective);
    boolean forest = header.containsKey("average_output");
    if (forest) {
      ensemble.averageOverTrees(); // boosting=rf: LightGBM divides the sum by the tree count
    }
    ensemble.origin("lightgbm " + version + " " + (forest ? "rf " : "")
        + (objective.isEmpty() ? "(no objective)" : objective));

    int trees = 0;
    while (i < lines.length && isTreeStart(lines[i])) {
      String label = lines[i].trim();
      String expected = "Tree=" + trees;
      if (!label.equals(expected)) {
        throw new IllegalArgumentException(
            "tree section '" + abbreviate(label) + "'; expected '" + expected + "'");
      }
      String where = "tree " + trees;
      Map<String, String> section = new LinkedHashMap<>();
      for (i++; i < lines.length && !isTreeStart(lines[i]) && !isEnd(lines[i]); i++) {
        putKeyValue(section, lines[i], where);
      }
      ensemble.add(tree(section, where, maxFeature));
      trees++;
    }
    if (i == lines.length) {
      throw new IllegalArgumentException("no 'end of trees' line after " + trees
          + " trees; expected one (the text is truncated)");
    }
    if (trees == 0) {
      throw new IllegalArgumentException("trees = 0; expected at least one 'Tree=' section");
    }
    String sizes = header.get("tree_sizes");
    if (sizes != null && split(sizes).length != trees) {
      throw new IllegalArgumentException("tree_sizes lists " + split(sizes).length
          + " trees; the text holds " + trees + " tree sections");
    }
    return ensemble.build();
  }

  private static void applyObjective(TreeEnsemble.Builder ensemble, String objective) {
    if (objective.isEmpty()) {
      return; // custom objective: LightGBM predicts the raw margin
    }
    String[] tokens = split(objective);
    String name = tokens[0];
    for (int t = 1; t < tokens.length; t++) {
      if (tokens[t].equals("sqrt")) {
        throw new IllegalArgumentException("objective = '" + objective + "': reg_sqrt's output"
            + " transform sign(x) * x * x is not supported");
      }
    }
    switch (name) {
      case "regression", "regression_l1", "huber", "fair", "quantile", "mape", "lambdarank",
          "rank_xendcg", "custom", "none" -> { }
      case "binary" -> {
        String sigmoid = null;
        for (int t = 1; t < tokens.length; t++) {
          if (tokens[t].startsWith("sigmoid:")) {
            sigmoid = tokens[t].substring("sigmoid:".length());
          }
        }
        if (sigmoid == null) {
          throw new IllegalArgumentException(
              "objective = '" + objective + "'; expected 'binary sigmoid:<scale>'");
        }
        double scale;
        try {
          scale = Double.parseDouble(sigmoid);
        } catch (NumberFormatException e) {
          scale = Double.NaN;
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
          throw new IllegalArgumentException(
              "objective = '" + objective + "': sigmoid = " + sigmoid
                  + "; expected a finite value > 0");
        }
        ensemble.output(ScoreOutput.SIGMOID, scale);
      }
      case "cross_entropy", "xentropy" -> ensemble.output(ScoreOutput.SIGMOID, 1.0);
      case "multiclass", "multiclassova" -> throw new IllegalArgumentException(
          "objective = '" + objective + "'; multiclass models are not supported");
      case "poisson", "gamma", "tweedie" -> throw new IllegalArgumentException(
          "objective = '" + objective + "': its output transform exp(x) is not supported;"
              + " expected a regression, ranking or binary objective");
      default -> throw new IllegalArgumentException("objective = '" + objective
          + "' is not supported; expected one of regression, regression_l1, huber, fair, quantile,"
          + " mape, lambdarank, rank_xendcg, binary, cross_entropy");
    }
  }

  private static TreeEnsemble.Tree tree(Map<String, String> s, String where, int maxFeature) {
    int numLeaves = parseInt(require(s, "num_leaves", where), "num_leaves", where);
    if (numLeaves < 1) {
      throw new IllegalArgumentException(where + ": num_leaves = " + numLeaves + "; expected >= 1");
    }
    String linear = s.get("is_linear");
    if (linear != null && parseInt(linear, "is_linear", where) != 0) {
      throw new IllegalArgumentException(where + ": is_linear = " + linear.trim()
          + "; linear trees (linear_tree=true) are not supported");
    }
    double[] leafValue = doubles(s, "leaf_value", numLeaves, where);
    TreeEnsemble.TreeBuilder b = TreeEnsemble.Tree.builder(TreeEnsemble.SplitRule.LESS_OR_EQUAL);
    int nodes = numLeaves - 1;
    if (nodes == 0) {
      b.leaf(finite(leafValue[0], "leaf_value", 0, where));
      return build(b, where);
    }
    int numCat = parseInt(require(s, "num_cat", where), "num_cat", where);
    if (numCat < 0) {
      throw new IllegalArgumentException(where + ": num_cat = " + numCat + "; expected >= 0");
    }
    int[] feature = ints(s, "split_feature", nodes, where);
    double[] threshold = doubles(s, "threshold", nodes, where);
    int[] decision = ints(s, "decision_type", nodes, where);
    int[] left = ints(s, "left_child", nodes, where);
    int[] right = ints(s, "right_child", nodes, where);
    int[] catBoundaries = null;
    long[] catWords = null;
    if (numCat > 0) {
      catBoundaries = ints(s, "cat_boundaries", numCat + 1, where);
      String[] words = split(require(s, "cat_threshold", where));
      catWords = new long[words.length];
      for (int w = 0; w < words.length; w++) {
        catWords[w] = parseLong(words[w], "cat_threshold", w, where);
        if (catWords[w] < 0 || catWords[w] > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException(where + ": cat_threshold[" + w + "] = " + words[w]
              + "; expected an unsigned 32-bit word");
        }
      }
      if (catBoundaries[0] != 0 || catBoundaries[numCat] != words.length) {
        throw new IllegalArgumentException(where + ": cat_boundaries = "
            + Arrays.toString(catBoundaries) + "; expected to run from 0 to " + words.length
            + " (the length of cat_threshold)");
      }
      for (int c = 0; c < numCat; c++) {
        if (catBoundaries[c + 1] < catBoundaries[c]) {
          throw new IllegalArgumentException(where + ": cat_boundaries = "
              + Arrays.toString(catBoundaries) + "; expected non-decreasing values");
        }
      }
    }
    for (int n = 0; n < nodes; n++) {
      int f = feature[n];
      if (f < 0 || f > maxFeature) {
        throw new IllegalArgumentException(where + ": split_feature[" + n + "] = " + f
            + "; expected 0 <= feature <= max_feature_idx = " + maxFeature);
      }
      int type = decision[n];
      if (type < 0 || type > 15 || ((type >> 2) & 3) == 3) {
        throw new IllegalArgumentException(where + ": decision_type[" + n + "] = " + type
            + "; expected bit 0 categorical, bit 1 default_left, bits 2-3 missing type 0, 1 or 2");
      }
      boolean defaultLeft = (type & 2) != 0;
      int missingType = (type >> 2) & 3;
      if ((type & 1) != 0) {
        double t = threshold[n];
        if (t != Math.rint(t) || t < 0 || t >= numCat) {
          throw new IllegalArgumentException(where + ": threshold[" + n + "] = " + t
              + " of a categorical split; expected an index 0 <= i < num_cat = " + numCat);
        }
        int c = (int) t;
        b.categorical(f, categories(catWords, catBoundaries[c], catBoundaries[c + 1]), false,
            TreeEnsemble.Missing.DEFAULT_DIRECTION);
      } else {
        double t = threshold[n];
        if (!Double.isFinite(t)) {
          throw new IllegalArgumentException(
              where + ": threshold[" + n + "] = " + t + "; expected a finite value");
        }
        TreeEnsemble.Missing missing;
        if (missingType == 1) {
          missing = TreeEnsemble.Missing.ZERO_AND_MISSING_DEFAULT;
        } else {
          missing = missingType == 0
              ? TreeEnsemble.Missing.AS_ZERO
              : TreeEnsemble.Missing.DEFAULT_DIRECTION;
          t = t >= 0 ? Math.max(t, ZERO) : Math.min(t, BELOW_NEGATIVE_ZERO);
        }
        b.split(f, t, defaultLeft, missing);
      }
    }
    for (int j = 0; j < numLeaves; j++) {
      b.leaf(finite(leafValue[j], "leaf_value", j, where));
    }
    for (int n = 0; n < nodes; n++) {
      checkChild(left[n], "left_child", n, nodes, numLeaves, where);
      checkChild(right[n], "right_child", n, nodes, numLeaves, where);
      b.children(n, left[n], right[n]);
    }
    return build(b, where);
  }

  private static TreeEnsemble.Tree build(TreeEnsemble.TreeBuilder b, String where) {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static void checkChild(int ref, String key, int n, int nodes, int leaves, String where) {
    if (ref >= nodes || (ref < 0 && ~ref >= leaves) || ref == 0) {
      throw new IllegalArgumentException(where + ": " + key + "[" + n + "] = " + ref
          + "; expected a node 1.." + (nodes - 1) + " or a leaf -1..-" + leaves);
    }
  }

  /** The categories whose bits are set in words {@code from..to-1} (bit b of word w = 32w+b). */
  private static int[] categories(long[] words, int from, int to) {
    int count = 0;
    for (int w = from; w < to; w++) {
      count += Long.bitCount(words[w]);
    }
    int[] out = new int[count];
    int k = 0;
    for (int w = from; w < to; w++) {
      long bits = words[w];
      while (bits != 0) {
        int b = Long.numberOfTrailingZeros(bits);
        out[k++] = (w - from) * 32 + b;
        bits &= bits - 1;
      }
    }
    return out;
  }

  private static double finite(double v, String key, int j, String where) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          where + ": " + key + "[" + j + "] = " + v + "; expected a finite value");
    }
    return v;
  }

  private static boolean isTreeStart(String line) {
    return line.startsWith("Tree=");
  }

  private static boolean isEnd(String line) {
    return line.trim().equals("end of trees");
  }

  private static void putKeyValue(Map<String, String> map, String line, String where) {
    if (line.isBlank()) {
      return;
    }
    int eq = line.indexOf('=');
    if (eq <= 0) {
      if (where.equals("header") && line.trim().equals("average_output")) {
        map.put("average_output", "");
        return;
      }
      throw new IllegalArgumentException(
          where + ": line '" + abbreviate(line) + "'; expected key=value");
    }
    String key = line.substring(0, eq).trim();
    if (map.put(key, line.substring(eq + 1)) != null) {
      throw new IllegalArgumentException(
          where + ": key '" + key + "' appears twice; expected once");
    }
  }

  private static String require(Map<String, String> map, String key, String where) {
    String v = map.get(key);
    if (v == null) {
      throw new IllegalArgumentException(where + ": key '" + key + "' is missing; expected "
          + key + "=... (the text is truncated or not a LightGBM model)");
    }
    return v;
  }

  private static String[] split(String value) {
    String v = value.trim();
    return v.isEmpty() ? new String[0] : v.split(" +");
  }

  private static int[] ints(Map<String, String> s, String key, int expected, String where) {
    String[] parts = checkedLength(s, key, expected, where);
    int[] out = new int[parts.length];
    for (int j = 0; j < parts.length; j++) {
      long v = parseLong(parts[j], key, j, where);
      if (v != (int) v) {
        throw new IllegalArgumentException(
            where + ": " + key + "[" + j + "] = " + parts[j] + "; expected a 32-bit integer");
      }
      out[j] = (int) v;
    }
    return out;
  }

  private static double[] doubles(Map<String, String> s, String key, int expected, String where) {
    String[] parts = checkedLength(s, key, expected, where);
    double[] out = new double[parts.length];
    for (int j = 0; j < parts.length; j++) {
      try {
        out[j] = Double.parseDouble(parts[j]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where + ": " + key + "[" + j + "] = '" + abbreviate(parts[j]) + "'; expected a number");
      }
    }
    return out;
  }

  private static String[] checkedLength(
      Map<String, String> s, String key, int expected, String where) {
    String[] parts = split(require(s, key, where));
    if (parts.length != expected) {
      throw new IllegalArgumentException(where + ": " + key + " has " + parts.length
          + " values; expected " + expected
          + (key.startsWith("cat_") ? " (num_cat + 1)" : " (from num_leaves)"));
    }
    return parts;
  }

  private static long parseLong(String s, String key, int j, String where) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": " + key + "[" + j + "] = '" + abbreviate(s) + "'; expected an integer");
    }
  }

  private static int parseInt(String s, String key, String where) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": " + key + " = '" + abbreviate(s) + "'; expected an integer");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
