package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class TimeGridTest {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static long timeOf(TimeGrid g, double q) {
    return g.timeAt(q, g.segmentOf(q, 0));
  }

  @Test
  void aWeekWithDoubleWeekendIntensity() {
    // Monday..Sunday, weekend days weigh 2: total mass 5 + 2 * 2 = 9 day-units
    long monday = ms("2026-01-05T00:00:00Z");
    TimeGrid g = new TimeGrid(monday, monday + 7 * DAY, 2.0);
    assertEquals(7, g.segments());
    assertEquals(monday, timeOf(g, 0));
    assertEquals(ms("2026-01-06T00:00:00Z"), timeOf(g, 1 / 9.0)); // after Monday's 1 unit
    assertEquals(ms("2026-01-10T00:00:00Z"), timeOf(g, 5 / 9.0)); // Saturday starts at 5 units
    assertEquals(ms("2026-01-10T12:00:00Z"), timeOf(g, 6 / 9.0)); // 1 unit = half a weekend day
    assertEquals(ms("2026-01-11T00:00:00Z"), timeOf(g, 7 / 9.0)); // Sunday
    assertEquals(monday + 7 * DAY - 1, timeOf(g, 1.0)); // clamped inside the period
  }

  @Test
  void aPeriodStartingAndEndingAtNoon() {
    // Friday 12:00 .. Sunday 12:00, weekend weighs 3:
    // Fri 12 h * 1 = 12, Sat 24 h * 3 = 72, Sun 12 h * 3 = 36 -> 120 hour-units
    long start = ms("2026-01-09T12:00:00Z");
    TimeGrid g = new TimeGrid(start, start + 2 * DAY, 3.0);
    assertEquals(3, g.segments());
    assertEquals(ms("2026-01-10T00:00:00Z"), timeOf(g, 12 / 120.0));
    assertEquals(ms("2026-01-10T16:00:00Z"), timeOf(g, 60 / 120.0)); // 12 + 48 units = 16 h in
    assertEquals(ms("2026-01-11T04:00:00Z"), timeOf(g, 96 / 120.0)); // 84 + 12 units = 4 h in
  }

  @Test
  void aPeriodShorterThanADay() {
    long start = ms("2026-01-07T03:00:00Z");
    TimeGrid g = new TimeGrid(start, start + HOUR, 5.0);
    assertEquals(1, g.segments());
    assertEquals(start + HOUR / 2, timeOf(g, 0.5));
  }

  @Property(tries = 200, seed = "42")
  void timesAreMonotoneInTheQuantileAndInsideThePeriod(
      @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long start,
      @ForAll @IntRange(min = 1, max = 40 * 24) int hours,
      @ForAll @DoubleRange(min = 0.05, max = 20) @Scale(6) double weekend,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(12) double a,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(12) double b) {
    TimeGrid g = new TimeGrid(start, start + hours * HOUR, weekend);
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    int s = g.segmentOf(lo, 0);
    long t1 = g.timeAt(lo, s);
    int s2 = g.segmentOf(hi, s); // a cursor from an earlier quantile gives the same answer
    assertEquals(g.segmentOf(hi, 0), s2);
    long t2 = g.timeAt(hi, s2);
    assertTrue(start <= t1 && t1 <= t2 && t2 < start + hours * HOUR, t1 + " " + t2);
  }
}
