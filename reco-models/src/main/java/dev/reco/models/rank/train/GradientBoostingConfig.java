package dev.reco.models.rank.train;

import java.util.Objects;

/**
 * How {@link SmileGradientBoosting} grows its trees: an immutable, validated configuration of
 * Smile 2.6.0's {@code GradientTreeBoost}. Start from {@link #leastSquares()} (continuous labels)
 * or {@link #logistic()} (labels 0/1) and change single settings with the {@code with...} copies;
 * every copy is validated again.
 *
 * <h2>Defaults and their cost</h2>
 * The defaults give the shape reco's ranker benchmarks use (300 trees of depth 6) and settings
 * close to LightGBM's: 300 trees at shrinkage 0.1, at most 32 leaves per tree (LightGBM: 31), at
 * least 20 training rows per leaf, 80% row sampling per tree (Friedman's stochastic gradient
 * boosting). Smile's own defaults are 500 trees of 6 leaves at shrinkage 0.05 and 70% sampling.
 * Serving cost is linear in the number of trees times the depth walked: 300 trees of depth 6
 * are at most 1,800 node visits per row. Training cost grows as {@code trees * features * rows}
 * (Smile sorts every feature once and scans the sorted orders for each split).
 *
 * <h2>Depth</h2>
 * Smile grows each tree best-first (the split with the largest impurity gain next) until the tree
 * has {@code maxNodes} leaves or no split qualifies. Smile 2.6.0 splits a node only when its depth
 * is below {@code maxDepth}, counting the root as depth 1: a path from the root to a leaf crosses
 * at most {@code maxDepth - 1} splits (the default 7 gives trees of depth 6, at most 32 leaves
 * with the default {@code maxNodes}).
 *
 * @param trees boosting rounds (trees), {@code 1..100000} (default 300)
 * @param maxDepth Smile's maximum depth, {@code 2..64} (default 7: split paths of up to 6 nodes)
 * @param maxNodes Smile's maximum number of leaves per tree, {@code 2..65536} (default 32)
 * @param nodeSize the minimum number of training rows in a leaf, {@code >= 1} (default 20); a node
 *     is split only when it holds at least twice as many rows
 * @param shrinkage the learning rate multiplying every tree's output, in {@code (0, 1]} (default
 *     0.1)
 * @param subsample the fraction of rows (stratified by class for {@link Loss#LOGISTIC}) each tree
 *     is fitted on, in {@code (0, 1]} (default 0.8); 1 makes training independent of the seed
 * @param loss the objective: {@link Loss#LEAST_SQUARES} for regression,
 *     {@link Loss#LOGISTIC} for binary labels
 * @param seed the seed of Smile's row sampling (default 42)
 */
public record GradientBoostingConfig(
    int trees,
    int maxDepth,
    int maxNodes,
    int nodeSize,
    double shrinkage,
    double subsample,
    Loss loss,
    long seed) {

  /** The objective a {@link SmileGradientBoosting} ensemble is fitted to. */
  public enum Loss {
    /**
     * Least squares ({@code smile.regression.GradientTreeBoost} with {@code Loss.ls()}): the score
     * is the predicted label; any finite labels.
     */
    LEAST_SQUARES,
    /**
     * Friedman's binomial deviance ({@code smile.classification.GradientTreeBoost}, two classes):
     * the score is the probability of label 1; labels 0 and 1, both present.
     */
    LOGISTIC
  }

  /** Largest accepted number of trees. */
  public static final int MAX_TREES = 100_000;
  /** Largest accepted {@code maxDepth}. */
  public static final int MAX_DEPTH = 64;
  /** Largest accepted {@code maxNodes}. */
  public static final int MAX_NODES = 65_536;
  /** Default number of trees: 300. */
  public static final int DEFAULT_TREES = 300;
  /** Default Smile maximum depth: 7, i.e. paths of at most 6 split nodes. */
  public static final int DEFAULT_MAX_DEPTH = 7;
  /** Default maximum number of leaves per tree: 32. */
  public static final int DEFAULT_MAX_NODES = 32;
  /** Default minimum number of rows per leaf: 20 (LightGBM's {@code min_data_in_leaf}). */
  public static final int DEFAULT_NODE_SIZE = 20;
  /** Default shrinkage: 0.1 (LightGBM's {@code learning_rate}). */
  public static final double DEFAULT_SHRINKAGE = 0.1;
  /** Default row sampling fraction: 0.8. */
  public static final double DEFAULT_SUBSAMPLE = 0.8;
  /** Default seed: 42. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range, its value and the
   *     accepted range
   * @throws NullPointerException if {@code loss} is null
   */
  public GradientBoostingConfig {
    if (trees < 1 || trees > MAX_TREES) {
      throw new IllegalArgumentException(
          "trees = " + trees + "; expected 1 <= trees <= " + MAX_TREES);
    }
    if (maxDepth < 2 || maxDepth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth = " + maxDepth + "; expected 2 <= maxDepth <= " + MAX_DEPTH);
    }
    if (maxNodes < 2 || maxNodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "maxNodes = " + maxNodes + "; expected 2 <= maxNodes <= " + MAX_NODES);
    }
    if (nodeSize < 1) {
      throw new IllegalArgumentException("nodeSize = " + nodeSize + "; expected nodeSize >= 1");
    }
    if (!(shrinkage > 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException(
          "shrinkage = " + shrinkage + "; expected 0 < shrinkage <= 1");
    }
    if (!(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException(
          "subsample = " + subsample + "; expected 0 < subsample <= 1");
    }
    Objects.requireNonNull(loss, "loss");
  }

  /**
   * Returns the defaults for continuous labels ({@link Loss#LEAST_SQUARES}).
   *
   * @return the configuration
   */
  public static GradientBoostingConfig leastSquares() {
    return new GradientBoostingConfig(DEFAULT_TREES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES,
        DEFAULT_NODE_SIZE, DEFAULT_SHRINKAGE, DEFAULT_SUBSAMPLE, Loss.LEAST_SQUARES, DEFAULT_SEED);
  }

  /**
   * Returns the defaults for binary labels ({@link Loss#LOGISTIC}).
   *
   * @return the configuration
   */
  public static GradientBoostingConfig logistic() {
    return leastSquares().withLoss(Loss.LOGISTIC);
  }

  /**
   * Returns a copy with another number of trees.
   *
   * @param value boosting rounds, {@code 1..100000}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public GradientBoostingConfig withTrees(int value) {
    return new GradientBoostingConfig(value, maxDepth, maxNodes, nodeSize, shrinkage, subsample,
        loss, seed);
  }

  /**
   * Returns a copy with another maximum depth.
   *
   * @param value Smile's maximum depth, {@code 2..64}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public GradientBoostingConfig withMaxDepth(int value) {
    return new GradientBoostingConfig(trees, value, maxNodes, nodeSize, shrinkage, subsample,
        loss, seed);
  }

  /**
   * Returns a copy with another maximum number of leaves per tree.
   *
   * @param value {@code 2..65536}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public GradientBoostingConfig withMaxNodes(int value) {
    return new GradientBoostingConfig(trees, maxDepth, value, nodeSize, shrinkage, subsample,
        loss, seed);
  }

  /**
   * Returns a copy with another minimum leaf size.
   *
   * @param value rows per leaf, {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public GradientBoostingConfig withNodeSize(int value) {
    return new GradientBoostingConfig(trees, maxDepth, maxNodes, value, shrinkage, subsample,
        loss, seed);
  }

  /**
   * Returns a copy with another shrinkage.
   *
   * @param value the learning rate, in {@code (0, 1]}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public GradientBoostingConfig withShrinkage(double value) {
    return new GradientBoostingConfig(trees, maxDepth, maxNodes, nodeSize, value, subsample,
        loss, seed);
  }

  /**
   * Returns a copy with another sampling fraction.
   *
   * @param value the fraction of rows per tree, in {@code (0, 1]}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public GradientBoostingConfig withSubsample(double value) {
    return new GradientBoostingConfig(trees, maxDepth, maxNodes, nodeSize, shrinkage, value,
        loss, seed);
  }

  /**
   * Returns a copy with another objective.
   *
   * @param value the objective
   * @return the copy
   * @throws NullPointerException if {@code value} is null
   */
  public GradientBoostingConfig withLoss(Loss value) {
    return new GradientBoostingConfig(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample,
        value, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param value the seed of Smile's row sampling
   * @return the copy
   */
  public GradientBoostingConfig withSeed(long value) {
    return new GradientBoostingConfig(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample,
        loss, value);
  }
}
