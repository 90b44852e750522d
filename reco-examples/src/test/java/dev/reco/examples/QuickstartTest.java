package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.baseline.MostPopular;
import dev.reco.core.eval.EvaluationResult;
import dev.reco.core.eval.Evaluator;
import dev.reco.core.eval.Metric;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.split.Split;
import dev.reco.core.split.Splitter;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import org.junit.jupiter.api.Test;

/** The README quickstart, verbatim between the markers, with assertions after it. */
class QuickstartTest {

  @Test
  void quickstart() {
    // README:BEGIN
    SyntheticData synthetic = SyntheticData.generate(SyntheticConfig.defaults().withSeed(42));
    Interactions events = synthetic.toInteractions(DuplicatePolicy.SUM);
    Split split = Splitter.globalTimeFraction(0.2).split(events);
    Recommender popular = MostPopular.fit(split.train());
    EvaluationResult result = Evaluator.builder().build().evaluate("popular", popular, split);
    System.out.println(result);
    Recommendations top10 = popular.recommend(events.users().idOf(0), 10);
    // README:END

    assertEquals(10, top10.size());
    assertTrue(result.usersEvaluated() > 1000, "most test users are evaluated: " + result.usersEvaluated());
    double ndcg = result.value(Metric.ndcg(10));
    assertTrue(ndcg > 0.0 && ndcg < 1.0, "NDCG@10 = " + ndcg);
    assertTrue(result.toString().contains("NDCG@10"));
  }
}
