package dev.reco.benchmarks;

import dev.reco.monitoring.profile.CategoryDictionary;
import dev.reco.monitoring.profile.ConcurrentProfile;
import dev.reco.monitoring.profile.NumericBins;
import dev.reco.monitoring.profile.ProfileSchema;
import dev.reco.monitoring.profile.SingleWriterProfile;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming-profile update throughput on one thread, in values per second (the score is ops/s
 * with one op = one value): frozen-bin counters alone (per value and through the array
 * overload), counters plus a KLL sketch ({@code k = 200}), a categorical column looked up by
 * string, and the same numeric update through {@link ConcurrentProfile} (writer critical section
 * plus stripe lock, uncontended). Target: bin counters at 20M values/s or more.
 *
 * <p>Data: 1M standard normal values (fixed seed), bins frozen as quantile edges of another 1M
 * values; 1M categories drawn from 60 names, 50 of them in the dictionary.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProfileBenchmark}; smoke run:
 * {@code java -jar benchmarks/target/benchmarks.jar ProfileBenchmark -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProfileBenchmark {
  private static final int N = 1_000_000;

  /** Number of inner quantile bins frozen from the reference. */
  @Param({"10", "100"})
  public int bins;

  private double[] values;
  private String[] categories;
  private SingleWriterProfile countersOnly;
  private SingleWriterProfile withSketch;
  private SingleWriterProfile categorical;
  private ConcurrentProfile concurrent;

  /** Builds the data and the profiles once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261123L);
    double[] reference = new double[N];
    for (int i = 0; i < N; i++) {
      reference[i] = random.nextGaussian();
    }
    values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] = random.nextGaussian();
    }
    String[] names = new String[60];
    for (int i = 0; i < names.length; i++) {
      names[i] = "category-" + i;
    }
    categories = new String[N];
    for (int i = 0; i < N; i++) {
      categories[i] = names[random.nextInt(names.length)];
    }
    NumericBins frozen = NumericBins.quantiles(reference, bins);
    countersOnly = new SingleWriterProfile(ProfileSchema.builder().numeric("x", frozen, 0).build());
    withSketch = new SingleWriterProfile(ProfileSchema.builder().numeric("x", frozen, 200).build());
    categorical = new SingleWriterProfile(ProfileSchema.builder()
        .categorical("c", CategoryDictionary.of(java.util.Arrays.copyOf(names, 50))).build());
    concurrent = new ConcurrentProfile(
        ProfileSchema.builder().numeric("x", frozen, 0).build(), 1);
  }

  /** Bin counters only, one {@code update(column, value)} call per value. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long binCounters() {
    SingleWriterProfile p = countersOnly;
    double[] v = values;
    for (int i = 0; i < v.length; i++) {
      p.update(0, v[i]);
    }
    return p.missing(0);
  }

  /** Bin counters only, through {@code update(column, double[])}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long binCountersArray() {
    countersOnly.update(0, values);
    return countersOnly.missing(0);
  }

  /** Bin counters plus a KLL sketch with {@code k = 200}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long binCountersAndSketch() {
    withSketch.update(0, values);
    return withSketch.missing(0);
  }

  /** A categorical column: one dictionary lookup per string. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long categoricalByString() {
    SingleWriterProfile p = categorical;
    String[] c = categories;
    for (int i = 0; i < c.length; i++) {
      p.update(0, c[i]);
    }
    return p.missing(0);
  }

  /** Bin counters through the concurrent profile, one writer thread. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long concurrentBinCounters() {
    ConcurrentProfile p = concurrent;
    double[] v = values;
    for (int i = 0; i < v.length; i++) {
      p.update(0, v[i]);
    }
    return v.length;
  }
}
