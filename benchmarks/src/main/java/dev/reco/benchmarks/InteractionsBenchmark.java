package dev.reco.benchmarks;

import dev.reco.core.CsrMatrix;
import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
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
 * Building {@link Interactions} with duplicate merging, and building CSR views, on seeded random
 * data (100k users, 20k items).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InteractionsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class InteractionsBenchmark {
  @Param({"1000000", "10000000"})
  int rows;

  private static final int USERS = 100_000;
  private static final int ITEMS = 20_000;

  private IdIndex users;
  private IdIndex items;
  private int[] user;
  private int[] item;
  private float[] value;
  private long[] time;
  private Interactions data;

  /** Generates the columns once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    IdIndex.Builder ub = IdIndex.builder(USERS);
    for (int u = 0; u < USERS; u++) {
      ub.add("u" + u);
    }
    IdIndex.Builder ib = IdIndex.builder(ITEMS);
    for (int i = 0; i < ITEMS; i++) {
      ib.add("i" + i);
    }
    users = ub.build();
    items = ib.build();
    SplittableRandom random = new SplittableRandom(7);
    user = new int[rows];
    item = new int[rows];
    value = new float[rows];
    time = new long[rows];
    for (int r = 0; r < rows; r++) {
      user[r] = random.nextInt(USERS);
      item[r] = random.nextInt(ITEMS);
      value[r] = 1 + random.nextInt(5);
      time[r] = 1_600_000_000_000L + random.nextInt(1_000_000_000);
    }
    data = Interactions.fromColumns(users, items, null, user, item, value, time, null);
  }

  /** Builder with {@link DuplicatePolicy#SUM}: group by user, sort items per user, merge. */
  @Benchmark
  public Interactions buildWithSumPolicy() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(users).itemIndex(items).expectedSize(rows);
    for (int r = 0; r < rows; r++) {
      b.addIndexed(user[r], item[r], value[r], time[r]);
    }
    return b.build();
  }

  /** User × item CSR from coordinates: two counting-sort passes. */
  @Benchmark
  public CsrMatrix csrByUser() {
    return CsrMatrix.fromCoordinates(USERS, ITEMS, user, item, value, rows);
  }

  /** Item × user CSR by transposing the user view. */
  @Benchmark
  public CsrMatrix csrTranspose() {
    return data.byUser().transpose();
  }
}
