package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Adding users and items without retraining. */
class WithUsersAndItemsTest {
  private static final RecommendOptions KEEP_SEEN = RecommendOptions.builder().excludeSeen(false).build();

  private final MatrixFactorizationModel plain = SmallModels.plain();
  private final MatrixFactorizationModel biased = SmallModels.biased();

  @Test
  void newUsersFollowTheExistingOnesAndAreServed() {
    MatrixFactorizationModel grown = plain.withUsers(List.of("erin", "frank"), new float[] {1, 1, 0, -1});
    assertEquals(List.of("alice", "bob", "carol", "dan", "erin", "frank"), grown.users().ids());
    assertEquals(plain.items(), grown.items());
    assertTrue(grown.knowsUser(4));
    assertTrue(grown.knowsUser(5));
    assertFalse(grown.knowsUser(2), "carol stays unknown");
    assertArrayEquals(new float[] {0, -1}, grown.userVector(5));
    // erin = (1, 1): a = 1, b = 1, c = 2, z = 0; a and b tie, lower index first; nothing seen
    Recommendations r = grown.recommend("erin", 10);
    assertEquals(List.of("c", "a", "b", "z"), r.itemIds());
    assertArrayEquals(new float[] {2, 1, 1, 0}, r.scores());
    // existing users keep their lists, seen items included
    assertEquals(plain.recommend("alice", 10), grown.recommend("alice", 10));
    assertEquals(5, grown.seen().orElseThrow().numRows() - 1);
    assertEquals(0, grown.seen().orElseThrow().rowLength(4));
    // the original is unchanged
    assertEquals(4, plain.users().size());
    assertFalse(plain.recommend("erin", 3).isServed());
    assertEquals(plain.provenance(), grown.provenance());
    assertEquals(plain.source(), grown.source());
  }

  @Test
  void newItemsAreRecommendedToEveryoneAndNobodyHasSeenThem() {
    MatrixFactorizationModel grown = plain.withItems(List.of("d"), new float[] {2, 2});
    assertEquals(List.of("a", "b", "c", "z", "d"), grown.items().ids());
    // alice = (1, 2): d = 2 + 4 = 6 ranks first; b (seen) is still excluded
    Recommendations r = grown.recommend("alice", 10);
    assertEquals(List.of("d", "c", "a", "z"), r.itemIds());
    assertArrayEquals(new float[] {6, 5, 1, 0}, r.scores());
    assertEquals(5, grown.seen().orElseThrow().numCols());
    // cos(a, d) = 2 / (1 * sqrt(8)) = 0.70710678
    Recommendations similar = grown.similarItems("a", 10);
    assertTrue(similar.contains(4));
    assertEquals(0.70710678f, similar.score(similar.itemIds().indexOf("d")), 1e-6f);
  }

  @Test
  void biasesOfNewUsersAndItemsDefaultToZero() {
    MatrixFactorizationModel grown = biased.withUsers(List.of("t"), new float[] {1, 1})
        .withItems(List.of("s"), new float[] {0, 1});
    // t = (1, 1), b_t = 0: predict(t, x) = 3 + 0 + 0.25 + 3 = 6.25 -> 5; (t, s) = 3 + 0 + 0 + 1 = 4
    assertEquals(5f, grown.predict("t", "x"));
    assertEquals(4f, grown.predict("t", "s"));
    // u = (1, 0), b_u = 0.5: (u, s) = 3 + 0.5 + 0 + 0 = 3.5
    assertEquals(3.5f, grown.predict("u", "s"));
    assertArrayEquals(new float[] {0.5f, -1f, -3f, 0f}, grown.userBiases());
    assertArrayEquals(new float[] {0.25f, 1f, 0f}, grown.itemBiases());
  }

  @Test
  void givenBiasesAreUsed() {
    MatrixFactorizationModel grown = biased.withUsers(List.of("t"), new float[] {1, 1}, new float[] {-0.5f})
        .withItems(List.of("s"), new float[] {0, 1}, new float[] {0.75f});
    // (t, s) = 3 - 0.5 + 0.75 + 1 = 4.25; ranking score for t: s = 0.75 + 1 = 1.75, x = 0.25 + 3
    assertEquals(4.25f, grown.predict("t", "s"));
    Recommendations r = grown.recommend("t", 3);
    assertEquals(List.of("x", "s", "y"), r.itemIds());
    assertArrayEquals(new float[] {3.25f, 1.75f, 1f}, r.scores());
  }

  @Test
  void biasesForAModelWithoutBiasesAreRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> plain.withUsers(List.of("t"), new float[] {1, 1}, new float[] {1}));
    assertTrue(e.getMessage().contains("no biases"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> plain.withItems(List.of("t"), new float[] {1, 1}, new float[] {1}));
  }

  @Test
  void existingAndRepeatedIdsAreErrorsNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.withUsers(List.of("erin", "bob"), new float[4]));
    assertTrue(e.getMessage().contains("userIds[1] = 'bob'"), e.getMessage());
    assertTrue(e.getMessage().contains("already a user"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> plain.withItems(List.of("q", "r", "q"), new float[6]));
    assertTrue(e.getMessage().contains("itemIds[2] = 'q' repeats itemIds[0]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> plain.withItems(List.of("c"), new float[2]));
    assertTrue(e.getMessage().contains("itemIds[0] = 'c' is already an item of the model (index 2)"),
        e.getMessage());
    // carol has no vector but is in the index: still an existing id
    e = assertThrows(IllegalArgumentException.class, () -> plain.withUsers(List.of("carol"), new float[2]));
    assertTrue(e.getMessage().contains("'carol'"), e.getMessage());
  }

  @Test
  void badVectorsAreRejectedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.withUsers(List.of("t"), new float[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("vectors has 3 values; expected 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> plain.withItems(List.of("t"), new float[] {1, Float.NaN}));
    assertTrue(e.getMessage().contains("vectors[1] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> biased.withUsers(List.of("t"), new float[] {1, 1}, new float[] {1, 2}));
    assertTrue(e.getMessage().contains("biases has 2 values; expected one per id (1)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> biased.withItems(List.of("t"), new float[] {1, 1}, new float[] {Float.POSITIVE_INFINITY}));
    assertTrue(e.getMessage().contains("biases[0] = Infinity"), e.getMessage());
    assertThrows(NullPointerException.class, () -> plain.withUsers(null, new float[0]));
    assertThrows(NullPointerException.class, () -> plain.withUsers(List.of("t"), null));
    assertThrows(NullPointerException.class,
        () -> plain.withUsers(java.util.Arrays.asList("t", null), new float[4]));
  }

  @Test
  void addingNothingReturnsTheSameModel() {
    assertSame(plain, plain.withUsers(List.of(), new float[0]));
    assertSame(biased, biased.withItems(List.of(), new float[0], new float[0]));
  }

  @Test
  void aGrownModelRoundTripsThroughTheFormat() {
    MatrixFactorizationModel grown = biased.withUsers(List.of("t"), new float[] {1, 1})
        .withItems(List.of("s"), new float[] {0, 1});
    assertEquals(grown, MatrixFactorizationFormat.fromBytes(MatrixFactorizationFormat.toBytes(grown)));
  }

  /**
   * Reference: a model built from scratch with all ids, the old seen rows, and the new users
   * known, equals the grown model; and adding users never changes old users' lists.
   */
  @Property(tries = 30, seed = "4242")
  void growingEqualsBuildingWithEverything(@ForAll @IntRange(min = 1, max = 30) int users,
      @ForAll @IntRange(min = 1, max = 40) int items, @ForAll @IntRange(min = 1, max = 6) int factors,
      @ForAll @IntRange(min = 0, max = 5) int newUsers, @ForAll @IntRange(min = 0, max = 5) int newItems,
      @ForAll long seed) {
    boolean biases = seed % 2 == 0;
    MatrixFactorizationModel base = TestModels.random(users, items, factors, seed, biases);
    SplittableRandom random = new SplittableRandom(seed + 1);
    List<String> userIds = new ArrayList<>();
    for (int j = 0; j < newUsers; j++) {
      userIds.add("new-user-" + j);
    }
    List<String> itemIds = new ArrayList<>();
    for (int j = 0; j < newItems; j++) {
      itemIds.add("new-item-" + j);
    }
    float[] userVectors = TestModels.random(random, newUsers * factors);
    float[] itemVectors = TestModels.random(random, newItems * factors);
    MatrixFactorizationModel grown = base.withUsers(userIds, userVectors).withItems(itemIds, itemVectors);

    List<String> allUsers = new ArrayList<>(base.users().ids());
    allUsers.addAll(userIds);
    List<String> allItems = new ArrayList<>(base.items().ids());
    allItems.addAll(itemIds);
    float[] p = new float[allUsers.size() * factors];
    System.arraycopy(base.userFactors(), 0, p, 0, users * factors);
    System.arraycopy(userVectors, 0, p, users * factors, userVectors.length);
    float[] q = new float[allItems.size() * factors];
    System.arraycopy(base.itemFactors(), 0, q, 0, items * factors);
    System.arraycopy(itemVectors, 0, q, items * factors, itemVectors.length);
    boolean[] known = new boolean[allUsers.size()];
    for (int u = 0; u < known.length; u++) {
      known[u] = u >= users || base.knowsUser(u);
    }
    dev.reco.core.CsrMatrix oldSeen = base.seen().orElseThrow();
    int[] rows = new int[oldSeen.nnz()];
    int[] cols = new int[oldSeen.nnz()];
    float[] values = new float[oldSeen.nnz()];
    for (int u = 0; u < users; u++) {
      for (int pos = oldSeen.rowStart(u); pos < oldSeen.rowEnd(u); pos++) {
        rows[pos] = u;
        cols[pos] = oldSeen.columnAt(pos);
        values[pos] = oldSeen.valueAt(pos);
      }
    }
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(
            dev.reco.core.IdIndex.of(allUsers), dev.reco.core.IdIndex.of(allItems), factors)
        .userFactors(p).itemFactors(q).knownUsers(known)
        .seen(dev.reco.core.CsrMatrix.fromCoordinates(allUsers.size(), allItems.size(), rows, cols,
            values, rows.length))
        .provenance(base.provenance()).source(base.source());
    if (biases) {
      b.biases(base.globalMean(), java.util.Arrays.copyOf(base.userBiases(), allUsers.size()),
          java.util.Arrays.copyOf(base.itemBiases(), allItems.size())).clip(base.minRating(), base.maxRating());
    }
    assertEquals(b.build(), grown);

    MatrixFactorizationModel moreUsers = base.withUsers(userIds, userVectors);
    for (int u = 0; u < users; u++) {
      String id = base.users().idOf(u);
      assertEquals(base.recommend(id, 5), moreUsers.recommend(id, 5), id);
      assertEquals(base.recommend(id, 5, KEEP_SEEN), moreUsers.recommend(id, 5, KEEP_SEEN), id);
    }
  }
}
