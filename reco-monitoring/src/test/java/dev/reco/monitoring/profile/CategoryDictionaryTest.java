package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryDictionaryTest {

  @Test
  void keepsTheMostFrequentCategoriesSortedByName() {
    // counts: b=3, a=2, c=2, d=1, null is missing. Top 2 by count: b (3), then a and c tie at 2
    // and a wins by name. Kept {a, b}, listed by name.
    String[] ref = {"c", "b", "a", "b", null, "d", "c", "a", "b"};
    CategoryDictionary d = CategoryDictionary.fromReference(ref, 2);
    assertEquals(List.of("a", "b"), d.categories());
    assertEquals(0, d.indexOf("a"));
    assertEquals(1, d.indexOf("b"));
    assertEquals(2, d.indexOf("c"));
    assertEquals(2, d.indexOf("never seen"));
    assertEquals(2, d.otherIndex());
    assertEquals(3, d.buckets());
    assertEquals(List.of("a", "b", "c", "d"),
        CategoryDictionary.fromReference(ref, 10).categories());
  }

  @Test
  void explicitDictionaryKeepsOrder() {
    CategoryDictionary d = CategoryDictionary.of("z", "y");
    assertEquals(0, d.indexOf("z"));
    assertEquals("y", d.category(1));
    assertEquals(d, CategoryDictionary.of(List.of("z", "y")));
  }

  @Test
  void badInputIsRejectedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CategoryDictionary.of("a", "a"));
    assertTrue(e.getMessage().contains("a"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CategoryDictionary.of("a", null));
    assertTrue(e.getMessage().contains("categories[1] = null"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CategoryDictionary.fromReference(new String[] {"a"}, 0));
    assertTrue(e.getMessage().contains("maxCategories = 0"), e.getMessage());
  }
}
