package dev.reco.models.linalg;

/**
 * Argument checks shared by the {@link VectorOps} implementations. Every kernel checks all of its
 * ranges before it writes anything, so bad arguments never leave a half-updated output behind.
 */
final class Ranges {
  private Ranges() {}

  /**
   * Checks that a length or count is not negative.
   *
   * @throws IllegalArgumentException if {@code value < 0}
   */
  static void checkNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " = " + value + "; expected " + name + " >= 0");
    }
  }

  /**
   * Checks that {@code [off, off + len)} lies inside {@code array}.
   *
   * @throws IndexOutOfBoundsException if it does not
   */
  static void checkRange(String name, float[] array, long off, long len) {
    checkRange(name, array.length, off, len);
  }

  /**
   * Checks that {@code [off, off + len)} lies inside {@code array}.
   *
   * @throws IndexOutOfBoundsException if it does not
   */
  static void checkRange(String name, byte[] array, long off, long len) {
    checkRange(name, array.length, off, len);
  }

  private static void checkRange(String name, int length, long off, long len) {
    if (off < 0 || len < 0 || off + len > length) {
      throw new IndexOutOfBoundsException(name + " range [" + off + ", " + (off + len)
          + ") out of bounds for length " + length + "; expected 0 <= start <= end <= " + length);
    }
  }

  /**
   * Checks the arguments of {@link VectorOps#matVec} and {@link VectorOps#transposedMatVec}.
   */
  static void checkMatVec(float[] a, float[] x, int xOff, float[] y, int yOff, int n) {
    checkNonNegative("n", n);
    long size = (long) n * n;
    checkRange("a", a, 0, size);
    checkRange("x", x, xOff, n);
    checkRange("y", y, yOff, n);
    checkDisjoint("y", y, yOff, n, "x", x, xOff, n);
    checkDisjoint("y", y, yOff, n, "a", a, 0, size);
  }

  /**
   * Checks the arguments of {@link VectorOps#scoreCodes}.
   */
  static void checkScoreCodes(byte[] codes, int firstRow, int rows, int n, float[] x, int xOff,
      float[] out, int outOff) {
    checkNonNegative("rows", rows);
    checkNonNegative("n", n);
    checkRange("codes", codes, (long) firstRow * n, (long) rows * n);
    checkRange("x", x, xOff, n);
    checkRange("out", out, outOff, rows);
    checkDisjoint("out", out, outOff, rows, "x", x, xOff, n);
  }

  /**
   * Checks that an output range shares no element with an input range of the same array.
   *
   * @throws IllegalArgumentException if both are the same array and the ranges intersect
   */
  static void checkDisjoint(String outName, float[] out, long outOff, long outLen, String inName,
      float[] in, long inOff, long inLen) {
    if (out == in && outLen > 0 && inLen > 0 && outOff < inOff + inLen && inOff < outOff + outLen) {
      throw new IllegalArgumentException(outName + " range [" + outOff + ", " + (outOff + outLen)
          + ") overlaps " + inName + " range [" + inOff + ", " + (inOff + inLen)
          + ") of the same array; expected disjoint ranges");
    }
  }
}
