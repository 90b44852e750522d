package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * Pearson's chi-square test of homogeneity on the 2 x K table of reference and current counts,
 * with Cramér's V as its effect size. Immutable configuration; a test for categorical columns and,
 * through frozen bins, numeric ones.
 *
 * <p>Columns of the table are the bins (or categories, plus the pooled unseen bin) holding a
 * value on either side; {@code K'} of them. With row totals {@code n}, {@code m},
 * {@code N = n + m} and column totals {@code t_j}, the expected counts are
 * {@code E = n t_j / N} and {@code m t_j / N}, and
 *
 * <pre>
 *   X^2 = sum over both rows and all columns of (O - E)^2 / E,   df = K' - 1,
 *   p = P(chi-square(df) >= X^2),   V = sqrt(X^2 / N)
 * </pre>
 *
 * <p>(Cramér's V for a 2-row table, where {@code min(2, K') - 1 = 1}). No Yates continuity
 * correction is applied, also not to 2 x 2 tables: this is SciPy's
 * {@code chi2_contingency(table, correction=False)}. A table with one column has
 * {@code X^2 = 0}, {@code p = 1}, {@code V = 0}. The chi-square approximation wants expected
 * counts of about 5 or more; with many sparse categories prefer {@link JensenShannon} at large
 * samples or merge rare categories.
 *
 * <p>Verdict: {@link Verdict#DRIFT} when {@code p <= alpha} and {@code V >= threshold}.
 *
 * @param bins how numeric bins are frozen from the reference (ignored for categories)
 * @param alpha significance level, in {@code (0, 1]}
 * @param threshold Cramér's V at or above which a significant result is drift, finite and
 *     {@code >= 0}
 */
public record ChiSquare(BinSpec bins, double alpha, double threshold)
    implements BinnedDriftTest {

  /** Name reported in {@link DriftResult#test()}. */
  public static final String NAME = "chi-square";

  /** Name of the effect measure, Cramér's V. */
  public static final String EFFECT = "cramers-v";

  /** The default threshold on Cramér's V, 0.1 (Cohen's "small" effect). */
  public static final double DEFAULT_THRESHOLD = 0.1;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public ChiSquare {
    Objects.requireNonNull(bins, "bins");
    Checks.alpha(alpha);
    Checks.threshold(threshold);
  }

  /**
   * Returns the defaults: 10 quantile bins, alpha 0.05, Cramér's V threshold 0.1.
   *
   * @return the default configuration
   */
  public static ChiSquare defaults() {
    return new ChiSquare(BinSpec.quantiles(BinSpec.DEFAULT_BINS), Psi.DEFAULT_ALPHA,
        DEFAULT_THRESHOLD);
  }

  /**
   * Returns a copy with other bins.
   *
   * @param spec the bin spec
   * @return the new configuration
   */
  public ChiSquare withBins(BinSpec spec) {
    return new ChiSquare(spec, alpha, threshold);
  }

  /**
   * Returns a copy with another significance level.
   *
   * @param value alpha, in {@code (0, 1]}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public ChiSquare withAlpha(double value) {
    return new ChiSquare(bins, value, threshold);
  }

  /**
   * Returns a copy with another threshold on Cramér's V.
   *
   * @param value the threshold, finite and {@code >= 0}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public ChiSquare withThreshold(double value) {
    return new ChiSquare(bins, alpha, value);
  }

  @Override
  public String name() {
    return NAME;
  }


  /**
   * Runs the test on counts in frozen bins.
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
      return t.notTested(NAME, EFFECT, alpha, threshold);
    }
    int k = t.bins();
    double total = (double) t.n + (double) t.m;
    double[] contributions = new double[k];
    double x2 = 0.0;
    for (int j = 0; j < k; j++) {
      double column = (double) t.ref[j] + (double) t.cur[j];
      if (column == 0) {
        continue;
      }
      double expectedRef = t.n * column / total;
      double expectedCur = t.m * column / total;
      double dr = t.ref[j] - expectedRef;
      double dc = t.cur[j] - expectedCur;
      double c = dr * dr / expectedRef + dc * dc / expectedCur;
      contributions[j] = c;
      x2 += c;
    }
    int df = t.occupied() - 1;
    double p;
    double v;
    if (df <= 0) {
      x2 = 0.0;
      p = 1.0;
      v = 0.0;
    } else {
      p = Table.chiSquareSurvival(x2, df);
      v = Math.sqrt(x2 / total);
    }
    return new DriftResult(NAME, x2, p, EFFECT, v, alpha, threshold,
        Verdict.decide(p, alpha, v, threshold), t.n, t.m, t.refMissing, t.curMissing,
        t.details(contributions));
  }
}
