package dev.reco.core.eval;

import dev.reco.core.CsrMatrix;
import dev.reco.core.Interactions;
import java.util.Objects;

/**
 * How many training users interacted with each item: the popularity that novelty and average
 * recommendation popularity are measured against. Immutable and thread-safe.
 *
 * <p>Popularity is the share of users, not of interactions: {@code p(i) = users(i) / numUsers},
 * where {@code users(i)} counts distinct training users with at least one interaction with
 * {@code i} (the "discovery" model of Castells et al., ECIR 2011), so a user who plays one track a
 * thousand times makes it no more popular than one play does. The self-information of an item is
 * {@code -log2 p(i)}; an item that no training user touched has {@code p(i) = 0} and would have
 * infinite self-information, so its count is taken as 1 for novelty (self-information
 * {@code log2(numUsers)}, the largest finite value) and as 0 for {@link
 * BeyondAccuracyMetrics#averagePopularity}.
 *
 * <p>Memory: 12 bytes per item.
 */
public final class ItemPopularity {
  private final int[] users;
  private final int numUsers;
  private final double[] selfInformation;

  private ItemPopularity(int[] users, int numUsers) {
    this.users = users;
    this.numUsers = numUsers;
    this.selfInformation = new double[users.length];
    for (int i = 0; i < users.length; i++) {
      // 0.0 - x turns -0.0 (an item every user touched) into 0.0
      selfInformation[i] = 0.0 - Math.log((double) Math.max(users[i], 1) / numUsers) / Math.log(2.0);
    }
  }

  /**
   * Returns popularity from per-item user counts.
   *
   * @param usersPerItem distinct training users of each item, each in {@code [0, numUsers]}
   *     (copied)
   * @param numUsers number of training users, {@code >= 1}
   * @return the popularity table
   * @throws IllegalArgumentException if {@code numUsers < 1} or a count is out of range
   */
  public static ItemPopularity of(int[] usersPerItem, int numUsers) {
    Objects.requireNonNull(usersPerItem, "usersPerItem");
    if (numUsers < 1) {
      throw new IllegalArgumentException("numUsers = " + numUsers + "; expected numUsers >= 1");
    }
    for (int i = 0; i < usersPerItem.length; i++) {
      if (usersPerItem[i] < 0 || usersPerItem[i] > numUsers) {
        throw new IllegalArgumentException("usersPerItem[" + i + "] = " + usersPerItem[i]
            + "; expected 0 <= count <= numUsers = " + numUsers);
      }
    }
    return new ItemPopularity(usersPerItem.clone(), numUsers);
  }

  /**
   * Returns popularity from a user × item matrix of training interactions: {@code users(i)} is
   * the number of stored entries in column {@code i} (entries within a row are distinct), and
   * {@code numUsers} the number of rows with at least one entry.
   *
   * @param userItem training interactions, one row per user, one column per item
   * @return the popularity table, with one entry per column
   * @throws IllegalArgumentException if no row has an entry
   */
  public static ItemPopularity fromUserItemMatrix(CsrMatrix userItem) {
    Objects.requireNonNull(userItem, "userItem");
    int[] counts = new int[userItem.numCols()];
    int active = 0;
    for (int u = 0; u < userItem.numRows(); u++) {
      int start = userItem.rowStart(u);
      int end = userItem.rowEnd(u);
      if (end > start) {
        active++;
      }
      for (int p = start; p < end; p++) {
        counts[userItem.columnAt(p)]++;
      }
    }
    if (active == 0) {
      throw new IllegalArgumentException(
          "userItem " + userItem + " has no entries; expected at least one training interaction");
    }
    return new ItemPopularity(counts, active);
  }

  /**
   * Returns popularity from training interactions, as {@link #fromUserItemMatrix} of
   * {@code train.byUser()} (so repeated user–item rows count once).
   *
   * @param train training interactions
   * @return the popularity table, with one entry per item of {@code train.items()}
   * @throws IllegalArgumentException if {@code train} is empty
   */
  public static ItemPopularity fromInteractions(Interactions train) {
    Objects.requireNonNull(train, "train");
    return fromUserItemMatrix(train.byUser());
  }

  /** Returns the number of items in the table. */
  public int numItems() {
    return users.length;
  }

  /** Returns the number of training users that shares are taken of. */
  public int numUsers() {
    return numUsers;
  }

  /**
   * Returns the number of training users who interacted with an item.
   *
   * @param item an item in {@code [0, numItems())}
   * @return the count
   * @throws IndexOutOfBoundsException if the item is out of range
   */
  public int users(int item) {
    return users[Objects.checkIndex(item, users.length)];
  }

  /**
   * Returns the share of training users who interacted with an item, {@code users(i) / numUsers}.
   *
   * @param item an item in {@code [0, numItems())}
   * @return a value in [0, 1]
   * @throws IndexOutOfBoundsException if the item is out of range
   */
  public double share(int item) {
    return (double) users(item) / numUsers;
  }

  /**
   * Returns the self-information {@code -log2(max(users(i), 1) / numUsers)} of an item, in bits.
   *
   * @param item an item in {@code [0, numItems())}
   * @return a value in {@code [0, log2(numUsers)]}
   * @throws IndexOutOfBoundsException if the item is out of range
   */
  public double selfInformation(int item) {
    return selfInformation[Objects.checkIndex(item, users.length)];
  }

  int usersUnchecked(int item) {
    return users[item];
  }

  double selfInformationUnchecked(int item) {
    return selfInformation[item];
  }

  @Override
  public String toString() {
    return "ItemPopularity[items=" + users.length + ", users=" + numUsers + "]";
  }
}
