package dev.reco.models.linalg;

import static dev.reco.models.linalg.VectorOpsContract.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The SIMD kernels against the scalar ones on random floats. The two sum in different orders, so
 * they agree within the classic bound for a float dot product: each differs from the exact value
 * by at most {@code gamma(n) * sum |a_i b_i|} with {@code gamma(n) ~ n * 2^-24}, hence from each
 * other by at most twice that. Element-wise kernels differ by at most one rounding of each
 * operand (fused versus separate multiply-add), and not at all without FMA.
 */
class PanamaAgreesWithScalarTest {
  private static final VectorOps SCALAR = VectorOps.scalar();
  private static final VectorOps FUSED = VectorOpsProvider.panama(true);
  private static final VectorOps MUL_ADD = VectorOpsProvider.panama(false);
  private static final double U = Math.scalb(1.0, -24);

  private static VectorOps simd(boolean fma) {
    return fma ? FUSED : MUL_ADD;
  }

  /** Twice the forward error bound of a float dot product of length n. */
  private static double dotTolerance(float[] a, int aOff, float[] b, int bOff, int n) {
    double absSum = 0;
    for (int i = 0; i < n; i++) {
      absSum += Math.abs((double) a[aOff + i] * b[bOff + i]);
    }
    return 2 * (n + 1) * U * absSum + Float.MIN_VALUE;
  }

  private static void assertClose(double expected, double actual, double tolerance, String what) {
    assertTrue(Math.abs(expected - actual) <= tolerance,
        what + ": scalar " + expected + ", simd " + actual + ", tolerance " + tolerance);
  }

  @Property(tries = 300, seed = "62001")
  void dotAgrees(@ForAll @IntRange(max = 300) int n, @ForAll boolean fma, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int aOff = random.nextInt(20);
    int bOff = random.nextInt(20);
    float[] a = floats(random, aOff + n);
    float[] b = floats(random, bOff + n);
    assertClose(SCALAR.dot(a, aOff, b, bOff, n), simd(fma).dot(a, aOff, b, bOff, n),
        dotTolerance(a, aOff, b, bOff, n), "dot n = " + n);
  }

  @Property(tries = 200, seed = "62002")
  void axpyAgrees(@ForAll @IntRange(max = 300) int n, @ForAll boolean fma, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int yOff = random.nextInt(20);
    float alpha = (float) random.nextDouble(-3, 3);
    float[] x = floats(random, xOff + n);
    float[] y = floats(random, yOff + n);
    float[] expected = y.clone();
    float[] actual = y.clone();
    SCALAR.axpy(alpha, x, xOff, expected, yOff, n);
    simd(fma).axpy(alpha, x, xOff, actual, yOff, n);
    if (!fma) {
      assertArrayEquals(expected, actual, "multiply then add is the scalar formula");
      return;
    }
    for (int i = 0; i < n; i++) {
      // y + alpha x rounded once (fused, error <= u scale) or twice (<= 2u scale)
      double scale = Math.abs(y[yOff + i]) + Math.abs((double) alpha * x[xOff + i]);
      assertClose(expected[yOff + i], actual[yOff + i], 4 * U * scale + Float.MIN_VALUE,
          "axpy element " + i);
    }
  }

  @Property(tries = 80, seed = "62003")
  void matVecAgrees(@ForAll @IntRange(max = 300) int n, @ForAll boolean fma, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int yOff = random.nextInt(20);
    float[] a = floats(random, n * n);
    float[] x = floats(random, xOff + n);
    float[] expected = new float[yOff + n];
    float[] actual = new float[yOff + n];
    SCALAR.matVec(a, x, xOff, expected, yOff, n);
    simd(fma).matVec(a, x, xOff, actual, yOff, n);
    for (int r = 0; r < n; r++) {
      assertClose(expected[yOff + r], actual[yOff + r], dotTolerance(a, r * n, x, xOff, n),
          "matVec row " + r + " of " + n);
    }
  }

  @Property(tries = 80, seed = "62007")
  void transposedMatVecAgreesAndIsBitIdenticalWithoutFma(@ForAll @IntRange(max = 200) int n,
      @ForAll boolean fma, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    int yOff = random.nextInt(20);
    float[] a = floats(random, n * n);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < r; c++) {
        a[r * n + c] = a[c * n + r];
      }
    }
    float[] x = floats(random, xOff + n);
    float[] expected = new float[yOff + n];
    float[] actual = new float[yOff + n];
    SCALAR.transposedMatVec(a, x, xOff, expected, yOff, n);
    simd(fma).transposedMatVec(a, x, xOff, actual, yOff, n);
    if (!fma) {
      assertArrayEquals(expected, actual, "same order, same roundings");
    }
    for (int r = 0; r < n; r++) {
      assertClose(expected[yOff + r], actual[yOff + r], dotTolerance(a, r * n, x, xOff, n),
          "transposedMatVec row " + r + " of " + n);
    }
    // and it is the product A x that matVec computes, within the dot bound
    float[] rows = new float[yOff + n];
    SCALAR.matVec(a, x, xOff, rows, yOff, n);
    for (int r = 0; r < n; r++) {
      assertClose(rows[yOff + r], expected[yOff + r], dotTolerance(a, r * n, x, xOff, n),
          "transposedMatVec vs matVec row " + r + " of " + n);
    }
  }

  @Property(tries = 80, seed = "62004")
  void rankOneUpdateAgrees(@ForAll @IntRange(max = 300) int n,
      @ForAll boolean fma, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int xOff = random.nextInt(20);
    float alpha = (float) random.nextDouble(-3, 3);
    float[] x = floats(random, xOff + n);
    float[] a = floats(random, n * n);
    float[] expected = a.clone();
    float[] actual = a.clone();
    SCALAR.rankOneUpdate(alpha, x, xOff, expected, n);
    simd(fma).rankOneUpdate(alpha, x, xOff, actual, n);
    if (!fma) {
      assertArrayEquals(expected, actual, "multiply then add is the scalar formula");
      return;
    }
    for (int r = 0; r < n; r++) {
      float ax = alpha * x[xOff + r];
      for (int c = 0; c < n; c++) {
        double scale = Math.abs(a[r * n + c]) + Math.abs((double) ax * x[xOff + c]);
        assertClose(expected[r * n + c], actual[r * n + c], 4 * U * scale + Float.MIN_VALUE,
            "rankOneUpdate (" + r + ", " + c + ")");
      }
    }
  }

  @Property(tries = 60, seed = "62006")
  void addGramAgrees(@ForAll @IntRange(max = 150) int n, @ForAll boolean fma,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int firstRow = random.nextInt(4);
    int rows = random.nextInt(12);
    float[] m = floats(random, (firstRow + rows) * n);
    float[] a = floats(random, n * n);
    float[] expected = a.clone();
    float[] actual = a.clone();
    SCALAR.addGram(m, firstRow, rows, n, expected);
    simd(fma).addGram(m, firstRow, rows, n, actual);
    if (!fma) {
      assertArrayEquals(expected, actual, "multiply then add is the scalar formula");
      return;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        // both add the same rows+1 terms in the same order; roundings differ by fusing
        double absSum = Math.abs(a[i * n + j]);
        for (int r = firstRow; r < firstRow + rows; r++) {
          absSum += Math.abs((double) m[r * n + i] * m[r * n + j]);
        }
        assertClose(expected[i * n + j], actual[i * n + j],
            2 * (rows + 1) * U * absSum + Float.MIN_VALUE, "addGram (" + i + ", " + j + ")");
        assertEquals(Float.floatToRawIntBits(actual[i * n + j]),
            Float.floatToRawIntBits(actual[j * n + i]), "symmetric");
      }
    }
  }

  @Property(tries = 150, seed = "62005")
  void scoreRowsAgrees(@ForAll @IntRange(max = 300) int n, @ForAll boolean fma, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int firstRow = random.nextInt(31);
    int rows = random.nextInt(31);
    int xOff = random.nextInt(20);
    int outOff = random.nextInt(20);
    float[] m = floats(random, (firstRow + rows) * n);
    float[] x = floats(random, xOff + n);
    float[] expected = new float[outOff + rows];
    float[] actual = new float[outOff + rows];
    SCALAR.scoreRows(m, firstRow, rows, n, x, xOff, expected, outOff);
    simd(fma).scoreRows(m, firstRow, rows, n, x, xOff, actual, outOff);
    for (int r = 0; r < rows; r++) {
      assertClose(expected[outOff + r], actual[outOff + r],
          dotTolerance(m, (firstRow + r) * n, x, xOff, n), "scoreRows row " + r);
    }
  }
}
