package dev.reco.features.quality;

/**
 * An insert-only open-addressing set of longs (linear probing, load at most 1/2), so uniqueness
 * checks box nothing per row. Not thread-safe.
 */
final class LongHashSet {
  private long[] keys;
  private boolean[] used;
  private int size;
  private int mask;

  LongHashSet(int expected) {
    int cap = 16;
    while (cap < 2L * expected && cap < (1 << 30)) {
      cap <<= 1;
    }
    keys = new long[cap];
    used = new boolean[cap];
    mask = cap - 1;
  }

  /** The finalizer of MurmurHash3's 64-bit variant: spreads all bits of the key. */
  static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Adds a key; returns false when it was already present. */
  boolean add(long key) {
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    if (++size * 2 > keys.length) {
      rehash();
    }
    return true;
  }

  int size() {
    return size;
  }

  private void rehash() {
    long[] oldKeys = keys;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = (int) mix(oldKeys[j]) & mask;
        while (used[i]) {
          i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = oldKeys[j];
      }
    }
  }
}
