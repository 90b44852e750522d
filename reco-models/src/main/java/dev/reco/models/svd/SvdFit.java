package dev.reco.models.svd;

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
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state and loop of one {@link BiasedSvdTrainer} fit. Not thread-safe; used once. */
final class SvdFit {
  private static final Logger LOG = LoggerFactory.getLogger(BiasedSvdTrainer.class);
  /** Rows per task when initialising factors in parallel. */
  private static final int INIT_CHUNK = 4096;

  private final BiasedSvdConfig config;
  private final InstantSource clock;
  private final Interactions train;
  private final FitOptions options;
  private final int k;
  private final int numUsers;
  private final int numItems;
  private final int[] userCounts;
  private final int[] itemCounts;

  private float[] userFactors;
  private float[] itemFactors;
  private float[] userBias;
  private float[] itemBias;
  private float mu;
  private float minRating = Float.NaN;
  private float maxRating = Float.NaN;

  SvdFit(BiasedSvdConfig config, InstantSource clock, Interactions train, FitOptions options) {
    this.config = config;
    this.clock = clock;
    this.train = train;
    this.options = options;
    this.k = config.factors();
    this.numUsers = train.numUsers();
    this.numItems = train.numItems();
    if (train.isEmpty()) {
      throw new IllegalArgumentException("train has 0 ratings; expected at least one");
    }
    long maxRows = (Integer.MAX_VALUE - 8) / k;
    if (numUsers > maxRows || numItems > maxRows) {
      throw new IllegalArgumentException("users = " + numUsers + ", items = " + numItems
          + " with factors = " + k + "; expected at most " + maxRows
          + " rows per side (a factor matrix must fit one Java array)");
    }
    Interactions validation = options.validation();
    if (validation != null) {
      if (!sameIndex(validation, train)) {
        throw new IllegalArgumentException("validation uses other user or item indexes than train;"
            + " expected a subset sharing train's indexes (e.g. from the same split)");
      }
      if (validation.isEmpty()) {
        throw new IllegalArgumentException("validation has 0 rows; expected at least one");
      }
    }
    this.userCounts = train.userCounts();
    this.itemCounts = train.itemCounts();
  }

  private static boolean sameIndex(Interactions a, Interactions b) {
    return (a.users() == b.users() || a.users().equals(b.users()))
        && (a.items() == b.items() || a.items().equals(b.items()));
  }

  /**
   * Runs the fit.
   *
   * @param userInit initial user factors (row-major, copied), or null for the seeded Gaussian
   * @param itemInit initial item factors, or null
   */
  MatrixFactorizationModel run(float[] userInit, float[] itemInit) {
    Instant start = clock.instant();
    int n = train.size();
    double sum = 0;
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (int r = 0; r < n; r++) {
      float v = train.value(r);
      sum += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    mu = (float) (sum / n);
    if (config.ratingScale() != null) {
      minRating = (float) config.ratingScale().min();
      maxRating = (float) config.ratingScale().max();
    } else if (lo < hi) {
      minRating = lo;
      maxRating = hi;
    }
    userBias = new float[numUsers];
    itemBias = new float[numItems];
    VectorOps ops = VectorOps.best();
    SgdKernel kernel = new SgdKernel(ops, config, mu);
    try (Workers workers = new Workers(options.threads())) {
      userFactors = initial(workers, userInit, numUsers, Seeds.USER_INIT, "userInit");
      itemFactors = initial(workers, itemInit, numItems, Seeds.ITEM_INIT, "itemInit");
      zeroUnrated(userFactors, userCounts);
      zeroUnrated(itemFactors, itemCounts);
      Strata strata = Strata.build(train, userCounts, itemCounts, config.blocks(),
          config.blockLayout(), config.seed());
      train(workers, strata, kernel, ops, start);
    }
    checkFinite();
    boolean[] known = new boolean[numUsers];
    for (int u = 0; u < numUsers; u++) {
      known[u] = userCounts[u] > 0;
    }
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(train.users(),
            train.items(), k)
        .userFactors(userFactors)
        .itemFactors(itemFactors)
        .biases(mu, userBias, itemBias)
        .seen(train.byUser())
        .knownUsers(known)
        .provenance(Provenance.capture("biased-svd", config, train.fingerprint(),
            config.seed(), clock))
        .source(BiasedSvdTrainer.SOURCE);
    if (!Float.isNaN(minRating)) {
      b.clip(minRating, maxRating);
    }
    return b.build();
  }

  private float[] initial(Workers workers, float[] given, int rows, long stream, String name) {
    long length = (long) rows * k;
    if (given != null) {
      if (given.length != length) {
        throw new IllegalArgumentException(
            name + " has " + given.length + " values; expected " + length);
      }
      return given.clone();
    }
    float[] out = new float[(int) length];
    int chunks = (rows + INIT_CHUNK - 1) / INIT_CHUNK;
    workers.run(chunks, c -> GaussianInit.fill(out, c * INIT_CHUNK,
        Math.min(rows, (c + 1) * INIT_CHUNK), k, config.initMean(), config.initStd(),
        config.seed(), stream));
    return out;
  }

  /** Users and items without training ratings keep zero factors (and zero bias). */
  private void zeroUnrated(float[] factors, int[] counts) {
    for (int row = 0; row < counts.length; row++) {
      if (counts[row] == 0) {
        Arrays.fill(factors, row * k, (row + 1) * k, 0f);
      }
    }
  }

  private void train(Workers workers, Strata strata, SgdKernel kernel, VectorOps ops,
      Instant start) {
    int epochs = config.epochs();
    int groups = strata.groups;
    double[] blockSse = new double[strata.blocks()];
    int patience = options.patience();
    Interactions validation = options.validation();
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    float[][] snapshot = null;
    long n = train.size();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      options.cancellation().check("BiasedSVD fit");
      final int e = epoch;
      for (int s = 0; s < groups; s++) {
        final int stratum = s;
        workers.run(groups, g -> {
          options.cancellation().check("BiasedSVD fit");
          int block = strata.blockOf(stratum, g);
          if (config.shuffle()) {
            strata.shuffle(block, Seeds.derive(config.seed(), Seeds.SHUFFLE, e, block));
          }
          blockSse[block] = kernel.run(strata.user, strata.item, strata.value,
              strata.start[block], strata.start[block + 1], userFactors, itemFactors, userBias,
              itemBias);
        });
      }
      double sse = 0;
      for (double v : blockSse) {
        sse += v;
      }
      double trainRmse = Math.sqrt(sse / n);
      if (!Double.isFinite(trainRmse)) {
        throw diverged("in epoch " + epoch + ", training RMSE = " + trainRmse);
      }
      double validationRmse = validation == null ? Double.NaN : rmse(validation, ops);
      Duration elapsed = Duration.between(start, clock.instant());
      LOG.debug("BiasedSVD epoch {}/{}: train RMSE {}, validation RMSE {}, {} ms", epoch, epochs,
          trainRmse, validationRmse, elapsed.toMillis());
      options.listener().onIteration(
          new IterationReport(epoch, epochs, trainRmse, validationRmse, elapsed));
      if (patience > 0) {
        if (validationRmse < best) {
          best = validationRmse;
          bestEpoch = epoch;
          snapshot = snapshot(snapshot);
        } else if (epoch - bestEpoch >= patience) {
          break;
        }
      }
    }
    if (snapshot != null) {
      userFactors = snapshot[0];
      itemFactors = snapshot[1];
      userBias = snapshot[2];
      itemBias = snapshot[3];
    }
  }

  private float[][] snapshot(float[][] into) {
    if (into == null) {
      return new float[][] {userFactors.clone(), itemFactors.clone(), userBias.clone(),
          itemBias.clone()};
    }
    System.arraycopy(userFactors, 0, into[0], 0, userFactors.length);
    System.arraycopy(itemFactors, 0, into[1], 0, itemFactors.length);
    System.arraycopy(userBias, 0, into[2], 0, userBias.length);
    System.arraycopy(itemBias, 0, into[3], 0, itemBias.length);
    return into;
  }

  /** RMSE of the clipped predictions on {@code data}, summed in row order. */
  private double rmse(Interactions data, VectorOps ops) {
    int n = data.size();
    double sse = 0;
    for (int r = 0; r < n; r++) {
      int u = data.user(r);
      int i = data.item(r);
      float pred = mu + userBias[u] + itemBias[i] + ops.dot(itemFactors, i * k, userFactors,
          u * k, k);
      if (!Float.isNaN(minRating)) {
        pred = Math.max(minRating, Math.min(maxRating, pred));
      }
      double err = data.value(r) - pred;
      sse += err * err;
    }
    return Math.sqrt(sse / n);
  }

  private void checkFinite() {
    String bad = firstNonFinite("userFactors", userFactors);
    bad = bad != null ? bad : firstNonFinite("itemFactors", itemFactors);
    bad = bad != null ? bad : firstNonFinite("userBias", userBias);
    bad = bad != null ? bad : firstNonFinite("itemBias", itemBias);
    if (bad != null) {
      throw diverged("after training, " + bad);
    }
  }

  private static String firstNonFinite(String name, float[] values) {
    for (int j = 0; j < values.length; j++) {
      if (!Float.isFinite(values[j])) {
        return name + "[" + j + "] = " + values[j];
      }
    }
    return null;
  }

  private IllegalStateException diverged(String what) {
    return new IllegalStateException("BiasedSVD diverged (" + what
        + "); expected finite values: lower the learning rates (lrBu = " + config.lrBu()
        + ", lrBi = " + config.lrBi() + ", lrPu = " + config.lrPu() + ", lrQi = "
        + config.lrQi() + ") or raise the regularization");
  }
}
