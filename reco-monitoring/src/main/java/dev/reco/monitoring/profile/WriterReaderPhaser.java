package dev.reco.monitoring.profile;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets many writers run wait-free critical sections while one reader at a time waits until every
 * writer that started before a "phase flip" has finished. The reader swaps a shared pointer, flips
 * the phase, and then owns whatever the writers used before the swap.
 *
 * <p>The design is Gil Tene's WriterReaderPhaser (HdrHistogram, public domain): a start epoch
 * counts writer entries; its sign tells the phase. A writer's exit increments the end epoch of
 * the phase it entered in. A flip resets the other phase's end epoch, swaps the start epoch to the
 * new phase's initial value (getting the number of entries of the old phase), and waits until the
 * old phase's end epoch catches up with it: then every writer of the old phase has left.
 *
 * <p>Writers: {@code long t = enter(); try { ... } finally { exit(t); }}. Reader:
 * {@code readerLock(); try { swap; flipPhase(); read old } finally { readerUnlock(); }}.
 */
final class WriterReaderPhaser {
  private final AtomicLong startEpoch = new AtomicLong(0);
  private final AtomicLong evenEndEpoch = new AtomicLong(0);
  private final AtomicLong oddEndEpoch = new AtomicLong(Long.MIN_VALUE);
  private final ReentrantLock readerLock = new ReentrantLock();

  /** Enters a writer critical section; wait-free. Returns the token to pass to {@link #exit}. */
  long enter() {
    return startEpoch.getAndIncrement();
  }

  /** Leaves the writer critical section entered with {@code token}; wait-free. */
  void exit(long token) {
    (token < 0 ? oddEndEpoch : evenEndEpoch).getAndIncrement();
  }

  void readerLock() {
    readerLock.lock();
  }

  void readerUnlock() {
    readerLock.unlock();
  }

  /**
   * Flips the phase and waits until every writer that entered before the flip has exited.
   *
   * @throws IllegalStateException if the caller does not hold the reader lock
   */
  void flipPhase() {
    if (!readerLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("flipPhase() called without the reader lock; expected "
          + "readerLock() first");
    }
    boolean nextPhaseIsEven = startEpoch.get() < 0;
    long initial = nextPhaseIsEven ? 0 : Long.MIN_VALUE;
    (nextPhaseIsEven ? evenEndEpoch : oddEndEpoch).set(initial);
    long startAtFlip = startEpoch.getAndSet(initial);
    AtomicLong oldEnd = nextPhaseIsEven ? oddEndEpoch : evenEndEpoch;
    for (int spins = 0; oldEnd.get() != startAtFlip; spins++) {
      if (spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }
}
