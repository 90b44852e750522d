package dev.reco.features.events;

import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a training table leakage-free by construction: features of each row use only events
 * strictly before its cutoff ({@link WindowFeatures}), labels only events in {@code [cutoff,
 * cutoff + horizon)} ({@link Labels}). The cutoff and horizons are explicit.
 *
 * <pre>{@code
 * Table train = TrainingSet.builder(log, features)
 *     .rows(customers, cutoffMillis)
 *     .didWithin("purchase", Duration.ofDays(14))
 *     .nextCategory("purchase", Duration.ofDays(30))
 *     .build();
 * }</pre>
 */
public final class TrainingSet {
  private TrainingSet() {}

  /**
   * Returns a builder over a log and a feature specification.
   *
   * @param log the events
   * @param features the features
   * @return the builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(EventLog log, WindowFeatures features) {
    return new Builder(Objects.requireNonNull(log, "log"),
        Objects.requireNonNull(features, "features"));
  }

  /** Collects the rows and labels of a training set. Not thread-safe. */
  public static final class Builder {
    private final EventLog log;
    private final WindowFeatures features;
    private List<String> entities;
    private long[] cutoffs;
    private final List<String[]> labels = new ArrayList<>();
    private final List<Duration> horizons = new ArrayList<>();
    private int threads = 1;

    private Builder(EventLog log, WindowFeatures features) {
      this.log = log;
      this.features = features;
    }

    /**
     * Sets the rows: one per entity, all with the same cutoff.
     *
     * @param entityIds the entities
     * @param cutoff the cutoff in epoch milliseconds
     * @return this builder
     */
    public Builder rows(List<String> entityIds, long cutoff) {
      long[] c = new long[entityIds.size()];
      Arrays.fill(c, cutoff);
      return rows(entityIds, c);
    }

    /**
     * Sets the rows: (entity, cutoff) pairs, the point-in-time join of labelled rows.
     *
     * @param entityIds per row, the entity
     * @param rowCutoffs per row, the cutoff in epoch milliseconds
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ
     */
    public Builder rows(List<String> entityIds, long[] rowCutoffs) {
      if (entityIds.size() != rowCutoffs.length) {
        throw new IllegalArgumentException("entities.size() = " + entityIds.size()
            + ", cutoffs.length = " + rowCutoffs.length + "; expected equal lengths");
      }
      this.entities = List.copyOf(entityIds);
      this.cutoffs = rowCutoffs.clone();
      return this;
    }

    /**
     * Adds a BOOLEAN label, see {@link Labels#didWithin}.
     *
     * @param eventType the event type
     * @param horizon the horizon after the cutoff
     * @return this builder
     */
    public Builder didWithin(String eventType, Duration horizon) {
      labels.add(new String[] {"did", Objects.requireNonNull(eventType, "eventType")});
      horizons.add(horizon);
      return this;
    }

    /**
     * Adds a CATEGORICAL label, see {@link Labels#nextCategory}.
     *
     * @param eventType the event type, or null for any
     * @param horizon the horizon after the cutoff
     * @return this builder
     */
    public Builder nextCategory(String eventType, Duration horizon) {
      labels.add(new String[] {"next", eventType});
      horizons.add(horizon);
      return this;
    }

    /**
     * Sets the worker threads of the feature computation (default 1).
     *
     * @param value threads, {@code >= 1}
     * @return this builder
     */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /**
     * Returns the table: {@code entity}, {@code as_of} (the cutoff), the features, then one
     * column per label in the order added.
     *
     * @return the training table, rows in the order given
     * @throws IllegalStateException if no rows were set
     * @throws IllegalArgumentException if a horizon or the thread count is invalid, or a label
     *     column name repeats
     */
    public Table build() {
      if (entities == null) {
        throw new IllegalStateException("rows not set; expected rows(entities, cutoff) first");
      }
      Table t = features.compute(log, entities, cutoffs, threads);
      for (int k = 0; k < labels.size(); k++) {
        String[] l = labels.get(k);
        Column label = "did".equals(l[0])
            ? Labels.didWithin(log, entities, cutoffs, l[1], horizons.get(k))
            : Labels.nextCategory(log, entities, cutoffs, l[1], horizons.get(k));
        if (t.schema().indexOf(label.name()) >= 0) {
          throw new IllegalArgumentException("label column '" + label.name()
              + "' repeats a column name; expected distinct labels");
        }
        t = t.with(label);
      }
      return t;
    }
  }
}
