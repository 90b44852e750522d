package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * Population stability index with frozen bins, an explicit epsilon policy, per-bin
 * contributions and a sample-size-aware significance test. Immutable configuration; a test for
 * numeric columns (bins frozen from the reference by {@link #bins()}) and for categorical ones
 * (one bin per reference category, plus the pooled unseen bin).
 *
 * <h2>Statistic</h2>
 *
 * <p>With reference counts {@code r_j} ({@code n} in all), current counts {@code c_j}
 * ({@code m} in all) over {@code B} bins, the shares {@code p_j = r_j / n} and
 * {@code q_j = c_j / m} are smoothed by the epsilon policy
 *
 * <pre>
 *   p'_j = (p_j + eps) / (1 + B eps),   q'_j = (q_j + eps) / (1 + B eps)
 * </pre>
 *
 * <p>(every bin, empty or not; both stay distributions) and
 * {@code PSI = sum_j (q'_j - p'_j) ln(q'_j / p'_j)}. Each term is {@code >= 0}, so
 * {@code PSI >= 0}, with 0 exactly when the shares agree. PSI is the symmetrised
 * Kullback-Leibler (Jeffreys) divergence {@code KL(q'||p') + KL(p'||q')}.
 *
 * <h2>Significance</h2>
 *
 * <p>Under no drift PSI is not near 0 for small samples: its mean is about
 * {@code (B - 1)(1/n + 1/m)}, 0.18 for {@code B = 10, n = m = 100}, so the 0.1 band alone would
 * flag most such comparisons. Expanding each term around the midpoint {@code mu = (p + q) / 2}
 * gives {@code (q - p) ln(q / p) = (q - p)^2 / mu + O((q - p)^4 / mu^3)}, so PSI is, to fourth
 * order, the two-sample Pearson statistic divided by the effective sample size, and
 * {@code PSI * n m / (n + m) ~ chi-square(B' - 1)} under no drift, {@code B'} counting the bins
 * that hold a value on either side. Quantile bins frozen from the reference keep this law: the
 * reference's randomness moves into the bins' true probabilities, and the current shares still
 * vary by {@code pi (1 - pi)(1/n + 1/m)} per bin.
 *
 * <p>The fixed epsilon is the wrong smoothing for that approximation: a bin that happens to be
 * empty on one side adds {@code share * ln(share / eps)}, which at {@code n = m = 50} with 10 bins
 * makes a quarter of no-drift comparisons "significant". The test therefore evaluates the same
 * formula on shares smoothed by half a pseudo-count per bin (Jeffreys' prior),
 * {@code p''_j = (r_j + 1/2) / (n + B'/2)}, {@code q''_j = (c_j + 1/2) / (m + B'/2)}: a
 * sample-size-aware epsilon of about {@code 1 / (2n)} that vanishes as samples grow, so the
 * asymptotic law is unchanged. The p-value is {@code P(chi-square(B' - 1) >= PSI'' n m / (n + m))};
 * in seeded null simulations its false-alarm rate stays at or below alpha, up to simulation noise,
 * from {@code n = m = 30} on. {@code docs/drift-tests.md} has the derivation and the simulations.
 *
 * <h2>Verdict</h2>
 *
 * <p>{@link Verdict#DRIFT} when {@code p <= alpha} and {@code PSI >= threshold}. Setting
 * {@code alpha = 1} gives the plain band rule {@code PSI >= threshold}. {@link PsiBand} names the
 * customary bands.
 *
 * @param bins how numeric bins are frozen from the reference (ignored for categories)
 * @param epsilon smoothing added to every share, in {@code (0, 0.1]}
 * @param alpha significance level, in {@code (0, 1]}
 * @param threshold PSI at or above which a significant result is drift, finite and {@code >= 0}
 */
public record Psi(BinSpec bins, double epsilon, double alpha, double threshold)
    implements BinnedDriftTest {

  /** Name reported in {@link DriftResult#test()}. */
  public static final String NAME = "psi";

  /** The default epsilon, 1e-4. */
  public static final double DEFAULT_EPSILON = 1e-4;

  /** The default significance level, 0.05. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** The default threshold, 0.1 (the start of the moderate band). */
  public static final double DEFAULT_THRESHOLD = PsiBand.MODERATE_FROM;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public Psi {
    Objects.requireNonNull(bins, "bins");
    if (!(epsilon > 0.0 && epsilon <= 0.1)) {
      throw new IllegalArgumentException("epsilon = " + epsilon + "; expected 0 < epsilon <= 0.1");
    }
    Checks.alpha(alpha);
    Checks.threshold(threshold);
  }

  /**
   * Returns the defaults: 10 quantile bins, epsilon 1e-4, alpha 0.05, threshold 0.1.
   *
   * @return the default configuration
   */
  public static Psi defaults() {
    return new Psi(BinSpec.quantiles(BinSpec.DEFAULT_BINS), DEFAULT_EPSILON, DEFAULT_ALPHA,
        DEFAULT_THRESHOLD);
  }

  /**
   * Returns a copy with other bins.
   *
   * @param spec the bin spec
   * @return the new configuration
   */
  public Psi withBins(BinSpec spec) {
    return new Psi(spec, epsilon, alpha, threshold);
  }

  /**
   * Returns a copy with another epsilon.
   *
   * @param value epsilon, in {@code (0, 0.1]}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public Psi withEpsilon(double value) {
    return new Psi(bins, value, alpha, threshold);
  }

  /**
   * Returns a copy with another significance level.
   *
   * @param value alpha, in {@code (0, 1]}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public Psi withAlpha(double value) {
    return new Psi(bins, epsilon, value, threshold);
  }

  /**
   * Returns a copy with another PSI threshold.
   *
   * @param value the threshold, finite and {@code >= 0}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public Psi withThreshold(double value) {
    return new Psi(bins, epsilon, alpha, value);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Computes PSI from counts in frozen bins.
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

  private DriftResult compute(Table t) {
    if (!t.testable()) {
      return t.notTested(NAME, NAME, alpha, threshold);
    }
    int k = t.bins();
    double[] contributions = new double[k];
    double psi = value(t.ref, t.cur, epsilon, contributions);
    double p = t.homogeneityPValue();
    return new DriftResult(NAME, psi, p, NAME, psi, alpha, threshold,
        Verdict.decide(p, alpha, psi, threshold), t.n, t.m, t.refMissing, t.curMissing,
        t.details(contributions));
  }

  /**
   * PSI of two aligned count vectors with the epsilon policy; fills per-bin terms.
   *
   * @param ref reference counts, not all 0
   * @param cur current counts, not all 0
   */
  static double value(long[] ref, long[] cur, double epsilon, double[] contributions) {
    long n = 0;
    long m = 0;
    for (int j = 0; j < ref.length; j++) {
      n += ref[j];
      m += cur[j];
    }
    double norm = 1.0 + ref.length * epsilon;
    double psi = 0.0;
    for (int j = 0; j < ref.length; j++) {
      double p = ((double) ref[j] / n + epsilon) / norm;
      double q = ((double) cur[j] / m + epsilon) / norm;
      double term = (q - p) * Math.log(q / p);
      contributions[j] = term;
      psi += term;
    }
    return psi;
  }
}
