package dev.reco.models.svd;

import dev.reco.core.Interactions;
import dev.reco.models.svd.BiasedSvdConfig.BlockLayout;
import java.util.SplittableRandom;

/**
 * The stratified block layout of DSGD (Gemulla, Nijkamp, Haas &amp; Sismanis, "Large-scale matrix
 * factorization with distributed stochastic gradient descent", KDD 2011): users are split into
 * {@code B} groups and items into {@code B} groups, giving {@code B²} blocks; block
 * {@code (g, h)} holds the ratings of users in group {@code g} on items in group {@code h}.
 *
 * <p>Stratum {@code s} is the set of blocks {@code (g, (g + s) mod B)} for {@code g < B}: no two
 * of them share a user or an item, so their SGD updates touch disjoint rows and can run in
 * parallel, and the result is the same as running them one after another in any order. An
 * epoch runs the strata {@code s = 0 .. B-1} in turn, which visits every rating once.
 *
 * <p>Each block's ratings are stored contiguously (user, item and value columns in block order,
 * 12 bytes per rating), in training-row order until the first shuffle. The arrays are the fit's
 * mutable working state: {@link #shuffle} permutes one block in place.
 */
final class Strata {
  final int groups;
  final int[] userGroup;
  final int[] itemGroup;
  /** Start of each block in the columns; block {@code (g, h)} is {@code g * groups + h}. */
  final int[] start;
  final int[] user;
  final int[] item;
  final float[] value;

  private Strata(int groups, int[] userGroup, int[] itemGroup, int[] start, int[] user, int[] item,
      float[] value) {
    this.groups = groups;
    this.userGroup = userGroup;
    this.itemGroup = itemGroup;
    this.start = start;
    this.user = user;
    this.item = item;
    this.value = value;
  }

  /**
   * Builds the layout: assigns users and items to groups of about equal rating counts (in seeded
   * random order or in index order), then sorts the ratings into blocks with a stable counting
   * sort, O(rows + users + items).
   *
   * @param train the training ratings
   * @param userCounts ratings per user
   * @param itemCounts ratings per item
   * @param groups groups per side, {@code >= 1}
   * @param layout how groups are formed
   * @param seed the fit's seed
   * @return the layout
   */
  static Strata build(Interactions train, int[] userCounts, int[] itemCounts, int groups,
      BlockLayout layout, long seed) {
    int n = train.size();
    int[] userGroup = assign(userCounts, n, groups,
        order(userCounts.length, layout, Seeds.derive(seed, Seeds.USER_LAYOUT, 0)));
    int[] itemGroup = assign(itemCounts, n, groups,
        order(itemCounts.length, layout, Seeds.derive(seed, Seeds.ITEM_LAYOUT, 0)));
    int blocks = groups * groups;
    int[] start = new int[blocks + 1];
    int[] blockOf = new int[n];
    for (int r = 0; r < n; r++) {
      int b = userGroup[train.user(r)] * groups + itemGroup[train.item(r)];
      blockOf[r] = b;
      start[b + 1]++;
    }
    for (int b = 0; b < blocks; b++) {
      start[b + 1] += start[b];
    }
    int[] next = start.clone();
    int[] user = new int[n];
    int[] item = new int[n];
    float[] value = new float[n];
    for (int r = 0; r < n; r++) {
      int pos = next[blockOf[r]]++;
      user[pos] = train.user(r);
      item[pos] = train.item(r);
      value[pos] = train.value(r);
    }
    return new Strata(groups, userGroup, itemGroup, start, user, item, value);
  }

  /** The order rows are cut in: identity for RANGES, a seeded permutation for SHUFFLED. */
  private static int[] order(int size, BlockLayout layout, long seed) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    if (layout == BlockLayout.SHUFFLED) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /**
   * Walks rows in {@code order} and starts the next group once the rows so far hold
   * {@code (g + 1) / groups} of all ratings, so groups have about equal rating counts (a single
   * row heavier than a group's share leaves the groups it spans empty).
   */
  static int[] assign(int[] counts, long total, int groups, int[] order) {
    int[] group = new int[counts.length];
    long cumulative = 0;
    int g = 0;
    for (int row : order) {
      group[row] = g;
      cumulative += counts[row];
      while (g < groups - 1 && cumulative * groups >= (g + 1) * total) {
        g++;
      }
    }
    return group;
  }

  /** Returns the number of blocks, {@code groups²}. */
  int blocks() {
    return groups * groups;
  }

  /** Returns the block of group {@code g}'s users in stratum {@code s}. */
  int blockOf(int stratum, int g) {
    return g * groups + (g + stratum) % groups;
  }

  /**
   * Permutes one block's ratings in place (Fisher–Yates) with a generator seeded for this block
   * and epoch.
   *
   * @param block the block
   * @param seed its seed for this epoch
   */
  void shuffle(int block, long seed) {
    int from = start[block];
    int len = start[block + 1] - from;
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = len - 1; k > 0; k--) {
      int a = from + k;
      int b = from + random.nextInt(k + 1);
      int u = user[a];
      user[a] = user[b];
      user[b] = u;
      int i = item[a];
      item[a] = item[b];
      item[b] = i;
      float v = value[a];
      value[a] = value[b];
      value[b] = v;
    }
  }
}
