package dev.reco.core.recommend;

import dev.reco.core.IdIndex;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Immutable, thread-safe options of a recommendation request: which items are eligible, how many
 * per category, and what the caller knows about the user beyond the training data.
 *
 * <p>An item is <em>eligible</em> when all of these hold:
 * <ul>
 *   <li>it is on the allow-list, if one is set ({@link Builder#allow});
 *   <li>it is not on the deny-list ({@link Builder#deny});
 *   <li>with {@link #excludeSeen()} (the default), the user has not seen it: it is neither among
 *       the user's items in the recommender's training data nor among {@link #recentItems()};
 *   <li>the {@link Builder#filter item predicate}, if set, accepts its dense index.
 * </ul>
 * A category cap ({@link Builder#maxPerCategory}) then keeps, walking the ranking from the top, at
 * most {@code max} items of each category (items without a category are not capped). Unknown ids
 * in any list are ignored. {@link RecommendOptions#defaults()} excludes seen items and nothing else.
 *
 * <p>Id lists are resolved to dense indexes once per item index and cached in the options
 * object, so reusing one options object across requests to the same recommender costs no more
 * than a pointer check per request.
 */
public final class RecommendOptions {
  private static final RecommendOptions DEFAULTS = new Builder().build();

  private final boolean excludeSeen;
  private final String[] recentItems;
  private final String[] allow; // null: every item allowed
  private final String[] deny;
  private final IntPredicate filter; // null: none
  private final CategoryCap categoryCap; // null: none

  private volatile Resolved resolved; // cache for the last item index seen

  private RecommendOptions(Builder b) {
    this.excludeSeen = b.excludeSeen == null || b.excludeSeen;
    this.recentItems = b.recentItems == null ? new String[0] : b.recentItems;
    this.allow = b.allow;
    this.deny = b.deny == null ? new String[0] : b.deny;
    this.filter = b.filter;
    this.categoryCap = b.categoryCap;
  }

  /** Returns the default options: exclude seen items, no lists, no filter, no cap. */
  public static RecommendOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether the user's seen items (training data and recent items) are excluded. */
  public boolean excludeSeen() {
    return excludeSeen;
  }

  /**
   * Returns the user's recent item ids supplied with the request: excluded while
   * {@link #excludeSeen()}, and used as context by models that can (category affinity of a cold
   * user, fold-in).
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> recentItems() {
    return Collections.unmodifiableList(Arrays.asList(recentItems));
  }

  /**
   * Returns the allow-list, if set.
   *
   * @return the allowed item ids, or empty when every item is allowed
   */
  public Optional<List<String>> allowList() {
    return allow == null ? Optional.empty()
        : Optional.of(Collections.unmodifiableList(Arrays.asList(allow)));
  }

  /** Returns the deny-list (item ids never recommended), possibly empty. */
  public List<String> denyList() {
    return Collections.unmodifiableList(Arrays.asList(deny));
  }

  /** Returns the predicate on dense item indexes, if set. */
  public Optional<IntPredicate> filter() {
    return Optional.ofNullable(filter);
  }

  /** Returns the per-category cap, if set. */
  public Optional<CategoryCap> categoryCap() {
    return Optional.ofNullable(categoryCap);
  }

  /** Returns the predicate or null; for {@link CandidateSelector}. */
  IntPredicate filterOrNull() {
    return filter;
  }

  /** Returns the cap or null; for {@link CandidateSelector}. */
  CategoryCap categoryCapOrNull() {
    return categoryCap;
  }

  /**
   * Returns the id lists resolved against an item index: sorted, distinct dense indexes, unknown
   * ids dropped. Cached for the last index used, so repeated requests to one recommender resolve
   * once.
   */
  Resolved resolve(IdIndex items) {
    Resolved r = resolved;
    if (r != null && r.items == items) {
      return r;
    }
    if (categoryCap != null && !categoryCap.categories().covers(items)) {
      throw new IllegalArgumentException("categoryCap covers an item index of "
          + categoryCap.categories().items().size() + " ids that differs from the recommender's ("
          + items.size() + " ids); expected categories over the same index (see ItemCategories.alignTo)");
    }
    r = new Resolved(items, allow == null ? null : indexes(items, allow), indexes(items, deny),
        indexes(items, recentItems));
    resolved = r;
    return r;
  }

  private static int[] indexes(IdIndex items, String[] ids) {
    int[] out = new int[ids.length];
    int n = 0;
    for (String id : ids) {
      int i = items.indexOf(id);
      if (i != IdIndex.UNKNOWN) {
        out[n++] = i;
      }
    }
    Arrays.sort(out, 0, n);
    int m = 0;
    for (int j = 0; j < n; j++) {
      if (m == 0 || out[j] != out[m - 1]) {
        out[m++] = out[j];
      }
    }
    return m == out.length ? out : Arrays.copyOf(out, m);
  }

  @Override
  public String toString() {
    return "RecommendOptions[excludeSeen=" + excludeSeen + ", recentItems=" + recentItems.length
        + ", allow=" + (allow == null ? "all" : String.valueOf(allow.length))
        + ", deny=" + deny.length + ", filter=" + (filter != null)
        + ", categoryCap=" + (categoryCap == null ? "none" : String.valueOf(categoryCap.max()))
        + "]";
  }

  /** The id lists of an options object resolved against one item index. */
  static final class Resolved {
    final IdIndex items;
    final int[] allow; // sorted, distinct; null: all allowed
    final int[] deny; // sorted, distinct
    final int[] recent; // sorted, distinct

    Resolved(IdIndex items, int[] allow, int[] deny, int[] recent) {
      this.items = items;
      this.allow = allow;
      this.deny = deny;
      this.recent = recent;
    }
  }

  /**
   * At most {@code max} items of each category in a list; items without a category are not
   * capped.
   *
   * @param categories the item categories, over the recommender's item index
   * @param max the most items per category, {@code >= 1}
   */
  public record CategoryCap(ItemCategories categories, int max) {
    /**
     * Validates the cap.
     *
     * @throws NullPointerException if {@code categories} is null
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public CategoryCap {
      Objects.requireNonNull(categories, "categories");
      if (max < 1) {
        throw new IllegalArgumentException("maxPerCategory = " + max + "; expected >= 1");
      }
    }
  }

  /**
   * Builds {@link RecommendOptions}. Each setting may be set once; not thread-safe.
   */
  public static final class Builder {
    private Boolean excludeSeen;
    private String[] recentItems;
    private String[] allow;
    private String[] deny;
    private IntPredicate filter;
    private CategoryCap categoryCap;

    private Builder() {}

    /**
     * Sets whether seen items are excluded (default true): the user's items in the training data
     * and {@link #recentItems}.
     *
     * @param exclude whether to exclude them
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder excludeSeen(boolean exclude) {
      once("excludeSeen", excludeSeen);
      excludeSeen = exclude;
      return this;
    }

    /**
     * Sets the user's recent item ids not in the training data (e.g. the session of a new user):
     * excluded while {@code excludeSeen} is on, and used as context by models that can.
     *
     * @param itemIds item ids, most recent last; unknown ids are ignored
     * @return this builder
     * @throws NullPointerException if the collection or an id is null
     * @throws IllegalStateException if already set
     */
    public Builder recentItems(Collection<String> itemIds) {
      once("recentItems", recentItems);
      recentItems = copy("recentItems", itemIds);
      return this;
    }

    /**
     * Restricts recommendations to these item ids. An empty allow-list allows nothing.
     *
     * @param itemIds allowed item ids; unknown ids are ignored
     * @return this builder
     * @throws NullPointerException if the collection or an id is null
     * @throws IllegalStateException if already set
     */
    public Builder allow(Collection<String> itemIds) {
      once("allow", allow);
      allow = copy("allow", itemIds);
      return this;
    }

    /**
     * Never recommends these item ids, whatever {@code excludeSeen} says.
     *
     * @param itemIds denied item ids; unknown ids are ignored
     * @return this builder
     * @throws NullPointerException if the collection or an id is null
     * @throws IllegalStateException if already set
     */
    public Builder deny(Collection<String> itemIds) {
      once("deny", deny);
      deny = copy("deny", itemIds);
      return this;
    }

    /**
     * Recommends only items whose dense index (in the recommender's {@link Recommender#items()})
     * the predicate accepts. The predicate must be side-effect free and thread-safe when the
     * options are shared across threads; it is called at most once per candidate.
     *
     * @param predicate the item predicate
     * @return this builder
     * @throws NullPointerException if the predicate is null
     * @throws IllegalStateException if already set
     */
    public Builder filter(IntPredicate predicate) {
      once("filter", filter);
      filter = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /**
     * Keeps at most {@code max} items of each category in a list (a diversity rule): walking the
     * ranking from the top, an item whose category already has {@code max} items is skipped.
     *
     * @param categories item categories over the recommender's item index
     * @param max the most items per category, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code max < 1}
     * @throws IllegalStateException if already set
     */
    public Builder maxPerCategory(ItemCategories categories, int max) {
      once("maxPerCategory", categoryCap);
      categoryCap = new CategoryCap(categories, max);
      return this;
    }

    /**
     * Returns the options.
     *
     * @return immutable options
     */
    public RecommendOptions build() {
      return new RecommendOptions(this);
    }

    private static void once(String what, Object current) {
      if (current != null) {
        throw new IllegalStateException(what + " was already set; set it once");
      }
    }

    private static String[] copy(String what, Collection<String> ids) {
      Objects.requireNonNull(ids, what);
      String[] out = ids.toArray(new String[0]);
      for (int k = 0; k < out.length; k++) {
        if (out[k] == null) {
          throw new NullPointerException(what + "[" + k + "] is null; expected an item id");
        }
      }
      return out;
    }
  }
}
