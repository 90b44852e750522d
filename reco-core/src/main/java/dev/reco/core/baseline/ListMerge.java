package dev.reco.core.baseline;

import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.TopK;

/**
 * Merges item lists that are each sorted by popularity into one stream in rank order and offers it
 * to a {@link CandidateSelector}, stopping once the selector is full: O((k + skipped) log L) for L
 * lists.
 *
 * <p>The score of item {@code i} in list {@code L} is {@link #score(float, double, double)
 * (float) (p[i] * invMax + coef[L] * p[i])}: linear in popularity with a non-negative slope, so a
 * list sorted by popularity is also sorted by score. Rounding to float can make two items of one
 * list tie in score out of item-index order; the merge detects that case (it never happens with
 * {@code coef = 0}) and reports it, and the caller then scores the catalog in full, which is exact.
 */
final class ListMerge {
  private final float[] pop;
  private final double invMax;
  private final int[][] arrays;
  private final int[] pos;
  private final int[] end;
  private final double[] coef;
  private final boolean[] skipEngaged;
  private final int[] headItem;
  private final float[] headScore;
  private final int[] heap;
  private int lists;
  private int heapSize;
  private ItemCategories categories;
  private CategoryLists.Engagement engagement;

  ListMerge(float[] pop, double invMax, int maxLists) {
    this.pop = pop;
    this.invMax = invMax;
    this.arrays = new int[maxLists][];
    this.pos = new int[maxLists];
    this.end = new int[maxLists];
    this.coef = new double[maxLists];
    this.skipEngaged = new boolean[maxLists];
    this.headItem = new int[maxLists];
    this.headScore = new float[maxLists];
    this.heap = new int[maxLists];
  }

  /** The score of an item with popularity {@code p} in a list with coefficient {@code coef}. */
  static float score(float p, double invMax, double coef) {
    return (float) (p * invMax + coef * p);
  }

  /** Adds {@code array[from, to)}, an item list in popularity rank order. */
  void addList(int[] array, int from, int to, double listCoef) {
    int l = lists++;
    arrays[l] = array;
    pos[l] = from;
    end[l] = to;
    coef[l] = listCoef;
  }

  /**
   * Adds a list from which items of the engaged categories are skipped (they come from their own
   * category lists).
   */
  void addListSkipping(int[] array, ItemCategories categories, CategoryLists.Engagement engagement) {
    this.categories = categories;
    this.engagement = engagement;
    skipEngaged[lists] = true;
    addList(array, 0, array.length, 0.0);
  }

  /**
   * Offers the merged stream to {@code selector} until it is full or the lists are exhausted.
   *
   * @return false if a list turned out not to be in rank order after rounding (nothing out of
   *     order was offered; the caller must start over with a full scan)
   */
  boolean run(CandidateSelector selector) {
    for (int l = 0; l < lists; l++) {
      if (loadHead(l)) {
        siftUp(heapSize++, l);
      }
    }
    while (heapSize > 0 && !selector.isFull()) {
      int l = heap[0];
      int item = headItem[l];
      float s = headScore[l];
      selector.offer(item, s);
      pos[l]++;
      if (loadHead(l)) {
        if (!TopK.ranksBefore(item, s, headItem[l], headScore[l])) {
          return false;
        }
        siftDown(l);
      } else {
        int last = heap[--heapSize];
        if (heapSize > 0) {
          siftDown(last);
        }
      }
    }
    return true;
  }

  /** Moves list {@code l} to its next non-skipped item; false when exhausted. */
  private boolean loadHead(int l) {
    int[] a = arrays[l];
    int p = pos[l];
    if (skipEngaged[l]) {
      while (p < end[l] && engagement.find(categories.categoryOf(a[p])) >= 0) {
        p++;
      }
    }
    pos[l] = p;
    if (p >= end[l]) {
      return false;
    }
    int item = a[p];
    headItem[l] = item;
    headScore[l] = score(pop[item], invMax, coef[l]);
    return true;
  }

  private boolean before(int a, int b) {
    return TopK.ranksBefore(headItem[a], headScore[a], headItem[b], headScore[b]);
  }

  private void siftUp(int at, int l) {
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!before(l, heap[parent])) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = l;
  }

  /** Places list {@code l} at the root and sifts it down. */
  private void siftDown(int l) {
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], l)) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = l;
  }
}
