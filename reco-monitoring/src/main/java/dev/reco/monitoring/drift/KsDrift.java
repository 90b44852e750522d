package dev.reco.monitoring.drift;

import dev.reco.monitoring.stats.KolmogorovSmirnov;
import dev.reco.monitoring.stats.KolmogorovSmirnov.Alternative;
import dev.reco.monitoring.stats.KolmogorovSmirnov.Method;
import dev.reco.monitoring.stats.KsResult;
import java.util.List;
import java.util.Objects;

/**
 * The two-sample Kolmogorov-Smirnov test as a numeric drift test: the statistic D (the largest
 * gap between the two empirical CDFs) is both the statistic and the effect size; the p-value
 * comes from the {@link KsBackend} the test is built with. Immutable configuration.
 *
 * <p>Verdict: {@link Verdict#DRIFT} when {@code p <= alpha} and {@code D >= threshold}. A
 * location shift of {@code d} standard deviations of a normal distribution gives
 * {@code D = 2 Phi(d / 2) - 1}, about {@code 0.4 d}: the default threshold 0.1 is a shift of
 * about 0.25 sd.
 *
 * @param backend the KS computation
 * @param alpha significance level, in {@code (0, 1]}
 * @param threshold D at or above which a significant result is drift, finite and {@code >= 0}
 */
public record KsDrift(KsBackend backend, double alpha, double threshold)
    implements NumericDriftTest {

  /** Name reported in {@link DriftResult#test()}. */
  public static final String NAME = "ks";

  /** Name of the effect measure, D. */
  public static final String EFFECT = "ks-d";

  /** The default threshold on D, 0.1. */
  public static final double DEFAULT_THRESHOLD = 0.1;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public KsDrift {
    Objects.requireNonNull(backend, "backend");
    Checks.alpha(alpha);
    Checks.threshold(threshold);
  }

  /**
   * The two-sided KS computation of {@link KolmogorovSmirnov} with SciPy's {@code ks_2samp}
   * semantics (exact p-value up to 10 000 values per side, asymptotic above).
   */
  public static final KsBackend SCIPY_COMPATIBLE = KsBackend.adapting(
      (a, b) -> KolmogorovSmirnov.testSorted(a, b, Alternative.TWO_SIDED, Method.AUTO),
      KsResult::statistic, KsResult::pValue);

  /**
   * Returns a test on {@link #SCIPY_COMPATIBLE} with the default alpha 0.05 and threshold 0.1.
   *
   * @return the test
   */
  public static KsDrift defaults() {
    return using(SCIPY_COMPATIBLE);
  }

  /**
   * Returns a test with the default alpha 0.05 and threshold 0.1.
   *
   * @param backend the KS computation
   * @return the test
   */
  public static KsDrift using(KsBackend backend) {
    return new KsDrift(backend, Psi.DEFAULT_ALPHA, DEFAULT_THRESHOLD);
  }

  /**
   * Returns a copy with another significance level.
   *
   * @param value alpha, in {@code (0, 1]}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public KsDrift withAlpha(double value) {
    return new KsDrift(backend, value, threshold);
  }

  /**
   * Returns a copy with another threshold on D.
   *
   * @param value the threshold, finite and {@code >= 0}
   * @return the new configuration
   * @throws IllegalArgumentException if {@code value} is out of range
   */
  public KsDrift withThreshold(double value) {
    return new KsDrift(backend, alpha, value);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Freezes a sorted copy of the non-missing reference values.
   *
   * @param reference reference values; {@code NaN} for missing
   * @return the frozen reference
   * @throws IllegalArgumentException if {@code reference} holds an infinite value
   */
  @Override
  public NumericReference freeze(double[] reference) {
    double[] sorted = Checks.sortedPresent("reference", reference);
    long missing = reference.length - sorted.length;
    return new NumericReference() {
      @Override
      public DriftResult test(double[] current) {
        double[] cur = Checks.sortedPresent("current", current);
        long curMissing = current.length - cur.length;
        if (sorted.length == 0 || cur.length == 0) {
          return DriftResult.notTested(NAME, EFFECT, alpha, threshold, sorted.length,
              cur.length, missing, curMissing);
        }
        KsOutcome outcome = Objects.requireNonNull(backend.twoSided(sorted, cur), "outcome");
        double d = outcome.statistic();
        double p = outcome.pValue();
        return new DriftResult(NAME, d, p, EFFECT, d, alpha, threshold,
            Verdict.decide(p, alpha, d, threshold), sorted.length, cur.length, missing,
            curMissing, List.of());
      }

      @Override
      public long count() {
        return sorted.length;
      }

      @Override
      public long missing() {
        return missing;
      }
    };
  }
}
