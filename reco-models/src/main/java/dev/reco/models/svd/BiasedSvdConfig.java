package dev.reco.models.svd;

import java.util.Objects;

/**
 * What BiasedSVD learns and in which order: an immutable, validated configuration of
 * {@link BiasedSvdTrainer}. Start from {@link #defaults()} (the defaults of Surprise's
 * {@code SVD}) and change single settings with the {@code with...} copies; every copy is
 * validated again.
 *
 * <h2>Model and updates</h2>
 * The prediction is {@code r̂_ui = mu + b_u + b_i + q_i · p_u}, with {@code mu} the mean training
 * rating. For each training rating, in the order described in {@link BiasedSvdTrainer}:
 * <pre>
 *   e    = r_ui - (mu + b_u + b_i + q_i · p_u)
 *   b_u += lrBu * (e - regBu * b_u)
 *   b_i += lrBi * (e - regBi * b_i)
 *   p_u += lrPu * (e * q_i - regPu * p_u)      (with the old q_i)
 *   q_i += lrQi * (e * p_u - regQi * q_i)      (with the old p_u)
 * </pre>
 * The names of the eight rates are Surprise's ({@code lr_bu ... reg_qi}); its {@code lr_all} and
 * {@code reg_all} are {@link #withLearningRate(double)} and {@link #withRegularization(double)}.
 *
 * <h2>Memory and cost</h2>
 * Factors cost {@code 4 * factors} bytes per user and per item (factors = 100: 400 bytes each),
 * plus 4 bytes of bias each; training keeps 12 bytes per rating in block order. One epoch does
 * about {@code 10 * factors} floating-point operations per rating (a dot product and four
 * axpys).
 *
 * @param factors latent factors per user and item, {@code 1..4096} (default 100)
 * @param epochs passes over the training ratings, {@code >= 1} (default 20)
 * @param lrBu learning rate of the user biases, finite and {@code >= 0} (default 0.005)
 * @param lrBi learning rate of the item biases, finite and {@code >= 0} (default 0.005)
 * @param lrPu learning rate of the user factors, finite and {@code >= 0} (default 0.005)
 * @param lrQi learning rate of the item factors, finite and {@code >= 0} (default 0.005)
 * @param regBu regularization of the user biases, finite and {@code >= 0} (default 0.02)
 * @param regBi regularization of the item biases, finite and {@code >= 0} (default 0.02)
 * @param regPu regularization of the user factors, finite and {@code >= 0} (default 0.02)
 * @param regQi regularization of the item factors, finite and {@code >= 0} (default 0.02)
 * @param initMean mean of the Gaussian initial factors, finite (default 0)
 * @param initStd standard deviation of the Gaussian initial factors, finite and {@code >= 0}
 *     (default 0.1); 0 with mean 0 keeps every factor at 0, which trains the biases only
 * @param shuffle whether each block's ratings are visited in a fresh seeded random order every
 *     epoch (default true); false visits them in the order of the training rows, every epoch, as
 *     Surprise does
 * @param ratingScale the range predictions are clipped to, or {@code null} (default) for the
 *     lowest and highest training value (no clipping when all training values are equal)
 * @param blocks number of user groups and of item groups of the stratified (DSGD) schedule,
 *     {@code 1..256} (default 8); 1 is plain sequential SGD. The fitted model depends on it (and
 *     on the layout), never on the thread count. Up to {@code blocks} threads work at once
 * @param blockLayout how users and items are assigned to groups (default
 *     {@link BlockLayout#SHUFFLED})
 * @param seed seed of the initial factors, the shuffles and the shuffled layout (default 42)
 */
public record BiasedSvdConfig(
    int factors,
    int epochs,
    double lrBu,
    double lrBi,
    double lrPu,
    double lrQi,
    double regBu,
    double regBi,
    double regPu,
    double regQi,
    double initMean,
    double initStd,
    boolean shuffle,
    RatingScale ratingScale,
    int blocks,
    BlockLayout blockLayout,
    long seed) {

  /** Largest accepted number of factors. */
  public static final int MAX_FACTORS = 4096;
  /** Largest accepted number of blocks per side ({@code blocks²} blocks in all). */
  public static final int MAX_BLOCKS = 256;
  /** Default number of factors: 100, as Surprise. */
  public static final int DEFAULT_FACTORS = 100;
  /** Default number of epochs: 20, as Surprise. */
  public static final int DEFAULT_EPOCHS = 20;
  /** Default learning rate of every parameter: 0.005, Surprise's {@code lr_all}. */
  public static final double DEFAULT_LEARNING_RATE = 0.005;
  /** Default regularization of every parameter: 0.02, Surprise's {@code reg_all}. */
  public static final double DEFAULT_REGULARIZATION = 0.02;
  /** Default standard deviation of the initial factors: 0.1, as Surprise. */
  public static final double DEFAULT_INIT_STD = 0.1;
  /** Default number of blocks per side: 8 (64 blocks, 8 run at once). */
  public static final int DEFAULT_BLOCKS = 8;
  /** Default seed. */
  public static final long DEFAULT_SEED = 42L;

  /** How users and items are assigned to the groups of the stratified schedule. */
  public enum BlockLayout {
    /**
     * Users (and items) are put in a seeded random order, then cut into consecutive groups of
     * about equal numbers of ratings. Balances the blocks whatever the id order of the data.
     */
    SHUFFLED,
    /**
     * Users (and items) are cut in index order into contiguous ranges of about equal numbers of
     * ratings. Keeps each group's factor rows together in memory; blocks may be unbalanced when
     * index order correlates with activity.
     */
    RANGES
  }

  /**
   * The range predictions are clipped to, as Surprise's {@code rating_scale}.
   *
   * @param min lowest rating, finite
   * @param max highest rating, finite and {@code > min}
   */
  public record RatingScale(double min, double max) {
    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code min >= max}
     */
    public RatingScale {
      if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
        throw new IllegalArgumentException(
            "ratingScale = [" + min + ", " + max + "]; expected finite min < max");
      }
    }
  }

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if a value is outside the range its parameter documents;
   *     the message names the parameter and the value
   * @throws NullPointerException if {@code blockLayout} is null
   */
  public BiasedSvdConfig {
    if (factors < 1 || factors > MAX_FACTORS) {
      throw new IllegalArgumentException(
          "factors = " + factors + "; expected 1 <= factors <= " + MAX_FACTORS);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + "; expected epochs >= 1");
    }
    nonNegative("lrBu", lrBu);
    nonNegative("lrBi", lrBi);
    nonNegative("lrPu", lrPu);
    nonNegative("lrQi", lrQi);
    nonNegative("regBu", regBu);
    nonNegative("regBi", regBi);
    nonNegative("regPu", regPu);
    nonNegative("regQi", regQi);
    if (!Double.isFinite(initMean)) {
      throw new IllegalArgumentException("initMean = " + initMean + "; expected a finite number");
    }
    nonNegative("initStd", initStd);
    if (blocks < 1 || blocks > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "blocks = " + blocks + "; expected 1 <= blocks <= " + MAX_BLOCKS);
    }
    Objects.requireNonNull(blockLayout, "blockLayout");
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " = " + value + "; expected a finite number >= 0");
    }
  }

  /**
   * Returns Surprise's defaults: 100 factors, 20 epochs, learning rate 0.005 and regularization
   * 0.02 for every parameter, initial factors from N(0, 0.1²); plus this library's settings:
   * shuffling each epoch, clipping to the observed rating range, 8 × 8 shuffled blocks, seed 42.
   *
   * @return the default configuration
   */
  public static BiasedSvdConfig defaults() {
    double lr = DEFAULT_LEARNING_RATE;
    double reg = DEFAULT_REGULARIZATION;
    return new BiasedSvdConfig(DEFAULT_FACTORS, DEFAULT_EPOCHS, lr, lr, lr, lr, reg, reg, reg, reg,
        0.0, DEFAULT_INIT_STD, true, null, DEFAULT_BLOCKS, BlockLayout.SHUFFLED, DEFAULT_SEED);
  }

  /**
   * Returns the settings recommended for explicit star ratings, tuned by 5-fold cross-validation
   * on MovieLens 100K: 100 factors, 40 epochs, learning rates 0.005 for the biases and 0.01 for
   * the factors, regularization 0.005 for the biases and 0.07 for the factors, initial factors
   * from N(0, 0.01²); shuffling, blocks, layout, seed and rating scale as in
   * {@link #defaults()}.
   *
   * <p>The small initial factors make the factors grow slowly for the first 20 or so epochs;
   * the held-out error is lowest around epoch 40 and rises slowly after it, so on data of another
   * size or density pick the epochs with a validation split
   * ({@code FitOptions.withValidation(validation, patience)} keeps the best epoch).
   * docs/biased-svd.md gives the measurements (MovieLens 100K RMSE 0.903 against 0.938 for
   * {@link #defaults()}).
   *
   * @return the recommended configuration
   */
  public static BiasedSvdConfig recommended() {
    return defaults()
        .withEpochs(40)
        .withLearningRates(0.005, 0.005, 0.01, 0.01)
        .withRegularizations(0.005, 0.005, 0.07, 0.07)
        .withInit(0.0, 0.01);
  }

  /**
   * Returns a copy with another number of factors.
   *
   * @param factors {@code 1..4096}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public BiasedSvdConfig withFactors(int factors) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param epochs {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if {@code epochs < 1}
   */
  public BiasedSvdConfig withEpochs(int epochs) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with one learning rate for all four parameter groups (Surprise's
   * {@code lr_all}).
   *
   * @param rate finite, {@code >= 0}
   * @return the copy
   * @throws IllegalArgumentException if negative or not finite
   */
  public BiasedSvdConfig withLearningRate(double rate) {
    return withLearningRates(rate, rate, rate, rate);
  }

  /**
   * Returns a copy with a learning rate per parameter group (Surprise's {@code lr_bu, lr_bi,
   * lr_pu, lr_qi}).
   *
   * @param lrBu user biases
   * @param lrBi item biases
   * @param lrPu user factors
   * @param lrQi item factors
   * @return the copy
   * @throws IllegalArgumentException if a rate is negative or not finite
   */
  public BiasedSvdConfig withLearningRates(double lrBu, double lrBi, double lrPu, double lrQi) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with one regularization for all four parameter groups (Surprise's
   * {@code reg_all}).
   *
   * @param reg finite, {@code >= 0}
   * @return the copy
   * @throws IllegalArgumentException if negative or not finite
   */
  public BiasedSvdConfig withRegularization(double reg) {
    return withRegularizations(reg, reg, reg, reg);
  }

  /**
   * Returns a copy with a regularization per parameter group (Surprise's {@code reg_bu, reg_bi,
   * reg_pu, reg_qi}).
   *
   * @param regBu user biases
   * @param regBi item biases
   * @param regPu user factors
   * @param regQi item factors
   * @return the copy
   * @throws IllegalArgumentException if a value is negative or not finite
   */
  public BiasedSvdConfig withRegularizations(double regBu, double regBi, double regPu,
      double regQi) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with another distribution of the initial factors, N(mean, std²).
   *
   * @param mean finite
   * @param std finite, {@code >= 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public BiasedSvdConfig withInit(double mean, double std) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        mean, std, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy that does or does not shuffle each block's ratings every epoch.
   *
   * @param shuffle false visits ratings in training-row order every epoch
   * @return the copy
   */
  public BiasedSvdConfig withShuffle(boolean shuffle) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy that clips predictions to {@code [min, max]}.
   *
   * @param min lowest rating, finite
   * @param max highest rating, finite, {@code > min}
   * @return the copy
   * @throws IllegalArgumentException if not finite or {@code min >= max}
   */
  public BiasedSvdConfig withRatingScale(double min, double max) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, new RatingScale(min, max), blocks, blockLayout, seed);
  }

  /**
   * Returns a copy that clips predictions to the lowest and highest training value.
   *
   * @return the copy
   */
  public BiasedSvdConfig withObservedRatingScale() {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, null, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with another number of blocks per side.
   *
   * @param blocks {@code 1..256}; 1 is plain sequential SGD
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public BiasedSvdConfig withBlocks(int blocks) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with another block layout.
   *
   * @param blockLayout how users and items are grouped
   * @return the copy
   * @throws NullPointerException if null
   */
  public BiasedSvdConfig withBlockLayout(BlockLayout blockLayout) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed any value
   * @return the copy
   */
  public BiasedSvdConfig withSeed(long seed) {
    return new BiasedSvdConfig(factors, epochs, lrBu, lrBi, lrPu, lrQi, regBu, regBi, regPu, regQi,
        initMean, initStd, shuffle, ratingScale, blocks, blockLayout, seed);
  }
}
