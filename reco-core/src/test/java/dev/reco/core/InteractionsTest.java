package dev.reco.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InteractionsTest {

  private static Interactions.Builder sample(DuplicatePolicy policy) {
    return Interactions.builder(policy)
        .add("alice", "book", 3f, 100L, "view")
        .add("bob", "pen", 1f, 50L, "view")
        .add("alice", "book", 5f, 300L, "purchase")
        .add("alice", "pen", 2f, 200L, "view")
        .add("alice", "book", 4f, 200L, "cart");
  }

  @Test
  void sumAddsValuesAndKeepsTheLatestTimestampAndType() {
    Interactions x = sample(DuplicatePolicy.SUM).build();
    assertEquals(3, x.size());
    // rows sorted by (user, item): alice=0, bob=1; book=0, pen=1
    assertEquals(0, x.user(0));
    assertEquals(0, x.item(0));
    assertEquals(12f, x.value(0));
    assertEquals(300L, x.timestamp(0));
    assertEquals("purchase", x.eventTypes().idOf(x.eventType(0)));
    assertEquals(2f, x.value(1));
    assertEquals(1, x.user(2));
  }

  @Test
  void lastKeepsTheRowWithTheLatestTimestamp() {
    Interactions x = sample(DuplicatePolicy.LAST).build();
    assertEquals(5f, x.value(0));
    assertEquals(300L, x.timestamp(0));
  }

  @Test
  void lastBreaksTimestampTiesByInsertionOrder() {
    Interactions x = Interactions.builder(DuplicatePolicy.LAST)
        .add("u", "i", 1f, 10L).add("u", "i", 2f, 10L).add("u", "i", 3f, 5L).build();
    assertEquals(2f, x.value(0));
  }

  @Test
  void maxKeepsTheLargestValueWithItsTimestamp() {
    Interactions x = sample(DuplicatePolicy.MAX).build();
    assertEquals(5f, x.value(0));
    assertEquals(300L, x.timestamp(0));
    Interactions y = Interactions.builder(DuplicatePolicy.MAX)
        .add("u", "i", 4f, 10L).add("u", "i", 1f, 99L).build();
    assertEquals(4f, y.value(0));
    assertEquals(10L, y.timestamp(0));
  }

  @Test
  void keepAllKeepsInsertionOrder() {
    Interactions.Builder b = sample(DuplicatePolicy.KEEP_ALL);
    Interactions x = b.build();
    assertEquals(5, x.size());
    assertEquals(0, b.mergedDuplicates());
    assertArrayEquals(new float[] {3, 1, 5, 2, 4}, x.valueColumn());
    // the CSR view sums duplicates
    assertEquals(12f, x.byUser().get(0, 0));
  }

  @Test
  void reportsMergedDuplicates() {
    Interactions.Builder b = sample(DuplicatePolicy.SUM);
    assertThrows(IllegalStateException.class, b::mergedDuplicates);
    b.build();
    assertEquals(2, b.mergedDuplicates());
  }

  @Test
  void implicitRowsWithoutTimestamps() {
    Interactions x = Interactions.builder(DuplicatePolicy.SUM).add("u", "a", 1f).add("u", "b", 1f).build();
    assertFalse(x.hasTimestamps());
    assertFalse(x.hasEventTypes());
    assertEquals(0, x.eventTypes().size());
    assertThrows(IllegalStateException.class, () -> x.timestamp(0));
    assertThrows(IllegalStateException.class, () -> x.eventType(0));
    assertEquals(8L * 0 + 24, x.columnBytes());
  }

  @Test
  void rejectsNonFiniteValuesAndNullIds() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM);
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> b.add("u", "i", Float.NaN));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.add("u", "i", Float.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> b.add(null, "i", 1f));
    assertThrows(IllegalArgumentException.class, () -> b.add("u", null, 1f));
    assertThrows(IllegalArgumentException.class, () -> b.add("u", "i", 1f, 0L, null));
    assertEquals(0, b.size());
  }

  @Test
  void rowsMustAgreeOnOptionalColumns() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM).add("u", "i", 1f, 5L);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.add("u", "j", 1f));
    assertTrue(e.getMessage().contains("timestamps"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> b.add("u", "j", 1f, 5L, "view"));
  }

  @Test
  void sumOverflowIsAnErrorNotInfinity() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .add("u", "i", Float.MAX_VALUE).add("u", "i", Float.MAX_VALUE);
    assertThrows(IllegalArgumentException.class, b::build);
  }

  @Test
  void fixedIndexesRejectUnknownIds() {
    IdIndex users = IdIndex.of("u1", "u2");
    IdIndex items = IdIndex.of("i1");
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM).userIndex(users).itemIndex(items);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add("u3", "i1", 1f));
    assertTrue(e.getMessage().contains("'u3'"), e.getMessage());
    b.add("u2", "i1", 1f, 1L);
    b.addIndexed(0, 0, 2f, 7L);
    Interactions x = Interactions.builder(DuplicatePolicy.SUM).userIndex(users).itemIndex(items)
        .addIndexed(1, 0, 1f, 3L).build();
    assertEquals(2, x.numUsers());
    assertEquals(1, x.activeUsers());
    assertThrows(IllegalArgumentException.class,
        () -> Interactions.builder(DuplicatePolicy.SUM).userIndex(users).itemIndex(items).addIndexed(2, 0, 1f, 0L));
    assertThrows(IllegalStateException.class,
        () -> Interactions.builder(DuplicatePolicy.SUM).addIndexed(0, 0, 1f, 0L));
    assertThrows(IllegalStateException.class,
        () -> Interactions.builder(DuplicatePolicy.SUM).add("a", "b", 1f).userIndex(users));
    assertThrows(IllegalStateException.class,
        () -> Interactions.builder(DuplicatePolicy.SUM).userIndex(users).userIndex(users));
  }

  @Test
  void selectSharesIndexesAndKeepsGivenOrder() {
    Interactions x = sample(DuplicatePolicy.KEEP_ALL).build();
    Interactions s = x.select(new int[] {4, 1});
    assertEquals(2, s.size());
    assertTrue(s.users() == x.users());
    assertEquals(4f, s.value(0));
    assertEquals("cart", s.eventTypes().idOf(s.eventType(0)));
    assertEquals(50L, s.timestamp(1));
    assertThrows(IndexOutOfBoundsException.class, () -> x.select(new int[] {5}));
  }

  @Test
  void csrViewsHaveBothOrientations() {
    Interactions x = sample(DuplicatePolicy.SUM).build();
    CsrMatrix byUser = x.byUser();
    CsrMatrix byItem = x.byItem();
    assertTrue(byUser == x.byUser(), "views are cached");
    assertEquals(2, byUser.numRows());
    assertEquals(2, byItem.numRows());
    assertEquals(byUser.get(0, 1), byItem.get(1, 0));
    assertArrayEquals(new int[] {2, 1}, x.userCounts());
    assertArrayEquals(new int[] {1, 2}, x.itemCounts());
  }

  @Test
  void fingerprintDependsOnContent() {
    DataFingerprint a = sample(DuplicatePolicy.SUM).build().fingerprint();
    DataFingerprint b = sample(DuplicatePolicy.SUM).build().fingerprint();
    DataFingerprint c = sample(DuplicatePolicy.LAST).build().fingerprint();
    assertEquals(a, b);
    assertNotEquals(a.contentHash(), c.contentHash());
    assertEquals(3, a.rows());
    assertEquals(64, a.contentHash().length());
  }

  @Test
  void emptyBuilderGivesAnEmptyTable() {
    Interactions x = Interactions.builder(DuplicatePolicy.SUM).build();
    assertTrue(x.isEmpty());
    assertEquals(0, x.numUsers());
    assertEquals(0, x.byUser().nnz());
  }

  @Test
  void fromColumnsRoundTripsAndValidates() {
    Interactions x = sample(DuplicatePolicy.KEEP_ALL).build();
    Interactions y = Interactions.fromColumns(x.users(), x.items(), x.eventTypes(), x.userColumn(),
        x.itemColumn(), x.valueColumn(), x.timestampColumn(), x.eventTypeColumn());
    assertEquals(x, y);
    assertEquals(x.fingerprint(), y.fingerprint());
    IdIndex one = IdIndex.of("a");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interactions.fromColumns(
        one, one, null, new int[] {0, 1}, new int[] {0, 0}, new float[] {1, 1}, null, null));
    assertTrue(e.getMessage().contains("user[1] = 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Interactions.fromColumns(
        one, one, null, new int[] {0}, new int[] {0}, new float[] {Float.NaN}, null, null));
    assertThrows(IllegalArgumentException.class, () -> Interactions.fromColumns(
        one, one, null, new int[] {0}, new int[] {0, 0}, new float[] {1}, null, null));
    assertThrows(IllegalArgumentException.class, () -> Interactions.fromColumns(
        one, one, one, new int[] {0}, new int[] {0}, new float[] {1}, null, new byte[] {1}));
  }

  @Test
  void indexedRowsWithoutTimestampsAndPresizedIds() {
    IdIndex users = IdIndex.of("u1", "u2");
    IdIndex items = IdIndex.of("i1", "i2");
    Interactions x = Interactions.builder(DuplicatePolicy.SUM).userIndex(users).itemIndex(items)
        .addIndexed(1, 0, 2f).addIndexed(1, 0, 3f).addIndexed(0, 1, 1f).build();
    assertFalse(x.hasTimestamps());
    assertEquals(2, x.size());
    assertEquals(5f, x.byUser().get(1, 0));
    Interactions y = Interactions.builder(DuplicatePolicy.KEEP_ALL).expectedIds(1000, 50)
        .add("a", "b", 1f).build();
    assertEquals(1, y.numUsers());
    assertThrows(IllegalArgumentException.class,
        () -> Interactions.builder(DuplicatePolicy.SUM).expectedIds(-1, 0));
    assertThrows(IllegalStateException.class,
        () -> Interactions.builder(DuplicatePolicy.SUM).add("a", "b", 1f).expectedIds(1, 1));
  }

  @Test
  void tooManyEventTypesIsRejectedWithoutCorruptingTheBuilder() {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL);
    for (int t = 0; t < Interactions.MAX_EVENT_TYPES; t++) {
      b.add("u", "i", 1f, t, "type" + t);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.add("u", "i", 1f, 0L, "one-too-many"));
    assertTrue(e.getMessage().contains("'one-too-many'"), e.getMessage());
    b.add("u", "i", 1f, 0L, "type7");
    Interactions x = b.build();
    assertEquals(Interactions.MAX_EVENT_TYPES, x.eventTypes().size());
    assertEquals(Interactions.MAX_EVENT_TYPES + 1, x.size());
    assertEquals(7, x.eventType(x.size() - 1));
  }

  /** Reference model: a map from (user, item) to the merged row, built the obvious way. */
  @Property(tries = 150, seed = "20261123")
  void mergingAgreesWithAMapReference(@ForAll @IntRange(max = 200) int rows, @ForAll long seed,
      @ForAll DuplicatePolicy policy) {
    Random random = new Random(seed);
    Interactions.Builder b = Interactions.builder(policy);
    Map<String, float[]> reference = new HashMap<>(); // key -> {value, timestamp}
    List<float[]> all = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      String u = "u" + random.nextInt(6);
      String i = "i" + random.nextInt(5);
      float v = random.nextInt(5);
      long t = random.nextInt(4);
      b.add(u, i, v, t);
      all.add(new float[] {v, t});
      float[] prev = reference.get(u + "|" + i);
      float[] row = {v, t};
      if (prev == null) {
        reference.put(u + "|" + i, row);
      } else if (policy == DuplicatePolicy.SUM) {
        reference.put(u + "|" + i, new float[] {prev[0] + v, Math.max(prev[1], t)});
      } else if (policy == DuplicatePolicy.LAST) {
        reference.put(u + "|" + i, t >= prev[1] ? row : prev);
      } else if (policy == DuplicatePolicy.MAX) {
        reference.put(u + "|" + i, v > prev[0] || (v == prev[0] && t >= prev[1]) ? row : prev);
      }
    }
    Interactions x = b.build();
    if (policy == DuplicatePolicy.KEEP_ALL) {
      assertEquals(rows, x.size());
      for (int r = 0; r < rows; r++) {
        assertEquals(all.get(r)[0], x.value(r));
      }
      return;
    }
    assertEquals(reference.size(), x.size());
    assertEquals(rows - reference.size(), b.mergedDuplicates());
    for (int r = 0; r < x.size(); r++) {
      if (r > 0) {
        long previous = ((long) x.user(r - 1) << 32) | x.item(r - 1);
        assertTrue(previous < (((long) x.user(r) << 32) | x.item(r)), "sorted by (user, item)");
      }
      float[] expected = reference.get(x.users().idOf(x.user(r)) + "|" + x.items().idOf(x.item(r)));
      assertEquals(expected[0], x.value(r));
      assertEquals((long) expected[1], x.timestamp(r));
    }
  }
}
