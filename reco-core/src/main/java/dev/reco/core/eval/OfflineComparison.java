package dev.reco.core.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An offline A/B test: two recommenders evaluated on the same split, compared user by user on one
 * metric. The comparison is paired (each user's value under A minus under B), with a seeded
 * bootstrap confidence interval of the mean difference and a paired t-test p-value, as
 * {@link PairedComparison} defines them.
 *
 * @param metric the metric compared
 * @param nameA the first recommender's label
 * @param nameB the second recommender's label
 * @param comparison the paired statistics of A minus B
 */
public record OfflineComparison(Metric metric, String nameA, String nameB, PairedComparison comparison) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OfflineComparison {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(nameA, "nameA");
    Objects.requireNonNull(nameB, "nameB");
    Objects.requireNonNull(comparison, "comparison");
  }

  /**
   * Compares A with B on one metric over the users both were evaluated on.
   *
   * @param a result of recommender A
   * @param b result of recommender B, on the same split and users
   * @param metric a metric with per-user values in both results
   * @param config bootstrap resamples, confidence level and seed
   * @return the comparison of A minus B
   * @throws IllegalArgumentException if the results cover different users or splits, or lack
   *     per-user values of the metric
   */
  public static OfflineComparison compare(EvaluationResult a, EvaluationResult b, Metric metric,
      ComparisonConfig config) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(config, "config");
    if (!a.split().equals(b.split()) || !Arrays.equals(a.users(), b.users())) {
      throw new IllegalArgumentException("results '" + a.name() + "' (" + a.usersEvaluated()
          + " users, split " + a.split() + ") and '" + b.name() + "' (" + b.usersEvaluated()
          + " users, split " + b.split() + ") cover different users; expected both evaluated on "
          + "the same split with the same evaluator settings");
    }
    if (metric.measure().family() != Measure.Family.RANKING) {
      throw new IllegalArgumentException("metric " + metric + " is not a per-user ranking metric; "
          + "expected e.g. NDCG@10");
    }
    return new OfflineComparison(metric, a.name(), b.name(),
        PairedComparison.compare(a.perUser(metric), b.perUser(metric), config));
  }

  /** Returns whether A is significantly better: the interval lies above zero. */
  public boolean aIsBetter() {
    return comparison.ciLower() > 0;
  }

  /** Returns a small table: means, difference, confidence interval and p-value. */
  @Override
  public String toString() {
    PairedComparison c = comparison;
    String level = String.format(Locale.ROOT, "%.0f%% CI", c.config().confidenceLevel() * 100);
    List<String> header = List.of("metric", nameA, nameB, "difference", level, "p (paired t)", "users");
    List<String> row = List.of(metric.label(), fmt(c.meanA()), fmt(c.meanB()),
        String.format(Locale.ROOT, "%+.4f", c.meanDifference()),
        String.format(Locale.ROOT, "[%+.4f, %+.4f]", c.ciLower(), c.ciUpper()),
        pValue(c.pValue()), Integer.toString(c.n()));
    return TextTable.render(header, List.of(row));
  }

  private static String pValue(double p) {
    if (p < 1e-15) {
      return "< 1e-15";
    }
    return String.format(Locale.ROOT, p < 1e-3 ? "%.1e" : "%.3f", p);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
