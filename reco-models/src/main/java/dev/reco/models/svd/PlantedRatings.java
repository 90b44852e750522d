package dev.reco.models.svd;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of explicit ratings with planted structure, for tests, benchmarks and
 * hyperparameter studies: the biased matrix factorization model plus Gaussian noise.
 *
 * <p>Each user has a bias {@code b_u ~ N(0, userBiasStd²)} and a vector {@code p_u}, each item a
 * bias {@code b_i ~ N(0, itemBiasStd²)} and a vector {@code q_i}, all vector entries drawn from
 * {@code N(0, s²)} with {@code s⁴ = interactionStd² / rank}, so that {@code p_u · q_i} has standard
 * deviation {@code interactionStd}. The rating of a sampled pair is
 * <pre>
 *   r_ui = globalMean + b_u + b_i + p_u · q_i + N(0, noiseStd²)
 * </pre>
 * rounded to the nearest integer and clamped to {@code [1, 5]} when {@code integerRatings} is
 * set. A model that recovers the structure exactly has an expected squared error of
 * {@code noiseStd²} on continuous ratings (the noise floor).
 *
 * <p>Pairs are distinct and drawn with probability proportional to {@code w_u · w_i}, where user
 * activity and item popularity weights are log-normal, {@code exp(popularitySigma · N(0, 1))}
 * (0: uniform). Rows come out in the order they were drawn (a seeded random order), with user ids
 * {@code u1, u2, ...} and item ids {@code i1, i2, ...}; some users or items may get no rating.
 * Generation takes O(users + items + ratings) memory and time.
 *
 * @param users number of users, {@code >= 1}
 * @param items number of items, {@code >= 1}
 * @param ratings number of distinct (user, item) ratings, in {@code [1, users * items / 2]}
 * @param rank rank of the planted interaction, {@code >= 1}
 * @param globalMean mean rating before noise, finite
 * @param userBiasStd spread of user biases, finite, {@code >= 0}
 * @param itemBiasStd spread of item biases, finite, {@code >= 0}
 * @param interactionStd spread of {@code p_u · q_i}, finite, {@code >= 0}
 * @param noiseStd spread of the noise, finite, {@code >= 0}
 * @param popularitySigma log-normal spread of user activity and item popularity, in
 *     {@code [0, 3]}
 * @param integerRatings whether ratings are rounded and clamped to the integers 1 to 5
 * @param seed seed of every random choice
 */
public record PlantedRatings(int users, int items, int ratings, int rank, double globalMean,
    double userBiasStd, double itemBiasStd, double interactionStd, double noiseStd,
    double popularitySigma, boolean integerRatings, long seed) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a value is outside its documented range; the message
   *     names the parameter and the value
   */
  public PlantedRatings {
    if (users < 1) {
      throw new IllegalArgumentException("users = " + users + "; expected users >= 1");
    }
    if (items < 1) {
      throw new IllegalArgumentException("items = " + items + "; expected items >= 1");
    }
    long cells = (long) users * items;
    if (ratings < 1 || ratings > cells / 2) {
      throw new IllegalArgumentException("ratings = " + ratings + "; expected 1 <= ratings <= "
          + cells / 2 + " (half of users * items)");
    }
    if (rank < 1) {
      throw new IllegalArgumentException("rank = " + rank + "; expected rank >= 1");
    }
    if (!Double.isFinite(globalMean)) {
      throw new IllegalArgumentException("globalMean = " + globalMean + "; expected finite");
    }
    spread("userBiasStd", userBiasStd);
    spread("itemBiasStd", itemBiasStd);
    spread("interactionStd", interactionStd);
    spread("noiseStd", noiseStd);
    if (!(popularitySigma >= 0 && popularitySigma <= 3)) {
      throw new IllegalArgumentException(
          "popularitySigma = " + popularitySigma + "; expected in [0, 3]");
    }
  }

  private static void spread(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + "; expected a finite number >= 0");
    }
  }

  /**
   * Returns MovieLens-100K-like settings: 943 users, 1,682 items, 100,000 integer ratings 1 to 5
   * with mean about 3.5, rank 10, biases with spreads 0.35 (users) and 0.45 (items), interaction
   * 0.5, noise 0.8, log-normal popularity with sigma 1, seed 42.
   *
   * @return the settings
   */
  public static PlantedRatings movieLens100k() {
    return new PlantedRatings(943, 1682, 100_000, 10, 3.53, 0.35, 0.45, 0.5, 0.8, 1.0, true, 42L);
  }

  /**
   * Returns MovieLens-1M-like settings: 6,040 users, 3,706 items, 1,000,000 ratings, otherwise
   * as {@link #movieLens100k()}.
   *
   * @return the settings
   */
  public static PlantedRatings movieLens1m() {
    return movieLens100k().withSize(6040, 3706, 1_000_000);
  }

  /**
   * Returns a copy with another shape.
   *
   * @param users number of users
   * @param items number of items
   * @param ratings number of ratings
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public PlantedRatings withSize(int users, int items, int ratings) {
    return new PlantedRatings(users, items, ratings, rank, globalMean, userBiasStd, itemBiasStd,
        interactionStd, noiseStd, popularitySigma, integerRatings, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed any value
   * @return the copy
   */
  public PlantedRatings withSeed(long seed) {
    return new PlantedRatings(users, items, ratings, rank, globalMean, userBiasStd, itemBiasStd,
        interactionStd, noiseStd, popularitySigma, integerRatings, seed);
  }

  /**
   * Generates the ratings.
   *
   * @return the ratings, one row per distinct pair, in draw order
   * @throws IllegalStateException if the popularity skew is so strong that distinct pairs cannot
   *     be found (more than 100 draws per rating)
   */
  public Interactions generate() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] two = new double[2];
    double[] userWeights = cumulativeWeights(users, random, two);
    double[] itemWeights = cumulativeWeights(items, random, two);
    float[] userBias = gaussians(users, userBiasStd, random, two);
    float[] itemBias = gaussians(items, itemBiasStd, random, two);
    double s = Math.sqrt(interactionStd / Math.sqrt(rank));
    float[] p = gaussians(users * rank, s, random, two);
    float[] q = gaussians(items * rank, s, random, two);

    int[] user = new int[ratings];
    int[] item = new int[ratings];
    float[] value = new float[ratings];
    LongSet seen = new LongSet(ratings);
    long draws = 0;
    int n = 0;
    while (n < ratings) {
      if (++draws > 100L * ratings) {
        throw new IllegalStateException("found only " + n + " distinct pairs of " + ratings
            + " after " + (draws - 1) + " draws; expected a weaker popularity skew than "
            + "popularitySigma = " + popularitySigma);
      }
      int u = sample(userWeights, random);
      int i = sample(itemWeights, random);
      if (!seen.add((long) u * items + i)) {
        continue;
      }
      double dot = 0;
      for (int f = 0; f < rank; f++) {
        dot += (double) p[u * rank + f] * q[i * rank + f];
      }
      GaussianInit.pair(random, two);
      double r = globalMean + userBias[u] + itemBias[i] + dot + noiseStd * two[0];
      if (integerRatings) {
        r = Math.max(1, Math.min(5, Math.rint(r)));
      }
      user[n] = u;
      item[n] = i;
      value[n] = (float) r;
      n++;
    }
    return Interactions.fromColumns(ids("u", users), ids("i", items), null, user, item, value,
        null, null);
  }

  private double[] cumulativeWeights(int size, SplittableRandom random, double[] two) {
    double[] cumulative = new double[size];
    double total = 0;
    for (int j = 0; j < size; j++) {
      GaussianInit.pair(random, two);
      total += Math.exp(popularitySigma * two[0]);
      cumulative[j] = total;
    }
    return cumulative;
  }

  private static int sample(double[] cumulative, SplittableRandom random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static float[] gaussians(int size, double std, SplittableRandom random, double[] two) {
    float[] out = new float[size];
    for (int j = 0; j < size; j += 2) {
      GaussianInit.pair(random, two);
      out[j] = (float) (std * two[0]);
      if (j + 1 < size) {
        out[j + 1] = (float) (std * two[1]);
      }
    }
    return out;
  }

  private static IdIndex ids(String prefix, int size) {
    List<String> ids = new ArrayList<>(size);
    for (int j = 1; j <= size; j++) {
      ids.add(prefix + j);
    }
    return IdIndex.of(ids);
  }

  /** An open-addressing set of non-negative longs. */
  private static final class LongSet {
    private final long[] slots;
    private final int mask;

    LongSet(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      slots = new long[capacity];
      java.util.Arrays.fill(slots, -1L);
      mask = capacity - 1;
    }

    /** Adds a key {@code >= 0}; returns false if it was present. */
    boolean add(long key) {
      int h = (int) Seeds.mix64(key) & mask;
      while (slots[h] != -1L) {
        if (slots[h] == key) {
          return false;
        }
        h = (h + 1) & mask;
      }
      slots[h] = key;
      return true;
    }
  }
}
