package dev.reco.core.baseline;

import dev.reco.core.Interactions;
import java.time.Instant;

/** Popularity counting shared by the popularity baselines. */
final class Popularity {
  private Popularity() {}

  /** Per-item popularity and the reference time that bounded it (null when unbounded). */
  static final class Counted {
    final float[] scores;
    final Instant reference;

    Counted(float[] scores, Instant reference) {
      this.scores = scores;
      this.reference = reference;
    }
  }

  /**
   * Counts (or sums the values of) each item's rows in {@code [reference - window, reference]}.
   * Sums are accumulated in double and rounded to float once.
   */
  static Counted count(Interactions data, MostPopularConfig config) {
    boolean timed = config.window() != null || config.reference() != null;
    boolean values = config.weighting() == MostPopularConfig.Weighting.VALUE_SUM;
    int n = data.numItems();
    double[] sum = new double[n];
    Instant reference = config.reference();
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    if (timed && !data.isEmpty()) {
      requireTimestamps(data, "MostPopular with window = " + config.window() + ", reference = "
          + config.reference());
      hi = reference != null ? reference.toEpochMilli() : latestTimestamp(data);
      if (reference == null) {
        reference = Instant.ofEpochMilli(hi);
      }
      if (config.window() != null) {
        long w = config.window().toMillis();
        lo = hi - w;
        if (((hi ^ w) & (hi ^ lo)) < 0) { // overflow: hi - w below Long.MIN_VALUE
          lo = Long.MIN_VALUE;
        }
      }
    }
    boolean bounded = timed && !data.isEmpty();
    for (int r = 0, rows = data.size(); r < rows; r++) {
      if (bounded) {
        long t = data.timestamp(r);
        if (t < lo || t > hi) {
          continue;
        }
      }
      sum[data.item(r)] += values ? data.value(r) : 1.0;
    }
    return new Counted(toFloat(sum), reference);
  }

  static float[] toFloat(double[] sum) {
    float[] out = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      out[i] = (float) sum[i];
    }
    return out;
  }

  static void requireTimestamps(Interactions data, String what) {
    if (!data.hasTimestamps()) {
      throw new IllegalArgumentException(
          "data has no timestamp column; " + what + " needs timestamps");
    }
  }

  /** Returns the largest timestamp; the data must be non-empty and have timestamps. */
  static long latestTimestamp(Interactions data) {
    long latest = Long.MIN_VALUE;
    for (int r = 0, rows = data.size(); r < rows; r++) {
      latest = Math.max(latest, data.timestamp(r));
    }
    return latest;
  }
}
