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
 * Recency-weighted popularity, optionally boosted by the user's category affinity: a cold-start
 * recommender for new or sparse users. Serves every user. Source:
 * {@link Source#RECENCY_POPULARITY}.
 *
 * <h2>Formula</h2>
 * With reference time {@code T} (configured, or the latest timestamp in the data) and half-life
 * {@code h}, an item's popularity is
 * <pre>
 *   pop(i) = sum over rows r of i with t_r &lt;= T of  value_r * 2^(-(T - t_r) / h)
 * </pre>
 * so an event {@code h} old counts half, {@code 2h} old a quarter. Rows after {@code T} are
 * ignored. Normalised: {@code p(i) = pop(i) / max_j pop(j)} and, within i's category {@code c},
 * {@code p_c(i) = pop(i) / max_{j in c} pop(j)} (a maximum {@code <= 0} normalises by 1).
 *
 * <p>The user's affinity to category {@code c} is {@code a_c = n_c / n}: the share of the user's
 * distinct categorised items (training items plus the request's
 * {@link RecommendOptions#recentItems() recent items}) that are in {@code c}. The score is
 * <pre>
 *   score(i) = p(i) + beta * a_{c(i)} * p_{c(i)}(i)
 * </pre>
 * with {@code beta} = {@link RecencyPopularityConfig#categoryWeight()}. Without categories, with
 * {@code beta = 0}, or for a user with no categorised item, {@code score(i) = p(i)}: plain recency
 * popularity. The boost uses the within-category normalisation so that the top item of a user's
 * favourite category competes with the global top items even when the category is small.
 *
 * <p>Fit is O(rows + items log items). A request without affinity walks a precomputed ranking
 * (O(k + skipped)); with affinity it merges the user's category lists with the global ranking
 * (O(d log d + (k + skipped) log c)). Immutable and thread-safe. Similar items are not supported.
 */
public final class RecencyPopularity implements Recommender {
  private final RecencyPopularityConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final CsrMatrix byUser;
  private final float[] popularity;
  private final Instant reference;
  private final double invMax;
  private final double[] invMaxInCategory; // null without categories
  private final int[] ranking; // by score without affinity
  private final float[] rankScores;
  private final CategoryLists lists; // null without categories

  private RecencyPopularity(RecencyPopularityConfig config, Interactions data,
      ItemCategories categories) {
    this.config = config;
    this.users = data.users();
    this.items = data.items();
    this.byUser = data.byUser();
    int n = data.numItems();
    double[] sum = new double[n];
    Instant ref = config.reference();
    if (!data.isEmpty()) {
      Popularity.requireTimestamps(data, "RecencyPopularity");
      long t0 = ref != null ? ref.toEpochMilli() : Popularity.latestTimestamp(data);
      if (ref == null) {
        ref = Instant.ofEpochMilli(t0);
      }
      double halfLifeMillis = config.halfLife().getSeconds() * 1e3 + config.halfLife().getNano() / 1e6;
      for (int r = 0, rows = data.size(); r < rows; r++) {
        long t = data.timestamp(r);
        if (t > t0) {
          continue;
        }
        double age = (double) t0 - (double) t;
        // StrictMath: the same bits on every JVM, so refits are bit-identical
        sum[data.item(r)] += data.value(r) * StrictMath.pow(2.0, -age / halfLifeMillis);
      }
    }
    this.reference = ref;
    this.popularity = Popularity.toFloat(sum);
    double max = 0;
    for (float p : popularity) {
      max = Math.max(max, p);
    }
    this.invMax = inverse(max);
    float[] global = new float[n];
    for (int i = 0; i < n; i++) {
      global[i] = ListMerge.score(popularity[i], invMax, 0.0);
    }
    this.ranking = TopK.rankDescending(global);
    this.rankScores = new float[n];
    for (int r = 0; r < n; r++) {
      rankScores[r] = global[ranking[r]];
    }
    if (categories == null) {
      this.lists = null;
      this.invMaxInCategory = null;
    } else {
      this.lists = CategoryLists.of(categories, ranking);
      double[] maxIn = new double[categories.numCategories()];
      for (int i = 0; i < n; i++) {
        int c = categories.categoryOf(i);
        if (c != ItemCategories.NONE) {
          maxIn[c] = Math.max(maxIn[c], popularity[i]);
        }
      }
      for (int c = 0; c < maxIn.length; c++) {
        maxIn[c] = inverse(maxIn[c]);
      }
      this.invMaxInCategory = maxIn;
    }
  }

  /** 1 / max, or 1 when the maximum is not positive. */
  private static double inverse(double max) {
    return max > 0 ? 1.0 / max : 1.0;
  }

  /**
   * Fits plain recency popularity (no category awareness).
   *
   * @param data the training interactions, with timestamps unless empty
   * @param config the configuration; its category weight is unused
   * @return the model
   * @throws IllegalArgumentException if the non-empty data has no timestamps
   */
  public static RecencyPopularity fit(Interactions data, RecencyPopularityConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    return new RecencyPopularity(config, data, null);
  }

  /**
   * Fits category-aware recency popularity.
   *
   * @param data the training interactions, with timestamps unless empty
   * @param categories item categories (re-mapped onto {@code data.items()} by id if needed)
   * @param config the configuration
   * @return the model
   * @throws IllegalArgumentException if the non-empty data has no timestamps
   */
  public static RecencyPopularity fit(Interactions data, ItemCategories categories,
      RecencyPopularityConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(config, "config");
    return new RecencyPopularity(config, data, categories.alignTo(data.items()));
  }

  /** Returns the configuration this model was fitted with. */
  public RecencyPopularityConfig config() {
    return config;
  }

  /**
   * Returns the time ages were measured from.
   *
   * @return the reference, or empty for empty training data without a configured reference
   */
  public Optional<Instant> reference() {
    return Optional.ofNullable(reference);
  }

  /** Returns the item categories, if the model is category-aware. */
  public Optional<ItemCategories> categories() {
    return lists == null ? Optional.empty() : Optional.of(lists.categories);
  }

  /**
   * Returns an item's decayed popularity {@code pop(i)} (before normalisation).
   *
   * @param itemIndex an item in {@code [0, items().size())}
   * @return the decayed sum of its values
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
    Affinity affinity = affinity(user, selector);
    if (affinity == null) {
      return selector.selectFromRanking(ranking, rankScores, Source.RECENCY_POPULARITY);
    }
    ListMerge merge = new ListMerge(popularity, invMax, affinity.coef.length + 1);
    for (int j = 0; j < affinity.coef.length; j++) {
      int c = affinity.engaged.category[j];
      merge.addList(lists.items, lists.start[c], lists.start[c + 1], affinity.coef[j]);
    }
    merge.addListSkipping(ranking, lists.categories, affinity.engaged);
    if (merge.run(selector)) {
      return selector.result(Source.RECENCY_POPULARITY);
    }
    // float rounding tied two items of one list out of index order: score the catalog instead
    return recommendByScan(userId, k, options);
  }

  /**
   * Scores every item with the formula and selects the top k: the exact reference the merged
   * lists of {@link #recommend} must agree with. O(items log k).
   */
  Recommendations recommendByScan(String userId, int k, RecommendOptions options) {
    int user = users.indexOf(userId);
    CandidateSelector selector = CandidateSelector.forUser(items, k, options, byUser, user);
    Affinity affinity = affinity(user, selector);
    if (affinity == null) {
      return selector.selectByScore(i -> ListMerge.score(popularity[i], invMax, 0.0),
          Source.RECENCY_POPULARITY);
    }
    ItemCategories categories = lists.categories;
    return selector.selectByScore(i -> {
      int j = affinity.engaged.find(categories.categoryOf(i));
      return ListMerge.score(popularity[i], invMax, j < 0 ? 0.0 : affinity.coef[j]);
    }, Source.RECENCY_POPULARITY);
  }

  /** The user's engaged categories and their score coefficients {@code beta a_c / max_c}. */
  private static final class Affinity {
    final CategoryLists.Engagement engaged;
    final double[] coef;

    Affinity(CategoryLists.Engagement engaged, double[] coef) {
      this.engaged = engaged;
      this.coef = coef;
    }
  }

  /** Returns the user's affinity, or null when scores are plain recency popularity. */
  private Affinity affinity(int user, CandidateSelector selector) {
    if (lists == null || config.categoryWeight() == 0) {
      return null;
    }
    CategoryLists.Engagement engaged = lists.engagement(byUser, user, selector.recentItems());
    if (engaged.isEmpty()) {
      return null;
    }
    double[] coef = new double[engaged.category.length];
    for (int j = 0; j < coef.length; j++) {
      double share = (double) engaged.count[j] / engaged.total;
      coef[j] = config.categoryWeight() * share * invMaxInCategory[engaged.category[j]];
    }
    return new Affinity(engaged, coef);
  }

  @Override
  public String toString() {
    return "RecencyPopularity[items=" + items.size() + ", categories="
        + (lists == null ? "none" : String.valueOf(lists.categories.numCategories())) + ", "
        + config + "]";
  }
}
