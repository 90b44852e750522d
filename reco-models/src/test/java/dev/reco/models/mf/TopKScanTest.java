package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import dev.reco.models.linalg.VectorOps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The tile-wise top-k selection against {@link CandidateSelector#selectByScore(float[], Source)}
 * on the whole score array, the reference every recommender uses: same items, same scores, same
 * tie order, whatever the tile sizes; and the model's lists against scores computed item by item.
 */
class TopKScanTest {
  private static final Source SOURCE = new Source("scan-test");

  private static IdIndex ids(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(prefix + i);
    }
    return IdIndex.of(ids);
  }

  /** Scores drawn from a few values (many ties), with -0.0, 0.0, NaN and infinities. */
  private static float[] scores(SplittableRandom random, int n) {
    float[] pool = {-0f, 0f, 1f, 1f, 2.5f, -3f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 0.1f};
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = random.nextInt(3) == 0 ? (float) random.nextGaussian() : pool[random.nextInt(pool.length)];
    }
    return s;
  }

  @Property(tries = 200, seed = "777")
  void equalsSelectByScoreOnTheWholeArray(@ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 40) int k, @ForAll @IntRange(min = 1, max = 70) int tile,
      @ForAll @IntRange(min = 0, max = 3) int optionIndex, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    IdIndex items = ids("i", n);
    float[] scores = scores(random, n);
    // one user (row 0) with random seen items
    int seenCount = n == 0 ? 0 : random.nextInt(Math.min(n, 30) + 1);
    int[] rows = new int[seenCount];
    int[] cols = new int[seenCount];
    for (int j = 0; j < seenCount; j++) {
      cols[j] = random.nextInt(n);
    }
    CsrMatrix seen = CsrMatrix.fromCoordinates(1, n, rows, cols, null, seenCount);
    List<String> some = new ArrayList<>();
    for (int i = 0; i < n; i += 1 + random.nextInt(5)) {
      some.add(items.idOf(i));
    }
    int modulus = 2 + random.nextInt(3);
    List<RecommendOptions> all = List.of(
        RecommendOptions.defaults(),
        RecommendOptions.builder().excludeSeen(false).build(),
        RecommendOptions.builder().deny(some).filter(i -> i % modulus != 0).build(),
        RecommendOptions.builder().recentItems(some).build());
    RecommendOptions options = all.get(optionIndex);
    assertTrue(TopKScan.applies(options));

    Recommendations expected = CandidateSelector.forUser(items, k, options, seen, 0)
        .selectByScore(scores.clone(), SOURCE);

    CandidateSelector selector = CandidateSelector.forUser(items, k, options, seen, 0);
    int[] tested = new int[Math.max(1, n)];
    TopKScan scan = new TopKScan(i -> {
      tested[i]++;
      return selector.isEligible(i);
    }, k, n);
    float[] buffer = new float[tile];
    for (int t = 0; t < n; t += tile) {
      int len = Math.min(tile, n - t);
      System.arraycopy(scores, t, buffer, 0, len);
      scan.offer(buffer, len, t);
    }
    assertEquals(expected, scan.result(items, SOURCE));
    for (int i = 0; i < n; i++) {
      assertTrue(tested[i] <= 1, "item " + i + " tested " + tested[i] + " times");
    }
  }

  @Test
  void aFullHeapRejectsEqualScoresOfLaterItems() {
    // scores 5, 5, 5, 5 with k = 2: items 0 and 1 win the tie; 2 and 3 are never tested
    IdIndex items = ids("i", 4);
    int[] tested = new int[4];
    TopKScan scan = new TopKScan(i -> ++tested[i] > 0, 2, 4);
    scan.offer(new float[] {5, 5, 5, 5}, 4, 0);
    Recommendations r = scan.result(items, SOURCE);
    assertEquals(List.of("i0", "i1"), r.itemIds());
    assertEquals(0, tested[2] + tested[3]);
  }

  @Test
  void negativeZeroIsReportedAsZeroAndNaNIsSkipped() {
    IdIndex items = ids("i", 3);
    TopKScan scan = new TopKScan(i -> true, 5, 3);
    scan.offer(new float[] {Float.NaN, -0f, -1f}, 3, 0);
    Recommendations r = scan.result(items, SOURCE);
    assertEquals(List.of("i1", "i2"), r.itemIds());
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(r.score(0)));
  }

  @Test
  void categoryCapsAndAllowListsUseTheWholeArray() {
    IdIndex items = ids("i", 3);
    assertTrue(TopKScan.applies(RecommendOptions.defaults()));
    assertFalse(TopKScan.applies(RecommendOptions.builder().allow(List.of("i1")).build()));
    ItemCategories categories = ItemCategories.builder(items).put("i0", "a").build();
    assertFalse(TopKScan.applies(RecommendOptions.builder().maxPerCategory(categories, 1).build()));
  }

  /**
   * Reference: each item's score computed alone with {@link VectorOps#dot} plus its bias, then
   * {@code selectByScore} on the whole array; the model's tile-wise lists (single and batch)
   * must equal it bit for bit, and likewise for cosine similar items.
   */
  @Property(tries = 25, seed = "9090")
  void modelListsEqualItemByItemScoring(@ForAll @IntRange(min = 1, max = 12) int users,
      @ForAll @IntRange(min = 0, max = 700) int itemCount, @ForAll @IntRange(min = 1, max = 70) int factors,
      @ForAll @IntRange(min = 1, max = 25) int k, @ForAll long seed) {
    MatrixFactorizationModel model = TestModels.random(users, itemCount, factors, seed, seed % 2 == 0);
    VectorOps ops = VectorOps.best();
    float[] q = model.itemFactors();
    float[] p = model.userFactors();
    float[] bias = model.itemBiases();
    RecommendOptions options = RecommendOptions.defaults();
    List<String> requested = new ArrayList<>();
    List<Recommendations> expected = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      if (!model.knowsUser(u)) {
        continue;
      }
      float[] s = new float[itemCount];
      for (int i = 0; i < itemCount; i++) {
        s[i] = ops.dot(p, u * factors, q, i * factors, factors);
        if (bias.length > 0) {
          s[i] += bias[i];
        }
      }
      Recommendations reference = CandidateSelector.forUser(model.items(), k, options,
          model.seen().orElse(null), u).selectByScore(s, model.source());
      String id = model.users().idOf(u);
      assertEquals(reference, model.recommend(id, k, options), id);
      requested.add(id);
      expected.add(reference);
    }
    assertEquals(expected, model.recommend(requested, k, options, 2));

    float[] norms = new float[itemCount];
    for (int i = 0; i < itemCount; i++) {
      norms[i] = (float) Math.sqrt(ops.dot(q, i * factors, q, i * factors, factors));
    }
    for (int a = 0; a < Math.min(itemCount, 5); a++) {
      float[] cos = new float[itemCount];
      for (int b = 0; b < itemCount; b++) {
        double d = (double) norms[a] * norms[b];
        cos[b] = d == 0 ? 0f : (float) (ops.dot(q, a * factors, q, b * factors, factors) / d);
      }
      Recommendations reference = CandidateSelector.forItem(model.items(), k, options, a)
          .selectByScore(cos, model.source());
      assertEquals(reference, model.similarItems(model.items().idOf(a), k), "item " + a);
    }
  }
}
