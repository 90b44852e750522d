package dev.reco.core.tracking;

import dev.reco.core.store.Names;
import java.time.Instant;
import java.util.Objects;

/**
 * One logged value of a metric: the metric's name, the step it belongs to (an iteration, an
 * epoch, a number of examples seen), the value and when it was logged. Immutable.
 *
 * @param name the metric name; 1 to 128 characters from {@code A-Z a-z 0-9 . _ -}, starting with
 *     a letter or digit, not ending with {@code '.'}
 * @param step the step, {@code >= 0}
 * @param value the value; any double, NaN and infinities included (a diverged loss is worth
 *     recording)
 * @param timestamp when it was logged, from the tracker's clock
 */
public record MetricPoint(String name, long step, double value, Instant timestamp) {
  /**
   * Validates the fields.
   *
   * @throws NullPointerException if {@code name} or {@code timestamp} is null
   * @throws IllegalArgumentException if the name is invalid or {@code step < 0}
   */
  public MetricPoint {
    Names.key("metric name", name);
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + "; expected step >= 0");
    }
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * Compares values bit for bit, so that two points with a NaN value are equal.
   *
   * @param o another object
   * @return whether {@code o} is a point with the same fields
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MetricPoint p && p.name.equals(name) && p.step == step
        && Double.doubleToLongBits(p.value) == Double.doubleToLongBits(value)
        && p.timestamp.equals(timestamp);
  }

  /**
   * Hashes the fields consistently with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(name, step, Double.doubleToLongBits(value), timestamp);
  }
}
