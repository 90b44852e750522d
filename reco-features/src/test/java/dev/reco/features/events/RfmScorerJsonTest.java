package dev.reco.features.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RfmScorerJsonTest {
  private static double[] cuts(SplittableRandom rnd) {
    double[] c = new double[4];
    for (int i = 0; i < 4; i++) {
      c[i] = rnd.nextDouble(-1e6, 1e6) / (1 + rnd.nextInt(1000));
    }
    Arrays.sort(c);
    return c;
  }

  @Property(tries = 200, seed = "4711")
  void jsonRoundTripKeepsEveryCutPointAndScore(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    RfmScorer scorer = RfmScorer.of(cuts(rnd), cuts(rnd), cuts(rnd));
    RfmScorer back = RfmScorer.fromJson(scorer.toJson());
    assertEquals(scorer, back);
    for (int i = 0; i < 20; i++) {
      double x = rnd.nextDouble(-2e6, 2e6);
      assertEquals(scorer.recencyScore(x), back.recencyScore(x));
      assertEquals(scorer.frequencyScore(x), back.frequencyScore(x));
      assertEquals(scorer.monetaryScore(x), back.monetaryScore(x));
    }
  }

  @Test
  void documentLayoutAndErrors() {
    RfmScorer s = RfmScorer.of(new double[] {1, 2, 3, 4}, new double[] {0, 0, 1, 2},
        new double[] {0.5, 10, 76.75, 344.25});
    assertEquals("{\"format\":\"reco-rfm-scorer\",\"version\":1,\"recency\":[1.0,2.0,3.0,4.0],"
        + "\"frequency\":[0.0,0.0,1.0,2.0],\"monetary\":[0.5,10.0,76.75,344.25]}", s.toJson());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.fromJson(s.toJson().replace("\"version\":1", "\"version\":2")));
    assertEquals("field 'version' = 2; this reader supports up to 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RfmScorer.fromJson("{\"format\":\"x\"}"));
    assertTrue(e.getMessage().startsWith("field 'format' = \"x\""), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.fromJson(s.toJson().replace("[1.0,2.0,3.0,4.0]", "[4.0,3.0,2.0,1.0]")));
    assertTrue(e.getMessage().contains("expected non-decreasing finite cut points"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RfmScorer.fromJson("{"));
    assertTrue(e.getMessage().startsWith("RFM scorer JSON is not valid JSON"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RfmScorer.fromJson(s.toJson().replace("\"monetary\":", "\"money\":")));
    assertTrue(e.getMessage().startsWith("field 'monetary' = null"), e.getMessage());
  }
}
