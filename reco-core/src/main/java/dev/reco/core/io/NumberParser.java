package dev.reco.core.io;

/**
 * Parses numbers straight from a char buffer, without a String per field in the common case.
 *
 * <p>Each method has a fast path for plain text and otherwise defers to the JDK parser, so the
 * result is always bit-identical to {@link Float#parseFloat(String)} / {@link
 * Long#parseLong(String)} on the same characters, including which inputs throw.
 *
 * <p>Float fast path ("Clinger's fast path", W. D. Clinger, How to read floating point numbers
 * accurately, PLDI 1990): text {@code [-]digits[.digits]} with at most 7 significant digits and
 * at most 10 fraction digits. The digits form an integer {@code m < 10^7 < 2^24} and the scale
 * {@code 10^f} with {@code f <= 10} is exact in float ({@code 5^10 < 2^24}), so {@code m / 10^f}
 * is one correctly rounded IEEE division of exact operands: the correctly rounded value of the
 * decimal, which is what {@code Float.parseFloat} returns (it takes the same path for such text).
 */
final class NumberParser {
  private static final float[] POW10 = {
    1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f
  };
  private static final int MAX_FAST_DIGITS = 7;

  private NumberParser() {}

  /**
   * Parses {@code a[off, off + len)} like {@link Float#parseFloat(String)}.
   *
   * @throws NumberFormatException exactly when {@code Float.parseFloat} would
   */
  static float parseFloat(char[] a, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (i < end && a[i] == '-') {
      negative = true;
      i++;
    }
    int mantissa = 0;
    int significant = 0;
    int fraction = 0;
    boolean anyDigit = false;
    for (; i < end; i++) {
      int d = a[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      anyDigit = true;
      if ((mantissa | d) != 0 && ++significant > MAX_FAST_DIGITS) {
        return slowFloat(a, off, len);
      }
      mantissa = mantissa * 10 + d;
    }
    if (i < end && a[i] == '.') {
      for (i++; i < end; i++) {
        int d = a[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        anyDigit = true;
        fraction++;
        if ((mantissa | d) != 0 && ++significant > MAX_FAST_DIGITS) {
          return slowFloat(a, off, len);
        }
        mantissa = mantissa * 10 + d;
      }
    }
    if (i != end || !anyDigit || fraction >= POW10.length) {
      return slowFloat(a, off, len);
    }
    float f = mantissa; // exact: mantissa < 10^7 < 2^24
    if (fraction > 0) {
      f /= POW10[fraction];
    }
    return negative ? -f : f;
  }

  /**
   * Parses {@code a[off, off + len)} like {@link Long#parseLong(String)}.
   *
   * @throws NumberFormatException exactly when {@code Long.parseLong} would
   */
  static long parseLong(char[] a, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (i < end && a[i] == '-') {
      negative = true;
      i++;
    }
    int digits = end - i;
    if (digits == 0 || digits > 18) { // 18 digits cannot overflow a long
      return Long.parseLong(new String(a, off, len));
    }
    long v = 0;
    for (; i < end; i++) {
      int d = a[i] - '0';
      if (d < 0 || d > 9) {
        return Long.parseLong(new String(a, off, len));
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  private static float slowFloat(char[] a, int off, int len) {
    return Float.parseFloat(new String(a, off, len));
  }

  /**
   * Returns whether text that failed to parse still names a non-finite value the JDK does not
   * spell, such as {@code inf}, {@code -INF} or {@code nan}.
   */
  static boolean namesNonFinite(CharSequence text) {
    String s = text.toString().trim().toLowerCase(java.util.Locale.ROOT);
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    return s.equals("nan") || s.equals("inf") || s.equals("infinity");
  }
}
