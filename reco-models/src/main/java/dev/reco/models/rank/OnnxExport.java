package dev.reco.models.rank;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Exports native rankers to ONNX models that ONNX Runtime scores like the native backend.
 *
 * <h2>Graph contract</h2>
 * Every exported model has one input {@value #INPUT}, float {@code [batch, d]} ({@code batch}
 * symbolic, {@code d} = the schema's size, features in schema order, missing values as NaN or the
 * schema's sentinel), and one output {@value #OUTPUT}, float {@code [batch, 1]}. It imports the
 * default ONNX opset 17 and, for tree ensembles, {@code ai.onnx.ml} opset 3 explicitly. Its
 * producer name is {@value #PRODUCER} and its metadata properties are:
 * <ul>
 *   <li>{@value OnnxMetadata#FEATURES}: the feature names, a JSON array;</li>
 *   <li>{@value OnnxMetadata#MISSING_VALUE}: the schema's sentinel as a float literal, or {@code "NaN"};</li>
 *   <li>{@value OnnxMetadata#MODEL}: the exported class's simple name, e.g. {@code "TreeEnsemble"};</li>
 *   <li>{@value OnnxMetadata#PROVENANCE}: a JSON object with {@code origin}, {@code features},
 *       {@code trees} (tree ensembles only), {@code output} and {@code creation_tool}
 *       ({@code "reco"});</li>
 *   <li>any caller-supplied entries ({@code extraMetadata}), whose keys must not start with
 *       {@code "reco."}.</li>
 * </ul>
 *
 * <h2>What is exported</h2>
 * {@link TreeEnsemble}: {@code ai.onnx.ml.TreeEnsembleRegressor} nodes with {@code BRANCH_LT} and
 * float thresholds for {@link TreeEnsemble.SplitRule#LESS_THAN} trees, and with {@code BRANCH_LEQ}
 * and double thresholds on the input cast to double for
 * {@link TreeEnsemble.SplitRule#LESS_OR_EQUAL} trees; missing-value policies, the sentinel and
 * categorical splits are translated exactly, and a sigmoid output becomes a {@code Sigmoid} node
 * in double (see {@code docs/rankers.md}, ONNX export).
 * {@link LinearRanker}: {@code MatMul + Add (+ Sigmoid)} in double with missing values zeroed.
 * {@link DotProductRanker}: {@code Slice, Mul, ReduceSum (+ bias column)} in double with NaN
 * products zeroed.
 *
 * <p>Building the protobuf needs {@code org.tribuo:tribuo-util-onnx} on the classpath (an optional
 * dependency of this module). Stateless and thread-safe.
 */
public final class OnnxExport {
  /** The name of the graph's input. */
  public static final String INPUT = "features";
  /** The name of the graph's output. */
  public static final String OUTPUT = "score";
  /** The producer name written into every model. */
  public static final String PRODUCER = "reco";

  private static final long IR_VERSION = 8;
  private static final String RESERVED_PREFIX = "reco.";

  private OnnxExport() {}

  /**
   * Exports a tree ensemble.
   *
   * @param ensemble the ensemble
   * @return the serialized ONNX model
   * @throws IllegalArgumentException if a categorical split uses a category a float cannot hold
   *     exactly in a {@link TreeEnsemble.SplitRule#LESS_THAN} tree
   */
  public static byte[] toBytes(TreeEnsemble ensemble) {
    return toBytes(ensemble, Map.of());
  }

  /**
   * Exports a tree ensemble with extra metadata.
   *
   * @param ensemble the ensemble
   * @param extraMetadata entries added to the model's metadata properties
   * @return the serialized ONNX model
   * @throws IllegalArgumentException if a categorical split cannot be represented, or a metadata
   *     key is blank or starts with {@code "reco."}
   */
  public static byte[] toBytes(TreeEnsemble ensemble, Map<String, String> extraMetadata) {
    Objects.requireNonNull(ensemble, "ensemble");
    checkExtra(extraMetadata);
    ONNXContext ctx = new ONNXContext();
    FeatureSchema schema = ensemble.schema();
    ONNXPlaceholder input = ctx.floatInput(INPUT, schema.size());
    ONNXRef<?> score = OnnxTrees.build(ctx, ensemble, input);
    Map<String, Object> provenance = provenance(ensemble.origin(), schema);
    provenance.put("trees", ensemble.trees().size());
    provenance.put("output", ensemble.output().name());
    if (ensemble.output() == ScoreOutput.SIGMOID) {
      provenance.put("sigmoid_scale", ensemble.sigmoidScale());
    }
    return model(ctx, score, true, schema, ensemble, provenance, extraMetadata);
  }

  /**
   * Exports a linear or logistic model.
   *
   * @param ranker the model
   * @return the serialized ONNX model
   */
  public static byte[] toBytes(LinearRanker ranker) {
    return toBytes(ranker, Map.of());
  }

  /**
   * Exports a linear or logistic model with extra metadata. The graph computes in double:
   * {@code Where} replaces missing values by 0, then {@code MatMul} with the weights, {@code Add}
   * of the bias and, for {@link ScoreOutput#SIGMOID}, {@code Sigmoid}; the result is cast to float.
   *
   * @param ranker the model
   * @param extraMetadata entries added to the model's metadata properties
   * @return the serialized ONNX model
   * @throws IllegalArgumentException if a metadata key is blank or starts with {@code "reco."}
   */
  public static byte[] toBytes(LinearRanker ranker, Map<String, String> extraMetadata) {
    Objects.requireNonNull(ranker, "ranker");
    checkExtra(extraMetadata);
    ONNXContext ctx = new ONNXContext();
    FeatureSchema schema = ranker.schema();
    ONNXRef<?> x = OnnxTrees.sentinelToNaN(ctx, ctx.floatInput(INPUT, schema.size()), schema);
    ONNXRef<?> xd = toDouble(ctx, x);
    ONNXRef<?> x0 = nanToZero(ctx, xd);
    ONNXRef<?> m = ctx.operation(OnnxOps.MAT_MUL,
        List.of(x0, ctx.array("weights", ranker.weights(), false)), "dot");
    m = ctx.operation(OnnxOps.ADD,
        List.of(m, ctx.array("bias", new double[] {ranker.bias()}, false)), "margin");
    if (ranker.output() == ScoreOutput.SIGMOID) {
      m = ctx.operation(OnnxOps.SIGMOID, List.of(m), "sigmoid");
    }
    ONNXRef<?> f = toFloat(ctx, m);
    ONNXRef<?> score = ctx.operation(OnnxOps.UNSQUEEZE,
        List.of(f, ctx.array("axes", new long[] {1})), "column");
    Map<String, Object> provenance = provenance("", schema);
    provenance.put("output", ranker.output().name());
    return model(ctx, score, false, schema, ranker, provenance, extraMetadata);
  }

  /**
   * Exports a dot-product scorer.
   *
   * @param ranker the scorer
   * @return the serialized ONNX model
   */
  public static byte[] toBytes(DotProductRanker ranker) {
    return toBytes(ranker, Map.of());
  }

  /**
   * Exports a dot-product scorer with extra metadata. The graph computes in double: {@code Slice}
   * the user and item halves, {@code Mul}, replace NaN products by 0 ({@code IsNaN + Where}),
   * {@code ReduceSum} over the factors and {@code Add} the bias column (NaN as 0) when there is one;
   * the result is cast to float.
   *
   * @param ranker the scorer
   * @param extraMetadata entries added to the model's metadata properties
   * @return the serialized ONNX model
   * @throws IllegalArgumentException if a metadata key is blank or starts with {@code "reco."}
   */
  public static byte[] toBytes(DotProductRanker ranker, Map<String, String> extraMetadata) {
    Objects.requireNonNull(ranker, "ranker");
    checkExtra(extraMetadata);
    ONNXContext ctx = new ONNXContext();
    FeatureSchema schema = ranker.schema();
    int k = ranker.factors();
    ONNXRef<?> xd = toDouble(ctx, ctx.floatInput(INPUT, schema.size()));
    ONNXRef<?> u = slice(ctx, xd, 0, k, "user");
    ONNXRef<?> v = slice(ctx, xd, k, 2L * k, "item");
    ONNXRef<?> p = nanToZero(ctx, ctx.operation(OnnxOps.MUL, List.of(u, v), "products"));
    ONNXRef<?> s = ctx.operation(OnnxOps.REDUCE_SUM, List.of(p, ctx.array("axes", new long[] {1})),
        "dot", Map.of("keepdims", 1));
    if (ranker.hasBias()) {
      ONNXRef<?> b = nanToZero(ctx, slice(ctx, xd, 2L * k, 2L * k + 1, "bias"));
      s = ctx.operation(OnnxOps.ADD, List.of(s, b), "biased");
    }
    ONNXRef<?> score = toFloat(ctx, s);
    Map<String, Object> provenance = provenance("", schema);
    provenance.put("factors", k);
    provenance.put("bias", ranker.hasBias());
    return model(ctx, score, false, schema, ranker, provenance, extraMetadata);
  }

  /**
   * Exports any supported ranker: {@link TreeEnsemble}, {@link LinearRanker} or
   * {@link DotProductRanker}.
   *
   * @param ranker the ranker
   * @param extraMetadata entries added to the model's metadata properties
   * @return the serialized ONNX model
   * @throws IllegalArgumentException if the ranker's class cannot be exported (named in the
   *     message), or as the specific {@code toBytes} methods
   */
  public static byte[] toBytes(Ranker ranker, Map<String, String> extraMetadata) {
    Objects.requireNonNull(ranker, "ranker");
    if (ranker instanceof TreeEnsemble e) {
      return toBytes(e, extraMetadata);
    }
    if (ranker instanceof LinearRanker l) {
      return toBytes(l, extraMetadata);
    }
    if (ranker instanceof DotProductRanker p) {
      return toBytes(p, extraMetadata);
    }
    throw new IllegalArgumentException(
        "ranker class = " + ranker.getClass().getName()
            + "; expected TreeEnsemble, LinearRanker or DotProductRanker");
  }

  /**
   * Writes a ranker as an ONNX file. The model is built fully in memory first and written to a
   * temporary file in the same directory that then replaces {@code path}, so a failure never leaves
   * a half-written model behind.
   *
   * @param ranker a {@link TreeEnsemble}, {@link LinearRanker} or {@link DotProductRanker}
   * @param path the target file
   * @throws IllegalArgumentException if the ranker's class cannot be exported (named in the message)
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Ranker ranker, Path path) {
    write(ranker, path, Map.of());
  }

  /**
   * Writes a ranker as an ONNX file with extra metadata, as {@link #write(Ranker, Path)}.
   *
   * @param ranker a {@link TreeEnsemble}, {@link LinearRanker} or {@link DotProductRanker}
   * @param path the target file
   * @param extraMetadata entries added to the model's metadata properties
   * @throws IllegalArgumentException if the ranker's class cannot be exported (named in the
   *     message) or a metadata key is blank or starts with {@code "reco."}
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Ranker ranker, Path path, Map<String, String> extraMetadata) {
    Objects.requireNonNull(path, "path");
    byte[] bytes = toBytes(ranker, extraMetadata);
    Path target = path.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write ONNX model to " + path, ex);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
    }
  }

  private static void checkExtra(Map<String, String> extra) {
    Objects.requireNonNull(extra, "extraMetadata");
    for (Map.Entry<String, String> e : extra.entrySet()) {
      String key = e.getKey();
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(
            "extraMetadata key = " + (key == null ? "null" : "'" + key + "'")
                + "; expected a non-blank key");
      }
      if (key.startsWith(RESERVED_PREFIX)) {
        throw new IllegalArgumentException(
            "extraMetadata key = '" + key + "'; expected a key not starting with '" + RESERVED_PREFIX
                + "' (reserved for the exporter)");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("extraMetadata['" + key + "'] = null; expected a value");
      }
    }
  }

  private static Map<String, Object> provenance(String origin, FeatureSchema schema) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("origin", origin);
    p.put("features", schema.size());
    p.put("creation_tool", PRODUCER);
    return p;
  }

  private static ONNXRef<?> toDouble(ONNXContext ctx, ONNXRef<?> x) {
    return ctx.operation(OnnxOps.CAST, List.of(x), "double",
        Map.of("to", OnnxMl.TensorProto.DataType.DOUBLE.getNumber()));
  }

  private static ONNXRef<?> toFloat(ONNXContext ctx, ONNXRef<?> x) {
    return ctx.operation(OnnxOps.CAST, List.of(x), "float",
        Map.of("to", OnnxMl.TensorProto.DataType.FLOAT.getNumber()));
  }

  /** {@code Where(IsNaN(x), 0, x)} on a double tensor. */
  private static ONNXRef<?> nanToZero(ONNXContext ctx, ONNXRef<?> x) {
    ONNXRef<?> isNan = ctx.operation(OnnxOps.IS_NAN, List.of(x), "is_nan");
    return ctx.operation(OnnxOps.WHERE,
        List.of(isNan, ctx.array("zero", new double[] {0.0}, false), x), "nan_as_zero");
  }

  private static ONNXRef<?> slice(ONNXContext ctx, ONNXRef<?> x, long from, long to, String name) {
    return ctx.operation(OnnxOps.SLICE, List.of(x, ctx.array(name + "_start", new long[] {from}),
        ctx.array(name + "_end", new long[] {to}), ctx.array(name + "_axes", new long[] {1})), name);
  }

  private static byte[] model(ONNXContext ctx, ONNXRef<?> score, boolean ml, FeatureSchema schema,
      Ranker ranker, Map<String, Object> provenance, Map<String, String> extra) {
    ONNXPlaceholder output = ctx.floatOutput(OUTPUT, 1);
    ctx.assignTo(score, output);
    ctx.setName("reco_" + ranker.getClass().getSimpleName());
    ObjectMapper json = new ObjectMapper();
    Map<String, String> meta = new LinkedHashMap<>();
    try {
      meta.put(OnnxMetadata.FEATURES, json.writeValueAsString(schema.names()));
      meta.put(OnnxMetadata.PROVENANCE, json.writeValueAsString(provenance));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write model metadata as JSON", ex);
    }
    meta.put(OnnxMetadata.MISSING_VALUE, OnnxMetadata.formatMissingValue(schema.missingValue()));
    meta.put(OnnxMetadata.MODEL, ranker.getClass().getSimpleName());
    meta.putAll(extra);
    OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(PRODUCER)
        .setGraph(ctx.buildGraph())
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
            .setDomain("").setVersion(OnnxOps.DEFAULT_OPSET));
    if (ml) {
      model.addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
          .setDomain(OnnxOps.ML_DOMAIN).setVersion(OnnxOps.ML_OPSET));
    }
    for (Map.Entry<String, String> e : meta.entrySet()) {
      model.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
          .setKey(e.getKey()).setValue(e.getValue()));
    }
    return model.build().toByteArray();
  }
}
