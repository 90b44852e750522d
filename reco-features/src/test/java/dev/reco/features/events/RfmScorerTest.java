package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import org.junit.jupiter.api.Test;

class RfmScorerTest {
  private static final double NAN = Double.NaN;

  /** Frequency and monetary 1..10; recency 1..10 with two customers who never purchased. */
  private static Table reference() {
    return Table.of(
        DoubleColumn.of("rfm_recency_days", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NAN, NAN),
        DoubleColumn.of("rfm_frequency", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0),
        DoubleColumn.of("rfm_monetary", 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 0, 0));
  }

  @Test
  void cutPointsInterpolateOrderStatistics() {
    RfmScorer s = RfmScorer.fit(reference());
    // recency x = 1..10 (NaN dropped), n = 10: h = 9p -> p 0.2: h 1.8 -> 2 + 0.8 = 2.8;
    // p 0.4: h 3.6 -> 4.6; p 0.6: h 5.4 -> 6.4; p 0.8: h 7.2 -> 8.2
    assertArrayEquals(new double[] {2.8, 4.6, 6.4, 8.2}, s.recencyCuts(), 1e-12);
    // frequency x = 0,0,1..10, n = 12: h = 11p -> 2.2: 1 + 0.2 = 1.2; 4.4: 3.4; 6.6: 5.6;
    // 8.8: 7.8
    assertArrayEquals(new double[] {1.2, 3.4, 5.6, 7.8}, s.frequencyCuts(), 1e-12);
    assertArrayEquals(new double[] {12, 34, 56, 78}, s.monetaryCuts(), 1e-12);
  }

  @Test
  void scoresCountCutPointsBelowTheValue() {
    RfmScorer s = RfmScorer.fit(reference());
    assertEquals(5, s.recencyScore(1)); // below every cut: most recent
    assertEquals(5, s.recencyScore(2.8)); // equal to a cut is not above it
    assertEquals(4, s.recencyScore(3));
    assertEquals(1, s.recencyScore(100));
    assertEquals(1, s.recencyScore(NAN)); // never purchased
    assertEquals(1, s.frequencyScore(0));
    assertEquals(2, s.frequencyScore(2)); // above 1.2 only
    assertEquals(5, s.frequencyScore(8));
    assertEquals(3, s.monetaryScore(40)); // above 12 and 34
  }

  @Test
  void applyAddsScoreColumnsWithTheFittedCuts() {
    RfmScorer s = RfmScorer.fit(reference());
    Table fresh = Table.of(
        DoubleColumn.of("rfm_recency_days", 0.5, NAN),
        DoubleColumn.of("rfm_frequency", 50, 0),
        DoubleColumn.of("rfm_monetary", 1, 1000));
    Table scored = s.apply(fresh);
    assertEquals(5, scored.longColumn("rfm_r_score").get(0));
    assertEquals(1, scored.longColumn("rfm_r_score").get(1));
    assertEquals(5, scored.longColumn("rfm_f_score").get(0));
    assertEquals(1, scored.longColumn("rfm_f_score").get(1));
    assertEquals(1, scored.longColumn("rfm_m_score").get(0));
    assertEquals(5, scored.longColumn("rfm_m_score").get(1));
    RfmScorer copy = RfmScorer.of(s.recencyCuts(), s.frequencyCuts(), s.monetaryCuts());
    assertEquals(s.toString(), copy.toString());
  }

  @Test
  void badInputNamesTheColumnOrValue() {
    Table noPurchases = Table.of(
        DoubleColumn.of("rfm_recency_days", NAN, NAN),
        DoubleColumn.of("rfm_frequency", 0, 0),
        DoubleColumn.of("rfm_monetary", 0, 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RfmScorer.fit(noPurchases));
    assertTrue(e.getMessage().contains("'rfm_recency_days'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.of(new double[] {1, 2, 3}, new double[4], new double[4]));
    assertTrue(e.getMessage().contains("recency = [1.0, 2.0, 3.0]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.of(new double[4], new double[] {1, 3, 2, 4}, new double[4]));
    assertTrue(e.getMessage().contains("frequency = [1.0, 3.0, 2.0, 4.0]"), e.getMessage());
  }
}
