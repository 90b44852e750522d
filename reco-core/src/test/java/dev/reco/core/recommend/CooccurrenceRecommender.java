package dev.reco.core.recommend;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.Objects;

/**
 * A small item co-occurrence recommender that scores the whole catalog per request, kept in the
 * tests as a second kind of implementation for the contract suite: it supports similar items,
 * scores through {@link CandidateSelector#selectByScore(float[], Source)} and leaves users without
 * any context unserved.
 *
 * <p>{@code cooc(i, j)} = number of users with both items; a user's score for item i is the sum of
 * {@code cooc(i, j)} over the user's training and recent items j; similar items score
 * {@code cooc(query, i)}. O(items^2) memory: only for small test catalogs.
 */
final class CooccurrenceRecommender implements Recommender {
  static final Source SOURCE = new Source("cooccurrence");

  private final IdIndex users;
  private final IdIndex items;
  private final CsrMatrix byUser;
  private final int[][] cooc;

  private CooccurrenceRecommender(Interactions train) {
    users = train.users();
    items = train.items();
    byUser = train.byUser();
    int n = items.size();
    cooc = new int[n][n];
    for (int u = 0; u < byUser.numRows(); u++) {
      for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
        for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
          if (p != q) {
            cooc[byUser.columnAt(p)][byUser.columnAt(q)]++;
          }
        }
      }
    }
  }

  static CooccurrenceRecommender fit(Interactions train) {
    return new CooccurrenceRecommender(train);
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    Objects.requireNonNull(userId, "userId");
    int u = users.indexOf(userId);
    CandidateSelector selector = CandidateSelector.forUser(items, k, options, byUser, u);
    float[] scores = new float[items.size()];
    boolean any = false;
    if (u != IdIndex.UNKNOWN) {
      for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
        add(scores, byUser.columnAt(p));
        any = true;
      }
    }
    for (int j : selector.recentItems()) {
      if (u == IdIndex.UNKNOWN || !byUser.contains(u, j)) {
        add(scores, j);
        any = true;
      }
    }
    if (!any) {
      return selector.result(Source.NONE);
    }
    return selector.selectByScore(scores, SOURCE);
  }

  private void add(float[] scores, int j) {
    for (int i = 0; i < scores.length; i++) {
      scores[i] += cooc[j][i];
    }
  }

  @Override
  public boolean supportsSimilarItems() {
    return true;
  }

  @Override
  public Recommendations similarItems(String itemId, int k, RecommendOptions options) {
    TopK.checkK(k);
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(options, "options");
    int q = items.indexOf(itemId);
    if (q == IdIndex.UNKNOWN) {
      return Recommendations.unserved(items);
    }
    int[] row = cooc[q];
    return CandidateSelector.forItem(items, k, options, q).selectByScore(i -> row[i], SOURCE);
  }
}
