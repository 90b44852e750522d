package dev.reco.models.svd;

import dev.reco.core.Interactions;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Trains BiasedSVD (Funk SVD with a global mean and user and item biases) by stochastic gradient
 * descent, with the update rules and defaults of Surprise's {@code SVD} (see
 * {@link BiasedSvdConfig}), on any number of threads with a result that does not depend on the
 * thread count. Immutable and thread-safe; one trainer can run several fits at once.
 *
 * <h2>Schedule</h2>
 * The global mean {@code mu} is computed once (in double). Users and items are split into
 * {@code B = config.blocks()} groups each (see {@link BiasedSvdConfig.BlockLayout}); an epoch is
 * {@code B} sub-epochs, and sub-epoch {@code s} runs the {@code B} blocks
 * {@code (g, (g + s) mod B)}, which share no user and no item, in parallel on
 * {@link FitOptions#threads()} threads (stratified SGD, DSGD: Gemulla et al., KDD 2011). Within
 * a block ratings are visited in training-row order, re-shuffled every epoch from
 * (seed, epoch, block) when {@link BiasedSvdConfig#shuffle()} is on. The sequence of updates is
 * therefore fixed by the data and the config alone, and the factors are bit-identical for any
 * thread count (on the same vector kernels, {@link dev.reco.models.linalg.VectorOps#best()}: the
 * factor updates run as SIMD axpys where available, the same update as Surprise's with another
 * rounding order). With {@code B = 1} the schedule is plain sequential SGD; with {@code B = 1} and
 * no shuffling it is exactly Surprise's sequence for data whose rows are in Surprise's visiting
 * order (grouped by user, users in order of first appearance).
 *
 * <h2>Reports, early stopping, cancellation</h2>
 * After each epoch the listener receives {@code loss} = the training RMSE accumulated during the
 * epoch (each rating's error just before its own update, unclipped: free to compute, and a
 * slight overestimate of the RMSE at the end of the epoch) and, with a validation set, the RMSE
 * of the clipped predictions on it; {@code elapsed} is read from the trainer's clock. With a
 * patience {@code > 0}, training stops after that many epochs without a lower validation RMSE,
 * and the model keeps the parameters of the best epoch. Cancellation is checked before every
 * block.
 *
 * <h2>Users and items without ratings</h2>
 * Users and items of the indexes that have no training rating keep zero factors and zero bias,
 * so their predictions are {@code mu + b_i} (or {@code mu + b_u}), what Surprise predicts for an
 * unknown user (or item). Such users are marked unknown ({@link
 * MatrixFactorizationModel#knowsUser}), so recommendations for them come from a fallback.
 * Duplicate (user, item) rows are trained on as separate ratings.
 */
public final class BiasedSvdTrainer {
  /** The source recommendations of a fitted model carry: {@code biased-svd}. */
  public static final Source SOURCE = new Source("biased-svd");

  private final BiasedSvdConfig config;
  private final InstantSource clock;

  /**
   * Creates a trainer.
   *
   * @param config what to learn
   * @throws NullPointerException if {@code config} is null
   */
  public BiasedSvdTrainer(BiasedSvdConfig config) {
    this(config, InstantSource.system());
  }

  BiasedSvdTrainer(BiasedSvdConfig config, InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the configuration. */
  public BiasedSvdConfig config() {
    return config;
  }

  /**
   * Fits a model on one thread, without listener or validation.
   *
   * @param train the training ratings (any finite values)
   * @return the fitted model, with biases and clipping
   * @throws IllegalArgumentException if {@code train} is empty or too large for the factor arrays
   * @throws IllegalStateException if training diverged (non-finite values: learning rates too
   *     high)
   */
  public MatrixFactorizationModel fit(Interactions train) {
    return fit(train, FitOptions.defaults());
  }

  /**
   * Fits a model.
   *
   * @param train the training ratings (any finite values)
   * @param options threads, listener, cancellation, validation set and patience
   * @return the fitted model, with biases and clipping; bit-identical for any thread count
   * @throws IllegalArgumentException if {@code train} is empty or too large for the factor arrays,
   *     or the validation set is empty or uses other indexes
   * @throws IllegalStateException if training diverged (non-finite values: learning rates too
   *     high)
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public MatrixFactorizationModel fit(Interactions train, FitOptions options) {
    return fit(train, options, null, null);
  }

  /** Fits from given initial factors (row-major, copied) instead of the seeded Gaussian ones. */
  MatrixFactorizationModel fit(Interactions train, FitOptions options, float[] userInit,
      float[] itemInit) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(options, "options");
    return new SvdFit(config, clock, train, options).run(userInit, itemInit);
  }

  @Override
  public String toString() {
    return "BiasedSvdTrainer[" + config + "]";
  }
}
