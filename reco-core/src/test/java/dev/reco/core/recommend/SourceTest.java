package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceTest {
  @Test
  void namesAreLowerCaseTokens() {
    assertEquals("als", new Source("als").name());
    assertEquals(new Source("two-stage.v2"), new Source("two-stage.v2"));
    assertTrue(Source.NONE.isNone());
    assertTrue(new Source("none").isNone());
    assertFalse(Source.POPULARITY.isNone());
    assertEquals("category-popularity", Source.CATEGORY_POPULARITY.toString());
    for (String bad : new String[] {"", "ALS", "-x", "a b", "x".repeat(65)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Source(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> new Source(null));
  }
}
