package dev.reco.models.svd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The worker threads of one fit: runs a batch of independent tasks on the calling thread plus
 * {@code threads - 1} pool threads, and returns when all have finished. Tasks must not depend on
 * which thread runs them or in which order; then results do not depend on the thread count.
 * The pool belongs to the fit and is shut down by {@link #close()}.
 */
final class Workers implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool; // null with one thread

  Workers(int threads) {
    this.threads = threads;
    if (threads > 1) {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory factory = r -> {
        Thread t = new Thread(r, "reco-biased-svd-worker-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      pool = Executors.newFixedThreadPool(threads - 1, factory);
    } else {
      pool = null;
    }
  }

  /**
   * Runs {@code task.accept(t)} for every {@code t < tasks}, each exactly once, and waits. If a
   * task throws, no new task starts; the first exception is rethrown after the running ones end.
   *
   * @param tasks number of tasks
   * @param task the work of one task
   */
  void run(int tasks, IntConsumer task) {
    if (pool == null || tasks <= 1) {
      for (int t = 0; t < tasks; t++) {
        task.accept(t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    Runnable loop = () -> {
      try {
        int t;
        while (!failed.get() && (t = next.getAndIncrement()) < tasks) {
          task.accept(t);
        }
      } catch (RuntimeException | Error e) {
        failed.set(true);
        throw e;
      }
    };
    int helpers = Math.min(threads, tasks) - 1;
    List<Future<?>> futures = new ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) {
      futures.add(pool.submit(loop));
    }
    Throwable first = null;
    try {
      loop.run();
    } catch (RuntimeException | Error e) {
      first = e;
    }
    boolean interrupted = false;
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause();
          }
          break;
        } catch (InterruptedException e) {
          interrupted = true; // keep waiting: tasks still write shared arrays
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (first instanceof RuntimeException) {
      throw (RuntimeException) first;
    }
    if (first instanceof Error) {
      throw (Error) first;
    }
    if (first != null) {
      throw new IllegalStateException("a training task failed", first);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
