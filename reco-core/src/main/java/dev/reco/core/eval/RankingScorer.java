package dev.reco.core.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Computes every ranking {@link Metric} of one user from a single pass over the list: the caller
 * {@link #reset}s it with a user's ranked list and relevant items, then reads as many metrics
 * (at as many cutoffs up to {@code maxK}) as it needs with {@link #value(Metric)}. Values are
 * identical to those of {@link RankingMetrics}, whose Javadoc gives the definitions.
 *
 * <p>After the buffers have grown to the largest list and relevant set seen, a reset allocates
 * nothing. The scorer keeps no reference to the arrays passed in.
 *
 * <p>Single-threaded: give each worker thread its own scorer. About
 * {@code 12 * maxK + 8 * (largest relevant set)} bytes.
 */
public final class RankingScorer {
  private final int maxK;
  private int[] relevantIndex; // per position < scored: index into relevant, or -1
  private double[] gradeAt; // per position < scored: grade of the item there, 0 if not relevant
  private float[] sortedGrades = new float[16];
  private int[] scratch = new int[64];
  private int length;
  private int scored;
  private int relevantCount;
  private boolean graded;
  private boolean ready;

  /**
   * Creates a scorer for cutoffs up to {@code maxK}.
   *
   * @param maxK the largest cutoff that {@link #value} will be asked for, {@code >= 1}; only the
   *     first {@code min(maxK, length)} positions of a list are looked up
   * @throws IllegalArgumentException if {@code maxK < 1}
   */
  public RankingScorer(int maxK) {
    if (maxK < 1) {
      throw new IllegalArgumentException("maxK = " + maxK + "; expected maxK >= 1");
    }
    this.maxK = maxK;
    int initial = Math.min(maxK, 64);
    this.relevantIndex = new int[initial];
    this.gradeAt = new double[initial];
  }

  /** Returns the largest cutoff this scorer accepts. */
  public int maxK() {
    return maxK;
  }

  /**
   * Loads one user's list and relevant items, replacing the previous user.
   *
   * @param ranked recommended items, best first, already filtered by the caller
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param grades grades aligned with {@code relevant}, finite and {@code > 0}, or {@code null}
   *     for binary relevance
   * @return this scorer
   * @throws IllegalArgumentException if {@code length} is out of range, the list repeats an item,
   *     {@code relevant} is empty or not strictly increasing, or a grade is invalid; the scorer
   *     then holds no user until the next successful reset
   */
  public RankingScorer reset(int[] ranked, int length, int[] relevant, float[] grades) {
    ready = false;
    Checks.length(ranked, length);
    Checks.relevant(relevant);
    Checks.grades(relevant, grades);
    if (length > 32 && scratch.length < length) {
      scratch = new int[Math.max(length, 2 * scratch.length)];
    }
    Checks.distinct(ranked, length, scratch);
    int n = Math.min(maxK, length);
    if (relevantIndex.length < n) {
      int size = Math.min(maxK, Math.max(n, 2 * relevantIndex.length));
      relevantIndex = new int[size];
      gradeAt = new double[size];
    }
    for (int i = 0; i < n; i++) {
      int j = Arrays.binarySearch(relevant, ranked[i]);
      relevantIndex[i] = j >= 0 ? j : -1;
      gradeAt[i] = j < 0 ? 0.0 : grades == null ? 1.0 : grades[j];
    }
    graded = grades != null;
    if (graded) {
      if (sortedGrades.length < grades.length) {
        sortedGrades = new float[Math.max(grades.length, 2 * sortedGrades.length)];
      }
      System.arraycopy(grades, 0, sortedGrades, 0, grades.length);
      Arrays.sort(sortedGrades, 0, grades.length);
    }
    this.length = length;
    this.scored = n;
    this.relevantCount = relevant.length;
    this.ready = true;
    return this;
  }

  /** Returns the list length of the current user. */
  public int length() {
    requireReady();
    return length;
  }

  /** Returns the number of relevant items of the current user. */
  public int relevantCount() {
    requireReady();
    return relevantCount;
  }

  /**
   * Returns the number of relevant items among the first {@code min(k, length)} positions.
   *
   * @param k cutoff in {@code [1, maxK]}
   * @return the hit count
   * @throws IllegalArgumentException if {@code k} is out of range
   * @throws IllegalStateException if no user is loaded
   */
  public int hits(int k) {
    int n = positions(k);
    int h = 0;
    for (int i = 0; i < n; i++) {
      if (relevantIndex[i] >= 0) {
        h++;
      }
    }
    return h;
  }

  /**
   * Returns the current user's value of a ranking metric.
   *
   * @param metric a metric of {@link Measure.Family#RANKING} with {@code k <= maxK()}
   * @return the value, in [0, 1]
   * @throws IllegalArgumentException if the metric is not a ranking metric or its K exceeds
   *     {@code maxK()}
   * @throws IllegalStateException if no user is loaded
   */
  public double value(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    int k = metric.k();
    switch (metric.measure()) {
      case PRECISION:
        return (double) hits(k) / k;
      case RECALL:
        return (double) hits(k) / relevantCount;
      case HIT_RATE:
        return firstHit(k) >= 0 ? 1.0 : 0.0;
      case MRR: {
        int p = firstHit(k);
        return p < 0 ? 0.0 : 1.0 / (p + 1);
      }
      case MAP:
        return averagePrecision(k);
      case NDCG:
        return ndcg(k, Gain.LINEAR);
      case NDCG_EXP:
        return ndcg(k, Gain.EXPONENTIAL);
      default:
        throw new IllegalArgumentException(
            "metric = " + metric + "; expected a ranking metric (Precision, Recall, NDCG, "
                + "NDCG-exp, MAP, MRR, HitRate)");
    }
  }

  private double averagePrecision(int k) {
    int n = positions(k);
    double sum = 0.0;
    int hits = 0;
    for (int i = 0; i < n; i++) {
      if (relevantIndex[i] >= 0) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    return sum / Math.min(k, relevantCount);
  }

  private double ndcg(int k, Gain gain) {
    int n = positions(k);
    int m = Math.min(k, relevantCount);
    if (!graded) {
      double dcg = 0.0;
      for (int i = 0; i < n; i++) {
        if (relevantIndex[i] >= 0) {
          dcg += RankingMetrics.discount(i);
        }
      }
      return dcg / RankingMetrics.idealBinary(m);
    }
    double dcg = 0.0;
    for (int i = 0; i < n; i++) {
      if (relevantIndex[i] >= 0) {
        dcg += gain.of(gradeAt[i]) * RankingMetrics.discount(i);
      }
    }
    double ideal = 0.0;
    int last = relevantCount - 1;
    for (int i = 0; i < m; i++) {
      ideal += gain.of(sortedGrades[last - i]) * RankingMetrics.discount(i);
    }
    return dcg / ideal;
  }

  private int firstHit(int k) {
    int n = positions(k);
    for (int i = 0; i < n; i++) {
      if (relevantIndex[i] >= 0) {
        return i;
      }
    }
    return -1;
  }

  private int positions(int k) {
    requireReady();
    if (k < 1 || k > maxK) {
      throw new IllegalArgumentException("k = " + k + "; expected 1 <= k <= maxK = " + maxK);
    }
    return Math.min(k, scored);
  }

  private void requireReady() {
    if (!ready) {
      throw new IllegalStateException("no user loaded; expected reset(...) to succeed first");
    }
  }

  @Override
  public String toString() {
    return "RankingScorer[maxK=" + maxK + (ready ? ", length=" + length + ", relevant="
        + relevantCount : ", empty") + "]";
  }
}
