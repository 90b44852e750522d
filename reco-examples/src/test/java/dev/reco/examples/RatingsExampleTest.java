package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.Interactions;
import dev.reco.core.split.KFold;
import dev.reco.core.split.Split;
import dev.reco.models.svd.PlantedRatings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingsExampleTest {
  @Test
  void recommendedSettingsBeatDefaultsWhichBeatTheMeanAndTheReportListsTopItems() {
    Interactions ratings = PlantedRatings.movieLens100k().generate();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RatingsExample.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = RatingsExample.run(ratings, "planted", 3, 2, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(outcome.recommended() < outcome.defaults() - 0.01, outcome.toString());
    assertTrue(outcome.defaults() < outcome.globalMean() - 0.05, outcome.toString());

    // The mean baseline, from sums instead of a per-rating loop:
    // RMSE of a constant c = sqrt(mean of squares - 2 c mean + c^2) over the test fold.
    List<Split> folds = KFold.of(3, 42).folds(ratings);
    double expected = 0;
    for (Split fold : folds) {
      double trainSum = 0;
      for (int r = 0; r < fold.train().size(); r++) {
        trainSum += fold.train().value(r);
      }
      double c = trainSum / fold.train().size();
      double sum = 0;
      double squares = 0;
      for (int r = 0; r < fold.test().size(); r++) {
        double v = fold.test().value(r);
        sum += v;
        squares += v * v;
      }
      int n = fold.test().size();
      expected += Math.sqrt(squares / n - 2 * c * sum / n + c * c) / folds.size();
    }
    // the example predicts the mean as a float: within float rounding of the double formula
    assertEquals(expected, outcome.globalMean(), 1e-6);

    assertTrue(printed.contains("BiasedSVD recommended()"), printed);
    String top = printed.lines().filter(l -> l.startsWith("Top 5 unseen items for user"))
        .findFirst().orElseThrow();
    assertEquals(5, top.split("\\(").length - 1, top);
  }
}
