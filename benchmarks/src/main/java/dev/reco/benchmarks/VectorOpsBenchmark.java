package dev.reco.benchmarks;

import dev.reco.models.linalg.VectorOps;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link VectorOps} kernels, scalar against SIMD ({@code jdk.incubator.vector}), at the factor
 * counts matrix factorization uses: dot, axpy, an {@code n x n} matVec (the conjugate-gradient
 * step of implicit ALS), rankOneUpdate, the Gram matrix of 256 rows (ALS's {@code YᵀY}) by
 * addGram and by 256 rank-one updates, and scoreRows over 100k rows (the recommend hot path:
 * score every item against one user vector).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VectorOpsBenchmark}. The fork adds
 * {@code --add-modules=jdk.incubator.vector}; the log line {@code VectorOps: panama-...} names
 * the SIMD variant. To measure it without fused multiply-add, replace the fork's arguments:
 * {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dreco.vector.fma=false"}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g",
    "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VectorOpsBenchmark {
  /** Rows scored by {@link #scoreRows()}: the item count of the recommend benchmark. */
  static final int ROWS = 100_000;
  /** Rows per Gram-matrix call. */
  static final int GRAM_ROWS = 256;

  @Param({"scalar", "panama"})
  String implementation;

  @Param({"32", "64", "128"})
  int n;

  private VectorOps ops;
  private float[] a;
  private float[] b;
  private float[] y;
  private float[] matrix;
  private float[] gram;
  private float[] items;
  private float[] scores;

  /** Picks the implementation and fills the operands with seeded random floats. */
  @Setup(Level.Trial)
  public void setUp() {
    if (implementation.equals("scalar")) {
      ops = VectorOps.scalar();
    } else if (implementation.equals("panama")) {
      ops = VectorOps.best();
      if (!ops.name().startsWith("panama")) {
        throw new IllegalStateException("implementation = panama but VectorOps.best() is "
            + ops.name() + "; expected the fork to run with --add-modules=jdk.incubator.vector");
      }
    } else {
      throw new IllegalArgumentException(
          "implementation = " + implementation + "; expected scalar or panama");
    }
    SplittableRandom random = new SplittableRandom(42);
    a = floats(random, n);
    b = floats(random, n);
    y = new float[n];
    matrix = new float[n * n];
    // a symmetric matrix, as in ALS
    for (int r = 0; r < n; r++) {
      for (int c = 0; c <= r; c++) {
        float v = (float) random.nextDouble(-1, 1);
        matrix[r * n + c] = v;
        matrix[c * n + r] = v;
      }
    }
    gram = new float[n * n];
    items = floats(random, ROWS * n);
    scores = new float[ROWS];
  }

  private static float[] floats(SplittableRandom random, int length) {
    float[] v = new float[length];
    for (int i = 0; i < length; i++) {
      v[i] = (float) random.nextDouble(-1, 1);
    }
    return v;
  }

  /** One dot product of length n. */
  @Benchmark
  public float dot() {
    return ops.dot(a, 0, b, 0, n);
  }

  /** y += alpha x, length n (alpha small so y stays bounded over billions of calls). */
  @Benchmark
  public float[] axpy() {
    ops.axpy(1e-9f, a, 0, y, 0, n);
    return y;
  }

  /** y = A x for a symmetric n x n matrix. */
  @Benchmark
  public float[] matVec() {
    ops.matVec(matrix, a, 0, y, 0, n);
    return y;
  }

  /** The same product by columns, {@code transposedMatVec}: no horizontal sum per output. */
  @Benchmark
  public float[] transposedMatVec() {
    ops.transposedMatVec(matrix, a, 0, y, 0, n);
    return y;
  }

  /** A += alpha x x^T on an n x n matrix. */
  @Benchmark
  public float[] rankOneUpdate() {
    ops.rankOneUpdate(1e-9f, a, 0, gram, n);
    return gram;
  }

  /** Gram matrix of 256 rows added to an n x n matrix in one call. */
  @Benchmark
  public float[] addGram() {
    ops.addGram(items, 0, GRAM_ROWS, n, gram);
    return gram;
  }

  /** The same Gram matrix as {@link #addGram()} by one rank-one update per row. */
  @Benchmark
  public float[] addGramByRankOneUpdates() {
    for (int r = 0; r < GRAM_ROWS; r++) {
      ops.rankOneUpdate(1f, items, r * n, gram, n);
    }
    return gram;
  }

  /** Scores 100k rows of length n against one vector. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public float[] scoreRows() {
    ops.scoreRows(items, 0, ROWS, n, a, 0, scores, 0);
    return scores;
  }
}
