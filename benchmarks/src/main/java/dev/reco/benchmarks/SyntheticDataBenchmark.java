package dev.reco.benchmarks;

import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Synthetic data generation: building the catalog ({@code generate}) and streaming every event
 * into a sink that hands each field to a {@link Blackhole} ({@code stream}). The catalog scales
 * with the stream: {@code events / 10} users and {@code events / 100} items, so the 10M-event
 * case is 1M users x 100k items.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SyntheticDataBenchmark}; smoke:
 * {@code ... SyntheticDataBenchmark -p events=1000000 -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SyntheticDataBenchmark {
  /** Number of events in the stream. */
  @Param({"1000000", "10000000"})
  public long events;

  private SyntheticConfig config;
  private SyntheticData data;

  /** Builds the configuration and the catalog once per trial. */
  @Setup
  public void setUp() {
    config = SyntheticConfig.defaults()
        .withUsers((int) (events / 10))
        .withItems((int) (events / 100))
        .withEvents(events);
    data = SyntheticData.generate(config);
  }

  /** Builds the catalog, users and samplers (no events). */
  @Benchmark
  public SyntheticData generate() {
    return SyntheticData.generate(config);
  }

  /** Streams every event into a consuming sink. */
  @Benchmark
  public void stream(Blackhole bh) {
    data.forEach((user, item, epochMillis, type, value) -> {
      bh.consume(user);
      bh.consume(item);
      bh.consume(epochMillis);
      bh.consume(type);
      bh.consume(value);
    });
  }
}
