package dev.reco.features.quality;

/**
 * An insert-only open-addressing set of rows keyed by a tuple of long components (one array
 * per key column), for composite-key uniqueness: stores row indices, compares the tuples of
 * colliding rows component by component. Not thread-safe.
 */
final class RowKeySet {
  private final long[][] components;
  private int[] slots; // row + 1, 0 = empty
  private int mask;
  private int size;

  RowKeySet(long[][] components, int expected) {
    this.components = components;
    int cap = 16;
    while (cap < 2L * expected && cap < (1 << 30)) {
      cap <<= 1;
    }
    slots = new int[cap];
    mask = cap - 1;
  }

  private long hash(int row) {
    long h = 0x9E3779B97F4A7C15L;
    for (long[] c : components) {
      h = LongHashSet.mix(h ^ c[row]) + 0x9E3779B97F4A7C15L;
    }
    return LongHashSet.mix(h);
  }

  private boolean same(int a, int b) {
    for (long[] c : components) {
      if (c[a] != c[b]) {
        return false;
      }
    }
    return true;
  }

  /** Adds a row; returns false when an earlier row has the same tuple. */
  boolean add(int row) {
    int i = (int) hash(row) & mask;
    while (slots[i] != 0) {
      if (same(slots[i] - 1, row)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = row + 1;
    if (++size * 2 > slots.length) {
      rehash();
    }
    return true;
  }

  private void rehash() {
    int[] old = slots;
    slots = new int[old.length * 2];
    mask = slots.length - 1;
    for (int s : old) {
      if (s != 0) {
        int i = (int) hash(s - 1) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }
}
