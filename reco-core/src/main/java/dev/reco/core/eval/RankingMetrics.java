package dev.reco.core.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-user top-K ranking metrics over primitive arrays. Stateless and thread-safe.
 *
 * <p>Inputs, for one user:
 * <ul>
 *   <li>{@code ranked[0..length)}: the recommended items, best first, already filtered by the
 *       caller (for example with training items removed: that is the caller's job). Entries past
 *       {@code length} are ignored, so a buffer can be reused. Repeated items are rejected.
 *   <li>{@code relevant}: the user's relevant test items, strictly increasing (as
 *       {@code CsrMatrix.rowColumns} returns them), at least one. A user without relevant items
 *       has no defined value for any of these metrics: the functions refuse an empty set, and the
 *       caller leaves such users out of every average.
 *   <li>{@code k >= 1}: the cutoff. Only the first {@code n = min(k, length)} positions count.
 *       A list shorter than K is not padded with hits or treated specially: precision still
 *       divides by K.
 * </ul>
 *
 * <p>Definitions, with {@code hit(i)} = 1 if the item at 1-based rank {@code i} is relevant and
 * {@code R = |relevant|}:
 * <pre>
 *   Precision@K = (sum_{i&lt;=n} hit(i)) / K
 *   Recall@K    = (sum_{i&lt;=n} hit(i)) / R
 *   HitRate@K   = 1 if any hit(i) = 1 for i &lt;= n, else 0
 *   RR@K        = 1 / (rank of the first hit), or 0 if none within n    (MRR = mean of RR)
 *   AP@K        = (sum_{i&lt;=n} hit(i) * Precision@i) / min(K, R)          (MAP = mean of AP)
 *   DCG@K       = sum_{i&lt;=n} gain(grade(i)) / log2(i + 1)
 *   IDCG@K      = sum_{j&lt;=min(K, R)} gain(g_j) / log2(j + 1), g sorted descending
 *   NDCG@K      = DCG@K / IDCG@K
 * </pre>
 * Binary relevance means grade 1 for every relevant item, so IDCG@K sums the first
 * {@code min(K, R)} discounts. Every value lies in [0, 1]. For many metrics per user, or many
 * users, {@link RankingScorer} does the lookups once and allocates nothing per user.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * Returns Precision@K: hits among the first {@code min(k, length)} items, divided by K.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param k cutoff, {@code >= 1}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException if {@code k < 1}, {@code length} is out of range, the list
   *     repeats an item, or {@code relevant} is empty or not strictly increasing
   */
  public static double precision(int[] ranked, int length, int[] relevant, int k) {
    check(ranked, length, relevant, k);
    return (double) hits(ranked, Math.min(k, length), relevant) / k;
  }

  /**
   * Returns Recall@K: hits among the first {@code min(k, length)} items, divided by the number
   * of relevant items.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param k cutoff, {@code >= 1}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision}
   */
  public static double recall(int[] ranked, int length, int[] relevant, int k) {
    check(ranked, length, relevant, k);
    return (double) hits(ranked, Math.min(k, length), relevant) / relevant.length;
  }

  /**
   * Returns HitRate@K for one user: 1 if a relevant item is among the first
   * {@code min(k, length)} items, otherwise 0.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param k cutoff, {@code >= 1}
   * @return 0 or 1
   * @throws IllegalArgumentException as {@link #precision}
   */
  public static double hit(int[] ranked, int length, int[] relevant, int k) {
    check(ranked, length, relevant, k);
    return firstHit(ranked, Math.min(k, length), relevant) >= 0 ? 1.0 : 0.0;
  }

  /**
   * Returns the reciprocal rank at K: {@code 1 / r} for the 1-based rank {@code r} of the first
   * relevant item among the first {@code min(k, length)} items, or 0 if there is none. Its mean
   * over users is MRR@K; pass {@code k >= length} for MRR over the whole list.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param k cutoff, {@code >= 1}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision}
   */
  public static double reciprocalRank(int[] ranked, int length, int[] relevant, int k) {
    check(ranked, length, relevant, k);
    int p = firstHit(ranked, Math.min(k, length), relevant);
    return p < 0 ? 0.0 : 1.0 / (p + 1);
  }

  /**
   * Returns average precision at K: the sum of Precision@i over the ranks {@code i} of hits
   * within the first {@code min(k, length)} items, divided by {@code min(k, |relevant|)}. Its
   * mean over users is MAP@K.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param k cutoff, {@code >= 1}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision}
   */
  public static double averagePrecision(int[] ranked, int length, int[] relevant, int k) {
    check(ranked, length, relevant, k);
    int n = Math.min(k, length);
    double sum = 0.0;
    int hits = 0;
    for (int i = 0; i < n; i++) {
      if (Arrays.binarySearch(relevant, ranked[i]) >= 0) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    return sum / Math.min(k, relevant.length);
  }

  /**
   * Returns NDCG@K with binary relevance: {@code DCG@K / IDCG@K} where every relevant item has
   * gain 1, rank {@code i} is discounted by {@code 1 / log2(i + 1)}, and the ideal list puts
   * {@code min(k, |relevant|)} relevant items first.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param k cutoff, {@code >= 1}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision}
   */
  public static double ndcg(int[] ranked, int length, int[] relevant, int k) {
    check(ranked, length, relevant, k);
    int n = Math.min(k, length);
    double dcg = 0.0;
    for (int i = 0; i < n; i++) {
      if (Arrays.binarySearch(relevant, ranked[i]) >= 0) {
        dcg += discount(i);
      }
    }
    return dcg / idealBinary(Math.min(k, relevant.length));
  }

  /**
   * Returns NDCG@K with graded relevance: the item at rank {@code i} contributes
   * {@code gain(grade) / log2(i + 1)}, and the ideal DCG sorts the grades of all relevant items
   * in decreasing order and keeps the first {@code min(k, |relevant|)}.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @param relevant relevant items, strictly increasing, non-empty
   * @param grades grade of each relevant item, aligned with {@code relevant}, finite and
   *     {@code > 0}; {@code null} for binary relevance (every grade 1)
   * @param gain how a grade becomes a gain; {@link Gain#LINEAR} is the usual choice
   * @param k cutoff, {@code >= 1}
   * @return a value in [0, 1]
   * @throws IllegalArgumentException as {@link #precision}, or if grades are misaligned, zero,
   *     negative or not finite
   */
  public static double ndcg(
      int[] ranked, int length, int[] relevant, float[] grades, Gain gain, int k) {
    check(ranked, length, relevant, k);
    Checks.grades(relevant, grades);
    Objects.requireNonNull(gain, "gain");
    if (grades == null) {
      return ndcg(ranked, length, relevant, k);
    }
    int n = Math.min(k, length);
    double dcg = 0.0;
    for (int i = 0; i < n; i++) {
      int j = Arrays.binarySearch(relevant, ranked[i]);
      if (j >= 0) {
        dcg += gain.of(grades[j]) * discount(i);
      }
    }
    float[] sorted = grades.clone();
    Arrays.sort(sorted);
    return dcg / idealGraded(sorted, Math.min(k, relevant.length), gain);
  }

  // ---- shared kernels (also used by RankingScorer) -------------------------------------------

  private static final int TABLE = 1024;
  private static final double[] DISCOUNT = new double[TABLE];

  static {
    for (int i = 0; i < TABLE; i++) {
      DISCOUNT[i] = discountOf(i);
    }
  }

  private static double discountOf(int position) {
    return 1.0 / (Math.log(position + 2.0) / Math.log(2.0));
  }

  /** Returns {@code 1 / log2(i + 1)} for the 0-based position {@code position = i - 1}. */
  static double discount(int position) {
    return position < TABLE ? DISCOUNT[position] : discountOf(position);
  }

  /** Returns the DCG of {@code m} hits in the first {@code m} positions. */
  static double idealBinary(int m) {
    double s = 0.0;
    for (int i = 0; i < m; i++) {
      s += discount(i);
    }
    return s;
  }

  /** Returns the ideal DCG of the {@code m} largest grades in an ascending array. */
  static double idealGraded(float[] ascending, int m, Gain gain) {
    double s = 0.0;
    int last = ascending.length - 1;
    for (int i = 0; i < m; i++) {
      s += gain.of(ascending[last - i]) * discount(i);
    }
    return s;
  }

  static void check(int[] ranked, int length, int[] relevant, int k) {
    Checks.k(k);
    Checks.length(ranked, length);
    Checks.relevant(relevant);
    Checks.distinct(ranked, length, null);
  }

  private static int hits(int[] ranked, int n, int[] relevant) {
    int h = 0;
    for (int i = 0; i < n; i++) {
      if (Arrays.binarySearch(relevant, ranked[i]) >= 0) {
        h++;
      }
    }
    return h;
  }

  private static int firstHit(int[] ranked, int n, int[] relevant) {
    for (int i = 0; i < n; i++) {
      if (Arrays.binarySearch(relevant, ranked[i]) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
