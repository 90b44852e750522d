package dev.reco.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable result of {@link Evaluator#evaluate}: mean metric values, the per-user values
 * behind them (for {@link OfflineComparison}), which sources served the users, and counts.
 *
 * <p>{@link #toString()} prints a table; {@link #toJson()} gives the summary as JSON.
 * {@link #equals} compares everything except the elapsed time, so results of runs with different
 * thread counts can be compared directly.
 */
public final class EvaluationResult {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String name;
  private final String split;
  private final int[] users;
  private final Map<Metric, Double> values;
  private final Map<Metric, double[]> perUser;
  private final Map<String, Integer> sources;
  private final int skippedUsers;
  private final int coldUsers;
  private final long droppedSeenPairs;
  private final Duration elapsed;

  EvaluationResult(String name, String split, int[] users, Map<Metric, Double> values,
      Map<Metric, double[]> perUser, Map<String, Integer> sources, int skippedUsers, int coldUsers,
      long droppedSeenPairs, Duration elapsed) {
    this.name = name;
    this.split = split;
    this.users = users;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.perUser = perUser;
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    this.skippedUsers = skippedUsers;
    this.coldUsers = coldUsers;
    this.droppedSeenPairs = droppedSeenPairs;
    this.elapsed = elapsed;
  }

  /** Returns the recommender's label. */
  public String name() {
    return name;
  }

  /** Returns the description of the split the recommender was evaluated on. */
  public String split() {
    return split;
  }

  /** Returns the metrics in evaluation order with their mean values. */
  public Map<Metric, Double> values() {
    return values;
  }

  /**
   * Returns the mean value of a metric.
   *
   * @param metric a metric this result holds
   * @return its value (NaN for a beyond-accuracy mean over no list, e.g. novelty when every list
   *     was empty)
   * @throws IllegalArgumentException if the metric was not computed
   */
  public double value(Metric metric) {
    Double v = values.get(metric);
    if (v == null) {
      throw new IllegalArgumentException("metric " + metric + " was not computed; computed: " + values.keySet());
    }
    return v;
  }

  /**
   * Returns the per-user values of a metric, aligned with {@link #users()}. Coverage and Gini are
   * properties of all lists together and have no per-user values; Novelty, ARP and ILD hold NaN
   * for users whose list was too short to define them.
   *
   * @param metric a metric with per-user values
   * @return a copy of the values
   * @throws IllegalArgumentException if the metric has no per-user values here
   */
  public double[] perUser(Metric metric) {
    double[] v = perUser.get(metric);
    if (v == null) {
      throw new IllegalArgumentException("metric " + metric + " has no per-user values; available: "
          + perUser.keySet());
    }
    return v.clone();
  }

  /** Returns the evaluated users' dense indexes, ascending (a copy). */
  public int[] users() {
    return users.clone();
  }

  /** Returns the number of users evaluated (users with at least one relevant test item). */
  public int usersEvaluated() {
    return users.length;
  }

  /** Returns the number of test users skipped because none of their test items was relevant. */
  public int skippedUsers() {
    return skippedUsers;
  }

  /** Returns the number of evaluated users without training rows (cold-start users). */
  public int coldUsers() {
    return coldUsers;
  }

  /**
   * Returns the number of (user, item) test pairs dropped from the relevant sets because the user
   * had the item in train and training items were excluded from the ranking.
   */
  public long droppedSeenPairs() {
    return droppedSeenPairs;
  }

  /** Returns how many evaluated users each recommendation source served, by source name. */
  public Map<String, Integer> sources() {
    return sources;
  }

  /** Returns the wall-clock time the evaluation took (not part of {@link #equals}). */
  public Duration elapsed() {
    return elapsed;
  }

  /** Returns the summary as pretty-printed JSON (metric labels to values, counts, sources). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", name);
    root.put("split", split);
    root.put("usersEvaluated", users.length);
    root.put("skippedUsers", skippedUsers);
    root.put("coldUsers", coldUsers);
    root.put("droppedSeenPairs", droppedSeenPairs);
    ObjectNode metrics = root.putObject("metrics");
    values.forEach((m, v) -> {
      if (Double.isNaN(v)) {
        metrics.putNull(m.label());
      } else {
        metrics.put(m.label(), v);
      }
    });
    ObjectNode served = root.putObject("sources");
    sources.forEach(served::put);
    root.put("elapsedMillis", elapsed.toMillis());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write evaluation result as JSON", e);
    }
  }

  /** Returns a one-row table of this result; see {@link #table(List)}. */
  @Override
  public String toString() {
    return table(List.of(this));
  }

  /**
   * Formats results side by side: one row per result, one column per metric (the union of the
   * results' metrics, in first-seen order), then users evaluated and cold users.
   *
   * @param results results to show
   * @return a plain-text table
   */
  public static String table(List<EvaluationResult> results) {
    List<Metric> columns = new ArrayList<>();
    for (EvaluationResult r : results) {
      for (Metric m : r.values.keySet()) {
        if (!columns.contains(m)) {
          columns.add(m);
        }
      }
    }
    List<String> header = new ArrayList<>();
    header.add("recommender");
    for (Metric m : columns) {
      header.add(m.label());
    }
    header.add("users");
    header.add("cold");
    List<List<String>> rows = new ArrayList<>();
    for (EvaluationResult r : results) {
      List<String> row = new ArrayList<>();
      row.add(r.name);
      for (Metric m : columns) {
        Double v = r.values.get(m);
        row.add(v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", v));
      }
      row.add(Integer.toString(r.users.length));
      row.add(Integer.toString(r.coldUsers));
      rows.add(row);
    }
    return TextTable.render(header, rows);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EvaluationResult)) {
      return false;
    }
    EvaluationResult r = (EvaluationResult) o;
    if (!(name.equals(r.name) && split.equals(r.split) && Arrays.equals(users, r.users)
        && values.equals(r.values) && sources.equals(r.sources) && skippedUsers == r.skippedUsers
        && coldUsers == r.coldUsers && droppedSeenPairs == r.droppedSeenPairs
        && perUser.keySet().equals(r.perUser.keySet()))) {
      return false;
    }
    for (Map.Entry<Metric, double[]> e : perUser.entrySet()) {
      if (!Arrays.equals(e.getValue(), r.perUser.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, split, values, Arrays.hashCode(users));
  }
}
