package dev.reco.core.split;

import dev.reco.core.Interactions;
import java.util.SplittableRandom;

/**
 * Random holdout: of the n rows, exactly {@code m = min(round(n × testFraction), n − 1)} go to
 * test (halves rounded up; a single row stays in train), every m-subset equally likely under
 * the seed. O(n) time, one bounded random draw per row, no extra memory per row beyond the
 * output.
 *
 * <p><b>Not temporal:</b> train holds events later than test events, and a user's test rows sit
 * among their train rows in time. That leaks the future into training, which flatters models
 * compared with deployment; prefer {@link LeaveLastN} or {@link GlobalTime} to estimate how a
 * recommender will do on tomorrow's events.
 *
 * @param testFraction share of rows in test, in (0, 1)
 * @param seed random seed; the same data and seed give the same split
 */
public record RandomHoldout(double testFraction, long seed) implements Splitter {

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
   */
  public RandomHoldout {
    Splits.checkFraction("testFraction", testFraction);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code data} is empty
   */
  @Override
  public Split split(Interactions data) {
    Splits.requireRows(data, description());
    int n = data.size();
    int m = Splits.testCount(n, testFraction);
    boolean[] test = new boolean[n];
    SplittableRandom random = new SplittableRandom(Splits.streamSeed(seed, -1));
    // selection sampling over all rows, as Splits.markRandom does within a user
    int needed = m;
    for (int r = 0; r < n && needed > 0; r++) {
      if (random.nextInt(n - r) < needed) {
        test[r] = true;
        needed--;
      }
    }
    return Splits.fromMask(data, test, description());
  }

  /** Returns false: random holdout ignores time. */
  @Override
  public boolean isTemporal() {
    return false;
  }

  @Override
  public String description() {
    return "random(testFraction=" + testFraction + ", seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return description();
  }
}
