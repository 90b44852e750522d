package dev.reco.models.svd;

import dev.reco.models.linalg.VectorOps;

/**
 * One SGD pass over a contiguous run of ratings, with Surprise's update rules in Surprise's
 * order (its {@code SVD.sgd}): the error is computed with the current values, then both biases
 * are updated, then {@code p_u} and {@code q_i} are updated from the old values of both.
 *
 * <p>The factor updates run as vector kernels: {@code p_u += lrPu * (e q_i - regPu p_u)} is
 * computed as the shrink {@code p_u -= lrPu regPu p_u} followed by {@code p_u += (lrPu e) q_i}
 * (two {@link VectorOps#axpy} calls, SIMD where available), and {@code q_i} likewise from a copy
 * of the old {@code p_u}. That is the same update with a different rounding order; it computes
 * in float where Surprise computes in double. The result depends only on the ratings' order and
 * the kernels in use, never on the thread that runs the pass.
 */
final class SgdKernel {
  private final VectorOps ops;
  private final int k;
  private final float mu;
  private final float lrBu;
  private final float lrBi;
  private final float lrPu;
  private final float lrQi;
  private final float regBu;
  private final float regBi;
  private final float shrinkPu;
  private final float shrinkQi;

  SgdKernel(VectorOps ops, BiasedSvdConfig config, float mu) {
    this.ops = ops;
    this.k = config.factors();
    this.mu = mu;
    this.lrBu = (float) config.lrBu();
    this.lrBi = (float) config.lrBi();
    this.lrPu = (float) config.lrPu();
    this.lrQi = (float) config.lrQi();
    this.regBu = (float) config.regBu();
    this.regBi = (float) config.regBi();
    this.shrinkPu = -lrPu * (float) config.regPu();
    this.shrinkQi = -lrQi * (float) config.regQi();
  }

  /**
   * Updates the parameters for ratings {@code [from, to)} in that order.
   *
   * @return the sum of squared errors before each update (the online training error)
   */
  double run(int[] user, int[] item, float[] value, int from, int to, float[] p, float[] q,
      float[] bu, float[] bi) {
    final int k = this.k;
    double sse = 0;
    float[] old = new float[k];
    for (int r = from; r < to; r++) {
      int u = user[r];
      int i = item[r];
      int po = u * k;
      int qo = i * k;
      float dot = ops.dot(q, qo, p, po, k);
      float err = value[r] - (mu + bu[u] + bi[i] + dot);
      sse += (double) err * err;
      float bu0 = bu[u];
      bu[u] = bu0 + lrBu * (err - regBu * bu0);
      float bi0 = bi[i];
      bi[i] = bi0 + lrBi * (err - regBi * bi0);
      // p_u += lrPu * (err * q_i - regPu * p_u) while q_i is still old, then
      // q_i += lrQi * (err * p_u,old - regQi * q_i) from the copy of the old p_u
      System.arraycopy(p, po, old, 0, k);
      ops.axpy(shrinkPu, p, po, p, po, k);
      ops.axpy(lrPu * err, q, qo, p, po, k);
      ops.axpy(shrinkQi, q, qo, q, qo, k);
      ops.axpy(lrQi * err, old, 0, q, qo, k);
    }
    return sse;
  }
}
