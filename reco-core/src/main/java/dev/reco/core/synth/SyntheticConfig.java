package dev.reco.core.synth;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of the synthetic e-commerce event generator, validated on construction.
 *
 * <p>Start from {@link #defaults()} and change single fields with the {@code with...} copies:
 * <pre>{@code
 * SyntheticConfig config = SyntheticConfig.defaults().withUsers(50_000).withEvents(2_000_000);
 * }</pre>
 *
 * <p>Generation holds O(users + items) memory, whatever the number of events: about 36 bytes per
 * user, 40 bytes per item, and 20 bytes per (cluster, item of a preferred category) pair, about
 * 40 MB for 1M users and 100k items; events are streamed. Times have millisecond precision; finer parts of {@code start} and
 * {@code duration} are ignored.
 *
 * @param users number of users, {@code >= 1} (default 10,000); ids {@code u000000, u000001, ...}
 * @param items number of items, {@code >= 1} (default 2,000); ids {@code i00000, i00001, ...}
 * @param events exact number of events emitted, {@code >= 1} (default 200,000)
 * @param categories number of item categories, in {@code [1, 10000]} (default 20)
 * @param clusters number of planted taste clusters, in {@code [1, 1024]} (default 8); every user
 *     belongs to one, drawn uniformly
 * @param categoriesPerCluster categories each cluster prefers, in {@code [1, categories]}
 *     (default 3)
 * @param clusterAffinity probability that a view follows the user's cluster taste rather than
 *     global popularity, in {@code [0, 1]} (default 0.8); 0 removes the collaborative structure
 * @param clusterTasteSigma log-normal spread of a cluster's preference for single items within
 *     its categories, in {@code [0, 5]} (default 1.0); 0 makes clusters differ by category only
 * @param zipfExponent exponent {@code s} of the Zipf item popularity {@code rank^-s}, in
 *     {@code [0, 10]} (default 1.0); 0 makes every item equally popular
 * @param userActivitySigma log-normal spread of per-user activity, in {@code [0, 5]} (default
 *     1.0); 0 makes every active user equally likely to act
 * @param start first instant of the period (default 2026-01-05T00:00:00Z, a Monday)
 * @param duration length of the period, at least one second (default 90 days)
 * @param weekendFactor event intensity on Saturdays and Sundays (UTC) relative to weekdays, in
 *     {@code (0, 100]} (default 1.4); 1 removes the weekly seasonality
 * @param cartProbability probability that a view is followed by an add-to-cart of the same item,
 *     in {@code [0, 1]} (default 0.15)
 * @param purchaseProbability probability that an add-to-cart is followed by a purchase, in
 *     {@code [0, 1]} (default 0.35)
 * @param funnelDelay mean (exponential) delay between funnel steps, {@code >= 0} (default 10
 *     minutes)
 * @param newUserFraction fraction of users who join during the period rather than at its start,
 *     in {@code [0, 1)} (default 0.2); at least one user is present at the start
 * @param newItemFraction fraction of items that appear during the period rather than at its
 *     start, in {@code [0, 1)} (default 0.1); at least one item is present at the start
 * @param medianPriceMin lower bound of the per-category median prices, which are log-uniform
 *     between the two bounds, {@code > 0} (default 5.0)
 * @param medianPriceMax upper bound of the per-category median prices, {@code >= medianPriceMin}
 *     (default 500.0)
 * @param priceSigma log-normal spread of prices within a category, in {@code [0, 5]} (default
 *     0.5)
 * @param seed seed of every random choice (default 42)
 */
public record SyntheticConfig(
    int users,
    int items,
    long events,
    int categories,
    int clusters,
    int categoriesPerCluster,
    double clusterAffinity,
    double clusterTasteSigma,
    double zipfExponent,
    double userActivitySigma,
    Instant start,
    Duration duration,
    double weekendFactor,
    double cartProbability,
    double purchaseProbability,
    Duration funnelDelay,
    double newUserFraction,
    double newItemFraction,
    double medianPriceMin,
    double medianPriceMax,
    double priceSigma,
    long seed) {

  /** Largest number of categories. */
  public static final int MAX_CATEGORIES = 10_000;

  /** Largest number of taste clusters. */
  public static final int MAX_CLUSTERS = 1024;

  /** The default start of the period: Monday 2026-01-05T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

  /**
   * Validates every field.
   *
   * @throws NullPointerException if {@code start}, {@code duration} or {@code funnelDelay} is
   *     null
   * @throws IllegalArgumentException if a field is out of its documented range; the message names
   *     the field, its value and the expected range
   */
  public SyntheticConfig {
    atLeast("users", users, 1);
    atLeast("items", items, 1);
    if (events < 1) {
      throw new IllegalArgumentException("events = " + events + "; expected events >= 1");
    }
    inRange("categories", categories, 1, MAX_CATEGORIES);
    inRange("clusters", clusters, 1, MAX_CLUSTERS);
    inRange("categoriesPerCluster", categoriesPerCluster, 1, categories);
    unit("clusterAffinity", clusterAffinity);
    inRange("clusterTasteSigma", clusterTasteSigma, 0, 5);
    inRange("zipfExponent", zipfExponent, 0, 10);
    inRange("userActivitySigma", userActivitySigma, 0, 5);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "duration = " + duration + "; expected duration >= PT1S");
    }
    try {
      start.plus(duration).toEpochMilli();
      start.toEpochMilli();
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("start = " + start + ", duration = " + duration
          + "; expected a period within the epoch-millisecond range", e);
    }
    if (!(weekendFactor > 0 && weekendFactor <= 100)) {
      throw new IllegalArgumentException(
          "weekendFactor = " + weekendFactor + "; expected weekendFactor in (0, 100]");
    }
    unit("cartProbability", cartProbability);
    unit("purchaseProbability", purchaseProbability);
    Objects.requireNonNull(funnelDelay, "funnelDelay");
    if (funnelDelay.isNegative() || funnelDelay.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException(
          "funnelDelay = " + funnelDelay + "; expected funnelDelay in [PT0S, 365 days]");
    }
    fraction("newUserFraction", newUserFraction);
    fraction("newItemFraction", newItemFraction);
    if (!(medianPriceMin > 0 && medianPriceMin < 1e12)) {
      throw new IllegalArgumentException(
          "medianPriceMin = " + medianPriceMin + "; expected medianPriceMin in (0, 1e12)");
    }
    if (!(medianPriceMax >= medianPriceMin && medianPriceMax < 1e12)) {
      throw new IllegalArgumentException("medianPriceMax = " + medianPriceMax
          + "; expected medianPriceMax in [medianPriceMin = " + medianPriceMin + ", 1e12)");
    }
    inRange("priceSigma", priceSigma, 0, 5);
  }

  /**
   * Returns the default configuration: 10,000 users, 2,000 items, 200,000 events over 90 days
   * from Monday 2026-01-05T00:00:00Z, seed 42. Building it and streaming its events take well
   * under a second and about half a megabyte of heap (4 MB more as an {@code Interactions}
   * table).
   *
   * @return the defaults listed on each field
   */
  public static SyntheticConfig defaults() {
    return new SyntheticConfig(10_000, 2_000, 200_000, 20, 8, 3, 0.8, 1.0, 1.0, 1.0,
        DEFAULT_START, Duration.ofDays(90), 1.4, 0.15, 0.35, Duration.ofMinutes(10), 0.2, 0.1,
        5.0, 500.0, 0.5, 42L);
  }

  /**
   * Returns the number of users present at the start: {@code users} minus the new users.
   *
   * @return a count in {@code [1, users]}
   */
  public int initialUsers() {
    return users - newCount(users, newUserFraction);
  }

  /**
   * Returns the number of items present at the start: {@code items} minus the new items.
   *
   * @return a count in {@code [1, items]}
   */
  public int initialItems() {
    return items - newCount(items, newItemFraction);
  }

  /** {@code round(n * fraction)}, leaving at least one of {@code n} present at the start. */
  private static int newCount(int n, double fraction) {
    return (int) Math.min(n - 1L, Math.round(n * fraction));
  }

  /** Returns the start in epoch milliseconds. */
  long startMillis() {
    return start.toEpochMilli();
  }

  /** Returns the exclusive end of the period in epoch milliseconds. */
  long endMillis() {
    return start.toEpochMilli() + duration.toMillis();
  }

  /**
   * Returns a copy with another user count.
   *
   * @param value the new {@code users}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withUsers(int value) {
    return new SyntheticConfig(value, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another item count.
   *
   * @param value the new {@code items}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withItems(int value) {
    return new SyntheticConfig(users, value, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another event count.
   *
   * @param value the new {@code events}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withEvents(long value) {
    return new SyntheticConfig(users, items, value, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another category count.
   *
   * @param value the new {@code categories}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range, or below
   *     {@code categoriesPerCluster}
   */
  public SyntheticConfig withCategories(int value) {
    return new SyntheticConfig(users, items, events, value, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another cluster count.
   *
   * @param value the new {@code clusters}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withClusters(int value) {
    return new SyntheticConfig(users, items, events, categories, value, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another number of preferred categories per cluster.
   *
   * @param value the new {@code categoriesPerCluster}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withCategoriesPerCluster(int value) {
    return new SyntheticConfig(users, items, events, categories, clusters, value,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another cluster affinity.
   *
   * @param value the new {@code clusterAffinity}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withClusterAffinity(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        value, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another cluster taste spread.
   *
   * @param value the new {@code clusterTasteSigma}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withClusterTasteSigma(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, value, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another Zipf exponent.
   *
   * @param value the new {@code zipfExponent}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withZipfExponent(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, value, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another user activity spread.
   *
   * @param value the new {@code userActivitySigma}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withUserActivitySigma(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, value, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another start of the period.
   *
   * @param value the new {@code start}
   * @return the copy
   * @throws IllegalArgumentException if the period leaves the epoch-millisecond range
   */
  public SyntheticConfig withStart(Instant value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, value, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another period length.
   *
   * @param value the new {@code duration}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withDuration(Duration value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, value,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another weekend intensity.
   *
   * @param value the new {@code weekendFactor}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withWeekendFactor(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        value, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another view-to-cart probability.
   *
   * @param value the new {@code cartProbability}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withCartProbability(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, value, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another cart-to-purchase probability.
   *
   * @param value the new {@code purchaseProbability}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withPurchaseProbability(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, value, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another mean funnel delay.
   *
   * @param value the new {@code funnelDelay}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withFunnelDelay(Duration value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, value, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another fraction of new users.
   *
   * @param value the new {@code newUserFraction}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withNewUserFraction(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, value,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another fraction of new items.
   *
   * @param value the new {@code newItemFraction}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withNewItemFraction(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        value, medianPriceMin, medianPriceMax, priceSigma, seed);
  }

  /**
   * Returns a copy with another range of per-category median prices.
   *
   * @param min the new {@code medianPriceMin}
   * @param max the new {@code medianPriceMax}
   * @return the copy
   * @throws IllegalArgumentException if a value is out of range
   */
  public SyntheticConfig withMedianPriceRange(double min, double max) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, min, max, priceSigma, seed);
  }

  /**
   * Returns a copy with another within-category price spread.
   *
   * @param value the new {@code priceSigma}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public SyntheticConfig withPriceSigma(double value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, value, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param value the new {@code seed}
   * @return the copy
   */
  public SyntheticConfig withSeed(long value) {
    return new SyntheticConfig(users, items, events, categories, clusters, categoriesPerCluster,
        clusterAffinity, clusterTasteSigma, zipfExponent, userActivitySigma, start, duration,
        weekendFactor, cartProbability, purchaseProbability, funnelDelay, newUserFraction,
        newItemFraction, medianPriceMin, medianPriceMax, priceSigma, value);
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          name + " = " + value + "; expected " + name + " >= " + min);
    }
  }

  private static void inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " = " + value + "; expected " + name + " in [" + min + ", " + max + "]");
    }
  }

  private static void inRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " = " + value + "; expected " + name + " in [" + min + ", " + max + "]");
    }
  }

  private static void unit(String name, double value) {
    inRange(name, value, 0, 1);
  }

  private static void fraction(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(
          name + " = " + value + "; expected " + name + " in [0, 1)");
    }
  }
}
