package dev.reco.core.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The offline comparison of two recommenders A and B on the same users: per-user differences
 * {@code d_i = a_i - b_i} of one metric, their mean, a paired-bootstrap confidence interval, a
 * paired t-test and, optionally, a sign-flip permutation test. Build one with
 * {@link #compare(double[], double[], ComparisonConfig)}; immutable.
 *
 * <ul>
 *   <li><b>Interval</b>: paired bootstrap, percentile method. Resample {@code r} draws {@code n}
 *       user indices uniformly with replacement and records the mean of their differences; the
 *       interval is the {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of those
 *       means, interpolated linearly between order statistics (numpy's default "linear"
 *       quantile: position {@code (B - 1) * q}).
 *   <li><b>t-test</b>: {@code t = mean(d) / (sd(d) / sqrt(n))} with the {@code n - 1}
 *       denominator in {@code sd}, {@code df = n - 1}, two-sided
 *       {@code p = P(|T_df| >= |t|)} (scipy's {@code ttest_rel}). When every difference is 0,
 *       {@code t = 0} and {@code p = 1}; when all differences are equal and non-zero,
 *       {@code t = ±Infinity} and {@code p = 0}.
 *   <li><b>Permutation</b>: under "A and B are exchangeable" each difference is equally likely
 *       to have either sign. Resample {@code r} flips each sign with probability 1/2; the p-value
 *       is {@code (1 + #{|sum of flipped d| >= |sum of d|}) / (1 + M)} for {@code M} resamples
 *       (never 0; Phipson &amp; Smyth 2010), ties within a relative 1e-12 counting as "at least
 *       as extreme". {@code NaN} when the test was not run.
 * </ul>
 *
 * <p>Resample {@code r} draws from its own {@code SplittableRandom} seeded by mixing
 * {@code (seed, r)}, so results depend on the seed and the inputs only.
 *
 * @param n number of users (pairs)
 * @param meanA mean of A's values
 * @param meanB mean of B's values
 * @param meanDifference mean of {@code a_i - b_i}
 * @param standardDeviation sample standard deviation of the differences ({@code n - 1})
 * @param ciLower lower end of the bootstrap interval of the mean difference
 * @param ciUpper upper end of the bootstrap interval of the mean difference
 * @param tStatistic paired t statistic
 * @param degreesOfFreedom {@code n - 1}
 * @param pValue two-sided paired t-test p-value
 * @param permutationPValue sign-flip permutation p-value, or {@code NaN} when not run
 * @param config the settings used
 * @param differences per-user differences {@code a_i - b_i} (copied in and out)
 */
public record PairedComparison(
    int n,
    double meanA,
    double meanB,
    double meanDifference,
    double standardDeviation,
    double ciLower,
    double ciUpper,
    double tStatistic,
    int degreesOfFreedom,
    double pValue,
    double permutationPValue,
    ComparisonConfig config,
    double[] differences) {

  private static final long BOOTSTRAP_STREAM = 0x6A09E667F3BCC909L;
  private static final long PERMUTATION_STREAM = 0xBB67AE8584CAA73BL;

  /**
   * Checks consistency and copies {@code differences}.
   *
   * @throws IllegalArgumentException if {@code n} differs from the number of differences or the
   *     interval is reversed
   */
  public PairedComparison {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(differences, "differences");
    if (n != differences.length) {
      throw new IllegalArgumentException("n = " + n + " with differences.length = "
          + differences.length + "; expected equal");
    }
    if (!(ciLower <= ciUpper)) {
      throw new IllegalArgumentException(
          "ciLower = " + ciLower + ", ciUpper = " + ciUpper + "; expected ciLower <= ciUpper");
    }
    differences = differences.clone();
  }

  /**
   * Compares two aligned per-user metric arrays ({@code a[i]} and {@code b[i]} belong to the same
   * user).
   *
   * @param a per-user values of recommender A, finite
   * @param b per-user values of recommender B, finite, aligned with {@code a}
   * @param config resamples, confidence level and seed
   * @return the comparison of A minus B
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 2 users, or
   *     hold a non-finite value
   */
  public static PairedComparison compare(double[] a, double[] b, ComparisonConfig config) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(config, "config");
    Checks.sameLength("a", a.length, "b", b.length);
    if (a.length < 2) {
      throw new IllegalArgumentException(
          "a.length = " + a.length + "; expected at least 2 users to compare");
    }
    Checks.finite("a", a);
    Checks.finite("b", b);
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
    }
    Checks.finite("a - b", d);
    double meanA = MeanAccumulator.mean(a);
    double meanB = MeanAccumulator.mean(b);
    double mean = MeanAccumulator.mean(d);
    ExactSum squares = new ExactSum();
    for (double x : d) {
      double c = x - mean;
      squares.add(c * c);
    }
    double sd = Math.sqrt(squares.value() / (n - 1));
    int df = n - 1;
    double t;
    double p;
    if (sd == 0.0) {
      t = mean == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
      p = mean == 0.0 ? 1.0 : 0.0;
    } else {
      t = mean / (sd / Math.sqrt(n));
      p = SpecialFunctions.studentTTwoSided(t, df);
    }
    double[] bounds = bootstrap(d, config);
    double permutationP = config.permutationResamples() == 0 ? Double.NaN : signFlip(d, config);
    return new PairedComparison(n, meanA, meanB, mean, sd, bounds[0], bounds[1], t, df, p,
        permutationP, config, d);
  }

  private static double[] bootstrap(double[] d, ComparisonConfig config) {
    int n = d.length;
    int resamples = config.bootstrapResamples();
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      SplittableRandom random = new SplittableRandom(streamSeed(config.seed(), BOOTSTRAP_STREAM, r));
      double sum = 0.0;
      double compensation = 0.0; // Neumaier
      for (int j = 0; j < n; j++) {
        double x = d[random.nextInt(n)];
        double s = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - s) + x : (x - s) + sum;
        sum = s;
      }
      means[r] = (sum + compensation) / n;
    }
    Arrays.sort(means);
    double alpha = 1.0 - config.confidenceLevel();
    return new double[] {quantile(means, alpha / 2.0), quantile(means, 1.0 - alpha / 2.0)};
  }

  /** Linear interpolation between order statistics at position {@code (m - 1) * q}. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double fraction = h - lo;
    return sorted[lo] + fraction * (sorted[hi] - sorted[lo]);
  }

  private static double signFlip(double[] d, ComparisonConfig config) {
    int n = d.length;
    double observed = 0.0;
    for (double x : d) {
      observed += x;
    }
    double threshold = Math.abs(observed) * (1.0 - 1e-12);
    int resamples = config.permutationResamples();
    long extreme = 0;
    for (int r = 0; r < resamples; r++) {
      SplittableRandom random =
          new SplittableRandom(streamSeed(config.seed(), PERMUTATION_STREAM, r));
      double sum = 0.0;
      long bits = 0;
      for (int j = 0; j < n; j++) {
        if ((j & 63) == 0) {
          bits = random.nextLong();
        }
        sum += (bits & 1L) == 0 ? d[j] : -d[j];
        bits >>>= 1;
      }
      if (Math.abs(sum) >= threshold) {
        extreme++;
      }
    }
    return (1.0 + extreme) / (1.0 + resamples);
  }

  /** Derives the seed of resample {@code r} of a stream from the user's seed (SplitMix64 mix). */
  static long streamSeed(long seed, long stream, int r) {
    long z = seed + stream + (r + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns a copy of the per-user differences {@code a_i - b_i}. */
  @Override
  public double[] differences() {
    return differences.clone();
  }

  /** Returns whether the interval excludes 0, i.e. the bootstrap finds a difference. */
  public boolean intervalExcludesZero() {
    return ciLower > 0.0 || ciUpper < 0.0;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PairedComparison)) {
      return false;
    }
    PairedComparison c = (PairedComparison) o;
    return n == c.n && degreesOfFreedom == c.degreesOfFreedom
        && Double.compare(meanA, c.meanA) == 0 && Double.compare(meanB, c.meanB) == 0
        && Double.compare(meanDifference, c.meanDifference) == 0
        && Double.compare(standardDeviation, c.standardDeviation) == 0
        && Double.compare(ciLower, c.ciLower) == 0 && Double.compare(ciUpper, c.ciUpper) == 0
        && Double.compare(tStatistic, c.tStatistic) == 0 && Double.compare(pValue, c.pValue) == 0
        && Double.compare(permutationPValue, c.permutationPValue) == 0
        && config.equals(c.config) && Arrays.equals(differences, c.differences);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(n, meanA, meanB, meanDifference, standardDeviation, ciLower, ciUpper,
        tStatistic, degreesOfFreedom, pValue, permutationPValue, config);
    return 31 * h + Arrays.hashCode(differences);
  }

  /**
   * Returns a one-line summary, e.g. {@code PairedComparison[n=5000, mean a=0.3120, mean
   * b=0.3010, a-b=+0.01100, 95% CI [+0.00420, +0.01780] (paired bootstrap, percentile, 2000
   * resamples, seed 42), t=3.120 (df=4999), p=0.001823]}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PairedComparison[");
    sb.append(String.format(Locale.ROOT,
        "n=%d, mean a=%.6g, mean b=%.6g, a-b=%+.6g, %s CI [%+.6g, %+.6g] (paired bootstrap, "
            + "percentile, %d resamples, seed %d), t=%.4g (df=%d), p=%.4g",
        n, meanA, meanB, meanDifference, percent(config.confidenceLevel()), ciLower, ciUpper,
        config.bootstrapResamples(), config.seed(), tStatistic, degreesOfFreedom, pValue));
    if (!Double.isNaN(permutationPValue)) {
      sb.append(String.format(Locale.ROOT, ", sign-flip p=%.4g (%d resamples)",
          permutationPValue, config.permutationResamples()));
    }
    return sb.append(']').toString();
  }

  private static String percent(double level) {
    double pct = level * 100.0;
    return pct == Math.rint(pct) ? String.format(Locale.ROOT, "%d%%", (long) pct)
        : String.format(Locale.ROOT, "%s%%", Double.toString(pct));
  }
}
