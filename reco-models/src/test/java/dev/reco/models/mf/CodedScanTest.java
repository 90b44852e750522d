package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.models.linalg.VectorOps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Catalogs of {@value MatrixFactorizationModel#CODED_SCAN_MIN_ITEMS} items or more are served by
 * a first pass over 8-bit item codes and an exact rescoring of the survivors. The lists must be
 * the float scan's lists bit for bit: checked against every item scored with {@link VectorOps#dot}
 * plus its bias and {@code selectByScore} on the whole array, on factors built to stress the
 * bound (duplicate items, hence exact ties; near-ties one ulp apart; zero rows; rows scaled by
 * powers of two from 2^-30 to 2^30; one large entry per row, which makes the codes coarse).
 */
class CodedScanTest {

  /** Item rows of one of several shapes, chosen per row. */
  private static float[] adversarialItems(SplittableRandom random, int items, int factors) {
    float[] q = new float[items * factors];
    for (int i = 0; i < items; i++) {
      int off = i * factors;
      int shape = random.nextInt(8);
      if (shape == 0 && i > 0) {
        // a duplicate of an earlier row: an exact tie
        int other = random.nextInt(i);
        System.arraycopy(q, other * factors, q, off, factors);
      } else if (shape == 1 && i > 0) {
        // an earlier row nudged by one ulp in one factor: a near-tie
        int other = random.nextInt(i);
        System.arraycopy(q, other * factors, q, off, factors);
        int j = off + random.nextInt(factors);
        q[j] = random.nextBoolean() ? Math.nextUp(q[j]) : Math.nextDown(q[j]);
      } else if (shape == 2) {
        continue; // a zero row
      } else {
        double scale = Math.scalb(1.0, shape == 3 ? random.nextInt(61) - 30 : 0);
        for (int j = 0; j < factors; j++) {
          q[off + j] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        if (shape == 4) {
          q[off + random.nextInt(factors)] = (float) (1000 * scale);
        }
      }
    }
    return q;
  }

  private static MatrixFactorizationModel model(int users, int items, int factors, boolean biases,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> userIds = TestModels.ids("u", users);
    List<String> itemIds = TestModels.ids("i", items);
    int[] rows = new int[users * 20];
    int[] cols = new int[rows.length];
    for (int p = 0; p < rows.length; p++) {
      rows[p] = p / 20;
      cols[p] = random.nextInt(items);
    }
    float[] p = TestModels.random(random, users * factors);
    // one user with a zero vector, one with a huge one
    java.util.Arrays.fill(p, 0, factors, 0f);
    if (users > 1) {
      for (int j = factors; j < 2 * factors; j++) {
        p[j] *= 1e6f;
      }
    }
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(IdIndex.of(userIds),
            IdIndex.of(itemIds), factors)
        .userFactors(p)
        .itemFactors(adversarialItems(random, items, factors))
        .seen(CsrMatrix.fromCoordinates(users, items, rows, cols, null, rows.length))
        .provenance(TestModels.provenance()).source(TestModels.SOURCE);
    if (biases) {
      float[] bias = TestModels.random(random, items);
      for (int i = 0; i < items; i += 3) {
        bias[i] = 0f;
      }
      b.biases(3f, TestModels.random(random, users), bias);
    }
    return b.build();
  }

  private static Recommendations reference(MatrixFactorizationModel model, int u, int k,
      RecommendOptions options) {
    VectorOps ops = VectorOps.best();
    int n = model.items().size();
    int f = model.factors();
    float[] p = model.userFactors();
    float[] q = model.itemFactors();
    float[] bias = model.itemBiases();
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = ops.dot(q, i * f, p, u * f, f);
      if (bias.length > 0) {
        s[i] += bias[i];
      }
    }
    return CandidateSelector.forUser(model.items(), k, options, model.seen().orElse(null), u)
        .selectByScore(s, model.source());
  }

  @Property(tries = 40, seed = "20261123")
  void listsEqualTheFloatScanBitForBit(
      @ForAll @IntRange(min = 1024, max = 2600) int items,
      @ForAll @IntRange(min = 1, max = 70) int factors,
      @ForAll @IntRange(min = 0, max = 3) int kIndex,
      @ForAll @IntRange(min = 0, max = 2) int optionIndex,
      @ForAll long seed) {
    MatrixFactorizationModel model = model(4, items, factors, seed % 2 == 0, seed);
    int k = new int[] {1, 10, 57, 3000}[kIndex];
    List<String> some = new ArrayList<>();
    for (int i = 0; i < items; i += 1 + (int) Math.floorMod(seed, 5L)) {
      some.add(model.items().idOf(i));
    }
    RecommendOptions options = List.of(
        RecommendOptions.defaults(),
        RecommendOptions.builder().excludeSeen(false).build(),
        RecommendOptions.builder().deny(some).filter(i -> i % 3 != 1).build()).get(optionIndex);
    MatrixFactorizationModel floatScan = model.withCodedScan(false);
    assertTrue(model.codedScan());
    assertEquals(model, floatScan);
    for (int u = 0; u < 4; u++) {
      Recommendations expected = reference(model, u, k, options);
      assertEquals(expected, model.recommend("u" + u, k, options), "user " + u);
      assertEquals(expected, floatScan.recommend("u" + u, k, options), "user " + u);
    }
  }

  private static Recommendations cosineReference(MatrixFactorizationModel model, int query, int k,
      RecommendOptions options) {
    VectorOps ops = VectorOps.best();
    int n = model.items().size();
    int f = model.factors();
    float[] q = model.itemFactors();
    float[] norms = new float[n];
    for (int i = 0; i < n; i++) {
      norms[i] = (float) Math.sqrt(ops.dot(q, i * f, q, i * f, f));
    }
    float[] cos = new float[n];
    for (int i = 0; i < n; i++) {
      double d = (double) norms[query] * norms[i];
      cos[i] = d == 0 ? 0f : (float) (ops.dot(q, i * f, q, query * f, f) / d);
    }
    return CandidateSelector.forItem(model.items(), k, options, query)
        .selectByScore(cos, model.source());
  }

  /**
   * Few factors crowd the cosines near the top of a list (two factors: the cosine of an angle),
   * so approximate scores order them wrongly and only the bound keeps the list exact.
   */
  @Property(tries = 40, seed = "20261125")
  void similarItemsEqualTheFloatScanBitForBit(
      @ForAll @IntRange(min = 1024, max = 2600) int items,
      @ForAll("fewOrMany") int factors,
      @ForAll @IntRange(min = 0, max = 3) int kIndex,
      @ForAll long seed) {
    MatrixFactorizationModel model = model(2, items, factors, seed % 2 == 0, seed);
    MatrixFactorizationModel floatScan = model.withCodedScan(false);
    int k = new int[] {1, 10, 57, 3000}[kIndex];
    RecommendOptions options = seed % 3 == 0 ? RecommendOptions.defaults()
        : RecommendOptions.builder().filter(i -> i % 5 != 2).build();
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 4; trial++) {
      int query = random.nextInt(items);
      String id = model.items().idOf(query);
      Recommendations expected = cosineReference(model, query, k, options);
      assertEquals(expected, model.similarItems(id, k, options), "query " + query);
      assertEquals(expected, floatScan.similarItems(id, k, options), "query " + query);
    }
  }

  @Provide
  Arbitrary<Integer> fewOrMany() {
    return Arbitraries.oneOf(Arbitraries.integers().between(2, 4),
        Arbitraries.integers().between(5, 70));
  }

  @Test
  void theFilterIsCalledAtMostOncePerItem() {
    MatrixFactorizationModel model = model(2, 3000, 16, true, 5);
    int[] calls = new int[3000];
    RecommendOptions options = RecommendOptions.builder().filter(i -> {
      calls[i]++;
      return i % 2 == 0;
    }).build();
    Recommendations r = model.recommend("u1", 20, options);
    assertEquals(reference(model, 1, 20, RecommendOptions.builder().filter(i -> i % 2 == 0)
        .build()), r);
    int called = 0;
    for (int c : calls) {
      assertTrue(c <= 1);
      called += c;
    }
    // the first comparison rejects most items before the filter is asked
    assertTrue(called < 1500, "filter called for " + called + " of 3000 items");
  }

  @Test
  void boundsHoldForEveryRow() {
    // |s * scoreCodes(x) - dot(x, v)| <= |x| * slack for every row, with either kernel
    SplittableRandom random = new SplittableRandom(11);
    int rows = 500;
    int n = 37;
    float[] m = adversarialItems(random, rows, n);
    QuantizedRows q = QuantizedRows.of(m, rows, n, null);
    for (VectorOps ops : List.of(VectorOps.scalar(), VectorOps.best())) {
      for (int trial = 0; trial < 20; trial++) {
        float[] x = TestModels.random(random, n);
        double norm = 0;
        for (float v : x) {
          norm += (double) v * v;
        }
        norm = Math.sqrt(norm);
        float[] approx = new float[rows];
        ops.scoreCodes(q.codes, 0, rows, n, x, 0, approx, 0);
        for (int r = 0; r < rows; r++) {
          double a = approx[r] * (double) q.scales[r];
          float exact = ops.dot(m, r * n, x, 0, n);
          assertTrue(Math.abs(a - exact) <= norm * q.slack[r] + n * (double) Float.MIN_NORMAL,
              ops.name() + " row " + r + ": " + a + " vs " + exact + ", bound "
                  + norm * q.slack[r]);
        }
      }
    }
  }

  @Test
  void codesUseTheWholeRangeAndZeroRowsStayZero() {
    float[] m = {0.75f, -1f, 0.25f, 0f, 0f, 0f};
    QuantizedRows q = QuantizedRows.of(m, 2, 3, new float[] {2f, -7f});
    // row 0: scale 1/127, codes round(v * 127) = 95 (95.25), -127, 32 (31.75)
    assertEquals(1f / 127, q.scales[0]);
    assertEquals(95, q.codes[0]);
    assertEquals(-127, q.codes[1]);
    assertEquals(32, q.codes[2]);
    assertEquals(0f, q.scales[1]);
    assertEquals(0f, q.slack[1]);
    assertEquals(7.0, q.maxOffset);
    assertTrue(q.slack[0] > 0 && q.slack[0] < 0.01f, "slack " + q.slack[0]);
  }
}
