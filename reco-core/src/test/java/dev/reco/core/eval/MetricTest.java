package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTest {

  @Test
  void labelsCarryTheCutoff() {
    assertEquals("NDCG@10", Metric.ndcg(10).label());
    assertEquals("NDCG@10", Metric.ndcg(10).toString());
    assertEquals("Precision@5", Metric.precision(5).label());
    assertEquals("HitRate@1", Metric.hitRate(1).label());
    assertEquals("NDCG-exp@20", Metric.at(Measure.NDCG_EXP, 20).label());
    assertEquals("RMSE", Metric.of(Measure.RMSE).label());
    assertEquals("ROC-AUC-ovr-macro", Metric.of(Measure.ROC_AUC_OVR_MACRO).label());
  }

  @Test
  void everyLabelParsesBackToItsMetric() {
    Set<String> labels = new HashSet<>();
    for (Measure m : Measure.values()) {
      Metric metric = m.hasCutoff() ? Metric.at(m, 7) : Metric.of(m);
      assertEquals(metric, Metric.parse(metric.label()));
      assertTrue(labels.add(m.label().toLowerCase(java.util.Locale.ROOT)), "unique " + m);
    }
    assertEquals(Metric.ndcg(10), Metric.parse("ndcg@10"));
    assertEquals(Metric.of(Measure.LOG_LOSS), Metric.parse(" LogLoss "));
  }

  @Test
  void directionsAndFamilies() {
    assertFalse(Measure.RMSE.higherIsBetter());
    assertFalse(Measure.LOG_LOSS.higherIsBetter());
    assertTrue(Measure.NDCG.higherIsBetter());
    assertEquals(Measure.Family.RANKING, Measure.MAP.family());
    assertEquals(Measure.Family.BEYOND_ACCURACY, Measure.GINI.family());
    assertEquals(Measure.Family.CLASSIFICATION, Measure.ROC_AUC.family());
  }

  @Test
  void rejectsMismatchedCutoffsNamingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Metric.ndcg(0));
    assertTrue(e.getMessage().contains("k = 0 for NDCG"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metric.at(Measure.RMSE, 5));
    assertTrue(e.getMessage().contains("k = 5 for RMSE"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("NDCG"));
    assertTrue(e.getMessage().contains("k = 0 for NDCG"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("NDCG@ten"));
    assertTrue(e.getMessage().contains("'ten'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("DCG@10"));
    assertTrue(e.getMessage().contains("'DCG'"), e.getMessage());
  }
}
