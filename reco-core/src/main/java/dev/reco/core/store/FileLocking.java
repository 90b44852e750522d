package dev.reco.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write lock of a store directory (a registry or a tracker): exclusive across threads and
 * processes.
 *
 * <p>A process-wide lock ({@link FileChannel#lock}) on a lock file keeps other processes out. Such
 * locks belong to the whole JVM, not to a thread or channel, and on POSIX systems closing
 * <em>any</em> channel of the file releases every lock the JVM holds on it. So threads of this
 * JVM first take a JVM-wide {@link ReentrantLock} for the lock file, and only the thread holding
 * it opens, locks and closes a channel of the file. That lock lives in the one map below: the
 * single piece of static state of the stores, required because the operating system tracks
 * file locks per process. It holds one small entry per lock file ever used and is never cleared.
 *
 * <p>The lock is reentrant for the thread holding it. If the process dies, the operating system
 * releases its file lock, so a crashed writer never blocks the next one.
 */
public final class FileLocking {
  private static final ConcurrentHashMap<Path, Slot> SLOTS = new ConcurrentHashMap<>();

  private FileLocking() {}

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    FileChannel channel;
    FileLock fileLock;
  }

  /** A held lock; closing it releases one hold. Close it on the thread that acquired it. */
  public static final class Held implements AutoCloseable {
    private final Slot slot;
    private boolean closed;

    private Held(Slot slot) {
      this.slot = slot;
    }

    /**
     * Releases this hold; the last hold of the thread also releases the file lock. Closing twice
     * does nothing.
     *
     * @throws IOException if the lock file's channel cannot be closed
     */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (slot.lock.getHoldCount() == 1 && slot.channel != null) {
          FileChannel ch = slot.channel;
          slot.channel = null;
          slot.fileLock = null;
          ch.close(); // releases the file lock too
        }
      } finally {
        slot.lock.unlock();
      }
    }
  }

  /**
   * Takes the lock on {@code lockFile}, creating the file if needed. A thread that holds the lock
   * already gets another hold at once.
   *
   * @param lockFile the lock file; its directory must exist
   * @param timeout how long to wait for other threads and processes
   * @return the hold, to be closed
   * @throws java.io.InterruptedIOException if the thread is interrupted while waiting
   * @throws IOException if the lock cannot be taken within {@code timeout} or the file cannot be
   *     opened
   */
  public static Held acquire(Path lockFile, Duration timeout) throws IOException {
    Path dir = lockFile.toAbsolutePath().getParent().toRealPath();
    Path key = dir.resolve(lockFile.getFileName().toString());
    Slot slot = SLOTS.computeIfAbsent(key, k -> new Slot());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!slot.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timeout(key, timeout, "another thread of this process holds it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for the lock " + key);
    }
    if (slot.lock.getHoldCount() > 1) {
      return new Held(slot);
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long sleepMillis = 1;
      while (true) {
        FileLock fl;
        try {
          fl = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          fl = null; // the same file reached through another path: wait like for a process
        }
        if (fl != null) {
          slot.channel = ch;
          slot.fileLock = fl;
          return new Held(slot);
        }
        if (System.nanoTime() - deadline > 0) {
          throw timeout(key, timeout, "another process holds it");
        }
        Thread.sleep(sleepMillis);
        sleepMillis = Math.min(16, sleepMillis * 2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(ch);
      slot.lock.unlock();
      throw new java.io.InterruptedIOException("interrupted while waiting for the lock " + key);
    } catch (IOException | RuntimeException | Error e) {
      closeQuietly(ch);
      slot.lock.unlock();
      throw e;
    }
  }

  private static IOException timeout(Path key, Duration timeout, String why) {
    return new IOException("could not take the write lock " + key + " within " + timeout + " ("
        + why + "); expected it to be released sooner: is a writer stuck?");
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing was locked through it
      }
    }
  }

}
