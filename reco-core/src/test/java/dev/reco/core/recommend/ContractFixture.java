package dev.reco.core.recommend;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed data set of {@link RecommenderContractTest}: 50 users and 40 items in 4 categories,
 * with timestamps, generated from a fixed seed.
 *
 * <ul>
 *   <li>Users {@code u00..u49} each have 3 to 12 events; user {@code uNN} prefers category
 *       {@code NN % 4} (60% of their events), the rest follow a skewed global popularity.
 *   <li>Items {@code i00..i39}: {@code c0} = i00..i11, {@code c1} = i12..i21, {@code c2} =
 *       i22..i29, {@code c3} = i30..i37; {@code i38} and {@code i39} have no category, and
 *       {@code i39} has no events at all.
 *   <li>The user index also holds {@link #USER_WITHOUT_ROWS}, a known id with no events.
 *   <li>Timestamps span 30 days from {@link #START_MILLIS}; values are 1 to 3; duplicates summed.
 * </ul>
 * The data is immutable and shared; every accessor returns the same instances.
 */
public final class ContractFixture {
  /** Number of users with events. */
  public static final int USERS = 50;
  /** Number of items. */
  public static final int ITEMS = 40;
  /** First possible timestamp (epoch ms). */
  public static final long START_MILLIS = 1_700_000_000_000L;
  /** A user id in the user index that has no events. */
  public static final String USER_WITHOUT_ROWS = "u-norows";
  /** A user id that is not in the user index. */
  public static final String UNKNOWN_USER = "nobody";
  /** An item id that is not in the item index. */
  public static final String UNKNOWN_ITEM = "no-such-item";

  private static final Interactions TRAIN;
  private static final ItemCategories CATEGORIES;

  static {
    List<String> userIds = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      userIds.add(String.format("u%02d", u));
    }
    userIds.add(USER_WITHOUT_ROWS);
    List<String> itemIds = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      itemIds.add(String.format("i%02d", i));
    }
    IdIndex users = IdIndex.of(userIds);
    IdIndex items = IdIndex.of(itemIds);
    ItemCategories.Builder categories = ItemCategories.builder(items);
    for (int i = 0; i < 38; i++) {
      categories.put(i, "c" + category(i));
    }
    CATEGORIES = categories.build();

    SplittableRandom random = new SplittableRandom(20261123L);
    // skewed popularity over i00..i38: weight 1 / (1 + i / 3)
    double[] cumulative = new double[39];
    double total = 0;
    for (int i = 0; i < 39; i++) {
      total += 1.0 / (1.0 + i / 3.0);
      cumulative[i] = total;
    }
    Interactions.Builder b = Interactions.builder(DuplicatePolicy.SUM).userIndex(users).itemIndex(items);
    long span = 30L * 24 * 3600 * 1000;
    for (int u = 0; u < USERS; u++) {
      int events = 3 + random.nextInt(10);
      int preferred = u % 4;
      for (int e = 0; e < events; e++) {
        int item;
        if (random.nextDouble() < 0.6) {
          int from = preferred == 0 ? 0 : preferred == 1 ? 12 : preferred == 2 ? 22 : 30;
          int to = preferred == 0 ? 12 : preferred == 1 ? 22 : preferred == 2 ? 30 : 38;
          item = from + random.nextInt(to - from);
        } else {
          double x = random.nextDouble() * total;
          item = 0;
          while (cumulative[item] < x) {
            item++;
          }
        }
        b.addIndexed(u, item, 1 + random.nextInt(3), START_MILLIS + random.nextLong(span));
      }
    }
    TRAIN = b.build();
  }

  private ContractFixture() {}

  private static int category(int item) {
    return item < 12 ? 0 : item < 22 ? 1 : item < 30 ? 2 : 3;
  }

  /** Returns the training interactions. */
  public static Interactions train() {
    return TRAIN;
  }

  /** Returns the item categories, over {@code train().items()}. */
  public static ItemCategories categories() {
    return CATEGORIES;
  }

  /** Returns the ids of the users that have events ({@code u00..u49}). */
  public static List<String> activeUsers() {
    return TRAIN.users().ids().subList(0, USERS);
  }
}
