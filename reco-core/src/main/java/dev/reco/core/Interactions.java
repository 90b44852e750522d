package dev.reco.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, thread-safe table of user–item interactions held in primitive columns: user
 * index, item index, value, and optionally timestamp (epoch milliseconds) and event type.
 *
 * <p>Memory: 12 bytes per row, plus 8 with timestamps and 1 with event types (21 bytes for a
 * full event log), plus the id indexes. No object is allocated per row.
 *
 * <p>Row order: a builder with a merging {@link DuplicatePolicy} yields rows sorted by (user,
 * item); {@link DuplicatePolicy#KEEP_ALL} keeps insertion order. {@link #select(int[])} keeps the
 * order it is given. Subsets made by {@code select} share the user and item indexes of their
 * source, so a user's index means the same thing in a train and a test split.
 *
 * <p>The CSR views {@link #byUser()} and {@link #byItem()} are built on first use in
 * O(rows + users + items) and cached; duplicate (user, item) rows are summed in them.
 */
public final class Interactions {
  /** Maximum number of distinct event types (codes are stored in one byte). */
  public static final int MAX_EVENT_TYPES = 256;

  private final IdIndex users;
  private final IdIndex items;
  private final IdIndex eventTypes; // null when there is no event type column
  private final int[] user;
  private final int[] item;
  private final float[] value;
  private final long[] timestamp; // null when there is no timestamp column
  private final byte[] eventType; // null when there is no event type column

  private volatile CsrMatrix byUser;
  private volatile CsrMatrix byItem;
  private volatile DataFingerprint fingerprint;

  Interactions(IdIndex users, IdIndex items, IdIndex eventTypes, int[] user, int[] item,
      float[] value, long[] timestamp, byte[] eventType) {
    this.users = users;
    this.items = items;
    this.eventTypes = eventTypes;
    this.user = user;
    this.item = item;
    this.value = value;
    this.timestamp = timestamp;
    this.eventType = eventType;
  }

  /**
   * Returns a builder that handles repeated (user, item) pairs as {@code policy} says.
   *
   * @param policy the duplicate policy, never null
   * @return a new builder
   */
  public static Builder builder(DuplicatePolicy policy) {
    return new Builder(policy);
  }

  /**
   * Builds a table directly from columns, as a binary reader does. The arrays are copied, rows
   * are kept as given (no merging), and every entry is validated.
   *
   * @param users the user index
   * @param items the item index
   * @param eventTypes the event-type names, or {@code null} when {@code eventType} is null
   * @param user user index of each row
   * @param item item index of each row, same length
   * @param value finite value of each row, same length
   * @param timestamp epoch milliseconds of each row, or {@code null}
   * @param eventType event-type code of each row (read unsigned), or {@code null}
   * @return the table
   * @throws IllegalArgumentException if lengths differ, an index or code is out of range, or a
   *     value is not finite
   */
  public static Interactions fromColumns(IdIndex users, IdIndex items, IdIndex eventTypes,
      int[] user, int[] item, float[] value, long[] timestamp, byte[] eventType) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(value, "value");
    int n = user.length;
    if (item.length != n || value.length != n || (timestamp != null && timestamp.length != n)
        || (eventType != null && eventType.length != n)) {
      throw new IllegalArgumentException("column lengths user=" + n + ", item=" + item.length
          + ", value=" + value.length
          + (timestamp == null ? "" : ", timestamp=" + timestamp.length)
          + (eventType == null ? "" : ", eventType=" + eventType.length)
          + "; expected equal lengths");
    }
    if ((eventType == null) != (eventTypes == null)) {
      throw new IllegalArgumentException(
          "eventType column and eventTypes index must be both present or both null");
    }
    if (eventTypes != null && eventTypes.size() > MAX_EVENT_TYPES) {
      throw new IllegalArgumentException("eventTypes has " + eventTypes.size()
          + " names; expected at most " + MAX_EVENT_TYPES);
    }
    for (int r = 0; r < n; r++) {
      if (user[r] < 0 || user[r] >= users.size()) {
        throw new IllegalArgumentException(
            "user[" + r + "] = " + user[r] + "; expected in [0, " + users.size() + ")");
      }
      if (item[r] < 0 || item[r] >= items.size()) {
        throw new IllegalArgumentException(
            "item[" + r + "] = " + item[r] + "; expected in [0, " + items.size() + ")");
      }
      if (!Float.isFinite(value[r])) {
        throw new IllegalArgumentException("value[" + r + "] = " + value[r] + "; expected finite");
      }
      if (eventType != null && (eventType[r] & 0xFF) >= eventTypes.size()) {
        throw new IllegalArgumentException("eventType[" + r + "] = " + (eventType[r] & 0xFF)
            + "; expected in [0, " + eventTypes.size() + ")");
      }
    }
    return new Interactions(users, items, eventTypes, user.clone(), item.clone(), value.clone(),
        timestamp == null ? null : timestamp.clone(), eventType == null ? null : eventType.clone());
  }

  /** Returns the number of rows. */
  public int size() {
    return user.length;
  }

  /** Returns whether there are no rows. */
  public boolean isEmpty() {
    return user.length == 0;
  }

  /** Returns the user index (external id ↔ dense int). */
  public IdIndex users() {
    return users;
  }

  /** Returns the item index (external id ↔ dense int). */
  public IdIndex items() {
    return items;
  }

  /** Returns the number of users in the user index (some may have no rows in this subset). */
  public int numUsers() {
    return users.size();
  }

  /** Returns the number of items in the item index (some may have no rows in this subset). */
  public int numItems() {
    return items.size();
  }

  /**
   * Returns the user index of a row.
   *
   * @param row a row in {@code [0, size())}
   * @return the user's dense index
   */
  public int user(int row) {
    return user[row];
  }

  /**
   * Returns the item index of a row.
   *
   * @param row a row in {@code [0, size())}
   * @return the item's dense index
   */
  public int item(int row) {
    return item[row];
  }

  /**
   * Returns the value of a row (1.0 for implicit data without a value column).
   *
   * @param row a row in {@code [0, size())}
   * @return the value, always finite
   */
  public float value(int row) {
    return value[row];
  }

  /** Returns whether rows carry timestamps. */
  public boolean hasTimestamps() {
    return timestamp != null;
  }

  /**
   * Returns the timestamp of a row, in epoch milliseconds.
   *
   * @param row a row in {@code [0, size())}
   * @return the timestamp
   * @throws IllegalStateException if there is no timestamp column
   */
  public long timestamp(int row) {
    if (timestamp == null) {
      throw new IllegalStateException("these interactions have no timestamp column");
    }
    return timestamp[row];
  }

  /** Returns whether rows carry event types. */
  public boolean hasEventTypes() {
    return eventType != null;
  }

  /**
   * Returns the event-type names, indexed by event-type code.
   *
   * @return the event-type index; empty if there is no event type column
   */
  public IdIndex eventTypes() {
    return eventTypes == null ? IdIndex.empty() : eventTypes;
  }

  /**
   * Returns the event-type code of a row; {@code eventTypes().idOf(code)} is its name.
   *
   * @param row a row in {@code [0, size())}
   * @return the code in {@code [0, eventTypes().size())}
   * @throws IllegalStateException if there is no event type column
   */
  public int eventType(int row) {
    if (eventType == null) {
      throw new IllegalStateException("these interactions have no event type column");
    }
    return eventType[row] & 0xFF;
  }

  /** Returns a copy of the user column. */
  public int[] userColumn() {
    return user.clone();
  }

  /** Returns a copy of the item column. */
  public int[] itemColumn() {
    return item.clone();
  }

  /** Returns a copy of the value column. */
  public float[] valueColumn() {
    return value.clone();
  }

  /**
   * Returns a copy of the timestamp column.
   *
   * @return the timestamps in epoch milliseconds
   * @throws IllegalStateException if there is no timestamp column
   */
  public long[] timestampColumn() {
    if (timestamp == null) {
      throw new IllegalStateException("these interactions have no timestamp column");
    }
    return timestamp.clone();
  }

  /**
   * Returns a copy of the event-type code column (codes read unsigned).
   *
   * @return the codes
   * @throws IllegalStateException if there is no event type column
   */
  public byte[] eventTypeColumn() {
    if (eventType == null) {
      throw new IllegalStateException("these interactions have no event type column");
    }
    return eventType.clone();
  }

  /**
   * Returns the user × item matrix (rows = users, columns = items, duplicates summed).
   *
   * @return the cached CSR view
   */
  public CsrMatrix byUser() {
    CsrMatrix m = byUser;
    if (m == null) {
      synchronized (this) {
        m = byUser;
        if (m == null) {
          m = CsrMatrix.fromCoordinates(users.size(), items.size(), user, item, value, user.length);
          byUser = m;
        }
      }
    }
    return m;
  }

  /**
   * Returns the item × user matrix (rows = items, columns = users, duplicates summed).
   *
   * @return the cached CSR view
   */
  public CsrMatrix byItem() {
    CsrMatrix m = byItem;
    if (m == null) {
      synchronized (this) {
        m = byItem;
        if (m == null) {
          m = byUser().transpose();
          byItem = m;
        }
      }
    }
    return m;
  }

  /**
   * Returns the rows at the given positions, in the given order, sharing this table's indexes.
   *
   * @param rows row positions in {@code [0, size())}; may repeat
   * @return a new table
   * @throws IndexOutOfBoundsException if a position is out of range
   */
  public Interactions select(int[] rows) {
    Objects.requireNonNull(rows, "rows");
    int n = rows.length;
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    long[] t = timestamp == null ? null : new long[n];
    byte[] e = eventType == null ? null : new byte[n];
    for (int k = 0; k < n; k++) {
      int r = Objects.checkIndex(rows[k], user.length);
      u[k] = user[r];
      i[k] = item[r];
      v[k] = value[r];
      if (t != null) {
        t[k] = timestamp[r];
      }
      if (e != null) {
        e[k] = eventType[r];
      }
    }
    return new Interactions(users, items, eventTypes, u, i, v, t, e);
  }

  /**
   * Returns the number of rows of each user.
   *
   * @return an array of length {@code numUsers()}
   */
  public int[] userCounts() {
    int[] counts = new int[users.size()];
    for (int u : user) {
      counts[u]++;
    }
    return counts;
  }

  /**
   * Returns the number of rows of each item.
   *
   * @return an array of length {@code numItems()}
   */
  public int[] itemCounts() {
    int[] counts = new int[items.size()];
    for (int i : item) {
      counts[i]++;
    }
    return counts;
  }

  /** Returns the number of distinct users that have at least one row. */
  public int activeUsers() {
    return countNonZero(userCounts());
  }

  /** Returns the number of distinct items that have at least one row. */
  public int activeItems() {
    return countNonZero(itemCounts());
  }

  private static int countNonZero(int[] counts) {
    int n = 0;
    for (int c : counts) {
      if (c != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns the heap bytes held by the columns (excluding id indexes, cached views and object
   * headers).
   */
  public long columnBytes() {
    long n = user.length;
    return n * (4 + 4 + 4 + (timestamp == null ? 0 : 8) + (eventType == null ? 0 : 1));
  }

  /**
   * Returns the fingerprint of this table: counts and a SHA-256 over the ids and every column in
   * row order. Computed once, then cached.
   *
   * @return the fingerprint
   */
  public DataFingerprint fingerprint() {
    DataFingerprint f = fingerprint;
    if (f == null) {
      f = new DataFingerprint(size(), users.size(), items.size(), contentHash());
      fingerprint = f;
    }
    return f;
  }

  private String contentHash() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    hashIds(sha, buf, users);
    hashIds(sha, buf, items);
    hashIds(sha, buf, eventTypes());
    int n = user.length;
    buf.putInt(n).put((byte) (timestamp == null ? 0 : 1)).put((byte) (eventType == null ? 0 : 1));
    for (int r = 0; r < n; r++) {
      if (buf.remaining() < 21) {
        flush(sha, buf);
      }
      buf.putInt(user[r]).putInt(item[r]).putFloat(value[r]);
      if (timestamp != null) {
        buf.putLong(timestamp[r]);
      }
      if (eventType != null) {
        buf.put(eventType[r]);
      }
    }
    flush(sha, buf);
    StringBuilder hex = new StringBuilder(64);
    for (byte b : sha.digest()) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  /** Hashes ids as their UTF-16 code units, so every distinct string hashes differently. */
  private static void hashIds(MessageDigest sha, ByteBuffer buf, IdIndex index) {
    buf.putInt(index.size());
    for (int k = 0; k < index.size(); k++) {
      String id = index.idOf(k);
      if (buf.remaining() < 4) {
        flush(sha, buf);
      }
      buf.putInt(id.length());
      for (int c = 0; c < id.length(); c++) {
        if (buf.remaining() < 2) {
          flush(sha, buf);
        }
        buf.putChar(id.charAt(c));
      }
    }
  }

  private static void flush(MessageDigest sha, ByteBuffer buf) {
    buf.flip();
    sha.update(buf);
    buf.clear();
  }

  @Override
  public String toString() {
    return "Interactions[rows=" + size() + ", users=" + users.size() + ", items=" + items.size()
        + (timestamp != null ? ", timestamps" : "") + (eventType != null ? ", eventTypes" : "")
        + "]";
  }

  /** Column-wise equality: same indexes and the same rows in the same order. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Interactions)) {
      return false;
    }
    Interactions x = (Interactions) o;
    return users.equals(x.users) && items.equals(x.items) && eventTypes().equals(x.eventTypes())
        && Arrays.equals(user, x.user) && Arrays.equals(item, x.item)
        && Arrays.equals(value, x.value) && Arrays.equals(timestamp, x.timestamp)
        && Arrays.equals(eventType, x.eventType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size(), users.size(), items.size(), Arrays.hashCode(item));
  }

  /**
   * Accumulates rows, then builds an {@link Interactions} table. Not thread-safe; single use.
   *
   * <p>Whether the table has timestamps and event types is decided by the first row added;
   * later rows must agree. Values must be finite. By default ids are added to the indexes as they
   * appear; {@link #userIndex(IdIndex)} and {@link #itemIndex(IdIndex)} fix an index instead, and
   * unknown ids are then rejected.
   */
  public static final class Builder {
    private static final int NO = 0;
    private static final int YES = 1;
    private static final int UNDECIDED = -1;

    private final DuplicatePolicy policy;
    private IdIndex fixedUsers;
    private IdIndex fixedItems;
    private IdIndex.Builder userIds;
    private IdIndex.Builder itemIds;
    private final IdIndex.Builder eventTypeIds = IdIndex.builder();
    private int hasTimestamps = UNDECIDED;
    private int hasEventTypes = UNDECIDED;

    private int size;
    private int[] user = new int[16];
    private int[] item = new int[16];
    private float[] value = new float[16];
    private long[] timestamp = new long[16];
    private byte[] eventType = new byte[16];
    private boolean built;
    private long mergedDuplicates = -1;
    private int expectedUsers = 16;
    private int expectedItems = 16;

    private Builder(DuplicatePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Fixes the user index: rows must use its ids, and unknown user ids are rejected.
     *
     * @param index a frozen index
     * @return this builder
     * @throws IllegalStateException if rows were already added or an index was already set
     */
    public Builder userIndex(IdIndex index) {
      Objects.requireNonNull(index, "index");
      checkConfigurable("userIndex", fixedUsers);
      fixedUsers = index;
      return this;
    }

    /**
     * Fixes the item index: rows must use its ids, and unknown item ids are rejected.
     *
     * @param index a frozen index
     * @return this builder
     * @throws IllegalStateException if rows were already added or an index was already set
     */
    public Builder itemIndex(IdIndex index) {
      Objects.requireNonNull(index, "index");
      checkConfigurable("itemIndex", fixedItems);
      fixedItems = index;
      return this;
    }

    /**
     * Pre-sizes the columns for about {@code rows} rows, avoiding regrowth while loading.
     *
     * @param rows expected row count, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code rows < 0}
     */
    public Builder expectedSize(int rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("expectedSize = " + rows + "; expected >= 0");
      }
      checkNotBuilt();
      if (rows > user.length) {
        resize(rows);
      }
      return this;
    }

    /**
     * Pre-sizes the id indexes the builder grows, for about {@code users} users and {@code items}
     * items (ignored for a fixed index).
     *
     * @param users expected distinct users, {@code >= 0}
     * @param items expected distinct items, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if a count is negative
     * @throws IllegalStateException if rows were already added
     */
    public Builder expectedIds(int users, int items) {
      if (users < 0 || items < 0) {
        throw new IllegalArgumentException(
            "expectedIds users = " + users + ", items = " + items + "; expected both >= 0");
      }
      checkNotBuilt();
      if (userIds != null || itemIds != null) {
        throw new IllegalStateException("expectedIds must be set before the first row is added");
      }
      expectedUsers = users;
      expectedItems = items;
      return this;
    }

    private void checkConfigurable(String what, Object current) {
      checkNotBuilt();
      if (current != null) {
        throw new IllegalStateException(what + " was already set; set it once");
      }
      if (size > 0 || userIds != null || itemIds != null) {
        throw new IllegalStateException(what + " must be set before the first row is added");
      }
    }

    /**
     * Adds a row without timestamp and event type.
     *
     * @param userId external user id
     * @param itemId external item id
     * @param value a finite value (use 1 for implicit events)
     * @return this builder
     * @throws IllegalArgumentException for a null or unknown id, or a non-finite value
     * @throws IllegalStateException if earlier rows had timestamps or event types
     */
    public Builder add(CharSequence userId, CharSequence itemId, float value) {
      return addRow(userIndexOf(userId), itemIndexOf(itemId), value, false, 0L, null);
    }

    /**
     * Adds a row with a timestamp.
     *
     * @param userId external user id
     * @param itemId external item id
     * @param value a finite value
     * @param epochMillis timestamp in epoch milliseconds
     * @return this builder
     * @throws IllegalArgumentException for a null or unknown id, or a non-finite value
     * @throws IllegalStateException if earlier rows had no timestamps, or had event types
     */
    public Builder add(CharSequence userId, CharSequence itemId, float value, long epochMillis) {
      return addRow(userIndexOf(userId), itemIndexOf(itemId), value, true, epochMillis, null);
    }

    /**
     * Adds a row with a timestamp and an event type.
     *
     * @param userId external user id
     * @param itemId external item id
     * @param value a finite value
     * @param epochMillis timestamp in epoch milliseconds
     * @param eventType event type name, e.g. "view" or "purchase"
     * @return this builder
     * @throws IllegalArgumentException for a null or unknown id, a null event type, a non-finite
     *     value, or more than {@link #MAX_EVENT_TYPES} event types
     * @throws IllegalStateException if earlier rows had no timestamps or no event types
     */
    public Builder add(CharSequence userId, CharSequence itemId, float value, long epochMillis,
        CharSequence eventType) {
      if (eventType == null) {
        throw new IllegalArgumentException("eventType is null; expected an event type name");
      }
      return addRow(userIndexOf(userId), itemIndexOf(itemId), value, true, epochMillis, eventType);
    }

    /**
     * Adds a row by dense indexes, without timestamp and event type. Both indexes must be fixed
     * with {@link #userIndex} and {@link #itemIndex}.
     *
     * @param userIndex a user index in the fixed user index
     * @param itemIndex an item index in the fixed item index
     * @param value a finite value
     * @return this builder
     * @throws IllegalStateException if the indexes are not fixed, or rows disagree on columns
     * @throws IllegalArgumentException if an index is out of range or the value is not finite
     */
    public Builder addIndexed(int userIndex, int itemIndex, float value) {
      checkIndexed(userIndex, itemIndex);
      return addRow(userIndex, itemIndex, value, false, 0L, null);
    }

    /**
     * Adds a row by dense indexes. Both indexes must be fixed with {@link #userIndex} and
     * {@link #itemIndex}.
     *
     * @param userIndex a user index in the fixed user index
     * @param itemIndex an item index in the fixed item index
     * @param value a finite value
     * @param epochMillis timestamp in epoch milliseconds
     * @return this builder
     * @throws IllegalStateException if the indexes are not fixed, or rows disagree on columns
     * @throws IllegalArgumentException if an index is out of range or the value is not finite
     */
    public Builder addIndexed(int userIndex, int itemIndex, float value, long epochMillis) {
      checkIndexed(userIndex, itemIndex);
      return addRow(userIndex, itemIndex, value, true, epochMillis, null);
    }

    /**
     * Adds a row by dense indexes, with an event type. Both indexes must be fixed.
     *
     * @param userIndex a user index in the fixed user index
     * @param itemIndex an item index in the fixed item index
     * @param value a finite value
     * @param epochMillis timestamp in epoch milliseconds
     * @param eventType event type name
     * @return this builder
     * @throws IllegalStateException if the indexes are not fixed, or rows disagree on columns
     * @throws IllegalArgumentException if an index is out of range or the value is not finite
     */
    public Builder addIndexed(int userIndex, int itemIndex, float value, long epochMillis,
        CharSequence eventType) {
      checkIndexed(userIndex, itemIndex);
      if (eventType == null) {
        throw new IllegalArgumentException("eventType is null; expected an event type name");
      }
      return addRow(userIndex, itemIndex, value, true, epochMillis, eventType);
    }

    private void checkIndexed(int userIndex, int itemIndex) {
      if (fixedUsers == null || fixedItems == null) {
        throw new IllegalStateException(
            "addIndexed needs fixed indexes; call userIndex(...) and itemIndex(...) first");
      }
      if (userIndex < 0 || userIndex >= fixedUsers.size()) {
        throw new IllegalArgumentException(
            "userIndex = " + userIndex + "; expected in [0, " + fixedUsers.size() + ")");
      }
      if (itemIndex < 0 || itemIndex >= fixedItems.size()) {
        throw new IllegalArgumentException(
            "itemIndex = " + itemIndex + "; expected in [0, " + fixedItems.size() + ")");
      }
    }

    private int userIndexOf(CharSequence id) {
      checkNotBuilt();
      if (id == null) {
        throw new IllegalArgumentException("user id is null; expected a non-null id");
      }
      if (fixedUsers != null) {
        int u = fixedUsers.indexOf(id);
        if (u == IdIndex.UNKNOWN) {
          throw new IllegalArgumentException(
              "user id '" + id + "' is not in the fixed user index of " + fixedUsers.size() + " ids");
        }
        return u;
      }
      if (userIds == null) {
        userIds = IdIndex.builder(expectedUsers);
      }
      return userIds.add(id);
    }

    private int itemIndexOf(CharSequence id) {
      if (id == null) {
        throw new IllegalArgumentException("item id is null; expected a non-null id");
      }
      if (fixedItems != null) {
        int i = fixedItems.indexOf(id);
        if (i == IdIndex.UNKNOWN) {
          throw new IllegalArgumentException(
              "item id '" + id + "' is not in the fixed item index of " + fixedItems.size() + " ids");
        }
        return i;
      }
      if (itemIds == null) {
        itemIds = IdIndex.builder(expectedItems);
      }
      return itemIds.add(id);
    }

    private Builder addRow(int u, int i, float v, boolean withTime, long t, CharSequence type) {
      checkNotBuilt();
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(
            "value = " + v + " for row " + size + "; expected a finite number");
      }
      hasTimestamps = decide(hasTimestamps, withTime, "timestamps");
      hasEventTypes = decide(hasEventTypes, type != null, "event types");
      int code = 0;
      if (type != null) {
        code = eventTypeIds.indexOf(type);
        if (code == IdIndex.UNKNOWN) {
          if (eventTypeIds.size() >= MAX_EVENT_TYPES) {
            throw new IllegalArgumentException(
                "event type '" + type + "' would be type number " + (eventTypeIds.size() + 1)
                    + "; at most " + MAX_EVENT_TYPES + " distinct event types are supported");
          }
          code = eventTypeIds.add(type);
        }
      }
      if (size == user.length) {
        resize(grow(size));
      }
      user[size] = u;
      item[size] = i;
      value[size] = v;
      timestamp[size] = t;
      eventType[size] = (byte) code;
      size++;
      return this;
    }

    private int decide(int current, boolean present, String what) {
      int wanted = present ? YES : NO;
      if (current == UNDECIDED) {
        return wanted;
      }
      if (current != wanted) {
        throw new IllegalStateException(
            "row " + size + (present ? " has " : " has no ") + what + " but earlier rows "
                + (present ? "had none" : "had them") + "; every row must agree");
      }
      return current;
    }

    private static int grow(int n) {
      long next = (long) n + (n >> 1) + 16;
      if (next > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException(
            "Interactions cannot hold more than " + (Integer.MAX_VALUE - 8) + " rows");
      }
      return (int) next;
    }

    private void resize(int capacity) {
      user = Arrays.copyOf(user, capacity);
      item = Arrays.copyOf(item, capacity);
      value = Arrays.copyOf(value, capacity);
      timestamp = Arrays.copyOf(timestamp, capacity);
      eventType = Arrays.copyOf(eventType, capacity);
    }

    /** Returns the number of rows added so far (before duplicates are merged). */
    public int size() {
      return size;
    }

    /**
     * Returns how many rows {@link #build()} merged into others under the duplicate policy.
     *
     * @return the merged row count
     * @throws IllegalStateException before {@code build()}
     */
    public long mergedDuplicates() {
      if (mergedDuplicates < 0) {
        throw new IllegalStateException("mergedDuplicates() is known only after build()");
      }
      return mergedDuplicates;
    }

    /**
     * Builds the table, merging duplicates as the policy says. The builder cannot be used
     * afterwards.
     *
     * @return the immutable table
     * @throws IllegalStateException if called twice
     */
    public Interactions build() {
      checkNotBuilt();
      built = true;
      IdIndex users = fixedUsers != null ? fixedUsers : userIds == null ? IdIndex.empty() : userIds.build();
      IdIndex items = fixedItems != null ? fixedItems : itemIds == null ? IdIndex.empty() : itemIds.build();
      boolean withTime = hasTimestamps == YES;
      boolean withTypes = hasEventTypes == YES;
      IdIndex types = withTypes ? eventTypeIds.build() : null;
      Interactions result;
      if (policy.merges()) {
        result = merge(users, items, types, withTime, withTypes);
      } else {
        result = new Interactions(users, items, types, trim(user), trim(item), trim(value),
            withTime ? trim(timestamp) : null, withTypes ? trim(eventType) : null);
        mergedDuplicates = 0;
      }
      user = null;
      item = null;
      value = null;
      timestamp = null;
      eventType = null;
      return result;
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

    /**
     * Groups rows by user with a stable counting sort, then sorts each user's rows by (item,
     * insertion order) and merges runs of the same item. O(n log d) for d rows per user.
     */
    private Interactions merge(IdIndex users, IdIndex items, IdIndex types, boolean withTime,
        boolean withTypes) {
      int numUsers = users.size();
      int[] start = new int[numUsers + 1];
      for (int r = 0; r < size; r++) {
        start[user[r] + 1]++;
      }
      int maxDegree = 0;
      for (int u = 0; u < numUsers; u++) {
        maxDegree = Math.max(maxDegree, start[u + 1]);
        start[u + 1] += start[u];
      }
      int[] order = new int[size];
      int[] next = Arrays.copyOf(start, numUsers);
      for (int r = 0; r < size; r++) {
        order[next[user[r]]++] = r;
      }
      next = null;
      long[] keys = new long[maxDegree];
      int[] outUser = new int[size];
      int[] outItem = new int[size];
      float[] outValue = new float[size];
      long[] outTime = withTime ? new long[size] : null;
      byte[] outType = withTypes ? new byte[size] : null;
      int n = 0;
      for (int u = 0; u < numUsers; u++) {
        int s = start[u];
        int len = start[u + 1] - s;
        for (int k = 0; k < len; k++) {
          keys[k] = ((long) item[order[s + k]] << 32) | k;
        }
        Arrays.sort(keys, 0, len);
        int k = 0;
        while (k < len) {
          int it = (int) (keys[k] >>> 32);
          int end = k + 1;
          while (end < len && (int) (keys[end] >>> 32) == it) {
            end++;
          }
          int winner = order[s + (int) keys[k]];
          double sum = value[winner];
          for (int q = k + 1; q < end; q++) {
            int r = order[s + (int) keys[q]];
            sum += value[r];
            if (wins(r, winner, withTime)) {
              winner = r;
            }
          }
          outUser[n] = u;
          outItem[n] = it;
          outValue[n] = policy == DuplicatePolicy.SUM ? checkedSum(sum, u, it) : value[winner];
          if (withTime) {
            outTime[n] = timestamp[winner];
          }
          if (withTypes) {
            outType[n] = eventType[winner];
          }
          n++;
          k = end;
        }
      }
      mergedDuplicates = size - n;
      if (n < size) {
        outUser = Arrays.copyOf(outUser, n);
        outItem = Arrays.copyOf(outItem, n);
        outValue = Arrays.copyOf(outValue, n);
        outTime = withTime ? Arrays.copyOf(outTime, n) : null;
        outType = withTypes ? Arrays.copyOf(outType, n) : null;
      }
      return new Interactions(users, items, types, outUser, outItem, outValue, outTime, outType);
    }

    /** Whether row {@code r} (added after {@code current}) replaces the current winner. */
    private boolean wins(int r, int current, boolean withTime) {
      switch (policy) {
        case MAX:
          if (value[r] != value[current]) {
            return value[r] > value[current];
          }
          return !withTime || timestamp[r] >= timestamp[current];
        case SUM:
        case LAST:
          return !withTime || timestamp[r] >= timestamp[current];
        default:
          throw new AssertionError(policy);
      }
    }

    private static float checkedSum(double sum, int u, int i) {
      float f = (float) sum;
      if (!Float.isFinite(f)) {
        throw new IllegalArgumentException(
            "summing duplicates of (user " + u + ", item " + i + ") gives " + sum
                + ", which overflows float; expected a finite sum");
      }
      return f;
    }

    private void checkNotBuilt() {
      if (built) {
        throw new IllegalStateException("Interactions.Builder was already built; create a new builder");
      }
    }
  }
}
