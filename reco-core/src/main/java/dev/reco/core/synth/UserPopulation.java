package dev.reco.core.synth;

import dev.reco.core.IdIndex;
import java.util.Objects;

/**
 * The synthetic users: for each user its id, join time and (as ground truth) its taste cluster
 * and activity weight, plus the categories each cluster prefers. Immutable and thread-safe.
 *
 * <p>User indexes follow join order, like auto-increment ids: users {@code [0, initialUsers)}
 * exist at the start of the period, later indexes join one after another during it (cold-start
 * users). Ids are {@code "u"} plus the zero-padded index ({@code u000123}), with at least six
 * digits. Array accessors return copies.
 */
public final class UserPopulation {
  private final IdFormat ids;
  private final int[] cluster;
  private final double[] activity;
  private final long[] joinedAt;
  private final int[][] preferredCategories;
  private final long startMillis;
  private volatile IdIndex index;

  UserPopulation(int[] cluster, double[] activity, long[] joinedAt, int[][] preferredCategories,
      long startMillis) {
    this.ids = new IdFormat('u', 6, cluster.length);
    this.cluster = cluster;
    this.activity = activity;
    this.joinedAt = joinedAt;
    this.preferredCategories = preferredCategories;
    this.startMillis = startMillis;
  }

  /** Returns the number of users. */
  public int size() {
    return cluster.length;
  }

  /**
   * Returns the index of all user ids, in index order (built on first use, then cached).
   *
   * @return the frozen user index
   */
  public IdIndex ids() {
    IdIndex x = index;
    if (x == null) {
      x = ids.index();
      index = x;
    }
    return x;
  }

  /**
   * Returns the external id of a user.
   *
   * @param user an index in {@code [0, size())}
   * @return the id, e.g. {@code u000123}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public String id(int user) {
    Objects.checkIndex(user, size());
    return ids.format(user);
  }

  IdFormat idFormat() {
    return ids;
  }

  /** Returns the number of taste clusters. */
  public int clusters() {
    return preferredCategories.length;
  }

  /**
   * Returns the ground-truth taste cluster of a user.
   *
   * @param user an index in {@code [0, size())}
   * @return the cluster in {@code [0, clusters())}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int cluster(int user) {
    return cluster[user];
  }

  /**
   * Returns the categories a cluster prefers: views that follow the cluster's taste pick items
   * of these categories only.
   *
   * @param cluster a cluster in {@code [0, clusters())}
   * @return a new array of distinct categories, {@code categoriesPerCluster} long
   * @throws IndexOutOfBoundsException if the cluster is out of range
   */
  public int[] preferredCategories(int cluster) {
    return preferredCategories[cluster].clone();
  }

  /**
   * Returns the ground-truth activity weight of a user: among the users present at a time, each
   * starts the next view with probability proportional to this weight (log-normal, median 1).
   *
   * @param user an index in {@code [0, size())}
   * @return the weight, {@code > 0}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public double activity(int user) {
    return activity[user];
  }

  /**
   * Returns when a user joins: the start of the period for the initial users, a later time for
   * new users. No event of the user precedes this time.
   *
   * @param user an index in {@code [0, size())}
   * @return epoch milliseconds
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public long joinedAt(int user) {
    return joinedAt[user];
  }

  /**
   * Returns whether a user joins after the start of the period (a cold-start user).
   *
   * @param user an index in {@code [0, size())}
   * @return true for a new user
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public boolean isNew(int user) {
    return joinedAt[user] > startMillis;
  }

  /** Returns the number of users who join after the start of the period. */
  public int newUsers() {
    int n = 0;
    for (long t : joinedAt) {
      if (t > startMillis) {
        n++;
      }
    }
    return n;
  }

  /** Returns a copy of the cluster of every user. */
  public int[] clusterColumn() {
    return cluster.clone();
  }

  /** Returns a copy of the join time of every user, in epoch milliseconds. */
  public long[] joinColumn() {
    return joinedAt.clone();
  }

  @Override
  public String toString() {
    return "UserPopulation[users=" + size() + ", clusters=" + clusters() + "]";
  }
}
