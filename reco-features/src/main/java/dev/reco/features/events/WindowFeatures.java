package dev.reco.features.events;

import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which event-window features to compute, validated on construction; {@link #compute} turns
 * (entity, as-of time) requests into a feature {@link Table} in one pass over an {@link
 * EventLog}.
 *
 * <p>Point-in-time rule: the row of (entity, asOf) uses only that entity's events with time
 * strictly before {@code asOf}; a window {@code w} holds the events with {@code asOf - w <= time
 * < asOf}. Column names (with {@code <w>} the window label such as {@code 30d}, {@code 12h},
 * {@code 15m}, {@code 10s} or {@code 250ms}):
 * <ul>
 *   <li>{@code count_<w>}, {@code frequency_<w>} (count / window days) and {@code
 *       distinct_categories_<w>} for every window;
 *   <li>{@code <type>_count|sum|mean|min|max_<w>} for every event type and chosen aggregation
 *       (sum, mean, min, max over events with a value; sum 0 and the others NaN when none);
 *   <li>{@code days_since_last} and {@code <type>_days_since_last} (NaN when there is no event);
 *   <li>{@code trend_<s>_<l>} and {@code <type>_trend_<s>_<l>}: rate over the short window divided
 *       by the rate over the long window, NaN when the long window is empty;
 *   <li>{@code rfm_recency_days}, {@code rfm_frequency}, {@code rfm_monetary} (see {@link
 *       RfmScorer} for their 1..5 scores);
 *   <li>{@code share_<category>_<w>}: the fraction of the window's events in that category, NaN
 *       when the window is empty.
 * </ul>
 *
 * @param windows lookback windows, positive and distinct, at least one
 * @param eventTypes event types with per-type features (may be empty); a type absent from a log
 *     yields counts 0
 * @param aggregations per-type aggregations
 * @param trendShort short window of the trend, or null for no trend
 * @param trendLong long window of the trend (longer than {@code trendShort}), or null
 * @param rfmEventType the purchase-like event type of the RFM features, or null for none
 * @param rfmWindow window of RFM frequency and monetary, or null when {@code rfmEventType} is null
 * @param shareCategories categories with share columns (may be empty)
 */
public record WindowFeatures(
    List<Duration> windows,
    List<String> eventTypes,
    Set<Aggregation> aggregations,
    Duration trendShort,
    Duration trendLong,
    String rfmEventType,
    Duration rfmWindow,
    List<String> shareCategories) {

  static final long DAY_MILLIS = 86_400_000L;

  /** A per-type aggregation over a window. */
  public enum Aggregation {
    /** Number of events of the type. */
    COUNT,
    /** Sum of the values of the type's events that have a value; 0 when none. */
    SUM,
    /** Mean of those values; NaN when none. */
    MEAN,
    /** Smallest of those values; NaN when none. */
    MIN,
    /** Largest of those values; NaN when none. */
    MAX
  }

  /**
   * Validates and freezes the settings.
   *
   * @throws IllegalArgumentException if a window is not positive or repeats, a list holds a
   *     null or blank name or repeats one, only one trend window is given or it is not shorter
   *     than the long one, or the RFM type and window are not both given or both null; the
   *     message names the value
   * @throws NullPointerException if a list or set is null
   */
  public WindowFeatures {
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(eventTypes, "eventTypes");
    Objects.requireNonNull(aggregations, "aggregations");
    Objects.requireNonNull(shareCategories, "shareCategories");
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("windows = []; expected at least one window");
    }
    for (Duration w : windows) {
      checkPositive("window", w);
    }
    if (new LinkedHashSet<>(windows).size() != windows.size()) {
      throw new IllegalArgumentException("windows = " + windows + "; expected distinct windows");
    }
    checkNames("eventTypes", eventTypes);
    checkNames("shareCategories", shareCategories);
    if ((trendShort == null) != (trendLong == null)) {
      throw new IllegalArgumentException("trendShort = " + trendShort + ", trendLong = "
          + trendLong + "; expected both or neither");
    }
    if (trendShort != null) {
      checkPositive("trendShort", trendShort);
      checkPositive("trendLong", trendLong);
      if (trendShort.compareTo(trendLong) >= 0) {
        throw new IllegalArgumentException("trendShort = " + trendShort + ", trendLong = "
            + trendLong + "; expected trendShort < trendLong");
      }
    }
    if ((rfmEventType == null) != (rfmWindow == null)) {
      throw new IllegalArgumentException("rfmEventType = " + rfmEventType + ", rfmWindow = "
          + rfmWindow + "; expected both or neither");
    }
    if (rfmEventType != null) {
      if (rfmEventType.isBlank()) {
        throw new IllegalArgumentException("rfmEventType = ''; expected a non-blank type");
      }
      checkPositive("rfmWindow", rfmWindow);
    }
    windows = List.copyOf(windows);
    eventTypes = List.copyOf(eventTypes);
    aggregations = aggregations.isEmpty() ? Collections.emptySet()
        : Collections.unmodifiableSet(EnumSet.copyOf(aggregations));
    shareCategories = List.copyOf(shareCategories);
  }

  /** Returns a builder with windows 7, 30 and 90 days, all aggregations and nothing else. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the output column names, in order: {@code entity}, {@code as_of}, then features. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    names.add("entity");
    names.add("as_of");
    names.addAll(WindowAggregator.featureNames(this));
    return names;
  }

  /**
   * Computes one row per request on the calling thread; see {@link #compute(EventLog, List,
   * long[], int)}.
   *
   * @param log the events
   * @param entities per request, an entity id (one absent from the log has no events)
   * @param asOf per request, the as-of time in epoch milliseconds
   * @return the table, rows in request order
   * @throws IllegalArgumentException if the lengths differ
   * @throws NullPointerException if an argument or an id is null
   */
  public Table compute(EventLog log, List<String> entities, long[] asOf) {
    return compute(log, entities, asOf, 1);
  }

  /**
   * Computes one row per request: columns {@code entity} (categorical), {@code as_of} (long) and
   * the features of {@link #columnNames()}. Requests are sorted by (entity, asOf) and each
   * entity's events swept once with a moving pointer per window, so the cost is O(events of the
   * requested entities + requests × features + sort), not one scan per request. With {@code
   * threads > 1} a pool created for this call splits the sorted requests into entity ranges;
   * the result is identical for every thread count.
   *
   * @param log the events
   * @param entities per request, an entity id (one absent from the log has no events)
   * @param asOf per request, the as-of time in epoch milliseconds
   * @param threads worker threads, {@code >= 1}
   * @return the table, rows in request order
   * @throws IllegalArgumentException if the lengths differ or {@code threads < 1}
   * @throws NullPointerException if an argument or an id is null
   */
  public Table compute(EventLog log, List<String> entities, long[] asOf, int threads) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(asOf, "asOf");
    if (entities.size() != asOf.length) {
      throw new IllegalArgumentException("entities.size() = " + entities.size()
          + ", asOf.length = " + asOf.length + "; expected equal lengths");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + "; expected threads >= 1");
    }
    return new WindowAggregator(this, log).run(entities, asOf, threads);
  }

  /**
   * Returns the column-name label of a duration: whole days {@code 30d}, else whole hours
   * {@code 12h}, minutes {@code 15m}, seconds {@code 10s}, or milliseconds {@code 250ms}.
   *
   * @param d a positive duration
   * @return the label
   */
  public static String label(Duration d) {
    long ms = d.toMillis();
    if (ms % DAY_MILLIS == 0) {
      return ms / DAY_MILLIS + "d";
    } else if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    } else if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    } else if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }

  private static void checkPositive(String name, Duration d) {
    if (d == null || d.toMillis() <= 0) {
      throw new IllegalArgumentException(name + " = " + d + "; expected a duration >= 1 ms");
    }
  }

  private static void checkNames(String name, List<String> values) {
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(
            name + " = " + values + "; expected non-blank names");
      }
    }
    if (new LinkedHashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException(name + " = " + values + "; expected distinct names");
    }
  }

  /** Collects settings for a {@link WindowFeatures}; validation happens in {@link #build()}. */
  public static final class Builder {
    private List<Duration> windows =
        List.of(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90));
    private List<String> eventTypes = List.of();
    private Set<Aggregation> aggregations = EnumSet.allOf(Aggregation.class);
    private Duration trendShort;
    private Duration trendLong;
    private String rfmEventType;
    private Duration rfmWindow;
    private List<String> shareCategories = List.of();

    private Builder() {}

    /**
     * Sets the lookback windows (default 7, 30, 90 days).
     *
     * @param values the windows
     * @return this builder
     */
    public Builder windows(Duration... values) {
      this.windows = List.of(values);
      return this;
    }

    /**
     * Sets the event types with per-type features (default none).
     *
     * @param values type names
     * @return this builder
     */
    public Builder eventTypes(String... values) {
      this.eventTypes = List.of(values);
      return this;
    }

    /**
     * Sets the per-type aggregations (default all).
     *
     * @param first an aggregation
     * @param rest more aggregations
     * @return this builder
     */
    public Builder aggregations(Aggregation first, Aggregation... rest) {
      this.aggregations = EnumSet.of(first, rest);
      return this;
    }

    /**
     * Adds the trend columns, short-window rate over long-window rate.
     *
     * @param shortWindow the short window
     * @param longWindow the long window
     * @return this builder
     */
    public Builder trend(Duration shortWindow, Duration longWindow) {
      this.trendShort = shortWindow;
      this.trendLong = longWindow;
      return this;
    }

    /**
     * Adds the RFM columns.
     *
     * @param eventType the purchase-like event type
     * @param window the window of frequency and monetary
     * @return this builder
     */
    public Builder rfm(String eventType, Duration window) {
      this.rfmEventType = eventType;
      this.rfmWindow = window;
      return this;
    }

    /**
     * Sets the categories with share columns (default none); {@link EventLog#topCategories}
     * gives the most frequent ones.
     *
     * @param values category names
     * @return this builder
     */
    public Builder shareCategories(List<String> values) {
      this.shareCategories = List.copyOf(values);
      return this;
    }

    /**
     * Returns the validated settings.
     *
     * @return the settings
     * @throws IllegalArgumentException as {@link WindowFeatures#WindowFeatures}
     */
    public WindowFeatures build() {
      return new WindowFeatures(windows, eventTypes, aggregations, trendShort, trendLong,
          rfmEventType, rfmWindow, shareCategories);
    }
  }
}
