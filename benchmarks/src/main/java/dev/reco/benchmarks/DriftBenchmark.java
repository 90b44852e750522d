package dev.reco.benchmarks;

import dev.reco.monitoring.drift.BinCounts;
import dev.reco.monitoring.drift.BinSpec;
import dev.reco.monitoring.drift.Binning;
import dev.reco.monitoring.drift.DriftResult;
import dev.reco.monitoring.drift.JensenShannon;
import dev.reco.monitoring.drift.NumericReference;
import dev.reco.monitoring.drift.Psi;
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
 * Binned drift tests of one current sample of {@code n} values against bins frozen from a
 * reference of the same size (the target: PSI of 1M values in at most 20 ms). The reference is
 * frozen once in the setup; each call counts the current sample into the frozen bins (a binary
 * search per value) and computes the statistic, its per-bin contributions and its p-value.
 * {@link #countOnly()} isolates the counting, {@link #psiFromCounts()} the statistic on counts
 * already kept (what a streaming profile hands over). The current sample is shifted by 0.1 sd
 * and has 1% missing values.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DriftBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DriftBenchmark {

  @Param({"1000000"})
  int n;

  @Param({"10", "100"})
  int bins;

  private double[] current;
  private NumericReference psi;
  private NumericReference jensenShannon;
  private Binning binning;
  private BinCounts referenceCounts;
  private BinCounts currentCounts;
  private Psi psiConfig;

  /** Draws the seeded samples and freezes the reference's quantile bins. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    double[] reference = new double[n];
    current = new double[n];
    for (int i = 0; i < n; i++) {
      reference[i] = random.nextGaussian();
      current[i] = random.nextDouble() < 0.01 ? Double.NaN : 0.1 + random.nextGaussian();
    }
    BinSpec spec = BinSpec.quantiles(bins);
    psiConfig = Psi.defaults().withBins(spec);
    psi = psiConfig.freeze(reference);
    jensenShannon = JensenShannon.defaults().withBins(spec).freeze(reference);
    binning = spec.fit(reference);
    referenceCounts = binning.count(reference);
    currentCounts = binning.count(current);
  }

  /** PSI of the current sample against the frozen reference: count, statistic, p-value. */
  @Benchmark
  public DriftResult psi() {
    return psi.test(current);
  }

  /** Jensen-Shannon distance against the frozen reference, for comparison with PSI. */
  @Benchmark
  public DriftResult jensenShannon() {
    return jensenShannon.test(current);
  }

  /** Counting alone: one binary search over the cut points per value. */
  @Benchmark
  public BinCounts countOnly() {
    return binning.count(current);
  }

  /** PSI from counts already kept, as a streaming profile's frozen-bin counters provide them. */
  @Benchmark
  public DriftResult psiFromCounts() {
    return psiConfig.compare(binning, referenceCounts, currentCounts);
  }
}
