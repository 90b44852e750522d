package dev.reco.features.events;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.synth.EventType;
import dev.reco.core.synth.ItemCatalog;
import dev.reco.core.synth.SyntheticData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable columnar event log sorted by (entity, time): per event a dense entity index, a
 * timestamp in epoch milliseconds, an event-type code, a value (NaN = no value) and an optional
 * category code ({@link #NO_CATEGORY} = none). Events with equal entity and time keep their
 * insertion order.
 *
 * <p>Memory: 28 bytes per event (int entity, long time, int type, double value, int category)
 * plus 4 bytes per entity for the run offsets. Sorting happens once, on construction: O(n +
 * entities) when each entity's events arrive in time order, O(n log n) at worst.
 *
 * <pre>{@code
 * EventLog log = EventLog.builder()
 *     .add("u1", t0, "view", Double.NaN, "shoes")
 *     .add("u1", t1, "purchase", 59.0, "shoes")
 *     .build();
 * }</pre>
 */
public final class EventLog {
  /** The category code of an event without a category. */
  public static final int NO_CATEGORY = -1;

  private final IdIndex entities;
  private final IdIndex eventTypes;
  private final IdIndex categories;
  private final int[] entity;
  private final long[] time;
  private final int[] type;
  private final double[] value;
  private final int[] category;
  private final int[] offsets;

  private EventLog(IdIndex entities, IdIndex eventTypes, IdIndex categories, int[] entity,
      long[] time, int[] type, double[] value, int[] category) {
    int n = entity.length;
    int[] off = new int[entities.size() + 1];
    int[] perm = GroupSort.sort(entity, time, entities.size(), off);
    this.entities = entities;
    this.eventTypes = eventTypes;
    this.categories = categories;
    this.entity = new int[n];
    this.time = new long[n];
    this.type = new int[n];
    this.value = new double[n];
    this.category = new int[n];
    for (int i = 0; i < n; i++) {
      int p = perm[i];
      this.entity[i] = entity[p];
      this.time[i] = time[p];
      this.type[i] = type[p];
      this.value[i] = value[p];
      this.category[i] = category[p];
    }
    this.offsets = off;
  }

  /**
   * Returns a log of parallel columns, validated and sorted (the arrays are not kept).
   *
   * @param entities the entity ids
   * @param entity per event, an index in {@code [0, entities.size())}
   * @param epochMillis per event, the time
   * @param eventTypes the event-type names
   * @param type per event, a code in {@code [0, eventTypes.size())}
   * @param value per event, a finite value or NaN (no value)
   * @param categories the category names (may be empty)
   * @param category per event, {@link #NO_CATEGORY} or a code in {@code [0,
   *     categories.size())}; null when no event has a category
   * @return the log
   * @throws IllegalArgumentException if lengths differ, or a code or value is out of range,
   *     naming the event and the value
   * @throws NullPointerException if a required argument is null
   */
  public static EventLog fromColumns(IdIndex entities, int[] entity, long[] epochMillis,
      IdIndex eventTypes, int[] type, double[] value, IdIndex categories, int[] category) {
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(eventTypes, "eventTypes");
    Objects.requireNonNull(categories, "categories");
    int n = entity.length;
    int[] cat = category == null ? filled(n) : category;
    checkLength("epochMillis", epochMillis.length, n);
    checkLength("type", type.length, n);
    checkLength("value", value.length, n);
    checkLength("category", cat.length, n);
    for (int i = 0; i < n; i++) {
      checkCode("entity", i, entity[i], 0, entities.size());
      checkCode("type", i, type[i], 0, eventTypes.size());
      checkCode("category", i, cat[i], NO_CATEGORY, categories.size());
      if (Double.isInfinite(value[i])) {
        throw new IllegalArgumentException(
            "value[" + i + "] = " + value[i] + "; expected a finite value or NaN (no value)");
      }
    }
    return new EventLog(entities, eventTypes, categories, entity, epochMillis, type, value, cat);
  }

  /**
   * Returns the log of an interaction table: entities are its users, event types its event types
   * (a single type {@code "event"} when it has none), values its values and categories the
   * items' categories from {@code itemCategory} (none when the map is null or lacks the item).
   *
   * @param interactions interactions with timestamps
   * @param itemCategory item id to category name, or null
   * @return the log
   * @throws IllegalArgumentException if the interactions have no timestamps
   * @throws NullPointerException if {@code interactions} is null
   */
  public static EventLog fromInteractions(Interactions interactions,
      Map<String, String> itemCategory) {
    Objects.requireNonNull(interactions, "interactions");
    if (!interactions.hasTimestamps()) {
      throw new IllegalArgumentException(
          "interactions have no timestamp column; expected timestamps for an event log");
    }
    int n = interactions.size();
    IdIndex types;
    int[] type = new int[n];
    if (interactions.hasEventTypes()) {
      types = interactions.eventTypes();
      byte[] codes = interactions.eventTypeColumn();
      for (int i = 0; i < n; i++) {
        type[i] = codes[i] & 0xFF;
      }
    } else {
      types = IdIndex.of("event");
    }
    float[] v = interactions.valueColumn();
    double[] value = new double[n];
    for (int i = 0; i < n; i++) {
      value[i] = v[i];
    }
    IdIndex categories = IdIndex.empty();
    int[] category = filled(n);
    if (itemCategory != null) {
      IdIndex items = interactions.items();
      IdIndex.Builder dict = IdIndex.builder();
      int[] itemCat = new int[items.size()];
      for (int j = 0; j < itemCat.length; j++) {
        String c = itemCategory.get(items.idOf(j));
        itemCat[j] = c == null ? NO_CATEGORY : dict.add(c);
      }
      categories = dict.build();
      int[] item = interactions.itemColumn();
      for (int i = 0; i < n; i++) {
        category[i] = itemCat[item[i]];
      }
    }
    return new EventLog(interactions.users(), types, categories, interactions.userColumn(),
        interactions.timestampColumn(), type, value, category);
  }

  /**
   * Returns the log of a synthetic data set's event stream: entities are its users (all of
   * them, with or without events), event types {@code view}, {@code add_to_cart} and {@code
   * purchase} (in that code order), the value of an event the price of its item, and its
   * category the item's category name.
   *
   * @param data the synthetic data set
   * @return the log
   * @throws IllegalStateException if the stream holds more than {@code Integer.MAX_VALUE - 8}
   *     events
   * @throws NullPointerException if {@code data} is null
   */
  public static EventLog fromSynthetic(SyntheticData data) {
    Objects.requireNonNull(data, "data");
    long total = data.events();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("events = " + total + "; expected at most "
          + (Integer.MAX_VALUE - 8) + " for an in-memory event log");
    }
    int n = (int) total;
    int[] entity = new int[n];
    long[] time = new long[n];
    int[] type = new int[n];
    double[] value = new double[n];
    int[] category = new int[n];
    ItemCatalog items = data.items();
    int[] pos = new int[1];
    data.forEach((u, i, t, kind, v) -> {
      int k = pos[0]++;
      entity[k] = u;
      time[k] = t;
      type[k] = kind.ordinal();
      value[k] = items.price(i);
      category[k] = items.category(i);
    });
    String[] typeNames = new String[EventType.values().length];
    for (EventType kind : EventType.values()) {
      typeNames[kind.ordinal()] = kind.label();
    }
    return new EventLog(data.users().ids(), IdIndex.of(typeNames),
        IdIndex.of(items.categoryNames()), entity, time, type, value, category);
  }

  /** Returns a builder that collects events by id. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of events. */
  public int size() {
    return entity.length;
  }

  /** Returns the entity ids; an entity's index is its position. */
  public IdIndex entities() {
    return entities;
  }

  /** Returns the event-type names, indexed by code. */
  public IdIndex eventTypes() {
    return eventTypes;
  }

  /** Returns the category names, indexed by code (empty if no event has a category). */
  public IdIndex categories() {
    return categories;
  }

  /**
   * Returns the entity index of an event (events are sorted by entity, then time).
   *
   * @param event an event in {@code [0, size())}
   * @return the entity index
   */
  public int entity(int event) {
    return entity[event];
  }

  /**
   * Returns the time of an event.
   *
   * @param event an event in {@code [0, size())}
   * @return epoch milliseconds
   */
  public long time(int event) {
    return time[event];
  }

  /**
   * Returns the event-type code of an event.
   *
   * @param event an event in {@code [0, size())}
   * @return a code in {@code [0, eventTypes().size())}
   */
  public int type(int event) {
    return type[event];
  }

  /**
   * Returns the value of an event.
   *
   * @param event an event in {@code [0, size())}
   * @return a finite value, or NaN for no value
   */
  public double value(int event) {
    return value[event];
  }

  /**
   * Returns the category code of an event.
   *
   * @param event an event in {@code [0, size())}
   * @return {@link #NO_CATEGORY} or a code in {@code [0, categories().size())}
   */
  public int category(int event) {
    return category[event];
  }

  /**
   * Returns the first event of an entity; its events are {@code [start(e), end(e))}.
   *
   * @param entityIndex an index in {@code [0, entities().size())}
   * @return the first event position
   */
  public int start(int entityIndex) {
    return offsets[entityIndex];
  }

  /**
   * Returns one past the last event of an entity.
   *
   * @param entityIndex an index in {@code [0, entities().size())}
   * @return the end position
   */
  public int end(int entityIndex) {
    return offsets[entityIndex + 1];
  }

  /**
   * Returns the {@code n} most frequent categories over the whole log, most frequent first, ties
   * by name. Choosing columns from the whole log looks at future events; fit it on training
   * data and keep the list fixed for serving.
   *
   * @param n how many, {@code >= 1}
   * @return at most {@code n} category names
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public List<String> topCategories(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n = " + n + "; expected n >= 1");
    }
    long[] counts = new long[categories.size()];
    for (int c : category) {
      if (c != NO_CATEGORY) {
        counts[c]++;
      }
    }
    Integer[] order = new Integer[counts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
        : categories.idOf(a).compareTo(categories.idOf(b)));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, order.length) && counts[order[i]] > 0; i++) {
      out.add(categories.idOf(order[i]));
    }
    return out;
  }

  @Override
  public String toString() {
    return "EventLog{events=" + size() + ", entities=" + entities.size() + ", eventTypes="
        + eventTypes.ids() + ", categories=" + categories.size() + "}";
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, NO_CATEGORY);
    return a;
  }

  private static void checkLength(String name, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(name + ".length = " + length + "; expected " + expected
          + " (the number of events)");
    }
  }

  private static void checkCode(String name, int i, int code, int min, int bound) {
    if (code < min || code >= bound) {
      throw new IllegalArgumentException(
          name + "[" + i + "] = " + code + "; expected a code in [" + min + ", " + bound + ")");
    }
  }

  /** Collects events by id; {@link #build()} sorts them once. Not thread-safe. */
  public static final class Builder {
    private final IdIndex.Builder entities = IdIndex.builder();
    private final IdIndex.Builder types = IdIndex.builder();
    private final IdIndex.Builder categories = IdIndex.builder();
    private int[] entity = new int[16];
    private long[] time = new long[16];
    private int[] type = new int[16];
    private double[] value = new double[16];
    private int[] category = new int[16];
    private int size;
    private boolean built;

    private Builder() {}

    /**
     * Adds one event.
     *
     * @param entityId the entity
     * @param epochMillis the time
     * @param eventType the event type
     * @param value a finite value, or NaN for no value
     * @param categoryName the category, or null for none
     * @return this builder
     * @throws IllegalArgumentException if an id is null or the value is infinite
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder add(String entityId, long epochMillis, String eventType, double value,
        String categoryName) {
      if (built) {
        throw new IllegalStateException("builder already built; expected a fresh builder");
      }
      if (entityId == null || eventType == null) {
        throw new IllegalArgumentException("entity = " + entityId + ", eventType = " + eventType
            + "; expected non-null ids");
      }
      if (Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "value = " + value + "; expected a finite value or NaN (no value)");
      }
      if (size == entity.length) {
        int cap = size * 2;
        entity = Arrays.copyOf(entity, cap);
        time = Arrays.copyOf(time, cap);
        type = Arrays.copyOf(type, cap);
        this.value = Arrays.copyOf(this.value, cap);
        category = Arrays.copyOf(category, cap);
      }
      entity[size] = entities.add(entityId);
      time[size] = epochMillis;
      type[size] = types.add(eventType);
      this.value[size] = value;
      category[size] = categoryName == null ? NO_CATEGORY : categories.add(categoryName);
      size++;
      return this;
    }

    /**
     * Sorts the events by (entity, time) and freezes them.
     *
     * @return the log
     * @throws IllegalStateException if called twice
     */
    public EventLog build() {
      if (built) {
        throw new IllegalStateException("builder already built; expected a fresh builder");
      }
      built = true;
      return new EventLog(entities.build(), types.build(), categories.build(),
          Arrays.copyOf(entity, size), Arrays.copyOf(time, size), Arrays.copyOf(type, size),
          Arrays.copyOf(value, size), Arrays.copyOf(category, size));
    }
  }
}
