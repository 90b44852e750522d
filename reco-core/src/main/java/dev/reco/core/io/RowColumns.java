package dev.reco.core.io;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.Arrays;

/**
 * The loader's growing primitive columns and id indexes. Rows are stored by dense index, so ids
 * are resolved once per line by the loader (numeric ids through {@link NumericIdCache}, others
 * through an {@link IdIndex.Builder} that copies an id only when it is new), then handed to
 * {@link Interactions} in one piece. Single use, not thread-safe.
 */
final class RowColumns {
  private final boolean withTime;
  private final boolean withTypes;
  private final IdIndex.Builder users = IdIndex.builder();
  private final IdIndex.Builder items = IdIndex.builder();
  private final IdIndex.Builder types;
  private final NumericIdCache numericUsers = new NumericIdCache();
  private final NumericIdCache numericItems = new NumericIdCache();

  private int size;
  private int[] user;
  private int[] item;
  private float[] value;
  private long[] time;
  private byte[] type;
  private long mergedDuplicates;

  RowColumns(boolean withTime, boolean withTypes, int expectedRows) {
    this.withTime = withTime;
    this.withTypes = withTypes;
    this.types = withTypes ? IdIndex.builder() : null;
    int capacity = Math.max(16, expectedRows);
    user = new int[capacity];
    item = new int[capacity];
    value = new float[capacity];
    time = withTime ? new long[capacity] : null;
    type = withTypes ? new byte[capacity] : null;
  }

  int size() {
    return size;
  }

  int userIndex(CharSlice id) {
    return index(id, users, numericUsers);
  }

  int itemIndex(CharSlice id) {
    return index(id, items, numericItems);
  }

  private static int index(CharSlice id, IdIndex.Builder ids, NumericIdCache cache) {
    int v = NumericIdCache.canonicalValue(id.array(), id.offset(), id.length());
    int index = cache.get(v);
    if (index < 0) {
      index = ids.add(id);
      cache.put(v, index, ids.size());
    }
    return index;
  }

  /**
   * Returns the code of an event type, adding it if new, or -1 if it is new and the table
   * already has {@link Interactions#MAX_EVENT_TYPES} types.
   */
  int typeCode(CharSlice name) {
    int code = types.indexOf(name);
    if (code == IdIndex.UNKNOWN) {
      if (types.size() == Interactions.MAX_EVENT_TYPES) {
        return -1;
      }
      code = types.add(name);
    }
    return code;
  }

  void add(int u, int i, float v, long t, int code) {
    if (size == user.length) {
      grow();
    }
    user[size] = u;
    item[size] = i;
    value[size] = v;
    if (withTime) {
      time[size] = t;
    }
    if (withTypes) {
      type[size] = (byte) code;
    }
    size++;
  }

  private void grow() {
    long next = (long) size + (size >> 1) + 16;
    if (next > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "Interactions cannot hold more than " + (Integer.MAX_VALUE - 8) + " rows");
    }
    int capacity = (int) next;
    user = Arrays.copyOf(user, capacity);
    item = Arrays.copyOf(item, capacity);
    value = Arrays.copyOf(value, capacity);
    time = withTime ? Arrays.copyOf(time, capacity) : null;
    type = withTypes ? Arrays.copyOf(type, capacity) : null;
  }

  /** Rows merged by the last {@link #build}. */
  long mergedDuplicates() {
    return mergedDuplicates;
  }

  /**
   * Builds the table, merging duplicates as {@code policy} says, with the same result as adding
   * the rows to {@code Interactions.builder(policy)} by id in the same order. The columns are
   * released as they are handed over.
   *
   * @throws IllegalArgumentException if summing duplicates overflows a float
   */
  Interactions build(DuplicatePolicy policy) {
    IdIndex userIds = users.build();
    IdIndex itemIds = items.build();
    IdIndex typeNames = withTypes ? types.build() : null;
    int n = size;
    if (!policy.merges()) {
      mergedDuplicates = 0;
      int[] u = trim(user);
      int[] i = trim(item);
      float[] v = trim(value);
      long[] t = withTime ? trim(time) : null;
      byte[] e = withTypes ? trim(type) : null;
      release();
      return Interactions.fromColumns(userIds, itemIds, typeNames, u, i, v, t, e);
    }
    // Fixed indexes let the builder take rows by index. Without timestamps every row gets time 0:
    // ties go to the row added later, exactly the rule for rows without timestamps, and the
    // placeholder column is dropped afterwards.
    Interactions.Builder builder = Interactions.builder(policy)
        .userIndex(userIds).itemIndex(itemIds).expectedSize(n);
    int[] u = user;
    int[] i = item;
    float[] v = value;
    long[] t = time;
    byte[] e = type;
    release();
    for (int r = 0; r < n; r++) {
      if (withTypes) {
        builder.addIndexed(u[r], i[r], v[r], t[r], typeNames.idOf(e[r] & 0xFF));
      } else {
        builder.addIndexed(u[r], i[r], v[r], withTime ? t[r] : 0L);
      }
    }
    u = null;
    i = null;
    v = null;
    t = null;
    e = null;
    Interactions merged = builder.build();
    mergedDuplicates = builder.mergedDuplicates();
    if (withTime) {
      return merged;
    }
    return Interactions.fromColumns(userIds, itemIds, null, merged.userColumn(),
        merged.itemColumn(), merged.valueColumn(), null, null);
  }

  private void release() {
    user = null;
    item = null;
    value = null;
    time = null;
    type = null;
  }

  private int[] trim(int[] a) {
    return a.length == size ? a : Arrays.copyOf(a, size);
  }

  private float[] trim(float[] a) {
    return a.length == size ? a : Arrays.copyOf(a, size);
  }

  private long[] trim(long[] a) {
    return a.length == size ? a : Arrays.copyOf(a, size);
  }

  private byte[] trim(byte[] a) {
    return a.length == size ? a : Arrays.copyOf(a, size);
  }
}
