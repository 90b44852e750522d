package dev.reco.benchmarks;

import dev.reco.core.IdIndex;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.features.events.EventLog;
import dev.reco.features.events.WindowFeatures;
import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * Event-window aggregation: 22 features (count, frequency and distinct categories over 7, 30
 * and 90 days; purchase count and sum over the same windows; days since the last event and the
 * last purchase; the 7d/30d trend overall and for purchases; RFM over 90 days) for every user of
 * a synthetic log, as of the end of its 90-day period. {@code features} times {@link
 * WindowFeatures#compute} on a built {@link EventLog}; {@code buildLog} times the construction
 * (validation and the sort by entity and time) from columns. Each call is one single shot.
 *
 * <p>Data: {@link SyntheticData} with {@code events} events, {@code events / 10} users and
 * {@code events / 100} items (the 10M-event case is 1M users), values = item prices.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EventAggregationBenchmark}; smoke:
 * {@code ... EventAggregationBenchmark -p events=1000000 -f 1 -wi 1 -i 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EventAggregationBenchmark {
  /** Number of events. */
  @Param({"10000000"})
  public long events;

  /** Worker threads of the feature computation. */
  @Param({"1", "2"})
  public int threads;

  private EventLog log;
  private List<String> entities;
  private long[] asOf;
  private WindowFeatures spec;
  private int[] entity;
  private long[] time;
  private int[] type;
  private double[] value;
  private int[] category;
  private IdIndex users;
  private IdIndex types;
  private IdIndex categories;

  /** Generates the log and the requests once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticConfig config = SyntheticConfig.defaults()
        .withUsers((int) (events / 10))
        .withItems((int) (events / 100))
        .withEvents(events);
    SyntheticData data = SyntheticData.generate(config);
    int n = (int) events;
    entity = new int[n];
    time = new long[n];
    type = new int[n];
    value = new double[n];
    category = new int[n];
    int[] pos = new int[1];
    // Columns in stream (time) order, as they arrive; buildLog regroups them by entity.
    data.forEach((u, i, t, kind, v) -> {
      int k = pos[0]++;
      entity[k] = u;
      time[k] = t;
      type[k] = kind.ordinal();
      value[k] = data.items().price(i);
      category[k] = data.items().category(i);
    });
    users = data.users().ids();
    types = IdIndex.of("view", "add_to_cart", "purchase");
    categories = IdIndex.of(data.items().categoryNames());
    log = buildLog();
    entities = log.entities().ids();
    asOf = new long[entities.size()];
    Arrays.fill(asOf, config.start().plus(config.duration()).toEpochMilli());
    spec = WindowFeatures.builder()
        .windows(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90))
        .eventTypes("purchase")
        .aggregations(WindowFeatures.Aggregation.COUNT, WindowFeatures.Aggregation.SUM)
        .trend(Duration.ofDays(7), Duration.ofDays(30))
        .rfm("purchase", Duration.ofDays(90))
        .build();
  }

  /** Computes the feature table for every user. */
  @Benchmark
  public Table features() {
    return spec.compute(log, entities, asOf, threads);
  }

  /** Builds the log from stream-ordered columns: validation, stable regrouping by entity. */
  @Benchmark
  public EventLog buildLog() {
    return EventLog.fromColumns(users, entity, time, types, type, value, categories, category);
  }

  /**
   * Runs the workload outside JMH: {@code [events [threads [repeats]]]} (defaults 1,000,000, 1,
   * 3), printing the setup time and each call's time.
   *
   * @param args optional sizes
   */
  public static void main(String[] args) {
    EventAggregationBenchmark b = new EventAggregationBenchmark();
    b.events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    b.threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long t0 = System.nanoTime();
    b.setUp();
    System.out.printf("setup %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    for (int k = 0; k < repeats; k++) {
      long t1 = System.nanoTime();
      EventLog log = b.buildLog();
      long t2 = System.nanoTime();
      Table t = b.features();
      long t3 = System.nanoTime();
      System.out.printf("buildLog %.0f ms (%d events), features %.0f ms (%d rows x %d)%n",
          (t2 - t1) / 1e6, log.size(), (t3 - t2) / 1e6, t.rows(), t.schema().size() - 2);
    }
  }
}
