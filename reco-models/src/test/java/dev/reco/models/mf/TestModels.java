package dev.reco.models.mf;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic models for the tests: seeded factors, fixed provenance. */
final class TestModels {
  static final Source SOURCE = new Source("mf-test");

  private TestModels() {}

  /** A provenance that does not depend on the machine or the time. */
  static Provenance provenance() {
    return new Provenance("TestModels", "{\"purpose\":\"test\"}", null, 7L, "0.1.0", "17.0.15+6",
        "Linux 6.1.0", "amd64", Instant.parse("2024-05-01T12:00:00Z"));
  }

  /** Uniform values in [-1, 1) from a seeded generator. */
  static float[] random(SplittableRandom random, int count) {
    float[] v = new float[count];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (2 * random.nextDouble() - 1);
    }
    return v;
  }

  /**
   * A model over the training data's indexes: seeded random item factors; each user's vector is
   * the value-weighted mean of its items' vectors plus seeded noise, so lists follow the data.
   * Users without rows are unknown.
   */
  static MatrixFactorizationModel fromData(Interactions train, int factors, long seed,
      boolean biases) {
    SplittableRandom random = new SplittableRandom(seed);
    int m = train.numUsers();
    int n = train.numItems();
    float[] q = random(random, n * factors);
    float[] p = new float[m * factors];
    CsrMatrix byUser = train.byUser();
    boolean[] known = new boolean[m];
    for (int u = 0; u < m; u++) {
      known[u] = byUser.rowLength(u) > 0;
      for (int pos = byUser.rowStart(u); pos < byUser.rowEnd(u); pos++) {
        int i = byUser.columnAt(pos);
        for (int f = 0; f < factors; f++) {
          p[u * factors + f] += byUser.valueAt(pos) * q[i * factors + f] / byUser.rowLength(u);
        }
      }
      for (int f = 0; f < factors; f++) {
        p[u * factors + f] += (float) (0.1 * (2 * random.nextDouble() - 1));
      }
    }
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(train.users(),
            train.items(), factors)
        .userFactors(p).itemFactors(q).seen(byUser).knownUsers(known)
        .provenance(provenance()).source(SOURCE);
    if (biases) {
      b.biases(3.5f, random(random, m), random(random, n)).clip(1f, 5f);
    }
    return b.build();
  }

  /** Returns {@code prefix + 0 .. prefix + (count - 1)}. */
  static List<String> ids(String prefix, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      ids.add(prefix + j);
    }
    return ids;
  }

  /** A model of random factors over ids u0.., i0.., with random seen items for some users. */
  static MatrixFactorizationModel random(int users, int items, int factors, long seed,
      boolean biases) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> userIds = ids("u", users);
    List<String> itemIds = ids("i", items);
    int[] rows = new int[users * 4];
    int[] cols = new int[users * 4];
    int nnz = 0;
    boolean[] known = new boolean[users];
    for (int u = 0; u < users; u++) {
      known[u] = random.nextInt(5) != 0;
      int seen = items == 0 ? 0 : random.nextInt(5);
      for (int s = 0; s < seen; s++) {
        rows[nnz] = u;
        cols[nnz++] = random.nextInt(items);
      }
    }
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(IdIndex.of(userIds),
            IdIndex.of(itemIds), factors)
        .userFactors(random(random, users * factors))
        .itemFactors(random(random, items * factors))
        .seen(CsrMatrix.fromCoordinates(users, items, rows, cols, null, nnz))
        .knownUsers(known).provenance(provenance()).source(SOURCE);
    if (biases) {
      b.biases(3f, random(random, users), random(random, items)).clip(1f, 5f);
    }
    return b.build();
  }
}
