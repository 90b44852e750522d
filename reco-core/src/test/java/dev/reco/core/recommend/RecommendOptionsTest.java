package dev.reco.core.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.IdIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendOptionsTest {
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d");

  @Test
  void defaultsExcludeSeenAndNothingElse() {
    RecommendOptions d = RecommendOptions.defaults();
    assertTrue(d.excludeSeen());
    assertTrue(d.recentItems().isEmpty());
    assertTrue(d.allowList().isEmpty());
    assertTrue(d.denyList().isEmpty());
    assertTrue(d.filter().isEmpty());
    assertTrue(d.categoryCap().isEmpty());
    assertSame(d, RecommendOptions.defaults());
  }

  @Test
  void eachSettingIsSetOnce() {
    RecommendOptions.Builder b = RecommendOptions.builder().allow(List.of("a"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.allow(List.of("b")));
    assertEquals("allow was already set; set it once", e.getMessage());
    RecommendOptions.Builder c = RecommendOptions.builder().excludeSeen(false);
    assertThrows(IllegalStateException.class, () -> c.excludeSeen(true));
    RecommendOptions.Builder f = RecommendOptions.builder().filter(i -> true);
    assertThrows(IllegalStateException.class, () -> f.filter(i -> false));
  }

  @Test
  void rejectsNullIdsAndBadCaps() {
    List<String> withNull = new ArrayList<>(Arrays.asList("a", null));
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> RecommendOptions.builder().deny(withNull));
    assertTrue(npe.getMessage().contains("deny[1]"), npe.getMessage());
    assertThrows(NullPointerException.class, () -> RecommendOptions.builder().allow(null));
    assertThrows(NullPointerException.class, () -> RecommendOptions.builder().filter(null));
    ItemCategories cats = ItemCategories.builder(ITEMS).put("a", "x").build();
    IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
        () -> RecommendOptions.builder().maxPerCategory(cats, 0));
    assertEquals("maxPerCategory = 0; expected >= 1", cap.getMessage());
    assertThrows(NullPointerException.class, () -> RecommendOptions.builder().maxPerCategory(null, 2));
  }

  @Test
  void listsAreCopiedAndExposedReadOnly() {
    List<String> allow = new ArrayList<>(List.of("b", "a"));
    RecommendOptions o = RecommendOptions.builder().allow(allow).recentItems(List.of("c")).build();
    allow.add("d");
    assertEquals(List.of("b", "a"), o.allowList().orElseThrow());
    assertEquals(List.of("c"), o.recentItems());
    assertThrows(UnsupportedOperationException.class, () -> o.recentItems().add("x"));
    assertFalse(o.toString().isEmpty());
  }

  @Test
  void resolvesIdsToSortedDistinctIndexesOncePerItemIndex() {
    RecommendOptions o = RecommendOptions.builder().allow(List.of("d", "b", "zz", "d"))
        .deny(List.of("c")).recentItems(List.of("a", "yy")).build();
    RecommendOptions.Resolved r = o.resolve(ITEMS);
    assertArrayEquals(new int[] {1, 3}, r.allow);
    assertArrayEquals(new int[] {2}, r.deny);
    assertArrayEquals(new int[] {0}, r.recent);
    assertSame(r, o.resolve(ITEMS), "cached for the same index");
    IdIndex other = IdIndex.of("d", "c");
    RecommendOptions.Resolved s = o.resolve(other);
    assertArrayEquals(new int[] {0}, s.allow);
    assertArrayEquals(new int[] {1}, s.deny);
    assertArrayEquals(new int[0], s.recent);
    assertNull(RecommendOptions.defaults().resolve(ITEMS).allow, "no allow-list: everything allowed");
  }

  @Test
  void categoryCapMustCoverTheItemIndex() {
    ItemCategories cats = ItemCategories.builder(ITEMS).put("a", "x").build();
    RecommendOptions o = RecommendOptions.builder().maxPerCategory(cats, 2).build();
    o.resolve(IdIndex.of("a", "b", "c", "d")); // equal index: fine
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> o.resolve(IdIndex.of("a", "b")));
    assertTrue(e.getMessage().contains("4 ids") && e.getMessage().contains("2 ids"), e.getMessage());
  }
}
