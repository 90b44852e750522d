package dev.reco.monitoring.drift;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The two-sample Kolmogorov-Smirnov computation {@link KsDrift} delegates to: the extension point
 * through which a KS implementation (statistic D and p-value, two-sided) plugs into the drift
 * tests. Implementations must be thread-safe and must not modify the arrays.
 *
 * <p>{@link #adapting} wraps a KS implementation that returns its own result type, so that an
 * implementation plugs in with one expression, for example
 * {@code KsBackend.adapting((a, b) -> KolmogorovSmirnov.test(a, b, TWO_SIDED, AUTO),
 * KsResult::statistic, KsResult::pValue)}.
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

  /**
   * Adapts a two-sided KS implementation with its own result type.
   *
   * @param <R> the implementation's result type
   * @param test runs the two-sided test on (reference, current); must not modify the arrays
   * @param statistic reads D from a result
   * @param pValue reads the p-value from a result ({@code NaN} if there is none)
   * @return the backend
   * @throws NullPointerException if an argument is null (and, when the backend runs, if
   *     {@code test} returns null)
   */
  static <R> KsBackend adapting(BiFunction<double[], double[], ? extends R> test,
      ToDoubleFunction<? super R> statistic, ToDoubleFunction<? super R> pValue) {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(pValue, "pValue");
    return (reference, current) -> {
      R result = Objects.requireNonNull(test.apply(reference, current), "KS result");
      return new KsOutcome(statistic.applyAsDouble(result), pValue.applyAsDouble(result));
    };
  }
}
