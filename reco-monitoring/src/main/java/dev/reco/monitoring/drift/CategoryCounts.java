package dev.reco.monitoring.drift;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of a categorical sample: one count per distinct category, sorted by category
 * ({@link String#compareTo}), and the number of missing ({@code null}) values beside them.
 * Immutable and thread-safe; the sufficient statistic of every categorical drift test.
 */
public final class CategoryCounts {
  private final String[] categories;
  private final long[] counts;
  private final long missing;
  private final long total;

  private CategoryCounts(String[] categories, long[] counts, long missing) {
    this.categories = categories;
    this.counts = counts;
    this.missing = missing;
    long sum = 0;
    for (long c : counts) {
      sum = Math.addExact(sum, c);
    }
    this.total = sum;
  }

  /**
   * Counts labels; {@code null} is a missing value.
   *
   * @param values the labels
   * @return the counts
   */
  public static CategoryCounts of(String[] values) {
    Objects.requireNonNull(values, "values");
    Map<String, long[]> map = new HashMap<>();
    long missing = 0;
    for (String v : values) {
      if (v == null) {
        missing++;
      } else {
        map.computeIfAbsent(v, k -> new long[1])[0]++;
      }
    }
    String[] keys = map.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    long[] counts = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      counts[i] = map.get(keys[i])[0];
    }
    return new CategoryCounts(keys, counts, missing);
  }

  /**
   * Counts integer class labels (for example a classifier's predicted classes); category names
   * are the decimal strings ({@code "0"}, {@code "7"}). Sorts a copy; no boxing per value.
   *
   * @param classes the class labels; none is missing
   * @return the counts
   */
  public static CategoryCounts ofClasses(int[] classes) {
    Objects.requireNonNull(classes, "classes");
    int[] sorted = classes.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    String[] names = new String[distinct];
    long[] counts = new long[distinct];
    int k = -1;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        names[++k] = Integer.toString(sorted[i]);
      }
      counts[k]++;
    }
    return withSortedNames(names, counts, 0);
  }

  /**
   * Wraps counts kept elsewhere (for example by a streaming profile).
   *
   * @param categories distinct non-null categories, in any order (copied)
   * @param counts count per category, {@code >= 0} (copied)
   * @param missing number of missing values, {@code >= 0}
   * @return the counts, sorted by category
   * @throws IllegalArgumentException if the arrays differ in length, a category repeats or a
   *     count is negative
   * @throws NullPointerException if a category is null
   */
  public static CategoryCounts ofCounts(String[] categories, long[] counts, long missing) {
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(counts, "counts");
    if (categories.length != counts.length) {
      throw new IllegalArgumentException("categories.length = " + categories.length
          + " with counts.length = " + counts.length + "; expected equal lengths");
    }
    for (int i = 0; i < categories.length; i++) {
      Objects.requireNonNull(categories[i], "categories[" + i + "]");
      if (counts[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "] = " + counts[i] + " for category '"
            + categories[i] + "'; expected a count >= 0");
      }
    }
    if (missing < 0) {
      throw new IllegalArgumentException("missing = " + missing + "; expected a count >= 0");
    }
    return withSortedNames(categories.clone(), counts.clone(), missing);
  }

  private static CategoryCounts withSortedNames(String[] names, long[] counts, long missing) {
    Integer[] order = new Integer[names.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    String[] sortedNames = new String[names.length];
    long[] sortedCounts = new long[names.length];
    for (int i = 0; i < order.length; i++) {
      sortedNames[i] = names[order[i]];
      sortedCounts[i] = counts[order[i]];
      if (i > 0 && sortedNames[i].equals(sortedNames[i - 1])) {
        throw new IllegalArgumentException(
            "category '" + sortedNames[i] + "' repeats; expected distinct categories");
      }
    }
    return new CategoryCounts(sortedNames, sortedCounts, missing);
  }

  /**
   * Returns the number of distinct categories.
   *
   * @return the number of categories
   */
  public int size() {
    return categories.length;
  }

  /**
   * Returns the categories in sorted order.
   *
   * @return an unmodifiable list of categories
   */
  public List<String> categories() {
    return List.of(categories);
  }

  String[] categoryView() {
    return categories;
  }

  long[] countView() {
    return counts;
  }

  /**
   * Returns the count of a category, 0 for one not seen.
   *
   * @param category the category
   * @return its count
   */
  public long count(String category) {
    Objects.requireNonNull(category, "category");
    int i = Arrays.binarySearch(categories, category);
    return i >= 0 ? counts[i] : 0;
  }

  /**
   * Returns a copy of the counts, aligned with {@link #categories()}.
   *
   * @return count per category
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Returns the number of missing values.
   *
   * @return the missing count
   */
  public long missing() {
    return missing;
  }

  /**
   * Returns the number of non-missing values.
   *
   * @return the sum of the counts
   */
  public long total() {
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoryCounts c && c.missing == missing
        && Arrays.equals(c.categories, categories) && Arrays.equals(c.counts, counts);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(categories) * 31 + Arrays.hashCode(counts)) * 31
        + Long.hashCode(missing);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CategoryCounts{");
    for (int i = 0; i < categories.length; i++) {
      s.append(i == 0 ? "" : ", ").append(categories[i]).append('=').append(counts[i]);
    }
    return s.append("; missing=").append(missing).append('}').toString();
  }
}
