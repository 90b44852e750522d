package dev.reco.benchmarks.peers;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.util.SplittableRandom;

/**
 * Seeded explicit ratings in the shape of MovieLens: integer ratings 1 to 5 drawn from a planted
 * biased low-rank model, so that rating-prediction peers (Mahout's SGD, Spark's explicit ALS) and
 * reco's trainers can be compared on the same data without shipping a real dataset.
 *
 * <p><b>Model.</b> For user u and item i,
 * <pre>
 *   r*(u, i) = mu + b_u + b_i + p_u · q_i          (planted score)
 *   r(u, i)  = clamp(round(r*(u, i) + e), 1, 5)    e ~ N(0, noiseSigma²)
 * </pre>
 * with {@code b_u ~ N(0, userBiasSigma²)}, {@code b_i ~ N(0, itemBiasSigma²)} and every factor of
 * {@code p_u}, {@code q_i} (rank {@code rank}) {@code ~ N(0, factorSigma²)}.
 *
 * <p><b>Which pairs are rated.</b> Every user rates at least {@code minPerUser} items; the other
 * ratings go to users in proportion to a log-normal activity ({@code sigma = 1}), at most half of
 * the catalogue per user. Items are chosen without repetition in proportion to a Zipf popularity
 * {@code rank^-itemZipf} over a random permutation of the items. With the defaults the ratings
 * have mean about 3.5 and standard deviation about 1.1, as MovieLens 100K (3.53 and 1.13).
 *
 * <p>Everything is drawn from {@link SplittableRandom}s split from {@code seed} in a fixed order,
 * so a config always gives the same table. O(ratings + users + items) time and memory.
 */
public final class SyntheticRatings {
  private final Interactions ratings;
  private final double plantedRmse;

  private SyntheticRatings(Interactions ratings, double plantedRmse) {
    this.ratings = ratings;
    this.plantedRmse = plantedRmse;
  }

  /**
   * Settings of the generator, validated on construction.
   *
   * @param users number of users, {@code >= 1}; ids {@code "1"} to {@code "users"}
   * @param items number of items, {@code >= 2}; ids {@code "1"} to {@code "items"}
   * @param ratings exact number of ratings, in {@code [users * minPerUser, users * (items / 2)]}
   * @param rank rank of the planted interaction term, {@code >= 1}
   * @param globalMean planted global mean {@code mu}, finite
   * @param userBiasSigma standard deviation of user biases, {@code >= 0}
   * @param itemBiasSigma standard deviation of item biases, {@code >= 0}
   * @param factorSigma standard deviation of every planted factor, {@code >= 0}
   * @param noiseSigma standard deviation of the noise before rounding, {@code >= 0}
   * @param itemZipf exponent of the item popularity, in {@code [0, 5]}
   * @param minPerUser ratings every user has at least, in {@code [1, items / 2]}
   * @param seed seed of every random choice
   */
  public record Config(int users, int items, int ratings, int rank, double globalMean,
      double userBiasSigma, double itemBiasSigma, double factorSigma, double noiseSigma,
      double itemZipf, int minPerUser, long seed) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a value is out of its documented range
     */
    public Config {
      if (users < 1) {
        throw new IllegalArgumentException("users = " + users + "; expected users >= 1");
      }
      if (items < 2) {
        throw new IllegalArgumentException("items = " + items + "; expected items >= 2");
      }
      if (rank < 1) {
        throw new IllegalArgumentException("rank = " + rank + "; expected rank >= 1");
      }
      if (minPerUser < 1 || minPerUser > items / 2) {
        throw new IllegalArgumentException("minPerUser = " + minPerUser + "; expected in [1, "
            + items / 2 + "] (half the items)");
      }
      long low = (long) users * minPerUser;
      long high = (long) users * (items / 2);
      if (ratings < low || ratings > high) {
        throw new IllegalArgumentException("ratings = " + ratings + "; expected in [" + low + ", "
            + high + "] (users * minPerUser to users * items / 2)");
      }
      requireFinite("globalMean", globalMean);
      requireNonNegative("userBiasSigma", userBiasSigma);
      requireNonNegative("itemBiasSigma", itemBiasSigma);
      requireNonNegative("factorSigma", factorSigma);
      requireNonNegative("noiseSigma", noiseSigma);
      if (!(itemZipf >= 0 && itemZipf <= 5)) {
        throw new IllegalArgumentException("itemZipf = " + itemZipf + "; expected in [0, 5]");
      }
    }

    /**
     * Returns the MovieLens 100K shape: 943 users, 1,682 items, 100,000 ratings, at least 20 per
     * user, seed 42.
     *
     * @return the config
     */
    public static Config movieLens100k() {
      return new Config(943, 1_682, 100_000, 8, 3.55, 0.35, 0.45, 0.46, 0.80, 0.9, 20, 42L);
    }

    /**
     * Returns the MovieLens 1M shape: 6,040 users, 3,706 items, 1,000,209 ratings, at least 20
     * per user, seed 42.
     *
     * @return the config
     */
    public static Config movieLens1m() {
      return new Config(6_040, 3_706, 1_000_209, 8, 3.55, 0.35, 0.45, 0.46, 0.80, 0.9, 20, 42L);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param value the seed
     * @return the copy
     */
    public Config withSeed(long value) {
      return new Config(users, items, ratings, rank, globalMean, userBiasSigma, itemBiasSigma,
          factorSigma, noiseSigma, itemZipf, minPerUser, value);
    }

    private static void requireFinite(String name, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(name + " = " + value + "; expected a finite number");
      }
    }

    private static void requireNonNegative(String name, double value) {
      if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(name + " = " + value + "; expected finite and >= 0");
      }
    }
  }

  /**
   * Generates the ratings of a config.
   *
   * @param config the settings
   * @return the ratings (no timestamps, no event types; user-major order) and the planted RMSE
   * @throws NullPointerException if {@code config} is null
   */
  public static SyntheticRatings generate(Config config) {
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom modelRandom = root.split();
    SplittableRandom quotaRandom = root.split();
    SplittableRandom itemRandom = root.split();
    SplittableRandom noiseRandom = root.split();

    int users = config.users();
    int items = config.items();
    int rank = config.rank();
    float[] userBias = gaussians(modelRandom, users, config.userBiasSigma());
    float[] itemBias = gaussians(modelRandom, items, config.itemBiasSigma());
    float[] userFactors = gaussians(modelRandom, users * rank, config.factorSigma());
    float[] itemFactors = gaussians(modelRandom, items * rank, config.factorSigma());

    int[] quota = quotas(config, quotaRandom);
    double[] itemCdf = itemCdf(config, itemRandom);

    IdIndex userIds = numbered(users);
    IdIndex itemIds = numbered(items);
    Interactions.Builder builder = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .userIndex(userIds).itemIndex(itemIds).expectedSize(config.ratings());
    int[] takenBy = new int[items]; // user + 1 that last took the item
    double squaredError = 0;
    for (int u = 0; u < users; u++) {
      for (int n = 0; n < quota[u]; n++) {
        int i;
        do {
          i = sample(itemCdf, itemRandom.nextDouble());
        } while (takenBy[i] == u + 1);
        takenBy[i] = u + 1;
        double planted = config.globalMean() + userBias[u] + itemBias[i];
        for (int f = 0; f < rank; f++) {
          planted += userFactors[u * rank + f] * itemFactors[i * rank + f];
        }
        double noisy = planted + config.noiseSigma() * noiseRandom.nextGaussian();
        float rating = (float) Math.max(1, Math.min(5, Math.rint(noisy)));
        double error = rating - Math.max(1, Math.min(5, planted));
        squaredError += error * error;
        builder.addIndexed(u, i, rating);
      }
    }
    return new SyntheticRatings(builder.build(), Math.sqrt(squaredError / config.ratings()));
  }

  /** Returns the ratings: values 1 to 5, one row per rated (user, item) pair. */
  public Interactions ratings() {
    return ratings;
  }

  /**
   * Returns the RMSE of the planted score {@code clamp(r*, 1, 5)} against the generated ratings:
   * roughly the error floor a model could reach with unlimited data.
   *
   * @return the RMSE over all ratings
   */
  public double plantedRmse() {
    return plantedRmse;
  }

  private static float[] gaussians(SplittableRandom random, int n, double sigma) {
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (sigma * random.nextGaussian());
    }
    return out;
  }

  /** minPerUser each, the rest one at a time by log-normal activity, capped at items / 2. */
  private static int[] quotas(Config config, SplittableRandom random) {
    int users = config.users();
    int cap = config.items() / 2;
    double[] cdf = new double[users];
    double total = 0;
    for (int u = 0; u < users; u++) {
      total += Math.exp(random.nextGaussian());
      cdf[u] = total;
    }
    for (int u = 0; u < users; u++) {
      cdf[u] /= total;
    }
    int[] quota = new int[users];
    java.util.Arrays.fill(quota, config.minPerUser());
    long extra = config.ratings() - (long) users * config.minPerUser();
    for (long n = 0; n < extra; n++) {
      int u;
      do {
        u = sample(cdf, random.nextDouble());
      } while (quota[u] == cap);
      quota[u]++;
    }
    return quota;
  }

  /** Zipf weights over a random permutation of the items, as a cumulative distribution. */
  private static double[] itemCdf(Config config, SplittableRandom random) {
    int items = config.items();
    int[] order = new int[items];
    for (int i = 0; i < items; i++) {
      order[i] = i;
    }
    for (int i = items - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] weight = new double[items];
    for (int r = 0; r < items; r++) {
      weight[order[r]] = Math.pow(r + 1, -config.itemZipf());
    }
    double[] cdf = new double[items];
    double total = 0;
    for (int i = 0; i < items; i++) {
      total += weight[i];
      cdf[i] = total;
    }
    for (int i = 0; i < items; i++) {
      cdf[i] /= total;
    }
    return cdf;
  }

  /** First index whose cumulative weight exceeds {@code x} in [0, 1). */
  private static int sample(double[] cdf, double x) {
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static IdIndex numbered(int n) {
    IdIndex.Builder b = IdIndex.builder(n);
    for (int k = 1; k <= n; k++) {
      b.add(Integer.toString(k));
    }
    return b.build();
  }
}
