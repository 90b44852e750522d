package dev.reco.benchmarks;

import dev.reco.core.Interactions;
import dev.reco.models.linalg.VectorOps;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationModel;
import dev.reco.models.svd.BiasedSvdConfig;
import dev.reco.models.svd.BiasedSvdTrainer;
import dev.reco.models.svd.PlantedRatings;
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
 * BiasedSVD whole fits with Surprise's defaults (100 factors, 20 epochs, 8 × 8 shuffled DSGD
 * blocks, per-epoch shuffling) on planted explicit ratings shaped like MovieLens 1M
 * ({@link PlantedRatings#movieLens1m()}: 6,040 users × 3,706 items × 1,000,000 integer ratings).
 * Target: ≤ 5 s per fit on 2 threads.
 *
 * <p>Sizes: {@code tiny} = 200 users × 100 items × 2,000 ratings (a smoke test of the harness),
 * {@code 100k} = MovieLens-100K-like, {@code 1m} = MovieLens-1M-like.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BiasedSvdBenchmark -p size=1m}.
 * Wall time of single fits with the time of every epoch:
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * dev.reco.benchmarks.BiasedSvdBenchmark 1m 2 3} (size, threads, fits).
 */
public class BiasedSvdBenchmark {

  /** Training data and trainer, built once per trial. */
  @State(Scope.Benchmark)
  public static class Fit {
    @Param({"1m"})
    String size;

    @Param({"2"})
    int threads;

    @Param({"100"})
    int factors;

    @Param({"20"})
    int epochs;

    Interactions train;
    BiasedSvdTrainer trainer;
    FitOptions options;

    /** Generates the data and its fingerprint and CSR view, which a fit reuses. */
    @Setup(Level.Trial)
    public void setUp() {
      train = data(size);
      trainer = new BiasedSvdTrainer(BiasedSvdConfig.defaults().withFactors(factors)
          .withEpochs(epochs));
      options = FitOptions.defaults().withThreads(threads);
    }
  }

  static Interactions data(String size) {
    PlantedRatings planted;
    switch (size) {
      case "tiny":
        planted = PlantedRatings.movieLens100k().withSize(200, 100, 2_000);
        break;
      case "100k":
        planted = PlantedRatings.movieLens100k();
        break;
      case "1m":
        planted = PlantedRatings.movieLens1m();
        break;
      default:
        throw new IllegalArgumentException("size = " + size + "; expected tiny, 100k or 1m");
    }
    Interactions train = planted.generate();
    train.byUser();
    train.fingerprint();
    return train;
  }

  /** A whole fit: initialisation, block layout, all epochs, model building. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC", "--add-modules",
      "jdk.incubator.vector"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public MatrixFactorizationModel fit(Fit state) {
    return state.trainer.fit(state.train, state.options);
  }

  /**
   * Fits the default configuration several times and prints the wall time of each fit and of
   * each epoch of the last fit, and the CPU time the process spent during each fit (a
   * figure less sensitive than wall time to other load on the machine); the first fit includes
   * JIT warm-up.
   *
   * @param args size ({@code tiny}, {@code 100k} or {@code 1m}; default {@code 1m}), threads
   *     (default 2), fits (default 3)
   */
  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : "1m";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int fits = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long t0 = System.nanoTime();
    Interactions train = data(size);
    System.out.printf("%s: %,d users, %,d items, %,d ratings, data in %.1f s; kernels %s%n",
        size, train.numUsers(), train.numItems(), train.size(), (System.nanoTime() - t0) / 1e9,
        VectorOps.best().name());
    BiasedSvdConfig config = BiasedSvdConfig.defaults();
    BiasedSvdTrainer trainer = new BiasedSvdTrainer(config);
    for (int f = 1; f <= fits; f++) {
      StringBuilder epochs = new StringBuilder();
      long[] last = {System.nanoTime()};
      long start = last[0];
      long cpuStart = cpuTime();
      MatrixFactorizationModel model = trainer.fit(train, FitOptions.defaults()
          .withThreads(threads).withListener(report -> {
            long now = System.nanoTime();
            epochs.append(String.format(" %d", (now - last[0]) / 1_000_000));
            last[0] = now;
          }));
      long wall = System.nanoTime() - start;
      long cpu = cpuTime() - cpuStart;
      System.out.printf("fit %d (%d threads, k = %d, %d epochs, %d x %d blocks): %.2f s wall,"
          + " %.2f s process CPU; %s%n", f, threads, config.factors(), config.epochs(),
          config.blocks(), config.blocks(), wall / 1e9, cpu / 1e9, model);
      if (f == fits) {
        System.out.println("epoch times (ms):" + epochs);
      }
    }
  }

  /** Returns the CPU time of this process in nanoseconds, or 0 where the JVM does not say. */
  private static long cpuTime() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
  }
}
