package dev.reco.benchmarks;

import dev.reco.monitoring.stats.KolmogorovSmirnov;
import dev.reco.monitoring.stats.KolmogorovSmirnov.Alternative;
import dev.reco.monitoring.stats.KolmogorovSmirnov.Method;
import dev.reco.monitoring.stats.KsResult;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
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
 * Two-sample Kolmogorov-Smirnov test on {@code size} vs {@code size} normal values (seeded), the
 * second sample shifted by {@code shift} standard deviations: reco's SciPy-compatible
 * {@link KolmogorovSmirnov} (two-sided, auto method, i.e. asymptotic above 10 000 values) against
 * commons-statistics-inference 1.1's and commons-math3 3.6.1's {@code KolmogorovSmirnovTest}
 * measured in the same run.
 *
 * <p>With {@code shift = 0} the asymptotic p-value comes from the Pelz-Good series (cheap); with
 * {@code shift = 0.01} at 1M values the statistic is large enough that SciPy's algorithm sums
 * the exact one-sided Smirnov series ({@code n x^2 >= 2.2}), which dominates the time, as it does
 * in SciPy.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KsBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KsBenchmark {
  @Param({"1000000"})
  int size;

  @Param({"0.0", "0.01"})
  double shift;

  private double[] a;
  private double[] b;
  private KolmogorovSmirnovTest commonsMath;

  /** Draws both samples once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(42);
    a = new double[size];
    b = new double[size];
    for (int i = 0; i < size; i++) {
      a[i] = gaussian(rng);
      b[i] = gaussian(rng) + shift;
    }
    commonsMath = new KolmogorovSmirnovTest();
  }

  /** Box-Muller, so the data does not depend on the JDK's nextGaussian algorithm. */
  private static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** reco: copy, sort both, one merge pass, p-value as SciPy. */
  @Benchmark
  public KsResult reco() {
    return KolmogorovSmirnov.test(a, b, Alternative.TWO_SIDED, Method.AUTO);
  }

  /**
   * commons-statistics-inference 1.1 (SciPy's design): two-sided, p-value by its default
   * (exact up to its size limit, else asymptotic).
   */
  @Benchmark
  public double commonsStatistics() {
    return org.apache.commons.statistics.inference.KolmogorovSmirnovTest.withDefaults()
        .test(a, b).getPValue();
  }

  /** commons-math3 3.6.1: statistic (with its tie jitter check) and p-value. */
  @Benchmark
  public double commonsMath3() {
    return commonsMath.kolmogorovSmirnovTest(a, b);
  }
}
