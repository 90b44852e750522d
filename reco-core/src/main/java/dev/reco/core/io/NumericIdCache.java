package dev.reco.core.io;

import java.util.Arrays;

/**
 * Maps ids written as canonical decimal integers ({@code 0}, or {@code [1-9][0-9]{0,8}}) straight
 * to their dense index through an array indexed by the integer value, skipping the hash lookup
 * for the common case of numeric ids (MovieLens and most dumps).
 *
 * <p>Sound because canonical decimal text and its integer value determine each other: "7" and
 * "007" are different ids, and "007" is not canonical, so it never reaches the cache. Memory is
 * bounded: values at or above {@code 8 * distinct ids + 4096} (and above 2^24) are not cached
 * and take the hash path instead, so sparse large ids cannot blow up the array.
 */
final class NumericIdCache {
  static final int NOT_NUMERIC = -1;
  private static final int MAX_SLOTS = 1 << 24;

  private int[] slots = new int[1024]; // value -> index + 1 (0 = not cached)

  /** Returns the value of canonical decimal text of at most 9 digits, or {@link #NOT_NUMERIC}. */
  static int canonicalValue(char[] a, int off, int len) {
    if (len == 0 || len > 9) {
      return NOT_NUMERIC;
    }
    int v = a[off] - '0';
    if (v < 1 || v > 9) {
      return len == 1 && v == 0 ? 0 : NOT_NUMERIC;
    }
    for (int k = 1; k < len; k++) {
      int d = a[off + k] - '0';
      if (d < 0 || d > 9) {
        return NOT_NUMERIC;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Returns the cached index of {@code value}, or -1. */
  int get(int value) {
    return value >= 0 && value < slots.length ? slots[value] - 1 : -1;
  }

  /** Caches {@code index} for {@code value} when the value is within the memory bound. */
  void put(int value, int index, int distinctIds) {
    if (value < 0) {
      return;
    }
    if (value >= slots.length) {
      long limit = Math.min(MAX_SLOTS, 8L * distinctIds + 4096);
      if (value >= limit) {
        return;
      }
      slots = Arrays.copyOf(slots, (int) Math.min(limit, Math.max(value + 1L, 2L * slots.length)));
    }
    slots[value] = index + 1;
  }
}
