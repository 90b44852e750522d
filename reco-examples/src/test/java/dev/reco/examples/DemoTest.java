package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.eval.EvaluationResult;
import dev.reco.core.eval.Metric;
import dev.reco.core.synth.SyntheticConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void demoPrintsStatisticsBaselinesAndTheComparison() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SyntheticConfig config = SyntheticConfig.defaults().withUsers(2_000).withItems(500)
        .withEvents(40_000).withSeed(42);
    Demo.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = Demo.run(config, out, 2);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    for (String expected : new String[] {"Dataset", "events (lines loaded)", "40,000",
        "Split globalTimeFraction", "Precision@10", "Recall@10", "NDCG@10", "Coverage@10",
        "popularity", "recency-category", "random", "als (+popularity)", "Offline A/B",
        "Training implicit ALS", "[6/6]", "cosine of ALS item vectors",
        "loaded back: bit-identical, same recommendations"}) {
      assertTrue(printed.contains(expected), "demo output lacks '" + expected + "':\n" + printed);
    }
    assertEquals(6, outcome.results().size());
    EvaluationResult random = outcome.results().get(5);
    for (EvaluationResult r : outcome.results().subList(0, 5)) {
      assertTrue(r.value(Metric.ndcg(10)) > 5 * random.value(Metric.ndcg(10)),
          r.name() + " beats random by far on the planted structure: " + r.value(Metric.ndcg(10))
              + " vs " + random.value(Metric.ndcg(10)));
    }
    assertTrue(outcome.bestVersusRandom().aIsBetter());
    EvaluationResult als = outcome.results().get(0);
    EvaluationResult popular = outcome.results().get(1);
    assertTrue(als.value(Metric.ndcg(10)) > popular.value(Metric.ndcg(10)),
        "ALS beats popularity: " + als.value(Metric.ndcg(10)) + " vs " + popular.value(Metric.ndcg(10)));
    assertTrue(outcome.alsVersusPopularity().aIsBetter(), outcome.alsVersusPopularity().toString());
  }

  @Test
  void demoIsDeterministicForASeed() throws Exception {
    SyntheticConfig config = SyntheticConfig.defaults().withUsers(1_000).withItems(300)
        .withEvents(15_000).withSeed(5);
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Demo.Outcome first = Demo.run(config, sink, 1);
    Demo.Outcome second = Demo.run(config, sink, 2);
    assertEquals(first.data(), second.data());
    assertEquals(first.results(), second.results());
  }
}
