package dev.reco.models.svd;

import dev.reco.models.linalg.VectorOps;

/**
 * One SGD pass over a contiguous run of ratings, with Surprise's update rules in Surprise's
 * order (its {@code SVD.sgd}): the error is computed with the current values, then both biases
 * are updated, then each factor pair {@code (p_uf, q_if)} is updated from the old values of both.
 * Computes in float; Surprise computes in double.
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
  private final float regPu;
  private final float regQi;

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
    this.regPu = (float) config.regPu();
    this.regQi = (float) config.regQi();
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
      for (int f = 0; f < k; f++) {
        float puf = p[po + f];
        float qif = q[qo + f];
        p[po + f] = puf + lrPu * (err * qif - regPu * puf);
        q[qo + f] = qif + lrQi * (err * puf - regQi * qif);
      }
    }
    return sse;
  }
}
