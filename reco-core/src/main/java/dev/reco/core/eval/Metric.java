package dev.reco.core.eval;

import java.util.Objects;

/**
 * A measure together with its cutoff K, labelled for tables and JSON as {@code "NDCG@10"}, or as
 * the bare measure label ({@code "RMSE"}) for measures without a cutoff.
 *
 * <p>{@link #toString()} and {@link #label()} return the label; {@link #parse(String)} reads it
 * back, so {@code Metric.parse(m.label()).equals(m)} for every metric.
 *
 * @param measure what is measured
 * @param k the cutoff: {@code >= 1} when {@code measure.hasCutoff()}, otherwise {@code 0}
 */
public record Metric(Measure measure, int k) {

  /**
   * Validates the pairing of measure and cutoff.
   *
   * @throws IllegalArgumentException if a cutoff measure has {@code k < 1} or a measure without
   *     cutoff has {@code k != 0}
   * @throws NullPointerException if {@code measure} is null
   */
  public Metric {
    Objects.requireNonNull(measure, "measure");
    if (measure.hasCutoff() && k < 1) {
      throw new IllegalArgumentException(
          "k = " + k + " for " + measure.label() + "; expected k >= 1");
    }
    if (!measure.hasCutoff() && k != 0) {
      throw new IllegalArgumentException(
          "k = " + k + " for " + measure.label() + ", which has no cutoff; expected k = 0");
    }
  }

  /**
   * Returns a metric at a cutoff, e.g. {@code Metric.at(Measure.NDCG, 10)}.
   *
   * @param measure a measure with a cutoff
   * @param k the cutoff, {@code >= 1}
   * @return the metric
   * @throws IllegalArgumentException if the measure has no cutoff or {@code k < 1}
   */
  public static Metric at(Measure measure, int k) {
    return new Metric(measure, k);
  }

  /**
   * Returns a metric without cutoff, e.g. {@code Metric.of(Measure.RMSE)}.
   *
   * @param measure a measure without cutoff
   * @return the metric
   * @throws IllegalArgumentException if the measure needs a cutoff
   */
  public static Metric of(Measure measure) {
    return new Metric(measure, 0);
  }

  /** Returns Precision@k. */
  public static Metric precision(int k) {
    return at(Measure.PRECISION, k);
  }

  /** Returns Recall@k. */
  public static Metric recall(int k) {
    return at(Measure.RECALL, k);
  }

  /** Returns NDCG@k (linear gain). */
  public static Metric ndcg(int k) {
    return at(Measure.NDCG, k);
  }

  /** Returns MAP@k. */
  public static Metric map(int k) {
    return at(Measure.MAP, k);
  }

  /** Returns MRR@k. */
  public static Metric mrr(int k) {
    return at(Measure.MRR, k);
  }

  /** Returns HitRate@k. */
  public static Metric hitRate(int k) {
    return at(Measure.HIT_RATE, k);
  }

  /**
   * Parses a label such as {@code "NDCG@10"} or {@code "RMSE"} (measure labels ignore case).
   *
   * @param label the label
   * @return the metric
   * @throws IllegalArgumentException if the measure is unknown, the cutoff is not a positive
   *     integer, or it is missing or present where the measure says otherwise
   */
  public static Metric parse(String label) {
    Objects.requireNonNull(label, "label");
    int at = label.lastIndexOf('@');
    if (at < 0) {
      return new Metric(Measure.fromLabel(label.strip()), 0);
    }
    String cutoff = label.substring(at + 1).strip();
    int k;
    try {
      k = Integer.parseInt(cutoff);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "metric label '" + label + "' has cutoff '" + cutoff + "'; expected a positive integer", e);
    }
    return new Metric(Measure.fromLabel(label.substring(0, at).strip()), k);
  }

  /** Returns the label, e.g. {@code "NDCG@10"} or {@code "RMSE"}. */
  public String label() {
    return measure.hasCutoff() ? measure.label() + "@" + k : measure.label();
  }

  @Override
  public String toString() {
    return label();
  }
}
