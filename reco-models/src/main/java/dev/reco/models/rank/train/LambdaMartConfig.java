package dev.reco.models.rank.train;

/**
 * What {@link LambdaMart} learns: an immutable, validated configuration. Start from
 * {@link #defaults()} and change single settings with the {@code with...} copies; every copy is
 * validated again.
 *
 * @param trees boosting rounds (trees), {@code >= 1}; training time and model size grow linearly
 * @param maxLeaves leaves per tree, {@code 2..4096}; trees grow leaf-wise (best gain first) up to
 *     this count. Training holds one histogram of {@code 6 KiB} per feature for each leaf
 *     (31 leaves x 20 features: 3.7 MiB)
 * @param maxDepth largest depth of a leaf, {@code 1..64}; bounds the comparisons per tree when
 *     scoring
 * @param learningRate shrinkage of every leaf value, finite, {@code 0 < rate <= 1}
 * @param minDataInLeaf fewest training rows in a leaf, {@code >= 1}
 * @param minSumHessianInLeaf smallest sum of second derivatives in a leaf, finite, {@code >= 0};
 *     keeps Newton steps {@code -G/H} away from tiny denominators
 * @param ndcgAt the K of NDCG@K that the gradients target and early stopping watches,
 *     {@code >= 1}
 * @param featureFraction share of features each tree may split on, {@code 0 < f <= 1}; drawn per
 *     tree from the seed ({@code max(1, round(f d))} of {@code d} features)
 * @param subsample share of groups each tree is grown on, {@code 0 < s <= 1}; drawn per tree from
 *     the seed (whole groups, so the lambdas of a group stay consistent)
 * @param maxBins most histogram bins per feature, {@code 2..255}; a feature with at most this many
 *     distinct values gets one bin per value, i.e. an exact split search
 * @param earlyStoppingRounds with validation data: stop after this many trees without a strictly
 *     better validation NDCG@K and keep the best prefix, {@code >= 1}
 * @param seed seed of feature and group sampling (the fit is deterministic for a given seed)
 */
public record LambdaMartConfig(
    int trees,
    int maxLeaves,
    int maxDepth,
    double learningRate,
    int minDataInLeaf,
    double minSumHessianInLeaf,
    int ndcgAt,
    double featureFraction,
    double subsample,
    int maxBins,
    int earlyStoppingRounds,
    long seed) {

  /** Largest accepted {@link #maxLeaves()}. */
  public static final int MAX_LEAVES = 4096;

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if a setting is out of its documented range, naming it
   */
  public LambdaMartConfig {
    if (trees < 1) {
      throw new IllegalArgumentException("trees = " + trees + "; expected trees >= 1");
    }
    if (maxLeaves < 2 || maxLeaves > MAX_LEAVES) {
      throw new IllegalArgumentException(
          "maxLeaves = " + maxLeaves + "; expected 2 <= maxLeaves <= " + MAX_LEAVES);
    }
    if (maxDepth < 1 || maxDepth > 64) {
      throw new IllegalArgumentException("maxDepth = " + maxDepth + "; expected 1 <= maxDepth <= 64");
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException(
          "learningRate = " + learningRate + "; expected 0 < learningRate <= 1");
    }
    if (minDataInLeaf < 1) {
      throw new IllegalArgumentException(
          "minDataInLeaf = " + minDataInLeaf + "; expected minDataInLeaf >= 1");
    }
    if (!(minSumHessianInLeaf >= 0) || Double.isInfinite(minSumHessianInLeaf)) {
      throw new IllegalArgumentException(
          "minSumHessianInLeaf = " + minSumHessianInLeaf + "; expected a finite value >= 0");
    }
    if (ndcgAt < 1) {
      throw new IllegalArgumentException("ndcgAt = " + ndcgAt + "; expected ndcgAt >= 1");
    }
    if (!(featureFraction > 0 && featureFraction <= 1)) {
      throw new IllegalArgumentException(
          "featureFraction = " + featureFraction + "; expected 0 < featureFraction <= 1");
    }
    if (!(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException(
          "subsample = " + subsample + "; expected 0 < subsample <= 1");
    }
    if (maxBins < 2 || maxBins > 255) {
      throw new IllegalArgumentException("maxBins = " + maxBins + "; expected 2 <= maxBins <= 255");
    }
    if (earlyStoppingRounds < 1) {
      throw new IllegalArgumentException(
          "earlyStoppingRounds = " + earlyStoppingRounds + "; expected earlyStoppingRounds >= 1");
    }
  }

  /**
   * Returns the defaults, those of LightGBM's {@code lambdarank} objective where it has one:
   * 100 trees of at most 31 leaves (depth at most 8), learning rate 0.1, at least 20 rows and a
   * second-derivative sum of 1e-3 per leaf, NDCG@10, all features and groups for every tree,
   * 255 bins per feature, early stopping after 20 rounds without improvement, seed 42.
   *
   * @return the defaults
   */
  public static LambdaMartConfig defaults() {
    return new LambdaMartConfig(100, 31, 8, 0.1, 20, 1e-3, 10, 1.0, 1.0, 255, 20, 42L);
  }

  /**
   * Returns a copy with another number of trees.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withTrees(int value) {
    return new LambdaMartConfig(value, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another leaf limit.
   *
   * @param value {@code 2..4096}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withMaxLeaves(int value) {
    return new LambdaMartConfig(trees, value, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another depth limit.
   *
   * @param value {@code 1..64}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withMaxDepth(int value) {
    return new LambdaMartConfig(trees, maxLeaves, value, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another learning rate.
   *
   * @param value {@code 0 < value <= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withLearningRate(double value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, value, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another minimum of rows per leaf.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withMinDataInLeaf(int value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, value,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another minimum second-derivative sum per leaf.
   *
   * @param value finite, {@code >= 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withMinSumHessianInLeaf(double value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        value, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another NDCG cutoff K.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withNdcgAt(int value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, value, featureFraction, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another feature fraction.
   *
   * @param value {@code 0 < value <= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withFeatureFraction(double value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, value, subsample, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another group subsample.
   *
   * @param value {@code 0 < value <= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withSubsample(double value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, value, maxBins, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another bin limit.
   *
   * @param value {@code 2..255}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withMaxBins(int value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, value, earlyStoppingRounds, seed);
  }

  /**
   * Returns a copy with another early-stopping patience.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public LambdaMartConfig withEarlyStoppingRounds(int value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, value, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param value any seed
   * @return the copy
   */
  public LambdaMartConfig withSeed(long value) {
    return new LambdaMartConfig(trees, maxLeaves, maxDepth, learningRate, minDataInLeaf,
        minSumHessianInLeaf, ndcgAt, featureFraction, subsample, maxBins, earlyStoppingRounds, value);
  }
}
