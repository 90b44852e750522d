package dev.reco.models.als;

import dev.reco.core.CsrMatrix;
import dev.reco.core.Interactions;
import dev.reco.core.eval.RankingMetrics;
import dev.reco.core.recommend.TopK;
import dev.reco.models.linalg.VectorOps;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation loss ALS reports and early-stops on.
 *
 * <ul>
 *   <li>Explicit feedback: the RMSE of {@code x_u · y_i} over every validation row (a user or
 *       item without training rows has the zero vector and predicts 0).
 *   <li>Implicit feedback: {@code 1 - mean NDCG@10} (binary relevance) over the validation users
 *       that have training rows and at least one validation row with a value {@code > 0}; the
 *       relevant items are those rows' items, and each user's ranking covers every item not in
 *       their training rows. Costs {@code O(users * items * factors)} per iteration, run on the
 *       fit's threads.
 * </ul>
 * Per-user values are summed in user order, so the loss does not depend on the thread count.
 */
final class AlsValidation {
  /** Cutoff of the implicit validation metric. */
  static final int NDCG_AT = 10;
  private static final int USER_BLOCK = 64;

  private final boolean implicit;
  private final int k;
  private final VectorOps ops;
  // explicit
  private final int[] rowUser;
  private final int[] rowItem;
  private final float[] rowValue;
  // implicit
  private final int[] users;
  private final int[][] relevant;
  private final CsrMatrix seen;
  private final int numItems;

  AlsValidation(Interactions validation, CsrMatrix trainByUser, AlsObjective objective,
      VectorOps ops) {
    this.implicit = objective.implicit;
    this.k = objective.factors;
    this.ops = ops;
    this.seen = trainByUser;
    this.numItems = trainByUser.numCols();
    if (!implicit) {
      if (validation.isEmpty()) {
        throw new IllegalArgumentException(
            "validation has 0 rows; expected at least one rating to compute an RMSE");
      }
      rowUser = validation.userColumn();
      rowItem = validation.itemColumn();
      rowValue = validation.valueColumn();
      users = null;
      relevant = null;
      return;
    }
    rowUser = null;
    rowItem = null;
    rowValue = null;
    CsrMatrix byUser = validation.byUser();
    List<Integer> userList = new ArrayList<>();
    List<int[]> relevantList = new ArrayList<>();
    for (int u = 0; u < byUser.numRows(); u++) {
      if (trainByUser.rowLength(u) == 0) {
        continue;
      }
      int count = 0;
      for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
        if (byUser.valueAt(q) > 0f) {
          count++;
        }
      }
      if (count == 0) {
        continue;
      }
      int[] rel = new int[count];
      int c = 0;
      for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
        if (byUser.valueAt(q) > 0f) {
          rel[c++] = byUser.columnAt(q);
        }
      }
      userList.add(u);
      relevantList.add(rel);
    }
    if (userList.isEmpty()) {
      throw new IllegalArgumentException("validation has 0 users with training rows and a value"
          + " > 0; expected at least one to compute NDCG@" + NDCG_AT);
    }
    users = userList.stream().mapToInt(Integer::intValue).toArray();
    relevant = relevantList.toArray(new int[0][]);
  }

  /** Returns the validation loss of the given factors. */
  double loss(float[] x, float[] y, BlockRunner runner) {
    return implicit ? 1.0 - meanNdcg(x, y, runner) : rmse(x, y);
  }

  private double rmse(float[] x, float[] y) {
    double sum = 0;
    for (int r = 0; r < rowUser.length; r++) {
      double e = ops.dot(x, rowUser[r] * k, y, rowItem[r] * k, k) - (double) rowValue[r];
      sum += e * e;
    }
    return Math.sqrt(sum / rowUser.length);
  }

  private double meanNdcg(float[] x, float[] y, BlockRunner runner) {
    double[] perUser = new double[users.length];
    int workers = runner.workers();
    float[][] scores = new float[workers][];
    TopK[] tops = new TopK[workers];
    int cut = Math.min(NDCG_AT, numItems);
    int[][] ranked = new int[workers][cut];
    float[][] rankedScores = new float[workers][cut];
    runner.run(Factors.blocks(users.length, USER_BLOCK), (b, w) -> {
      if (scores[w] == null) {
        scores[w] = new float[numItems];
        tops[w] = new TopK(cut);
      }
      float[] s = scores[w];
      TopK top = tops[w];
      int to = Math.min(users.length, (b + 1) * USER_BLOCK);
      for (int j = b * USER_BLOCK; j < to; j++) {
        int u = users[j];
        ops.scoreRows(y, 0, numItems, k, x, u * k, s, 0);
        int q = seen.rowStart(u);
        int end = seen.rowEnd(u);
        for (int i = 0; i < numItems; i++) {
          if (q < end && seen.columnAt(q) == i) {
            q++;
            continue;
          }
          top.offer(i, s[i]);
        }
        int length = top.drainTo(ranked[w], rankedScores[w]);
        perUser[j] = RankingMetrics.ndcg(ranked[w], length, relevant[j], NDCG_AT);
      }
    });
    double sum = 0;
    for (double v : perUser) {
      sum += v;
    }
    return sum / users.length;
  }
}
