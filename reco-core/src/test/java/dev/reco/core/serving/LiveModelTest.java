package dev.reco.core.serving;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.registry.CorruptArtifactException;
import dev.reco.core.registry.ModelRegistry;
import dev.reco.core.registry.ModelVersion;
import dev.reco.core.registry.VersionMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveModelTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-05-01T12:00:00Z"));

  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final Queue<FakeModel> loaded = new ConcurrentLinkedQueue<>();
  private final Queue<String> events = new ConcurrentLinkedQueue<>();
  private ModelRegistry registry;

  @BeforeEach
  void setUp() {
    registry = ModelRegistry.inMemory(CLOCK);
  }

  /** Registers a version whose artifact is its text: a number, or "bad" for one that fails. */
  private int register(String model, String content) {
    return registry.register(model, content.getBytes(UTF_8), VersionMetadata.empty()).version();
  }

  /** Loads "n" as a FakeModel of version n; "bad" fails. */
  private FakeModel load(ModelVersion version, byte[] artifact) {
    String text = new String(artifact, UTF_8);
    if (text.equals("bad")) {
      throw new IllegalArgumentException("artifact of version " + version.version()
          + " is not a model");
    }
    FakeModel m = new FakeModel(Integer.parseInt(text), violations);
    loaded.add(m);
    return m;
  }

  private LiveModel.Builder<FakeModel> builder(String model) {
    return LiveModel.builder(registry, model, "champion", this::load).clock(CLOCK)
        .listener(new LiveModel.Listener() {
          @Override
          public void swapped(ModelVersion from, ModelVersion to) {
            events.add("swapped " + (from == null ? "-" : from.version()) + "->" + to.version());
          }

          @Override
          public void failed(LoadFailure failure) {
            events.add("failed " + failure.version() + " at " + failure.stage());
          }

          @Override
          public void released(ModelVersion version) {
            events.add("released " + version.version());
          }
        });
  }

  private void point(String model, int version) {
    registry.setAlias(model, "champion", version, "test", "");
  }

  private FakeModel model(int version) {
    return loaded.stream().filter(m -> m.version == version).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void servesTheAliasAndSwapsWhenItMoves() {
    int v1 = register("m", "1");
    int v2 = register("m", "2");
    point("m", v1);
    try (LiveModel<FakeModel> live = builder("m").build()) {
      assertEquals(1, live.call(FakeModel::serve));
      assertEquals(v1, live.version().version());
      assertEquals(live.status(), live.refresh().join(), "nothing moved: nothing happens");
      assertEquals(1, loaded.size());
      point("m", v2);
      LiveModel.Status s = live.refresh().join();
      assertEquals(v2, s.serving().version());
      assertEquals(1, s.swaps());
      assertEquals(0, s.failures());
      assertNull(s.lastFailure());
      assertEquals(2, live.call(FakeModel::serve));
      assertTrue(model(1).isClosed(), "no lease was open: released at the swap");
      assertEquals(List.of("swapped -->1", "swapped 1->2", "released 1"), List.copyOf(events));
    }
    assertTrue(model(2).isClosed(), "close releases the serving model");
    assertEquals("released 2", List.copyOf(events).get(3));
    assertEquals(List.of(), List.copyOf(violations));
  }

  @Test
  void aLeaseKeepsItsModelOpenAcrossASwapUntilItIsClosed() {
    point("m", register("m", "1"));
    int v2 = register("m", "2");
    try (LiveModel<FakeModel> live = builder("m").build()) {
      LiveModel.Lease<FakeModel> held = live.acquire();
      assertEquals(1, held.version().version());
      point("m", v2);
      live.refresh().join();
      assertFalse(held.get().isClosed(), "still in use by the open lease");
      assertEquals(1, held.get().serve(), "the lease still serves its own version");
      try (LiveModel.Lease<FakeModel> fresh = live.acquire()) {
        assertEquals(2, fresh.get().serve(), "new calls get the new version");
        assertEquals(v2, fresh.version().version());
      }
      assertFalse(events.contains("released 1"));
      held.close();
      assertTrue(model(1).isClosed(), "the last holder released it");
      assertTrue(events.contains("released 1"));
      held.close(); // harmless
      assertEquals(1, model(1).closes());
      IllegalStateException e = assertThrows(IllegalStateException.class, held::get);
      assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }
    assertEquals(List.of(), List.copyOf(violations));
  }

  @Test
  void aFailedLoadKeepsTheServingModelAndSaysWhy() {
    point("m", register("m", "1"));
    int bad = register("m", "bad");
    try (LiveModel<FakeModel> live = builder("m").build()) {
      point("m", bad);
      LiveModel.Status s = live.refresh().join();
      assertEquals(1, s.serving().version(), "the old model stays");
      assertEquals(1, s.failures());
      LoadFailure f = s.failure().orElseThrow();
      assertEquals(LoadFailure.Stage.LOAD, f.stage());
      assertEquals(bad, f.version());
      assertEquals(CLOCK.instant(), f.time());
      assertTrue(f.message().contains("version 2 of model 'm' (alias 'champion') failed at LOAD")
          && f.message().contains("is not a model"), f.message());
      assertTrue(events.contains("failed 2 at LOAD"));
      assertEquals(1, live.call(FakeModel::serve));
      assertFalse(model(1).isClosed());
    }
  }

  @Test
  void aFailedHealthCheckReleasesTheCandidateAndAnExplicitRefreshRetriesIt() {
    point("m", register("m", "1"));
    int v2 = register("m", "2");
    AtomicInteger checks = new AtomicInteger();
    try (LiveModel<FakeModel> live = builder("m")
        .healthCheck((m, v) -> {
          checks.incrementAndGet();
          if (m.version == 2) {
            throw new IllegalStateException("recall@10 = 0.01; expected >= 0.2");
          }
        }).build()) {
      point("m", v2);
      LiveModel.Status s = live.refresh().join();
      assertEquals(1, s.serving().version());
      assertEquals(LoadFailure.Stage.HEALTH_CHECK, s.lastFailure().stage());
      assertTrue(s.lastFailure().message().contains("recall@10 = 0.01"), s.lastFailure().message());
      assertTrue(model(2).isClosed(), "the rejected candidate is released");
      assertEquals(List.of("swapped -->1", "released 2", "failed 2 at HEALTH_CHECK"),
          List.copyOf(events));
      assertEquals(2, live.refresh().join().failures(), "refresh() tries again");
      assertEquals(3, checks.get(), "v1 once, v2 twice");
      assertEquals(1, live.call(FakeModel::serve));
    }
    assertEquals(List.of(), List.copyOf(violations));
  }

  @Test
  void theWarmUpAndHealthCheckRunBeforeTheModelServes() {
    point("m", register("m", "1"));
    int v2 = register("m", "2");
    try (LiveModel<FakeModel> live = builder("m")
        .warmUp((m, v) -> events.add("warm-up " + v.version() + " served " + m.serve()))
        .healthCheck((m, v) -> events.add("check " + v.version()))
        .build()) {
      point("m", v2);
      live.refresh().join();
    }
    assertEquals(List.of("warm-up 1 served 1", "check 1", "swapped -->1",
        "warm-up 2 served 2", "check 2", "swapped 1->2", "released 1", "released 2"),
        List.copyOf(events));
  }

  @Test
  void aWarmUpThatThrowsRejectsTheCandidateAndAnUnsetAliasIsReported() {
    point("m", register("m", "1"));
    int v2 = register("m", "2");
    try (LiveModel<FakeModel> live = builder("m")
        .warmUp((m, v) -> {
          if (v.version() == 2) {
            throw new java.io.IOException("warm-up data missing");
          }
        }).build()) {
      point("m", v2);
      assertEquals(LoadFailure.Stage.WARM_UP, live.refresh().join().lastFailure().stage());
      registry.deleteAlias("m", "champion", "test", "");
      LiveModel.Status s = live.refresh().join();
      assertEquals(LoadFailure.Stage.RESOLVE, s.lastFailure().stage());
      assertNull(s.lastFailure().version());
      assertTrue(s.lastFailure().message().contains("alias 'champion' of model 'm' is not set"),
          s.lastFailure().message());
      assertEquals(1, s.serving().version(), "still serving");
    }
  }

  @Test
  void aCorruptedArtifactFailsAtReadAndNeverReachesTheLoader(@TempDir Path dir) throws Exception {
    registry = ModelRegistry.open(dir.resolve("registry"), CLOCK);
    point("m", register("m", "1"));
    int v2 = register("m", "2");
    Path artifact = dir.resolve("registry/models/m/versions/2/artifact.bin");
    Files.write(artifact, "3".getBytes(UTF_8)); // same size, other content
    try (LiveModel<FakeModel> live = builder("m").build()) {
      point("m", v2);
      LoadFailure f = live.refresh().join().lastFailure();
      assertEquals(LoadFailure.Stage.READ, f.stage());
      assertTrue(f.cause() instanceof CorruptArtifactException, f.cause().toString());
      assertEquals(1, loaded.size(), "the loader never saw the bytes");
      assertEquals(1, live.call(FakeModel::serve));
    }
  }

  @Test
  void theFirstLoadMustSucceed() {
    register("m", "1");
    LiveModelException unset = assertThrows(LiveModelException.class,
        () -> builder("m").build());
    assertEquals(LoadFailure.Stage.RESOLVE, unset.failure().stage());
    assertTrue(unset.getMessage().contains("cannot start serving"), unset.getMessage());
    point("m", register("m", "bad"));
    LiveModelException bad = assertThrows(LiveModelException.class, () -> builder("m").build());
    assertEquals(LoadFailure.Stage.LOAD, bad.failure().stage());
    assertEquals(2, bad.failure().version());
    LiveModelException nullModel = assertThrows(LiveModelException.class,
        () -> LiveModel.<Object>builder(registry, "m", "latest", (v, b) -> null).build());
    assertTrue(nullModel.getMessage().contains("the loader returned null"),
        nullModel.getMessage());
  }

  @Test
  void theBuilderRejectsBadSettingsNamingThem() {
    point("m", register("m", "1"));
    IllegalArgumentException poll = assertThrows(IllegalArgumentException.class,
        () -> builder("m").pollEvery(Duration.ZERO));
    assertTrue(poll.getMessage().contains("pollEvery = PT0S"), poll.getMessage());
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> builder("m").healthCheck((m, v) -> { }).healthCheck((m, v) -> { }));
    assertTrue(twice.getMessage().contains("healthCheck"), twice.getMessage());
    IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
        () -> LiveModel.builder(registry, "m", "../champion", this::load).build());
    assertTrue(alias.getMessage().contains("'../champion'"), alias.getMessage());
  }

  @Test
  void closeReleasesOnceLeasesAreDoneAndStopsTheOwnThread() throws Exception {
    point("closing", register("closing", "1"));
    LiveModel<FakeModel> live = builder("closing").pollEvery(Duration.ofHours(1)).build();
    List<Thread> own = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("reco-live-model-closing@champion")) {
        own.add(t);
      }
    }
    assertEquals(1, own.size(), "one own thread");
    assertTrue(own.get(0).isDaemon());
    LiveModel.Lease<FakeModel> lease = live.acquire();
    live.close();
    assertFalse(model(1).isClosed(), "a lease is still open");
    assertEquals(1, lease.get().serve());
    lease.close();
    assertTrue(model(1).isClosed());
    own.get(0).join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(own.get(0).isAlive(), "close() stops the own thread");
    assertThrows(IllegalStateException.class, live::acquire);
    assertThrows(IllegalStateException.class, () -> live.call(FakeModel::serve));
    CompletionException refresh = assertThrows(CompletionException.class,
        () -> live.refresh().join());
    assertTrue(refresh.getCause() instanceof IllegalStateException);
    assertNull(live.status().serving());
    live.close(); // idempotent
    assertEquals(1, model(1).closes());
  }

  @Test
  void aGivenExecutorRunsTheLoadsAndNoThreadIsStarted() {
    point("exec", register("exec", "1"));
    int v2 = register("exec", "2");
    AtomicInteger runs = new AtomicInteger();
    Executor direct = task -> {
      runs.incrementAndGet();
      task.run();
    };
    try (LiveModel<FakeModel> live = builder("exec").executor(direct).build()) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        assertFalse(t.getName().startsWith("reco-live-model-exec@"), t.getName());
      }
      point("exec", v2);
      assertEquals(2, live.refresh().join().serving().version());
      assertEquals(1, runs.get());
    }
  }

  @Test
  void pollingFollowsTheAliasWithoutBeingAsked() throws Exception {
    point("m", register("m", "1"));
    int v2 = register("m", "2");
    CountDownLatch swappedAndReleased = new CountDownLatch(2);
    try (LiveModel<FakeModel> live = LiveModel.builder(registry, "m", "champion", this::load)
        .pollEvery(Duration.ofMillis(1))
        .listener(new LiveModel.Listener() {
          @Override
          public void swapped(ModelVersion from, ModelVersion to) {
            if (to.version() == 2) {
              swappedAndReleased.countDown();
            }
          }

          @Override
          public void released(ModelVersion version) {
            if (version.version() == 1) {
              swappedAndReleased.countDown();
            }
          }
        }).build()) {
      point("m", v2);
      assertTrue(swappedAndReleased.await(60, TimeUnit.SECONDS), "a poll saw the move");
      assertEquals(2, live.call(FakeModel::serve));
      assertTrue(model(1).isClosed(), "released after the swap (the listener heard it)");
    }
  }

  @Test
  void aVersionThatFailedIsNotRetriedByPolling() throws Exception {
    point("m", register("m", "1"));
    int bad = register("m", "bad");
    int v3 = register("m", "3");
    CountDownLatch swapped = new CountDownLatch(1);
    CountDownLatch failed = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    java.util.concurrent.Semaphore passes = new java.util.concurrent.Semaphore(0);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
        .newSingleThreadExecutor();
    Executor counting = task -> pool.execute(() -> {
      task.run();
      passes.release();
    });
    try (LiveModel<FakeModel> live = LiveModel.builder(registry, "m", "champion", this::load)
        .executor(counting)
        .pollEvery(Duration.ofMillis(1))
        .listener(new LiveModel.Listener() {
          @Override
          public void swapped(ModelVersion from, ModelVersion to) {
            if (to.version() == v3) {
              swapped.countDown();
            }
          }

          @Override
          public void failed(LoadFailure failure) {
            failures.incrementAndGet();
            failed.countDown();
          }
        }).build()) {
      point("m", bad);
      assertTrue(failed.await(60, TimeUnit.SECONDS), "a poll tried the bad version");
      passes.drainPermits();
      passes.acquire(5); // five more polls ran to completion after the failure
      assertEquals(1, failures.get(), "polls did not retry the failed version");
      assertEquals(1, live.status().serving().version());
      point("m", v3);
      assertTrue(swapped.await(60, TimeUnit.SECONDS), "the alias moved on: polls follow it");
      assertEquals(3, live.call(FakeModel::serve));
      assertEquals(1, failures.get());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Many threads call the model while the alias flips between two versions (moves and
   * rollbacks): no call fails, each call sees one complete version that matches its lease, no
   * model is closed while a call uses it, and every replaced model is closed exactly once.
   * Between flips the test waits (on a semaphore, not a timer) until every worker has made calls,
   * so each version serves real traffic.
   */
  @Test
  void manyCallersWhileTheAliasFlipsSeeOneCompleteOpenVersionEach() throws Exception {
    int v1 = register("m", "1");
    int v2 = register("m", "2");
    point("m", v1);
    int threads = 6;
    int flips = 200;
    java.util.concurrent.Semaphore progress = new java.util.concurrent.Semaphore(0);
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    long[][] served = new long[threads][3];
    CountDownLatch started = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    try (LiveModel<FakeModel> live = builder("m").build()) {
      for (int t = 0; t < threads; t++) {
        long[] mine = served[t];
        boolean useLeases = t % 2 == 0;
        Thread w = new Thread(() -> {
          started.countDown();
          try {
            while (!stop.get()) {
              if (useLeases) {
                try (LiveModel.Lease<FakeModel> lease = live.acquire()) {
                  int a = lease.get().serve();
                  int b = lease.get().serve();
                  if (a != lease.version().version() || b != a) {
                    violations.add("lease of version " + lease.version().version()
                        + " served " + a + " then " + b);
                  }
                  mine[a]++;
                }
              } else {
                mine[live.call(FakeModel::serve)]++;
              }
              progress.release();
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }, "caller-" + t);
        workers.add(w);
        w.start();
      }
      started.await();
      for (int i = 0; i < flips; i++) {
        if (i % 2 == 0) {
          point("m", v2);
        } else {
          registry.rollback("m", "champion", "test", "flip back");
        }
        int expected = i % 2 == 0 ? v2 : v1;
        assertEquals(expected, live.refresh().join().serving().version());
        progress.acquire(2 * threads); // every worker gets to call the new version
      }
      stop.set(true);
      for (Thread w : workers) {
        w.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(w.isAlive());
      }
      assertEquals(List.of(), List.copyOf(errors));
      assertEquals(List.of(), List.copyOf(violations));
      assertEquals(flips + 1, loaded.size(), "one load per flip");
      assertEquals(flips, live.status().swaps());
      List<FakeModel> all = new ArrayList<>(loaded);
      FakeModel serving = all.get(all.size() - 1);
      for (FakeModel m : all) {
        assertEquals(m == serving ? 0 : 1, m.closes(), "closed exactly once once replaced");
      }
      long calls1 = 0;
      long calls2 = 0;
      for (long[] s : served) {
        calls1 += s[1];
        calls2 += s[2];
      }
      assertTrue(calls1 > 0 && calls2 > 0, calls1 + " / " + calls2);
      assertSame(serving, live.call(m -> m));
    }
    assertEquals(List.of(), List.copyOf(violations));
  }
}
