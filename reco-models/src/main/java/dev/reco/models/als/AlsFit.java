package dev.reco.models.als;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.Source;
import dev.reco.models.linalg.VectorOps;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.IterationReport;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of one {@link AlsTrainer#fit} call; used once. */
final class AlsFit {
  private static final Logger LOG = LoggerFactory.getLogger(AlsTrainer.class);
  private static final String WHAT = "als fit";

  private final AlsConfig config;
  private final AlsObjective objective;
  private final InstantSource clock;
  private final Interactions train;
  private final FitOptions options;
  private final int solveBlock;
  private final int gramMinRows;
  private final VectorOps ops = VectorOps.best();
  private final CsrMatrix byUser;
  private final CsrMatrix byItem;
  private final int users;
  private final int items;
  private final int k;

  AlsFit(AlsConfig config, InstantSource clock, Interactions train, FitOptions options,
      int solveBlock, int gramMinRows) {
    this.config = config;
    this.objective = new AlsObjective(config);
    this.clock = clock;
    this.train = train;
    this.options = options;
    this.solveBlock = solveBlock;
    this.gramMinRows = gramMinRows;
    this.k = config.factors();
    this.users = train.numUsers();
    this.items = train.numItems();
    if (train.isEmpty()) {
      throw new IllegalArgumentException(
          "train has 0 interactions; expected at least one to fit ALS");
    }
    long largest = (long) Math.max(users, items) * k;
    if (largest > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("factors = " + k + " with " + users + " users and "
          + items + " items needs " + largest + " floats in one array; expected at most "
          + (Integer.MAX_VALUE - 8));
    }
    Interactions validation = options.validation();
    if (validation != null) {
      if (!sameIndex(validation.users(), train.users())
          || !sameIndex(validation.items(), train.items())) {
        throw new IllegalArgumentException("validation has " + validation.numUsers() + " users and "
            + validation.numItems() + " items in its indexes, train " + users + " and " + items
            + "; expected the validation set to share the training indexes (split one table)");
      }
    }
    this.byUser = train.byUser();
    this.byItem = train.byItem();
    if (objective.implicit) {
      checkImplicitValues();
    }
  }

  private static boolean sameIndex(IdIndex a, IdIndex b) {
    return a == b || a.equals(b);
  }

  private void checkImplicitValues() {
    for (int u = 0; u < users; u++) {
      for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
        float v = byUser.valueAt(q);
        if (v < 0f || !Float.isFinite(objective.confidence(v))) {
          String where = "value of (user '" + train.users().idOf(u) + "', item '"
              + train.items().idOf(byUser.columnAt(q)) + "') = " + v;
          if (v < 0f) {
            throw new IllegalArgumentException(where + "; expected a value >= 0 for implicit"
                + " feedback (confidence " + config.confidence() + " = " + objective.confidence(v)
                + " would be negative); drop negative signals or use explicit feedback");
          }
          throw new IllegalArgumentException(where + " with alpha = " + config.alpha()
              + " gives confidence " + objective.confidence(v) + "; expected a finite confidence");
        }
      }
    }
  }

  /**
   * Returns whether the conjugate-gradient half-iteration over a side with {@code rows} rows
   * works in the eigenbasis of the other side's Gram matrix. Rotating both factor matrices costs
   * {@code 2 k^2 (users + items)} (plus {@code O(k^3)} for the eigen-decomposition) and makes
   * every product {@code G p} cost {@code O(k)}; without it each of the {@code cgSteps + 1}
   * products per row costs {@code 2 k^2}. A function of the shape and the config only.
   */
  static boolean diagonalize(int rows, int users, int items, int k, int cgSteps) {
    return (long) (cgSteps + 1) * rows > (long) users + items + 30L * k;
  }

  MatrixFactorizationModel run() {
    Instant start = clock.instant();
    float[] x = new float[users * k];
    float[] y = new float[items * k];
    boolean implicit = objective.implicit;
    boolean cg = config.solver() == AlsConfig.Solver.CONJUGATE_GRADIENT;
    boolean diagonalUsers = implicit && cg
        && diagonalize(users, users, items, k, config.cgSteps());
    boolean diagonalItems = implicit && cg
        && diagonalize(items, users, items, k, config.cgSteps());
    Gram gram = implicit ? new Gram(k) : null;
    float[] userWorkspace = implicit ? Factors.gramWorkspace(users, k, gramMinRows) : null;
    float[] itemWorkspace = implicit ? Factors.gramWorkspace(items, k, gramMinRows) : null;
    int patience = options.patience();
    float[] bestX = null;
    float[] bestY = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestIteration = 0;
    int lastIteration = 0;
    try (BlockRunner runner = new BlockRunner(options.threads(), options.cancellation(), WHAT)) {
      RowSolver[] solvers = new RowSolver[runner.workers()];
      for (int w = 0; w < solvers.length; w++) {
        solvers[w] = new RowSolver(objective, ops);
      }
      AlsValidation validation = options.validation() == null ? null
          : new AlsValidation(options.validation(), byUser, objective, ops);
      Factors.initialise(x, users, k, config.seed(), Factors.USER_SALT, config.initStd(), runner);
      Factors.initialise(y, items, k, config.seed(), Factors.ITEM_SALT, config.initStd(), runner);
      boolean gramHoldsY = false;
      for (int it = 1; it <= config.iterations(); it++) {
        options.cancellation().check(WHAT);
        long t0 = System.nanoTime();
        // users given the items
        if (gram != null && !gramHoldsY) {
          Factors.gram(y, items, k, gramMinRows, itemWorkspace, gram.full, gram.fullDouble, ops,
              runner);
        }
        if (diagonalUsers) {
          gram.diagonalize(x, users, y, items, ops, runner);
        }
        long t1 = System.nanoTime();
        solveSide(byUser, users, y, gram, diagonalUsers, x, solvers, runner, it, "user");
        long t2 = System.nanoTime();
        // items given the users
        if (gram != null) {
          Factors.gram(x, users, k, gramMinRows, userWorkspace, gram.full, gram.fullDouble, ops,
              runner);
          System.arraycopy(gram.fullDouble, 0, gram.userGram, 0, k * k);
        }
        if (diagonalItems) {
          gram.diagonalize(x, users, y, items, ops, runner);
          gram.diagonalInto(gram.userGram); // X^T X in the rotated basis
        }
        long t3 = System.nanoTime();
        solveSide(byItem, items, x, gram, diagonalItems, y, solvers, runner, it, "item");
        long t4 = System.nanoTime();
        gramHoldsY = false;
        double loss = Double.NaN;
        if (config.computeLoss()) {
          if (gram != null) {
            Factors.gram(y, items, k, gramMinRows, itemWorkspace, gram.full, gram.fullDouble,
                ops, runner);
            gramHoldsY = true;
          }
          loss = loss(x, y, gram, solvers, runner);
        }
        long t5 = System.nanoTime();
        double validationLoss = validation == null ? Double.NaN : validation.loss(x, y, runner);
        Duration elapsed = Duration.between(start, clock.instant());
        lastIteration = it;
        if (LOG.isDebugEnabled()) {
          LOG.debug("ALS iteration {}/{}: loss {}, validation loss {}; ms: Gram/rotation {} + {},"
              + " users {}, items {}, loss {}, validation {}", it, config.iterations(), loss,
              validationLoss, (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000,
              (t2 - t1) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000,
              (System.nanoTime() - t5) / 1_000_000);
        }
        options.listener().onIteration(
            new IterationReport(it, config.iterations(), loss, validationLoss, elapsed));
        if (validation != null && patience > 0) {
          if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestIteration = it;
            if (bestX == null) {
              bestX = new float[x.length];
              bestY = new float[y.length];
            }
            System.arraycopy(x, 0, bestX, 0, x.length);
            System.arraycopy(y, 0, bestY, 0, y.length);
          } else if (it - bestIteration >= patience) {
            break;
          }
        }
      }
    }
    if (bestX != null && bestIteration != lastIteration) {
      LOG.debug("ALS early stopping: keeping iteration {} of {}", bestIteration, lastIteration);
      x = bestX;
      y = bestY;
    }
    boolean[] known = new boolean[users];
    for (int u = 0; u < users; u++) {
      known[u] = byUser.rowLength(u) > 0;
    }
    return MatrixFactorizationModel.builder(train.users(), train.items(), k)
        .userFactors(x)
        .itemFactors(y)
        .seen(byUser)
        .knownUsers(known)
        .provenance(Provenance.capture("als", config, train.fingerprint(), config.seed(), clock))
        .source(new Source("als"))
        .build();
  }

  /** Solves every row of one side, block by block. */
  private void solveSide(CsrMatrix rows, int count, float[] other, Gram gram, boolean diagonal,
      float[] out, RowSolver[] solvers, BlockRunner runner, int iteration, String side) {
    boolean cholesky = config.solver() == AlsConfig.Solver.CHOLESKY;
    int steps = config.cgSteps();
    float[] g = gram == null ? null : diagonal ? gram.eigenvalues : gram.full;
    runner.run(Factors.blocks(count, solveBlock), (b, w) -> {
      RowSolver solver = solvers[w];
      int to = Math.min(count, (b + 1) * solveBlock);
      for (int row = b * solveBlock; row < to; row++) {
        if (cholesky) {
          solver.cholesky(rows, row, other, g, out, row * k);
        } else {
          solver.conjugateGradient(rows, row, other, g, diagonal, out, row * k, steps);
        }
        if (!solver.isFinite(out, row * k)) {
          throw new IllegalStateException("iteration " + iteration + ": the vector of " + side
              + " " + row + " is not finite; expected finite factors (values of extreme scale?"
              + " try a larger regularization than " + config.regularization() + ")");
        }
      }
    });
  }

  /**
   * Returns the objective L. For implicit feedback the weight-1 part over all entries is
   * {@code sum_u x_u^T (Y^T Y) x_u = <Y^T Y, X^T X>} (Frobenius product of the two Gram matrices,
   * both current), so user rows add only their observed entries' terms and regularization; item
   * rows add their regularization.
   */
  private double loss(float[] x, float[] y, Gram gram, RowSolver[] solvers, BlockRunner runner) {
    int userBlocks = Factors.blocks(users, solveBlock);
    int itemBlocks = Factors.blocks(items, solveBlock);
    double[] partial = new double[userBlocks + itemBlocks];
    runner.run(userBlocks + itemBlocks, (b, w) -> {
      double sum = 0;
      if (b < userBlocks) {
        RowSolver solver = solvers[w];
        int to = Math.min(users, (b + 1) * solveBlock);
        for (int u = b * solveBlock; u < to; u++) {
          sum += solver.rowLoss(byUser, u, y, null, x, u * k);
        }
      } else {
        int ib = b - userBlocks;
        int to = Math.min(items, (ib + 1) * solveBlock);
        for (int i = ib * solveBlock; i < to; i++) {
          double norm = ops.dot(y, i * k, y, i * k, k);
          sum += (double) objective.lambdaFor(byItem.rowLength(i)) * norm;
        }
      }
      partial[b] = sum;
    });
    double total = 0;
    if (gram != null) {
      for (int j = 0; j < k * k; j++) {
        total += gram.fullDouble[j] * gram.userGram[j];
      }
    }
    for (double v : partial) {
      total += v;
    }
    return total;
  }

  /**
   * The Gram matrix of the side held fixed, and the eigenbasis that makes it diagonal.
   *
   * <p>Diagonalisation: with {@code G = V diag(d) V^T} (Jacobi, in double), both factor matrices
   * are rotated, {@code x <- V^T x} and {@code y <- V^T y}. Predictions {@code x · y}, the
   * regularization and hence the objective are unchanged, conjugate gradient takes the same
   * steps in the rotated coordinates (it is invariant under orthogonal changes of basis), and
   * {@code G} becomes {@code diag(d)}, so {@code G p} costs {@code k} operations instead of
   * {@code 2 k^2}. The fitted factors are therefore expressed in a rotated basis, which no
   * prediction, similarity or fold-in can tell apart.
   */
  private static final class Gram {
    final int k;
    final float[] full;
    final double[] fullDouble;
    final float[] eigenvalues;
    /** {@code X^T X} of the current user factors, in the current basis (for the loss). */
    final double[] userGram;
    private final double[] work;
    private final double[] values;
    private final double[] vectors;
    private final float[] rotation;

    Gram(int k) {
      this.k = k;
      this.full = new float[k * k];
      this.fullDouble = new double[k * k];
      this.eigenvalues = new float[k];
      this.userGram = new double[k * k];
      this.work = new double[k * k];
      this.values = new double[k];
      this.vectors = new double[k * k];
      this.rotation = new float[k * k];
    }

    /** Decomposes {@link #fullDouble} and rotates both sides into its eigenbasis. */
    void diagonalize(float[] x, int users, float[] y, int items, VectorOps ops,
        BlockRunner runner) {
      System.arraycopy(fullDouble, 0, work, 0, k * k);
      SymmetricEigen.decompose(work, k, values, vectors);
      for (int a = 0; a < k; a++) {
        eigenvalues[a] = (float) Math.max(0.0, values[a]);
      }
      for (int j = 0; j < k * k; j++) {
        rotation[j] = (float) vectors[j];
      }
      Factors.rotate(x, users, k, rotation, ops, runner);
      Factors.rotate(y, items, k, rotation, ops, runner);
    }

    /** Writes {@code diag(d)} of the last decomposition: the decomposed matrix, rotated. */
    void diagonalInto(double[] out) {
      java.util.Arrays.fill(out, 0.0);
      for (int a = 0; a < k; a++) {
        out[a * k + a] = values[a];
      }
    }
  }
}
