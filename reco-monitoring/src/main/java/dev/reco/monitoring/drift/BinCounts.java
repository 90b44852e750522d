package dev.reco.monitoring.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of a sample in frozen bins, with its missing values counted beside them. Immutable; the
 * counterpart of {@link CategoryCounts} for numeric columns, and what a streaming profile's
 * frozen-bin counters hand to a count-level test such as
 * {@link Psi#compare(Binning, BinCounts, BinCounts)}.
 */
public final class BinCounts {
  private final long[] counts;
  private final long missing;
  private final long total;

  BinCounts(long[] counts, long missing, boolean copy) {
    this.counts = copy ? counts.clone() : counts;
    this.missing = missing;
    long sum = 0;
    for (int i = 0; i < this.counts.length; i++) {
      if (this.counts[i] < 0) {
        throw new IllegalArgumentException(
            "counts[" + i + "] = " + this.counts[i] + "; expected a count >= 0");
      }
      sum = Math.addExact(sum, this.counts[i]);
    }
    if (missing < 0) {
      throw new IllegalArgumentException("missing = " + missing + "; expected a count >= 0");
    }
    this.total = sum;
  }

  /**
   * Wraps counts kept elsewhere (for example by a streaming profile).
   *
   * @param counts count per bin, each {@code >= 0} (copied)
   * @param missing number of missing values, {@code >= 0}
   * @return the counts
   * @throws IllegalArgumentException if a count is negative or {@code counts} is empty
   */
  public static BinCounts of(long[] counts, long missing) {
    Objects.requireNonNull(counts, "counts");
    if (counts.length == 0) {
      throw new IllegalArgumentException("counts is empty; expected one count per bin");
    }
    return new BinCounts(counts, missing, true);
  }

  /**
   * Returns the number of bins.
   *
   * @return the number of bins
   */
  public int bins() {
    return counts.length;
  }

  /**
   * Returns the count of one bin.
   *
   * @param bin the bin index
   * @return its count
   * @throws IndexOutOfBoundsException if {@code bin} is out of range
   */
  public long count(int bin) {
    return counts[bin];
  }

  /**
   * Returns a copy of the counts.
   *
   * @return count per bin
   */
  public long[] counts() {
    return counts.clone();
  }

  long[] view() {
    return counts;
  }

  /**
   * Returns the number of missing values.
   *
   * @return the missing count
   */
  public long missing() {
    return missing;
  }

  /**
   * Returns the number of non-missing values, the sum of the counts.
   *
   * @return the total
   */
  public long total() {
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinCounts b && b.missing == missing && Arrays.equals(b.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + Long.hashCode(missing);
  }

  @Override
  public String toString() {
    return "BinCounts[counts=" + Arrays.toString(counts) + ", missing=" + missing + "]";
  }
}
