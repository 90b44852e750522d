package dev.reco.models.als;

import dev.reco.models.mf.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered blocks of work on a fixed number of workers, created for one fit and shut down
 * by {@link #close()}. Blocks are handed out dynamically, so which worker runs a block varies
 * between runs: callers make every block's result depend only on the block number (and write it
 * to a place owned by that block), which makes the combined result independent of the thread
 * count. The cancellation flag is checked before every block.
 */
final class BlockRunner implements AutoCloseable {
  /** A unit of work: block number and the index of the worker running it (for scratch). */
  @FunctionalInterface
  interface Task {
    void run(int block, int worker);
  }

  private final int threads;
  private final Cancellation cancellation;
  private final String what;
  private final ExecutorService pool; // null with one thread: blocks run on the caller

  BlockRunner(int threads, Cancellation cancellation, String what) {
    this.threads = threads;
    this.cancellation = cancellation;
    this.what = what;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, new Factory(what));
  }

  /** Returns the number of workers; worker indexes passed to tasks are below it. */
  int workers() {
    return threads;
  }

  /**
   * Runs {@code task} for every block in {@code [0, blocks)} and returns when all are done.
   *
   * @throws CancellationException if cancellation was requested or the caller was interrupted
   * @throws RuntimeException the first exception a task threw
   */
  void run(int blocks, Task task) {
    if (pool == null || blocks <= 1) {
      for (int b = 0; b < blocks; b++) {
        cancellation.check(what);
        task.run(b, 0);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int workers = Math.min(threads, blocks);
    List<Future<?>> futures = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      int worker = w;
      futures.add(pool.submit(() -> {
        try {
          int b;
          while (failure.get() == null && (b = next.getAndIncrement()) < blocks) {
            cancellation.check(what);
            task.run(b, worker);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        failure.compareAndSet(null, new CancellationException(what + " was interrupted"));
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        failure.compareAndSet(null, e.getCause());
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    if (t != null) {
      throw new IllegalStateException(what + " failed", t);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Names worker threads and makes them daemons, so a forgotten pool never blocks JVM exit. */
  private static final class Factory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    Factory(String what) {
      this.prefix = "reco-" + what.replace(' ', '-') + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
