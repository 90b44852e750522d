package dev.reco.models.svd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.Interactions;
import dev.reco.models.svd.BiasedSvdConfig.BlockLayout;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StrataTest {
  /**
   * Against a reference: every rating lands in exactly one block, the block of its user's and its
   * item's groups, in training-row order within the block; the blocks of a stratum share no user
   * and no item; the B strata cover every block once.
   */
  @Property(tries = 60, seed = "20261123")
  void blocksPartitionTheRatingsAndStrataAreConflictFree(
      @ForAll @IntRange(min = 1, max = 40) int users,
      @ForAll @IntRange(min = 1, max = 40) int items,
      @ForAll @IntRange(min = 1, max = 9) int groups,
      @ForAll boolean shuffled,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Interactions train = SvdTestData.random(users, items, 0.3, seed);
    if (train.isEmpty()) {
      return;
    }
    BlockLayout layout = shuffled ? BlockLayout.SHUFFLED : BlockLayout.RANGES;
    Strata s = Strata.build(train, train.userCounts(), train.itemCounts(), groups, layout, seed);
    assertEquals(groups * groups, s.blocks());
    assertEquals(0, s.start[0]);
    assertEquals(train.size(), s.start[s.blocks()]);
    // reference: the rows of each block, in row order
    int pos = 0;
    for (int b = 0; b < s.blocks(); b++) {
      assertEquals(pos, s.start[b]);
      for (int r = 0; r < train.size(); r++) {
        int u = train.user(r);
        int i = train.item(r);
        if (s.userGroup[u] * groups + s.itemGroup[i] == b) {
          assertEquals(u, s.user[pos]);
          assertEquals(i, s.item[pos]);
          assertEquals(train.value(r), s.value[pos]);
          pos++;
        }
      }
    }
    assertEquals(train.size(), pos);
    boolean[] covered = new boolean[s.blocks()];
    for (int stratum = 0; stratum < groups; stratum++) {
      Set<Integer> usersSeen = new HashSet<>();
      Set<Integer> itemsSeen = new HashSet<>();
      for (int g = 0; g < groups; g++) {
        int b = s.blockOf(stratum, g);
        assertTrue(!covered[b], "block " + b + " twice");
        covered[b] = true;
        for (int r = s.start[b]; r < s.start[b + 1]; r++) {
          usersSeen.add(s.user[r]);
          itemsSeen.add(s.item[r]);
        }
        for (int r = s.start[b]; r < s.start[b + 1]; r++) {
          assertEquals(g, s.userGroup[s.user[r]]);
          assertEquals((g + stratum) % groups, s.itemGroup[s.item[r]]);
        }
      }
    }
    for (boolean c : covered) {
      assertTrue(c);
    }
    for (int g : s.userGroup) {
      assertTrue(g >= 0 && g < groups);
    }
  }

  @Test
  void groupsHoldAboutEqualRatingCounts() {
    // counts 1..10 in index order (total 55), 3 groups in RANGES order: cumulative counts
    // 1 3 6 10 15 | 21 28 | 36 45 55; the next group starts once the rows so far reach
    // g/3 of 55 (18.3, 36.7): rows 0-4 (15) then row 5 reaches 21 >= 18.3 and stays in group 0,
    // rows 6-7 reach 36 < 36.7, row 8 reaches 45 >= 36.7 and stays in group 1
    int[] counts = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2}, Strata.assign(counts, 55, 3,
        order));
    // one row heavier than a group's share joins the open group and leaves the groups it spans
    // empty: after rows 0 and 1 (cumulative 101 >= 2/3 of 102) the next row starts group 2
    assertArrayEquals(new int[] {0, 0, 2}, Strata.assign(new int[] {1, 100, 1}, 102, 3,
        new int[] {0, 1, 2}));
  }

  @Test
  void shuffleIsASeededPermutationOfOneBlock() {
    Interactions train = SvdTestData.random(30, 30, 0.5, 4);
    Strata a = Strata.build(train, train.userCounts(), train.itemCounts(), 2, BlockLayout.RANGES,
        1);
    Strata b = Strata.build(train, train.userCounts(), train.itemCounts(), 2, BlockLayout.RANGES,
        1);
    a.shuffle(1, 77);
    b.shuffle(1, 77);
    assertArrayEquals(a.user, b.user);
    assertArrayEquals(a.item, b.item);
    Strata fresh = Strata.build(train, train.userCounts(), train.itemCounts(), 2,
        BlockLayout.RANGES, 1);
    // other blocks untouched
    for (int r = 0; r < fresh.user.length; r++) {
      if (r < fresh.start[1] || r >= fresh.start[2]) {
        assertEquals(fresh.user[r], a.user[r]);
        assertEquals(fresh.item[r], a.item[r]);
      }
    }
    // the block holds the same (user, item, value) triples, in another order
    long[] before = triples(fresh, 1);
    long[] after = triples(a, 1);
    assertTrue(!Arrays.equals(before, after), "a block of " + before.length + " ratings moved");
    Arrays.sort(before);
    Arrays.sort(after);
    assertArrayEquals(before, after);
  }

  private static long[] triples(Strata s, int block) {
    long[] out = new long[s.start[block + 1] - s.start[block]];
    for (int r = s.start[block]; r < s.start[block + 1]; r++) {
      out[r - s.start[block]] = ((long) s.user[r] << 40) | ((long) s.item[r] << 16)
          | (long) s.value[r];
    }
    return out;
  }
}
