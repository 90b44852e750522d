package dev.reco.models.mf;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.CandidateSelector;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.recommend.Source;
import dev.reco.core.recommend.TopK;
import dev.reco.models.linalg.VectorOps;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, thread-safe matrix factorization model: user and item factor vectors (float,
 * row-major, {@code factors} per row), optional biases (global mean, per user, per item) with an
 * optional clipping range, the training interactions (to exclude seen items), and provenance.
 *
 * <h2>Scores</h2>
 * The prediction for (u, i) is {@code mu + b_u + b_i + p_u · q_i} (biases are 0 for models without
 * them), clipped to the rating range when one is set ({@link #predict}). Ranking for a user uses
 * {@code b_i + p_u · q_i}, unclipped, since {@code mu + b_u} does not change the order and
 * clipping would only create ties; these are the scores {@link #recommend} reports.
 *
 * <h2>Unknown users</h2>
 * A user the model has no vector for (an id outside {@link #users()}, or a user marked unknown
 * by the trainer because it had no training rows) gets an unserved result; put the model first in
 * a {@link dev.reco.core.recommend.FallbackRecommender} to serve them, or compute a vector (e.g.
 * ALS fold-in) and add it with {@link #withUsers}.
 *
 * <h2>Many users</h2>
 * {@link #recommend(List, int, RecommendOptions)}, {@link #recommend(List, int, RecommendOptions,
 * int)} and {@link #recommendAll} score blocks of users against tiles of item factors that stay in
 * cache, optionally on several threads (a pool created and shut down by the call). Every element
 * equals the single call for that user, bit for bit, whatever the thread count.
 *
 * <h2>Similarity</h2>
 * {@link #similarItems} and {@link #similarUsers} rank by cosine similarity of factor vectors,
 * {@code q_a · q_b / (|q_a| |q_b|)}, and 0 when either vector is zero. Biases play no part. Norms
 * are computed once, on first use.
 *
 * <h2>Serving one request</h2>
 * A single {@link #recommend(String, int, RecommendOptions)} (and {@link #similarItems}, by
 * cosine) over a catalog of at least
 * {@value #CODED_SCAN_MIN_ITEMS} items (without a category cap or allow-list) first scores every
 * item from an 8-bit copy of the item factors, a quarter of the bytes to read, with a proven
 * error bound per item, then computes exact float scores for the few items that bound cannot rule
 * out ({@link CodedScan}). The list is the same, item for item and score for score, as scanning
 * the float factors; the 8-bit copy only decides which items need their exact score. At 100k
 * items and 64 factors a request takes about a third of the float scan's time (which is bound
 * by memory bandwidth).
 *
 * <h2>Memory</h2>
 * {@code 4 * factors} bytes per user and per item (factors = 64: 256 bytes), plus 4 bytes per
 * user and item with biases, 1 byte per user for the known flag, the seen matrix
 * ({@code 4 (users + 1) + 8 nnz} bytes), the id indexes, and after the first similarity request
 * 4 bytes per item (and per user) of norms, plus 4 per item of inverse norms on a large
 * catalog. After the first single request on a large catalog,
 * {@code factors + 12} bytes per item of 8-bit codes, scales and bounds (64 factors: 76 bytes, 30%
 * of the float factors). A request scores the catalog one tile of about 16 KiB of factors (or
 * 16 KiB of codes) at a time and keeps its top {@code k} in a bounded heap as the tiles pass
 * (allocating two tiles of scores and O(k)); only with a category cap or an allow-list does it
 * allocate {@code 4 * items} bytes of scores and select from them.
 *
 * <p>Saved and loaded with {@link MatrixFactorizationFormat}. Two models are {@link #equals equal}
 * when every part is bit-identical.
 */
public final class MatrixFactorizationModel implements Recommender {
  /** Floats of scores a batch worker holds at most: 16 MiB. */
  private static final int BLOCK_SCORE_FLOATS = 1 << 22;
  /** Users scored together in a batch block at most. */
  private static final int MAX_BLOCK_USERS = 16;
  /**
   * Catalogs with at least this many items are served by a first pass over 8-bit item codes and
   * an exact rescoring of the items that pass it ({@link QuantizedRows}).
   */
  static final int CODED_SCAN_MIN_ITEMS = 1024;
  /** The 8-bit item codes, built on first use (a benign race: every build gives the same codes). */
  private volatile QuantizedRows itemCodes;

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
  private final boolean codedScan;

  // computed on first use; a race computes the same values twice, the volatile write publishes them
  private volatile float[] itemNorms;
  private volatile float[] itemInverseNorms; // 1 / itemNorms in float, 0 for a zero norm
  private volatile float[] userNorms;

  private MatrixFactorizationModel(IdIndex users, IdIndex items, int factors, float[] userFactors,
      float[] itemFactors, float globalMean, float[] userBias, float[] itemBias, float minRating,
      float maxRating, CsrMatrix seen, boolean[] knownUser, Provenance provenance, Source source,
      boolean codedScan) {
    this.users = users;
    this.items = items;
    this.factors = factors;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.globalMean = globalMean;
    this.userBias = userBias;
    this.itemBias = itemBias;
    this.minRating = minRating;
    this.maxRating = maxRating;
    this.seen = seen;
    this.knownUser = knownUser;
    this.provenance = provenance;
    this.source = source;
    this.codedScan = codedScan;
    this.ops = VectorOps.best();
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
   * Returns the training matrix (users × items) whose rows are the items each user has seen, if
   * the model keeps one. {@link CsrMatrix} is immutable, so this is the model's own matrix.
   *
   * @return the seen matrix, or empty when the model excludes no training items
   */
  public Optional<CsrMatrix> seen() {
    return Optional.ofNullable(seen);
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
   * @throws IndexOutOfBoundsException if the index is out of range
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
   * @throws IndexOutOfBoundsException if the index is out of range
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

  // -----------------------------------------------------------------------------------------------
  // predictions

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
    return clip(score);
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
    return clip(score);
  }

  private float clip(float score) {
    return Float.isNaN(minRating) ? score : Math.max(minRating, Math.min(maxRating, score));
  }

  // -----------------------------------------------------------------------------------------------
  // recommendations

  /**
   * Returns whether single requests on a large catalog start with the 8-bit scan (see "Serving
   * one request" above); on by default.
   *
   * @return whether the coded scan is enabled
   */
  public boolean codedScan() {
    return codedScan;
  }

  /**
   * Returns this model with the 8-bit first pass of single requests and of {@code similarItems}
   * switched on or off. Lists are
   * the same either way; switching it off saves {@code factors + 12} bytes per item and makes a
   * request on a large catalog read the float factors instead (about twice as slow at 100k items
   * and 64 factors). The returned model shares this one's arrays; the setting is not saved and
   * plays no part in {@link #equals}.
   *
   * @param enabled whether to use the coded scan
   * @return a model with that setting ({@code this} if unchanged)
   */
  public MatrixFactorizationModel withCodedScan(boolean enabled) {
    if (enabled == codedScan) {
      return this;
    }
    return new MatrixFactorizationModel(users, items, factors, userFactors, itemFactors,
        globalMean, userBias, itemBias, minRating, maxRating, seen, knownUser, provenance, source,
        enabled);
  }

  /**
   * Recommends up to {@code k} items for a user, ranked by {@code b_i + p_u · q_i}; see
   * {@link Recommender#recommend(String, int, RecommendOptions)}. O(items · factors) to score the
   * catalog (from 8-bit codes on large catalogs, see {@link #withCodedScan}) plus O(items) comparisons and O(k log(items) log k) expected heap work to select.
   *
   * @param userId the external user id; a user without a vector gets an unserved list
   * @param k the most items to return, {@code >= 1}
   * @param options eligibility rules
   * @return the ranked list, with this model's {@link #source()}
   * @throws IllegalArgumentException if {@code k < 1}, or the options' category cap covers
   *     another item index
   * @throws NullPointerException if {@code userId} or {@code options} is null
   */
  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(options, "options");
    int u = users.indexOf(userId);
    CandidateSelector selector = CandidateSelector.forUser(items, k, options, seen, u);
    if (!knowsUser(u)) {
      return Recommendations.unserved(items);
    }
    int n = items.size();
    if (TopKScan.applies(options)) {
      if (codedScan && n >= CODED_SCAN_MIN_ITEMS) {
        Recommendations coded = recommendFromCodes(u, k, selector);
        if (coded != null) {
          return coded;
        }
      }
      TopKScan scan = new TopKScan(selector::isEligible, k, n);
      float[] tile = new float[Math.min(n, TiledScoring.tileRows(factors))];
      for (int t = 0; t < n; t += tile.length) {
        int len = Math.min(tile.length, n - t);
        ops.scoreRows(itemFactors, t, len, factors, userFactors, u * factors, tile, 0);
        addItemBias(tile, len, t);
        scan.offer(tile, len, t);
      }
      return scan.result(items, source);
    }
    float[] scores = new float[n];
    TiledScoring.scoreAll(ops, itemFactors, n, factors, userFactors, u * factors, scores);
    addItemBias(scores, n, 0);
    return selector.selectByScore(scores, source);
  }

  /**
   * The top {@code k} eligible items for user {@code u} by a {@link CodedScan} over 8-bit item
   * codes (built on first use), or null when the scores could come near float overflow.
   */
  private Recommendations recommendFromCodes(int u, int k, CandidateSelector selector) {
    TopKScan top = newCodedScan().select(userFactors, u * factors, k, selector::isEligible);
    return top == null ? null : top.result(items, source);
  }

  /** Returns a scan over the 8-bit item codes, building them on first use. */
  private CodedScan newCodedScan() {
    QuantizedRows q = itemCodes;
    if (q == null) {
      q = QuantizedRows.of(itemFactors, items.size(), factors, itemBias);
      itemCodes = q;
    }
    return new CodedScan(ops, q, itemFactors, itemBias, factors);
  }

  /** Adds the biases of items {@code firstItem .. firstItem + len - 1} to {@code scores[0 .. len)}. */
  private void addItemBias(float[] scores, int len, int firstItem) {
    if (itemBias != null) {
      for (int r = 0; r < len; r++) {
        scores[r] += itemBias[firstItem + r];
      }
    }
  }

  /**
   * Recommends for many users on the calling thread, scoring them in blocks; element {@code j}
   * equals {@code recommend(userIds.get(j), k, options)}. Same as
   * {@link #recommend(List, int, RecommendOptions, int)} with one thread.
   *
   * @param userIds the external user ids (repeats allowed)
   * @param k the most items per user, {@code >= 1}
   * @param options eligibility rules shared by every user
   * @return one list per user, in the order of {@code userIds}
   * @throws IllegalArgumentException if {@code k < 1}, or the options' category cap covers
   *     another item index
   * @throws NullPointerException if the list, an id or {@code options} is null
   */
  @Override
  public List<Recommendations> recommend(List<String> userIds, int k, RecommendOptions options) {
    return recommend(userIds, k, options, 1);
  }

  /**
   * Recommends for many users, scoring blocks of up to 16 users against tiles of item factors,
   * on {@code threads} threads of a pool created for this call. Element {@code j} equals
   * {@code recommend(userIds.get(j), k, options)}, whatever the thread count. Each thread holds
   * 16 tiles of scores ({@code 16 * 4096 / factors} floats) and 16 heaps of {@code k}; with a category cap or an allow-list,
   * {@code min(16, 2^22 / items)} score arrays of {@code 4 * items} bytes instead. A filter
   * predicate in the options is called from several threads and must be thread-safe.
   *
   * @param userIds the external user ids (repeats allowed)
   * @param k the most items per user, {@code >= 1}
   * @param options eligibility rules shared by every user
   * @param threads worker threads, {@code >= 1}; 1 runs on the calling thread
   * @return one list per user, in the order of {@code userIds}
   * @throws IllegalArgumentException if {@code k < 1}, {@code threads < 1}, or the options'
   *     category cap covers another item index
   * @throws NullPointerException if the list, an id or {@code options} is null
   * @throws IllegalStateException if the calling thread is interrupted while waiting
   */
  public List<Recommendations> recommend(List<String> userIds, int k, RecommendOptions options,
      int threads) {
    TopK.checkK(k);
    Objects.requireNonNull(userIds, "userIds");
    Objects.requireNonNull(options, "options");
    checkThreads(threads);
    int[] rows = new int[userIds.size()];
    for (int j = 0; j < rows.length; j++) {
      String id = userIds.get(j);
      if (id == null) {
        throw new NullPointerException("userIds[" + j + "] is null; expected a user id");
      }
      int u = users.indexOf(id);
      rows[j] = knowsUser(u) ? u : -1;
    }
    return Arrays.asList(recommendRows(rows, k, options, threads));
  }

  /**
   * Recommends for every user of {@link #users()}, in blocks, on {@code threads} threads of a pool
   * created for this call: element {@code u} equals {@code recommend(users().idOf(u), k,
   * options)} (unserved for users without a vector), whatever the thread count. Memory: the
   * results, plus per thread the buffers described at
   * {@link #recommend(List, int, RecommendOptions, int)}.
   *
   * @param k the most items per user, {@code >= 1}
   * @param options eligibility rules shared by every user
   * @param threads worker threads, {@code >= 1}; 1 runs on the calling thread
   * @return one list per user index
   * @throws IllegalArgumentException if {@code k < 1}, {@code threads < 1}, or the options'
   *     category cap covers another item index
   * @throws NullPointerException if {@code options} is null
   * @throws IllegalStateException if the calling thread is interrupted while waiting
   */
  public List<Recommendations> recommendAll(int k, RecommendOptions options, int threads) {
    TopK.checkK(k);
    Objects.requireNonNull(options, "options");
    checkThreads(threads);
    int[] rows = new int[users.size()];
    for (int u = 0; u < rows.length; u++) {
      rows[u] = knownUser[u] ? u : -1;
    }
    return Arrays.asList(recommendRows(rows, k, options, threads));
  }

  private static void checkThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + "; expected threads >= 1");
    }
  }

  /**
   * Recommends for user rows ({@code -1}: no vector), block by block. A block of users is scored
   * against one tile of item factors after another, so each tile is read from memory once per
   * block; with {@link TopKScan} every user keeps its top {@code k} as the tiles pass, otherwise
   * (category cap, allow-list) each user's scores are collected in a catalog-sized array first.
   * Each user's scores come from the same {@code scoreRows} calls over the same tiles as a single
   * request, so results are bit-identical to it.
   */
  private Recommendations[] recommendRows(int[] rows, int k, RecommendOptions options,
      int threads) {
    // validates k and the category cap before any work, as a single call does
    CandidateSelector.forUser(items, k, options, seen, IdIndex.UNKNOWN);
    Recommendations[] out = new Recommendations[rows.length];
    int n = items.size();
    boolean tileWise = TopKScan.applies(options);
    int tileRows = Math.min(Math.max(1, n), TiledScoring.tileRows(factors));
    int block = tileWise ? MAX_BLOCK_USERS
        : Math.max(1, Math.min(MAX_BLOCK_USERS, BLOCK_SCORE_FLOATS / Math.max(1, n)));
    int blocks = (rows.length + block - 1) / block;
    BlockPool.run(blocks, threads, "reco-mf-recommend", () -> {
      float[][] scores = new float[Math.min(block, rows.length)][tileWise ? tileRows : n];
      int[] queryRows = new int[block];
      int[] positions = new int[block];
      TopKScan[] scans = new TopKScan[block];
      return b -> {
        int from = b * block;
        int to = Math.min(rows.length, from + block);
        int count = 0;
        for (int j = from; j < to; j++) {
          if (rows[j] < 0) {
            out[j] = Recommendations.unserved(items);
          } else {
            queryRows[count] = rows[j];
            positions[count++] = j;
          }
        }
        if (tileWise) {
          for (int c = 0; c < count; c++) {
            CandidateSelector selector = CandidateSelector.forUser(items, k, options, seen,
                queryRows[c]);
            scans[c] = new TopKScan(selector::isEligible, k, n);
          }
          for (int t = 0; t < n; t += tileRows) {
            int len = Math.min(tileRows, n - t);
            for (int c = 0; c < count; c++) {
              ops.scoreRows(itemFactors, t, len, factors, userFactors, queryRows[c] * factors,
                  scores[c], 0);
              addItemBias(scores[c], len, t);
              scans[c].offer(scores[c], len, t);
            }
          }
          for (int c = 0; c < count; c++) {
            out[positions[c]] = scans[c].result(items, source);
            scans[c] = null;
          }
        } else {
          TiledScoring.scoreBlock(ops, itemFactors, n, factors, userFactors, queryRows, count,
              scores);
          for (int c = 0; c < count; c++) {
            addItemBias(scores[c], n, 0);
            out[positions[c]] = CandidateSelector.forUser(items, k, options, seen, queryRows[c])
                .selectByScore(scores[c], source);
          }
        }
      };
    });
    return out;
  }

  // -----------------------------------------------------------------------------------------------
  // similarity

  /** Returns true: the model ranks items by cosine similarity of their factors. */
  @Override
  public boolean supportsSimilarItems() {
    return true;
  }

  /**
   * Returns up to {@code k} items most similar to an item by cosine similarity of factor vectors
   * ({@code q_a · q_b / (|q_a| |q_b|)}, 0 when either vector is zero), never the item itself;
   * see {@link Recommender#similarItems(String, int, RecommendOptions)}. O(items · factors); the
   * item norms are computed on the first call.
   *
   * @param itemId the external id of the query item; an unknown id gives an unserved list
   * @param k the most items to return, {@code >= 1}
   * @param options eligibility rules; {@code excludeSeen} applies to the recent items only
   * @return the ranked list, with this model's {@link #source()}
   * @throws IllegalArgumentException if {@code k < 1}, or the options' category cap covers
   *     another item index
   * @throws NullPointerException if {@code itemId} or {@code options} is null
   */
  @Override
  public Recommendations similarItems(String itemId, int k, RecommendOptions options) {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(options, "options");
    // validates k and the category cap for known and unknown items alike
    CandidateSelector.forUser(items, k, options, null, IdIndex.UNKNOWN);
    int q = items.indexOf(itemId);
    if (q == IdIndex.UNKNOWN) {
      return Recommendations.unserved(items);
    }
    int n = items.size();
    float[] norms = itemNorms();
    CandidateSelector selector = CandidateSelector.forItem(items, k, options, q);
    if (TopKScan.applies(options)) {
      if (codedScan && n >= CODED_SCAN_MIN_ITEMS) {
        TopKScan coded = newCodedScan().selectCosine(itemFactors, q * factors, norms[q], norms,
            itemInverseNorms(), k, selector::isEligible);
        if (coded != null) {
          return coded.result(items, source);
        }
      }
      TopKScan scan = new TopKScan(selector::isEligible, k, n);
      float[] tile = new float[Math.min(n, TiledScoring.tileRows(factors))];
      for (int t = 0; t < n; t += tile.length) {
        int len = Math.min(tile.length, n - t);
        ops.scoreRows(itemFactors, t, len, factors, itemFactors, q * factors, tile, 0);
        TiledScoring.toCosine(tile, len, norms, t, q);
        scan.offer(tile, len, t);
      }
      return scan.result(items, source);
    }
    float[] scores = new float[n];
    TiledScoring.scoreAll(ops, itemFactors, n, factors, itemFactors, q * factors, scores);
    TiledScoring.toCosine(scores, n, norms, 0, q);
    return selector.selectByScore(scores, source);
  }

  /**
   * Returns up to {@code k} users most similar to a user by cosine similarity of factor vectors,
   * among the users the model has vectors for, never the user itself. The list refers to users:
   * its {@link Recommendations#items()} is {@link #users()}, so {@code itemId(rank)} is a user id.
   * O(users · factors); the user norms are computed on the first call.
   *
   * @param userId the external id of the query user; an id without a vector gives an unserved list
   * @param k the most users to return, {@code >= 1}
   * @return the ranked users, with this model's {@link #source()}
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code userId} is null
   */
  public Recommendations similarUsers(String userId, int k) {
    TopK.checkK(k);
    Objects.requireNonNull(userId, "userId");
    int q = users.indexOf(userId);
    if (!knowsUser(q)) {
      return Recommendations.unserved(users);
    }
    int m = users.size();
    float[] norms = userNorms();
    TopKScan scan = new TopKScan(u -> u != q && knownUser[u], k, m);
    float[] tile = new float[Math.min(m, TiledScoring.tileRows(factors))];
    for (int t = 0; t < m; t += tile.length) {
      int len = Math.min(tile.length, m - t);
      ops.scoreRows(userFactors, t, len, factors, userFactors, q * factors, tile, 0);
      TiledScoring.toCosine(tile, len, norms, t, q);
      scan.offer(tile, len, t);
    }
    return scan.result(users, source);
  }

  private float[] itemNorms() {
    float[] norms = itemNorms;
    if (norms == null) {
      norms = TiledScoring.rowNorms(ops, itemFactors, items.size(), factors);
      itemNorms = norms;
    }
    return norms;
  }

  private float[] itemInverseNorms() {
    float[] inverse = itemInverseNorms;
    if (inverse == null) {
      float[] norms = itemNorms();
      inverse = new float[norms.length];
      for (int i = 0; i < norms.length; i++) {
        inverse[i] = norms[i] == 0f ? 0f : 1f / norms[i];
      }
      itemInverseNorms = inverse;
    }
    return inverse;
  }

  private float[] userNorms() {
    float[] norms = userNorms;
    if (norms == null) {
      norms = TiledScoring.rowNorms(ops, userFactors, users.size(), factors);
      userNorms = norms;
    }
    return norms;
  }

  // -----------------------------------------------------------------------------------------------
  // adding users and items

  /**
   * Returns a model with more users, without retraining: the new users get the given vectors
   * (and a bias of 0 in a model with biases), are known, and have no seen items. Existing users
   * keep their indexes; the new ones follow in list order. Everything else is shared with or
   * copied from this model, including its provenance. Each call copies the user factors, so add
   * users in batches. An empty list returns this model.
   *
   * @param userIds new, distinct user ids, none already in {@link #users()}
   * @param vectors {@code userIds.size() * factors()} finite values, row-major (copied)
   * @return the extended model
   * @throws IllegalArgumentException if an id is already a user or repeats, or the vectors have
   *     the wrong length or a non-finite value
   * @throws NullPointerException if the list, an id or the vectors are null
   */
  public MatrixFactorizationModel withUsers(List<String> userIds, float[] vectors) {
    return addUsers(userIds, vectors, null);
  }

  /**
   * Returns a model with more users and their biases, as {@link #withUsers(List, float[])} does,
   * for a model with biases.
   *
   * @param userIds new, distinct user ids, none already in {@link #users()}
   * @param vectors {@code userIds.size() * factors()} finite values, row-major (copied)
   * @param biases one finite bias per new user (copied)
   * @return the extended model
   * @throws IllegalStateException if this model has no biases
   * @throws IllegalArgumentException if an id is already a user or repeats, or an array has the
   *     wrong length or a non-finite value
   * @throws NullPointerException if the list, an id or an array is null
   */
  public MatrixFactorizationModel withUsers(List<String> userIds, float[] vectors, float[] biases) {
    Objects.requireNonNull(biases, "biases");
    requireBiases("withUsers");
    return addUsers(userIds, vectors, biases);
  }

  /**
   * Returns a model with more items, without retraining: the new items get the given vectors (and
   * a bias of 0 in a model with biases) and appear in recommendations and similar items of every
   * user; nobody has seen them. Existing items keep their indexes; the new ones follow in list
   * order. Each call copies the item factors and the seen matrix, so add items in batches. An
   * empty list returns this model.
   *
   * @param itemIds new, distinct item ids, none already in {@link #items()}
   * @param vectors {@code itemIds.size() * factors()} finite values, row-major (copied)
   * @return the extended model
   * @throws IllegalArgumentException if an id is already an item or repeats, or the vectors have
   *     the wrong length or a non-finite value
   * @throws NullPointerException if the list, an id or the vectors are null
   */
  public MatrixFactorizationModel withItems(List<String> itemIds, float[] vectors) {
    return addItems(itemIds, vectors, null);
  }

  /**
   * Returns a model with more items and their biases, as {@link #withItems(List, float[])} does,
   * for a model with biases.
   *
   * @param itemIds new, distinct item ids, none already in {@link #items()}
   * @param vectors {@code itemIds.size() * factors()} finite values, row-major (copied)
   * @param biases one finite bias per new item (copied)
   * @return the extended model
   * @throws IllegalStateException if this model has no biases
   * @throws IllegalArgumentException if an id is already an item or repeats, or an array has the
   *     wrong length or a non-finite value
   * @throws NullPointerException if the list, an id or an array is null
   */
  public MatrixFactorizationModel withItems(List<String> itemIds, float[] vectors, float[] biases) {
    Objects.requireNonNull(biases, "biases");
    requireBiases("withItems");
    return addItems(itemIds, vectors, biases);
  }

  private void requireBiases(String method) {
    if (userBias == null) {
      throw new IllegalStateException("this model has no biases; call " + method
          + "(ids, vectors) without biases");
    }
  }

  private MatrixFactorizationModel addUsers(List<String> ids, float[] vectors, float[] biases) {
    IdIndex extended = extend(users, ids, "userIds", "a user");
    int added = ids.size();
    checkVectors(vectors, added, biases);
    if (added == 0) {
      return this;
    }
    int m = users.size();
    float[] newFactors = Arrays.copyOf(userFactors, (m + added) * factors);
    System.arraycopy(vectors, 0, newFactors, m * factors, added * factors);
    float[] newBias = null;
    if (userBias != null) {
      newBias = Arrays.copyOf(userBias, m + added);
      if (biases != null) {
        System.arraycopy(biases, 0, newBias, m, added);
      }
    }
    boolean[] known = Arrays.copyOf(knownUser, m + added);
    Arrays.fill(known, m, m + added, true);
    CsrMatrix newSeen = seen == null ? null : CsrArrays.resize(seen, m + added, items.size());
    return new MatrixFactorizationModel(extended, items, factors, newFactors, itemFactors,
        globalMean, newBias, itemBias, minRating, maxRating, newSeen, known, provenance, source,
        codedScan);
  }

  private MatrixFactorizationModel addItems(List<String> ids, float[] vectors, float[] biases) {
    IdIndex extended = extend(items, ids, "itemIds", "an item");
    int added = ids.size();
    checkVectors(vectors, added, biases);
    if (added == 0) {
      return this;
    }
    int n = items.size();
    float[] newFactors = Arrays.copyOf(itemFactors, (n + added) * factors);
    System.arraycopy(vectors, 0, newFactors, n * factors, added * factors);
    float[] newBias = null;
    if (itemBias != null) {
      newBias = Arrays.copyOf(itemBias, n + added);
      if (biases != null) {
        System.arraycopy(biases, 0, newBias, n, added);
      }
    }
    CsrMatrix newSeen = seen == null ? null : CsrArrays.resize(seen, users.size(), n + added);
    return new MatrixFactorizationModel(users, extended, factors, userFactors, newFactors,
        globalMean, userBias, newBias, minRating, maxRating, newSeen, knownUser, provenance, source,
        codedScan);
  }

  /** Returns {@code index} followed by {@code ids}, which must be new and distinct. */
  private static IdIndex extend(IdIndex index, List<String> ids, String what, String kind) {
    Objects.requireNonNull(ids, what);
    int old = index.size();
    if ((long) old + ids.size() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(what + " has " + ids.size() + " ids; with the " + old
          + " existing ones that exceeds " + (Integer.MAX_VALUE - 8));
    }
    IdIndex.Builder b = IdIndex.builder(old + ids.size());
    for (String id : index.ids()) {
      b.add(id);
    }
    for (int j = 0; j < ids.size(); j++) {
      String id = ids.get(j);
      if (id == null) {
        throw new NullPointerException(what + "[" + j + "] is null; expected an id");
      }
      int existing = index.indexOf(id);
      if (existing != IdIndex.UNKNOWN) {
        throw new IllegalArgumentException(what + "[" + j + "] = '" + id + "' is already " + kind
            + " of the model (index " + existing + "); expected new ids");
      }
      int at = b.add(id);
      if (at != old + j) {
        throw new IllegalArgumentException(what + "[" + j + "] = '" + id + "' repeats " + what
            + "[" + (at - old) + "]; expected distinct ids");
      }
    }
    return ids.isEmpty() ? index : b.build();
  }

  private void checkVectors(float[] vectors, int added, float[] biases) {
    Objects.requireNonNull(vectors, "vectors");
    long expected = (long) added * factors;
    if (vectors.length != expected) {
      throw new IllegalArgumentException("vectors has " + vectors.length + " values; expected "
          + expected + " (" + added + " ids x " + factors + " factors)");
    }
    requireFinite("vectors", vectors);
    if (biases != null) {
      if (biases.length != added) {
        throw new IllegalArgumentException(
            "biases has " + biases.length + " values; expected one per id (" + added + ")");
      }
      requireFinite("biases", biases);
    }
  }

  private static void requireFinite(String what, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] = " + values[i] + "; expected finite");
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // for MatrixFactorizationFormat: the model's own arrays, never handed out publicly

  float[] userFactorsArray() {
    return userFactors;
  }

  float[] itemFactorsArray() {
    return itemFactors;
  }

  float[] userBiasArray() {
    return userBias;
  }

  float[] itemBiasArray() {
    return itemBias;
  }

  boolean[] knownUserArray() {
    return knownUser;
  }

  /**
   * Returns whether another object is a model with equal indexes, factor count, provenance and
   * source, and bit-identical factors, biases, global mean, clipping range, known-user flags and
   * seen matrix (values included). O(size of the model); meant for tests and for checking a
   * saved model against the original.
   *
   * @param o the other object
   * @return whether both models are the same, bit for bit
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MatrixFactorizationModel)) {
      return false;
    }
    MatrixFactorizationModel x = (MatrixFactorizationModel) o;
    return factors == x.factors
        && Float.floatToIntBits(globalMean) == Float.floatToIntBits(x.globalMean)
        && Float.floatToIntBits(minRating) == Float.floatToIntBits(x.minRating)
        && Float.floatToIntBits(maxRating) == Float.floatToIntBits(x.maxRating)
        && source.equals(x.source)
        && users.equals(x.users) && items.equals(x.items)
        && Arrays.equals(userFactors, x.userFactors) && Arrays.equals(itemFactors, x.itemFactors)
        && Arrays.equals(userBias, x.userBias) && Arrays.equals(itemBias, x.itemBias)
        && Arrays.equals(knownUser, x.knownUser) && Objects.equals(seen, x.seen)
        && provenance.equals(x.provenance);
  }

  /** Returns a hash of the sizes, source and provenance (consistent with {@link #equals}). */
  @Override
  public int hashCode() {
    return Objects.hash(users.size(), items.size(), factors, source, provenance);
  }

  @Override
  public String toString() {
    return "MatrixFactorizationModel[" + source.name() + ", users=" + users.size() + ", items="
        + items.size() + ", factors=" + factors + (userBias != null ? ", biases" : "")
        + (Float.isNaN(minRating) ? "" : ", clip=[" + minRating + ", " + maxRating + "]") + "]";
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
      boolean[] known = knownUser != null ? knownUser.clone() : new boolean[users.size()];
      if (knownUser == null) {
        Arrays.fill(known, true);
      }
      return new MatrixFactorizationModel(users, items, factors, userFactors, itemFactors,
          globalMean, userBias, itemBias, minRating, maxRating, seen, known, provenance, source,
          true);
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
