package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.features.events.EventLog;
import dev.reco.features.quality.ProblemKind;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeaturesExampleTest {
  @Test
  void featuresUseThePastLabelsTheFutureAndTheReportCountsColdCustomers() {
    SyntheticConfig config = SyntheticConfig.defaults().withUsers(800).withItems(300)
        .withEvents(30_000).withSeed(9);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FeaturesExample.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = FeaturesExample.run(config, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    // Recount from the raw log: events before the cutoff and purchases within 14 days after it.
    EventLog log = EventLog.fromSynthetic(SyntheticData.generate(config));
    long cutoff = outcome.cutoff();
    long horizonEnd = cutoff + Duration.ofDays(14).toMillis();
    int purchase = log.eventTypes().indexOf("purchase");
    CategoricalColumn entity = outcome.training().categoricalColumn("entity");
    BooleanColumn label = outcome.training().booleanColumn("did_purchase_within_14d");
    double[] purchases30 = FeaturesExample.values(outcome.training(), "purchase_count_30d");
    int cold = 0;
    for (int r = 0; r < outcome.training().rows(); r++) {
      int e = log.entities().indexOf(entity.category(r));
      int before = 0;
      int purchasesLast30 = 0;
      boolean bought = false;
      for (int i = log.start(e); i < log.end(e); i++) {
        long t = log.time(i);
        if (t < cutoff) {
          before++;
          if (log.type(i) == purchase && t >= cutoff - Duration.ofDays(30).toMillis()) {
            purchasesLast30++;
          }
        } else if (t < horizonEnd && log.type(i) == purchase) {
          bought = true;
        }
      }
      cold += before == 0 ? 1 : 0;
      assertEquals(bought, label.get(r), "label of " + entity.category(r));
      assertEquals(purchasesLast30, purchases30[r], 0.0, "purchases in 30 days of " + entity.category(r));
    }
    assertTrue(cold > 0, "the synthetic data has customers who arrive after the cutoff");
    assertEquals(cold, outcome.report().column("days_since_last").missing());
    boolean flagged = !outcome.report().problems(ProblemKind.TOO_MANY_MISSING).isEmpty();
    assertEquals(cold > 0.05 * outcome.training().rows(), flagged, printed);
    assertTrue(printed.contains("Data quality:"), printed);
  }
}
