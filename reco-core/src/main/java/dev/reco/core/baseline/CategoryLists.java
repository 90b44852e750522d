package dev.reco.core.baseline;

import dev.reco.core.CsrMatrix;
import dev.reco.core.recommend.ItemCategories;
import java.util.Arrays;

/**
 * The items of each category in global rank order (one CSR-like array), and the per-request
 * categories a user engaged with.
 */
final class CategoryLists {
  final ItemCategories categories;
  final int[] start; // numCategories + 1
  final int[] items; // categorised items, grouped by category, each group in rank order

  private CategoryLists(ItemCategories categories, int[] start, int[] items) {
    this.categories = categories;
    this.start = start;
    this.items = items;
  }

  /** Buckets {@code ranking} by category with a stable counting sort: O(items + categories). */
  static CategoryLists of(ItemCategories categories, int[] ranking) {
    int numCategories = categories.numCategories();
    int[] start = new int[numCategories + 1];
    for (int i : ranking) {
      int c = categories.categoryOf(i);
      if (c != ItemCategories.NONE) {
        start[c + 1]++;
      }
    }
    for (int c = 0; c < numCategories; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, numCategories);
    int[] items = new int[start[numCategories]];
    for (int i : ranking) {
      int c = categories.categoryOf(i);
      if (c != ItemCategories.NONE) {
        items[next[c]++] = i;
      }
    }
    return new CategoryLists(categories, start, items);
  }

  /**
   * The categories of a user's distinct items (training row plus recent items), with how many of
   * those items fall in each; items without a category are not counted.
   */
  static final class Engagement {
    final int[] category; // sorted, distinct
    final int[] count; // aligned
    final int total; // sum of count

    Engagement(int[] category, int[] count, int total) {
      this.category = category;
      this.count = count;
      this.total = total;
    }

    boolean isEmpty() {
      return category.length == 0;
    }

    /** Position of a category in {@link #category}, or -1. */
    int find(int c) {
      return c == ItemCategories.NONE ? -1 : Math.max(-1, Arrays.binarySearch(category, c));
    }
  }

  /**
   * Computes a user's engagement: O((d + r) log(d + r)) for d training items and r recent items.
   *
   * @param userItems training user × item matrix, or null
   * @param user the user's row, or any index outside the matrix for none
   * @param recent sorted, distinct recent item indexes
   */
  Engagement engagement(CsrMatrix userItems, int user, int[] recent) {
    int from = 0;
    int to = 0;
    if (userItems != null && user >= 0 && user < userItems.numRows()) {
      from = userItems.rowStart(user);
      to = userItems.rowEnd(user);
    }
    int[] cats = new int[(to - from) + recent.length];
    int n = 0;
    // merge the sorted training row with the sorted recent items, counting each item once
    int p = from;
    int q = 0;
    while (p < to || q < recent.length) {
      int item;
      if (q == recent.length || (p < to && userItems.columnAt(p) < recent[q])) {
        item = userItems.columnAt(p++);
      } else if (p == to || recent[q] < userItems.columnAt(p)) {
        item = recent[q++];
      } else {
        item = recent[q++];
        p++;
      }
      int c = categories.categoryOf(item);
      if (c != ItemCategories.NONE) {
        cats[n++] = c;
      }
    }
    Arrays.sort(cats, 0, n);
    int distinct = 0;
    for (int j = 0; j < n; j++) {
      if (j == 0 || cats[j] != cats[j - 1]) {
        distinct++;
      }
    }
    int[] category = new int[distinct];
    int[] count = new int[distinct];
    int d = -1;
    for (int j = 0; j < n; j++) {
      if (j == 0 || cats[j] != cats[j - 1]) {
        category[++d] = cats[j];
      }
      count[d]++;
    }
    return new Engagement(category, count, n);
  }
}
