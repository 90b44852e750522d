package dev.reco.models.mf;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.Source;
import dev.reco.models.linalg.VectorOps;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, thread-safe matrix factorization model: user and item factor vectors (float,
 * row-major, {@code factors} per row), optional biases (global mean, per user, per item) with an
 * optional clipping range, the training interactions (to exclude seen items), and provenance.
 *
 * <p>The score of (u, i) is {@code mu + b_u + b_i + p_u · q_i} (biases are 0 for models without
 * them); {@link #predict} clips it to the rating range when one is set. Ranking for a user uses
 * {@code b_i + p_u · q_i}, since {@code mu + b_u} does not change the order.
 *
 * <p>Memory: {@code 4 * factors * (users + items)} bytes of factors (factors = 64: 256 bytes per
 * user and per item), plus 4 bytes per user and item with biases.
 *
 * <p>Users the model does not know (unknown ids, or users without training rows when the trainer
 * left their factors at zero) get an unserved result; put the model first in a
 * {@link dev.reco.core.recommend.FallbackRecommender} to serve them.
 */
public final class MatrixFactorizationModel implements Recommender {
  private final IdIndex users;
  private final IdIndex items;
  private final int factors;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final float globalMean;
  private final float[] userBias; // null: no biases
  private final float[] itemBias; // null: no biases
  private final float minRating; // NaN: no clipping
  private final float maxRating;
  private final CsrMatrix seen; // users x items; null: none
  private final boolean[] knownUser;
  private final Provenance provenance;
  private final Source source;
  private final VectorOps ops;

  private MatrixFactorizationModel(Builder b) {
    this.users = b.users;
    this.items = b.items;
    this.factors = b.factors;
    this.userFactors = b.userFactors;
    this.itemFactors = b.itemFactors;
    this.globalMean = b.globalMean;
    this.userBias = b.userBias;
    this.itemBias = b.itemBias;
    this.minRating = b.minRating;
    this.maxRating = b.maxRating;
    this.seen = b.seen;
    this.provenance = b.provenance;
    this.source = b.source;
    this.ops = VectorOps.best();
    this.knownUser = new boolean[users.size()];
    for (int u = 0; u < knownUser.length; u++) {
      knownUser[u] = b.knownUser == null || b.knownUser[u];
    }
  }

  /**
   * Returns a builder for a model over the given indexes.
   *
   * @param users the user index
   * @param items the item index
   * @param factors factors per vector, {@code >= 1}
   * @return a new builder
   * @throws IllegalArgumentException if {@code factors < 1}
   */
  public static Builder builder(IdIndex users, IdIndex items, int factors) {
    return new Builder(users, items, factors);
  }

  @Override
  public IdIndex items() {
    return items;
  }

  /** Returns the user index. */
  public IdIndex users() {
    return users;
  }

  /** Returns the number of factors per vector. */
  public int factors() {
    return factors;
  }

  /** Returns whether the model has biases. */
  public boolean hasBiases() {
    return userBias != null;
  }

  /** Returns the global mean (0 without biases). */
  public float globalMean() {
    return globalMean;
  }

  /** Returns the provenance of the fit that made this model. */
  public Provenance provenance() {
    return provenance;
  }

  /** Returns the source name results carry, e.g. {@code als}. */
  public Source source() {
    return source;
  }

  /**
   * Returns whether the model has a vector for this user index (a known user with training rows,
   * or one added later).
   *
   * @param user a user index
   * @return whether recommendations can be computed for it
   */
  public boolean knowsUser(int user) {
    return user >= 0 && user < knownUser.length && knownUser[user];
  }

  /**
   * Returns a copy of a user's factor vector.
   *
   * @param user a user index in {@code [0, users().size())}
   * @return a new array of length {@link #factors()}
   */
  public float[] userVector(int user) {
    Objects.checkIndex(user, users.size());
    return Arrays.copyOfRange(userFactors, user * factors, (user + 1) * factors);
  }

  /**
   * Returns a copy of an item's factor vector.
   *
   * @param item an item index in {@code [0, items().size())}
   * @return a new array of length {@link #factors()}
   */
  public float[] itemVector(int item) {
    Objects.checkIndex(item, items.size());
    return Arrays.copyOfRange(itemFactors, item * factors, (item + 1) * factors);
  }

  /** Returns a copy of all user factors, row-major. */
  public float[] userFactors() {
    return userFactors.clone();
  }

  /** Returns a copy of all item factors, row-major. */
  public float[] itemFactors() {
    return itemFactors.clone();
  }

  /** Returns a copy of the user biases, or an empty array without biases. */
  public float[] userBiases() {
    return userBias == null ? new float[0] : userBias.clone();
  }

  /** Returns a copy of the item biases, or an empty array without biases. */
  public float[] itemBiases() {
    return itemBias == null ? new float[0] : itemBias.clone();
  }

  /**
   * Returns the lowest rating predictions are clipped to, or NaN when predictions are not
   * clipped.
   */
  public float minRating() {
    return minRating;
  }

  /** Returns the highest rating predictions are clipped to, or NaN without clipping. */
  public float maxRating() {
    return maxRating;
  }

  /**
   * Predicts the score of a user for an item by dense indexes, clipped to the rating range when
   * one is set.
   *
   * @param user a user index
   * @param item an item index
   * @return {@code mu + b_u + b_i + p_u · q_i}, clipped
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float predict(int user, int item) {
    Objects.checkIndex(user, users.size());
    Objects.checkIndex(item, items.size());
    float score = ops.dot(userFactors, user * factors, itemFactors, item * factors, factors);
    if (userBias != null) {
      score += globalMean + userBias[user] + itemBias[item];
    }
    if (!Float.isNaN(minRating)) {
      score = Math.max(minRating, Math.min(maxRating, score));
    }
    return score;
  }

  /**
   * Predicts the score of a user for an item by external ids. An unknown user or item gets the
   * global mean plus whatever bias is known (0 for a model without biases), clipped.
   *
   * @param userId external user id
   * @param itemId external item id
   * @return the prediction
   */
  public float predict(String userId, String itemId) {
    int u = users.indexOf(userId);
    int i = items.indexOf(itemId);
    if (u != IdIndex.UNKNOWN && i != IdIndex.UNKNOWN) {
      return predict(u, i);
    }
    float score = 0f;
    if (userBias != null) {
      score = globalMean + (u == IdIndex.UNKNOWN ? 0f : userBias[u])
          + (i == IdIndex.UNKNOWN ? 0f : itemBias[i]);
    }
    if (!Float.isNaN(minRating)) {
      score = Math.max(minRating, Math.min(maxRating, score));
    }
    return score;
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(options, "options");
    int u = users.indexOf(userId);
    CandidateSelector selector = CandidateSelector.forUser(items, k, options, seen, u);
    if (!knowsUser(u)) {
      return Recommendations.unserved(items);
    }
    float[] scores = new float[items.size()];
    ops.scoreRows(itemFactors, 0, items.size(), factors, userFactors, u * factors, scores, 0);
    if (itemBias != null) {
      for (int i = 0; i < scores.length; i++) {
        scores[i] += itemBias[i];
      }
    }
    return selector.selectByScore(scores, source);
  }

  @Override
  public String toString() {
    return "MatrixFactorizationModel[" + source.name() + ", users=" + users.size() + ", items="
        + items.size() + ", factors=" + factors + (userBias != null ? ", biases" : "") + "]";
  }

  /**
   * Assembles a model; trainers use it. Arrays are copied and validated: every value must be
   * finite (a NaN factor is a bug upstream, never a model).
   */
  public static final class Builder {
    private final IdIndex users;
    private final IdIndex items;
    private final int factors;
    private float[] userFactors;
    private float[] itemFactors;
    private float globalMean;
    private float[] userBias;
    private float[] itemBias;
    private float minRating = Float.NaN;
    private float maxRating = Float.NaN;
    private CsrMatrix seen;
    private boolean[] knownUser;
    private Provenance provenance;
    private Source source;

    private Builder(IdIndex users, IdIndex items, int factors) {
      this.users = Objects.requireNonNull(users, "users");
      this.items = Objects.requireNonNull(items, "items");
      if (factors < 1) {
        throw new IllegalArgumentException("factors = " + factors + "; expected factors >= 1");
      }
      this.factors = factors;
    }

    /**
     * Sets the user factors.
     *
     * @param values {@code users.size() * factors} finite values, row-major (copied)
     * @return this builder
     * @throws IllegalArgumentException on a wrong length or a non-finite value
     */
    public Builder userFactors(float[] values) {
      userFactors = finiteCopy("userFactors", values, (long) users.size() * factors);
      return this;
    }

    /**
     * Sets the item factors.
     *
     * @param values {@code items.size() * factors} finite values, row-major (copied)
     * @return this builder
     * @throws IllegalArgumentException on a wrong length or a non-finite value
     */
    public Builder itemFactors(float[] values) {
      itemFactors = finiteCopy("itemFactors", values, (long) items.size() * factors);
      return this;
    }

    /**
     * Sets biases.
     *
     * @param mean the global mean
     * @param perUser one bias per user (copied)
     * @param perItem one bias per item (copied)
     * @return this builder
     * @throws IllegalArgumentException on a wrong length or a non-finite value
     */
    public Builder biases(float mean, float[] perUser, float[] perItem) {
      if (!Float.isFinite(mean)) {
        throw new IllegalArgumentException("global mean = " + mean + "; expected a finite number");
      }
      globalMean = mean;
      userBias = finiteCopy("userBias", perUser, users.size());
      itemBias = finiteCopy("itemBias", perItem, items.size());
      return this;
    }

    /**
     * Clips predictions to {@code [min, max]}.
     *
     * @param min lowest rating
     * @param max highest rating, {@code > min}
     * @return this builder
     * @throws IllegalArgumentException if not finite or {@code min >= max}
     */
    public Builder clip(float min, float max) {
      if (!Float.isFinite(min) || !Float.isFinite(max) || !(min < max)) {
        throw new IllegalArgumentException(
            "rating range [" + min + ", " + max + "]; expected finite min < max");
      }
      minRating = min;
      maxRating = max;
      return this;
    }

    /**
     * Sets the training interactions (users × items), used to exclude seen items.
     *
     * @param userItems the training matrix
     * @return this builder
     * @throws IllegalArgumentException if its shape differs from the indexes
     */
    public Builder seen(CsrMatrix userItems) {
      if (userItems.numRows() != users.size() || userItems.numCols() != items.size()) {
        throw new IllegalArgumentException("seen matrix is " + userItems.numRows() + " x "
            + userItems.numCols() + "; expected " + users.size() + " x " + items.size());
      }
      seen = userItems;
      return this;
    }

    /**
     * Marks which users have vectors (others are served by a fallback). By default every user.
     *
     * @param known one flag per user (copied)
     * @return this builder
     * @throws IllegalArgumentException on a wrong length
     */
    public Builder knownUsers(boolean[] known) {
      if (known.length != users.size()) {
        throw new IllegalArgumentException(
            "knownUsers has " + known.length + " flags; expected " + users.size());
      }
      knownUser = known.clone();
      return this;
    }

    /**
     * Sets the provenance.
     *
     * @param value provenance of the fit
     * @return this builder
     */
    public Builder provenance(Provenance value) {
      provenance = Objects.requireNonNull(value, "provenance");
      return this;
    }

    /**
     * Sets the source name results carry.
     *
     * @param value e.g. {@code new Source("als")}
     * @return this builder
     */
    public Builder source(Source value) {
      source = Objects.requireNonNull(value, "source");
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the immutable model
     * @throws IllegalStateException if factors, provenance or source are missing
     */
    public MatrixFactorizationModel build() {
      if (userFactors == null || itemFactors == null) {
        throw new IllegalStateException("user and item factors are required");
      }
      if (provenance == null || source == null) {
        throw new IllegalStateException("provenance and source are required");
      }
      return new MatrixFactorizationModel(this);
    }

    private static float[] finiteCopy(String what, float[] values, long expectedLength) {
      Objects.requireNonNull(values, what);
      if (values.length != expectedLength) {
        throw new IllegalArgumentException(
            what + " has " + values.length + " values; expected " + expectedLength);
      }
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new IllegalArgumentException(what + "[" + i + "] = " + values[i] + "; expected finite");
        }
      }
      return values.clone();
    }
  }
}
