package dev.reco.models.mf;

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
import java.util.function.Supplier;

/**
 * Runs independent blocks of work on a thread pool created for one call and shut down before the
 * call returns. Blocks are handed out in order from a shared counter; each thread gets its own
 * worker (with its own buffers) from the supplier. Since blocks write disjoint outputs and do not
 * depend on each other, results never depend on the thread count or on which thread ran a block.
 */
final class BlockPool {
  private BlockPool() {}

  /**
   * Runs blocks {@code 0 .. blocks-1}.
   *
   * @param blocks number of blocks
   * @param threads threads to use, {@code >= 1}; one (or a single block) runs on the caller's
   *     thread without a pool
   * @param name thread name prefix
   * @param workers creates one worker per thread
   * @throws RuntimeException the first exception a block threw (other threads stop taking blocks)
   * @throws IllegalStateException if the calling thread is interrupted while waiting
   */
  static void run(int blocks, int threads, String name, Supplier<IntConsumer> workers) {
    int t = Math.min(threads, blocks);
    if (t <= 1) {
      IntConsumer worker = workers.get();
      for (int b = 0; b < blocks; b++) {
        worker.accept(b);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(t, threadFactory(name));
    try {
      List<Future<?>> futures = new ArrayList<>(t);
      for (int i = 0; i < t; i++) {
        futures.add(pool.submit(() -> {
          IntConsumer worker = workers.get();
          int b;
          while (!failed.get() && (b = next.getAndIncrement()) < blocks) {
            try {
              worker.accept(b);
            } catch (RuntimeException | Error e) {
              failed.set(true);
              throw e;
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException("block failed: " + cause, cause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name + " threads", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory threadFactory(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
