package dev.reco.core.serving;

import dev.reco.core.registry.ModelRegistry;
import dev.reco.core.registry.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the version of a registered model that an alias points to, and follows the alias
 * without downtime: when the alias moves, the new version is loaded in the background, warmed up
 * and health-checked, then swapped in atomically; the old model is released only after every call
 * that uses it has finished. Thread-safe.
 *
 * <pre>{@code
 * try (LiveModel<Scorer> live = LiveModel.builder(registry, "als", "champion",
 *         (version, bytes) -> Scorer.load(bytes))
 *     .healthCheck((scorer, version) -> scorer.selfTest())
 *     .pollEvery(Duration.ofSeconds(30))
 *     .build()) {
 *   float score = live.call(scorer -> scorer.score(user, item));
 *   try (LiveModel.Lease<Scorer> lease = live.acquire()) {   // several calls on one version
 *     lease.get().score(user, a);
 *     lease.get().score(user, b);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Reference counting.</b> Each loaded model carries a count: one for being the serving
 * model, one per open {@link Lease}. A swap drops the serving reference of the old model; when
 * its count reaches zero (the swap itself if no call is running, otherwise the close of its last
 * lease) the old model is released: the {@linkplain Builder#release release callback} runs, by
 * default {@link AutoCloseable#close()} for models that implement it, on the thread that dropped
 * the last reference. A model whose count reached zero is never handed out again, so no call ever
 * sees a released model, and every call sees exactly one version.
 *
 * <p><b>Refreshing.</b> {@link #refresh()} checks the alias once, in the background; with
 * {@link Builder#pollEvery} the live model also checks on a timer. Loads run one at a time on the
 * {@linkplain Builder#executor executor}, or on the live model's own daemon thread, which
 * {@link #close()} stops. A load goes through the {@link LoadFailure.Stage stages} resolve, read
 * (the registry verifies the SHA-256), load, warm-up and health check; if any stage fails, the
 * candidate is released, the serving model stays, and the failure is reported by
 * {@link #status()} and the {@linkplain Builder#listener listener}. A version whose load failed
 * is not retried by polling (it would fail again); an explicit {@link #refresh()} retries it.
 *
 * @param <T> the type of the loaded model
 */
public final class LiveModel<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveModel.class);

  /**
   * Turns a version's artifact into a model.
   *
   * @param <T> the type of the loaded model
   */
  @FunctionalInterface
  public interface Loader<T> {
    /**
     * Loads a model.
     *
     * @param version the version being loaded, with its metadata
     * @param artifact its artifact bytes, already verified against the recorded SHA-256
     * @return the model; not null
     * @throws Exception if the artifact cannot be loaded; the serving model stays
     */
    T load(ModelVersion version, byte[] artifact) throws Exception;
  }

  /**
   * A step run on a freshly loaded model before it serves: a warm-up or a health check.
   *
   * @param <T> the type of the loaded model
   */
  @FunctionalInterface
  public interface Check<T> {
    /**
     * Runs the step.
     *
     * @param model the candidate model
     * @param version its version
     * @throws Exception to reject the candidate; the message is reported as the reason
     */
    void check(T model, ModelVersion version) throws Exception;
  }

  /**
   * Releases a model that no longer serves and is no longer used.
   *
   * @param <T> the type of the loaded model
   */
  @FunctionalInterface
  public interface Releaser<T> {
    /**
     * Releases the model's resources.
     *
     * @param model the model, never used again
     * @param version its version
     * @throws Exception if releasing fails; it is logged and otherwise ignored
     */
    void release(T model, ModelVersion version) throws Exception;
  }

  /**
   * Hears about swaps, failed loads and releases, on the thread where they happen. Exceptions
   * thrown here are logged and otherwise ignored.
   */
  public interface Listener {
    /**
     * Called after a new version started serving.
     *
     * @param from the version that served before, or {@code null} for the first one
     * @param to the version that serves now
     */
    default void swapped(ModelVersion from, ModelVersion to) {}

    /**
     * Called when a load failed; the serving model stays.
     *
     * @param failure what failed and why
     */
    default void failed(LoadFailure failure) {}

    /**
     * Called after a model was released.
     *
     * @param version the released model's version
     */
    default void released(ModelVersion version) {}
  }

  /**
   * What a live model serves and how its loads went. Immutable.
   *
   * @param serving the serving version, or {@code null} after {@link #close()}
   * @param servingSince when it started serving
   * @param swaps how many times a new version was swapped in (the first load not counted)
   * @param failures how many loads failed since the live model was built
   * @param lastFailure the most recent failure, or {@code null} if none; a later successful swap
   *     does not clear it (compare its time with {@code servingSince})
   */
  public record Status(ModelVersion serving, Instant servingSince, long swaps, long failures,
      LoadFailure lastFailure) {

    /**
     * Returns the most recent failure.
     *
     * @return the failure, or empty if no load failed
     */
    public Optional<LoadFailure> failure() {
      return Optional.ofNullable(lastFailure);
    }
  }

  /**
   * A hold on one loaded model: while it is open, that model is not released. Close it when the
   * calls are done (try-with-resources); closing twice is harmless.
   *
   * @param <T> the type of the loaded model
   */
  public static final class Lease<T> implements AutoCloseable {
    private final Slot<T> slot;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(Slot<T> slot) {
      this.slot = slot;
    }

    /**
     * Returns the held model.
     *
     * @return the model
     * @throws IllegalStateException if the lease is closed
     */
    public T get() {
      if (closed.get()) {
        throw new IllegalStateException("lease on version " + slot.version.version()
            + " of model '" + slot.version.model() + "' is closed; expected an open lease");
      }
      return slot.model;
    }

    /**
     * Returns the version of the held model.
     *
     * @return the version
     */
    public ModelVersion version() {
      return slot.version;
    }

    /** Gives the model back; the last holder of a replaced model releases it. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        slot.drop();
      }
    }
  }

  /** A loaded model and its reference count. */
  private static final class Slot<T> {
    final T model;
    final ModelVersion version;
    final Instant since;
    final LiveModel<T> owner;
    /** One for serving, one per open lease; once 0 it never rises again. */
    final AtomicInteger refs = new AtomicInteger(1);

    Slot(T model, ModelVersion version, Instant since, LiveModel<T> owner) {
      this.model = model;
      this.version = version;
      this.since = since;
      this.owner = owner;
    }

    boolean retain() {
      while (true) {
        int r = refs.get();
        if (r == 0) {
          return false;
        }
        if (refs.compareAndSet(r, r + 1)) {
          return true;
        }
      }
    }

    void drop() {
      int r = refs.decrementAndGet();
      if (r == 0) {
        owner.release(model, version);
      } else if (r < 0) {
        throw new AssertionError("reference count of version " + version.version() + " = " + r);
      }
    }
  }

  private final ModelRegistry registry;
  private final String model;
  private final String alias;
  private final Loader<T> loader;
  private final Check<T> warmUp;
  private final Check<T> healthCheck;
  private final Releaser<T> releaser;
  private final Listener listener;
  private final InstantSource clock;
  private final Executor executor;
  /** The own daemon thread (loads when no executor was given, and the poll timer), or null. */
  private final ScheduledExecutorService ownThread;

  private final ReentrantLock loadLock = new ReentrantLock();
  private final Object stateLock = new Object();
  private final AtomicBoolean pollQueued = new AtomicBoolean();
  private volatile Slot<T> current;
  private volatile boolean closed;
  private volatile long swaps;
  private volatile long failures;
  private volatile LoadFailure lastFailure;
  /** The version whose last load failed, so polling does not retry it; 0 for none. */
  private volatile int failedVersion;

  private LiveModel(Builder<T> b) {
    this.registry = b.registry;
    this.model = b.model;
    this.alias = b.alias;
    this.loader = b.loader;
    this.warmUp = b.warmUp;
    this.healthCheck = b.healthCheck;
    this.releaser = b.releaser;
    this.listener = b.listener;
    this.clock = b.clock;
    if (b.executor == null || b.pollEvery != null) {
      ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "reco-live-model-" + b.model + "@" + b.alias);
        t.setDaemon(true);
        return t;
      });
      own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      own.setRemoveOnCancelPolicy(true);
      this.ownThread = own;
    } else {
      this.ownThread = null;
    }
    this.executor = b.executor != null ? b.executor : ownThread;
  }

  /**
   * Starts building a live model.
   *
   * @param <T> the type of the loaded model
   * @param registry the registry to follow
   * @param model the registered model's name
   * @param alias the alias to follow, e.g. {@code champion} (or {@code latest})
   * @param loader turns an artifact into a model
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static <T> Builder<T> builder(ModelRegistry registry, String model, String alias,
      Loader<T> loader) {
    return new Builder<>(registry, model, alias, loader);
  }

  /**
   * Returns the registered model's name.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }

  /**
   * Returns the followed alias.
   *
   * @return the alias
   */
  public String alias() {
    return alias;
  }

  /**
   * Takes a hold on the serving model. The model stays loaded until the lease is closed, even if
   * another version is swapped in meanwhile. Lock-free.
   *
   * @return an open lease; close it when done
   * @throws IllegalStateException if the live model is closed
   */
  public Lease<T> acquire() {
    while (true) {
      Slot<T> s = current;
      if (s == null) {
        throw new IllegalStateException("live model of '" + model + "@" + alias
            + "' is closed; expected an open live model");
      }
      if (s.retain()) {
        return new Lease<>(s);
      }
      // s was replaced and released between the read and the retain: read the new one
    }
  }

  /**
   * Runs a function on the serving model, holding it for the duration of the call.
   *
   * @param <R> the result type
   * @param fn the call
   * @return what {@code fn} returns
   * @throws IllegalStateException if the live model is closed
   */
  public <R> R call(Function<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    try (Lease<T> lease = acquire()) {
      return fn.apply(lease.get());
    }
  }

  /**
   * Returns the serving version.
   *
   * @return the version
   * @throws IllegalStateException if the live model is closed
   */
  public ModelVersion version() {
    Slot<T> s = current;
    if (s == null) {
      throw new IllegalStateException("live model of '" + model + "@" + alias
          + "' is closed; expected an open live model");
    }
    return s.version;
  }

  /**
   * Returns what is serving and how the loads went.
   *
   * @return a snapshot
   */
  public Status status() {
    Slot<T> s = current;
    return new Status(s == null ? null : s.version, s == null ? null : s.since, swaps, failures,
        lastFailure);
  }

  /**
   * Checks the alias once, in the background, and swaps in the version it points to if that
   * differs from the serving one (retrying a version whose load failed before).
   *
   * @return completes with the status after the check (and load, if any); fails with
   *     {@link IllegalStateException} if the live model is closed, or with the executor's
   *     {@link RejectedExecutionException}
   */
  public CompletableFuture<Status> refresh() {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("live model of '" + model
          + "@" + alias + "' is closed; expected an open live model"));
    }
    try {
      return CompletableFuture.supplyAsync(() -> pass(true), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Stops following the alias: stops polling and the own thread, and releases the serving model
   * once its open leases are closed (at once if there are none). A load in progress finishes and
   * its model is released instead of served. Idempotent.
   */
  @Override
  public void close() {
    Slot<T> last;
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      closed = true;
      last = current;
      current = null;
    }
    if (ownThread != null) {
      ownThread.shutdown();
    }
    if (last != null) {
      last.drop();
    }
  }

  // ---------------------------------------------------------------- loading

  private void startPolling(Duration every) {
    long nanos = every.toNanos();
    ownThread.scheduleWithFixedDelay(() -> {
      if (closed) {
        return;
      }
      if (executor == ownThread) {
        pass(false); // fixed delay on the one thread: polls never pile up
      } else if (pollQueued.compareAndSet(false, true)) {
        try {
          executor.execute(() -> {
            pollQueued.set(false);
            pass(false);
          });
        } catch (RejectedExecutionException e) {
          pollQueued.set(false);
          LOG.warn("live model '{}@{}': the executor refused a poll", model, alias, e);
        }
      }
    }, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Loads the first model on the calling thread. */
  private void loadFirst() {
    Object outcome = attempt(true);
    if (outcome instanceof LoadFailure f) {
      close();
      throw new LiveModelException(f);
    }
  }

  /** One check of the alias, with a load and swap if it moved; never throws. */
  private Status pass(boolean explicit) {
    try {
      attempt(explicit);
    } catch (RuntimeException | Error e) {
      LOG.error("live model '{}@{}': refresh failed unexpectedly", model, alias, e);
      if (e instanceof VirtualMachineError) {
        throw e;
      }
    }
    return status();
  }

  /**
   * Resolves the alias and, if it points to another version, loads, checks and swaps it in.
   *
   * @return the recorded failure, or null if the version serves (or nothing was to be done)
   */
  private LoadFailure attempt(boolean explicit) {
    loadLock.lock();
    try {
      if (closed) {
        return null;
      }
      ModelVersion target;
      try {
        Optional<ModelVersion> v = registry.versionByAlias(model, alias);
        if (v.isEmpty()) {
          return fail(null, LoadFailure.Stage.RESOLVE, new IllegalStateException("alias '"
              + alias + "' of model '" + model + "' is not set (or the model does not exist);"
              + " expected an alias pointing to a version"));
        }
        target = v.get();
      } catch (RuntimeException e) {
        return fail(null, LoadFailure.Stage.RESOLVE, e);
      }
      Slot<T> serving = current;
      if (serving != null && serving.version.version() == target.version()) {
        return null; // up to date
      }
      if (!explicit && failedVersion == target.version()) {
        return null; // it failed before and would fail again; refresh() retries it
      }
      return load(serving, target);
    } finally {
      loadLock.unlock();
    }
  }

  private LoadFailure load(Slot<T> serving, ModelVersion target) {
    LoadFailure.Stage stage = LoadFailure.Stage.READ;
    T candidate = null;
    try {
      byte[] bytes = registry.artifact(model, target.version());
      stage = LoadFailure.Stage.LOAD;
      candidate = loader.load(target, bytes);
      if (candidate == null) {
        throw new IllegalStateException("the loader returned null; expected a model");
      }
      stage = LoadFailure.Stage.WARM_UP;
      if (warmUp != null) {
        warmUp.check(candidate, target);
      }
      stage = LoadFailure.Stage.HEALTH_CHECK;
      if (healthCheck != null) {
        healthCheck.check(candidate, target);
      }
    } catch (Exception | LinkageError | AssertionError e) {
      if (candidate != null) {
        release(candidate, target);
      }
      return fail(target.version(), stage, e);
    }
    Slot<T> next = new Slot<>(candidate, target, clock.instant(), this);
    synchronized (stateLock) {
      if (closed) {
        next.drop(); // closed while loading: never served
        return null;
      }
      current = next;
      if (serving != null) {
        swaps++;
      }
    }
    failedVersion = 0;
    LOG.info("live model '{}@{}': version {} serves{}", model, alias, target.version(),
        serving == null ? "" : " (was " + serving.version.version() + ")");
    notify(l -> l.swapped(serving == null ? null : serving.version, target));
    if (serving != null) {
      serving.drop(); // released now, or when its last lease closes
    }
    return null;
  }

  private LoadFailure fail(Integer version, LoadFailure.Stage stage, Throwable cause) {
    LoadFailure f = new LoadFailure(model, alias, version, stage, cause, clock.instant());
    lastFailure = f;
    failures++;
    failedVersion = version == null ? 0 : version;
    LOG.warn("live model '{}@{}': {}; the serving model stays", model, alias, f.message(), cause);
    notify(l -> l.failed(f));
    return f;
  }

  private void release(T m, ModelVersion version) {
    try {
      releaser.release(m, version);
    } catch (Exception | LinkageError | AssertionError e) {
      LOG.warn("live model '{}@{}': releasing version {} failed", model, alias,
          version.version(), e);
    }
    notify(l -> l.released(version));
  }

  private void notify(java.util.function.Consumer<Listener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOG.warn("live model '{}@{}': the listener threw", model, alias, e);
    }
  }

  /** The default release: {@link AutoCloseable#close()} for models that implement it. */
  private static <T> void closeIfCloseable(T m, ModelVersion version) throws Exception {
    if (m instanceof AutoCloseable c) {
      c.close();
    }
  }

  /**
   * Configures a {@link LiveModel}; not thread-safe. Each setting may be given once.
   *
   * @param <T> the type of the loaded model
   */
  public static final class Builder<T> {
    private final ModelRegistry registry;
    private final String model;
    private final String alias;
    private final Loader<T> loader;
    private Executor executor;
    private Check<T> warmUp;
    private Check<T> healthCheck;
    private Releaser<T> releaser;
    private Listener listener;
    private Duration pollEvery;
    private InstantSource clock;

    private Builder(ModelRegistry registry, String model, String alias, Loader<T> loader) {
      this.registry = Objects.requireNonNull(registry, "registry");
      this.model = Objects.requireNonNull(model, "model");
      this.alias = Objects.requireNonNull(alias, "alias");
      this.loader = Objects.requireNonNull(loader, "loader");
    }

    private static void once(Object previous, String what) {
      if (previous != null) {
        throw new IllegalStateException(what + " is already set; expected each setting once");
      }
    }

    /**
     * Runs loads on the given executor instead of the live model's own daemon thread. The live
     * model never shuts it down.
     *
     * @param value the executor
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder<T> executor(Executor value) {
      once(executor, "executor");
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Runs a warm-up on each new model before its health check (e.g. a few representative calls,
     * so the first real calls do not pay for lazy initialization or JIT compilation).
     *
     * @param value the warm-up; throwing rejects the model
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder<T> warmUp(Check<T> value) {
      once(warmUp, "warmUp");
      warmUp = Objects.requireNonNull(value, "warmUp");
      return this;
    }

    /**
     * Checks each new model before it serves.
     *
     * @param value the check; throwing rejects the model, the message says why
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder<T> healthCheck(Check<T> value) {
      once(healthCheck, "healthCheck");
      healthCheck = Objects.requireNonNull(value, "healthCheck");
      return this;
    }

    /**
     * Sets how a model is released once it no longer serves and is no longer used, and how a
     * rejected candidate is released. Default: {@link AutoCloseable#close()} if the model
     * implements it, else nothing.
     *
     * @param value the release callback
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder<T> release(Releaser<T> value) {
      once(releaser, "release");
      releaser = Objects.requireNonNull(value, "release");
      return this;
    }

    /**
     * Sets the listener for swaps, failures and releases.
     *
     * @param value the listener
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder<T> listener(Listener value) {
      once(listener, "listener");
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Checks the alias periodically (in addition to {@link LiveModel#refresh()}). The timer runs
     * on the live model's own daemon thread, stopped by {@link LiveModel#close()}.
     *
     * @param value the delay between the end of one check and the start of the next; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is not positive
     * @throws IllegalStateException if already set
     */
    public Builder<T> pollEvery(Duration value) {
      once(pollEvery, "pollEvery");
      Objects.requireNonNull(value, "pollEvery");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException("pollEvery = " + value
            + "; expected a positive duration");
      }
      pollEvery = value;
      return this;
    }

    /**
     * Sets the clock for {@link Status#servingSince()} and failure times. Default: the system
     * clock.
     *
     * @param value the clock
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder<T> clock(InstantSource value) {
      once(clock, "clock");
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Builds the live model and loads the alias's version on the calling thread, running the
     * warm-up and health check, then starts polling if configured.
     *
     * @return the live model, serving
     * @throws IllegalArgumentException if the model name or alias is invalid
     * @throws LiveModelException if the first version cannot be resolved, read, loaded, warmed up
     *     or checked; nothing is left running then
     */
    public LiveModel<T> build() {
      if (releaser == null) {
        releaser = LiveModel::closeIfCloseable;
      }
      if (listener == null) {
        listener = new Listener() {};
      }
      if (clock == null) {
        clock = InstantSource.system();
      }
      registry.versionByAlias(model, alias); // validates the names before any thread starts
      LiveModel<T> live = new LiveModel<>(this);
      live.loadFirst();
      if (pollEvery != null) {
        live.startPolling(pollEvery);
      }
      return live;
    }
  }
}
