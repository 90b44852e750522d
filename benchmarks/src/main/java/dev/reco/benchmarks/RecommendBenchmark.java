package dev.reco.benchmarks;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import dev.reco.models.linalg.VectorOps;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serving a {@link MatrixFactorizationModel}: {@code recommend(user, 10)} over the whole catalog
 * (target: p50 ≤ 2 ms at 100k items, k = 64, one thread), with the 8-bit first pass (the default)
 * and without it ({@code recommendFloatScan}), the same for a block of 256 users with
 * {@code recommend(List, k, options, threads)}, and {@code similarItems(item, 10)} by cosine.
 *
 * <p>The model has seeded random factors (uniform in [-1, 1)), 20k users, and 50 seen items per
 * user, which {@code recommend} excludes; requests cycle through 4096 users (or items) drawn once,
 * so every call scores a different vector against the whole item matrix.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RecommendBenchmark} (the batch on 1
 * and 2 threads: {@code -p threads=1,2}, the default); the
 * {@code recommend} and {@code similarItems} benchmarks sample every call
 * ({@code Mode.SampleTime}), so JMH prints p50, p90, p99. The fork adds
 * {@code --add-modules=jdk.incubator.vector}; its log line {@code VectorOps: panama-...} names the
 * kernels. For the scalar kernels add {@code -jvmArgsAppend -Dreco.vector=scalar}.
 *
 * <p>On a shared machine, where wall-clock percentiles mostly measure the other processes,
 * {@link #main} prints the thread CPU time per request next to the wall time:
 * {@code java --add-modules jdk.incubator.vector -Xmx2g -XX:+UseParallelGC -cp
 * benchmarks/target/benchmarks.jar dev.reco.benchmarks.RecommendBenchmark [rounds]}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g",
    "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class RecommendBenchmark {
  /** Distinct users (and items) the requests cycle through. */
  private static final int REQUESTS = 4096;
  /** Users per batch request. */
  private static final int BATCH = 256;
  /** Seen items per user. */
  private static final int SEEN_PER_USER = 50;

  @Param({"100000"})
  int items;

  @Param({"64"})
  int factors;

  @Param({"20000"})
  int users;

  private MatrixFactorizationModel model;
  private MatrixFactorizationModel floatScan;
  private String[] userIds;
  private String[] itemIds;
  private List<List<String>> batches;
  private int next;
  private int nextBatch;

  /** Builds the model and draws the request ids. */
  @Setup(Level.Trial)
  public void setUp() {
    model = model(users, items, factors, 42);
    floatScan = model.withCodedScan(false);
    SplittableRandom random = new SplittableRandom(7);
    userIds = new String[REQUESTS];
    itemIds = new String[REQUESTS];
    for (int j = 0; j < REQUESTS; j++) {
      userIds[j] = model.users().idOf(random.nextInt(users));
      itemIds[j] = model.items().idOf(random.nextInt(items));
    }
    batches = new ArrayList<>();
    for (int b = 0; b < REQUESTS / BATCH; b++) {
      List<String> batch = new ArrayList<>(BATCH);
      for (int j = 0; j < BATCH; j++) {
        batch.add(userIds[b * BATCH + j]);
      }
      batches.add(batch);
    }
    System.out.println("VectorOps: " + VectorOps.best().name() + "; model " + model);
  }

  /**
   * Returns a model of seeded random factors over ids {@code u0..}, {@code i0..}, in which every
   * user has seen {@value #SEEN_PER_USER} random items (value 1).
   */
  static MatrixFactorizationModel model(int users, int items, int factors, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> u = new ArrayList<>(users);
    for (int j = 0; j < users; j++) {
      u.add("u" + j);
    }
    List<String> i = new ArrayList<>(items);
    for (int j = 0; j < items; j++) {
      i.add("i" + j);
    }
    int seen = Math.min(SEEN_PER_USER, items);
    int nnz = users * seen;
    int[] rows = new int[nnz];
    int[] cols = new int[nnz];
    for (int p = 0; p < nnz; p++) {
      rows[p] = p / seen;
      cols[p] = random.nextInt(items);
    }
    CsrMatrix seenMatrix = CsrMatrix.fromCoordinates(users, items, rows, cols, null, nnz);
    return MatrixFactorizationModel.builder(IdIndex.of(u), IdIndex.of(i), factors)
        .userFactors(uniform(random, users * factors))
        .itemFactors(uniform(random, items * factors))
        .seen(seenMatrix)
        .provenance(new Provenance("RecommendBenchmark", "{}", null, seed, "bench", "17", "any",
            "any", Instant.EPOCH))
        .source(new Source("mf"))
        .build();
  }

  private static float[] uniform(SplittableRandom random, int count) {
    float[] v = new float[count];
    for (int j = 0; j < count; j++) {
      v[j] = (float) (2 * random.nextDouble() - 1);
    }
    return v;
  }

  /** One user's top 10 over the whole catalog, seen items excluded. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Recommendations recommend() {
    return model.recommend(userIds[next++ & (REQUESTS - 1)], 10, RecommendOptions.defaults());
  }

  /**
   * The same request with the 8-bit first pass switched off ({@code withCodedScan(false)}): the
   * float scan over the whole item matrix, which gives the same lists.
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Recommendations recommendFloatScan() {
    return floatScan.recommend(userIds[next++ & (REQUESTS - 1)], 10, RecommendOptions.defaults());
  }

  /** The thread count of a batch request. */
  @State(Scope.Benchmark)
  public static class BatchThreads {
    /** Threads of the batch call. */
    @Param({"1", "2"})
    int threads;
  }

  /**
   * The top 10 of 256 users in one batch call on {@code threads} threads (divide by 256 for the
   * time per user).
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<Recommendations> recommendBatch256(BatchThreads batch) {
    List<String> ids = batches.get(nextBatch++ % batches.size());
    return model.recommend(ids, 10, RecommendOptions.defaults(), batch.threads);
  }

  /** The 10 items most similar to an item by cosine. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Recommendations similarItems() {
    return model.similarItems(itemIds[next++ & (REQUESTS - 1)], 10);
  }

  /**
   * Measures the same requests without JMH: per round, 500 single requests, 500 similar-items
   * requests and 8 batches of 64 users (per user), printing p50 and p90 of the thread CPU time
   * and of the wall time; the first rounds warm the JIT up.
   *
   * @param args optional number of rounds (default 8)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    RecommendBenchmark b = new RecommendBenchmark();
    b.items = 100_000;
    b.factors = 64;
    b.users = 20_000;
    b.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    RecommendOptions options = RecommendOptions.defaults();
    for (int round = 1; round <= rounds; round++) {
      long[][] cpu = new long[3][];
      long[][] wall = new long[3][];
      for (int kind = 0; kind < 3; kind++) {
        int count = kind == 2 ? 8 : 500;
        cpu[kind] = new long[count];
        wall[kind] = new long[count];
        for (int r = 0; r < count; r++) {
          long c0 = threads.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          if (kind == 0) {
            b.model.recommend(b.userIds[b.next++ & (REQUESTS - 1)], 10, options);
          } else if (kind == 1) {
            b.model.similarItems(b.itemIds[b.next++ & (REQUESTS - 1)], 10);
          } else {
            b.model.recommend(b.batches.get(b.nextBatch++ % b.batches.size()).subList(0, 64), 10,
                options, 1);
          }
          cpu[kind][r] = (threads.getCurrentThreadCpuTime() - c0) / (kind == 2 ? 64 : 1);
          wall[kind][r] = (System.nanoTime() - w0) / (kind == 2 ? 64 : 1);
        }
      }
      System.out.printf("round %d: recommend cpu %s wall %s | similarItems cpu %s wall %s"
          + " | batch of 64, per user: cpu %s wall %s%n", round, percentiles(cpu[0]),
          percentiles(wall[0]), percentiles(cpu[1]), percentiles(wall[1]), percentiles(cpu[2]),
          percentiles(wall[2]));
    }
  }

  /** Returns "p50/p90" in milliseconds. */
  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("%.3f/%.3f ms", sorted[sorted.length / 2] / 1e6,
        sorted[sorted.length * 9 / 10] / 1e6);
  }
}
