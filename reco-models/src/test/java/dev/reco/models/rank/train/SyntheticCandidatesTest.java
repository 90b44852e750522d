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
    // f0 is the group's context c: one value per group, never missing; groups with a high
    // shift 2 sin(5 c) have more relevant candidates than groups with a low one.
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
      double shift = 2 * Math.sin(5 * context);
      if (shift > 1) {
        highMean += mean;
        high++;
      } else if (shift < -1) {
        lowMean += mean;
        low++;
      }
    }
    assertTrue(highMean / high > lowMean / low + 1.0, highMean / high + " vs " + lowMean / low);
  }

  @Test
  void theWithinGroupSignalIsTheDocumentedFormula() {
    // w = (1 + c) / 2, A = 1.5 [f1 > 0.2] (1 + f2) + 1.5 f4 f5, B = 2 sin(pi f3) + 1.5 f6,
    // signal = w A + (1 - w) B.
    // c = 0.5: w = 0.75; A = 1.5 * 1.2 + 1.5 * (-0.4 * 0.5) = 1.8 - 0.3 = 1.5;
    // B = 2 * sin(pi / 2) + 1.5 * 0.3 = 2.45; signal = 0.75 * 1.5 + 0.25 * 2.45 = 1.7375.
    double[] x = {0.5, 0.5, 0.2, 0.5, -0.4, 0.5, 0.3};
    assertEquals(1.7375, SyntheticCandidates.signal(x, 0.5), 1e-12);
    x[1] = 0.2; // the gate is strict: A = -0.3, signal = -0.225 + 0.6125 = 0.3875
    assertEquals(0.3875, SyntheticCandidates.signal(x, 0.5), 1e-12);
    // latent = signal + 2 sin(5 c) + h = 0.3875 + 2 sin(2.5) - 0.25 = 0.3875 + 1.19694 - 0.25
    assertEquals(1.334444288207913, SyntheticCandidates.latent(x, 0.5, -0.25), 1e-12);
    // c = -1: only B counts; c = 1: only A.
    assertEquals(2.45, SyntheticCandidates.signal(x, -1), 1e-12);
    assertEquals(-0.3, SyntheticCandidates.signal(x, 1), 1e-12);
  }

  @Test
  void rejectsBadArguments() {
    assertMessage("groups = 0; expected groups >= 1", () -> SyntheticCandidates.generate(0, 5, 6, 1));
    assertMessage("candidatesPerGroup = 0; expected candidatesPerGroup >= 1",
        () -> SyntheticCandidates.generate(5, 0, 6, 1));
    assertMessage("features = 6; expected features >= 7", () -> SyntheticCandidates.generate(5, 5, 6, 1));
  }
}
