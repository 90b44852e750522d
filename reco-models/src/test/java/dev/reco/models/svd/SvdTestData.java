package dev.reco.models.svd;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small data sets and helpers shared by the BiasedSVD tests. */
final class SvdTestData {
  private SvdTestData() {}

  /** Ids {@code prefix0 .. prefix(n-1)}. */
  static IdIndex ids(String prefix, int n) {
    List<String> ids = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      ids.add(prefix + j);
    }
    return IdIndex.of(ids);
  }

  /**
   * Ratings given as {@code {user, item, value}} triples of indexes, kept in the given order.
   */
  static Interactions rows(int users, int items, double[][] rows) {
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .userIndex(ids("u", users)).itemIndex(ids("i", items));
    for (double[] row : rows) {
      b.addIndexed((int) row[0], (int) row[1], (float) row[2]);
    }
    return b.build();
  }

  /** Uniformly random distinct ratings 1 to 5 (users × items × density). */
  static Interactions random(int users, int items, double density, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .userIndex(ids("u", users)).itemIndex(ids("i", items));
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if (random.nextDouble() < density) {
          b.addIndexed(u, i, 1 + random.nextInt(5));
        }
      }
    }
    return b.build();
  }

  /** Splits rows at random into {train, test}, {@code testFraction} of them to test. */
  static Interactions[] split(Interactions data, double testFraction, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] train = new int[data.size()];
    int[] test = new int[data.size()];
    int nTrain = 0;
    int nTest = 0;
    for (int r = 0; r < data.size(); r++) {
      if (random.nextDouble() < testFraction) {
        test[nTest++] = r;
      } else {
        train[nTrain++] = r;
      }
    }
    return new Interactions[] {
        data.select(java.util.Arrays.copyOf(train, nTrain)),
        data.select(java.util.Arrays.copyOf(test, nTest))};
  }

  /** RMSE of the model's (clipped) predictions on {@code data}. */
  static double rmse(MatrixFactorizationModel model, Interactions data) {
    double sq = 0;
    for (int r = 0; r < data.size(); r++) {
      double e = model.predict(data.user(r), data.item(r)) - data.value(r);
      sq += e * e;
    }
    return Math.sqrt(sq / data.size());
  }

  /** RMSE of predicting {@code constant} for every row. */
  static double rmse(double constant, Interactions data) {
    double sq = 0;
    for (int r = 0; r < data.size(); r++) {
      double e = constant - data.value(r);
      sq += e * e;
    }
    return Math.sqrt(sq / data.size());
  }
}
