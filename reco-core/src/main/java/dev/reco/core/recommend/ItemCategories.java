package dev.reco.core.recommend;

import dev.reco.core.IdIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable, thread-safe assignment of at most one category to each item of an item index.
 *
 * <p>Categories have names ("books") and dense indexes {@code 0..numCategories()-1} held in their
 * own {@link IdIndex}; an item without a category has category {@link #NONE}. Memory: 4 bytes
 * per item plus the category names.
 *
 * <p>An {@code ItemCategories} is tied to one item index ({@link #items()}). Recommenders and
 * {@link RecommendOptions#categoryCap()} use it by dense item index, so it must cover the same
 * index as the recommender (the same instance, or an equal one); {@link #alignTo(IdIndex)}
 * re-maps categories loaded against another index by item id.
 */
public final class ItemCategories {
  /** Category of an item that has none, and of an unknown item id. */
  public static final int NONE = -1;

  private final IdIndex items;
  private final IdIndex categories;
  private final int[] categoryOf;

  private ItemCategories(IdIndex items, IdIndex categories, int[] categoryOf) {
    this.items = items;
    this.categories = categories;
    this.categoryOf = categoryOf;
  }

  /**
   * Returns a builder that assigns categories to the items of {@code items} by id.
   *
   * @param items the item index the categories will cover
   * @return a new builder; every item starts without a category
   */
  public static Builder builder(IdIndex items) {
    return new Builder(Objects.requireNonNull(items, "items"));
  }

  /**
   * Returns categories given as a column: {@code categoryOfItem[i]} is the category index of item
   * {@code i}, or {@link #NONE}. The array is copied.
   *
   * @param items the item index
   * @param categories the category names, indexed by category index
   * @param categoryOfItem one entry per item of {@code items}
   * @return the categories
   * @throws IllegalArgumentException if the column length differs from {@code items.size()} or
   *     an entry is neither {@code NONE} nor in {@code [0, categories.size())}
   */
  public static ItemCategories of(IdIndex items, IdIndex categories, int[] categoryOfItem) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(categoryOfItem, "categoryOfItem");
    if (categoryOfItem.length != items.size()) {
      throw new IllegalArgumentException("categoryOfItem.length = " + categoryOfItem.length
          + "; expected one entry per item (" + items.size() + ")");
    }
    for (int i = 0; i < categoryOfItem.length; i++) {
      int c = categoryOfItem[i];
      if (c != NONE && (c < 0 || c >= categories.size())) {
        throw new IllegalArgumentException("categoryOfItem[" + i + "] = " + c + "; expected "
            + NONE + " (none) or a category in [0, " + categories.size() + ")");
      }
    }
    return new ItemCategories(items, categories, categoryOfItem.clone());
  }

  /** Returns the item index these categories cover. */
  public IdIndex items() {
    return items;
  }

  /** Returns the category names, indexed by category index. */
  public IdIndex categories() {
    return categories;
  }

  /** Returns the number of categories. */
  public int numCategories() {
    return categories.size();
  }

  /**
   * Returns the category of an item.
   *
   * @param itemIndex an item in {@code [0, items().size())}
   * @return its category index, or {@link #NONE}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int categoryOf(int itemIndex) {
    return categoryOf[itemIndex];
  }

  /**
   * Returns the category of an item given by id.
   *
   * @param itemId an item id
   * @return its category index, or {@link #NONE} if the item is unknown or has no category
   */
  public int categoryOf(CharSequence itemId) {
    int i = items.indexOf(itemId);
    return i == IdIndex.UNKNOWN ? NONE : categoryOf[i];
  }

  /**
   * Returns a predicate on dense item indexes that accepts the items of one category, for
   * {@link RecommendOptions.Builder#filter(IntPredicate)} ("recommend within this category").
   *
   * @param category a category name
   * @return the predicate; it accepts nothing when the name is unknown
   */
  public IntPredicate inCategory(String category) {
    int c = categories.indexOf(category);
    if (c == IdIndex.UNKNOWN) {
      return i -> false;
    }
    int[] column = categoryOf;
    return i -> column[i] == c;
  }

  /**
   * Returns the number of items in each category.
   *
   * @return an array of length {@link #numCategories()}
   */
  public int[] categorySizes() {
    int[] sizes = new int[categories.size()];
    for (int c : categoryOf) {
      if (c != NONE) {
        sizes[c]++;
      }
    }
    return sizes;
  }

  /** Returns a copy of the category column (one category index or {@link #NONE} per item). */
  public int[] categoryColumn() {
    return categoryOf.clone();
  }

  /**
   * Returns whether these categories cover {@code index}: the same instance, or an equal index
   * (same ids in the same order; O(items) to check).
   *
   * @param index an item index
   * @return whether dense item indexes mean the same items here and in {@code index}
   */
  public boolean covers(IdIndex index) {
    return items == index || items.equals(index);
  }

  /**
   * Returns these categories re-mapped onto another item index by item id. Items of
   * {@code index} that are not in {@link #items()} get {@link #NONE}.
   *
   * @param index the target item index
   * @return {@code this} if it already covers {@code index}, else a re-mapped copy
   */
  public ItemCategories alignTo(IdIndex index) {
    Objects.requireNonNull(index, "index");
    if (covers(index)) {
      return this;
    }
    int[] column = new int[index.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = categoryOf(index.idOf(i));
    }
    return new ItemCategories(index, categories, column);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ItemCategories)) {
      return false;
    }
    ItemCategories x = (ItemCategories) o;
    return Arrays.equals(categoryOf, x.categoryOf) && categories.equals(x.categories)
        && items.equals(x.items);
  }

  @Override
  public int hashCode() {
    return 31 * categories.hashCode() + Arrays.hashCode(categoryOf);
  }

  @Override
  public String toString() {
    int assigned = 0;
    for (int c : categoryOf) {
      if (c != NONE) {
        assigned++;
      }
    }
    return "ItemCategories[items=" + items.size() + ", categories=" + categories.size()
        + ", assigned=" + assigned + "]";
  }

  /**
   * Assigns categories to items by id, then {@link #build() freezes} them. Not thread-safe;
   * single use.
   */
  public static final class Builder {
    private final IdIndex items;
    private final IdIndex.Builder names = IdIndex.builder();
    private final List<String> nameList = new ArrayList<>();
    private int[] categoryOf;

    private Builder(IdIndex items) {
      this.items = items;
      this.categoryOf = new int[items.size()];
      Arrays.fill(categoryOf, NONE);
    }

    /**
     * Puts an item in a category; categories are numbered in first-seen order.
     *
     * @param itemId an id of the builder's item index
     * @param category the category name
     * @return this builder
     * @throws IllegalArgumentException if the item id is unknown, or the item already has a
     *     different category
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder put(CharSequence itemId, String category) {
      Objects.requireNonNull(itemId, "itemId");
      int i = items.indexOf(itemId);
      if (i == IdIndex.UNKNOWN) {
        throw new IllegalArgumentException("item id '" + itemId
            + "' is not in the item index of " + items.size() + " ids; expected a known item");
      }
      return put(i, category);
    }

    /**
     * Puts an item, given by dense index, in a category.
     *
     * @param itemIndex an item in {@code [0, items.size())}
     * @param category the category name
     * @return this builder
     * @throws IllegalArgumentException if the index is out of range, or the item already has a
     *     different category
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder put(int itemIndex, String category) {
      Objects.requireNonNull(category, "category");
      if (categoryOf == null) {
        throw new IllegalStateException("ItemCategories.Builder was already built; create a new builder");
      }
      if (itemIndex < 0 || itemIndex >= categoryOf.length) {
        throw new IllegalArgumentException(
            "itemIndex = " + itemIndex + "; expected in [0, " + categoryOf.length + ")");
      }
      int previous = categoryOf[itemIndex];
      if (previous != NONE && !nameList.get(previous).equals(category)) {
        throw new IllegalArgumentException("item '" + items.idOf(itemIndex) + "' is already in category '"
            + nameList.get(previous) + "'; cannot also put it in '" + category
            + "' (expected one category per item)");
      }
      int c = names.add(category);
      if (c == nameList.size()) {
        nameList.add(category);
      }
      categoryOf[itemIndex] = c;
      return this;
    }

    /**
     * Freezes the assignment.
     *
     * @return the categories
     * @throws IllegalStateException if called twice
     */
    public ItemCategories build() {
      if (categoryOf == null) {
        throw new IllegalStateException("ItemCategories.Builder was already built; create a new builder");
      }
      int[] column = categoryOf;
      categoryOf = null;
      return new ItemCategories(items, names.build(), column);
    }
  }
}
