package dev.reco.monitoring.report;

import dev.reco.monitoring.drift.CategoryCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference and current distribution of one column on shared bins, as shares of the
 * non-missing values: equal-width bins for numeric columns, the most frequent categories (plus
 * "other") for categorical ones. Drawn by {@link SvgChart} and written to the JSON report.
 *
 * @param numeric whether the bins are numeric intervals (else categories)
 * @param edges for numeric columns, {@code bins + 1} ascending edges; values outside the range
 *     are counted in the first or last bin; empty for categorical columns
 * @param labels for categorical columns, one label per bin; empty for numeric columns
 * @param reference share of the reference's non-missing values per bin
 * @param current share of the current non-missing values per bin
 */
record Distribution(boolean numeric, double[] edges, List<String> labels, double[] reference,
    double[] current) {

  /** Label of the bin holding every category outside the most frequent ones. */
  static final String OTHER = "(other)";

  /** Tail share cut off on each side when choosing the histogram range. */
  private static final double TAIL = 0.005;

  int bins() {
    return reference.length;
  }

  /**
   * Builds the histogram of two numeric samples on {@code bins} equal-width bins spanning the
   * 0.5 % to 99.5 % quantiles of both samples, so a few outliers do not flatten the chart.
   * {@code NaN} values are skipped. Returns {@code null} when a side has no non-missing value.
   * Reorders both arrays (callers pass copies they own).
   */
  static Distribution numeric(double[] reference, double[] current, int bins) {
    double[] ref = sortedFinite(reference);
    double[] cur = sortedFinite(current);
    if (ref.length == 0 || cur.length == 0) {
      return null;
    }
    double lo = Math.min(quantile(ref, TAIL), quantile(cur, TAIL));
    double hi = Math.max(quantile(ref, 1 - TAIL), quantile(cur, 1 - TAIL));
    if (!(hi > lo)) {
      // Constant (or nearly constant) data: widen to a unit interval around it.
      double centre = lo;
      double half = Math.max(Math.abs(centre) * 0.5, 0.5);
      lo = centre - half;
      hi = centre + half;
    }
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = lo + (hi - lo) * b / bins;
    }
    edges[bins] = hi;
    return new Distribution(true, edges, List.of(), shares(ref, lo, hi, bins),
        shares(cur, lo, hi, bins));
  }

  /**
   * Builds the distribution of two categorical samples over the {@code maxCategories} categories
   * most frequent in both samples together (ties by name), the rest pooled as {@link #OTHER}.
   * Returns {@code null} when a side has no non-missing value.
   */
  static Distribution categorical(CategoryCounts reference, CategoryCounts current,
      int maxCategories) {
    if (reference.total() == 0 || current.total() == 0) {
      return null;
    }
    Set<String> all = new LinkedHashSet<>(reference.categories());
    all.addAll(current.categories());
    List<String> ranked = new ArrayList<>(all);
    double rt = reference.total();
    double ct = current.total();
    ranked.sort((a, b) -> {
      double sa = reference.count(a) / rt + current.count(a) / ct;
      double sb = reference.count(b) / rt + current.count(b) / ct;
      int c = Double.compare(sb, sa);
      return c != 0 ? c : a.compareTo(b);
    });
    boolean other = ranked.size() > maxCategories;
    List<String> shown = other ? ranked.subList(0, maxCategories - 1) : ranked;
    int bins = shown.size() + (other ? 1 : 0);
    double[] r = new double[bins];
    double[] c = new double[bins];
    List<String> labels = new ArrayList<>(shown);
    for (int i = 0; i < shown.size(); i++) {
      r[i] = reference.count(shown.get(i)) / rt;
      c[i] = current.count(shown.get(i)) / ct;
    }
    if (other) {
      labels.add(OTHER);
      double rs = 0;
      double cs = 0;
      for (int i = 0; i < shown.size(); i++) {
        rs += r[i];
        cs += c[i];
      }
      r[bins - 1] = Math.max(0, 1 - rs);
      c[bins - 1] = Math.max(0, 1 - cs);
    }
    return new Distribution(false, new double[0], List.copyOf(labels), r, c);
  }

  /** Moves the non-NaN values to the front of {@code values}, sorts them and returns them. */
  private static double[] sortedFinite(double[] values) {
    int n = 0;
    for (double v : values) {
      if (v == v) {
        values[n++] = v;
      }
    }
    Arrays.sort(values, 0, n);
    return n == values.length ? values : Arrays.copyOf(values, n);
  }

  /** Linear-interpolation quantile (NumPy's default) of sorted values. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    if (i >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
  }

  private static double[] shares(double[] sorted, double lo, double hi, int bins) {
    double[] counts = new double[bins];
    double width = (hi - lo) / bins;
    for (double v : sorted) {
      int b = (int) ((v - lo) / width);
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    for (int b = 0; b < bins; b++) {
      counts[b] /= sorted.length;
    }
    return counts;
  }
}
