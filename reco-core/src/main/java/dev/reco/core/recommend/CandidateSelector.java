package dev.reco.core.recommend;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Applies one request's {@link RecommendOptions} to candidate items and collects the top
 * {@code k} into {@link Recommendations}: the shared selection step of every recommender.
 *
 * <p>A recommender creates one selector per request ({@link #forUser} or {@link #forItem}), then
 * either
 * <ul>
 *   <li>scores the whole catalog: {@link #selectByScore(float[], Source)} or
 *       {@link #selectByScore(IntToDoubleFunction, Source)} (bounded heap, O(n log k)); or
 *   <li>walks a ranking precomputed at fit time: {@link #selectFromRanking} (O(k + skipped
 *       items)); or
 *   <li>produces candidates in rank order itself and {@link #offer offers} them, then calls
 *       {@link #result(Source)}.
 * </ul>
 * Selection applies eligibility ({@link #isEligible(int)}: allow-list, deny-list, seen items,
 * predicate, and the query item of a similar-items request) and then the category cap, greedily
 * in rank order. Rank order is higher score first, then lower item index ({@link TopK}).
 *
 * <p>Not thread-safe and single use: one selector serves one request. It holds O(k) state plus,
 * with a category cap, one counter per category.
 */
public final class CandidateSelector {
  private final IdIndex items;
  private final int k;
  private final boolean excludeSeen;
  private final int[] allow; // sorted; null: all
  private final int[] deny; // sorted
  private final int[] recent; // sorted
  private final CsrMatrix seenMatrix; // null: no training items
  private final int seenStart;
  private final int seenEnd;
  private final int queryItem; // excluded item of a similar-items request, or -1
  private final IntPredicate filter;
  private final ItemCategories capCategories; // null: no cap
  private final int capMax;
  private int[] capCounts;

  private int[] outItems;
  private float[] outScores;
  private int size;
  private boolean offered;
  private int lastItem;
  private float lastScore;
  private boolean done;

  private CandidateSelector(IdIndex items, int k, RecommendOptions options, CsrMatrix seenMatrix,
      int userRow, int queryItem) {
    this.items = items;
    this.k = k;
    RecommendOptions.Resolved r = options.resolve(items);
    this.excludeSeen = options.excludeSeen();
    this.allow = r.allow;
    this.deny = r.deny;
    this.recent = r.recent;
    if (seenMatrix != null && userRow >= 0 && userRow < seenMatrix.numRows()) {
      this.seenMatrix = seenMatrix;
      this.seenStart = seenMatrix.rowStart(userRow);
      this.seenEnd = seenMatrix.rowEnd(userRow);
    } else {
      this.seenMatrix = null;
      this.seenStart = 0;
      this.seenEnd = 0;
    }
    this.queryItem = queryItem;
    this.filter = options.filterOrNull();
    RecommendOptions.CategoryCap cap = options.categoryCapOrNull();
    this.capCategories = cap == null ? null : cap.categories();
    this.capMax = cap == null ? 0 : cap.max();
    int initial = Math.min(k, 64);
    this.outItems = new int[initial];
    this.outScores = new float[initial];
  }

  /**
   * Returns a selector for a user request.
   *
   * @param items the recommender's item index
   * @param k the requested list length, {@code >= 1}
   * @param options the request options
   * @param userItems the training user × item matrix whose row {@code userIndex} holds the
   *     user's seen items (sorted columns, as {@link dev.reco.core.Interactions#byUser()}); null
   *     when the recommender keeps no training data
   * @param userIndex the user's row in {@code userItems}, or {@link IdIndex#UNKNOWN} (or any
   *     index outside the matrix) for a user without training items
   * @return a new selector
   * @throws IllegalArgumentException if {@code k < 1}, {@code userItems} has a column count
   *     other than {@code items.size()}, or the options' category cap covers another item index
   */
  public static CandidateSelector forUser(IdIndex items, int k, RecommendOptions options,
      CsrMatrix userItems, int userIndex) {
    TopK.checkK(k);
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(options, "options");
    if (userItems != null && userItems.numCols() != items.size()) {
      throw new IllegalArgumentException("userItems has " + userItems.numCols()
          + " columns; expected one per item (" + items.size() + ")");
    }
    return new CandidateSelector(items, k, options, userItems, userIndex, -1);
  }

  /**
   * Returns a selector for a similar-items request: the query item itself is never eligible,
   * and {@code excludeSeen} applies to the options' recent items only.
   *
   * @param items the recommender's item index
   * @param k the requested list length, {@code >= 1}
   * @param options the request options
   * @param queryItem the query item's index, excluded from the result
   * @return a new selector
   * @throws IllegalArgumentException if {@code k < 1}, {@code queryItem} is out of range, or the
   *     options' category cap covers another item index
   */
  public static CandidateSelector forItem(IdIndex items, int k, RecommendOptions options,
      int queryItem) {
    TopK.checkK(k);
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(options, "options");
    if (queryItem < 0 || queryItem >= items.size()) {
      throw new IllegalArgumentException(
          "queryItem = " + queryItem + "; expected in [0, " + items.size() + ")");
    }
    return new CandidateSelector(items, k, options, null, IdIndex.UNKNOWN, queryItem);
  }

  /** Returns the requested list length. */
  public int k() {
    return k;
  }

  /** Returns the item index candidates refer to. */
  public IdIndex items() {
    return items;
  }

  /**
   * Returns the request's recent items ({@link RecommendOptions#recentItems()}) as sorted,
   * distinct dense indexes, unknown ids dropped; context for models that use it.
   *
   * @return a new array
   */
  public int[] recentItems() {
    return recent.clone();
  }

  /**
   * Returns whether the user has seen an item: it is in the user's training row or among the
   * recent items (whether or not {@code excludeSeen} is on).
   *
   * @param item a dense item index
   * @return whether it was seen
   */
  public boolean isSeen(int item) {
    return Arrays.binarySearch(recent, item) >= 0 || inSeenRow(item);
  }

  private boolean inSeenRow(int item) {
    int lo = seenStart;
    int hi = seenEnd - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = seenMatrix.columnAt(mid);
      if (c < item) {
        lo = mid + 1;
      } else if (c > item) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether an item passes the request's lists and predicate (the category cap is applied
   * later, during selection).
   *
   * @param item a dense item index in {@code [0, items().size())}
   * @return whether it may be recommended
   */
  public boolean isEligible(int item) {
    if (item == queryItem) {
      return false;
    }
    if (allow != null && Arrays.binarySearch(allow, item) < 0) {
      return false;
    }
    if (deny.length > 0 && Arrays.binarySearch(deny, item) >= 0) {
      return false;
    }
    if (excludeSeen && isSeen(item)) {
      return false;
    }
    return filter == null || filter.test(item);
  }

  /** Returns the number of items accepted so far. */
  public int size() {
    return size;
  }

  /** Returns whether {@code k} items were accepted; further offers are refused. */
  public boolean isFull() {
    return size == k;
  }

  /**
   * Offers the next candidate in rank order (each item at most once): accepted when the list is
   * not full, the item is {@link #isEligible eligible} and its category is under the cap.
   *
   * @param item a dense item index
   * @param score its score, not NaN
   * @return whether it was accepted
   * @throws IllegalArgumentException if the candidate does not rank strictly after the previous
   *     one offered, or the score is NaN
   * @throws IllegalStateException after {@link #result(Source)}
   */
  public boolean offer(int item, float score) {
    checkNotDone();
    if (score != score) {
      throw new IllegalArgumentException("score of item " + item + " = NaN; expected a number");
    }
    score += 0.0f;
    if (offered && !TopK.ranksBefore(lastItem, lastScore, item, score)) {
      throw new IllegalArgumentException("candidate (item " + item + ", score " + score
          + ") offered after (item " + lastItem + ", score " + lastScore
          + "); expected rank order: higher score first, then lower item index");
    }
    offered = true;
    lastItem = item;
    lastScore = score;
    if (size == k || !isEligible(item)) {
      return false;
    }
    return accept(item, score);
  }

  /** Appends an eligible candidate if its category is under the cap. */
  private boolean accept(int item, float score) {
    if (capCategories != null) {
      int c = capCategories.categoryOf(item);
      if (c != ItemCategories.NONE) {
        if (capCounts == null) {
          capCounts = new int[capCategories.numCategories()];
        }
        if (capCounts[c] >= capMax) {
          return false;
        }
        capCounts[c]++;
      }
    }
    if (size == outItems.length) {
      int capacity = (int) Math.min(k, 2L * size + 16);
      outItems = Arrays.copyOf(outItems, capacity);
      outScores = Arrays.copyOf(outScores, capacity);
    }
    outItems[size] = item;
    outScores[size] = score;
    size++;
    return true;
  }

  /**
   * Returns the accepted candidates as a list served by {@code source}. The selector cannot be
   * used afterwards.
   *
   * @param source the serving source; {@link Source#NONE} only when nothing was accepted
   * @return the recommendations
   * @throws IllegalArgumentException if {@code source} is {@code NONE} and items were accepted
   * @throws IllegalStateException if called twice
   */
  public Recommendations result(Source source) {
    Objects.requireNonNull(source, "source");
    checkNotDone();
    if (source.isNone() && size > 0) {
      throw new IllegalArgumentException(
          "source = none with " + size + " items; expected a serving source");
    }
    done = true;
    return new Recommendations(items, Arrays.copyOf(outItems, size), Arrays.copyOf(outScores, size),
        source, null);
  }

  /**
   * Selects the top {@code k} eligible items of a precomputed ranking, in its order.
   *
   * @param ranking item indexes in rank order (higher score first, then lower index), as
   *     {@link TopK#rankDescending(float[])} gives
   * @param rankScores the score of {@code ranking[r]} at {@code r}
   * @param source the serving source
   * @return the recommendations
   * @throws IllegalArgumentException if the arrays differ in length or are out of rank order
   * @throws IllegalStateException if the selector was already used
   */
  public Recommendations selectFromRanking(int[] ranking, float[] rankScores, Source source) {
    if (ranking.length != rankScores.length) {
      throw new IllegalArgumentException("ranking.length = " + ranking.length
          + ", rankScores.length = " + rankScores.length + "; expected equal lengths");
    }
    checkNotDone();
    for (int r = 0; r < ranking.length && size < k; r++) {
      offer(ranking[r], rankScores[r]);
    }
    return result(source);
  }

  /**
   * Scores every eligible item from an array and selects the top {@code k}; items with a NaN
   * score are skipped.
   *
   * @param scores one score per item of {@link #items()}
   * @param source the serving source
   * @return the recommendations
   * @throws IllegalArgumentException if {@code scores.length != items().size()}
   * @throws IllegalStateException if the selector was already used
   */
  public Recommendations selectByScore(float[] scores, Source source) {
    if (scores.length != items.size()) {
      throw new IllegalArgumentException("scores.length = " + scores.length
          + "; expected one score per item (" + items.size() + ")");
    }
    return select(scores, null, source);
  }

  /**
   * Scores every eligible item with a function (called only for eligible items, at most once
   * per item and pass) and selects the top {@code k}; NaN scores are skipped. With a category
   * cap that binds, the scan may be repeated with a deeper heap.
   *
   * @param scorer the score of a dense item index, narrowed to float
   * @param source the serving source
   * @return the recommendations
   * @throws IllegalStateException if the selector was already used
   */
  public Recommendations selectByScore(IntToDoubleFunction scorer, Source source) {
    return select(null, Objects.requireNonNull(scorer, "scorer"), source);
  }

  private Recommendations select(float[] scores, IntToDoubleFunction scorer, Source source) {
    Objects.requireNonNull(source, "source");
    checkNotDone();
    if (offered) {
      throw new IllegalStateException("candidates were already offered to this selector");
    }
    int n = items.size();
    int depth = k;
    while (true) {
      TopK top = new TopK(Math.max(1, Math.min(depth, Math.max(n, 1))));
      scan(scores, scorer, top);
      int found = top.size();
      int[] candidates = new int[found];
      float[] candidateScores = new float[found];
      top.drainTo(candidates, candidateScores);
      size = 0;
      if (capCounts != null) {
        Arrays.fill(capCounts, 0);
      }
      for (int r = 0; r < found && size < k; r++) {
        accept(candidates[r], candidateScores[r]);
      }
      // done when k were taken, or the heap held every eligible item (so nothing deeper exists)
      if (size == k || found < top.capacity() || depth >= n) {
        break;
      }
      depth = (int) Math.min(n, 4L * depth);
    }
    return result(source);
  }

  /** Offers every eligible item to {@code top}, merging the sorted exclusion lists in one pass. */
  private void scan(float[] scores, IntToDoubleFunction scorer, TopK top) {
    int dp = 0;
    int rp = 0;
    int sp = seenStart;
    int n = allow == null ? items.size() : allow.length;
    for (int j = 0; j < n; j++) {
      int i = allow == null ? j : allow[j];
      if (i == queryItem) {
        continue;
      }
      while (dp < deny.length && deny[dp] < i) {
        dp++;
      }
      if (dp < deny.length && deny[dp] == i) {
        continue;
      }
      if (excludeSeen) {
        while (rp < recent.length && recent[rp] < i) {
          rp++;
        }
        if (rp < recent.length && recent[rp] == i) {
          continue;
        }
        while (sp < seenEnd && seenMatrix.columnAt(sp) < i) {
          sp++;
        }
        if (sp < seenEnd && seenMatrix.columnAt(sp) == i) {
          continue;
        }
      }
      if (filter != null && !filter.test(i)) {
        continue;
      }
      float s = scores != null ? scores[i] : (float) scorer.applyAsDouble(i);
      top.offer(i, s);
    }
  }

  private void checkNotDone() {
    if (done) {
      throw new IllegalStateException("this selector already produced its result; use one per request");
    }
  }
}
