package dev.reco.benchmarks.peers;

import dev.reco.core.CsrMatrix;
import dev.reco.core.Interactions;
import java.time.Duration;
import java.util.Objects;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.impl.recommender.svd.Factorization;
import org.apache.mahout.cf.taste.impl.recommender.svd.RatingSGDFactorizer;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.common.RandomUtils;

/**
 * Apache Mahout Taste's {@code RatingSGDFactorizer} (Mahout 0.13.0, single-threaded biased SGD
 * matrix factorisation) fed from reco {@link Interactions} through an in-memory
 * {@link GenericDataModel}: Taste's long ids are reco's dense user and item indexes.
 *
 * <p>Timing: {@link Fit#dataModel()} is building the {@code GenericDataModel};
 * {@link Fit#train()} is {@code factorize()} alone, which is what Mahout calls training.
 * Predictions are Taste's: the dot product of the user and item feature vectors, which carry the
 * global mean and both biases in their first three components (as {@code SVDRecommender}
 * estimates).
 *
 * <p>Mahout draws its initial factors from {@code RandomUtils}; this class switches it to its
 * fixed test seed ({@code RandomUtils.useTestSeed()}, a JVM-wide setting of Mahout), so runs are
 * repeatable.
 */
public final class MahoutSgdPeer {
  private MahoutSgdPeer() {}

  /**
   * What the factorizer learns; the constructor arguments of {@code RatingSGDFactorizer}.
   *
   * @param factors latent features (Mahout adds three for mean and biases), {@code >= 1}
   * @param epochs passes over the ratings, {@code >= 1}
   * @param learningRate SGD step, {@code > 0}
   * @param regularization Mahout's {@code preventOverfitting}, {@code >= 0}
   * @param initNoise standard deviation of the initial features, {@code >= 0}
   * @param learningRateDecay factor applied to the step after each epoch, in {@code (0, 1]}
   */
  public record Settings(int factors, int epochs, double learningRate, double regularization,
      double initNoise, double learningRateDecay) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public Settings {
      if (factors < 1) {
        throw new IllegalArgumentException("factors = " + factors + "; expected factors >= 1");
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs = " + epochs + "; expected epochs >= 1");
      }
      if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "learningRate = " + learningRate + "; expected finite and > 0");
      }
      if (!(regularization >= 0 && regularization < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "regularization = " + regularization + "; expected finite and >= 0");
      }
      if (!(initNoise >= 0 && initNoise < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "initNoise = " + initNoise + "; expected finite and >= 0");
      }
      if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
        throw new IllegalArgumentException(
            "learningRateDecay = " + learningRateDecay + "; expected in (0, 1]");
      }
    }

    /**
     * Returns the issue's settings: 100 factors, 40 epochs, regularisation 0.05, and Mahout's
     * defaults for the rest (learning rate 0.01, initial noise 0.01, no decay).
     *
     * @return the settings
     */
    public static Settings issueDefaults() {
      return new Settings(100, 40, 0.01, 0.05, 0.01, 1.0);
    }
  }

  /**
   * Builds Taste's data model from the training rows and factorizes it.
   *
   * @param train ratings; one row per (user, item) pair
   * @param settings what to learn
   * @return the fit with its timings
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code train} is empty or has a repeated pair
   * @throws IllegalStateException if Mahout fails
   */
  public static Fit fit(Interactions train, Settings settings) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(settings, "settings");
    if (train.isEmpty()) {
      throw new IllegalArgumentException("train has 0 rows; expected at least one");
    }
    long t0 = System.nanoTime();
    DataModel model = dataModel(train);
    long t1 = System.nanoTime();
    RandomUtils.useTestSeed();
    Factorization factorization;
    try {
      RatingSGDFactorizer factorizer = new RatingSGDFactorizer(model, settings.factors(),
          settings.learningRate(), settings.regularization(), settings.initNoise(),
          settings.epochs(), settings.learningRateDecay());
      factorization = factorizer.factorize();
    } catch (TasteException e) {
      throw new IllegalStateException("Mahout's RatingSGDFactorizer failed: " + e.getMessage(), e);
    }
    long t2 = System.nanoTime();
    return new Fit(factorization, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
  }

  /** One {@code GenericUserPreferenceArray} per user with training rows. */
  static DataModel dataModel(Interactions train) {
    CsrMatrix byUser = train.byUser();
    if (byUser.nnz() != train.size()) {
      throw new IllegalArgumentException("train has " + train.size() + " rows but "
          + byUser.nnz() + " distinct (user, item) pairs; expected one row per pair");
    }
    FastByIDMap<PreferenceArray> data = new FastByIDMap<>(train.activeUsers());
    for (int u = 0; u < byUser.numRows(); u++) {
      int start = byUser.rowStart(u);
      int length = byUser.rowLength(u);
      if (length == 0) {
        continue;
      }
      GenericUserPreferenceArray prefs = new GenericUserPreferenceArray(length);
      prefs.setUserID(0, u);
      for (int j = 0; j < length; j++) {
        prefs.setItemID(j, byUser.columnAt(start + j));
        prefs.setValue(j, byUser.valueAt(start + j));
      }
      data.put(u, prefs);
    }
    return new GenericDataModel(data);
  }

  /** A factorization with its timings. */
  public static final class Fit {
    private final Factorization factorization;
    private final Duration dataModel;
    private final Duration train;

    private Fit(Factorization factorization, Duration dataModel, Duration train) {
      this.factorization = factorization;
      this.dataModel = dataModel;
      this.train = train;
    }

    /** Returns the time to build the {@code GenericDataModel}. */
    public Duration dataModel() {
      return dataModel;
    }

    /** Returns the time of {@code factorize()}. */
    public Duration train() {
      return train;
    }

    /**
     * Returns whether the user and item both had training rows, i.e. Mahout can predict.
     *
     * @param user a dense user index
     * @param item a dense item index
     * @return whether both are in the factorization
     */
    public boolean knows(int user, int item) {
      try {
        factorization.userIndex(user);
        factorization.itemIndex(item);
        return true;
      } catch (TasteException e) {
        return false;
      }
    }

    /**
     * Predicts a rating as Taste's {@code SVDRecommender} does: the dot product of the two
     * feature vectors, unclipped.
     *
     * @param user a dense user index with training rows
     * @param item a dense item index with training rows
     * @return the estimate
     * @throws IllegalArgumentException if Mahout does not know the user or the item
     */
    public double predict(int user, int item) {
      try {
        double[] p = factorization.getUserFeatures(user);
        double[] q = factorization.getItemFeatures(item);
        double sum = 0;
        for (int f = 0; f < p.length; f++) {
          sum += p[f] * q[f];
        }
        return sum;
      } catch (TasteException e) {
        throw new IllegalArgumentException(
            "user " + user + " or item " + item + " is not in Mahout's factorization", e);
      }
    }
  }
}
