package dev.reco.core.baseline;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.Source;
import dev.reco.core.recommend.TopK;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Recommends the most popular items of the categories the user engaged with. Source:
 * {@link Source#CATEGORY_POPULARITY}.
 *
 * <p>The user's categories are those of their training items and of the request's
 * {@link RecommendOptions#recentItems() recent items}. Items of those categories are ranked by the
 * same popularity as {@link MostPopular} with the same config (so the score is the item's count or
 * value sum); items of other categories and uncategorised items are not recommended, so a list can
 * be shorter than {@code k}. A user with no categorised item (e.g. an unknown user without recent
 * items) gets an unserved list, which a {@link dev.reco.core.recommend.FallbackRecommender} hands
 * to global popularity. To rank within one requested category instead, pass
 * {@link ItemCategories#inCategory(String)} as the request's filter, to this model or to
 * {@link MostPopular}.
 *
 * <p>Each category's items are ranked once at fit time; a request merges the lists of the user's
 * categories: O(d log d + (k + skipped) log c) for d user items in c categories. Immutable and
 * thread-safe. Similar items are not supported.
 */
public final class CategoryPopularity implements Recommender {
  private final MostPopularConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final CsrMatrix byUser;
  private final float[] popularity;
  private final CategoryLists lists;
  private final Instant reference;

  private CategoryPopularity(MostPopularConfig config, Interactions data, ItemCategories categories,
      Popularity.Counted counted) {
    this.config = config;
    this.users = data.users();
    this.items = data.items();
    this.byUser = data.byUser();
    this.popularity = counted.scores;
    this.reference = counted.reference;
    this.lists = CategoryLists.of(categories, TopK.rankDescending(popularity));
  }

  /**
   * Fits with {@link MostPopularConfig#defaults()}.
   *
   * @param data the training interactions
   * @param categories item categories (re-mapped onto {@code data.items()} by id if needed)
   * @return the model
   */
  public static CategoryPopularity fit(Interactions data, ItemCategories categories) {
    return fit(data, categories, MostPopularConfig.defaults());
  }

  /**
   * Fits category popularity as configured.
   *
   * @param data the training interactions
   * @param categories item categories (re-mapped onto {@code data.items()} by id if needed)
   * @param config the popularity configuration
   * @return the model
   * @throws IllegalArgumentException if the config has a window or reference and the (non-empty)
   *     data has no timestamps
   */
  public static CategoryPopularity fit(Interactions data, ItemCategories categories,
      MostPopularConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(config, "config");
    return new CategoryPopularity(config, data, categories.alignTo(data.items()),
        Popularity.count(data, config));
  }

  /** Returns the configuration this model was fitted with. */
  public MostPopularConfig config() {
    return config;
  }

  /** Returns the item categories, over {@link #items()}. */
  public ItemCategories categories() {
    return lists.categories;
  }

  /**
   * Returns the end of the counting period actually used.
   *
   * @return the reference time, or empty when popularity is not time-bounded
   */
  public Optional<Instant> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * Returns an item's popularity score.
   *
   * @param itemIndex an item in {@code [0, items().size())}
   * @return its count or value sum in the period
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public float popularity(int itemIndex) {
    return popularity[itemIndex];
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    Objects.requireNonNull(userId, "userId");
    int user = users.indexOf(userId);
    CandidateSelector selector = CandidateSelector.forUser(items, k, options, byUser, user);
    CategoryLists.Engagement engaged = lists.engagement(byUser, user, selector.recentItems());
    if (engaged.isEmpty()) {
      return selector.result(Source.NONE);
    }
    ListMerge merge = new ListMerge(popularity, 1.0, engaged.category.length);
    for (int c : engaged.category) {
      merge.addList(lists.items, lists.start[c], lists.start[c + 1], 0.0);
    }
    if (!merge.run(selector)) {
      // cannot happen: with coefficient 0 a score is the popularity itself
      throw new AssertionError("category lists out of rank order");
    }
    return selector.result(Source.CATEGORY_POPULARITY);
  }

  @Override
  public String toString() {
    return "CategoryPopularity[items=" + items.size() + ", categories="
        + lists.categories.numCategories() + ", " + config + "]";
  }
}
