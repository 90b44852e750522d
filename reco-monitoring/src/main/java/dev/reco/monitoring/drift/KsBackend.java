package dev.reco.monitoring.drift;

/**
 * The two-sample Kolmogorov-Smirnov computation {@link KsDrift} delegates to: the extension point
 * through which a KS implementation (statistic D and p-value, two-sided) plugs into the drift
 * tests. Implementations must be thread-safe and must not modify the arrays.
 */
@FunctionalInterface
public interface KsBackend {

  /**
   * Runs a two-sided two-sample KS test.
   *
   * @param reference non-missing reference values, sorted ascending, at least one
   * @param current non-missing current values, sorted ascending, at least one
   * @return D and its p-value
   */
  KsOutcome twoSided(double[] reference, double[] current);
}
