package dev.reco.benchmarks;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.split.PerUserFraction;
import dev.reco.core.split.Splitter;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.models.als.AlsConfig;
import dev.reco.models.als.AlsFoldIn;
import dev.reco.models.als.AlsTrainer;
import dev.reco.models.linalg.VectorOps;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * Implicit ALS (k = 64, conjugate gradient with 3 steps, loss off) on synthetic e-commerce data
 * ({@link SyntheticData}, duplicates summed): whole fits with 1 and 3 iterations, so the time of
 * one iteration is {@code (fit3 - fit1) / 2} and fixed costs (initialisation, model building)
 * are {@code fit1} minus that; and fold-in of a 50-interaction user.
 *
 * <p>Sizes: {@code small} = 100k users × 20k items × 1M events, {@code large} = 1M users ×
 * 100k items × 10M events (target: ≤ 3 s per iteration, peak heap ≤ 3 GB, on 2 threads).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AlsBenchmark -p size=large}
 * (or {@code -p size=small}); fold-in only: {@code AlsBenchmark.foldIn}. Peak heap and
 * per-iteration times of one fit:
 * {@code java -Xmx3g -XX:+UseParallelGC --add-modules jdk.incubator.vector -cp
 * benchmarks/target/benchmarks.jar dev.reco.benchmarks.AlsBenchmark large 1 2} (size,
 * iterations, threads).
 */
public class AlsBenchmark {

  /** Training data and trainers, built once per trial. */
  @State(Scope.Benchmark)
  public static class Fit {
    @Param({"small", "large"})
    String size;

    @Param({"2"})
    int threads;

    @Param({"64"})
    int factors;

    @Param({"false"})
    boolean computeLoss;

    Interactions train;
    AlsTrainer oneIteration;
    AlsTrainer threeIterations;
    FitOptions options;

    /** Generates the data and builds its CSR views and fingerprint, which a fit reuses. */
    @Setup(Level.Trial)
    public void setUp() {
      train = data(size);
      AlsConfig config = AlsConfig.implicitDefaults().withFactors(factors)
          .withComputeLoss(computeLoss);
      oneIteration = new AlsTrainer(config.withIterations(1));
      threeIterations = new AlsTrainer(config.withIterations(3));
      options = FitOptions.defaults().withThreads(threads);
    }
  }

  /** A small trained model and 50-item users to fold in. */
  @State(Scope.Benchmark)
  public static class FoldIn {
    AlsFoldIn foldIn;
    int[][] users;
    float[][] values;
    int next;

    /** Trains on 20k users × 100k items and draws 64 users of 50 distinct items. */
    @Setup(Level.Trial)
    public void setUp() {
      Interactions train = SyntheticData.generate(SyntheticConfig.defaults().withUsers(20_000)
          .withItems(100_000).withEvents(200_000).withSeed(5)).toInteractions(DuplicatePolicy.SUM);
      AlsConfig config = AlsConfig.implicitDefaults().withIterations(2);
      MatrixFactorizationModel model = new AlsTrainer(config).fit(train,
          FitOptions.defaults().withThreads(2));
      foldIn = new AlsFoldIn(model, config);
      SplittableRandom random = new SplittableRandom(9);
      users = new int[64][50];
      values = new float[64][50];
      for (int u = 0; u < users.length; u++) {
        for (int j = 0; j < 50; j++) {
          users[u][j] = random.nextInt(train.numItems());
          values[u][j] = 1 + random.nextInt(4);
        }
      }
    }
  }

  static Interactions data(String size) {
    SyntheticConfig config;
    switch (size) {
      case "small":
        config = SyntheticConfig.defaults().withUsers(100_000).withItems(20_000)
            .withEvents(1_000_000);
        break;
      case "large":
        config = SyntheticConfig.defaults().withUsers(1_000_000).withItems(100_000)
            .withEvents(10_000_000);
        break;
      default:
        throw new IllegalArgumentException("size = " + size + "; expected small or large");
    }
    Interactions train = SyntheticData.generate(config).toInteractions(DuplicatePolicy.SUM);
    train.byUser();
    train.byItem();
    train.fingerprint();
    return train;
  }

  /** A whole fit with one iteration. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC", "--add-modules",
      "jdk.incubator.vector"})
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public MatrixFactorizationModel fitOneIteration(Fit state) {
    return state.oneIteration.fit(state.train, state.options);
  }

  /** A whole fit with three iterations. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC", "--add-modules",
      "jdk.incubator.vector"})
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public MatrixFactorizationModel fitThreeIterations(Fit state) {
    return state.threeIterations.fit(state.train, state.options);
  }

  /** Fold-in of one user with 50 interactions (k = 64, exact Cholesky solve). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC", "--add-modules",
      "jdk.incubator.vector"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public float[] foldIn(FoldIn state) {
    int u = state.next++ & 63;
    return state.foldIn.userVector(state.users[u], state.values[u]);
  }

  /**
   * Fits once and prints the time of every iteration (from the listener) and the peak heap of
   * the fit: the largest heap occupancy the JVM recorded between the end of data generation and
   * the end of the fit (pool peaks summed, an upper bound), next to the retained data.
   *
   * @param args size ({@code small} or {@code large}), iterations, threads, and optionally
   *     {@code spark}: train on the training side of the peer comparison's split with Spark's
   *     settings (confidence 1 + alpha r, alpha 1, weighted lambda 0.1), as
   *     {@code tools/bench/run-peers.sh} does, without Spark in the JVM
   */
  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : "small";
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    boolean sparkSettings = args.length > 3 && args[3].equals("spark");
    long t0 = System.nanoTime();
    Interactions train = data(size);
    if (sparkSettings) {
      // The training side of tools/bench/run-peers.sh: each user's latest 20 % of events held out.
      train = Splitter.perUserFraction(0.2, 42, PerUserFraction.Order.BY_TIME).split(train)
          .train();
      train.byUser();
      train.byItem();
    }
    System.out.printf("%s: %,d users, %,d items, %,d interactions after summing duplicates,"
        + " data in %.1f s; kernels %s%n", size, train.numUsers(), train.numItems(), train.size(),
        (System.nanoTime() - t0) / 1e9, VectorOps.best().name());
    System.gc();
    long retained = heapUsed();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    AlsConfig config = AlsConfig.implicitDefaults().withIterations(iterations)
        .withComputeLoss(false);
    if (sparkSettings) {
      // Spark's conventions and defaults, as the peer comparison maps them.
      config = config.withConfidence(AlsConfig.Confidence.ONE_PLUS_LINEAR).withAlpha(1.0)
          .withRegularizationMode(AlsConfig.RegularizationMode.WEIGHTED).withRegularization(0.1);
    }
    long[] last = {System.nanoTime(), cpuTime()};
    long start = System.nanoTime();
    MatrixFactorizationModel model = new AlsTrainer(config).fit(train,
        FitOptions.defaults().withThreads(threads).withListener(report -> {
          long now = System.nanoTime();
          long cpu = cpuTime();
          System.out.printf("iteration %d: %.2f s (process CPU %.2f s)%n", report.iteration(),
              (now - last[0]) / 1e9, (cpu - last[1]) / 1e9);
          last[0] = now;
          last[1] = cpu;
        }));
    long fit = System.nanoTime() - start;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("fit (%d iterations, %d threads, k = %d): %.2f s; heap retained before"
        + " the fit %,d MB, peak during the fit <= %,d MB (-Xmx %,d MB); model %s%n", iterations,
        threads, config.factors(), fit / 1e9, retained >> 20, peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20, model);
  }

  /** Returns the CPU time of this process in nanoseconds, or 0 where the JVM does not say. */
  private static long cpuTime() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
