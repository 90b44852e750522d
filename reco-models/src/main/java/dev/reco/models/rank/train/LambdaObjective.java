package dev.reco.models.rank.train;

/**
 * LambdaRank gradients and second derivatives for NDCG@K (Burges, "From RankNet to LambdaRank to
 * LambdaMART: An Overview", Microsoft Research TR-2010-82, sections 4 to 6), with
 * {@code sigma = 1}.
 *
 * <p>Within a group, rank the rows by their current scores (decreasing, ties by row). For every
 * pair {@code (i, j)} with {@code label_i > label_j} and at least one of the two ranked within the
 * first K, let {@code |dNDCG|} be the change of NDCG@K when the two swap ranks,
 * <pre>
 *   |dNDCG| = |(2^label_i - 2^label_j) (D(rank_i) - D(rank_j))| / IDCG@K,
 *   D(p) = 1 / log2(p + 2) for p &lt; K, else 0,
 * </pre>
 * and {@code rho = 1 / (1 + exp(sigma (s_i - s_j)))}. The pair adds
 * {@code lambda = sigma rho |dNDCG|} to the pull on {@code i} and the push on {@code j}:
 * <pre>
 *   grad_i -= lambda,   grad_j += lambda,
 *   hess_i += sigma^2 rho (1 - rho) |dNDCG|,   hess_j += the same,
 * </pre>
 * so {@code grad} is the derivative of the pairwise cost {@code |dNDCG| log(1 + exp(-sigma
 * (s_i - s_j)))} with respect to the scores, and a Newton step moves a leaf by
 * {@code -sum(grad) / sum(hess)}. Pairs with both rows beyond rank K have {@code |dNDCG| = 0}
 * and are skipped, so a group of n rows costs {@code O(K n)} pairs. Groups whose labels are all
 * equal (including all zero) get no gradient.
 */
final class LambdaObjective implements Objective {
  static final double SIGMA = 1.0;

  private final float[] labels;
  private final int[] offsets;
  private final int k;
  private final double[] gains;
  private final double[] inverseIdeal;
  private final double[] discounts;
  private final int[] order;
  private final int[] tmp;
  private final double[] expScore;
  private final int informativeGroups;

  LambdaObjective(float[] labels, int[] offsets, int k) {
    this.labels = labels;
    this.offsets = offsets;
    this.k = k;
    this.gains = new double[labels.length];
    for (int r = 0; r < labels.length; r++) {
      gains[r] = Ndcg.gain(labels[r]);
    }
    int groups = offsets.length - 1;
    this.inverseIdeal = new double[groups];
    int longest = 0;
    int informative = 0;
    for (int g = 0; g < groups; g++) {
      int from = offsets[g];
      int to = offsets[g + 1];
      longest = Math.max(longest, to - from);
      boolean varies = false;
      for (int r = from + 1; r < to && !varies; r++) {
        varies = labels[r] != labels[from];
      }
      if (varies) {
        // Labels vary, so at least one is > 0 and the ideal DCG is > 0.
        inverseIdeal[g] = 1.0 / Ndcg.idealDcg(labels, from, to, k);
        informative++;
      }
    }
    this.informativeGroups = informative;
    this.discounts = new double[Math.min(k, longest)];
    for (int i = 0; i < discounts.length; i++) {
      discounts[i] = Ndcg.discount(i);
    }
    this.order = new int[longest];
    this.tmp = new int[longest];
    this.expScore = new double[longest];
  }

  /** Returns the number of groups with at least two different labels. */
  int informativeGroups() {
    return informativeGroups;
  }

  /** Overwrites {@code grad} and {@code hess} with the lambdas of every row. */
  @Override
  public void compute(double[] scores, double[] grad, double[] hess) {
    java.util.Arrays.fill(grad, 0.0);
    java.util.Arrays.fill(hess, 0.0);
    for (int g = 0; g < inverseIdeal.length; g++) {
      if (inverseIdeal[g] != 0.0) {
        group(g, scores, grad, hess);
      }
    }
  }

  /** Adds the lambdas of group {@code g} to {@code grad} and {@code hess}. */
  void group(int g, double[] scores, double[] grad, double[] hess) {
    int from = offsets[g];
    int to = offsets[g + 1];
    int n = to - from;
    double inv = inverseIdeal[g];
    Ndcg.rank(scores, from, to, order, tmp);
    // rho = 1 / (1 + exp(sigma (s_hi - s_lo))) = e_lo / (e_lo + e_hi) with
    // e = exp(sigma (s - s_max)) <= 1: one exp per row instead of one per pair.
    double max = scores[order[0]];
    for (int a = 0; a < n; a++) {
      expScore[a] = Math.exp(SIGMA * (scores[order[a]] - max));
    }
    int top = Math.min(k, n);
    for (int a = 0; a < top; a++) {
      int i = order[a];
      float li = labels[i];
      double da = discounts[a];
      for (int b = a + 1; b < n; b++) {
        int j = order[b];
        float lj = labels[j];
        if (li == lj) {
          continue;
        }
        double db = b < top ? discounts[b] : 0.0;
        double delta = Math.abs((gains[i] - gains[j]) * (da - db)) * inv;
        int hi;
        int lo;
        double eHi;
        double eLo;
        if (li > lj) {
          hi = i;
          lo = j;
          eHi = expScore[a];
          eLo = expScore[b];
        } else {
          hi = j;
          lo = i;
          eHi = expScore[b];
          eLo = expScore[a];
        }
        double sum = eHi + eLo;
        double rho = sum > 0
            ? eLo / sum
            : 1.0 / (1.0 + Math.exp(SIGMA * (scores[hi] - scores[lo])));
        double lambda = SIGMA * rho * delta;
        double h = SIGMA * SIGMA * rho * (1.0 - rho) * delta;
        grad[hi] -= lambda;
        grad[lo] += lambda;
        hess[hi] += h;
        hess[lo] += h;
      }
    }
  }
}
