package dev.reco.models.als;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded data sets and dense reference computations for the ALS tests. */
final class AlsTestData {
  private AlsTestData() {}

  static IdIndex ids(String prefix, int n) {
    List<String> list = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      list.add(prefix + j);
    }
    return IdIndex.of(list);
  }

  /** Random sparse data: each user gets 0..maxPerUser rows (some users none) with values 1..5. */
  static Interactions random(int users, int items, int maxPerUser, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM)
        .userIndex(ids("u", users)).itemIndex(ids("i", items));
    for (int u = 0; u < users; u++) {
      int n = u % 17 == 5 ? 0 : random.nextInt(maxPerUser + 1);
      for (int e = 0; e < n; e++) {
        b.addIndexed(u, random.nextInt(items), 1 + random.nextInt(5));
      }
    }
    return b.build();
  }

  /** Dense {@code users x items} matrix of a table's summed values (NaN where unobserved). */
  static double[][] dense(Interactions data) {
    double[][] m = new double[data.numUsers()][data.numItems()];
    for (double[] row : m) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (int r = 0; r < data.size(); r++) {
      int u = data.user(r);
      int i = data.item(r);
      m[u][i] = (Double.isNaN(m[u][i]) ? 0 : m[u][i]) + data.value(r);
    }
    return m;
  }

  /**
   * The objective of {@link AlsConfig} straight from its definition: a double loop over every
   * (user, item) pair for implicit feedback, over observed pairs for explicit feedback.
   */
  static double objective(AlsConfig config, Interactions data, float[] x, float[] y) {
    double[][] m = dense(data);
    int k = config.factors();
    boolean implicit = config.feedback() == AlsConfig.Feedback.IMPLICIT;
    double base = config.confidence() == AlsConfig.Confidence.LINEAR ? 0 : 1;
    double loss = 0;
    int[] nu = new int[data.numUsers()];
    int[] ni = new int[data.numItems()];
    for (int u = 0; u < m.length; u++) {
      for (int i = 0; i < m[u].length; i++) {
        double s = 0;
        for (int a = 0; a < k; a++) {
          s += (double) x[u * k + a] * y[i * k + a];
        }
        double r = m[u][i];
        boolean observed = !Double.isNaN(r);
        if (observed) {
          nu[u]++;
          ni[i]++;
        }
        if (implicit) {
          double c = observed ? base + config.alpha() * r : 1;
          double p = observed && r > 0 ? 1 : 0;
          loss += c * (p - s) * (p - s);
        } else if (observed) {
          loss += (r - s) * (r - s);
        }
      }
    }
    boolean weighted = config.regularizationMode() == AlsConfig.RegularizationMode.WEIGHTED;
    for (int u = 0; u < m.length; u++) {
      loss += config.regularization() * (weighted ? nu[u] : 1) * norm2(x, u * k, k);
    }
    for (int i = 0; i < ni.length; i++) {
      loss += config.regularization() * (weighted ? ni[i] : 1) * norm2(y, i * k, k);
    }
    return loss;
  }

  static double norm2(float[] v, int off, int k) {
    double s = 0;
    for (int a = 0; a < k; a++) {
      s += (double) v[off + a] * v[off + a];
    }
    return s;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a and b are copied). */
  static double[] solveDense(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int r = 0; r < n; r++) {
      m[r] = java.util.Arrays.copyOf(a[r], n + 1);
      m[r][n] = b[r];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int q = c; q <= n; q++) {
          m[r][q] -= f * m[c][q];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int q = r + 1; q < n; q++) {
        s -= m[r][q] * x[q];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
