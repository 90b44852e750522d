package dev.reco.core.baseline;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.Source;
import dev.reco.core.recommend.TopK;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Recommends the globally most popular items the user has not seen; serves every user, known or
 * not, so it ends every fallback chain. Source: {@link Source#POPULARITY}.
 *
 * <p>Score of item {@code i}: the number of its rows (or the sum of their values) in the
 * configured period, see {@link MostPopularConfig}. Items without rows score 0 and rank last, by
 * index. Seen items are the user's training items, whatever the period.
 *
 * <p>Fit is O(rows + items log items): the catalog is ranked once, so a request walks the ranking
 * and costs O(k + skipped items). Memory: 8 bytes per item plus the training matrix for seen
 * items. Immutable and thread-safe. Similar items are not supported.
 */
public final class MostPopular implements Recommender {
  private final MostPopularConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final CsrMatrix byUser;
  private final float[] popularity;
  private final int[] ranking;
  private final float[] rankScores;
  private final Instant reference;

  private MostPopular(MostPopularConfig config, Interactions data, Popularity.Counted counted) {
    this.config = config;
    this.users = data.users();
    this.items = data.items();
    this.byUser = data.byUser();
    this.popularity = counted.scores;
    this.reference = counted.reference;
    this.ranking = TopK.rankDescending(popularity);
    this.rankScores = new float[ranking.length];
    for (int r = 0; r < ranking.length; r++) {
      rankScores[r] = popularity[ranking[r]];
    }
  }

  /**
   * Fits with {@link MostPopularConfig#defaults()}: every row counts once.
   *
   * @param data the training interactions
   * @return the model
   */
  public static MostPopular fit(Interactions data) {
    return fit(data, MostPopularConfig.defaults());
  }

  /**
   * Fits popularity as configured.
   *
   * @param data the training interactions
   * @param config the configuration
   * @return the model
   * @throws IllegalArgumentException if the config has a window or reference and the (non-empty)
   *     data has no timestamps
   */
  public static MostPopular fit(Interactions data, MostPopularConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    return new MostPopular(config, data, Popularity.count(data, config));
  }

  /** Returns the configuration this model was fitted with. */
  public MostPopularConfig config() {
    return config;
  }

  /**
   * Returns the end of the counting period actually used: the configured reference, or the latest
   * timestamp when only a window was configured.
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
    CandidateSelector selector =
        CandidateSelector.forUser(items, k, options, byUser, users.indexOf(userId));
    return selector.selectFromRanking(ranking, rankScores, Source.POPULARITY);
  }

  @Override
  public String toString() {
    return "MostPopular[items=" + items.size() + ", " + config + "]";
  }
}
