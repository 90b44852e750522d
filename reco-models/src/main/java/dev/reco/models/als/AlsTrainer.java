package dev.reco.models.als;

import dev.reco.core.Interactions;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Fits a {@link MatrixFactorizationModel} by alternating least squares, for implicit feedback
 * (Hu, Koren &amp; Volinsky, "Collaborative filtering for implicit feedback datasets", ICDM 2008)
 * or explicit ratings (Zhou et al., "Large-scale parallel collaborative filtering for the Netflix
 * prize", 2008), with the objective, solvers and defaults described in {@link AlsConfig}.
 * Immutable and thread-safe; each {@code fit} is independent.
 *
 * <h2>Algorithm</h2>
 * User and item vectors start as seeded N(0, initStd^2) values (row {@code r} drawn from a
 * generator seeded by {@code (seed, r)}). Each iteration solves every user's row problem given
 * the item factors, then every item's given the new user factors. For implicit feedback the
 * Gram matrix {@code G = Y^T Y} of the fixed side is computed once per half-iteration (partial
 * sums over fixed blocks of rows, added in block order), so a row costs {@code O(k^2 + n_u k)}
 * per conjugate-gradient step instead of {@code O(n k)}. When a side has enough rows (at least
 * {@code (users + items + 30 k) / (cgSteps + 1)}, e.g. the users of a typical catalog), its
 * half-iteration first rotates both factor matrices into the eigenbasis of {@code G} (an
 * orthogonal change of coordinates that changes no prediction and no term of the objective, and
 * under which conjugate gradient takes the same steps); {@code G} is then diagonal and
 * {@code G p} costs {@code O(k)}. The fitted factors are thus expressed in an arbitrary
 * orthonormal basis, as factors of any ALS are. Rows are solved independently on
 * {@link FitOptions#threads()} workers of a pool created for the fit, over fixed blocks of rows;
 * conjugate gradient copies each row's other-side vectors into contiguous scratch once and
 * streams them for every step.
 *
 * <h2>Loss</h2>
 * The listener's {@link dev.reco.models.mf.IterationReport#loss()} is the full objective
 * {@code L} of {@link AlsConfig} (including regularization, not normalised) after the
 * iteration, computed exactly in {@code O(nnz k + (users + items) k)} plus one Gram matrix
 * (which the next iteration reuses): the weight-1 part over all user–item pairs is
 * {@code sum_u x_u^T (Y^T Y) x_u = <Y^T Y, X^T X>}, and each observed entry corrects it; or
 * {@code NaN} when {@link AlsConfig#computeLoss()} is off. With the Cholesky solver every
 * half-iteration minimises {@code L} exactly over one side, so {@code L} never increases; with
 * conjugate gradient each step started from the previous vector lowers the row's objective, so
 * {@code L} is non-increasing too, up to float rounding (relative changes around 1e-6).
 *
 * <h2>Validation and early stopping</h2>
 * With {@link FitOptions#withValidation} the report carries a validation loss: the RMSE for
 * explicit feedback, {@code 1 - NDCG@10} for implicit feedback (see the package documentation).
 * With a patience {@code p > 0}, training stops after {@code p} iterations without a strictly
 * lower validation loss and the model keeps the factors of the best iteration (which costs a
 * second copy of the factors while training).
 *
 * <h2>Determinism</h2>
 * The same data, config and {@link dev.reco.models.linalg.VectorOps} implementation give
 * bit-identical factors for every thread count: randomness is derived per row, every row is
 * solved from data that do not depend on scheduling, and every sum over blocks is added in a
 * fixed order.
 *
 * <h2>Input</h2>
 * {@code train.byUser()} and {@code train.byItem()} are used, so duplicate (user, item) rows are
 * summed. Implicit values must be {@code >= 0} (a negative value is rejected, naming the user,
 * item and value). Users without training rows get the zero vector and are marked unknown in
 * the model, so a {@link dev.reco.core.recommend.FallbackRecommender} serves them; items without
 * rows get the zero vector. The model's provenance is
 * {@code Provenance.capture("als", config, train.fingerprint(), seed, clock)} and its results
 * carry the source {@code als}.
 *
 * <h2>Cost</h2>
 * One implicit conjugate-gradient iteration (3 steps) costs about {@code 32 k nnz} operations
 * for the observed entries, plus {@code k^2} per row for the two Gram matrices, plus per side
 * either {@code 2 k^2 (users + items)} for the rotation (diagonalised side) or {@code 8 k^2} per
 * row (matrix-vector products with {@code G}): for 1M users, 100k items, 7M entries and
 * k = 64 about 14 + 4.5 + 9 + 3.3 = 31 GFLOP, against 55 GFLOP for the textbook
 * {@code 32 k nnz + 10 k^2 (users + items)}. Cholesky costs {@code O(n_u k^2 + k^3)} per row.
 * Memory: {@code 4 k (users + items)} bytes of factors (plus the same again for the model being
 * built, and again while early stopping keeps the best iteration), the CSR views of the data, and
 * per worker {@code O(k^2)} scratch plus a copy of the longest row's other-side vectors (at most
 * 32 MiB).
 */
public final class AlsTrainer {
  /** Rows per block of solves: the unit of parallel work and of cancellation checks. */
  static final int SOLVE_BLOCK = 256;

  private final AlsConfig config;
  private final InstantSource clock;
  private final int solveBlock;
  private final int gramMinRows;

  /**
   * Creates a trainer that stamps models with the system clock.
   *
   * @param config the configuration
   */
  public AlsTrainer(AlsConfig config) {
    this(config, InstantSource.system());
  }

  /**
   * Creates a trainer with an explicit clock for provenance and elapsed times.
   *
   * @param config the configuration
   * @param clock the clock
   */
  public AlsTrainer(AlsConfig config, InstantSource clock) {
    this(config, clock, SOLVE_BLOCK, Factors.GRAM_BLOCK);
  }

  /** For tests: smaller blocks exercise the block logic on small data. */
  AlsTrainer(AlsConfig config, InstantSource clock, int solveBlock, int gramMinRows) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (solveBlock < 1 || gramMinRows < 1) {
      throw new IllegalArgumentException("solveBlock = " + solveBlock + ", gramMinRows = "
          + gramMinRows + "; expected both >= 1");
    }
    this.solveBlock = solveBlock;
    this.gramMinRows = gramMinRows;
  }

  /** Returns the configuration. */
  public AlsConfig config() {
    return config;
  }

  /**
   * Fits a model on one thread, without listener or validation.
   *
   * @param train the training interactions
   * @return the fitted model
   * @throws IllegalArgumentException if {@code train} is empty, too large for the factor
   *     arrays, or holds a negative value for implicit feedback
   * @throws IllegalStateException if a row's normal equations cannot be solved (only with data
   *     of extreme scale and tiny regularization)
   */
  public MatrixFactorizationModel fit(Interactions train) {
    return fit(train, FitOptions.defaults());
  }

  /**
   * Fits a model.
   *
   * @param train the training interactions
   * @param options threads, listener, cancellation and optional validation set (sharing
   *     {@code train}'s user and item indexes)
   * @return the fitted model
   * @throws IllegalArgumentException if {@code train} is empty, too large for the factor
   *     arrays, holds a negative value for implicit feedback, or the validation set uses other
   *     indexes or has nothing to evaluate
   * @throws IllegalStateException if a row's normal equations cannot be solved
   * @throws java.util.concurrent.CancellationException if cancelled; no model is returned
   */
  public MatrixFactorizationModel fit(Interactions train, FitOptions options) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(options, "options");
    AlsFit fit = new AlsFit(config, clock, train, options, solveBlock, gramMinRows);
    return fit.run();
  }

  @Override
  public String toString() {
    return "AlsTrainer[" + config + "]";
  }
}
