package dev.reco.models.als;

import dev.reco.core.CsrMatrix;
import dev.reco.models.linalg.VectorOps;
import java.util.Arrays;

/**
 * Solves, and evaluates, the least-squares problem of one row (a user given the item factors or
 * an item given the user factors) as {@link AlsObjective} defines it. One instance per worker
 * thread: it owns scratch buffers and is not thread-safe. The result of a row depends only on
 * the row's data, the other side's factors, the Gram matrix and (for conjugate gradient) the
 * row's previous vector, never on the thread or on earlier rows.
 *
 * <h2>Conjugate gradient</h2>
 * Takács, Pilászy &amp; Tikk, "Applications of the conjugate gradient method for implicit
 * feedback collaborative filtering", RecSys 2011: a fixed number of CG steps on
 * {@code A x = b}, started from the row's vector of the previous sweep. The product
 * {@code A p} is never formed as a matrix: {@code A p = G p + lambda_row p + sum_j w_j (y_j · p)
 * y_j}, which costs {@code O(k^2 + n_row k)}, or {@code O(k + n_row k)} when the factors have
 * been rotated so that {@code G} is diagonal (see {@link AlsFit}). Each step can only lower the
 * row's objective, so a sweep never raises the total loss (up to float rounding).
 *
 * <h2>Cholesky</h2>
 * Builds the upper triangle of {@code A} in float (the Gram matrix plus {@code sum_j w_j y_j
 * y_j^T}, from transposed tiles of the entries' vectors), then factorises {@code A = U^T U} and
 * solves in double: the exact minimiser.
 */
final class RowSolver {
  /** CG stops early once the squared residual norm falls below this (as in implicit). */
  static final float CG_TOLERANCE = 1e-20f;
  /**
   * Most floats a solver copies a row's other-side vectors into: 32 MiB per worker, rows of up
   * to 131,072 entries at k = 64. Longer rows are read in place.
   */
  static final int GATHER_CAP = 1 << 23;

  private final AlsObjective objective;
  private final VectorOps ops;
  private final int k;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  private float[] gathered = new float[0]; // CG: the row's other-side vectors, contiguous
  private float[] weights = new float[0]; // CG: w_j of the row's entries
  private float[] scores = new float[0]; // CG: y_j · x or y_j · p of the row's entries
  private float[] af; // Cholesky: k x k float, built lazily
  private float[] tile; // Cholesky: up to GRAM_TILE entry vectors as columns
  private float[] tileWeights; // their weights w_j
  private float[] weightedColumn; // one column of the tile scaled by the weights
  private final float[] scratchK;
  private double[] ad;
  private double[] bd;

  RowSolver(AlsObjective objective, VectorOps ops) {
    this.objective = objective;
    this.ops = ops;
    this.k = objective.factors;
    this.r = new float[k];
    this.p = new float[k];
    this.ap = new float[k];
    this.scratchK = new float[k];
  }

  /**
   * Refines {@code x[xOff .. xOff+k)} with {@code steps} conjugate-gradient steps; a row without
   * entries gets the zero vector.
   *
   * @param rows the observed entries, one CSR row per solved vector
   * @param row the row to solve
   * @param other the other side's factors, row-major
   * @param gram {@code Y^T Y} of the other side (full symmetric {@code k x k}, or its diagonal
   *     of length {@code k} when {@code diagonal}), or null for explicit feedback
   * @param diagonal whether {@code gram} holds only the diagonal of a diagonal Gram matrix
   * @param x holds the warm start and receives the result
   * @param xOff offset of the row's vector
   * @param steps CG steps, {@code >= 1}
   */
  void conjugateGradient(CsrMatrix rows, int row, float[] other, float[] gram, boolean diagonal,
      float[] x, int xOff, int steps) {
    int start = rows.rowStart(row);
    int end = rows.rowEnd(row);
    if (start == end) {
      Arrays.fill(x, xOff, xOff + k, 0f);
      return;
    }
    float lambdaRow = objective.lambdaFor(end - start);
    // r = b - A x
    if (diagonal) {
      for (int a = 0; a < k; a++) {
        r[a] = -(gram[a] + lambdaRow) * x[xOff + a];
      }
    } else if (gram != null) {
      ops.transposedMatVec(gram, x, xOff, r, 0, k);
      for (int a = 0; a < k; a++) {
        r[a] = -r[a] - lambdaRow * x[xOff + a];
      }
    } else {
      for (int a = 0; a < k; a++) {
        r[a] = -lambdaRow * x[xOff + a];
      }
    }
    // The first pass gathers the row's other-side vectors into contiguous scratch (when they
    // fit), so the CG steps below stream them instead of chasing rows across the factor matrix.
    int n = end - start;
    boolean gather = (long) n * k <= GATHER_CAP;
    if (gather && gathered.length < n * k) {
      gathered = new float[Math.max(n * k, Math.min(GATHER_CAP, 2 * gathered.length))];
    }
    if (weights.length < n) {
      weights = new float[Math.max(n, 2 * weights.length)];
    }
    if (scores.length < n) {
      scores = new float[Math.max(n, 2 * scores.length)];
    }
    if (gather) {
      for (int j = 0; j < n; j++) {
        System.arraycopy(other, rows.columnAt(start + j) * k, gathered, j * k, k);
      }
      ops.scoreRows(gathered, 0, n, k, x, xOff, scores, 0);
    } else {
      for (int j = 0; j < n; j++) {
        scores[j] = ops.dot(other, rows.columnAt(start + j) * k, x, xOff, k);
      }
    }
    float[] vectors = gather ? gathered : other;
    for (int j = 0; j < n; j++) {
      float v = rows.valueAt(start + j);
      float w = objective.weight(v);
      weights[j] = w;
      int yOff = gather ? j * k : rows.columnAt(start + j) * k;
      ops.axpy(objective.target(v) - w * scores[j], vectors, yOff, r, 0, k);
    }
    System.arraycopy(r, 0, p, 0, k);
    float rsOld = ops.dot(r, 0, r, 0, k);
    if (rsOld < CG_TOLERANCE) {
      return;
    }
    for (int step = 0; step < steps; step++) {
      // ap = A p without forming A
      if (diagonal) {
        for (int a = 0; a < k; a++) {
          ap[a] = (gram[a] + lambdaRow) * p[a];
        }
      } else if (gram != null) {
        ops.transposedMatVec(gram, p, 0, ap, 0, k);
        ops.axpy(lambdaRow, p, 0, ap, 0, k);
      } else {
        for (int a = 0; a < k; a++) {
          ap[a] = lambdaRow * p[a];
        }
      }
      if (gather) {
        ops.scoreRows(gathered, 0, n, k, p, 0, scores, 0);
        for (int j = 0; j < n; j++) {
          ops.axpy(weights[j] * scores[j], gathered, j * k, ap, 0, k);
        }
      } else {
        for (int j = 0; j < n; j++) {
          int yOff = rows.columnAt(start + j) * k;
          ops.axpy(weights[j] * ops.dot(other, yOff, p, 0, k), other, yOff, ap, 0, k);
        }
      }
      float pAp = ops.dot(p, 0, ap, 0, k);
      if (!(pAp > 0f)) {
        return; // p is (numerically) zero: nothing left to improve
      }
      float alpha = rsOld / pAp;
      ops.axpy(alpha, p, 0, x, xOff, k);
      ops.axpy(-alpha, ap, 0, r, 0, k);
      float rsNew = ops.dot(r, 0, r, 0, k);
      if (rsNew < CG_TOLERANCE) {
        return;
      }
      float beta = rsNew / rsOld;
      for (int a = 0; a < k; a++) {
        p[a] = r[a] + beta * p[a];
      }
      rsOld = rsNew;
    }
  }

  /**
   * Writes the exact minimiser of the row's objective to {@code x[xOff .. xOff+k)}; a row
   * without entries gets the zero vector.
   *
   * @param rows the observed entries
   * @param row the row to solve
   * @param other the other side's factors, row-major
   * @param gram {@code Y^T Y} of the other side, or null for explicit feedback
   * @param x receives the result
   * @param xOff offset of the row's vector
   * @throws IllegalStateException if the system is not numerically positive definite
   */
  void cholesky(CsrMatrix rows, int row, float[] other, float[] gram, float[] x, int xOff) {
    int start = rows.rowStart(row);
    int end = rows.rowEnd(row);
    if (start == end) {
      Arrays.fill(x, xOff, xOff + k, 0f);
      return;
    }
    if (af == null) {
      af = new float[k * k];
      ad = new double[k * k];
      bd = new double[k];
    }
    if (gram != null) {
      System.arraycopy(gram, 0, af, 0, k * k);
    } else {
      Arrays.fill(af, 0f);
    }
    Arrays.fill(r, 0f); // r holds b
    // upper triangle of sum_j w_j y_j y_j^T, tile by tile: the tile holds the entries' vectors
    // as columns, and row a gains the dot products of column a, scaled by the weights, with
    // columns a..k-1
    if (tile == null) {
      tile = new float[Factors.GRAM_TILE * k];
      tileWeights = new float[Factors.GRAM_TILE];
      weightedColumn = new float[Factors.GRAM_TILE];
    }
    for (int from = start; from < end; from += Factors.GRAM_TILE) {
      int len = Math.min(Factors.GRAM_TILE, end - from);
      for (int j = 0; j < len; j++) {
        int yOff = rows.columnAt(from + j) * k;
        float v = rows.valueAt(from + j);
        tileWeights[j] = objective.weight(v);
        for (int a = 0; a < k; a++) {
          tile[a * len + j] = other[yOff + a];
        }
        float t = objective.target(v);
        if (t != 0f) {
          ops.axpy(t, other, yOff, r, 0, k);
        }
      }
      for (int a = 0; a < k; a++) {
        int column = a * len;
        for (int j = 0; j < len; j++) {
          weightedColumn[j] = tileWeights[j] * tile[column + j];
        }
        ops.scoreRows(tile, a, k - a, len, weightedColumn, 0, scratchK, 0);
        int rowA = a * k + a;
        for (int c = 0; c < k - a; c++) {
          af[rowA + c] += scratchK[c];
        }
      }
    }
    double lambdaRow = objective.lambdaFor(end - start);
    // upper triangle of A in double
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        ad[i * k + j] = af[i * k + j];
      }
      ad[i * k + i] += lambdaRow;
      bd[i] = r[i];
    }
    if (!Cholesky.factorUpper(ad, k)) {
      throw new IllegalStateException("the normal equations of row " + row + " (" + (end - start)
          + " entries) are not numerically positive definite; expected a larger regularization"
          + " than " + objective.lambda + " for data of this scale");
    }
    Cholesky.solveUpper(ad, k, bd);
    for (int a = 0; a < k; a++) {
      x[xOff + a] = (float) bd[a];
    }
  }

  /**
   * Returns the row's share of the objective: {@code x^T G x + sum_j (w_j s_j^2 - 2 t_j s_j +
   * e_j) + lambda_row |x|^2} with {@code s_j = x · y_j}; for implicit feedback the first term
   * covers every unobserved entry through {@code sum_{i unobserved} s_i^2 = x^T G x - sum_{j
   * observed} s_j^2}, which the weights {@code w_j = c_j - 1} account for.
   *
   * @param rows the observed entries
   * @param row the row
   * @param other the other side's factors
   * @param gram {@code Y^T Y}, or null for explicit feedback
   * @param x the row's factors
   * @param xOff offset of the row's vector
   * @return the row's loss
   */
  double rowLoss(CsrMatrix rows, int row, float[] other, float[] gram, float[] x, int xOff) {
    int start = rows.rowStart(row);
    int end = rows.rowEnd(row);
    double loss = 0;
    if (gram != null) {
      ops.transposedMatVec(gram, x, xOff, ap, 0, k);
      loss += ops.dot(ap, 0, x, xOff, k);
    }
    for (int q = start; q < end; q++) {
      float v = rows.valueAt(q);
      double s = ops.dot(other, rows.columnAt(q) * k, x, xOff, k);
      loss += objective.weight(v) * s * s - 2.0 * objective.target(v) * s + objective.constant(v);
    }
    double norm = ops.dot(x, xOff, x, xOff, k);
    return loss + (double) objective.lambdaFor(end - start) * norm;
  }

  /** Returns whether {@code x[xOff .. xOff+k)} is finite. */
  boolean isFinite(float[] x, int xOff) {
    for (int a = 0; a < k; a++) {
      if (!Float.isFinite(x[xOff + a])) {
        return false;
      }
    }
    return true;
  }
}
