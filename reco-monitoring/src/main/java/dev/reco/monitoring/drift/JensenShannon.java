package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * Jensen-Shannon distance (base 2, in {@code [0, 1]}) between the reference and current shares,
 * with a chi-square significance test beside it. Immutable configuration; a test for categorical
 * columns and, through frozen bins, numeric ones.
 *
 * <p>With shares {@code p_j = r_j / n}, {@code q_j = c_j / m} and their midpoint
 * {@code mu_j = (p_j + q_j) / 2},
 *
 * <pre>
 *   JSD = (KL(p || mu) + KL(q || mu)) / 2 / ln 2        (bits; 0 ln 0 = 0, no smoothing)
 *   distance = sqrt(JSD)
 * </pre>
 *
 * <p>which is {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}; the distance is
 * clamped to {@code [0, 1]} against rounding. Unlike PSI, it needs no epsilon: empty bins
 * contribute 0, and a bin empty on one side contributes at most {@code share / 2} bits.
 *
 * <p>Significance: {@code JSD (nats) = (1/8) sum_j (p_j - q_j)^2 / mu_j + O(|p - q|^3)}, so
 * {@code 8 ln 2 * JSD * n m / (n + m)} is approximately Pearson's two-sample statistic and, under
 * no drift, approximately {@code chi-square(B' - 1)}. For {@code n = m} it is exactly the
 * likelihood-ratio (G) statistic of homogeneity, which is liberal in sparse tables (30 categories,
 * {@code n = m = 100}: 14% false alarms at alpha = 0.05). The reported p-value is therefore the
 * homogeneity test that {@link Psi} reports, the Jeffreys divergence of half-pseudo-count-smoothed
 * shares referred to {@code chi-square(B' - 1)}, whose false-alarm rate stayed at or below alpha
 * (up to simulation noise) in every configuration simulated in {@code docs/drift-tests.md}. With
 * many categories and few rows the distance of two samples from one distribution is far from 0;
 * the p-value keeps that from being called drift.
 *
 * <p>Verdict: {@link Verdict#DRIFT} when {@code p <= alpha} and {@code distance >= threshold}.
 *
 * @param bins how numeric bins are frozen from the reference (ignored for categories)
 * @param alpha significance level, in {@code (0, 1]}
 * @param threshold distance at or above which a significant result is drift, finite and
 *     {@code >= 0}
 */
public record JensenShannon(BinSpec bins, double alpha, double threshold)
    implements BinnedDriftTest {

  /** Name reported in {@link DriftResult#test()}. */
  public static final String NAME = "jensen-shannon";

  /** Name of the effect measure, the distance itself. */
  public static final String EFFECT = "js-distance";

  /** The default threshold on the distance, 0.1. */
  public static final double DEFAULT_THRESHOLD = 0.1;

  private static final double LN2 = Math.log(2.0);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public JensenShannon {
    Objects.requireNonNull(bins, "bins");
    Checks.alpha(alpha);
    Checks.threshold(threshold);
  }

  /**
   * Returns the defaults: 10 quantile bins, alpha 0.05, distance threshold 0.1.
   *
   * @return the default configuration
   */
  public static JensenShannon defaults() {
    return new JensenShannon(BinSpec.quantiles(BinSpec.DEFAULT_BINS), Psi.DEFAULT_ALPHA,
        DEFAULT_THRESHOLD);
  }

  /**
   * Returns a copy with other bins.
   *
   * @param spec the bin spec
   * @return the new configuration
   */
  public JensenShannon withBins(BinSpec spec) {
    return new JensenShannon(spec, alpha, threshold);
  }

  /**
   * Returns a copy with another significance level.
   *
   * @param value alpha, in {@code (0, 1]}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public JensenShannon withAlpha(double value) {
    return new JensenShannon(bins, value, threshold);
  }

  /**
   * Returns a copy with another distance threshold.
   *
   * @param value the threshold, finite and {@code >= 0}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public JensenShannon withThreshold(double value) {
    return new JensenShannon(bins, alpha, value);
  }

  @Override
  public String name() {
    return NAME;
  }


  /**
   * Computes the distance and its p-value from counts in frozen bins.
   *
   * @param binning the frozen bins, for the bin labels
   * @param reference reference counts in those bins
   * @param current current counts in those bins
   * @return the result, with one {@link BinDetail} per bin
   * @throws IllegalArgumentException if the counts do not have {@code binning.bins()} bins
   */
  @Override
  public DriftResult compare(Binning binning, BinCounts reference, BinCounts current) {
    return compute(Table.of(binning, reference, current));
  }

  @Override
  public DriftResult test(CategoryCounts reference, CategoryCounts current) {
    return compute(Table.of(reference, current));
  }

  /**
   * Jensen-Shannon distance, base 2, between two non-negative weight vectors (normalised to
   * shares first, as SciPy does).
   *
   * @param p weights of the first distribution, {@code >= 0}, not all 0
   * @param q weights of the second, same length, {@code >= 0}, not all 0
   * @return the distance, in {@code [0, 1]}
   * @throws IllegalArgumentException if the lengths differ, a weight is negative or not finite,
   *     or a vector sums to 0
   */
  public static double distance(double[] p, double[] q) {
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(q, "q");
    if (p.length != q.length) {
      throw new IllegalArgumentException("p.length = " + p.length + " with q.length = "
          + q.length + "; expected equal lengths");
    }
    double sp = weightSum("p", p);
    double sq = weightSum("q", q);
    double js = 0.0;
    for (int j = 0; j < p.length; j++) {
      js += term(p[j] / sp, q[j] / sq);
    }
    return Math.sqrt(Math.min(1.0, Math.max(0.0, js)));
  }

  private static double weightSum(String name, double[] w) {
    double s = 0.0;
    for (int j = 0; j < w.length; j++) {
      if (!(w[j] >= 0.0) || Double.isInfinite(w[j])) {
        throw new IllegalArgumentException(
            name + "[" + j + "] = " + w[j] + "; expected a finite weight >= 0");
      }
      s += w[j];
    }
    if (!(s > 0.0)) {
      throw new IllegalArgumentException(name + " sums to " + s + "; expected a positive sum");
    }
    return s;
  }

  /** One bin's term of the divergence in bits: {@code (p ln(p/mu) + q ln(q/mu)) / 2 / ln 2}. */
  private static double term(double p, double q) {
    double mu = (p + q) / 2.0;
    double left = p > 0.0 ? p * Math.log(p / mu) : 0.0;
    double right = q > 0.0 ? q * Math.log(q / mu) : 0.0;
    return (left + right) / 2.0 / LN2;
  }

  private DriftResult compute(Table t) {
    if (!t.testable()) {
      return t.notTested(NAME, EFFECT, alpha, threshold);
    }
    int k = t.bins();
    double[] contributions = new double[k];
    double js = 0.0;
    for (int j = 0; j < k; j++) {
      double c = term((double) t.ref[j] / t.n, (double) t.cur[j] / t.m);
      contributions[j] = c;
      js += c;
    }
    js = Math.min(1.0, Math.max(0.0, js));
    double distance = Math.sqrt(js);
    double p = t.homogeneityPValue();
    return new DriftResult(NAME, distance, p, EFFECT, distance, alpha, threshold,
        Verdict.decide(p, alpha, distance, threshold), t.n, t.m, t.refMissing, t.curMissing,
        t.details(contributions));
  }
}
