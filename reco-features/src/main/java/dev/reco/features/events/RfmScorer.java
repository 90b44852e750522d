package dev.reco.features.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Saved and read back with {@link #toJson} and {@link #fromJson}. Immutable and thread-safe;
 * equal when the cut points are equal.
 */
public final class RfmScorer {
  /** The value of the JSON form's {@code format} field. */
  static final String FORMAT = "reco-rfm-scorer";
  /** The JSON form's version. */
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Returns the cut points as JSON, to store beside a model so serving scores with the cut points
   * training used: {@code {"format":"reco-rfm-scorer","version":1,"recency":[...],
   * "frequency":[...],"monetary":[...]}}. Numbers are written so they read back bit for bit.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    for (String name : new String[] {"recency", "frequency", "monetary"}) {
      ArrayNode a = root.putArray(name);
      for (double v : cutsOf(name)) {
        a.add(v);
      }
    }
    return root.toString();
  }

  /**
   * Reads cut points written by {@link #toJson}.
   *
   * @param json the JSON text
   * @return the scorer
   * @throws IllegalArgumentException if the text is not such a document, has a newer version, or
   *     holds invalid cut points, naming the field
   */
  public static RfmScorer fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("RFM scorer JSON is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException("field 'format' = " + (root == null ? "null"
          : root.path("format")) + "; expected \"" + FORMAT + "\"");
    }
    JsonNode version = root.path("version");
    if (!version.isInt() || version.intValue() < 1) {
      throw new IllegalArgumentException("field 'version' = " + version + "; expected 1");
    }
    if (version.intValue() > VERSION) {
      throw new IllegalArgumentException("field 'version' = " + version.intValue()
          + "; this reader supports up to " + VERSION);
    }
    return of(array(root, "recency"), array(root, "frequency"), array(root, "monetary"));
  }

  private static double[] array(JsonNode root, String name) {
    JsonNode a = root.get(name);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' = " + a
          + "; expected an array of " + LEVELS.length + " numbers");
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new IllegalArgumentException("field '" + name + "[" + i + "]' = " + a.get(i)
            + "; expected a number");
      }
      out[i] = a.get(i).doubleValue();
    }
    return out;
  }

  private double[] cutsOf(String name) {
    return switch (name) {
      case "recency" -> recency;
      case "frequency" -> frequency;
      default -> monetary;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RfmScorer other && Arrays.equals(recency, other.recency)
        && Arrays.equals(frequency, other.frequency) && Arrays.equals(monetary, other.monetary);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(recency) * 961 + Arrays.hashCode(frequency) * 31
        + Arrays.hashCode(monetary);
  }

  @Override
  public String toString() {
    return "RfmScorer{recency=" + Arrays.toString(recency) + ", frequency="
        + Arrays.toString(frequency) + ", monetary=" + Arrays.toString(monetary) + "}";
  }
}
