package dev.reco.core.recommend;

import dev.reco.core.IdIndex;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, ranked list of recommended items with their scores and the {@link Source} that
 * served them.
 *
 * <p>Rank 0 is the best. Items are dense indexes of the recommender's {@link Recommender#items()}
 * ({@link #itemIndex(int)}) and external ids ({@link #itemId(int)}); an item appears at most once.
 * Scores are non-increasing within each run of ranks that share a source, and equal scores are
 * ordered by lower item index. A list filled from several sources by a {@link FallbackRecommender}
 * reports the source of every rank ({@link #source(int)}); {@link #source()} is the source of the
 * first rank. A request that nothing could serve yields an empty list with source
 * {@link Source#NONE} ({@link #isServed()} is false).
 */
public final class Recommendations {
  private final IdIndex items;
  private final int[] index;
  private final float[] score;
  private final Source source;
  private final Source[] sources; // per rank; null when every rank has `source`

  Recommendations(IdIndex items, int[] index, float[] score, Source source, Source[] sources) {
    this.items = items;
    this.index = index;
    this.score = score;
    this.source = source;
    this.sources = sources;
  }

  /**
   * Returns the empty list of a request that no source could serve ({@link Source#NONE}).
   *
   * @param items the recommender's item index
   * @return an empty, unserved list
   */
  public static Recommendations unserved(IdIndex items) {
    return new Recommendations(Objects.requireNonNull(items, "items"), new int[0], new float[0],
        Source.NONE, null);
  }

  /**
   * Returns a list built from columns, validated and copied; for recommenders that rank
   * candidates themselves ({@link CandidateSelector} builds lists without copying).
   *
   * @param items the recommender's item index
   * @param itemIndexes item indexes in rank order, distinct, each in {@code [0, items.size())}
   * @param scores aligned scores: not NaN, non-increasing, equal scores by increasing index
   * @param source the source; {@link Source#NONE} only for an empty list
   * @return the list
   * @throws IllegalArgumentException if lengths differ, an index is out of range or repeated, a
   *     score is NaN or out of order, or a non-empty list has source {@code NONE}
   */
  public static Recommendations of(IdIndex items, int[] itemIndexes, float[] scores, Source source) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(itemIndexes, "itemIndexes");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(source, "source");
    int n = itemIndexes.length;
    if (scores.length != n) {
      throw new IllegalArgumentException("itemIndexes.length = " + n + ", scores.length = "
          + scores.length + "; expected equal lengths");
    }
    if (n > 0 && source.isNone()) {
      throw new IllegalArgumentException(
          "source = none with " + n + " items; expected a serving source for a non-empty list");
    }
    int[] sorted = itemIndexes.clone();
    for (int r = 0; r < n; r++) {
      int i = itemIndexes[r];
      if (i < 0 || i >= items.size()) {
        throw new IllegalArgumentException(
            "itemIndexes[" + r + "] = " + i + "; expected in [0, " + items.size() + ")");
      }
      if (scores[r] != scores[r]) {
        throw new IllegalArgumentException("scores[" + r + "] = NaN; expected a number");
      }
      if (r > 0 && !TopK.ranksBefore(itemIndexes[r - 1], scores[r - 1], i, scores[r])) {
        throw new IllegalArgumentException("rank " + r + " (item " + i + ", score " + scores[r]
            + ") does not rank after rank " + (r - 1) + " (item " + itemIndexes[r - 1] + ", score "
            + scores[r - 1] + "); expected non-increasing scores, ties by increasing item index");
      }
    }
    Arrays.sort(sorted);
    for (int r = 1; r < n; r++) {
      if (sorted[r] == sorted[r - 1]) {
        throw new IllegalArgumentException(
            "item " + sorted[r] + " appears twice; expected distinct items");
      }
    }
    return new Recommendations(items, itemIndexes.clone(), scores.clone(), source, null);
  }

  /** Returns the number of recommended items. */
  public int size() {
    return index.length;
  }

  /** Returns whether the list is empty. */
  public boolean isEmpty() {
    return index.length == 0;
  }

  /** Returns whether a source served the request (false only for {@link Source#NONE}). */
  public boolean isServed() {
    return !source.isNone();
  }

  /** Returns the source that served the list (of its first rank when filled from several). */
  public Source source() {
    return source;
  }

  /**
   * Returns the source that served one rank.
   *
   * @param rank a rank in {@code [0, size())}
   * @return its source
   * @throws IndexOutOfBoundsException if the rank is out of range
   */
  public Source source(int rank) {
    Objects.checkIndex(rank, index.length);
    return sources == null ? source : sources[rank];
  }

  /** Returns whether every rank has the same source. */
  public boolean isSingleSource() {
    return sources == null;
  }

  /** Returns the item index this list's indexes refer to. */
  public IdIndex items() {
    return items;
  }

  /**
   * Returns the dense item index at a rank.
   *
   * @param rank a rank in {@code [0, size())}
   * @return the item index in the recommender's {@link Recommender#items()}
   * @throws IndexOutOfBoundsException if the rank is out of range
   */
  public int itemIndex(int rank) {
    return index[rank];
  }

  /**
   * Returns the external item id at a rank.
   *
   * @param rank a rank in {@code [0, size())}
   * @return the item id
   * @throws IndexOutOfBoundsException if the rank is out of range
   */
  public String itemId(int rank) {
    return items.idOf(index[rank]);
  }

  /**
   * Returns the score at a rank.
   *
   * @param rank a rank in {@code [0, size())}
   * @return the score
   * @throws IndexOutOfBoundsException if the rank is out of range
   */
  public float score(int rank) {
    return score[rank];
  }

  /** Returns a copy of the item indexes in rank order. */
  public int[] itemIndexes() {
    return index.clone();
  }

  /** Returns a copy of the scores in rank order. */
  public float[] scores() {
    return score.clone();
  }

  /** Returns the item ids in rank order, as an unmodifiable view. */
  public List<String> itemIds() {
    return new AbstractList<>() {
      @Override
      public String get(int rank) {
        return itemId(rank);
      }

      @Override
      public int size() {
        return index.length;
      }
    };
  }

  /** Returns the entries in rank order, as an unmodifiable view. */
  public List<ScoredItem> asList() {
    return new AbstractList<>() {
      @Override
      public ScoredItem get(int rank) {
        return new ScoredItem(index[rank], itemId(rank), score[rank], source(rank));
      }

      @Override
      public int size() {
        return index.length;
      }
    };
  }

  /**
   * Returns whether {@code item} is in the list; O(size).
   *
   * @param item a dense item index
   * @return whether some rank holds it
   */
  public boolean contains(int item) {
    for (int i : index) {
      if (i == item) {
        return true;
      }
    }
    return false;
  }

  /** Equal when items, scores (bit for bit), sources and item index are equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Recommendations)) {
      return false;
    }
    Recommendations x = (Recommendations) o;
    return source.equals(x.source) && Arrays.equals(index, x.index)
        && Arrays.equals(score, x.score) && Arrays.equals(sources, x.sources)
        && (items == x.items || items.equals(x.items));
  }

  @Override
  public int hashCode() {
    return 31 * (31 * source.hashCode() + Arrays.hashCode(index)) + Arrays.hashCode(score);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Recommendations[source=").append(source)
        .append(", size=").append(index.length);
    for (int r = 0; r < Math.min(index.length, 10); r++) {
      sb.append(r == 0 ? ", " : " ").append(itemId(r)).append('=').append(score[r]);
      if (sources != null && !sources[r].equals(source)) {
        sb.append('@').append(sources[r]);
      }
    }
    return sb.append(index.length > 10 ? " ...]" : "]").toString();
  }
}
