package dev.reco.models.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The {@link VectorOps} contract, run against every implementation: hand-checked small cases,
 * exact results on small integers (where any summation order is exact), the bit-level
 * consistency promises of the interface, and argument checks.
 */
abstract class VectorOpsContract {

  /** Returns the implementation under test. */
  abstract VectorOps ops();

  // ---- hand-checked cases ----

  @Test
  void dotOfSmallVectors() {
    // 1*4 + 2*5 + 3*6 = 4 + 10 + 18 = 32; the vectors sit at offsets 1 and 2
    float[] a = {9, 1, 2, 3};
    float[] b = {9, 9, 4, 5, 6, 9};
    assertEquals(32f, ops().dot(a, 1, b, 2, 3));
    assertEquals(0f, ops().dot(a, 4, b, 0, 0));
  }

  @Test
  void axpyAddsAScaledVector() {
    // y[1..3] = [10, 20, 30] + 2 * [1, 2, 3] = [12, 24, 36]; y[0] and y[4] untouched
    float[] x = {1, 2, 3};
    float[] y = {7, 10, 20, 30, 7};
    ops().axpy(2f, x, 0, y, 1, 3);
    assertArrayEquals(new float[] {7, 12, 24, 36, 7}, y);
  }

  @Test
  void axpyOnTheVerySameRangeScalesIt() {
    // y = y + 2 y = 3 y
    float[] y = {1, 2, 3, 4, 5};
    ops().axpy(2f, y, 1, y, 1, 3);
    assertArrayEquals(new float[] {1, 6, 9, 12, 5}, y);
  }

  @Test
  void matVecIsRowTimesVector() {
    // A = [[1, 2], [3, 4]] row-major, x = [5, 6]: y = [1*5 + 2*6, 3*5 + 4*6] = [17, 39]
    float[] a = {1, 2, 3, 4};
    float[] x = {0, 5, 6};
    float[] y = {-1, -1, -1};
    ops().matVec(a, x, 1, y, 0, 2);
    assertArrayEquals(new float[] {17, 39, -1}, y);
  }

  @Test
  void transposedMatVecIsTheTransposesProduct() {
    // A = [[1, 2], [2, 5]], x = [3, 4]: y = [1*3 + 2*4, 2*3 + 5*4] = [11, 26]
    float[] a = {1, 2, 2, 5};
    float[] x = {0, 3, 4};
    float[] y = {-1, -1, -1};
    ops().transposedMatVec(a, x, 1, y, 1, 2);
    assertArrayEquals(new float[] {-1, 11, 26}, y);
    // not symmetric: [[1, 2], [3, 4]] gives the transpose's product [1*3 + 3*4, 2*3 + 4*4]
    ops().transposedMatVec(new float[] {1, 2, 3, 4}, x, 1, y, 0, 2);
    assertArrayEquals(new float[] {15, 22, 26}, y);
  }

  @Property(tries = 100, seed = "61004")
  void transposedMatVecIsExactOnSmallIntegers(@ForAll @IntRange(max = 150) int n,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int yOff = random.nextInt(20);
    float[] a = integers(random, n * n);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < r; c++) {
        a[r * n + c] = a[c * n + r];
      }
    }
    float[] x = integers(random, xOff + n);
    float[] y = integers(random, yOff + n + 2);
    float[] expected = y.clone();
    writeExactProduct(a, x, xOff, expected, yOff, n);
    ops().transposedMatVec(a, x, xOff, y, yOff, n);
    assertArrayEquals(expected, y);
  }

  @Test
  void transposedMatVecChecksItsArguments() {
    float[] a = new float[9];
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().transposedMatVec(new float[8], a, 0, new float[3], 0, 3));
    assertTrue(e.getMessage().contains("a range [0, 9) out of bounds for length 8"),
        e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ops().transposedMatVec(a, a, 0, a, 0, 3));
    assertTrue(bad.getMessage().contains("overlaps"), bad.getMessage());
    bad = assertThrows(IllegalArgumentException.class,
        () -> ops().transposedMatVec(a, a, 0, new float[3], 0, -1));
    assertTrue(bad.getMessage().contains("n = -1"), bad.getMessage());
  }

  @Test
  void rankOneUpdateAddsTheOuterProduct() {
    // A = I + 2 * [1, 3][1, 3]^T = [[1, 0], [0, 1]] + [[2, 6], [6, 18]] = [[3, 6], [6, 19]]
    float[] a = {1, 0, 0, 1};
    float[] x = {5, 1, 3};
    ops().rankOneUpdate(2f, x, 1, a, 2);
    assertArrayEquals(new float[] {3, 6, 6, 19}, a);
  }

  @Test
  void scoreRowsScoresConsecutiveRows() {
    // rows [[1, 0], [0, 1], [2, 2]], rows 1..2 against x = [3, 4]: [0*3 + 1*4, 2*3 + 2*4] = [4, 14]
    float[] m = {1, 0, 0, 1, 2, 2};
    float[] x = {3, 4};
    float[] out = {-1, -1, -1};
    ops().scoreRows(m, 1, 2, 2, x, 0, out, 1);
    assertArrayEquals(new float[] {-1, 4, 14}, out);
  }

  @Test
  void addGramAddsTheRowsOuterProductsFromTheUpperTriangle() {
    // rows [1, 2] and [3, 4]: [[1, 2], [2, 4]] + [[9, 12], [12, 16]] = [[10, 14], [14, 20]];
    // A = [[1, 0], [99, 1]]: upper triangle 1, 0, 1 -> 11, 14, 21; the 99 below is not read
    float[] rows = {0, 0, 1, 2, 3, 4};
    float[] a = {1, 0, 99, 1};
    ops().addGram(rows, 1, 2, 2, a);
    assertArrayEquals(new float[] {11, 14, 14, 21}, a);
  }

  @Test
  void nameIsStable() {
    assertEquals(ops().name(), ops().name());
    assertTrue(ops().name().equals("scalar") || ops().name().matches("panama-\\d+(-fma)?"),
        ops().name());
  }

  // ---- exact on small integers, checked against a long-integer reference ----

  @Property(tries = 150, seed = "61001")
  void dotIsExactOnSmallIntegers(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int aOff = random.nextInt(20);
    int bOff = random.nextInt(20);
    float[] a = integers(random, aOff + n + random.nextInt(3));
    float[] b = integers(random, bOff + n + random.nextInt(3));
    long expected = 0;
    for (int i = 0; i < n; i++) {
      expected += (long) a[aOff + i] * (long) b[bOff + i];
    }
    assertEquals((float) expected, ops().dot(a, aOff, b, bOff, n));
  }

  @Property(tries = 150, seed = "61002")
  void axpyIsExactOnSmallIntegers(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int yOff = random.nextInt(20);
    int alpha = -4 + random.nextInt(9);
    float[] x = integers(random, xOff + n + 2);
    float[] y = integers(random, yOff + n + 2);
    float[] expected = y.clone();
    for (int i = 0; i < n; i++) {
      expected[yOff + i] = y[yOff + i] + alpha * x[xOff + i];
    }
    ops().axpy(alpha, x, xOff, y, yOff, n);
    assertArrayEquals(expected, y);
  }

  @Property(tries = 60, seed = "61003")
  void matVecIsExactOnSmallIntegers(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int yOff = random.nextInt(20);
    float[] a = integers(random, n * n + random.nextInt(3));
    float[] x = integers(random, xOff + n);
    float[] y = integers(random, yOff + n + 1);
    float[] expected = y.clone();
    writeExactProduct(a, x, xOff, expected, yOff, n);
    ops().matVec(a, x, xOff, y, yOff, n);
    assertArrayEquals(expected, y);
  }

  @Property(tries = 60, seed = "61004")
  void rankOneUpdateIsExactOnSmallIntegers(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int alpha = -3 + random.nextInt(7);
    float[] a = integers(random, n * n + 1);
    float[] x = integers(random, xOff + n);
    float[] expected = a.clone();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        expected[r * n + c] += alpha * x[xOff + r] * x[xOff + c];
      }
    }
    ops().rankOneUpdate(alpha, x, xOff, a, n);
    assertArrayEquals(expected, a);
  }

  @Property(tries = 100, seed = "61005")
  void scoreRowsIsExactOnSmallIntegers(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int firstRow = random.nextInt(41);
    int rows = random.nextInt(41);
    int xOff = random.nextInt(20);
    int outOff = random.nextInt(20);
    float[] m = integers(random, (firstRow + rows) * n + random.nextInt(3));
    float[] x = integers(random, xOff + n);
    float[] out = integers(random, outOff + rows + 1);
    float[] expected = out.clone();
    for (int r = 0; r < rows; r++) {
      long s = 0;
      for (int c = 0; c < n; c++) {
        s += (long) m[(firstRow + r) * n + c] * (long) x[xOff + c];
      }
      expected[outOff + r] = s;
    }
    ops().scoreRows(m, firstRow, rows, n, x, xOff, out, outOff);
    assertArrayEquals(expected, out);
  }

  @Test
  void scoreCodesScoresRowsOfBytes() {
    // code rows [[1, -2], [127, -127], [0, 3]], rows 1..2 against x = [0.5, 2]:
    // [127*0.5 - 127*2, 0*0.5 + 3*2] = [-190.5, 6]
    byte[] c = {1, -2, 127, -127, 0, 3};
    float[] x = {9, 0.5f, 2};
    float[] out = {-1, -1, -1};
    ops().scoreCodes(c, 1, 2, 2, x, 1, out, 1);
    assertArrayEquals(new float[] {-1, -190.5f, 6}, out);
  }

  @Property(tries = 100, seed = "61007")
  void scoreCodesIsExactOnSmallIntegers(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int firstRow = random.nextInt(41);
    int rows = random.nextInt(41);
    int xOff = random.nextInt(20);
    int outOff = random.nextInt(20);
    byte[] c = new byte[(firstRow + rows) * n + random.nextInt(3)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (byte) (random.nextInt(255) - 127);
    }
    float[] x = integers(random, xOff + n);
    float[] out = integers(random, outOff + rows + 1);
    float[] expected = out.clone();
    for (int r = 0; r < rows; r++) {
      long s = 0;
      for (int j = 0; j < n; j++) {
        s += (long) c[(firstRow + r) * n + j] * (long) x[xOff + j];
      }
      expected[outOff + r] = s;
    }
    ops().scoreCodes(c, firstRow, rows, n, x, xOff, out, outOff);
    assertArrayEquals(expected, out);
  }

  @Property(tries = 100, seed = "61008")
  void scoreCodesIsWithinTheStatedBoundOfTheExactSum(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = 1 + random.nextInt(12);
    byte[] c = new byte[rows * n];
    for (int i = 0; i < c.length; i++) {
      c[i] = (byte) (random.nextInt(255) - 127);
    }
    float[] x = new float[n];
    for (int j = 0; j < n; j++) {
      x[j] = (float) (random.nextGaussian() * Math.exp(4 * random.nextGaussian()));
    }
    float[] out = new float[rows];
    ops().scoreCodes(c, 0, rows, n, x, 0, out, 0);
    double u = Math.scalb(1.0, -24);
    double gamma = n * u / (1 - n * u);
    for (int r = 0; r < rows; r++) {
      double exact = 0;
      double abs = 0;
      for (int j = 0; j < n; j++) {
        exact += (double) x[j] * c[r * n + j];
        abs += Math.abs((double) x[j] * c[r * n + j]);
      }
      assertTrue(Math.abs(out[r] - exact) <= gamma * abs,
          "row " + r + ": " + out[r] + " vs " + exact + ", bound " + gamma * abs);
    }
  }

  @Test
  void scoreCodesChecksItsArguments() {
    byte[] c = new byte[8];
    float[] x = new float[4];
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().scoreCodes(c, 3, 2, 2, x, 0, new float[2], 0));
    assertTrue(e.getMessage().contains("codes range [6, 10) out of bounds for length 8"),
        e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ops().scoreCodes(c, 0, -1, 2, x, 0, new float[2], 0));
    assertTrue(bad.getMessage().contains("rows = -1"), bad.getMessage());
    bad = assertThrows(IllegalArgumentException.class,
        () -> ops().scoreCodes(c, 0, 2, 2, x, 0, x, 1));
    assertTrue(bad.getMessage().contains("overlaps x range"), bad.getMessage());
  }

  @Property(tries = 60, seed = "61010")
  void addGramIsExactOnSmallIntegers(@ForAll @IntRange(max = 150) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int firstRow = random.nextInt(4);
    int rows = random.nextInt(12);
    float[] m = integers(random, (firstRow + rows) * n + random.nextInt(3));
    float[] a = integers(random, n * n + 1);
    float[] expected = a.clone();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // the upper triangle is read, the lower one is its mirror image
        long s = (long) a[Math.min(i, j) * n + Math.max(i, j)];
        for (int r = firstRow; r < firstRow + rows; r++) {
          s += (long) m[r * n + i] * (long) m[r * n + j];
        }
        expected[i * n + j] = s;
      }
    }
    ops().addGram(m, firstRow, rows, n, a);
    assertArrayEquals(expected, a);
  }

  // ---- bit-level consistency promised by the interface, on arbitrary floats ----

  @Property(tries = 60, seed = "61011")
  void addGramEqualsOneRankOneUpdatePerRowAndAnySplitOfTheRows(
      @ForAll @IntRange(max = 100) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = random.nextInt(14);
    int split = rows == 0 ? 0 : random.nextInt(rows + 1);
    float[] m = floats(random, rows * n);
    float[] a = floats(random, n * n);
    ScalarVectorOps.mirrorUpperTriangle(a, n);
    float[] expected = a.clone();
    for (int r = 0; r < rows; r++) {
      ops().rankOneUpdate(1f, m, r * n, expected, n);
    }
    float[] whole = a.clone();
    ops().addGram(m, 0, rows, n, whole);
    assertArrayEquals(expected, whole);
    float[] parts = a.clone();
    ops().addGram(m, 0, split, n, parts);
    ops().addGram(m, split, rows - split, n, parts);
    assertArrayEquals(whole, parts);
  }

  @Property(tries = 100, seed = "61006")
  void scoreRowsAndMatVecMatchDotBitForBit(@ForAll @IntRange(max = 150) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = random.nextInt(12);
    int xOff = random.nextInt(20);
    float[] m = floats(random, (rows + 1) * n);
    float[] x = floats(random, xOff + n);
    float[] scores = new float[rows];
    ops().scoreRows(m, 1, rows, n, x, xOff, scores, 0);
    for (int r = 0; r < rows; r++) {
      assertEquals(Float.floatToRawIntBits(ops().dot(m, (r + 1) * n, x, xOff, n)),
          Float.floatToRawIntBits(scores[r]), "row " + r);
      // the product is commutative: dot(x, row) sums the same terms in the same order
      assertEquals(Float.floatToRawIntBits(ops().dot(x, xOff, m, (r + 1) * n, n)),
          Float.floatToRawIntBits(scores[r]), "row " + r + " swapped");
    }
    float[] square = floats(random, n * n);
    float[] y = new float[n];
    ops().matVec(square, x, xOff, y, 0, n);
    for (int r = 0; r < n; r++) {
      assertEquals(Float.floatToRawIntBits(ops().dot(square, r * n, x, xOff, n)),
          Float.floatToRawIntBits(y[r]), "matVec row " + r);
    }
  }

  @Property(tries = 100, seed = "61007")
  void dotDoesNotDependOnOffsets(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int shift = 1 + random.nextInt(19);
    float[] a = floats(random, n);
    float[] b = floats(random, n);
    float[] shiftedA = new float[n + shift];
    System.arraycopy(a, 0, shiftedA, shift, n);
    assertEquals(Float.floatToRawIntBits(ops().dot(a, 0, b, 0, n)),
        Float.floatToRawIntBits(ops().dot(shiftedA, shift, b, 0, n)));
  }

  @Property(tries = 100, seed = "61008")
  void axpyUsesOneFormulaForEveryElement(@ForAll @IntRange(max = 300) int n, @ForAll long seed) {
    // one call over n elements equals n calls over one element each (no vector body at all)
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    float alpha = (float) random.nextDouble(-2, 2);
    float[] x = floats(random, xOff + n);
    float[] whole = floats(random, n);
    float[] single = whole.clone();
    ops().axpy(alpha, x, xOff, whole, 0, n);
    for (int i = 0; i < n; i++) {
      ops().axpy(alpha, x, xOff + i, single, i, 1);
    }
    assertArrayEquals(single, whole);
  }

  @Property(tries = 40, seed = "61009")
  void rankOneUpdateEqualsOneAxpyPerRow(@ForAll @IntRange(max = 150) int n, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float alpha = (float) random.nextDouble(-2, 2);
    float[] x = floats(random, n);
    float[] a = floats(random, n * n);
    float[] expected = a.clone();
    for (int r = 0; r < n; r++) {
      float ax = alpha * x[r];
      if (ax != 0f) {
        ops().axpy(ax, x, 0, expected, r * n, n);
      }
    }
    ops().rankOneUpdate(alpha, x, 0, a, n);
    assertArrayEquals(expected, a);
  }

  @Test
  void sameInputGivesTheSameBitsEveryTime() {
    // 20 000 calls: the kernels get compiled along the way, and the bits must not change
    SplittableRandom random = new SplittableRandom(5);
    int n = 67;
    float[] m = floats(random, 9 * n);
    float[] x = floats(random, n);
    float[] first = new float[9];
    ops().scoreRows(m, 0, 9, n, x, 0, first, 0);
    float firstDot = ops().dot(m, n, x, 0, n);
    float[] again = new float[9];
    for (int k = 0; k < 20_000; k++) {
      ops().scoreRows(m, 0, 9, n, x, 0, again, 0);
      assertEquals(Float.floatToRawIntBits(firstDot),
          Float.floatToRawIntBits(ops().dot(m, n, x, 0, n)));
    }
    assertArrayEquals(first, again);
    assertEquals(Float.floatToRawIntBits(first[1]), Float.floatToRawIntBits(firstDot));
  }

  // ---- argument checks ----

  @Test
  void rejectsNegativeLengthsNamingThem() {
    float[] v = new float[4];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ops().dot(v, 0, v, 0, -1));
    assertTrue(e.getMessage().contains("n = -1; expected n >= 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ops().scoreRows(v, 0, -2, 2, v, 0, new float[1], 0));
    assertTrue(e.getMessage().contains("rows = -2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ops().axpy(1f, v, 0, v, 0, -3));
    assertThrows(IllegalArgumentException.class, () -> ops().matVec(v, v, 0, new float[4], 0, -1));
    assertThrows(IllegalArgumentException.class, () -> ops().rankOneUpdate(1f, v, 0, v, -1));
    e = assertThrows(IllegalArgumentException.class, () -> ops().addGram(v, 0, 1, -2, v));
    assertTrue(e.getMessage().contains("n = -2"), e.getMessage());
  }

  @Test
  void rejectsRangesOutsideTheirArraysNamingThem() {
    float[] a = new float[4];
    float[] b = new float[8];
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().dot(a, 2, b, 0, 3));
    assertTrue(e.getMessage().contains("a range [2, 5) out of bounds for length 4"),
        e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class, () -> ops().dot(b, 0, a, -1, 3));
    assertTrue(e.getMessage().contains("b range [-1, 2)"), e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().matVec(new float[8], b, 0, new float[3], 0, 3));
    assertTrue(e.getMessage().contains("a range [0, 9) out of bounds for length 8"),
        e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().scoreRows(b, 3, 2, 2, a, 0, new float[2], 0));
    assertTrue(e.getMessage().contains("matrix range [6, 10)"), e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().scoreRows(b, 0, 2, 2, a, 0, new float[2], 1));
    assertTrue(e.getMessage().contains("out range [1, 3)"), e.getMessage());
    // a row index whose offset overflows int is out of range, not wrapped around
    e = assertThrows(IndexOutOfBoundsException.class,
        () -> ops().scoreRows(b, 1 << 16, 1, 1 << 16, a, 0, new float[1], 0));
    assertTrue(e.getMessage().contains("matrix range [4294967296, "), e.getMessage());
  }

  @Test
  void rejectsOverlappingOutputs() {
    float[] v = new float[10];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ops().axpy(1f, v, 0, v, 2, 4));
    assertTrue(e.getMessage().contains("y range [2, 6) overlaps x range [0, 4)"), e.getMessage());
    float[] square = new float[16];
    assertThrows(IllegalArgumentException.class, () -> ops().matVec(square, v, 0, v, 2, 4));
    assertThrows(IllegalArgumentException.class, () -> ops().matVec(square, v, 0, square, 8, 4));
    assertThrows(IllegalArgumentException.class,
        () -> ops().rankOneUpdate(1f, square, 2, square, 2));
    assertThrows(IllegalArgumentException.class,
        () -> ops().scoreRows(v, 0, 2, 2, new float[2], 0, v, 3));
    e = assertThrows(IllegalArgumentException.class, () -> ops().addGram(square, 2, 1, 4, square));
    assertTrue(e.getMessage().contains("a range [0, 16) overlaps matrix range [8, 12)"),
        e.getMessage());
    // disjoint ranges of one array are fine: rows 0..1 of v scored into v[6..7]
    float[] w = {1, 2, 3, 4, 1, 1, 0, 0};
    ops().scoreRows(w, 0, 2, 2, w, 4, w, 6);
    assertArrayEquals(new float[] {1, 2, 3, 4, 1, 1, 3, 7}, w);
  }

  @Test
  void failedChecksWriteNothing() {
    float[] x = {1, 2, 3};
    float[] y = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    float[] out = {1, 1, 1, 1};
    float[] before = y.clone();
    assertThrows(IndexOutOfBoundsException.class, () -> ops().axpy(1f, x, 0, y, 0, 10));
    assertThrows(IndexOutOfBoundsException.class, () -> ops().scoreRows(y, 0, 5, 2, x, 0, out, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> ops().rankOneUpdate(1f, x, 0, y, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> ops().matVec(y, x, 0, out, 0, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> ops().addGram(x, 0, 1, 4, y));
    assertThrows(IndexOutOfBoundsException.class, () -> ops().addGram(y, 4, 2, 2, out));
    assertArrayEquals(before, y);
    assertArrayEquals(new float[] {1, 1, 1, 1}, out);
  }

  // ---- data ----

  /** Integers in [-8, 8]: every sum in these tests stays far below 2^24, so it is exact. */
  /** Writes {@code A x} of small integers, summed exactly in long, to {@code out}. */
  private static void writeExactProduct(float[] a, float[] x, int xOff, float[] out, int outOff,
      int n) {
    for (int r = 0; r < n; r++) {
      long s = 0;
      for (int c = 0; c < n; c++) {
        s += (long) a[r * n + c] * (long) x[xOff + c];
      }
      out[outOff + r] = s;
    }
  }

  static float[] integers(SplittableRandom random, int length) {
    float[] v = new float[length];
    for (int i = 0; i < length; i++) {
      v[i] = random.nextInt(17) - 8;
    }
    return v;
  }

  /** Floats in [-1, 1) scaled by powers of two from 2^-8 to 2^8, with some exact zeros. */
  static float[] floats(SplittableRandom random, int length) {
    float[] v = new float[length];
    for (int i = 0; i < length; i++) {
      v[i] = random.nextInt(16) == 0 ? 0f
          : (float) (random.nextDouble(-1, 1) * Math.scalb(1.0, random.nextInt(17) - 8));
    }
    return v;
  }
}
