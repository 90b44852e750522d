package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.monitoring.report.DriftReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftReportExampleTest {
  @Test
  void exactly_the_two_planted_features_are_flagged(@TempDir Path dir) throws Exception {
    DriftReport report = DriftReportExample.run(dir, 50_000, 20261123L);
    assertEquals(List.of("basket_value", "device"),
        report.drift().driftedColumnNames().stream().sorted().toList());
    assertEquals(List.of("basket_value", "device"),
        report.columnOrder().subList(0, 2).stream().sorted().toList());
    String html = Files.readString(dir.resolve("drift.html"));
    assertTrue(html.contains("drift detected in 2 of 7 columns"), html.substring(0, 200));
    assertTrue(Files.readString(dir.resolve("drift.json")).contains("\"driftedColumns\" : 2"));
  }

  @Test
  void other_seeds_flag_the_same_two_features(@TempDir Path dir) throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      DriftReport report = DriftReportExample.run(dir, 20_000, seed);
      assertEquals(List.of("basket_value", "device"),
          report.drift().driftedColumnNames().stream().sorted().toList(), "seed " + seed);
    }
  }
}
