package dev.reco.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable {@link CharSequence} view of a range of a char array, so ids can be looked up in an
 * {@link dev.reco.core.IdIndex.Builder} without a String per field (it copies only new ids).
 * Not thread-safe; the view is valid until the next {@code set}.
 */
final class CharSlice implements CharSequence {
  private char[] array = new char[0];
  private int offset;
  private int length;
  private char[] scratch = new char[16];

  /** Points this view at {@code a[off, off + len)}. */
  void set(char[] a, int off, int len) {
    array = a;
    offset = off;
    length = len;
  }

  /** Points this view at a copy of {@code a[off, end)} in which each {@code ""} becomes {@code "}. */
  void setUnquoted(char[] a, int off, int end) {
    if (scratch.length < end - off) {
      scratch = Arrays.copyOf(scratch, Math.max(end - off, 2 * scratch.length));
    }
    int n = 0;
    for (int i = off; i < end; i++) {
      char c = a[i];
      scratch[n++] = c;
      if (c == '"') {
        i++; // skip the second quote of the pair
      }
    }
    set(scratch, 0, n);
  }

  /** Returns the backing array of the current view (for number parsing). */
  char[] array() {
    return array;
  }

  /** Returns the offset of the current view in {@link #array()}. */
  int offset() {
    return offset;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return array[offset + Objects.checkIndex(index, length)];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    Objects.checkFromToIndex(start, end, length);
    return new String(array, offset + start, end - start);
  }

  @Override
  public String toString() {
    return new String(array, offset, length);
  }
}
