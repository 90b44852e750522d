package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.ScoreOutput;
import dev.reco.models.rank.TreeEnsemble;
import java.util.Objects;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.regression.RegressionTree;

/**
 * Trains gradient-boosted trees with Smile 2.6.0's {@code GradientTreeBoost} (Friedman's
 * gradient boosting with stochastic row sampling) and converts them into a native
 * {@link TreeEnsemble}, which scores exactly as the Smile model does.
 *
 * <pre>{@code
 * TreeEnsemble ranker = SmileGradientBoosting.fit(schema, features, rows, clicks,
 *     GradientBoostingConfig.logistic().withTrees(200));
 * float[] probabilities = ranker.score(candidates, n);
 * }</pre>
 *
 * <h2>What is trained</h2>
 * {@link GradientBoostingConfig.Loss#LEAST_SQUARES}: {@code smile.regression.GradientTreeBoost}
 * with {@code Loss.ls()}; the intercept is the mean label and the score is
 * {@code intercept + sum of shrinkage * tree output} (identity output).
 * {@link GradientBoostingConfig.Loss#LOGISTIC}: {@code smile.classification.GradientTreeBoost}
 * on two classes, Friedman's binomial deviance with labels coded {@code -1/+1}; its margin
 * {@code F = b + sum of shrinkage * tree output}, with {@code b = 0.5 log((1 + mean) / (1 - mean))},
 * is half the log-odds, and Smile's posterior probability of label 1 is
 * {@code 1 - 1 / (1 + exp(2F)) = sigmoid(2F)}: the ensemble uses {@link ScoreOutput#SIGMOID}
 * with scale 2.
 *
 * <h2>Conversion</h2>
 * Every Smile split {@code x <= value} (double) becomes a {@link TreeEnsemble.SplitRule#LESS_OR_EQUAL}
 * node with the same double threshold and the true child on the left; every leaf stores
 * {@code shrinkage * output}. The ensemble's margin is accumulated in the same order (intercept
 * first, then tree by tree) as Smile's {@code predict}, so it is bit-identical in double. The
 * ensemble's {@link TreeEnsemble#origin()} names Smile, the objective and the full configuration,
 * seed included.
 *
 * <h2>Missing values</h2>
 * Smile 2.6 cannot train with missing values: a NaN, an infinity or a value equal to the schema's
 * missing sentinel in the training features is rejected. At scoring time a missing value goes
 * where Smile itself sends NaN: {@code NaN <= value} is false, so to the false (right) child
 * ({@link TreeEnsemble.Missing#DEFAULT_DIRECTION}, default direction right).
 *
 * <h2>Determinism and Smile's global state</h2>
 * Smile draws its row samples from its own random generator, a per-thread generator seeded by
 * {@code smile.math.MathEx.setSeed}, which also updates a process-wide seed registry that is not
 * thread-safe. {@link #fit} seeds it with {@link GradientBoostingConfig#seed()} and trains on the
 * calling thread while holding one JVM-wide lock, so the same data and configuration give the
 * same ensemble, and concurrent {@code fit} calls do not corrupt each other (they run one at a
 * time). Caveats: other code in the same JVM that calls {@code MathEx.setSeed} at the same time
 * is not covered by the lock; the calling thread's Smile generator is left seeded; and Smile
 * searches splits in parallel on the common {@code ForkJoinPool} (the result does not depend on
 * the thread count). Smile logs every tree at INFO level (loggers
 * {@code smile.regression.GradientTreeBoost} and {@code smile.classification.GradientTreeBoost}).
 */
public final class SmileGradientBoosting {
  /** Serializes seeding and training: MathEx.setSeed mutates Smile's static seed registry. */
  private static final Object SMILE_RANDOM_LOCK = new Object();
  private static final String LABEL = "label";
  private static final String SMILE = "smile 2.6.0 GradientTreeBoost";

  private SmileGradientBoosting() {}

  /**
   * Trains an ensemble on {@code rows} labelled rows.
   *
   * @param schema the features, in row order
   * @param features row-major values, exactly {@code rows * schema.size()}, all finite and none
   *     equal to the schema's missing sentinel
   * @param rows the number of training rows, {@code >= 1}
   * @param labels one finite label per row; 0 or 1 (both present) for
   *     {@link GradientBoostingConfig.Loss#LOGISTIC}
   * @param config the boosting settings
   * @return an immutable ensemble over {@code schema}: predicted labels (least squares) or
   *     probabilities of label 1 (logistic)
   * @throws IllegalArgumentException if a length does not match {@code rows}, a feature is missing
   *     or not finite, or a label is out of range, naming the value
   */
  public static TreeEnsemble fit(
      FeatureSchema schema, float[] features, int rows, float[] labels,
      GradientBoostingConfig config) {
    return train(schema, features, rows, labels, config).ensemble();
  }

  /** A Smile model and its conversion (tests compare the two). */
  record Trained(Object smileModel, TreeEnsemble ensemble) {}

  static Trained train(
      FeatureSchema schema, float[] features, int rows, float[] labels,
      GradientBoostingConfig config) {
    Objects.requireNonNull(config, "config");
    PointwiseInput.check(schema, features, rows, labels);
    int d = schema.size();
    BaseVector<?, ?, ?>[] vectors = new BaseVector<?, ?, ?>[d + 1];
    for (int f = 0; f < d; f++) {
      vectors[f] = DoubleVector.of(column(f), PointwiseInput.column(features, rows, d, f));
    }
    Formula formula = Formula.lhs(LABEL);
    if (config.loss() == GradientBoostingConfig.Loss.LOGISTIC) {
      int[] y = PointwiseInput.binaryLabels(labels, rows);
      vectors[d] = IntVector.of(LABEL, y);
      DataFrame data = DataFrame.of(vectors);
      smile.classification.GradientTreeBoost model;
      synchronized (SMILE_RANDOM_LOCK) {
        MathEx.setSeed(config.seed());
        model = smile.classification.GradientTreeBoost.fit(formula, data, config.trees(),
            config.maxDepth(), config.maxNodes(), config.nodeSize(), config.shrinkage(),
            config.subsample());
      }
      // Smile keeps the intercept private; it is Loss.logistic's, computed from the same labels
      // (classes 0/1 keep their codes: Smile sorts the distinct labels).
      double b = Loss.logistic(y).intercept(null);
      RegressionTree[] trees = model.trees();
      TreeEnsemble ensemble = SmileTrees.convert(schema, trees, columns(trees[0].schema(), d), b,
          config.shrinkage(), ScoreOutput.SIGMOID, 2.0, SMILE + " binomial deviance " + config);
      return new Trained(model, ensemble);
    }
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      y[r] = labels[r];
    }
    vectors[d] = DoubleVector.of(LABEL, y);
    DataFrame data = DataFrame.of(vectors);
    smile.regression.GradientTreeBoost model;
    synchronized (SMILE_RANDOM_LOCK) {
      MathEx.setSeed(config.seed());
      model = smile.regression.GradientTreeBoost.fit(formula, data, Loss.ls(), config.trees(),
          config.maxDepth(), config.maxNodes(), config.nodeSize(), config.shrinkage(),
          config.subsample());
    }
    // The intercept is Loss.ls's: the mean label, MathEx.mean over the same doubles.
    double b = Loss.ls().intercept(y);
    RegressionTree[] trees = model.trees();
    TreeEnsemble ensemble = SmileTrees.convert(schema, trees, columns(trees[0].schema(), d), b,
        config.shrinkage(), ScoreOutput.IDENTITY, 1.0, SMILE + " least squares " + config);
    return new Trained(model, ensemble);
  }

  /** The Smile column name of feature {@code f}; independent of the user's feature names. */
  static String column(int f) {
    return "x" + f;
  }

  /** Maps each column of the trees' predictor schema to its feature position. */
  private static int[] columns(StructType xs, int d) {
    if (xs.length() != d) {
      throw new IllegalStateException(
          "Smile's predictor schema has " + xs.length() + " columns; expected " + d);
    }
    int[] map = new int[d];
    for (int c = 0; c < d; c++) {
      String name = xs.field(c).name;
      map[c] = Integer.parseInt(name.substring(1));
    }
    return map;
  }
}
