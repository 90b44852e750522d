package dev.reco.core.recommend;

import java.util.Arrays;

/**
 * Selects the {@code k} best (item, score) pairs from a stream of candidates with a bounded
 * binary heap over primitive arrays: O(n log k) time for n candidates, {@code 8 k} bytes, no
 * boxing. Not thread-safe; use one per request (or per thread).
 *
 * <p>Order: higher score first; among equal scores the lower item index first. This total order
 * is the tie-breaking rule of every {@link Recommender}, so a result never depends on the order in
 * which candidates were offered. NaN scores are ignored; {@code -0.0f} counts as {@code 0.0f}.
 *
 * <pre>{@code
 * TopK top = new TopK(k);
 * for (int i = 0; i < n; i++) { top.offer(i, scores[i]); }
 * int m = top.drainTo(itemsOut, scoresOut); // best first
 * }</pre>
 */
public final class TopK {
  private final int k;
  private final int[] items;
  private final float[] scores;
  private int size;

  /**
   * Creates an empty selector for the {@code k} best candidates; allocates {@code 8 k} bytes, so
   * cap a caller-supplied {@code k} at the number of candidates first.
   *
   * @param k the number of candidates to keep, {@code >= 1}
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public TopK(int k) {
    this.k = checkK(k);
    this.items = new int[k];
    this.scores = new float[k];
  }

  /**
   * Validates a requested list length, as every recommender does.
   *
   * @param k the requested number of items
   * @return {@code k}
   * @throws IllegalArgumentException if {@code k < 1}, naming the value
   */
  public static int checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + "; expected k >= 1");
    }
    return k;
  }

  /**
   * Returns whether candidate (item a, score sa) ranks before (item b, score sb): higher score
   * first, then lower item index.
   *
   * @param a first item
   * @param sa its score
   * @param b second item
   * @param sb its score
   * @return whether {@code a} ranks strictly before {@code b}
   */
  public static boolean ranksBefore(int a, float sa, int b, float sb) {
    return sa > sb || (sa == sb && a < b);
  }

  /** Returns the number of candidates this selector keeps at most. */
  public int capacity() {
    return k;
  }

  /** Returns the number of candidates currently kept. */
  public int size() {
    return size;
  }

  /** Returns whether {@link #capacity()} candidates are kept. */
  public boolean isFull() {
    return size == k;
  }

  /**
   * Returns the score a new candidate must at least reach to be kept: the worst kept score when
   * full, else negative infinity. Scorers can skip work for candidates that cannot reach it.
   *
   * @return the admission threshold
   */
  public float threshold() {
    return size == k ? scores[0] : Float.NEGATIVE_INFINITY;
  }

  /** Forgets every candidate. */
  public void clear() {
    size = 0;
  }

  /**
   * Offers a candidate; it is kept if fewer than {@code k} are kept or it ranks before the worst
   * kept one.
   *
   * @param item the item index
   * @param score its score; NaN is ignored
   * @return whether the candidate was kept
   */
  public boolean offer(int item, float score) {
    if (score != score) {
      return false;
    }
    score += 0.0f; // -0.0f -> 0.0f
    if (size < k) {
      int pos = size++;
      // sift up: the root is the worst candidate
      while (pos > 0) {
        int parent = (pos - 1) >>> 1;
        if (!ranksBefore(items[parent], scores[parent], item, score)) {
          break;
        }
        items[pos] = items[parent];
        scores[pos] = scores[parent];
        pos = parent;
      }
      items[pos] = item;
      scores[pos] = score;
      return true;
    }
    if (!ranksBefore(item, score, items[0], scores[0])) {
      return false;
    }
    siftDown(0, item, score, size);
    return true;
  }

  /** Places (item, score) at {@code pos} and sifts it down within the first {@code n} slots. */
  private void siftDown(int pos, int item, float score, int n) {
    while (true) {
      int child = 2 * pos + 1;
      if (child >= n) {
        break;
      }
      int right = child + 1;
      // pick the worse child
      if (right < n && ranksBefore(items[child], scores[child], items[right], scores[right])) {
        child = right;
      }
      if (!ranksBefore(item, score, items[child], scores[child])) {
        break;
      }
      items[pos] = items[child];
      scores[pos] = scores[child];
      pos = child;
    }
    items[pos] = item;
    scores[pos] = score;
  }

  /**
   * Writes the kept candidates best first and clears this selector.
   *
   * @param itemsOut receives the item indexes; length at least {@link #size()}
   * @param scoresOut receives the scores, aligned; length at least {@link #size()}
   * @return the number of candidates written
   * @throws IllegalArgumentException if an output array is too short
   */
  public int drainTo(int[] itemsOut, float[] scoresOut) {
    int n = size;
    if (itemsOut.length < n || scoresOut.length < n) {
      throw new IllegalArgumentException("output lengths items=" + itemsOut.length + ", scores="
          + scoresOut.length + "; expected at least " + n);
    }
    // heap sort in place: repeatedly move the worst to the end of the shrinking heap
    for (int end = n - 1; end > 0; end--) {
      int worstItem = items[0];
      float worstScore = scores[0];
      siftDown(0, items[end], scores[end], end);
      items[end] = worstItem;
      scores[end] = worstScore;
    }
    System.arraycopy(items, 0, itemsOut, 0, n);
    System.arraycopy(scores, 0, scoresOut, 0, n);
    size = 0;
    return n;
  }

  /**
   * Returns every item index ordered by {@code scores}, best first (higher score, then lower
   * index), for recommenders that rank the whole catalog once at fit time. O(n log n); NaN
   * scores sort last.
   *
   * @param scores one score per item
   * @return the item indexes in rank order
   */
  public static int[] rankDescending(float[] scores) {
    int n = scores.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      float s = scores[i];
      int bits = s != s ? Integer.MIN_VALUE : sortableBits(s + 0.0f);
      // ~bits reverses the order, so an ascending sort of keys puts high scores first; the low
      // 32 bits hold the index, so equal scores keep index order
      keys[i] = ((long) ~bits << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int r = 0; r < n; r++) {
      order[r] = (int) keys[r];
    }
    return order;
  }

  /** Maps a non-NaN float to an int whose signed order is the float's numeric order. */
  private static int sortableBits(float f) {
    int bits = Float.floatToIntBits(f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }
}
