package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ItemCategoriesTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d");

  @Test
  void builderNumbersCategoriesInFirstSeenOrder() {
    ItemCategories c = ItemCategories.builder(ITEMS).put("c", "toys").put("a", "books")
        .put(1, "toys").put("c", "toys").build();
    assertEquals(2, c.numCategories());
    assertEquals("toys", c.categories().idOf(0));
    assertEquals(1, c.categoryOf(0));
    assertEquals(0, c.categoryOf(1));
    assertEquals(0, c.categoryOf("c"));
    assertEquals(ItemCategories.NONE, c.categoryOf(3));
    assertEquals(ItemCategories.NONE, c.categoryOf("zzz"));
    assertArrayEquals(new int[] {2, 1}, c.categorySizes());
    assertArrayEquals(new int[] {1, 0, 0, -1}, c.categoryColumn());
    IntPredicate toys = c.inCategory("toys");
    assertTrue(toys.test(1));
    assertFalse(toys.test(0));
    assertFalse(c.inCategory("garden").test(3));
  }

  @Test
  void builderRejectsUnknownItemsAndSecondCategories() {
    ItemCategories.Builder b = ItemCategories.builder(ITEMS).put("a", "books");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> b.put("x", "books"));
    assertTrue(unknown.getMessage().contains("'x'"), unknown.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> b.put("a", "toys"));
    assertTrue(twice.getMessage().contains("'books'") && twice.getMessage().contains("'toys'"),
        twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.put(4, "books"));
    ItemCategories built = b.build();
    assertEquals(1, built.numCategories(), "a rejected put adds no category");
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalStateException.class, () -> b.put("b", "books"));
  }

  @Test
  void ofValidatesTheColumn() {
    IdIndex names = IdIndex.of("x", "y");
    ItemCategories c = ItemCategories.of(ITEMS, names, new int[] {0, 1, -1, 1});
    assertEquals(1, c.categoryOf(3));
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> ItemCategories.of(ITEMS, names, new int[] {0}));
    assertTrue(length.getMessage().contains("length = 1"), length.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> ItemCategories.of(ITEMS, names, new int[] {0, 2, 0, 0}));
    assertTrue(range.getMessage().contains("categoryOfItem[1] = 2"), range.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ItemCategories.of(ITEMS, names, new int[] {0, -2, 0, 0}));
  }

  @Test
  void alignToRemapsByItemId() {
    ItemCategories c = ItemCategories.builder(ITEMS).put("a", "x").put("d", "y").build();
    assertSame(c, c.alignTo(ITEMS));
    assertSame(c, c.alignTo(IdIndex.of("a", "b", "c", "d")), "an equal index needs no copy");
    IdIndex other = IdIndex.of("d", "new", "a");
    ItemCategories aligned = c.alignTo(other);
    assertTrue(aligned.covers(other));
    assertFalse(aligned.covers(ITEMS));
    assertArrayEquals(new int[] {1, ItemCategories.NONE, 0}, aligned.categoryColumn());
    assertEquals(c.categories(), aligned.categories());
    assertNotEquals(c, aligned);
    assertEquals(c, ItemCategories.builder(ITEMS).put("a", "x").put("d", "y").build());
  }
}
