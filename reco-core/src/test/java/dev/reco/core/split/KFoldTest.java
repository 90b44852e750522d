package dev.reco.core.split;

import static dev.reco.core.split.Fixtures.assertRejected;
import static dev.reco.core.split.Fixtures.rowsOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KFoldTest {
  private final Interactions data = Fixtures.eightRows();

  @Test
  void eightRowsInThreeFolds() {
    // 8 = 3 + 3 + 2: the first 8 mod 3 = 2 folds get the extra row
    List<Split> folds = KFold.of(3, 42).folds(data);
    assertEquals(3, folds.size());
    int[] seen = new int[8];
    int[] sizes = new int[3];
    for (int f = 0; f < 3; f++) {
      Split s = folds.get(f);
      sizes[f] = s.test().size();
      assertEquals(8 - sizes[f], s.train().size());
      for (int r : rowsOf(s.test())) {
        seen[r]++;
      }
      assertEquals("kFold(k=3, seed=42, fold=" + f + ")", s.report().description());
    }
    assertArrayEquals(new int[] {3, 3, 2}, sizes);
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, seen);
  }

  @Test
  void kEqualToRowsIsLeaveOneOut() {
    List<Split> folds = KFold.of(8, 1).folds(data);
    int[] seen = new int[8];
    for (Split s : folds) {
      assertEquals(1, s.test().size());
      seen[rowsOf(s.test())[0]]++;
    }
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, seen);
  }

  @Test
  void foldsAreDeterministicAndSeedDependent() {
    Interactions big = Fixtures.random(8, 500, 10, 10, 100);
    List<Split> a = KFold.of(5, 1).folds(big);
    assertEquals(a.get(2), KFold.of(5, 1).folds(big).get(2));
    assertEquals(a.get(2), a.get(2), "get builds the same split again");
    assertFalse(Arrays.equals(rowsOf(a.get(0).test()), rowsOf(KFold.of(5, 2).folds(big).get(0).test())));
  }

  @Test
  void listIsUnmodifiableAndBoundsChecked() {
    List<Split> folds = KFold.of(2, 1).folds(data);
    assertThrows(UnsupportedOperationException.class, () -> folds.remove(0));
    assertThrows(IndexOutOfBoundsException.class, () -> folds.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> folds.get(-1));
  }

  @Test
  void rowsAreAssignedUniformly() {
    // 4 rows, k = 2: each row lands in fold 0 with probability 1/2; 4000 seeds -> 2000 expected
    // (binomial sd ~ 32; allow +-200)
    Interactions four = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .add("u", "a", 0f).add("u", "b", 1f).add("v", "a", 2f).add("v", "b", 3f).build();
    int[] inFoldZero = new int[4];
    for (long seed = 0; seed < 4000; seed++) {
      for (int r : rowsOf(KFold.of(2, seed).folds(four).get(0).test())) {
        inFoldZero[r]++;
      }
    }
    for (int h : inFoldZero) {
      assertTrue(Math.abs(h - 2000) < 200, Arrays.toString(inFoldZero));
    }
  }

  @Test
  void rejectsBadConfigurationAndData() {
    assertRejected(() -> KFold.of(1, 0), "k = 1", "k >= 2");
    assertRejected(() -> KFold.of(-4, 0), "k = -4");
    assertRejected(() -> KFold.of(9, 0).folds(data), "k = 9", "8 rows");
    Interactions empty = Interactions.builder(DuplicatePolicy.KEEP_ALL).build();
    assertRejected(() -> KFold.of(2, 0).folds(empty), "kFold(k=2, seed=0)", "0 rows");
    assertThrows(NullPointerException.class, () -> KFold.of(2, 0).folds(null));
    assertEquals("kFold(k=5, seed=3)", KFold.of(5, 3).toString());
  }
}
