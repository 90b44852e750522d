package dev.reco.features.events;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labels observed after a cutoff: a label for (entity, cutoff, horizon H) uses only that
 * entity's events with {@code cutoff <= time < cutoff + H}, the complement of the events the
 * features of {@link WindowFeatures} may use ({@code time < cutoff}). Each label
 * binary-searches the entity's sorted run for the cutoff and scans at most the events inside
 * the horizon.
 */
public final class Labels {
  private Labels() {}

  /**
   * Returns, per row, whether the entity had an event of {@code eventType} in {@code [cutoff,
   * cutoff + horizon)}. The column is named {@code did_<eventType>_within_<H>} (see {@link
   * WindowFeatures#label}). A type or entity absent from the log gives false.
   *
   * @param log the events
   * @param entities per row, an entity id
   * @param cutoffs per row, the cutoff in epoch milliseconds
   * @param eventType the event type to look for
   * @param horizon the horizon, at least 1 ms
   * @return the label column, rows in request order
   * @throws IllegalArgumentException if lengths differ or the horizon is not positive
   * @throws NullPointerException if an argument or id is null
   */
  public static BooleanColumn didWithin(EventLog log, List<String> entities, long[] cutoffs,
      String eventType, Duration horizon) {
    check(log, entities, cutoffs, horizon);
    Objects.requireNonNull(eventType, "eventType");
    int type = log.eventTypes().indexOf(eventType);
    boolean[] out = new boolean[cutoffs.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = first(log, entities.get(r), cutoffs[r], horizon, type, false) >= 0;
    }
    return BooleanColumn.of("did_" + eventType + "_within_" + WindowFeatures.label(horizon),
        out);
  }

  /**
   * Returns {@link #didWithin(EventLog, List, long[], String, Duration)} with one cutoff for
   * every row.
   *
   * @param log the events
   * @param entities the entity ids
   * @param cutoff the cutoff in epoch milliseconds
   * @param eventType the event type to look for
   * @param horizon the horizon, at least 1 ms
   * @return the label column
   * @throws IllegalArgumentException if the horizon is not positive
   * @throws NullPointerException if an argument or id is null
   */
  public static BooleanColumn didWithin(EventLog log, List<String> entities, long cutoff,
      String eventType, Duration horizon) {
    return didWithin(log, entities, filled(entities, cutoff), eventType, horizon);
  }

  /**
   * Returns, per row, the category of the entity's first event in {@code [cutoff, cutoff +
   * horizon)} that has a category and (unless {@code eventType} is null) the given type, or
   * missing if there is none: the multi-class label "which category did it acquire next". Ties
   * in time go to the event added first. The column, named {@code next_<eventType>_category_<H>}
   * ({@code next_category_<H>} for any type), uses the log's category dictionary.
   *
   * @param log the events
   * @param entities per row, an entity id
   * @param cutoffs per row, the cutoff in epoch milliseconds
   * @param eventType the event type to look for, or null for any
   * @param horizon the horizon, at least 1 ms
   * @return the label column, rows in request order
   * @throws IllegalArgumentException if lengths differ or the horizon is not positive
   * @throws NullPointerException if a required argument or an id is null
   */
  public static CategoricalColumn nextCategory(EventLog log, List<String> entities,
      long[] cutoffs, String eventType, Duration horizon) {
    check(log, entities, cutoffs, horizon);
    int type = eventType == null ? -2 : log.eventTypes().indexOf(eventType);
    int[] codes = new int[cutoffs.length];
    for (int r = 0; r < codes.length; r++) {
      int e = first(log, entities.get(r), cutoffs[r], horizon, type, true);
      codes[r] = e < 0 ? CategoricalColumn.MISSING : log.category(e);
    }
    String name = (eventType == null ? "next_category_" : "next_" + eventType + "_category_")
        + WindowFeatures.label(horizon);
    return CategoricalColumn.of(name, codes, log.categories());
  }

  /**
   * Returns {@link #nextCategory(EventLog, List, long[], String, Duration)} with one cutoff for
   * every row.
   *
   * @param log the events
   * @param entities the entity ids
   * @param cutoff the cutoff in epoch milliseconds
   * @param eventType the event type to look for, or null for any
   * @param horizon the horizon, at least 1 ms
   * @return the label column
   * @throws IllegalArgumentException if the horizon is not positive
   * @throws NullPointerException if a required argument or an id is null
   */
  public static CategoricalColumn nextCategory(EventLog log, List<String> entities, long cutoff,
      String eventType, Duration horizon) {
    return nextCategory(log, entities, filled(entities, cutoff), eventType, horizon);
  }

  /**
   * The first event of the entity in [cutoff, cutoff + horizon) of the type (-2 = any; -1 =
   * absent type, never matches) and, if required, with a category; -1 if none.
   */
  private static int first(EventLog log, String entityId, long cutoff, Duration horizon,
      int type, boolean needCategory) {
    int e = log.entities().indexOf(Objects.requireNonNull(entityId, "entity id"));
    if (e < 0 || type == -1) {
      return -1;
    }
    long end = cutoff + horizon.toMillis();
    if (end < cutoff) {
      end = Long.MAX_VALUE; // overflow: the horizon runs past the last instant
    }
    int lo = log.start(e);
    int hi = log.end(e);
    while (lo < hi) { // first event with time >= cutoff
      int mid = (lo + hi) >>> 1;
      if (log.time(mid) < cutoff) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < log.end(e) && log.time(i) < end; i++) {
      if ((type == -2 || log.type(i) == type)
          && (!needCategory || log.category(i) != EventLog.NO_CATEGORY)) {
        return i;
      }
    }
    return -1;
  }

  private static long[] filled(List<String> entities, long cutoff) {
    long[] c = new long[entities.size()];
    Arrays.fill(c, cutoff);
    return c;
  }

  private static void check(EventLog log, List<String> entities, long[] cutoffs,
      Duration horizon) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(cutoffs, "cutoffs");
    Objects.requireNonNull(horizon, "horizon");
    if (entities.size() != cutoffs.length) {
      throw new IllegalArgumentException("entities.size() = " + entities.size()
          + ", cutoffs.length = " + cutoffs.length + "; expected equal lengths");
    }
    if (horizon.toMillis() <= 0) {
      throw new IllegalArgumentException("horizon = " + horizon + "; expected a duration >= 1 ms");
    }
  }
}
