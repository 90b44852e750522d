package dev.reco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdIndexTest {

  @Test
  void assignsDenseIndexesInFirstSeenOrder() {
    IdIndex.Builder b = IdIndex.builder();
    assertEquals(0, b.add("u7"));
    assertEquals(1, b.add("u3"));
    assertEquals(0, b.add("u7"));
    assertEquals(2, b.add("u1"));
    IdIndex index = b.build();
    assertEquals(3, index.size());
    assertEquals(List.of("u7", "u3", "u1"), index.ids());
    assertEquals(1, index.indexOf("u3"));
    assertEquals("u1", index.idOf(2));
  }

  @Test
  void unknownIdsGiveTheSentinelNotAnException() {
    IdIndex index = IdIndex.of("a", "b");
    assertEquals(IdIndex.UNKNOWN, index.indexOf("c"));
    assertEquals(IdIndex.UNKNOWN, index.indexOf(null));
    assertEquals(OptionalInt.empty(), index.find("c"));
    assertEquals(OptionalInt.of(1), index.find("b"));
    assertFalse(index.contains("c"));
    assertEquals(IdIndex.UNKNOWN, IdIndex.empty().indexOf("a"));
  }

  @Test
  void looksUpAnyCharSequenceWithoutCopying() {
    IdIndex index = IdIndex.of("item-42", "item-43");
    CharBuffer buffer = CharBuffer.wrap("xxitem-43yy".toCharArray(), 2, 7);
    assertEquals(1, index.indexOf(buffer));
    StringBuilder sb = new StringBuilder("item-42");
    assertEquals(0, index.indexOf(sb));
  }

  @Test
  void rejectsNullAndRepeatedIdsWithTheValueInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdIndex.of("a", "b", "a"));
    assertTrue(e.getMessage().contains("ids[2] = 'a'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> IdIndex.of("a", null));
    assertThrows(IllegalArgumentException.class, () -> IdIndex.builder().add(null));
    assertThrows(IllegalArgumentException.class, () -> IdIndex.builder(-1));
  }

  @Test
  void builderIsSingleUse() {
    IdIndex.Builder b = IdIndex.builder();
    b.add("x");
    b.build();
    assertThrows(IllegalStateException.class, () -> b.add("y"));
    assertThrows(IllegalStateException.class, b::build);
  }

  @Test
  void outOfRangeIndexThrows() {
    IdIndex index = IdIndex.of("a");
    assertThrows(IndexOutOfBoundsException.class, () -> index.idOf(1));
    assertThrows(IndexOutOfBoundsException.class, () -> index.idOf(-1));
  }

  @Test
  void frozenIndexIsSafeToReadFromManyThreads() throws Exception {
    IdIndex.Builder b = IdIndex.builder();
    for (int i = 0; i < 50_000; i++) {
      b.add("id" + i);
    }
    IdIndex index = b.build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          for (int i = offset; i < 50_000; i += 4) {
            if (index.indexOf("id" + i) != i || !index.idOf(i).equals("id" + i)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Property(tries = 200, seed = "20261123")
  void agreesWithAHashMapReference(@ForAll @Size(max = 300) List<@StringLength(max = 6) String> ids) {
    Map<String, Integer> reference = new HashMap<>();
    IdIndex.Builder b = IdIndex.builder(3);
    for (String id : ids) {
      int expected = reference.computeIfAbsent(id, k -> reference.size());
      assertEquals(expected, b.add(id));
    }
    IdIndex index = b.build();
    assertEquals(reference.size(), index.size());
    reference.forEach((id, i) -> {
      assertEquals(i, index.indexOf(id));
      assertEquals(id, index.idOf(i));
    });
    assertEquals(IdIndex.UNKNOWN, index.indexOf("not-an-id-because-too-long"));
    assertEquals(index, IdIndex.of(index.ids()));
  }
}
