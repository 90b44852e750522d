package dev.reco.core.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts how often each catalog item appears in the top K of the recommended lists, for the
 * catalog-wide measures: coverage and the Gini index of recommendation counts.
 *
 * <pre>
 *   Coverage@K = |{ i : count(i) > 0 }| / catalogSize
 *   Gini@K     = sum_{j=1..m} (2j - m - 1) * c_(j)  /  (m * sum_j c_(j))
 * </pre>
 * where {@code m = catalogSize} and {@code c_(1) <= ... <= c_(m)} are the counts of every catalog
 * item in increasing order, never-recommended items included (count 0). Gini is 0 when every
 * item is recommended equally often and approaches 1 (exactly {@code (m-1)/m}) when one item
 * takes every slot; this is RecBole's {@code GiniIndex}.
 *
 * <p>Counts are integers, so {@link #merge} is exact: workers may count disjoint sets of users
 * and merge in any order with identical results. Single writer: not thread-safe. Memory: 4 bytes
 * per catalog item.
 */
public final class RecommendationCounts {
  private final int k;
  private final int[] counts;
  private long lists;
  private long total;

  /**
   * Creates empty counts.
   *
   * @param catalogSize number of items that could be recommended, {@code >= 1}; item ids lie in
   *     {@code [0, catalogSize)}
   * @param k cutoff: only the first {@code min(k, length)} items of each list count, {@code >= 1}
   * @throws IllegalArgumentException if a size is out of range
   */
  public RecommendationCounts(int catalogSize, int k) {
    if (catalogSize < 1) {
      throw new IllegalArgumentException("catalogSize = " + catalogSize + "; expected >= 1");
    }
    Checks.k(k);
    this.k = k;
    this.counts = new int[catalogSize];
  }

  /**
   * Counts the first {@code min(k, length)} items of one user's list. An empty list counts as a
   * list with no items.
   *
   * @param ranked recommended items, best first
   * @param length number of valid entries in {@code ranked}
   * @return this object
   * @throws IllegalArgumentException if {@code length} is out of range, or the list repeats an
   *     item or holds one outside the catalog; nothing is counted then
   */
  public RecommendationCounts add(int[] ranked, int length) {
    Checks.length(ranked, length);
    for (int i = 0; i < length; i++) {
      if (ranked[i] < 0 || ranked[i] >= counts.length) {
        throw new IllegalArgumentException("ranked[" + i + "] = " + ranked[i]
            + "; expected an item in [0, " + counts.length + ")");
      }
    }
    Checks.distinct(ranked, length, null);
    int n = Math.min(k, length);
    for (int i = 0; i < n; i++) {
      counts[ranked[i]]++;
    }
    lists++;
    total += n;
    return this;
  }

  /**
   * Adds the counts of another object with the same catalog size and K.
   *
   * @param other counts to add (unchanged; may be this object, which doubles it)
   * @return this object
   * @throws IllegalArgumentException if the catalog size or K differ
   */
  public RecommendationCounts merge(RecommendationCounts other) {
    Objects.requireNonNull(other, "other");
    if (other.counts.length != counts.length || other.k != k) {
      throw new IllegalArgumentException("other has catalogSize = " + other.counts.length
          + ", k = " + other.k + "; expected catalogSize = " + counts.length + ", k = " + k);
    }
    int[] add = other == this ? counts.clone() : other.counts;
    for (int i = 0; i < counts.length; i++) {
      counts[i] += add[i];
    }
    long otherLists = other.lists;
    long otherTotal = other.total;
    lists += otherLists;
    total += otherTotal;
    return this;
  }

  /** Returns the cutoff K. */
  public int k() {
    return k;
  }

  /** Returns the catalog size. */
  public int catalogSize() {
    return counts.length;
  }

  /** Returns the number of lists added. */
  public long lists() {
    return lists;
  }

  /** Returns the number of recommendation slots counted (sum of all counts). */
  public long totalRecommendations() {
    return total;
  }

  /**
   * Returns how many counted lists hold an item in their top K.
   *
   * @param item an item in {@code [0, catalogSize())}
   * @return the count
   * @throws IndexOutOfBoundsException if the item is out of range
   */
  public int count(int item) {
    return counts[Objects.checkIndex(item, counts.length)];
  }

  /** Returns the number of distinct items recommended at least once. */
  public int distinctItems() {
    int d = 0;
    for (int c : counts) {
      if (c > 0) {
        d++;
      }
    }
    return d;
  }

  /**
   * Returns catalog coverage at K: distinct recommended items divided by the catalog size.
   *
   * @return a value in [0, 1]
   * @throws IllegalStateException if no list was added
   */
  public double coverage() {
    if (lists == 0) {
      throw new IllegalStateException("no lists added; expected at least one list");
    }
    return (double) distinctItems() / counts.length;
  }

  /**
   * Returns the Gini index of recommendation counts over the whole catalog (see the class
   * comment).
   *
   * @return a value in {@code [0, (catalogSize - 1) / catalogSize]}
   * @throws IllegalStateException if nothing was recommended yet
   */
  public double gini() {
    if (total == 0) {
      throw new IllegalStateException(
          "no recommendations counted; expected at least one non-empty list");
    }
    int[] sorted = counts.clone();
    Arrays.sort(sorted);
    int m = sorted.length;
    ExactSum numerator = new ExactSum();
    for (int j = 1; j <= m; j++) {
      int c = sorted[j - 1];
      if (c != 0) {
        long term = (2L * j - m - 1) * c; // |term| < 2^63; split so the sum stays exact
        double hi = (double) term;
        numerator.add(hi);
        numerator.add((double) (term - (long) hi));
      }
    }
    return numerator.value() / ((double) m * total);
  }

  @Override
  public String toString() {
    return "RecommendationCounts[catalogSize=" + counts.length + ", k=" + k + ", lists=" + lists
        + ", recommendations=" + total + "]";
  }
}
