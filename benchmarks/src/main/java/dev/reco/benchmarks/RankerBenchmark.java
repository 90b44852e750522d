package dev.reco.benchmarks;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.LinearRanker;
import dev.reco.models.rank.OnnxExport;
import dev.reco.models.rank.OnnxRanker;
import dev.reco.models.rank.ScoreOutput;
import dev.reco.models.rank.TreeEnsemble;
import dev.reco.models.rank.TreeEnsemble.Missing;
import dev.reco.models.rank.TreeEnsemble.SplitRule;
import dev.reco.models.rank.TreeEnsemble.Tree;
import dev.reco.models.rank.TreeEnsemble.TreeBuilder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring a batch of candidate rows with a tree ensemble of 300 trees of depth 6 over 50
 * features (XGBoost-style float32 less-than splits, default directions drawn at random, 5% of
 * values missing): reco's native {@link TreeEnsemble} on one thread against the same ensemble
 * exported with {@link OnnxExport} and served by ONNX Runtime through {@link OnnxRanker} (one
 * intra-op thread, spinning off), measured in the same run. {@code onnxCallOverhead} scores the
 * same batch with a 50-weight linear model exported to ONNX: the cost of a call into ONNX Runtime
 * (copying rows into a direct buffer, creating and closing tensors, running a trivial graph),
 * which every ONNX call pays on top of its model.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RankerBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankerBenchmark {
  static final int FEATURES = 50;
  static final int TREES = 300;
  static final int DEPTH = 6;

  @Param({"1", "100", "1000"})
  int rows;

  TreeEnsemble ensemble;
  OnnxRanker onnx;
  OnnxRanker onnxLinear;
  float[] features;
  float[] scores;

  /** Builds the ensemble, its ONNX export, a linear ONNX model and the batch once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    ensemble = ensemble(new SplittableRandom(7));
    features = batch(new SplittableRandom(11), rows);
    scores = new float[rows];
    onnx = OnnxRanker.load(OnnxExport.toBytes(ensemble), ensemble.schema());
    double[] weights = new SplittableRandom(3).doubles(FEATURES).toArray();
    LinearRanker linear = new LinearRanker(ensemble.schema(), weights, 0.1, ScoreOutput.IDENTITY);
    onnxLinear = OnnxRanker.load(OnnxExport.toBytes(linear), ensemble.schema());
  }

  /** Closes the ONNX sessions. */
  @TearDown(Level.Trial)
  public void tearDown() {
    onnx.close();
    onnxLinear.close();
  }

  /** A seeded ensemble of complete trees; thresholds drawn from the same range as the values. */
  static TreeEnsemble ensemble(SplittableRandom rnd) {
    TreeEnsemble.Builder b = TreeEnsemble.builder(FeatureSchema.numbered("f", FEATURES))
        .baseMargin(0.5);
    for (int t = 0; t < TREES; t++) {
      TreeBuilder tree = Tree.builder(SplitRule.LESS_THAN);
      grow(tree, rnd, 0);
      b.add(tree.build());
    }
    return b.origin("benchmark").build();
  }

  private static int grow(TreeBuilder b, SplittableRandom rnd, int level) {
    if (level == DEPTH) {
      return b.leaf((float) rnd.nextDouble(-0.1, 0.1));
    }
    int node = b.split(rnd.nextInt(FEATURES), (float) rnd.nextDouble(),
        rnd.nextBoolean(), Missing.DEFAULT_DIRECTION);
    int l = grow(b, rnd, level + 1);
    int r = grow(b, rnd, level + 1);
    b.children(node, l, r);
    return node;
  }

  /** Uniform values in [0, 1), 5% NaN. */
  static float[] batch(SplittableRandom rnd, int rows) {
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(20) == 0 ? Float.NaN : (float) rnd.nextDouble();
    }
    return x;
  }

  /** reco: blocked, branch-free traversal of complete trees. */
  @Benchmark
  public float[] nativeTrees() {
    ensemble.score(features, rows, scores);
    return scores;
  }

  /** ONNX Runtime's TreeEnsembleRegressor on the exported ensemble. */
  @Benchmark
  public float[] onnxTrees() {
    onnx.score(features, rows, scores);
    return scores;
  }

  /** A trivial ONNX graph: the per-call cost of going through ONNX Runtime. */
  @Benchmark
  public float[] onnxCallOverhead() {
    onnxLinear.score(features, rows, scores);
    return scores;
  }
}
