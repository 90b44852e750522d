package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Row-level k-fold cross-validation: the rows are dealt into k folds of sizes that differ by at
 * most one (the first {@code n mod k} folds get one row more), in a seeded random order; split
 * i tests on fold i and trains on the other k − 1 folds. Every row is in exactly one test fold.
 *
 * <p>Assignment: fold labels {@code 0, 1, ..., k−1, 0, 1, ...} are written for positions
 * 0..n−1 and shuffled with a Fisher–Yates shuffle seeded by {@code seed}; row r belongs to the
 * fold its label names. O(n) time, one int per row.
 *
 * <p><b>Not temporal:</b> each fold trains on events later than its test events, and a user's
 * rows are spread over all folds. Use it to compare models where time does not matter (or to
 * tune on a training window); to estimate performance on future events, prefer
 * {@link LeaveLastN} or {@link GlobalTime}.
 *
 * @param k number of folds, {@code >= 2}
 * @param seed random seed; the same data and seed give the same folds
 */
public record KFold(int k, long seed) {

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public KFold {
    if (k < 2) {
      throw new IllegalArgumentException("k = " + k + "; expected k >= 2");
    }
  }

  /**
   * Returns a k-fold configuration.
   *
   * @param k number of folds, {@code >= 2}
   * @param seed random seed
   * @return the configuration
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static KFold of(int k, long seed) {
    return new KFold(k, seed);
  }

  /**
   * Returns the k splits of {@code data}. The fold assignment is computed now (one int per row);
   * each split is built when {@link List#get(int) get} is called, anew on each call (O(n)), so
   * the k train sets are never all in memory at once. The list is unmodifiable; split i's report
   * is described as {@code "kFold(k=5, seed=42, fold=i)"}.
   *
   * @param data the rows to split
   * @return an unmodifiable list of k splits
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if {@code data} is empty or has fewer than k rows
   */
  public List<Split> folds(Interactions data) {
    Splits.requireRows(data, description());
    int n = data.size();
    if (k > n) {
      throw new IllegalArgumentException(
          "k = " + k + " but data has " + n + " rows; expected k <= rows");
    }
    int[] fold = assign(n);
    return new AbstractList<Split>() {
      @Override
      public Split get(int index) {
        Objects.checkIndex(index, k);
        boolean[] test = new boolean[n];
        for (int r = 0; r < n; r++) {
          test[r] = fold[r] == index;
        }
        return Splits.fromMask(data, test,
            "kFold(k=" + k + ", seed=" + seed + ", fold=" + index + ")");
      }

      @Override
      public int size() {
        return k;
      }
    };
  }

  /** Deals labels 0..k−1 round-robin, then shuffles them (Fisher–Yates). */
  private int[] assign(int n) {
    int[] fold = new int[n];
    for (int p = 0; p < n; p++) {
      fold[p] = p % k;
    }
    SplittableRandom random = new SplittableRandom(Splits.streamSeed(seed, -1));
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = fold[i];
      fold[i] = fold[j];
      fold[j] = t;
    }
    return fold;
  }

  /**
   * Returns a short description with every parameter, e.g. {@code "kFold(k=5, seed=42)"}.
   *
   * @return the description
   */
  public String description() {
    return "kFold(k=" + k + ", seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
