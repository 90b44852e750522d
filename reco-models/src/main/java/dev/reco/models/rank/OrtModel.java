package dev.reco.models.rank;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The part of {@link OnnxRanker} that touches ONNX Runtime classes: one session, its validated
 * input and output, and a pool of direct buffers. Loaded only after {@link OnnxRuntimeCheck}
 * found ONNX Runtime on the classpath. Thread-safe for {@link #run}; {@link #close} must not
 * overlap a run (the owner's reference count guarantees that).
 */
final class OrtModel {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Buffers up to this many floats (4 MiB) are pooled; larger ones serve one call only, so one
   * outsized batch does not pin its memory for the life of the ranker.
   */
  private static final int POOLED_MAX_FLOATS = 1 << 20;
  /** Rows per tensor when the model's batch dimension is symbolic and the batch is huge. */
  private static final int MAX_CHUNK_ROWS = 1 << 16;

  private final OrtEnvironment env;
  private final SessionOptions sessionOptions;
  private final OrtSession session;
  private final String inputName;
  private final String outputName;
  private final Map<String, String> metadata;
  private final int features;
  /** The model's fixed batch size, or 0 when the batch dimension is symbolic. */
  private final int fixedBatch;
  /** Whether the output is [batch, 1] rather than [batch]. */
  private final boolean outputColumn;
  private final boolean sentinel;
  private final float missingValue;
  /** Reusable direct buffers; grows to the number of concurrent callers, no further. */
  private final ConcurrentLinkedDeque<Buffers> pool = new ConcurrentLinkedDeque<>();
  /** The most rows a pooled buffer was sized for; new buffers take at least this many. */
  private volatile int largestRows;

  /** An input and an output buffer for up to {@code rows} rows, native order. */
  private static final class Buffers {
    final int rows;
    final FloatBuffer input;
    final FloatBuffer output;

    Buffers(int rows, int features) {
      this.rows = rows;
      this.input = direct((long) rows * features);
      this.output = direct(rows);
    }

    private static FloatBuffer direct(long floats) {
      return ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES))
          .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
  }

  private OrtModel(OrtEnvironment env, SessionOptions sessionOptions, OrtSession session,
      FeatureSchema schema, OnnxRanker.Options options, String what) throws OrtException {
    this.env = env;
    this.sessionOptions = sessionOptions;
    this.session = session;
    this.features = schema.size();
    this.sentinel = schema.hasSentinel();
    this.missingValue = schema.missingValue();
    this.metadata = Collections.unmodifiableMap(
        new TreeMap<>(session.getMetadata().getCustomMetadata()));

    // ---- input: exactly one, float [batch, d]
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(what + " has " + inputs.size() + " inputs "
          + inputs.keySet() + "; expected exactly one float tensor input [batch, "
          + features + "]");
    }
    NodeInfo input = inputs.values().iterator().next();
    if (options.inputName() != null && !options.inputName().equals(input.getName())) {
      throw new IllegalArgumentException("inputName = '" + options.inputName() + "'; " + what
          + " has the input '" + input.getName() + "'");
    }
    this.inputName = input.getName();
    long[] in = tensorShape(input, "input", what);
    if (in.length != 2) {
      throw new IllegalArgumentException(what + " input '" + inputName + "' has shape "
          + shape(input) + "; expected [batch, " + features + "]");
    }
    if (in[1] >= 0 && in[1] != features) {
      throw new IllegalArgumentException(what + " input '" + inputName + "' has shape "
          + shape(input) + " (" + in[1] + " features); expected [batch, " + features
          + "] for the schema's " + features + " features");
    }
    if (in[0] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " input '" + inputName + "' has shape "
          + shape(input) + "; expected a batch dimension below 2^31");
    }
    this.fixedBatch = in[0] > 0 ? (int) in[0] : 0;

    // ---- output: float [batch] or [batch, 1]
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    NodeInfo output;
    if (options.outputName() == null) {
      output = outputs.values().iterator().next();
    } else {
      output = outputs.get(options.outputName());
      if (output == null) {
        throw new IllegalArgumentException("outputName = '" + options.outputName() + "'; "
            + what + " has the outputs " + outputs.keySet());
      }
    }
    this.outputName = output.getName();
    long[] out = tensorShape(output, "output", what);
    boolean rowsOnly = out.length == 1;
    boolean column = out.length == 2 && out[1] == 1;
    if (!rowsOnly && !column) {
      throw new IllegalArgumentException(what + " output '" + outputName + "' has shape "
          + shape(output) + "; expected [batch] or [batch, 1]: one score per row");
    }
    if (out[0] > 0 && out[0] != in[0]) {
      throw new IllegalArgumentException(what + " output '" + outputName + "' has shape "
          + shape(output) + " while the input has " + shape(input)
          + "; expected the same batch dimension");
    }
    this.outputColumn = column;

    // ---- metadata contract
    String declaredNames = metadata.get(OnnxMetadata.FEATURES);
    String declaredMissing = metadata.get(OnnxMetadata.MISSING_VALUE);
    float declaredSentinel = schema.missingValue();
    if (declaredMissing != null) {
      try {
        declaredSentinel = OnnxMetadata.parseMissingValue(declaredMissing);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " metadata " + e.getMessage(), e);
      }
    }
    if (declaredNames != null) {
      List<String> names;
      try {
        names = JSON.readValue(declaredNames, new TypeReference<List<String>>() {});
      } catch (Exception e) {
        throw new IllegalArgumentException(what + " metadata " + OnnxMetadata.FEATURES + " = '"
            + abbreviate(declaredNames) + "'; expected a JSON array of feature names", e);
      }
      FeatureSchema declared;
      try {
        declared = FeatureSchema.of(names == null ? List.of() : names)
            .withMissingValue(declaredSentinel);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " metadata " + OnnxMetadata.FEATURES + ": "
            + e.getMessage(), e);
      }
      schema.requireSame(declared, what);
    } else if (Float.compare(declaredSentinel, schema.missingValue()) != 0) {
      throw new IllegalArgumentException(what + " missing value is " + declaredSentinel
          + " (metadata " + OnnxMetadata.MISSING_VALUE + "); expected " + schema.missingValue());
    }
  }

  /**
   * Opens a model file or byte array ({@code model} is a {@link Path} or a {@code byte[]}).
   *
   * @throws IllegalArgumentException if ONNX Runtime rejects the model or it does not fit the
   *     schema
   * @throws IllegalStateException if the native library cannot be loaded
   */
  static OrtModel open(Object model, FeatureSchema schema, OnnxRanker.Options options,
      String what) {
    OrtEnvironment env;
    try {
      env = OrtEnvironment.getEnvironment();
    } catch (LinkageError e) {
      throw new IllegalStateException(OnnxRuntimeCheck.nativeMessage(e), e);
    }
    SessionOptions opts = null;
    OrtSession session = null;
    try {
      opts = sessionOptions(options);
      try {
        session = model instanceof Path p
            ? env.createSession(p.toString(), opts)
            : env.createSession((byte[]) model, opts);
      } catch (OrtException e) {
        throw new IllegalArgumentException(what + " cannot be loaded by ONNX Runtime "
            + env.getVersion() + ": " + e.getMessage() + "; expected a valid ONNX model", e);
      }
      OrtModel m = new OrtModel(env, opts, session, schema, options, what);
      session = null;
      opts = null;
      return m;
    } catch (OrtException e) {
      throw new IllegalArgumentException(what + ": ONNX Runtime failed to describe the model: "
          + e.getMessage(), e);
    } finally {
      closeQuietly(session, opts);
    }
  }

  private static SessionOptions sessionOptions(OnnxRanker.Options options) throws OrtException {
    SessionOptions opts = new SessionOptions();
    try {
      opts.setIntraOpNumThreads(options.intraOpThreads());
      opts.setInterOpNumThreads(options.interOpThreads());
      String spin = options.allowSpinning() ? "1" : "0";
      opts.addConfigEntry("session.intra_op.allow_spinning", spin);
      opts.addConfigEntry("session.inter_op.allow_spinning", spin);
      opts.setOptimizationLevel(switch (options.optimizationLevel()) {
        case NONE -> OptLevel.NO_OPT;
        case BASIC -> OptLevel.BASIC_OPT;
        case EXTENDED -> OptLevel.EXTENDED_OPT;
        case ALL -> OptLevel.ALL_OPT;
      });
      return opts;
    } catch (OrtException | RuntimeException e) {
      opts.close();
      throw e;
    }
  }

  private static long[] tensorShape(NodeInfo node, String role, String what) {
    ValueInfo info = node.getInfo();
    if (!(info instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
      throw new IllegalArgumentException(what + " " + role + " '" + node.getName() + "' is "
          + describe(info) + "; expected a float tensor");
    }
    return t.getShape();
  }

  private static String describe(ValueInfo info) {
    if (info instanceof TensorInfo t) {
      return "a " + t.type.toString().toLowerCase(java.util.Locale.ROOT) + " tensor "
          + Arrays.toString(t.getShape());
    }
    return String.valueOf(info);
  }

  /** The shape with symbolic dimensions by name, e.g. {@code [N, 4]}. */
  private static String shape(NodeInfo node) {
    TensorInfo t = (TensorInfo) node.getInfo();
    long[] dims = t.getShape();
    String[] names = t.getDimensionNames();
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      boolean named = names != null && i < names.length && names[i] != null
          && !names[i].isEmpty();
      sb.append(dims[i] >= 0 ? Long.toString(dims[i]) : named ? names[i] : "?");
    }
    return sb.append(']').toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  String inputName() {
    return inputName;
  }

  String outputName() {
    return outputName;
  }

  Map<String, String> metadata() {
    return metadata;
  }

  /** Returns the fixed batch size, or 0 when the batch dimension is symbolic. */
  int fixedBatch() {
    return fixedBatch;
  }

  /** Returns the session's configuration entries (for tests). */
  Map<String, String> sessionConfig() {
    return Map.copyOf(sessionOptions.getConfigEntries());
  }

  /** Returns the number of pooled buffer pairs (for tests). */
  int pooledBuffers() {
    return pool.size();
  }

  /**
   * Scores {@code rows} rows (already checked against the schema) in chunks of the fixed batch
   * size, or of at most {@link #MAX_CHUNK_ROWS} rows when the batch dimension is symbolic.
   */
  void run(float[] x, int rows, float[] scores) {
    int chunk = fixedBatch > 0 ? fixedBatch : Math.min(rows, MAX_CHUNK_ROWS);
    Buffers buffers = take(chunk);
    try {
      for (int start = 0; start < rows; start += chunk) {
        runChunk(x, start, Math.min(chunk, rows - start), chunk, scores, buffers);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to score " + rows + " rows: "
          + e.getMessage(), e);
    } finally {
      give(buffers);
    }
  }

  private void runChunk(float[] x, int start, int n, int chunk, float[] scores, Buffers b)
      throws OrtException {
    int tensorRows = fixedBatch > 0 ? fixedBatch : n;
    FloatBuffer in = b.input;
    in.clear();
    int from = start * features;
    int len = n * features;
    if (sentinel) {
      float s = missingValue;
      for (int i = from, end = from + len; i < end; i++) {
        float v = x[i];
        in.put(v == s ? Float.NaN : v);
      }
    } else {
      in.put(x, from, len);
    }
    // a fixed-batch model gets zero rows after the last real one; their scores are dropped
    for (int i = len, end = tensorRows * features; i < end; i++) {
      in.put(0f);
    }
    in.flip();
    FloatBuffer out = b.output;
    out.clear();
    out.limit(tensorRows);
    long[] inShape = {tensorRows, features};
    long[] outShape = outputColumn ? new long[] {tensorRows, 1} : new long[] {tensorRows};
    try (OnnxTensor input = OnnxTensor.createTensor(env, in, inShape);
         OnnxTensor output = OnnxTensor.createTensor(env, out, outShape);
         OrtSession.Result result = session.run(Map.of(inputName, input), Set.of(),
             Map.of(outputName, output))) {
      out.get(0, scores, start, n);
    }
  }

  private Buffers take(int rows) {
    Buffers b = pool.pollFirst();
    if (b != null && b.rows >= rows) {
      return b;
    }
    int size = Math.max(rows, Math.min(largestRows, POOLED_MAX_FLOATS / features));
    return new Buffers(Math.max(size, 1), features);
  }

  private void give(Buffers b) {
    if ((long) b.rows * features > POOLED_MAX_FLOATS) {
      return;
    }
    if (b.rows > largestRows) {
      largestRows = b.rows; // a benign race: at worst a later buffer is sized smaller
    }
    pool.offerFirst(b);
  }

  /** Closes the session and its options; no run may be in flight. */
  void close() {
    pool.clear();
    closeQuietly(session, sessionOptions);
  }

  private static void closeQuietly(OrtSession session, SessionOptions opts) {
    try {
      if (session != null) {
        session.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to close a session: "
          + e.getMessage(), e);
    } finally {
      if (opts != null) {
        opts.close();
      }
    }
  }
}
