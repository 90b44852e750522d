package dev.reco.core.synth;

import dev.reco.core.IdIndex;

/**
 * Zero-padded external ids such as {@code u000123} and {@code i00042}: a one-letter prefix and
 * the dense index with at least {@code minDigits} digits, so that ids sort like their indexes.
 * Immutable.
 */
final class IdFormat {
  private final char prefix;
  private final int width;
  private final int count;

  IdFormat(char prefix, int minDigits, int count) {
    this.prefix = prefix;
    this.count = count;
    this.width = Math.max(minDigits, digits(Math.max(0, count - 1)));
  }

  /** Returns the id of a dense index. */
  String format(int index) {
    char[] buf = new char[width + 1];
    append(index, buf, 0);
    return new String(buf);
  }

  /** Returns the number of characters of every id. */
  int length() {
    return width + 1;
  }

  /**
   * Writes the id of {@code index} into {@code buf} at {@code pos}.
   *
   * @return the position after the id
   */
  int append(int index, char[] buf, int pos) {
    buf[pos] = prefix;
    int end = pos + width + 1;
    int v = index;
    for (int p = end - 1; p > pos; p--) {
      buf[p] = (char) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  /** Builds the index of all {@code count} ids, in index order. */
  IdIndex index() {
    IdIndex.Builder builder = IdIndex.builder(count);
    for (int k = 0; k < count; k++) {
      builder.add(format(k));
    }
    return builder.build();
  }

  static int digits(long v) {
    int d = 1;
    while (v >= 10) {
      v /= 10;
      d++;
    }
    return d;
  }
}
