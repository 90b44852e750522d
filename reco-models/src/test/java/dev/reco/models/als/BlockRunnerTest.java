package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.models.mf.Cancellation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BlockRunnerTest {
  @Test
  void everyBlockRunsExactlyOnceOnAValidWorker() {
    for (int threads : new int[] {1, 2, 4}) {
      try (BlockRunner runner = new BlockRunner(threads, new Cancellation(), "test")) {
        AtomicIntegerArray runs = new AtomicIntegerArray(37);
        runner.run(37, (b, w) -> {
          assertTrue(w >= 0 && w < threads, "worker " + w);
          runs.incrementAndGet(b);
        });
        for (int b = 0; b < 37; b++) {
          assertEquals(1, runs.get(b), threads + " threads, block " + b);
        }
        runner.run(0, (b, w) -> {
          throw new AssertionError("no blocks, no calls");
        });
      }
    }
  }

  @Test
  void aTaskExceptionReachesTheCaller() {
    IllegalStateException thrown = new IllegalStateException("block 5 failed");
    for (int threads : new int[] {1, 3}) {
      try (BlockRunner runner = new BlockRunner(threads, new Cancellation(), "test")) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> runner.run(20, (b, w) -> {
              if (b == 5) {
                throw thrown;
              }
            }));
        assertSame(thrown, e);
      }
    }
  }

  @Test
  void cancellationIsCheckedBeforeEveryBlock() {
    for (int threads : new int[] {1, 2}) {
      Cancellation cancel = new Cancellation();
      AtomicIntegerArray runs = new AtomicIntegerArray(1);
      try (BlockRunner runner = new BlockRunner(threads, cancel, "demo fit")) {
        CancellationException e = assertThrows(CancellationException.class,
            () -> runner.run(1000, (b, w) -> {
              runs.incrementAndGet(0);
              cancel.cancel();
            }));
        assertEquals("demo fit was cancelled", e.getMessage());
      }
      // each worker finishes at most the block it was running
      assertTrue(runs.get(0) <= threads, threads + " threads ran " + runs.get(0) + " blocks");
    }
  }
}
