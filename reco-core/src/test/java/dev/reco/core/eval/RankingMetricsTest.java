package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final double EPS = 1e-15;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  // ranked = [7, 3, 9, 1, 5], relevant = {1, 3, 4}: hits at ranks 2 (item 3) and 4 (item 1).
  private static final int[] RANKED = {7, 3, 9, 1, 5};
  private static final int[] RELEVANT = {1, 3, 4};

  @Test
  void handComputedAtKThree() {
    // top 3 = [7, 3, 9]: one hit, at rank 2
    assertEquals(1.0 / 3, RankingMetrics.precision(RANKED, 5, RELEVANT, 3), EPS); // 1 hit / K=3
    assertEquals(1.0 / 3, RankingMetrics.recall(RANKED, 5, RELEVANT, 3), EPS); // 1 hit / R=3
    assertEquals(1.0, RankingMetrics.hit(RANKED, 5, RELEVANT, 3));
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, 5, RELEVANT, 3), EPS); // 1 / rank 2
    // AP@3 = P@2 / min(3, 3) = (1/2) / 3
    assertEquals(1.0 / 6, RankingMetrics.averagePrecision(RANKED, 5, RELEVANT, 3), EPS);
    // DCG = 1/log2(3); IDCG = 1/log2(2) + 1/log2(3) + 1/log2(4) = 1 + 0.6309 + 0.5
    double ndcg = (1 / log2(3)) / (1 + 1 / log2(3) + 1 / log2(4));
    assertEquals(ndcg, RankingMetrics.ndcg(RANKED, 5, RELEVANT, 3), 1e-15);
    assertEquals(0.2960819109658652, ndcg, 1e-15); // 0.630930 / 2.130930
  }

  @Test
  void handComputedAtKFive() {
    // top 5: hits at ranks 2 and 4
    assertEquals(2.0 / 5, RankingMetrics.precision(RANKED, 5, RELEVANT, 5), EPS);
    assertEquals(2.0 / 3, RankingMetrics.recall(RANKED, 5, RELEVANT, 5), EPS);
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, 5, RELEVANT, 5), EPS);
    // AP@5 = (P@2 + P@4) / min(5, 3) = (1/2 + 2/4) / 3 = 1/3
    assertEquals(1.0 / 3, RankingMetrics.averagePrecision(RANKED, 5, RELEVANT, 5), EPS);
    // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677; IDCG over min(5, 3) = 3 positions
    double ndcg = (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3) + 1 / log2(4));
    assertEquals(ndcg, RankingMetrics.ndcg(RANKED, 5, RELEVANT, 5), 1e-15);
  }

  @Test
  void noHitGivesZeroEverywhere() {
    int[] ranked = {7, 9};
    assertEquals(0.0, RankingMetrics.precision(ranked, 2, RELEVANT, 2));
    assertEquals(0.0, RankingMetrics.recall(ranked, 2, RELEVANT, 2));
    assertEquals(0.0, RankingMetrics.hit(ranked, 2, RELEVANT, 2));
    assertEquals(0.0, RankingMetrics.reciprocalRank(ranked, 2, RELEVANT, 2));
    assertEquals(0.0, RankingMetrics.averagePrecision(ranked, 2, RELEVANT, 2));
    assertEquals(0.0, RankingMetrics.ndcg(ranked, 2, RELEVANT, 2));
  }

  @Test
  void listShorterThanKStillDividesPrecisionByK() {
    // one recommended item, a hit; K = 5; relevant = {4, 8}
    int[] ranked = {4};
    int[] relevant = {4, 8};
    assertEquals(1.0 / 5, RankingMetrics.precision(ranked, 1, relevant, 5), EPS); // not 1/1
    assertEquals(1.0 / 2, RankingMetrics.recall(ranked, 1, relevant, 5), EPS);
    assertEquals(1.0, RankingMetrics.reciprocalRank(ranked, 1, relevant, 5));
    // AP@5 = P@1 / min(5, 2) = 1/2
    assertEquals(0.5, RankingMetrics.averagePrecision(ranked, 1, relevant, 5), EPS);
    // DCG = 1; IDCG = 1 + 1/log2(3) (two relevant items could fill ranks 1 and 2)
    assertEquals(1 / (1 + 1 / log2(3)), RankingMetrics.ndcg(ranked, 1, relevant, 5), EPS);
    // an empty list is a list with no hits
    assertEquals(0.0, RankingMetrics.ndcg(new int[0], 0, relevant, 5));
  }

  @Test
  void averagePrecisionIsNormalisedByMinOfKAndRelevantCount() {
    int[] relevant = {1, 2, 3, 4, 5, 6};
    int[] ranked = {1, 9, 2};
    // K = 2: AP = P@1 / min(2, 6) = 1/2 (not 1/6)
    assertEquals(0.5, RankingMetrics.averagePrecision(ranked, 3, relevant, 2), EPS);
    // K = 3: AP = (P@1 + P@3) / min(3, 6) = (1 + 2/3) / 3 = 5/9
    assertEquals(5.0 / 9, RankingMetrics.averagePrecision(ranked, 3, relevant, 3), EPS);
  }

  @Test
  void entriesPastLengthAreIgnored() {
    // the buffer repeats 4 past length 2 and holds the relevant item there: both ignored
    int[] buffer = {2, 9, 4, 4};
    int[] relevant = {4};
    assertEquals(0.0, RankingMetrics.recall(buffer, 2, relevant, 4));
    assertEquals(1.0, RankingMetrics.recall(buffer, 3, relevant, 4));
  }

  @Test
  void gradedNdcgWithLinearAndExponentialGain() {
    // ranked [10, 20, 30]; relevant 10, 20, 30, 40 with grades 1, 3, 2, 3
    int[] ranked = {10, 20, 30};
    int[] relevant = {10, 20, 30, 40};
    float[] grades = {1, 3, 2, 3};
    // linear: DCG = 1/1 + 3/log2(3) + 2/log2(4); ideal grades 3, 3, 2: 3 + 3/log2(3) + 2/2
    double linear = (1 + 3 / log2(3) + 2 / log2(4)) / (3 + 3 / log2(3) + 2 / log2(4));
    assertEquals(linear, RankingMetrics.ndcg(ranked, 3, relevant, grades, Gain.LINEAR, 3), 1e-15);
    assertEquals(0.6606021509485402, linear, 1e-15); // 3.892789 / 5.892789
    // exponential gains 2^g - 1 = 1, 7, 3, 7: DCG = 1 + 7/log2(3) + 3/2; ideal 7 + 7/log2(3) + 3/2
    double exp = (1 + 7 / log2(3) + 3 / log2(4)) / (7 + 7 / log2(3) + 3 / log2(4));
    assertEquals(exp, RankingMetrics.ndcg(ranked, 3, relevant, grades, Gain.EXPONENTIAL, 3), 1e-15);
    // null grades = binary relevance, the same as the binary overload
    assertEquals(RankingMetrics.ndcg(ranked, 3, relevant, 3),
        RankingMetrics.ndcg(ranked, 3, relevant, null, Gain.EXPONENTIAL, 3));
  }

  @Test
  void gainForms() {
    assertEquals(3.0, Gain.LINEAR.of(3));
    assertEquals(7.0, Gain.EXPONENTIAL.of(3)); // 2^3 - 1
    assertEquals(1.0, Gain.EXPONENTIAL.of(1)); // binary relevance: both forms give 1
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.ndcg(RANKED, 5, RELEVANT, 0));
    assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.precision(RANKED, 6, RELEVANT, 3));
    assertTrue(e.getMessage().contains("length = 6"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.recall(new int[] {5, 6, 5}, 3, RELEVANT, 3));
    assertTrue(e.getMessage().contains("ranked[2] = 5 repeats ranked[0]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.recall(RANKED, 5, new int[0], 3));
    assertTrue(e.getMessage().contains("relevant is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.recall(RANKED, 5, new int[] {3, 1}, 3));
    assertTrue(e.getMessage().contains("relevant[1] = 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.ndcg(RANKED, 5, RELEVANT, new float[] {1, 0, 2}, Gain.LINEAR, 3));
    assertTrue(e.getMessage().contains("grades[1] = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.ndcg(RANKED, 5, RELEVANT, new float[] {1, 2}, Gain.LINEAR, 3));
    assertTrue(e.getMessage().contains("grades.length = 2"), e.getMessage());
  }

  @Test
  void rejectsDuplicatesInLongListsToo() {
    int[] ranked = new int[100];
    for (int i = 0; i < ranked.length; i++) {
      ranked[i] = 1000 - i;
    }
    ranked[77] = ranked[12];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.precision(ranked, 100, RELEVANT, 10));
    assertTrue(e.getMessage().contains("ranked[77] = 988 repeats ranked[12]"), e.getMessage());
  }

  // ---- properties against a simple reference model ---------------------------------------

  /** A straightforward reference built on collections, written from the definitions. */
  static double reference(Measure measure, int[] ranked, int length, Map<Integer, Float> grades,
      int k) {
    int n = Math.min(k, length);
    int r = grades.size();
    switch (measure) {
      case PRECISION:
      case RECALL:
      case HIT_RATE: {
        int hits = 0;
        for (int i = 0; i < n; i++) {
          hits += grades.containsKey(ranked[i]) ? 1 : 0;
        }
        return measure == Measure.PRECISION ? hits / (double) k
            : measure == Measure.RECALL ? hits / (double) r : hits > 0 ? 1 : 0;
      }
      case MRR:
        for (int i = 0; i < n; i++) {
          if (grades.containsKey(ranked[i])) {
            return 1.0 / (i + 1);
          }
        }
        return 0;
      case MAP: {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          if (grades.containsKey(ranked[i])) {
            int hitsSoFar = 0;
            for (int j = 0; j <= i; j++) {
              hitsSoFar += grades.containsKey(ranked[j]) ? 1 : 0;
            }
            sum += hitsSoFar / (double) (i + 1);
          }
        }
        return sum / Math.min(k, r);
      }
      default: {
        Gain gain = measure == Measure.NDCG ? Gain.LINEAR : Gain.EXPONENTIAL;
        double dcg = 0;
        for (int i = 0; i < n; i++) {
          Float g = grades.get(ranked[i]);
          if (g != null) {
            dcg += gain.of(g) / log2(i + 2);
          }
        }
        Float[] sorted = grades.values().toArray(new Float[0]);
        Arrays.sort(sorted, (x, y) -> Float.compare(y, x));
        double ideal = 0;
        for (int i = 0; i < Math.min(k, r); i++) {
          ideal += gain.of(sorted[i]) / log2(i + 2);
        }
        return dcg / ideal;
      }
    }
  }

  /** One random user: a list over a small catalog and a relevant set, optionally graded. */
  static final class Case {
    final int[] ranked;
    final int length;
    final int[] relevant;
    final float[] grades;
    final Map<Integer, Float> gradeOf = new HashMap<>();

    Case(Random random, boolean graded) {
      int catalog = 5 + random.nextInt(60);
      int[] perm = permutation(random, catalog);
      length = random.nextInt(Math.min(catalog, 40) + 1);
      ranked = Arrays.copyOf(perm, length + random.nextInt(3)); // spare buffer entries
      int r = 1 + random.nextInt(Math.min(catalog, 12));
      int[] rel = Arrays.copyOf(permutation(random, catalog), r);
      Arrays.sort(rel);
      relevant = rel;
      grades = graded ? new float[r] : null;
      for (int i = 0; i < r; i++) {
        float g = graded ? 1 + random.nextInt(4) + (random.nextBoolean() ? 0.5f : 0f) : 1f;
        if (graded) {
          grades[i] = g;
        }
        gradeOf.put(relevant[i], g);
      }
    }
  }

  static int[] permutation(Random random, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  static double staticValue(Measure m, Case c, int k) {
    switch (m) {
      case PRECISION:
        return RankingMetrics.precision(c.ranked, c.length, c.relevant, k);
      case RECALL:
        return RankingMetrics.recall(c.ranked, c.length, c.relevant, k);
      case HIT_RATE:
        return RankingMetrics.hit(c.ranked, c.length, c.relevant, k);
      case MRR:
        return RankingMetrics.reciprocalRank(c.ranked, c.length, c.relevant, k);
      case MAP:
        return RankingMetrics.averagePrecision(c.ranked, c.length, c.relevant, k);
      case NDCG:
        return RankingMetrics.ndcg(c.ranked, c.length, c.relevant, c.grades, Gain.LINEAR, k);
      default:
        return RankingMetrics.ndcg(c.ranked, c.length, c.relevant, c.grades, Gain.EXPONENTIAL, k);
    }
  }

  private static final List<Measure> RANKING = List.of(Measure.PRECISION, Measure.RECALL,
      Measure.HIT_RATE, Measure.MRR, Measure.MAP, Measure.NDCG, Measure.NDCG_EXP);

  @Property(tries = 300, seed = "20261123")
  void agreesWithTheReferenceAndStaysInRange(@ForAll long seed, @ForAll boolean graded,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    Case c = new Case(new Random(seed), graded);
    RankingScorer scorer = new RankingScorer(30).reset(c.ranked, c.length, c.relevant, c.grades);
    for (Measure m : RANKING) {
      double expected = reference(m, c.ranked, c.length, c.gradeOf, k);
      double actual = staticValue(m, c, k);
      assertEquals(expected, actual, 1e-12, m + "@" + k);
      assertTrue(actual >= 0.0 && actual <= 1.0 + 1e-15, m + " = " + actual);
      // the scorer does the same arithmetic in the same order: bit-identical
      assertEquals(actual, scorer.value(Metric.at(m, k)), 0.0, "scorer " + m + "@" + k);
    }
  }

  @Property(tries = 200, seed = "20261124")
  void aPerfectRankingScoresOne(@ForAll long seed, @ForAll boolean graded,
      @ForAll @IntRange(min = 1, max = 20) int k) {
    Case c = new Case(new Random(seed), graded);
    // put the relevant items first, in decreasing grade order, then the others
    Integer[] order = c.gradeOf.keySet().toArray(new Integer[0]);
    Arrays.sort(order, (x, y) -> Float.compare(c.gradeOf.get(y), c.gradeOf.get(x)));
    int[] perfect = new int[order.length + 3];
    for (int i = 0; i < order.length; i++) {
      perfect[i] = order[i];
    }
    for (int i = 0; i < 3; i++) {
      perfect[order.length + i] = 1000 + i;
    }
    int r = c.relevant.length;
    assertEquals(1.0, RankingMetrics.ndcg(perfect, perfect.length, c.relevant, c.grades,
        Gain.LINEAR, k), 1e-12);
    assertEquals(1.0, RankingMetrics.ndcg(perfect, perfect.length, c.relevant, c.grades,
        Gain.EXPONENTIAL, k), 1e-12);
    assertEquals(Math.min(k, r) / (double) k,
        RankingMetrics.precision(perfect, perfect.length, c.relevant, k), 1e-15);
    assertEquals(1.0, RankingMetrics.averagePrecision(perfect, perfect.length, c.relevant, k),
        1e-12);
    assertEquals(1.0, RankingMetrics.reciprocalRank(perfect, perfect.length, c.relevant, k));
  }

  @Property(tries = 200, seed = "20261125")
  void turningAMissIntoAHitNeverLowersRecallOrPrecision(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    Case c = new Case(new Random(seed), false);
    Set<Integer> relevant = new HashSet<>(c.gradeOf.keySet());
    Set<Integer> listed = new HashSet<>();
    for (int i = 0; i < c.length; i++) {
      listed.add(c.ranked[i]);
    }
    int unlisted = -1;
    for (int item : c.relevant) {
      if (!listed.contains(item)) {
        unlisted = item;
      }
    }
    int miss = -1;
    for (int i = 0; i < Math.min(k, c.length); i++) {
      if (!relevant.contains(c.ranked[i])) {
        miss = i;
      }
    }
    if (unlisted < 0 || miss < 0) {
      return; // nothing to swap in this case
    }
    int[] better = c.ranked.clone();
    better[miss] = unlisted;
    assertTrue(RankingMetrics.recall(better, c.length, c.relevant, k)
        > RankingMetrics.recall(c.ranked, c.length, c.relevant, k));
    assertTrue(RankingMetrics.precision(better, c.length, c.relevant, k)
        > RankingMetrics.precision(c.ranked, c.length, c.relevant, k));
    assertTrue(RankingMetrics.ndcg(better, c.length, c.relevant, k)
        > RankingMetrics.ndcg(c.ranked, c.length, c.relevant, k));
  }

  @Property(tries = 100, seed = "20261126")
  void aLongerListNeverLowersRecallAtTheSameK(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    Case c = new Case(new Random(seed), false);
    double previous = 0.0;
    for (int length = 0; length <= c.length; length++) {
      double recall = RankingMetrics.recall(c.ranked, length, c.relevant, k);
      assertTrue(recall >= previous);
      previous = recall;
    }
  }
}
