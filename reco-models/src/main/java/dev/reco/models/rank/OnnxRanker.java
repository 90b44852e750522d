package dev.reco.models.rank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores rows with an ONNX model through ONNX Runtime: the backend for models trained elsewhere
 * (XGBoost, LightGBM or scikit-learn converted to ONNX) and for models reco exports.
 *
 * <pre>{@code
 * FeatureSchema schema = FeatureSchema.of("age", "price", "clicks", "dwell");
 * try (OnnxRanker ranker = OnnxRanker.load(Path.of("ranker.onnx"), schema)) {
 *   float[] scores = ranker.score(rows, n);
 *   int[] best = Ranker.topK(scores, n, 10);
 * }
 * }</pre>
 *
 * <h2>Model contract, checked at load</h2>
 * The model has exactly one input, a float tensor {@code [batch, d]} with {@code d ==
 * schema.size()}; the batch dimension may be symbolic or fixed (a fixed-size model is fed in
 * chunks of that size, the last one padded with zero rows whose scores are dropped). The scored
 * output (the first output, or {@link Options#outputName()}) is a float tensor {@code [batch]} or
 * {@code [batch, 1]}. When the model's metadata carries {@value OnnxMetadata#FEATURES} (as models
 * exported by reco do), the names must equal the schema's ({@link FeatureSchema#requireSame});
 * when it carries {@value OnnxMetadata#MISSING_VALUE}, the sentinel must equal the schema's.
 * Models from other tools carry neither and only the width is checked. Any mismatch is an
 * {@link IllegalArgumentException} naming expected and actual.
 *
 * <h2>Missing values</h2>
 * Values equal to the schema's sentinel are replaced by NaN while the batch is copied into the
 * input tensor, so the model always sees NaN for missing; what it does with NaN is the model's
 * own convention (tree ensembles follow their default direction).
 *
 * <h2>Threads and native memory</h2>
 * One {@code OrtSession} serves all threads concurrently; the process-wide
 * {@code OrtEnvironment} is shared by every ranker and never closed. Each call copies its rows
 * into a direct, native-order buffer taken from a per-ranker pool (one pair of input and output
 * buffers per concurrent caller, sized by the largest batch seen up to 4 MiB; larger batches use
 * a buffer for that call only), so steady-state calls allocate no direct memory. Tensors and
 * results are closed at the end of every call. The session holds native memory the garbage
 * collector does not see: {@link #close()} a ranker when it is no longer used.
 *
 * <h2>Lifetime and hot swap</h2>
 * ONNX Runtime must not close a session while a run is in flight, so each call holds a
 * reference: {@link #close()} refuses new calls at once ({@link IllegalStateException}
 * "OnnxRanker is closed"), waits until the calls in flight have returned, then releases the
 * session. To swap models under load, serve the ranker through
 * {@link dev.reco.core.serving.LiveModel}, which loads the new version beside the old one, warms
 * it up, swaps atomically and closes the old ranker only after its last lease is closed:
 *
 * <pre>{@code
 * try (LiveModel<OnnxRanker> live = LiveModel.builder(registry, "ranker", "champion",
 *         (version, bytes) -> OnnxRanker.load(bytes, schema))
 *     .warmUp((ranker, version) -> ranker.score(sampleRows, sampleCount))
 *     .pollEvery(Duration.ofSeconds(30))
 *     .build()) {
 *   float[] scores = live.call(ranker -> ranker.score(rows, n));
 * }
 * }</pre>
 *
 * The default release of {@code LiveModel} calls {@link #close()}; by then no lease is open, so
 * the close does not wait. The ranker's own count is what keeps code that holds an
 * {@code OnnxRanker} outside a lease safe.
 *
 * <h2>Optional dependency</h2>
 * {@code com.microsoft.onnxruntime:onnxruntime} is an optional dependency of reco-models;
 * applications that use this class declare it themselves. Without it, {@code load} throws an
 * {@link IllegalStateException} naming the coordinates to add; no ONNX Runtime class is touched
 * before that check.
 */
public final class OnnxRanker implements Ranker {

  /**
   * How much ONNX Runtime rewrites the graph when the session is created (it never changes the
   * model's meaning; fused kernels may round differently in the last bits).
   */
  public enum Optimization {
    /** No graph optimization. */
    NONE,
    /** Constant folding and removal of redundant nodes. */
    BASIC,
    /** {@link #BASIC} plus node fusions. */
    EXTENDED,
    /** Every optimization, ONNX Runtime's own default (and the Python API's). */
    ALL
  }

  /**
   * Session settings. Immutable; validated on construction.
   *
   * @param intraOpThreads threads one call may use inside an operator, {@code >= 0}; 0 lets ONNX
   *     Runtime start one per physical core. Default 1: ranking batches of a few hundred rows
   *     gain little from parallel kernels, and a service already runs one call per request
   *     thread. Each session owns a pool of {@code intraOpThreads - 1} threads.
   * @param interOpThreads threads for running independent graph nodes in parallel, {@code >= 0};
   *     only used in ONNX Runtime's parallel execution mode, which this class does not enable.
   *     Default 1
   * @param allowSpinning whether idle pool threads spin waiting for work. Default false: spinning
   *     lowers latency by a few microseconds but burns CPU that request threads sharing the cores
   *     need; with {@code intraOpThreads = 1} there are no pool threads to spin
   * @param optimizationLevel graph optimization at load. Default {@link Optimization#ALL}, ONNX
   *     Runtime's own default, so a model scores in Java as it does in the Python tools that
   *     produced and checked it; the cost is paid once, at load
   * @param inputName the model's input, or {@code null} for its only input; when given it must
   *     name that input
   * @param outputName the output holding the scores, or {@code null} for the first output
   */
  public record Options(int intraOpThreads, int interOpThreads, boolean allowSpinning,
      Optimization optimizationLevel, String inputName, String outputName) {

    /** The defaults: one intra-op and one inter-op thread, no spinning, all optimizations. */
    public static final Options DEFAULT = new Options(1, 1, false, Optimization.ALL, null, null);

    /**
     * Validates the settings.
     *
     * @param intraOpThreads threads inside an operator, {@code >= 0}
     * @param interOpThreads threads across graph nodes, {@code >= 0}
     * @param allowSpinning whether idle pool threads spin
     * @param optimizationLevel graph optimization at load, not null
     * @param inputName the input to require, or {@code null}
     * @param outputName the output to score from, or {@code null}
     * @throws IllegalArgumentException naming the setting, its value and what was expected
     */
    public Options {
      if (intraOpThreads < 0) {
        throw new IllegalArgumentException("intraOpThreads = " + intraOpThreads
            + "; expected intraOpThreads >= 0 (0 = one per physical core)");
      }
      if (interOpThreads < 0) {
        throw new IllegalArgumentException("interOpThreads = " + interOpThreads
            + "; expected interOpThreads >= 0 (0 = one per physical core)");
      }
      if (optimizationLevel == null) {
        throw new IllegalArgumentException("optimizationLevel = null; expected one of "
            + java.util.Arrays.toString(Optimization.values()));
      }
      checkName("inputName", inputName, "the model's only input");
      checkName("outputName", outputName, "the model's first output");
    }

    private static void checkName(String what, String value, String meaning) {
      if (value != null && value.isBlank()) {
        throw new IllegalArgumentException(what + " = '" + value + "'; expected null ("
            + meaning + ") or a non-blank name");
      }
    }

    /**
     * Returns these options with another intra-op thread count.
     *
     * @param value threads, {@code >= 0}
     * @return new options
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public Options withIntraOpThreads(int value) {
      return new Options(value, interOpThreads, allowSpinning, optimizationLevel, inputName,
          outputName);
    }

    /**
     * Returns these options with another inter-op thread count.
     *
     * @param value threads, {@code >= 0}
     * @return new options
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public Options withInterOpThreads(int value) {
      return new Options(intraOpThreads, value, allowSpinning, optimizationLevel, inputName,
          outputName);
    }

    /**
     * Returns these options with spinning allowed or not.
     *
     * @param value whether idle pool threads spin
     * @return new options
     */
    public Options withAllowSpinning(boolean value) {
      return new Options(intraOpThreads, interOpThreads, value, optimizationLevel, inputName,
          outputName);
    }

    /**
     * Returns these options with another optimization level.
     *
     * @param value the level
     * @return new options
     * @throws IllegalArgumentException if {@code value} is null
     */
    public Options withOptimizationLevel(Optimization value) {
      return new Options(intraOpThreads, interOpThreads, allowSpinning, value, inputName,
          outputName);
    }

    /**
     * Returns these options with the input name to require.
     *
     * @param value the name, or {@code null} for the model's only input
     * @return new options
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public Options withInputName(String value) {
      return new Options(intraOpThreads, interOpThreads, allowSpinning, optimizationLevel, value,
          outputName);
    }

    /**
     * Returns these options with the output to score from.
     *
     * @param value the name, or {@code null} for the model's first output
     * @return new options
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public Options withOutputName(String value) {
      return new Options(intraOpThreads, interOpThreads, allowSpinning, optimizationLevel,
          inputName, value);
    }
  }

  private final FeatureSchema schema;
  private final OrtModel model;
  private final String source;
  /** Runs inside every call while it holds its reference; null except in tests. */
  private final Runnable inFlightHook;
  /** One for the open ranker, one per call in flight; once 0 it never rises again. */
  private final AtomicInteger refs = new AtomicInteger(1);
  /** Opened when {@link #refs} reaches 0. */
  private final CountDownLatch drained = new CountDownLatch(1);
  private final Object closeLock = new Object();
  private volatile boolean closed;
  /** Whether the session was closed; written under {@link #closeLock}. */
  private volatile boolean released;

  private OnnxRanker(FeatureSchema schema, OrtModel model, String source, Runnable inFlightHook) {
    this.schema = schema;
    this.model = model;
    this.source = source;
    this.inFlightHook = inFlightHook;
  }

  /**
   * Loads a model file with {@linkplain Options#DEFAULT default options}.
   *
   * @param model the {@code .onnx} file
   * @param schema the features the model expects
   * @return the ranker; close it when done
   * @throws IOException if the file does not exist or cannot be read
   * @throws IllegalArgumentException if ONNX Runtime rejects the model or it does not fit the
   *     schema (see the class comment), naming expected and actual
   * @throws IllegalStateException if ONNX Runtime is not on the classpath or its native library
   *     cannot be loaded
   */
  public static OnnxRanker load(Path model, FeatureSchema schema) throws IOException {
    return load(model, schema, Options.DEFAULT);
  }

  /**
   * Loads a model file. The path is handed to ONNX Runtime, so models with external data files
   * next to them load too.
   *
   * @param model the {@code .onnx} file
   * @param schema the features the model expects
   * @param options session settings
   * @return the ranker; close it when done
   * @throws IOException if the file does not exist or cannot be read
   * @throws IllegalArgumentException if ONNX Runtime rejects the model or it does not fit the
   *     schema (see the class comment), naming expected and actual
   * @throws IllegalStateException if ONNX Runtime is not on the classpath or its native library
   *     cannot be loaded
   */
  public static OnnxRanker load(Path model, FeatureSchema schema, Options options)
      throws IOException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(options, "options");
    requireRuntime();
    if (!Files.isRegularFile(model)) {
      throw new NoSuchFileException(model.toString(), null, "expected an ONNX model file");
    }
    if (!Files.isReadable(model)) {
      throw new IOException(model + " is not readable; expected a readable ONNX model file");
    }
    String what = model.toString();
    return new OnnxRanker(schema, OrtModel.open(model, schema, options, what), what, null);
  }

  /**
   * Loads a model from its bytes (e.g. an artifact read from a model registry) with
   * {@linkplain Options#DEFAULT default options}.
   *
   * @param model the serialized ONNX model
   * @param schema the features the model expects
   * @return the ranker; close it when done
   * @throws IllegalArgumentException if ONNX Runtime rejects the model or it does not fit the
   *     schema (see the class comment), naming expected and actual
   * @throws IllegalStateException if ONNX Runtime is not on the classpath or its native library
   *     cannot be loaded
   */
  public static OnnxRanker load(byte[] model, FeatureSchema schema) {
    return load(model, schema, Options.DEFAULT);
  }

  /**
   * Loads a model from its bytes (e.g. an artifact read from a model registry).
   *
   * @param model the serialized ONNX model
   * @param schema the features the model expects
   * @param options session settings
   * @return the ranker; close it when done
   * @throws IllegalArgumentException if ONNX Runtime rejects the model or it does not fit the
   *     schema (see the class comment), naming expected and actual
   * @throws IllegalStateException if ONNX Runtime is not on the classpath or its native library
   *     cannot be loaded
   */
  public static OnnxRanker load(byte[] model, FeatureSchema schema, Options options) {
    return load(model, schema, options, null);
  }

  /** As {@link #load(byte[], FeatureSchema, Options)}, running {@code inFlightHook} in calls. */
  static OnnxRanker load(byte[] model, FeatureSchema schema, Options options,
      Runnable inFlightHook) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(options, "options");
    requireRuntime();
    String what = "ONNX model (" + model.length + " bytes)";
    return new OnnxRanker(schema, OrtModel.open(model, schema, options, what), what,
        inFlightHook);
  }

  private static void requireRuntime() {
    OnnxRuntimeCheck.require(OnnxRuntimeCheck.PROBE_CLASS, OnnxRanker.class.getClassLoader());
  }

  @Override
  public FeatureSchema schema() {
    return schema;
  }

  /**
   * Returns the name of the model's input.
   *
   * @return the input name
   */
  public String inputName() {
    return model.inputName();
  }

  /**
   * Returns the name of the output the scores are read from.
   *
   * @return the output name
   */
  public String outputName() {
    return model.outputName();
  }

  /**
   * Returns the model's custom metadata (ONNX {@code metadata_props}), e.g. the
   * {@link OnnxMetadata} keys of models exported by reco. Unmodifiable, sorted by key; empty
   * when the model carries none.
   *
   * @return the metadata
   */
  public Map<String, String> metadata() {
    return model.metadata();
  }

  /**
   * Scores {@code rows} rows with the model.
   *
   * @throws IllegalArgumentException if an array is too short or {@code rows < 0}
   * @throws IllegalStateException if the ranker is closed (or is being closed), or if ONNX
   *     Runtime fails to run the model
   */
  @Override
  public void score(float[] features, int rows, float[] scores) {
    acquire();
    try {
      schema.checkBatch(features, rows, scores);
      if (inFlightHook != null) {
        inFlightHook.run();
      }
      if (rows > 0) {
        model.run(features, rows, scores);
      }
    } finally {
      release();
    }
  }

  private void acquire() {
    while (true) {
      int r = refs.get();
      if (r == 0 || closed) {
        throw new IllegalStateException("OnnxRanker is closed");
      }
      if (refs.compareAndSet(r, r + 1)) {
        return;
      }
    }
  }

  private void release() {
    if (refs.decrementAndGet() == 0) {
      drained.countDown();
    }
  }

  /**
   * Returns whether {@link #close()} has been called (the session may still be finishing the
   * calls in flight).
   *
   * @return whether the ranker is closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes the ranker: new calls fail at once with {@link IllegalStateException}; this method
   * waits (uninterruptibly; an interrupt is kept for the caller) until the calls in flight have
   * returned, then releases the ONNX Runtime session. Idempotent; a concurrent second call waits
   * for the first. Must not be called from inside a call to {@link #score}.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (!closed) {
        closed = true;
        release();
      }
      boolean interrupted = false;
      while (true) {
        try {
          drained.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      try {
        if (!released) {
          released = true;
          model.close();
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Whether the session has been released (for tests). */
  boolean released() {
    return released;
  }

  /** The session's configuration entries (for tests). */
  Map<String, String> sessionConfig() {
    return model.sessionConfig();
  }

  /** The model's pooled buffer pairs (for tests). */
  int pooledBuffers() {
    return model.pooledBuffers();
  }

  @Override
  public String toString() {
    return "OnnxRanker[" + source + ", input '" + model.inputName() + "', output '"
        + model.outputName() + "', " + schema.size() + " features" + (closed ? ", closed" : "")
        + "]";
  }
}
