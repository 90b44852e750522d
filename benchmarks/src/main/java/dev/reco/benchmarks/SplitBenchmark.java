package dev.reco.benchmarks;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.split.PerUserFraction;
import dev.reco.core.split.Split;
import dev.reco.core.split.Splitter;
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
 * Time to split an event log with the main splitters: leave-last-1, per-user 20% by time, and a
 * 20% random holdout. Each call builds both output tables (the copy is part of the cost).
 *
 * <p>Data: {@code rows} events over {@code users} users, skewed: user = ⌊users × x²⌋ for x
 * uniform, so user 0 holds about 0.3% of all rows (31,600 of 10M) and the median user about
 * rows / 141,000 (71 of 10M); 50,000 uniform items; timestamps uniform over one year in
 * milliseconds. Everything comes from a fixed seed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SplitBenchmark}; smoke run:
 * {@code java -jar benchmarks/target/benchmarks.jar SplitBenchmark -p rows=1000000 -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SplitBenchmark {
  private static final int ITEMS = 50_000;
  private static final long YEAR_MILLIS = 365L * 24 * 3600 * 1000;

  /** Number of interactions. */
  @Param({"1000000", "10000000"})
  public int rows;

  /** Number of users. */
  @Param({"100000"})
  public int users;

  private Interactions data;
  private final Splitter leaveLastOne = Splitter.leaveLastN(1);
  private final Splitter perUserByTime =
      Splitter.perUserFraction(0.2, 42, PerUserFraction.Order.BY_TIME);
  private final Splitter randomHoldout = Splitter.random(0.2, 42);

  /** Builds the seeded event log once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261123L);
    int[] user = new int[rows];
    int[] item = new int[rows];
    float[] value = new float[rows];
    long[] time = new long[rows];
    long start = 1_700_000_000_000L;
    for (int r = 0; r < rows; r++) {
      double x = random.nextDouble();
      user[r] = Math.min(users - 1, (int) (users * x * x));
      item[r] = random.nextInt(ITEMS);
      value[r] = 1f;
      time[r] = start + random.nextLong(YEAR_MILLIS);
    }
    data = Interactions.fromColumns(ids("u", users), ids("i", ITEMS), null, user, item, value,
        time, null);
  }

  private static IdIndex ids(String prefix, int n) {
    IdIndex.Builder b = IdIndex.builder(n);
    for (int k = 0; k < n; k++) {
      b.add(prefix + k);
    }
    return b.build();
  }

  /** Per user, the latest row to test. */
  @Benchmark
  public Split leaveLastOne() {
    return leaveLastOne.split(data);
  }

  /** Per user, the latest 20% of rows to test. */
  @Benchmark
  public Split perUserFractionByTime() {
    return perUserByTime.split(data);
  }

  /** 20% of all rows, uniformly at random, to test. */
  @Benchmark
  public Split randomHoldout() {
    return randomHoldout.split(data);
  }
}
