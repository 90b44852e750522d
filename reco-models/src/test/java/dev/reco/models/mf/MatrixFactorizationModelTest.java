package dev.reco.models.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed scores, similarities, biases and clipping on the models of {@link SmallModels}. */
class MatrixFactorizationModelTest {
  private static final RecommendOptions KEEP_SEEN = RecommendOptions.builder().excludeSeen(false).build();

  private final MatrixFactorizationModel plain = SmallModels.plain();
  private final MatrixFactorizationModel biased = SmallModels.biased();

  private static void assertList(Recommendations r, List<String> ids, float[] scores, float tolerance) {
    assertEquals(ids, r.itemIds(), r.toString());
    float[] actual = r.scores();
    for (int j = 0; j < scores.length; j++) {
      assertEquals(scores[j], actual[j], tolerance, "rank " + j + " of " + r);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // scores

  @Test
  void scoresAreDotProducts() {
    // alice = (1, 2): a = 1*1 + 2*0 = 1, b = 1*0.5 + 2*0.5 = 1.5, c = 1*-1 + 2*3 = 5, z = 0
    assertList(plain.recommend("alice", 10, KEEP_SEEN), List.of("c", "b", "a", "z"),
        new float[] {5f, 1.5f, 1f, 0f}, 0f);
    // bob = (0, 1): a = 0, b = 0.5, c = 3, z = 0; a and z tie at 0, lower index (a) first
    assertList(plain.recommend("bob", 10, KEEP_SEEN), List.of("c", "b", "a", "z"),
        new float[] {3f, 0.5f, 0f, 0f}, 0f);
    assertEquals(5f, plain.predict("alice", "c"));
    assertEquals(1.5f, plain.predict(0, 1));
    assertEquals(plain.source(), plain.recommend("alice", 1).source());
  }

  @Test
  void seenItemsAreExcludedByDefault() {
    // alice has seen b
    assertList(plain.recommend("alice", 10), List.of("c", "a", "z"), new float[] {5f, 1f, 0f}, 0f);
    assertList(plain.recommend("alice", 2), List.of("c", "a"), new float[] {5f, 1f}, 0f);
  }

  @Test
  void usersWithoutVectorsAreUnserved() {
    for (String user : List.of("carol", "nobody", "")) {
      Recommendations r = plain.recommend(user, 3);
      assertFalse(r.isServed(), user);
      assertTrue(r.isEmpty(), user);
      assertEquals(Source.NONE, r.source());
    }
    // dan is known with a zero vector: served, every score 0, ties by index
    assertList(plain.recommend("dan", 10), List.of("a", "b", "c", "z"), new float[] {0, 0, 0, 0}, 0f);
    assertTrue(plain.knowsUser(3));
    assertFalse(plain.knowsUser(2));
    assertFalse(plain.knowsUser(-1));
    assertFalse(plain.knowsUser(4));
  }

  @Test
  void biasesAndClippingInPredictions() {
    // mu = 3; u = (1, 0), b_u = 0.5; v = (0, 2), b_v = -1; w = (0, 0), b_w = -3
    // x = (2, 1), b_x = 0.25; y = (-1, 1), b_y = 1; clip to [1, 5]
    assertEquals(5f, biased.predict("u", "x")); // 3 + 0.5 + 0.25 + 2 = 5.75 -> 5
    assertEquals(3.5f, biased.predict("u", "y")); // 3 + 0.5 + 1 - 1 = 3.5
    assertEquals(4.25f, biased.predict("v", "x")); // 3 - 1 + 0.25 + 2 = 4.25
    assertEquals(5f, biased.predict("v", "y")); // 3 - 1 + 1 + 2 = 5
    assertEquals(1f, biased.predict("w", "x")); // 3 - 3 + 0.25 + 0 = 0.25 -> 1
    // unknown ids contribute no bias and no dot product
    assertEquals(2f, biased.predict("v", "no-such-item")); // 3 - 1
    assertEquals(3.25f, biased.predict("nobody", "x")); // 3 + 0.25
    assertEquals(3f, biased.predict("nobody", "no-such-item"));
    assertEquals(1f, biased.predict("w", "no-such-item")); // 3 - 3 = 0 -> 1
    assertEquals(3f, biased.globalMean());
    assertArrayEquals(new float[] {0.5f, -1f, -3f}, biased.userBiases());
    assertArrayEquals(new float[] {0.25f, 1f}, biased.itemBiases());
    assertEquals(1f, biased.minRating());
    assertEquals(5f, biased.maxRating());
  }

  @Test
  void rankingUsesItemBiasPlusDotWithoutClipping() {
    // u: x = 0.25 + 2 = 2.25, y = 1 - 1 = 0
    assertList(biased.recommend("u", 5), List.of("x", "y"), new float[] {2.25f, 0f}, 0f);
    // v: x = 0.25 + 2 = 2.25, y = 1 + 2 = 3; predictions 4.25 and 5 (clipped) agree on the order
    assertList(biased.recommend("v", 5), List.of("y", "x"), new float[] {3f, 2.25f}, 0f);
    // w: x = 0.25, y = 1 (both predictions clip to 1, the ranking still separates them)
    assertList(biased.recommend("w", 5), List.of("y", "x"), new float[] {1f, 0.25f}, 0f);
  }

  @Test
  void modelWithoutBiasesOrClippingReportsThat() {
    assertFalse(plain.hasBiases());
    assertEquals(0f, plain.globalMean());
    assertEquals(0, plain.userBiases().length);
    assertEquals(0, plain.itemBiases().length);
    assertTrue(Float.isNaN(plain.minRating()));
    assertTrue(Float.isNaN(plain.maxRating()));
    // no biases: unknown ids predict 0, unclipped
    assertEquals(0f, plain.predict("nobody", "a"));
  }

  // ---------------------------------------------------------------------------------------------
  // similarity

  @Test
  void similarItemsByCosine() {
    // |a| = 1, |b| = sqrt(0.5) = 0.70710678, |c| = sqrt(10) = 3.16227766, |z| = 0
    // cos(a, b) = 0.5 / (1 * 0.70710678) = 0.70710678
    // cos(a, c) = -1 / (1 * 3.16227766) = -0.31622777
    // cos(a, z) = 0 (zero vector)
    assertList(plain.similarItems("a", 10), List.of("b", "z", "c"),
        new float[] {0.70710678f, 0f, -0.31622777f}, 1e-6f);
    // cos(c, b) = (-0.5 + 1.5) / (3.16227766 * 0.70710678) = 1 / 2.23606798 = 0.44721360
    assertList(plain.similarItems("c", 10), List.of("b", "z", "a"),
        new float[] {0.44721360f, 0f, -0.31622777f}, 1e-6f);
    // cos(b, a) = 0.70710678, cos(b, c) = 0.44721360
    assertList(plain.similarItems("b", 2), List.of("a", "c"),
        new float[] {0.70710678f, 0.44721360f}, 1e-6f);
  }

  @Test
  void zeroVectorsHaveSimilarityZeroNeverNaN() {
    // z = (0, 0): every similarity is 0, ranked by index
    Recommendations r = plain.similarItems("z", 10);
    assertList(r, List.of("a", "b", "c"), new float[] {0f, 0f, 0f}, 0f);
    assertTrue(r.isServed());
    // dan = (0, 0): similarity 0 to everyone
    assertList(plain.similarUsers("dan", 10), List.of("alice", "bob"), new float[] {0f, 0f}, 0f);
  }

  @Test
  void similarItemsAppliesOptions() {
    RecommendOptions deny = RecommendOptions.builder().deny(List.of("b")).build();
    assertEquals(List.of("z", "c"), plain.similarItems("a", 10, deny).itemIds());
    RecommendOptions recent = RecommendOptions.builder().recentItems(List.of("z")).build();
    assertEquals(List.of("b", "c"), plain.similarItems("a", 10, recent).itemIds());
  }

  @Test
  void similarUsersByCosineAmongKnownUsers() {
    // |alice| = sqrt(5) = 2.23606798, |bob| = 1; cos = 2 / 2.23606798 = 0.89442719
    // carol is unknown (never listed), dan is the zero vector (0)
    Recommendations r = plain.similarUsers("alice", 10);
    assertList(r, List.of("bob", "dan"), new float[] {0.89442719f, 0f}, 1e-6f);
    assertEquals(plain.users(), r.items());
    assertEquals(plain.source(), r.source());
    assertList(plain.similarUsers("bob", 1), List.of("alice"), new float[] {0.89442719f}, 1e-6f);
  }

  @Test
  void unknownIdsGiveUnservedSimilarityLists() {
    for (String item : List.of("no-such-item", "")) {
      Recommendations r = plain.similarItems(item, 3);
      assertFalse(r.isServed());
      assertTrue(r.isEmpty());
      assertEquals(plain.items(), r.items());
    }
    for (String user : List.of("nobody", "carol")) {
      Recommendations r = plain.similarUsers(user, 3);
      assertFalse(r.isServed(), user);
      assertTrue(r.isEmpty(), user);
      assertEquals(plain.users(), r.items());
    }
  }

  @Test
  void similarityArgumentsAreChecked() {
    assertTrue(plain.supportsSimilarItems());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.similarUsers("alice", 0));
    assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> plain.similarItems("no-such-item", -1));
    assertTrue(e.getMessage().contains("k = -1"), e.getMessage());
    assertThrows(NullPointerException.class, () -> plain.similarUsers(null, 3));
    assertThrows(NullPointerException.class, () -> plain.similarItems("a", 3, null));
  }

  @Test
  void similarityOnlyUsersOrItemsAlone() {
    // a model of one item and one user: nothing else to list, but the request is served
    MatrixFactorizationModel one = MatrixFactorizationModel.builder(IdIndex.of("u"), IdIndex.of("i"), 1)
        .userFactors(new float[] {1}).itemFactors(new float[] {2})
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
    Recommendations items = one.similarItems("i", 5);
    assertTrue(items.isServed());
    assertTrue(items.isEmpty());
    Recommendations users = one.similarUsers("u", 5);
    assertTrue(users.isServed());
    assertTrue(users.isEmpty());
  }

  // ---------------------------------------------------------------------------------------------
  // batch arguments, accessors, equality

  @Test
  void batchArgumentsAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.recommend(List.of("alice"), 3, RecommendOptions.defaults(), 0));
    assertTrue(e.getMessage().contains("threads = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> plain.recommendAll(0, RecommendOptions.defaults(), 2));
    assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> plain.recommendAll(3, RecommendOptions.defaults(), -1));
    assertTrue(e.getMessage().contains("threads = -1"), e.getMessage());
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> plain.recommend(java.util.Arrays.asList("alice", null), 3, RecommendOptions.defaults()));
    assertTrue(npe.getMessage().contains("userIds[1]"), npe.getMessage());
    assertThrows(NullPointerException.class, () -> plain.recommendAll(3, null, 1));
  }

  @Test
  void recommendAllListsEveryUserIndex() {
    List<Recommendations> all = plain.recommendAll(2, RecommendOptions.defaults(), 2);
    assertEquals(4, all.size());
    assertEquals(List.of("c", "a"), all.get(0).itemIds()); // alice, b seen
    assertEquals(List.of("c", "b"), all.get(1).itemIds()); // bob
    assertFalse(all.get(2).isServed()); // carol unknown
    assertEquals(List.of("a", "b"), all.get(3).itemIds()); // dan, all zeros
  }

  @Test
  void accessorsReturnCopies() {
    float[] factors = plain.userFactors();
    factors[0] = 99;
    assertEquals(1f, plain.userFactors()[0]);
    assertArrayEquals(new float[] {-1, 3}, plain.itemVector(2));
    assertArrayEquals(new float[] {1, 2}, plain.userVector(0));
    assertThrows(IndexOutOfBoundsException.class, () -> plain.userVector(4));
    assertThrows(IndexOutOfBoundsException.class, () -> plain.itemVector(-1));
    CsrMatrix seen = plain.seen().orElseThrow();
    assertArrayEquals(new int[] {1}, seen.rowColumns(0));
    assertTrue(biased.seen().isEmpty());
  }

  @Test
  void equalityIsBitForBit() {
    assertEquals(SmallModels.plain(), plain);
    assertEquals(SmallModels.plain().hashCode(), plain.hashCode());
    assertNotEquals(plain, biased);
    MatrixFactorizationModel other = MatrixFactorizationModel.builder(plain.users(), plain.items(), 2)
        .userFactors(plain.userFactors()).itemFactors(new float[] {1, 0, 0.5f, 0.5f, -1, 3, 0, -0f})
        .knownUsers(new boolean[] {true, true, false, true}).seen(plain.seen().orElseThrow())
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
    assertNotEquals(plain, other, "-0.0 differs from 0.0 in its bits");
    MatrixFactorizationModel noSeen = MatrixFactorizationModel.builder(plain.users(), plain.items(), 2)
        .userFactors(plain.userFactors()).itemFactors(plain.itemFactors())
        .knownUsers(new boolean[] {true, true, false, true})
        .provenance(TestModels.provenance()).source(TestModels.SOURCE).build();
    assertNotEquals(plain, noSeen);
    MatrixFactorizationModel otherSource = MatrixFactorizationModel.builder(plain.users(), plain.items(), 2)
        .userFactors(plain.userFactors()).itemFactors(plain.itemFactors())
        .knownUsers(new boolean[] {true, true, false, true}).seen(plain.seen().orElseThrow())
        .provenance(TestModels.provenance()).source(new Source("als")).build();
    assertNotEquals(plain, otherSource);
    assertTrue(plain.toString().contains("users=4"), plain.toString());
    assertTrue(biased.toString().contains("clip=[1.0, 5.0]"), biased.toString());
  }

  @Test
  void builderRejectsBadInputNamingTheValue() {
    var b = MatrixFactorizationModel.builder(IdIndex.of("u"), IdIndex.of("i"), 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.userFactors(new float[] {1, Float.NaN}));
    assertTrue(e.getMessage().contains("userFactors[1] = NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.itemFactors(new float[] {1}));
    assertTrue(e.getMessage().contains("itemFactors has 1 values; expected 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MatrixFactorizationModel.builder(IdIndex.of("u"), IdIndex.of("i"), 0));
    assertTrue(e.getMessage().contains("factors = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.clip(5, 1));
    assertTrue(e.getMessage().contains("[5.0, 1.0]"), e.getMessage());
    assertThrows(IllegalStateException.class, b::build);
  }
}
