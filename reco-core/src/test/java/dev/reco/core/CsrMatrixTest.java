package dev.reco.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {

  @Test
  void buildsSortedRowsAndSumsDuplicates() {
    // entries: (1,2)=1, (0,1)=2, (1,0)=3, (1,2)=4  -> row 0: [1:2]; row 1: [0:3, 2:5]; row 2 empty
    CsrMatrix m = CsrMatrix.fromCoordinates(3, 3,
        new int[] {1, 0, 1, 1}, new int[] {2, 1, 0, 2}, new float[] {1, 2, 3, 4}, 4);
    assertEquals(3, m.nnz());
    assertEquals(0, m.rowStart(0));
    assertEquals(1, m.rowEnd(0));
    assertArrayEquals(new int[] {0, 2}, m.rowColumns(1));
    assertArrayEquals(new float[] {3f, 5f}, m.rowValues(1));
    assertEquals(0, m.rowLength(2));
    assertEquals(5f, m.get(1, 2));
    assertEquals(0f, m.get(2, 2));
    assertTrue(m.contains(0, 1));
    assertFalse(m.contains(0, 0));
  }

  @Test
  void nullValuesMeanOnes() {
    CsrMatrix m = CsrMatrix.fromCoordinates(2, 2, new int[] {0, 0}, new int[] {1, 1}, null, 2);
    assertEquals(2f, m.get(0, 1));
  }

  @Test
  void transposeSwapsRowsAndColumns() {
    CsrMatrix m = CsrMatrix.fromCoordinates(2, 3,
        new int[] {0, 0, 1}, new int[] {0, 2, 2}, new float[] {1, 2, 3}, 3);
    CsrMatrix t = m.transpose();
    assertEquals(3, t.numRows());
    assertEquals(2, t.numCols());
    assertArrayEquals(new int[] {0, 1}, t.rowColumns(2));
    assertArrayEquals(new float[] {2, 3}, t.rowValues(2));
    assertEquals(m, t.transpose());
  }

  @Test
  void rejectsOutOfRangeEntriesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsrMatrix.fromCoordinates(2, 2, new int[] {0, 2}, new int[] {0, 0}, null, 2));
    assertTrue(e.getMessage().contains("entry 1 at (2, 0)"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CsrMatrix.fromCoordinates(-1, 2, new int[0], new int[0], null, 0));
    assertThrows(IllegalArgumentException.class,
        () -> CsrMatrix.fromCoordinates(2, 2, new int[1], new int[1], null, 2));
  }

  @Property(tries = 100, seed = "20261123")
  void matchesADenseReference(@ForAll @IntRange(min = 1, max = 12) int rows,
      @ForAll @IntRange(min = 1, max = 12) int cols, @ForAll @IntRange(max = 80) int count,
      @ForAll long seed) {
    Random random = new Random(seed);
    int[] r = new int[count];
    int[] c = new int[count];
    float[] v = new float[count];
    float[][] dense = new float[rows][cols];
    for (int k = 0; k < count; k++) {
      r[k] = random.nextInt(rows);
      c[k] = random.nextInt(cols);
      v[k] = random.nextInt(9) + 1;
      dense[r[k]][c[k]] += v[k];
    }
    CsrMatrix m = CsrMatrix.fromCoordinates(rows, cols, r, c, v, count);
    CsrMatrix t = m.transpose();
    int nonZero = 0;
    for (int i = 0; i < rows; i++) {
      int previous = -1;
      for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
        assertTrue(m.columnAt(p) > previous, "columns strictly increase within a row");
        previous = m.columnAt(p);
      }
      for (int j = 0; j < cols; j++) {
        assertEquals(dense[i][j], m.get(i, j));
        assertEquals(dense[i][j], t.get(j, i));
        if (dense[i][j] != 0) {
          nonZero++;
        }
      }
    }
    assertEquals(nonZero, m.nnz());
  }
}
