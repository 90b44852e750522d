package dev.reco.core;

/**
 * What {@link Interactions.Builder} does with several rows for the same (user, item) pair.
 *
 * <p>"Latest" means largest timestamp; among equal timestamps (or when there are no timestamps)
 * the row added later wins, so every policy is deterministic.
 */
public enum DuplicatePolicy {
  /** Values are summed (in double precision); timestamp and event type come from the latest row. */
  SUM,
  /** The latest row wins (value, timestamp and event type). */
  LAST,
  /**
   * The row with the largest value wins; ties go to the latest row. Its timestamp and event type
   * are kept.
   */
  MAX,
  /** Every row is kept, in insertion order; pairs may repeat (an event log). */
  KEEP_ALL;

  /** Returns whether this policy merges rows, so that each (user, item) pair appears once. */
  public boolean merges() {
    return this != KEEP_ALL;
  }
}
