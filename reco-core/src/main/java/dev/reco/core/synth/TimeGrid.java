package dev.reco.core.synth;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The event intensity over the period, piecewise constant per UTC calendar day: weekdays weigh
 * 1, Saturdays and Sundays {@code weekendFactor}. Maps a quantile {@code q} in {@code [0, 1)} of
 * the normalized intensity to a time (inverse of the cumulative intensity), so sorted uniform
 * quantiles become a time-ordered stream whose daily counts follow the weekly pattern.
 *
 * <p>Segments run from {@code start} to the next UTC midnight, then day by day, the last one
 * ending at the exclusive {@code end}. Immutable; a caller streaming increasing quantiles keeps
 * its own segment cursor so the whole stream costs O(events + days).
 */
final class TimeGrid {
  private static final long DAY_MILLIS = 86_400_000L;

  private final long[] bounds; // segment s covers [bounds[s], bounds[s + 1])
  private final double[] intensity; // per segment
  private final double[] mass; // mass[s] = integral of intensity before segment s
  private final double totalMass;

  TimeGrid(long startMillis, long endMillis, double weekendFactor) {
    long firstMidnight = Math.floorDiv(startMillis, DAY_MILLIS) * DAY_MILLIS + DAY_MILLIS;
    int segments = 1;
    if (endMillis > firstMidnight) {
      segments += (int) ((endMillis - firstMidnight + DAY_MILLIS - 1) / DAY_MILLIS);
    }
    bounds = new long[segments + 1];
    intensity = new double[segments];
    mass = new double[segments + 1];
    bounds[0] = startMillis;
    for (int s = 1; s < segments; s++) {
      bounds[s] = firstMidnight + (s - 1) * DAY_MILLIS;
    }
    bounds[segments] = endMillis;
    for (int s = 0; s < segments; s++) {
      DayOfWeek day = LocalDate.ofInstant(Instant.ofEpochMilli(bounds[s]), ZoneOffset.UTC)
          .getDayOfWeek();
      boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
      intensity[s] = weekend ? weekendFactor : 1.0;
      mass[s + 1] = mass[s] + (bounds[s + 1] - bounds[s]) * intensity[s];
    }
    totalMass = mass[segments];
  }

  /** Returns the number of day segments. */
  int segments() {
    return intensity.length;
  }

  /**
   * Returns the segment holding quantile {@code q}, searching forward from {@code from}.
   *
   * @param q a quantile in {@code [0, 1]}
   * @param from a segment at or before the answer (0 if unknown)
   * @return the segment index
   */
  int segmentOf(double q, int from) {
    double m = q * totalMass;
    int s = from;
    int last = intensity.length - 1;
    while (s < last && mass[s + 1] <= m) {
      s++;
    }
    return s;
  }

  /**
   * Returns the time of quantile {@code q} within segment {@code s}, clamped to the segment.
   *
   * @param q a quantile in {@code [0, 1]}
   * @param s the segment returned by {@link #segmentOf} for {@code q}
   * @return epoch milliseconds in {@code [bounds[s], bounds[s + 1])}
   */
  long timeAt(double q, int s) {
    double offset = (q * totalMass - mass[s]) / intensity[s];
    long t = bounds[s] + (long) Math.max(0, offset);
    return Math.min(t, bounds[s + 1] - 1);
  }
}
