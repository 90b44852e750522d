package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * Drift of a model's outputs, with the same tests as features: scores (numeric) and predicted
 * classes (categorical, plus the entropy of the class distribution). Each call is a one-column
 * {@link DatasetDrift} comparison, so the value test, the missing-rate test and the correction
 * across those two work exactly as for a feature column.
 */
public final class PredictionDrift {
  /** Column name the results carry for scores. */
  public static final String SCORE = "score";

  /** Column name the results carry for predicted classes. */
  public static final String PREDICTED_CLASS = "predicted_class";

  private PredictionDrift() {}

  /**
   * Tests the drift of model scores.
   *
   * @param reference reference scores, {@code NaN} for missing
   * @param current current scores, {@code NaN} for missing
   * @param config the settings (rule, missing-rate test, correction, alpha)
   * @return the drift of the {@code "score"} column
   * @throws IllegalArgumentException if a score is infinite or a side is empty
   */
  public static ColumnDrift scores(double[] reference, double[] current,
      DatasetDriftConfig config) {
    DriftFrame ref = DriftFrame.builder().numeric(SCORE, reference).build();
    DriftFrame cur = DriftFrame.builder().numeric(SCORE, current).build();
    return DatasetDrift.compare(ref, cur, config).columns().get(0);
  }

  /**
   * Tests the drift of predicted classes given as counts.
   *
   * @param reference reference class counts
   * @param current current class counts
   * @param config the settings (rule, missing-rate test, correction, alpha)
   * @return the drift of the {@code "predicted_class"} column and the entropies
   * @throws IllegalArgumentException if a side has no rows
   */
  public static ClassDrift classes(CategoryCounts reference, CategoryCounts current,
      DatasetDriftConfig config) {
    DriftFrame ref = DriftFrame.builder().categorical(PREDICTED_CLASS, reference).build();
    DriftFrame cur = DriftFrame.builder().categorical(PREDICTED_CLASS, current).build();
    ColumnDrift drift = DatasetDrift.compare(ref, cur, config).columns().get(0);
    double before = entropy(reference);
    double after = entropy(current);
    return new ClassDrift(drift, before, after, after - before);
  }

  /**
   * Tests the drift of predicted class labels.
   *
   * @param reference reference labels, {@code null} for missing
   * @param current current labels, {@code null} for missing
   * @param config the settings
   * @return the drift and the entropies
   * @throws IllegalArgumentException if a side is empty
   */
  public static ClassDrift classes(String[] reference, String[] current,
      DatasetDriftConfig config) {
    return classes(CategoryCounts.of(reference), CategoryCounts.of(current), config);
  }

  /**
   * Tests the drift of predicted integer classes.
   *
   * @param reference reference classes
   * @param current current classes
   * @param config the settings
   * @return the drift and the entropies
   * @throws IllegalArgumentException if a side is empty
   */
  public static ClassDrift classes(int[] reference, int[] current, DatasetDriftConfig config) {
    return classes(CategoryCounts.ofClasses(reference), CategoryCounts.ofClasses(current), config);
  }

  /**
   * Entropy of a class distribution, {@code -sum_c s_c log2 s_c} over the shares of the
   * non-missing values.
   *
   * @param counts the class counts
   * @return the entropy in bits, in {@code [0, log2 K]}; {@code NaN} when there is no
   *     non-missing value
   */
  public static double entropy(CategoryCounts counts) {
    Objects.requireNonNull(counts, "counts");
    long total = counts.total();
    if (total == 0) {
      return Double.NaN;
    }
    double h = 0.0;
    for (long c : counts.countView()) {
      if (c > 0) {
        double s = (double) c / total;
        h -= s * Math.log(s);
      }
    }
    return Math.max(0.0, h / Math.log(2.0));
  }
}
