package dev.reco.core.synth;

import dev.reco.core.IdIndex;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The synthetic item catalog: for each item its id, category, price, appearance time and (as
 * ground truth) its Zipf popularity rank. Immutable and thread-safe.
 *
 * <p>Item indexes follow appearance order, like auto-increment ids: items {@code [0,
 * initialItems)} exist at the start of the period, later indexes appear one after another during
 * it (cold-start items). Ids are {@code "i"} plus the zero-padded index ({@code i00042}), with at
 * least five digits. Array accessors return copies.
 */
public final class ItemCatalog {
  private static final String[] NAMES = {
    "electronics", "books", "clothing", "home", "garden", "toys", "sports", "beauty",
    "grocery", "health", "automotive", "music", "movies", "games", "office", "pets", "baby",
    "jewelry", "shoes", "tools", "outdoors", "kitchen", "crafts", "travel"
  };

  private final IdFormat ids;
  private final String[] categoryNames;
  private final int[] category;
  private final double[] price;
  private final long[] appearedAt;
  private final int[] popularityRank;
  private final long startMillis;
  private volatile IdIndex index;

  ItemCatalog(int categories, int[] category, double[] price, long[] appearedAt,
      int[] popularityRank, long startMillis) {
    this.ids = new IdFormat('i', 5, category.length);
    this.categoryNames = new String[categories];
    for (int c = 0; c < categories; c++) {
      categoryNames[c] = defaultCategoryName(c, categories);
    }
    this.category = category;
    this.price = price;
    this.appearedAt = appearedAt;
    this.popularityRank = popularityRank;
    this.startMillis = startMillis;
  }

  /**
   * Returns the name of category {@code c}: {@code electronics, books, clothing, ...} for the
   * first 24 categories when there are at most 24, otherwise {@code category-000,
   * category-001, ...}.
   */
  static String defaultCategoryName(int c, int categories) {
    if (categories <= NAMES.length) {
      return NAMES[c];
    }
    return "category-" + String.format("%0" + IdFormat.digits(categories - 1) + "d", c);
  }

  /** Returns the number of items. */
  public int size() {
    return category.length;
  }

  /**
   * Returns the index of all item ids, in index order (built on first use, then cached).
   *
   * @return the frozen item index
   */
  public IdIndex ids() {
    IdIndex x = index;
    if (x == null) {
      x = ids.index();
      index = x;
    }
    return x;
  }

  /**
   * Returns the external id of an item.
   *
   * @param item an index in {@code [0, size())}
   * @return the id, e.g. {@code i00042}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public String id(int item) {
    Objects.checkIndex(item, size());
    return ids.format(item);
  }

  IdFormat idFormat() {
    return ids;
  }

  /** Returns the number of categories. */
  public int categories() {
    return categoryNames.length;
  }

  /**
   * Returns the category names, indexed by category.
   *
   * @return an unmodifiable list of {@link #categories()} names
   */
  public List<String> categoryNames() {
    return Collections.unmodifiableList(Arrays.asList(categoryNames.clone()));
  }

  /**
   * Returns the name of a category.
   *
   * @param category a category in {@code [0, categories())}
   * @return its name
   * @throws IndexOutOfBoundsException if the category is out of range
   */
  public String categoryName(int category) {
    Objects.checkIndex(category, categoryNames.length);
    return categoryNames[category];
  }

  /**
   * Returns the category of an item.
   *
   * @param item an index in {@code [0, size())}
   * @return the category in {@code [0, categories())}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int category(int item) {
    return category[item];
  }

  /**
   * Returns the price of an item, rounded to cents.
   *
   * @param item an index in {@code [0, size())}
   * @return the price, at least 0.01
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public double price(int item) {
    return price[item];
  }

  /**
   * Returns when an item appears: the start of the period for the initial items, a later time
   * for new items. No event touches an item before this time.
   *
   * @param item an index in {@code [0, size())}
   * @return epoch milliseconds
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public long appearedAt(int item) {
    return appearedAt[item];
  }

  /**
   * Returns whether an item appears after the start of the period (a cold-start item).
   *
   * @param item an index in {@code [0, size())}
   * @return true for a new item
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public boolean isNew(int item) {
    return appearedAt[item] > startMillis;
  }

  /** Returns the number of items that appear after the start of the period. */
  public int newItems() {
    int n = 0;
    for (long t : appearedAt) {
      if (t > startMillis) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns the ground-truth popularity rank of an item: the item of rank {@code r} has Zipf
   * weight {@code r^-zipfExponent}. Ranks are a seeded random permutation of {@code 1..size()},
   * independent of category and appearance time.
   *
   * @param item an index in {@code [0, size())}
   * @return the rank in {@code [1, size()]}, 1 being the most popular
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int popularityRank(int item) {
    return popularityRank[item];
  }

  /** Returns a copy of the category of every item. */
  public int[] categoryColumn() {
    return category.clone();
  }

  /** Returns a copy of the price of every item. */
  public double[] priceColumn() {
    return price.clone();
  }

  /** Returns a copy of the appearance time of every item, in epoch milliseconds. */
  public long[] appearanceColumn() {
    return appearedAt.clone();
  }

  @Override
  public String toString() {
    return "ItemCatalog[items=" + size() + ", categories=" + categories() + "]";
  }
}
