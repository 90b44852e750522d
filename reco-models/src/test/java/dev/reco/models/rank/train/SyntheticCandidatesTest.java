package dev.reco.models.rank.train;

import static dev.reco.models.rank.train.RankingDataTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticCandidatesTest {
  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    RankingData a = SyntheticCandidates.generate(30, 20, 8, 5);
    RankingData b = SyntheticCandidates.generate(30, 20, 8, 5);
    RankingData c = SyntheticCandidates.generate(30, 20, 8, 6);
    assertArrayEquals(a.features(), b.features());
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(Arrays.equals(a.features(), c.features()));
    assertEquals(30, a.groups());
    assertEquals(600, a.rows());
    assertEquals("f7", a.schema().name(7));
    assertEquals("3", a.groupKey(3));
    assertEquals("61", a.itemId(61)); // g * 20 + i = 3 * 20 + 1
  }

  @Test
  void followsTheDocumentedModel() {
    RankingData d = SyntheticCandidates.generate(400, 25, 8, 17);
    int[] grades = new int[5];
    int missing = 0;
    int candidateValues = 0;
    for (int r = 0; r < d.rows(); r++) {
      float label = d.label(r);
      assertEquals(Math.rint(label), label);
      grades[(int) label]++;
      for (int f = 1; f < 8; f++) {
        float v = d.feature(r, f);
        candidateValues++;
        if (Float.isNaN(v)) {
          missing++;
        } else {
          assertTrue(v >= -1 && v <= 1);
        }
      }
    }
    // Every grade occurs, 0 is the most frequent.
    for (int g = 0; g < 5; g++) {
      assertTrue(grades[g] > 100, Arrays.toString(grades));
      assertTrue(grades[0] >= grades[g], Arrays.toString(grades));
    }
    // About 5% of candidate features missing (binomial, n = 70,000: sd 0.08%).
    double rate = (double) missing / candidateValues;
    assertEquals(0.05, rate, 0.005);
    // f0 is the group's context: one value per group, never missing; groups with a high
    // context have more relevant candidates (the group shift 2 c_g).
    double highMean = 0;
    double lowMean = 0;
    int high = 0;
    int low = 0;
    for (int g = 0; g < d.groups(); g++) {
      float context = d.feature(d.groupStart(g), 0);
      double mean = 0;
      for (int r = d.groupStart(g); r < d.groupEnd(g); r++) {
        assertEquals(context, d.feature(r, 0));
        mean += d.label(r) / 25.0;
      }
      if (context > 0.5) {
        highMean += mean;
        high++;
      } else if (context < -0.5) {
        lowMean += mean;
        low++;
      }
    }
    assertTrue(highMean / high > lowMean / low + 1.0, highMean / high + " vs " + lowMean / low);
  }

  @Test
  void theWithinGroupSignalIsTheDocumentedFormula() {
    // z = 1.5 [f1 > 0.2] (1 + f2) + sin(pi f3) + 1.5 f4 f5
    double[] x = {0, 0.5, 0.2, 0.5, -0.4, 0.5};
    assertEquals(1.5 * 1.2 + 1.0 - 0.3, SyntheticCandidates.signal(x), 1e-12);
    x[1] = 0.2; // the gate is strict
    assertEquals(1.0 - 0.3, SyntheticCandidates.signal(x), 1e-12);
    assertEquals(1.0 - 0.3 + 2 * 0.5 - 0.25, SyntheticCandidates.latent(x, 0.5, -0.25), 1e-12);
  }

  @Test
  void rejectsBadArguments() {
    assertMessage("groups = 0; expected groups >= 1", () -> SyntheticCandidates.generate(0, 5, 6, 1));
    assertMessage("candidatesPerGroup = 0; expected candidatesPerGroup >= 1",
        () -> SyntheticCandidates.generate(5, 0, 6, 1));
    assertMessage("features = 5; expected features >= 6", () -> SyntheticCandidates.generate(5, 5, 5, 1));
  }
}
