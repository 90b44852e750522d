package dev.reco.features.events;

import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.Arrays;

/**
 * RFM quantile scores 1..5 fitted once on a reference population and applied unchanged to new
 * rows, so training and serving score with the same cut points.
 *
 * <p>{@link #fit} reads the columns {@code rfm_recency_days}, {@code rfm_frequency} and {@code
 * rfm_monetary} written by {@link WindowFeatures#compute} and stores, per column, the quantiles
 * at 0.2, 0.4, 0.6 and 0.8 of its non-missing values (linear interpolation between order
 * statistics: for sorted {@code x[0..n-1]} and {@code h = (n - 1) p}, {@code q = x[⌊h⌋] + (h -
 * ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋])}). Scores, with {@code above(x)} the number of cut points strictly
 * below {@code x}:
 * <ul>
 *   <li>frequency and monetary: {@code 1 + above(x)} (more is better);
 *   <li>recency: {@code 5 - above(x)} (more recent is better); a missing recency (no purchase
 *       before the as-of time) scores 1.
 * </ul>
 * Immutable and thread-safe.
 */
public final class RfmScorer {
  /** The quantile levels of the cut points. */
  private static final double[] LEVELS = {0.2, 0.4, 0.6, 0.8};

  private final double[] recency;
  private final double[] frequency;
  private final double[] monetary;

  private RfmScorer(double[] recency, double[] frequency, double[] monetary) {
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /**
   * Fits the cut points on a reference population.
   *
   * @param reference a table with the three RFM columns
   * @return the fitted scorer
   * @throws IllegalArgumentException if a column is absent or not DOUBLE, or has no
   *     non-missing value, naming the column
   */
  public static RfmScorer fit(Table reference) {
    return new RfmScorer(cuts(reference, "rfm_recency_days"), cuts(reference, "rfm_frequency"),
        cuts(reference, "rfm_monetary"));
  }

  /**
   * Returns a scorer with given cut points (for example read back from a model's metadata).
   *
   * @param recency four non-decreasing finite recency cut points
   * @param frequency four non-decreasing finite frequency cut points
   * @param monetary four non-decreasing finite monetary cut points
   * @return the scorer
   * @throws IllegalArgumentException if an array does not hold four non-decreasing finite values
   */
  public static RfmScorer of(double[] recency, double[] frequency, double[] monetary) {
    return new RfmScorer(check("recency", recency), check("frequency", frequency),
        check("monetary", monetary));
  }

  private static double[] check(String name, double[] cuts) {
    if (cuts == null || cuts.length != LEVELS.length) {
      throw new IllegalArgumentException(name + " = " + Arrays.toString(cuts)
          + "; expected " + LEVELS.length + " cut points");
    }
    for (int k = 0; k < cuts.length; k++) {
      if (!Double.isFinite(cuts[k]) || (k > 0 && cuts[k] < cuts[k - 1])) {
        throw new IllegalArgumentException(name + " = " + Arrays.toString(cuts)
            + "; expected non-decreasing finite cut points");
      }
    }
    return cuts.clone();
  }

  private static double[] cuts(Table reference, String column) {
    double[] values = reference.doubleColumn(column).toArray();
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        values[n++] = v;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("reference column '" + column
          + "' has no non-missing value; expected at least one to fit RFM cut points");
    }
    double[] x = Arrays.copyOf(values, n);
    Arrays.sort(x);
    double[] q = new double[LEVELS.length];
    for (int k = 0; k < LEVELS.length; k++) {
      double h = (n - 1) * LEVELS[k];
      int i = (int) Math.floor(h);
      q[k] = i + 1 < n ? x[i] + (h - i) * (x[i + 1] - x[i]) : x[i];
    }
    return q;
  }

  private static int above(double[] cuts, double x) {
    int k = 0;
    while (k < cuts.length && x > cuts[k]) {
      k++;
    }
    return k;
  }

  /**
   * Returns the recency score.
   *
   * @param days days since the last purchase, NaN for none
   * @return 1..5, 5 for the most recent
   */
  public int recencyScore(double days) {
    return Double.isNaN(days) ? 1 : 5 - above(recency, days);
  }

  /**
   * Returns the frequency score.
   *
   * @param count the purchase count
   * @return 1..5, 5 for the most frequent (1 for NaN)
   */
  public int frequencyScore(double count) {
    return Double.isNaN(count) ? 1 : 1 + above(frequency, count);
  }

  /**
   * Returns the monetary score.
   *
   * @param amount the purchase value
   * @return 1..5, 5 for the largest (1 for NaN)
   */
  public int monetaryScore(double amount) {
    return Double.isNaN(amount) ? 1 : 1 + above(monetary, amount);
  }

  /** Returns a copy of the recency cut points. */
  public double[] recencyCuts() {
    return recency.clone();
  }

  /** Returns a copy of the frequency cut points. */
  public double[] frequencyCuts() {
    return frequency.clone();
  }

  /** Returns a copy of the monetary cut points. */
  public double[] monetaryCuts() {
    return monetary.clone();
  }

  /**
   * Returns {@code features} with the LONG columns {@code rfm_r_score}, {@code rfm_f_score}
   * and {@code rfm_m_score} added.
   *
   * @param features a table with the three RFM columns
   * @return the new table
   * @throws IllegalArgumentException if a column is absent or not DOUBLE
   */
  public Table apply(Table features) {
    double[] r = features.doubleColumn("rfm_recency_days").toArray();
    double[] f = features.doubleColumn("rfm_frequency").toArray();
    double[] m = features.doubleColumn("rfm_monetary").toArray();
    long[] rs = new long[r.length];
    long[] fs = new long[r.length];
    long[] ms = new long[r.length];
    for (int i = 0; i < r.length; i++) {
      rs[i] = recencyScore(r[i]);
      fs[i] = frequencyScore(f[i]);
      ms[i] = monetaryScore(m[i]);
    }
    return features.with(LongColumn.of("rfm_r_score", rs))
        .with(LongColumn.of("rfm_f_score", fs))
        .with(LongColumn.of("rfm_m_score", ms));
  }

  @Override
  public String toString() {
    return "RfmScorer{recency=" + Arrays.toString(recency) + ", frequency="
        + Arrays.toString(frequency) + ", monetary=" + Arrays.toString(monetary) + "}";
  }
}
