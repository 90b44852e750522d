package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.models.rank.FeatureSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankingDataTest {
  private static final FeatureSchema SCHEMA = FeatureSchema.of("a", "b", "c");

  /** A row as added, for comparison with the built layout. */
  private record Row(String group, String item, float a, float b, float c, float label) {}

  private static List<Row> randomRows(long seed, int rows, int groups) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      out.add(new Row("u" + random.nextInt(groups), "item" + r, random.nextInt(100),
          random.nextBoolean() ? Float.NaN : r, -r, random.nextInt(5)));
    }
    return out;
  }

  private static RankingData build(List<Row> rows) {
    RankingData.Builder b = RankingData.builder(SCHEMA);
    for (Row r : rows) {
      b.add(r.group(), r.item(), new float[] {r.a(), r.b(), r.c()}, r.label());
    }
    return b.build();
  }

  private static Row rowAt(RankingData d, int g, int r) {
    return new Row(d.groupKey(g), d.itemId(r), d.feature(r, 0), d.feature(r, 1), d.feature(r, 2),
        d.label(r));
  }

  /** Reference model: groups by first appearance, rows of a group in insertion order. */
  @Property(tries = 200, seed = "8128")
  void groupsAreAStableSortByFirstAppearance(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int rows,
      @ForAll @IntRange(min = 1, max = 12) int groups) {
    List<Row> input = randomRows(seed, rows, groups);
    RankingData data = build(input);
    Map<String, List<Row>> expected = new java.util.LinkedHashMap<>();
    for (Row r : input) {
      expected.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
    }
    assertEquals(rows, data.rows());
    assertEquals(expected.size(), data.groups());
    assertEquals(new ArrayList<>(expected.keySet()), data.groupKeys());
    int[] offsets = data.groupOffsets();
    assertEquals(0, offsets[0]);
    assertEquals(rows, offsets[data.groups()]);
    int g = 0;
    for (Map.Entry<String, List<Row>> e : expected.entrySet()) {
      assertEquals(e.getValue().size(), data.groupEnd(g) - data.groupStart(g));
      for (int i = 0; i < e.getValue().size(); i++) {
        // Equal records compare floats with Float.equals, so NaN == NaN here.
        assertEquals(e.getValue().get(i), rowAt(data, g, data.groupStart(g) + i));
      }
      g++;
    }
  }

  @Property(tries = 200, seed = "6174")
  void splitPartsAreDisjointByGroupAndCoverEverything(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int rows,
      @ForAll @IntRange(min = 2, max = 15) int groups,
      @ForAll @IntRange(min = 1, max = 99) int percent) {
    List<Row> input = randomRows(seed, rows, groups);
    RankingData data = build(input);
    if (data.groups() < 2) {
      return;
    }
    RankingData.Split split = data.split(percent / 100.0, seed);
    Set<String> train = new HashSet<>(split.train().groupKeys());
    Set<String> valid = new HashSet<>(split.validation().groupKeys());
    assertTrue(train.stream().noneMatch(valid::contains), "no group in both parts");
    Set<String> union = new HashSet<>(train);
    union.addAll(valid);
    assertEquals(new HashSet<>(data.groupKeys()), union);
    long expectedValid = Math.max(1, Math.min(data.groups() - 1, Math.round(percent / 100.0 * data.groups())));
    assertEquals(expectedValid, valid.size());
    assertEquals(data.rows(), split.train().rows() + split.validation().rows());
    // Every part keeps the groups in their original order and their rows unchanged.
    for (RankingData part : List.of(split.train(), split.validation())) {
      int last = -1;
      for (int pg = 0; pg < part.groups(); pg++) {
        int og = data.groupKeys().indexOf(part.groupKey(pg));
        assertTrue(og > last);
        last = og;
        assertEquals(data.groupEnd(og) - data.groupStart(og), part.groupEnd(pg) - part.groupStart(pg));
        for (int i = 0; i < part.groupEnd(pg) - part.groupStart(pg); i++) {
          assertEquals(rowAt(data, og, data.groupStart(og) + i), rowAt(part, pg, part.groupStart(pg) + i));
        }
      }
    }
    // Same seed, same split.
    assertEquals(split.validation().groupKeys(), data.split(percent / 100.0, seed).validation().groupKeys());
  }

  @Test
  void intKeysAreTheirDecimalStrings() {
    RankingData d = RankingData.builder(SCHEMA)
        .add(7, 100, new float[] {1, 2, 3}, 1)
        .add("7", "101", new float[] {4, 5, 6}, 0)
        .add(8, 102, new float[] {7, 8, 9}, 2)
        .build();
    assertEquals(List.of("7", "8"), d.groupKeys());
    assertEquals("101", d.itemId(1));
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, d.features());
    assertArrayEquals(new float[] {1, 0, 2}, d.labels());
    assertArrayEquals(new int[] {0, 2, 3}, d.groupOffsets());
    // Accessors hand out copies.
    d.features()[0] = 42;
    d.labels()[0] = 42;
    d.groupOffsets()[1] = 42;
    assertEquals(1f, d.feature(0, 0));
    assertEquals(1f, d.label(0));
    assertEquals(2, d.groupEnd(0));
    assertEquals("RankingData[2 groups, 3 rows, 3 features]", d.toString());
  }

  @Test
  void aFailedAddLeavesTheBuilderUnchanged() {
    RankingData.Builder b = RankingData.builder(SCHEMA).add("q", "x", new float[] {1, 2, 3}, 1);
    assertThrows(IllegalArgumentException.class, () -> b.add("q2", "y", new float[] {1, 2}, 1));
    assertThrows(IllegalArgumentException.class, () -> b.add("q2", "y", new float[] {1, 2, 3}, -1));
    RankingData d = b.build();
    assertEquals(1, d.rows());
    assertEquals(1, d.groups());
  }

  @Test
  void badInputIsRejectedWithTheValueInTheMessage() {
    RankingData.Builder b = RankingData.builder(SCHEMA);
    assertMessage("row 0 (group 'q', item 'x') has 2 features; expected 3 (the schema's size)",
        () -> b.add("q", "x", new float[] {1, 2}, 1));
    assertMessage("label = NaN at row 0 (group 'q', item 'x'); expected a finite label with 0 <= label <= 31",
        () -> b.add("q", "x", new float[] {1, 2, 3}, Float.NaN));
    assertMessage("label = -1.0 at row 0",
        () -> b.add("q", "x", new float[] {1, 2, 3}, -1));
    assertMessage("label = 32.0 at row 0",
        () -> b.add("q", "x", new float[] {1, 2, 3}, 32));
    assertMessage("feature 'b' = Infinity at row 0 (group 'q', item 'x'); expected a finite value or NaN",
        () -> b.add("q", "x", new float[] {1, Float.POSITIVE_INFINITY, 3}, 1));
    assertMessage("group = ' ' at row 0; expected a non-blank group key",
        () -> b.add(" ", "x", new float[] {1, 2, 3}, 1));
    assertMessage("rows = 0; expected at least one row", b::build);
    assertThrows(NullPointerException.class, () -> b.add(null, "x", new float[] {1, 2, 3}, 1));

    RankingData one = b.add("q", "x", new float[] {1, 2, 3}, 1).build();
    assertMessage("groups = 1; expected at least 2 groups to split", () -> one.split(0.5, 1));
    RankingData two = RankingData.builder(SCHEMA)
        .add("q", "x", new float[] {1, 2, 3}, 1).add("r", "x", new float[] {1, 2, 3}, 1).build();
    assertMessage("validationFraction = 0.0; expected 0 < validationFraction < 1", () -> two.split(0, 1));
    assertMessage("validationFraction = 1.0; expected", () -> two.split(1, 1));
    assertMessage("validationFraction = NaN; expected", () -> two.split(Double.NaN, 1));
  }

  @Test
  void aSentinelIsAMissingValueNotAnError() {
    FeatureSchema withSentinel = FeatureSchema.of("a").withMissingValue(-999f);
    RankingData d = RankingData.builder(withSentinel)
        .add("q", "x", new float[] {-999f}, 1).add("q", "y", new float[] {Float.NaN}, 0).build();
    assertEquals(-999f, d.feature(0, 0));
    assertNotEquals(d.schema(), SCHEMA);
  }

  static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
