package dev.reco.monitoring.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrentProfileTest {
  private static final int WRITERS = 4;
  private static final int PER_WRITER = 50_000;

  /** The values writer {@code w} records, in order: numeric, category, score. */
  private static void feed(int w, SingleWriterProfile target) {
    SplittableRandom r = new SplittableRandom(1000 + w);
    String[] countries = {"de", "fr", "us", "jp", null};
    for (int i = 0; i < PER_WRITER; i++) {
      target.update(0, i % 53 == 0 ? Double.NaN : r.nextGaussian() * 10 + 15);
      target.update(1, countries[r.nextInt(countries.length)]);
      target.updateCategoryIndex(1, r.nextInt(4));
      target.update(2, r.nextDouble(-2, 2));
    }
  }

  private static void feed(int w, ConcurrentProfile target) {
    SplittableRandom r = new SplittableRandom(1000 + w);
    String[] countries = {"de", "fr", "us", "jp", null};
    for (int i = 0; i < PER_WRITER; i++) {
      target.update(0, i % 53 == 0 ? Double.NaN : r.nextGaussian() * 10 + 15);
      target.update(1, countries[r.nextInt(countries.length)]);
      target.updateCategoryIndex(1, r.nextInt(4));
      target.update(2, r.nextDouble(-2, 2));
    }
  }

  @Test
  void concurrentWritersWithSnapshotsLoseAndDuplicateNothing() throws Exception {
    ProfileSchema schema = TestProfiles.schema();
    ConcurrentProfile live = new ConcurrentProfile(schema, 2); // fewer stripes than writers
    SingleWriterProfile expected = new SingleWriterProfile(schema);
    for (int w = 0; w < WRITERS; w++) {
      feed(w, expected);
    }
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int id = w;
      Thread t = new Thread(() -> {
        try {
          start.await();
          feed(id, live);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      t.start();
      writers.add(t);
    }
    AtomicBoolean done = new AtomicBoolean();
    List<SingleWriterProfile> intervals = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try {
        start.await();
        long previous = 0;
        while (!done.get()) {
          intervals.add(live.intervalSnapshot());
          SingleWriterProfile total = live.snapshot();
          long now = total.count(2);
          assertTrue(now >= previous, "totals never go back: " + now + " < " + previous);
          previous = now;
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    });
    reader.start();
    start.countDown();
    for (Thread t : writers) {
      t.join();
    }
    done.set(true);
    reader.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    intervals.add(live.intervalSnapshot());
    SingleWriterProfile merged = new SingleWriterProfile(schema);
    for (SingleWriterProfile p : intervals) {
      merged.merge(p);
    }
    SingleWriterProfile total = live.snapshot();
    assertTrue(TestProfiles.sameCounters(expected, total), () -> expected + " vs " + total);
    assertTrue(TestProfiles.sameCounters(expected, merged), () -> expected + " vs " + merged);
    assertEquals(expected.sketch(0).n(), total.sketch(0).n());
    assertEquals(expected.sketch(0).n(), merged.sketch(0).n());
    assertEquals(expected.sketch(0).min(), total.sketch(0).min());
    assertEquals(expected.sketch(0).max(), total.sketch(0).max());
    assertTrue(TestProfiles.maxCdfGap(expected.sketch(0), total.sketch(0), -25, 55)
        <= expected.sketch(0).normalizedRankError() + total.sketch(0).normalizedRankError());
  }

  @Test
  void snapshotsAreStableAndIntervalsRestart() {
    ConcurrentProfile live = new ConcurrentProfile(TestProfiles.schema(), 1);
    live.update(0, 5.0);
    live.update(1, "us");
    live.updateMissing(2);
    SingleWriterProfile first = live.snapshot();
    live.update(0, 15.0);
    live.update(0, new double[] {25.0, Double.NaN});
    // the snapshot taken before does not move
    assertArrayEquals(new long[] {0, 1, 0, 0, 0}, first.counts(0));
    assertEquals(1, first.sketch(0).n());
    assertArrayEquals(new long[] {0, 1, 1, 1, 0}, live.snapshot().counts(0));
    assertEquals(1, live.snapshot().missing(0));
    // the first interval holds everything so far; the next one only what follows
    SingleWriterProfile interval = live.intervalSnapshot();
    assertArrayEquals(new long[] {0, 1, 1, 1, 0}, interval.counts(0));
    assertArrayEquals(new long[] {0, 0, 1, 0}, interval.counts(1));
    assertEquals(1, interval.missing(2));
    live.update(0, -3.0);
    SingleWriterProfile next = live.intervalSnapshot();
    assertArrayEquals(new long[] {1, 0, 0, 0, 0}, next.counts(0));
    assertEquals(0, next.missing(2));
    assertEquals(0, live.intervalSnapshot().count(0));
    assertArrayEquals(new long[] {1, 1, 1, 1, 0}, live.snapshot().counts(0));
  }

  @Test
  void badArgumentsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ConcurrentProfile(TestProfiles.schema(), 3));
    assertTrue(e.getMessage().contains("stripes = 3"), e.getMessage());
    ConcurrentProfile live = new ConcurrentProfile(TestProfiles.schema(), 4);
    e = assertThrows(IllegalArgumentException.class, () -> live.update(1, 2.0));
    assertTrue(e.getMessage().contains("'country' is CATEGORICAL"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> live.update(9, "x"));
    // a failed update leaves the writer section balanced: snapshots still return
    assertEquals(0, live.snapshot().count(0));
    assertEquals(0, live.intervalSnapshot().count(1));
  }

  @Test
  void phaserRequiresTheReaderLock() {
    WriterReaderPhaser phaser = new WriterReaderPhaser();
    IllegalStateException e = assertThrows(IllegalStateException.class, phaser::flipPhase);
    assertTrue(e.getMessage().contains("without the reader lock"), e.getMessage());
  }
}
