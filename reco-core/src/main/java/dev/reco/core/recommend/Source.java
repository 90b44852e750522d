package dev.reco.core.recommend;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names what served a recommendation list: a model ("als"), a baseline ("popularity") or
 * {@link #NONE} when nothing could serve the request.
 *
 * <p>Names are short lower-case tokens ({@code [a-z0-9][a-z0-9._-]*}, at most 64 characters) so
 * they can be logged, counted and used as metric labels as they are. Models in other modules
 * define their own constants ({@code new Source("als")}); two sources are equal when their names
 * are.
 *
 * @param name the source name
 */
public record Source(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Nothing served the request; the list is empty. */
  public static final Source NONE = new Source("none");
  /** Global popularity ({@code dev.reco.core.baseline.MostPopular}). */
  public static final Source POPULARITY = new Source("popularity");
  /** Popularity within the user's categories ({@code dev.reco.core.baseline.CategoryPopularity}). */
  public static final Source CATEGORY_POPULARITY = new Source("category-popularity");
  /** Recency-weighted, category-aware popularity ({@code dev.reco.core.baseline.RecencyPopularity}). */
  public static final Source RECENCY_POPULARITY = new Source("recency-popularity");
  /** Seeded random order ({@code dev.reco.core.baseline.RandomRecommender}). */
  public static final Source RANDOM = new Source("random");

  /**
   * Validates the name.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not a lower-case token of 1 to 64 characters
   */
  public Source {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("source name = '" + name
          + "'; expected 1 to 64 characters of [a-z0-9._-], starting with a letter or digit");
    }
  }

  /** Returns whether this is {@link #NONE}, i.e. the request was not served. */
  public boolean isNone() {
    return name.equals(NONE.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
