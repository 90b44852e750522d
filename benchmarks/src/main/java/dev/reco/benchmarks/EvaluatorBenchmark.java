package dev.reco.benchmarks;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.baseline.MostPopular;
import dev.reco.core.baseline.RecencyPopularity;
import dev.reco.core.baseline.RecencyPopularityConfig;
import dev.reco.core.eval.EvaluationResult;
import dev.reco.core.eval.Evaluator;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.split.Split;
import dev.reco.core.split.Splitter;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
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
 * Evaluating a baseline over every test user of a time split of synthetic data (100k users, 20k
 * items, 2M events): six ranking metrics at K = 10 plus coverage, novelty, ARP and Gini, on 1
 * and 2 threads; and single recommend calls of the popularity baselines.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EvaluatorBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluatorBenchmark {
  @Param({"1", "2"})
  int threads;

  private Split split;
  private Recommender popular;
  private Recommender recency;
  private Evaluator evaluator;
  private String[] users;
  private int next;

  /** Generates, splits and fits once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticData data = SyntheticData.generate(SyntheticConfig.defaults()
        .withUsers(100_000).withItems(20_000).withEvents(2_000_000).withSeed(3));
    Interactions events = data.toInteractions(DuplicatePolicy.SUM);
    split = Splitter.globalTimeFraction(0.2).split(events);
    popular = MostPopular.fit(split.train());
    recency = RecencyPopularity.fit(split.train(), RecencyPopularityConfig.defaults());
    evaluator = Evaluator.builder().threads(threads).build();
    int[] testUsers = split.testUsers();
    users = new String[testUsers.length];
    for (int u = 0; u < testUsers.length; u++) {
      users[u] = events.users().idOf(testUsers[u]);
    }
  }

  /** Full evaluation of most-popular over all test users. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public EvaluationResult evaluateMostPopular() {
    return evaluator.evaluate("popular", popular, split);
  }

  /** One top-10 request to most-popular, excluding the user's seen items. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Recommendations recommendMostPopular() {
    return popular.recommend(users[next++ % users.length], 10);
  }

  /** One top-10 request to recency-weighted popularity. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Recommendations recommendRecencyPopularity() {
    return recency.recommend(users[next++ % users.length], 10);
  }
}
