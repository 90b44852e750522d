package dev.reco.monitoring.profile;

import java.util.Objects;

/**
 * A streaming profile that many threads update at once, read through stable snapshots while the
 * writers keep going: HdrHistogram's {@code Recorder} pattern. Thread-safe.
 *
 * <p>Writers update an <em>active</em> instance inside a wait-free writer critical section (two
 * atomic increments, see {@link WriterReaderPhaser}). The active instance is striped: a writer
 * picks one of {@code stripes} single-writer profiles by its thread and locks only that stripe,
 * so writers on different stripes never contend. {@link #snapshot()} and
 * {@link #intervalSnapshot()} swap the active instance with an empty one, wait until the writers
 * still inside the old one have left, fold it into the running totals and reset it. A snapshot is
 * a fresh {@link SingleWriterProfile} owned by the caller; later updates never change it.
 *
 * <p>Memory is constant: {@code 2 * stripes + 2} single-writer profiles of the schema.
 */
public final class ConcurrentProfile {
  private final ProfileSchema schema;
  private final WriterReaderPhaser phaser = new WriterReaderPhaser();
  private final int mask;
  private volatile SingleWriterProfile[] active;
  private SingleWriterProfile[] inactive; // guarded by the reader lock
  private final SingleWriterProfile total; // guarded by the reader lock
  private SingleWriterProfile interval; // guarded by the reader lock

  /**
   * Creates an empty profile.
   *
   * @param schema the frozen layout
   * @param stripes number of independently locked stripes writers spread over, a power of two in
   *     {@code [1, 256]}; about the number of writer threads is plenty
   * @throws IllegalArgumentException if {@code stripes} is out of range or not a power of two
   */
  public ConcurrentProfile(ProfileSchema schema, int stripes) {
    this.schema = Objects.requireNonNull(schema, "schema");
    if (stripes < 1 || stripes > 256 || Integer.bitCount(stripes) != 1) {
      throw new IllegalArgumentException(
          "stripes = " + stripes + "; expected a power of two in [1, 256]");
    }
    this.mask = stripes - 1;
    this.active = newStripes(stripes);
    this.inactive = newStripes(stripes);
    this.total = new SingleWriterProfile(schema);
    this.interval = new SingleWriterProfile(schema);
  }

  /**
   * Returns the schema.
   *
   * @return the frozen layout
   */
  public ProfileSchema schema() {
    return schema;
  }

  /**
   * Counts one value of a numeric column, as {@link SingleWriterProfile#update(int, double)}.
   *
   * @param column the column index
   * @param value the value; {@code NaN} is missing
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is categorical
   */
  public void update(int column, double value) {
    long token = phaser.enter();
    try {
      SingleWriterProfile p = stripe();
      synchronized (p) {
        p.update(column, value);
      }
    } finally {
      phaser.exit(token);
    }
  }

  /**
   * Counts every value of an array for a numeric column, under one stripe lock.
   *
   * @param column the column index
   * @param values the values; {@code NaN} is missing
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is categorical
   */
  public void update(int column, double[] values) {
    long token = phaser.enter();
    try {
      SingleWriterProfile p = stripe();
      synchronized (p) {
        p.update(column, values);
      }
    } finally {
      phaser.exit(token);
    }
  }

  /**
   * Counts one value of a categorical column, as {@link SingleWriterProfile#update(int, String)}.
   *
   * @param column the column index
   * @param category the category, or {@code null} for a missing value
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is numeric
   */
  public void update(int column, String category) {
    long token = phaser.enter();
    try {
      SingleWriterProfile p = stripe();
      synchronized (p) {
        p.update(column, category);
      }
    } finally {
      phaser.exit(token);
    }
  }

  /**
   * Counts one encoded value of a categorical column, as
   * {@link SingleWriterProfile#updateCategoryIndex(int, int)}.
   *
   * @param column the column index
   * @param bucket a dictionary index, or the dictionary size for "other"
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   * @throws IllegalArgumentException if the column is numeric or the bucket is out of range
   */
  public void updateCategoryIndex(int column, int bucket) {
    long token = phaser.enter();
    try {
      SingleWriterProfile p = stripe();
      synchronized (p) {
        p.updateCategoryIndex(column, bucket);
      }
    } finally {
      phaser.exit(token);
    }
  }

  /**
   * Counts one missing value in any column.
   *
   * @param column the column index
   * @throws IndexOutOfBoundsException if {@code column} is out of range
   */
  public void updateMissing(int column) {
    long token = phaser.enter();
    try {
      SingleWriterProfile p = stripe();
      synchronized (p) {
        p.updateMissing(column);
      }
    } finally {
      phaser.exit(token);
    }
  }

  /**
   * Returns everything recorded since this profile was created, as a stable copy. Updates that
   * completed before this call are included; updates running concurrently are included either in
   * this snapshot or in the next one, never lost or counted twice. Does not disturb
   * {@link #intervalSnapshot()}.
   *
   * @return a new profile owned by the caller
   */
  public SingleWriterProfile snapshot() {
    phaser.readerLock();
    try {
      drainActive();
      return total.copy();
    } finally {
      phaser.readerUnlock();
    }
  }

  /**
   * Returns what was recorded since the previous call of this method (or since creation), as a
   * stable copy, and starts a new interval. The intervals partition the updates: merged together
   * they equal {@link #snapshot()}. Does not disturb {@link #snapshot()}.
   *
   * @return a new profile owned by the caller
   */
  public SingleWriterProfile intervalSnapshot() {
    phaser.readerLock();
    try {
      drainActive();
      SingleWriterProfile result = interval;
      interval = new SingleWriterProfile(schema);
      return result;
    } finally {
      phaser.readerUnlock();
    }
  }

  /** Swaps in the empty stripes, waits for the writers of the old ones, folds them in. */
  private void drainActive() {
    SingleWriterProfile[] old = active;
    active = inactive;
    phaser.flipPhase();
    for (SingleWriterProfile p : old) {
      total.merge(p);
      interval.merge(p);
      p.reset();
    }
    inactive = old;
  }

  private SingleWriterProfile stripe() {
    long id = Thread.currentThread().getId();
    int h = (int) (id ^ (id >>> 32)) * 0x9E3779B9;
    return active[(h ^ (h >>> 16)) & mask];
  }

  private SingleWriterProfile[] newStripes(int stripes) {
    SingleWriterProfile[] s = new SingleWriterProfile[stripes];
    for (int i = 0; i < stripes; i++) {
      s[i] = new SingleWriterProfile(schema);
    }
    return s;
  }
}
