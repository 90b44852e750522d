package dev.reco.monitoring.profile;

import dev.reco.core.IdIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A frozen dictionary of categories for a categorical column, plus an "other" bucket for every
 * category outside it. Category {@code i} of the dictionary is counted in bucket {@code i}; any
 * other non-null category in bucket {@link #otherIndex()} {@code = size()}. {@code null} is not a
 * category: profiles count it as missing.
 *
 * <p>Lookups go through an open-addressed {@link IdIndex}: no boxing per event. Immutable and
 * thread-safe.
 */
public final class CategoryDictionary {
  /** Largest dictionary a factory accepts. */
  public static final int MAX_CATEGORIES = 100_000;

  private final IdIndex index;

  private CategoryDictionary(IdIndex index) {
    this.index = index;
  }

  /**
   * A dictionary of the given categories, in the given order.
   *
   * @param categories distinct non-null categories, at most {@code MAX_CATEGORIES} (none is
   *     allowed: every category then goes to "other")
   * @return the dictionary
   * @throws IllegalArgumentException if a category is null or repeated, or there are too many
   */
  public static CategoryDictionary of(String... categories) {
    Objects.requireNonNull(categories, "categories");
    return of(Arrays.asList(categories));
  }

  /**
   * A dictionary of the given categories, in the given order.
   *
   * @param categories distinct non-null categories, at most {@code MAX_CATEGORIES}
   * @return the dictionary
   * @throws IllegalArgumentException if a category is null or repeated, or there are too many
   */
  public static CategoryDictionary of(List<String> categories) {
    Objects.requireNonNull(categories, "categories");
    if (categories.size() > MAX_CATEGORIES) {
      throw new IllegalArgumentException("categories.size() = " + categories.size()
          + "; expected at most " + MAX_CATEGORIES);
    }
    for (int i = 0; i < categories.size(); i++) {
      if (categories.get(i) == null) {
        throw new IllegalArgumentException(
            "categories[" + i + "] = null; expected a category (null is the missing value)");
      }
    }
    try {
      return new CategoryDictionary(IdIndex.of(categories));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("categories are invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Freezes the {@code maxCategories} most frequent categories of a reference sample; the rest go
   * to "other". Ties in frequency are broken by category ({@link String#compareTo}), and the
   * dictionary lists the kept categories in {@link String#compareTo} order, so the same sample
   * gives the same dictionary whatever its row order.
   *
   * @param reference the reference values; {@code null} values are missing and skipped
   * @param maxCategories most categories to keep, in {@code [1, MAX_CATEGORIES]}
   * @return the dictionary
   * @throws IllegalArgumentException if {@code maxCategories} is out of range
   */
  public static CategoryDictionary fromReference(String[] reference, int maxCategories) {
    Objects.requireNonNull(reference, "reference");
    if (maxCategories < 1 || maxCategories > MAX_CATEGORIES) {
      throw new IllegalArgumentException("maxCategories = " + maxCategories
          + "; expected 1 <= maxCategories <= " + MAX_CATEGORIES);
    }
    Map<String, long[]> counts = new HashMap<>();
    for (String v : reference) {
      if (v != null) {
        counts.computeIfAbsent(v, k -> new long[1])[0]++;
      }
    }
    List<String> byFrequency = new ArrayList<>(counts.keySet());
    byFrequency.sort((a, b) -> {
      int c = Long.compare(counts.get(b)[0], counts.get(a)[0]);
      return c != 0 ? c : a.compareTo(b);
    });
    List<String> kept = new ArrayList<>(byFrequency.subList(0, Math.min(maxCategories, byFrequency.size())));
    kept.sort(String::compareTo);
    return of(kept);
  }

  /**
   * Returns the bucket of a category: its dictionary index, or {@link #otherIndex()} if it is not
   * in the dictionary.
   *
   * @param category a non-null category
   * @return the bucket, in {@code [0, size()]}
   * @throws NullPointerException if {@code category} is null
   */
  public int indexOf(String category) {
    Objects.requireNonNull(category, "category");
    int i = index.indexOf(category);
    return i == IdIndex.UNKNOWN ? index.size() : i;
  }

  /**
   * Returns the category of a dictionary index.
   *
   * @param i an index in {@code [0, size())}
   * @return the category
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public String category(int i) {
    Objects.checkIndex(i, index.size());
    return index.ids().get(i);
  }

  /**
   * Returns the categories in dictionary order.
   *
   * @return an unmodifiable list
   */
  public List<String> categories() {
    return index.ids();
  }

  /**
   * Returns the number of categories in the dictionary (the "other" bucket not included).
   *
   * @return the dictionary size
   */
  public int size() {
    return index.size();
  }

  /**
   * Returns the index of the "other" bucket, {@code size()}.
   *
   * @return the "other" bucket
   */
  public int otherIndex() {
    return index.size();
  }

  /**
   * Returns the number of buckets, "other" included: {@code size() + 1}.
   *
   * @return the number of buckets
   */
  public int buckets() {
    return index.size() + 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoryDictionary d && d.index.ids().equals(index.ids());
  }

  @Override
  public int hashCode() {
    return index.ids().hashCode();
  }

  @Override
  public String toString() {
    return "CategoryDictionary" + index.ids();
  }
}
