package dev.reco.monitoring.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Reference and current counts aligned bin by bin: the 2 x K contingency table every binned test
 * reads. Numeric tables come from one frozen {@link Binning}; categorical tables list the
 * reference's categories and, when the current sample has categories the reference lacks, one
 * pooled {@link BinDetail.Kind#UNSEEN} bin after them.
 */
final class Table {
  final BinDetail.Kind[] kinds;
  final String[] labels;
  final double[] lowers;
  final double[] uppers;
  final long[] ref;
  final long[] cur;
  final long n;
  final long m;
  final long refMissing;
  final long curMissing;

  private Table(BinDetail.Kind[] kinds, String[] labels, double[] lowers, double[] uppers,
      long[] ref, long[] cur, long refMissing, long curMissing) {
    this.kinds = kinds;
    this.labels = labels;
    this.lowers = lowers;
    this.uppers = uppers;
    this.ref = ref;
    this.cur = cur;
    this.n = sum(ref);
    this.m = sum(cur);
    this.refMissing = refMissing;
    this.curMissing = curMissing;
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s = Math.addExact(s, v);
    }
    return s;
  }

  static Table of(Binning binning, BinCounts reference, BinCounts current) {
    int k = binning.bins();
    if (reference.bins() != k || current.bins() != k) {
      throw new IllegalArgumentException("reference.bins() = " + reference.bins()
          + ", current.bins() = " + current.bins() + " with binning.bins() = " + k
          + "; expected counts from the same frozen bins");
    }
    BinDetail.Kind[] kinds = new BinDetail.Kind[k];
    String[] labels = new String[k];
    double[] lowers = new double[k];
    double[] uppers = new double[k];
    for (int j = 0; j < k; j++) {
      kinds[j] = BinDetail.Kind.RANGE;
      labels[j] = binning.label(j);
      lowers[j] = binning.lower(j);
      uppers[j] = binning.upper(j);
    }
    return new Table(kinds, labels, lowers, uppers, reference.view(), current.view(),
        reference.missing(), current.missing());
  }

  static Table of(CategoryCounts reference, CategoryCounts current) {
    String[] rc = reference.categoryView();
    String[] cc = current.categoryView();
    long[] rn = reference.countView();
    long[] cn = current.countView();
    long[] aligned = new long[rc.length];
    long unseen = 0;
    int i = 0;
    for (int j = 0; j < cc.length; j++) {
      while (i < rc.length && rc[i].compareTo(cc[j]) < 0) {
        i++;
      }
      if (i < rc.length && rc[i].equals(cc[j])) {
        aligned[i] = cn[j];
      } else {
        unseen += cn[j];
      }
    }
    int k = rc.length + (unseen > 0 ? 1 : 0);
    BinDetail.Kind[] kinds = new BinDetail.Kind[k];
    String[] labels = new String[k];
    double[] lowers = new double[k];
    double[] uppers = new double[k];
    long[] ref = new long[k];
    long[] cur = new long[k];
    for (int j = 0; j < rc.length; j++) {
      kinds[j] = BinDetail.Kind.CATEGORY;
      labels[j] = rc[j];
      ref[j] = rn[j];
      cur[j] = aligned[j];
    }
    if (unseen > 0) {
      kinds[k - 1] = BinDetail.Kind.UNSEEN;
      labels[k - 1] = "(unseen)";
      cur[k - 1] = unseen;
    }
    java.util.Arrays.fill(lowers, Double.NaN);
    java.util.Arrays.fill(uppers, Double.NaN);
    return new Table(kinds, labels, lowers, uppers, ref, cur, reference.missing(),
        current.missing());
  }

  int bins() {
    return ref.length;
  }

  /** Bins holding at least one value on either side. */
  int occupied() {
    int k = 0;
    for (int j = 0; j < ref.length; j++) {
      if (ref[j] + cur[j] > 0) {
        k++;
      }
    }
    return k;
  }

  boolean testable() {
    return n > 0 && m > 0;
  }

  List<BinDetail> details(double[] contributions) {
    List<BinDetail> out = new ArrayList<>(ref.length);
    for (int j = 0; j < ref.length; j++) {
      out.add(new BinDetail(kinds[j], labels[j], lowers[j], uppers[j], ref[j], cur[j],
          n == 0 ? Double.NaN : (double) ref[j] / n, m == 0 ? Double.NaN : (double) cur[j] / m,
          contributions[j]));
    }
    return out;
  }

  DriftResult notTested(String test, String effect, double alpha, double threshold) {
    return DriftResult.notTested(test, effect, alpha, threshold, n, m, refMissing, curMissing);
  }

  /** Effective sample size {@code n m / (n + m)} of the two-sample comparison. */
  double effectiveSize() {
    return (double) n * (double) m / ((double) n + (double) m);
  }

  /**
   * The homogeneity test PSI and Jensen-Shannon report: the Jeffreys divergence of the shares
   * smoothed by half a pseudo-count per bin, {@code p''_j = (r_j + 1/2) / (n + B'/2)} and
   * {@code q''_j = (c_j + 1/2) / (m + B'/2)} over the {@code B'} bins holding a value on either
   * side, scaled by {@code n m / (n + m)} and referred to {@code chi-square(B' - 1)}.
   *
   * @return the p-value; 1 when fewer than two bins hold a value
   */
  double homogeneityPValue() {
    int occupied = occupied();
    if (occupied <= 1) {
      return 1.0;
    }
    double half = 0.5 * occupied;
    double t = 0.0;
    for (int j = 0; j < ref.length; j++) {
      if (ref[j] + cur[j] == 0) {
        continue;
      }
      double p = (ref[j] + 0.5) / (n + half);
      double q = (cur[j] + 0.5) / (m + half);
      t += (q - p) * Math.log(q / p);
    }
    return chiSquareSurvival(t * effectiveSize(), occupied - 1);
  }

  /** Upper tail of the chi-square distribution, {@code P(X >= x)} for {@code df >= 1}. */
  static double chiSquareSurvival(double x, int df) {
    if (!(x > 0.0)) {
      return 1.0;
    }
    return org.apache.commons.math3.special.Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
  }
}
