package dev.reco.features.transform;

import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import java.util.Arrays;

/** Shared numeric helpers of the numeric steps: reading DOUBLE or LONG inputs and statistics. */
final class Numeric {
  private Numeric() {}

  /**
   * Returns a numeric column's values as a fresh array, NaN where missing.
   *
   * @throws IllegalArgumentException if the column is absent or neither DOUBLE nor LONG
   */
  static double[] values(Table table, String name, String step) {
    Column c = table.column(name);
    if (c instanceof DoubleColumn d) {
      return d.toArray();
    }
    if (c instanceof LongColumn l) {
      double[] v = new double[l.size()];
      for (int r = 0; r < v.length; r++) {
        v[r] = l.isMissing(r) ? Double.NaN : (double) l.get(r);
      }
      return v;
    }
    throw new IllegalArgumentException(step + ": column '" + name + "' is " + c.type()
        + "; expected DOUBLE or LONG");
  }

  /** Reads a DOUBLE or LONG slot of a row as a double, NaN if missing. */
  static double read(RowBuffer row, int position) {
    if (row.isMissing(position)) {
      return Double.NaN;
    }
    return row.schema().fields().get(position).type() == ColumnType.LONG
        ? (double) row.getLong(position)
        : row.getDouble(position);
  }

  /** Returns the non-missing values, sorted; throws if there are none. */
  static double[] presentSorted(double[] values, String step, String name) {
    double[] present = present(values, step, name);
    Arrays.sort(present);
    return present;
  }

  /** Returns the non-missing values in row order; throws if there are none. */
  static double[] present(double[] values, String step, String name) {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(step + ": column '" + name + "' has " + values.length
          + " rows, all missing; expected at least one value to fit on");
    }
    double[] present = new double[n];
    int i = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        present[i++] = v;
      }
    }
    return present;
  }

  /** Arithmetic mean (sum / n). */
  static double mean(double[] present) {
    double sum = 0;
    for (double v : present) {
      sum += v;
    }
    return sum / present.length;
  }

  /** Population standard deviation (divisor n, numpy ddof = 0), two-pass. */
  static double populationStd(double[] present, double mean) {
    double ss = 0;
    for (double v : present) {
      double d = v - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / present.length);
  }

  /**
   * Quantile of sorted values by linear interpolation between closest ranks (Hyndman and Fan
   * type 7, numpy's default {@code method="linear"}): position {@code h = (n - 1) q}, value
   * {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}; interpolated from the upper
   * neighbour when the fraction is at least 1/2, as numpy does, so results agree to the last bit
   * in most cases.
   */
  static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double t = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** A scale of exactly zero (a constant column) becomes 1, as scikit-learn does. */
  static double nonZeroScale(double scale) {
    return scale == 0 ? 1 : scale;
  }
}
