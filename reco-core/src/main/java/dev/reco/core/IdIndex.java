package dev.reco.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A frozen, thread-safe bidirectional map between external string ids and dense ints
 * {@code 0..size()-1}, in the order the ids were first added.
 *
 * <p>Lookups never throw for unknown ids: {@link #indexOf(CharSequence)} returns {@link #UNKNOWN}
 * and {@link #find(CharSequence)} an empty {@code OptionalInt}, so hot loops can test a sentinel
 * instead of catching exceptions. The table is open-addressed over primitive arrays: about
 * {@code 8} bytes per id on top of the id strings themselves, no boxed integers.
 *
 * <p>Build one with {@link #builder()} (single-threaded), then {@link Builder#build()} freezes it.
 */
public final class IdIndex {
  /** Returned by {@link #indexOf(CharSequence)} for an id that is not in the index. */
  public static final int UNKNOWN = -1;

  private static final IdIndex EMPTY = new IdIndex(new String[0], 0);

  private final String[] ids;
  private final int size;
  private final int[] table; // slot -> index + 1 (0 = empty)
  private final int[] slotHash; // slot -> hash of the id there, checked before the string
  private final int mask;

  private IdIndex(String[] ids, int size) {
    this.ids = ids;
    this.size = size;
    int capacity = tableCapacity(size);
    this.table = new int[capacity];
    this.slotHash = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      int hash = ids[i].hashCode();
      int slot = mix(hash) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
      slotHash[slot] = hash;
    }
  }

  /** Returns the empty index. */
  public static IdIndex empty() {
    return EMPTY;
  }

  /**
   * Returns an index of the given ids, in order.
   *
   * @param ids distinct, non-null ids
   * @return the frozen index
   * @throws IllegalArgumentException if an id is null or repeated
   */
  public static IdIndex of(String... ids) {
    return of(Arrays.asList(ids));
  }

  /**
   * Returns an index of the given ids, in order.
   *
   * @param ids distinct, non-null ids
   * @return the frozen index
   * @throws IllegalArgumentException if an id is null or repeated
   */
  public static IdIndex of(List<String> ids) {
    Builder builder = builder(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null) {
        throw new IllegalArgumentException("ids[" + i + "] is null; expected a non-null id");
      }
      if (builder.add(id) != i) {
        throw new IllegalArgumentException(
            "ids[" + i + "] = '" + id + "' repeats an earlier id; expected distinct ids");
      }
    }
    return builder.build();
  }

  /** Returns a builder with a small initial capacity. */
  public static Builder builder() {
    return new Builder(16);
  }

  /**
   * Returns a builder sized for about {@code expectedSize} ids.
   *
   * @param expectedSize expected number of distinct ids, {@code >= 0}
   * @return a new builder
   * @throws IllegalArgumentException if {@code expectedSize < 0}
   */
  public static Builder builder(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize = " + expectedSize + "; expected >= 0");
    }
    return new Builder(expectedSize);
  }

  /** Returns the number of ids. */
  public int size() {
    return size;
  }

  /**
   * Returns the dense index of an id, or {@link #UNKNOWN} if the id is not in the index.
   *
   * @param id the external id (any {@code CharSequence} with the same characters matches)
   * @return the index in {@code [0, size())}, or {@code UNKNOWN}
   */
  public int indexOf(CharSequence id) {
    if (id == null) {
      return UNKNOWN;
    }
    return probe(ids, table, slotHash, mask, id, hash(id));
  }

  /**
   * Returns the dense index of an id, if present.
   *
   * @param id the external id
   * @return the index, or empty if the id is unknown
   */
  public OptionalInt find(CharSequence id) {
    int index = indexOf(id);
    return index == UNKNOWN ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** Returns whether the id is in the index. */
  public boolean contains(CharSequence id) {
    return indexOf(id) != UNKNOWN;
  }

  /**
   * Returns the external id at a dense index.
   *
   * @param index an index in {@code [0, size())}
   * @return the id
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public String idOf(int index) {
    Objects.checkIndex(index, size);
    return ids[index];
  }

  /** Returns the ids in index order, as an unmodifiable list. */
  public List<String> ids() {
    return Collections.unmodifiableList(Arrays.asList(ids).subList(0, size));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof IdIndex)) {
      return false;
    }
    IdIndex other = (IdIndex) o;
    return size == other.size
        && Arrays.equals(ids, 0, size, other.ids, 0, other.size);
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + ids[i].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("IdIndex[size=").append(size);
    for (int i = 0; i < Math.min(size, 5); i++) {
      sb.append(i == 0 ? ", ids=" : ", ").append(ids[i]);
    }
    return sb.append(size > 5 ? ", ...]" : "]").toString();
  }

  /** Same hash as {@link String#hashCode()} for any {@code CharSequence}. */
  static int hash(CharSequence s) {
    if (s instanceof String) {
      return s.hashCode();
    }
    int h = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Smallest power of two at least twice {@code size} (load factor at most 1/2). */
  private static int tableCapacity(int size) {
    int capacity = 4;
    while (capacity < 2L * size) {
      if (capacity == 1 << 30) {
        throw new IllegalStateException("IdIndex cannot hold " + size + " ids; at most 2^29 are supported");
      }
      capacity <<= 1;
    }
    return capacity;
  }

  private static int probe(String[] ids, int[] table, int[] slotHash, int mask, CharSequence id,
      int hash) {
    int slot = mix(hash) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        return UNKNOWN;
      }
      if (slotHash[slot] == hash && contentEquals(ids[entry - 1], id)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static boolean contentEquals(String a, CharSequence b) {
    if (b instanceof String) {
      return a.equals(b);
    }
    return a.contentEquals(b);
  }

  /**
   * Collects ids in first-seen order, then {@link #build() freezes} them into an {@link IdIndex}.
   * Not thread-safe.
   */
  public static final class Builder {
    private String[] ids;
    private int size;
    private int[] table;
    private int[] slotHash;
    private int mask;
    private boolean built;

    private Builder(int expectedSize) {
      ids = new String[Math.max(4, expectedSize)];
      int capacity = tableCapacity(Math.max(4, expectedSize));
      table = new int[capacity];
      slotHash = new int[capacity];
      mask = capacity - 1;
    }

    /**
     * Returns the index of an id, adding it if new. A {@code CharSequence} that is not a
     * {@code String} is copied to a string only when the id is new, so loaders can look up a
     * reused buffer without allocating per line.
     *
     * @param id a non-null id
     * @return its dense index
     * @throws IllegalArgumentException if {@code id} is null
     * @throws IllegalStateException after {@link #build()}
     */
    public int add(CharSequence id) {
      if (id == null) {
        throw new IllegalArgumentException("id is null; expected a non-null id");
      }
      checkNotBuilt();
      int hash = hash(id);
      int found = probe(ids, table, slotHash, mask, id, hash);
      if (found != UNKNOWN) {
        return found;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, grow(size));
      }
      int index = size++;
      ids[index] = id.toString();
      if ((long) size * 2 > table.length) {
        rehash();
      } else {
        insert(index, hash);
      }
      return index;
    }

    /**
     * Returns the index of an id added so far, or {@link IdIndex#UNKNOWN}.
     *
     * @param id the id to look up
     * @return its index or {@code UNKNOWN}
     */
    public int indexOf(CharSequence id) {
      return id == null ? UNKNOWN : probe(ids, table, slotHash, mask, id, hash(id));
    }

    /** Returns the number of distinct ids added so far. */
    public int size() {
      return size;
    }

    /**
     * Freezes the ids into an immutable index. The builder cannot be used afterwards.
     *
     * @return the index
     * @throws IllegalStateException if called twice
     */
    public IdIndex build() {
      checkNotBuilt();
      built = true;
      String[] frozen = ids.length == size ? ids : Arrays.copyOf(ids, size);
      ids = null;
      table = null;
      slotHash = null;
      return size == 0 ? EMPTY : new IdIndex(frozen, size);
    }

    private void checkNotBuilt() {
      if (built) {
        throw new IllegalStateException("IdIndex.Builder was already built; create a new builder");
      }
    }

    private void insert(int index, int hash) {
      int slot = mix(hash) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = index + 1;
      slotHash[slot] = hash;
    }

    private void rehash() {
      int capacity = table.length * 2;
      table = new int[capacity];
      slotHash = new int[capacity];
      mask = capacity - 1;
      for (int i = 0; i < size; i++) {
        insert(i, ids[i].hashCode());
      }
    }

    private static int grow(int n) {
      long next = (long) n + (n >> 1) + 16;
      if (next > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("IdIndex cannot hold more than " + (Integer.MAX_VALUE - 8) + " ids");
      }
      return (int) next;
    }
  }
}
