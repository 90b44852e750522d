package dev.reco.core.eval;

import java.util.Objects;

/**
 * Averages per-user metric values so that the result is bit-identical whatever the order of
 * additions and however the work was split: the sum is exact and rounded once (see
 * {@code docs/metrics.md}, "Aggregation"), then divided by the count.
 *
 * <p>An evaluator may therefore give each worker its own accumulator, {@link #merge} them in any
 * order, and still report the same number as a single-threaded run. Values must be finite: an
 * undefined per-user value (for example a user without relevant items) is never added; such users
 * are left out by the caller, and {@link #count()} says how many users an average covers.
 *
 * <p>Single writer: one thread adds at a time; not thread-safe. About 64 bytes plus 8 bytes per
 * partial (a handful in practice).
 */
public final class MeanAccumulator {
  private final ExactSum sum = new ExactSum();
  private long count;

  /** Creates an empty accumulator. */
  public MeanAccumulator() {}

  /**
   * Adds one value.
   *
   * @param value a finite value
   * @return this accumulator
   * @throws IllegalArgumentException if the value is NaN or infinite
   * @throws ArithmeticException if the running sum would overflow the double range
   */
  public MeanAccumulator add(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value = " + value
          + "; expected a finite value (leave users with an undefined value out of the average)");
    }
    sum.add(value);
    count++;
    return this;
  }

  /**
   * Adds every value of an array, in index order (the order does not change the result).
   *
   * @param values finite values
   * @return this accumulator
   * @throws IllegalArgumentException if a value is NaN or infinite; nothing is added then
   */
  public MeanAccumulator addAll(double[] values) {
    Objects.requireNonNull(values, "values");
    Checks.finite("values", values);
    for (double v : values) {
      sum.add(v);
    }
    count += values.length;
    return this;
  }

  /**
   * Adds everything another accumulator holds; {@code other} is unchanged.
   *
   * @param other another accumulator (may be this one, which doubles it)
   * @return this accumulator
   */
  public MeanAccumulator merge(MeanAccumulator other) {
    Objects.requireNonNull(other, "other");
    long otherCount = other.count;
    sum.addAll(other.sum);
    count += otherCount;
    return this;
  }

  /** Returns the number of values added. */
  public long count() {
    return count;
  }

  /** Returns the exactly rounded sum of the values added ({@code 0.0} when empty). */
  public double sum() {
    return sum.value();
  }

  /**
   * Returns the mean of the values added: the exactly rounded sum divided by the count.
   *
   * @return the mean
   * @throws IllegalStateException if no value was added
   */
  public double mean() {
    if (count == 0) {
      throw new IllegalStateException("no values added; expected at least one value to average");
    }
    return sum.value() / count;
  }

  /**
   * Returns the mean of an array, computed as by an accumulator: independent of element order.
   *
   * @param values finite values, at least one
   * @return the mean
   * @throws IllegalArgumentException if the array is empty or holds NaN or an infinity
   */
  public static double mean(double[] values) {
    Objects.requireNonNull(values, "values");
    Checks.nonEmpty("values", values.length);
    return new MeanAccumulator().addAll(values).mean();
  }

  @Override
  public String toString() {
    return count == 0 ? "MeanAccumulator[count=0]"
        : "MeanAccumulator[count=" + count + ", mean=" + mean() + "]";
  }
}
