package dev.reco.core.synth;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded synthetic e-commerce data set: a catalog of items and users with planted structure,
 * and a replayable, time-ordered stream of view / add-to-cart / purchase events.
 *
 * <p>{@link #generate(SyntheticConfig)} builds the catalog and the samplers in O(users + items)
 * time and memory; events are not stored. Each {@link #forEach(EventSink)} call replays the same
 * stream from the seed, so ten million events need no ten-million-object list:
 * <pre>{@code
 * SyntheticData data = SyntheticData.generate(SyntheticConfig.defaults());
 * Interactions log = data.toInteractions(DuplicatePolicy.KEEP_ALL);   // 200,000 rows
 * data.writeCsv(Path.of("events.csv"));                                // or stream it
 * }</pre>
 *
 * <p><b>Generative model.</b> Items get a uniform random category, a log-normal price around
 * their category's median, and a Zipf popularity {@code rank^-zipfExponent} with ranks in seeded
 * random order. Users get a uniform taste cluster and a log-normal activity weight; each cluster
 * prefers {@code categoriesPerCluster} categories and has its own log-normal taste for each item
 * in them. Event times are the order statistics of {@code events} draws from the weekly
 * intensity (weekend days weigh {@code weekendFactor}), generated in increasing order. At each
 * time, a funnel event that has come due is emitted if there is one; otherwise a view: a user
 * present at that time is drawn by activity, then an item present at that time, with probability
 * {@code clusterAffinity} from the cluster's table (Zipf weight times taste, preferred categories
 * only) and otherwise by global Zipf popularity. A view is followed, after an exponential delay
 * of mean {@code funnelDelay}, by an add-to-cart with probability {@code cartProbability}; an
 * add-to-cart by a purchase with probability {@code purchaseProbability}. A funnel event takes
 * the first event time at or after its due time, so the stream holds exactly {@code events}
 * events; funnel events still pending at the end of the period are dropped.
 *
 * <p><b>Determinism.</b> The same configuration (seed included) gives the identical catalog and
 * the identical event stream, on every call, thread and Java 17+ JVM: all randomness comes from
 * {@link SplittableRandom} streams split from the seed in a fixed order (items, users, cluster
 * tastes, event times, event choices, funnel), and transcendental functions use
 * {@link StrictMath}. The streams are independent, so for example changing
 * {@code cartProbability} leaves the catalog and the event times unchanged.
 *
 * <p>Immutable and thread-safe; concurrent {@code forEach} calls each replay their own stream.
 */
public final class SyntheticData {
  private final SyntheticConfig config;
  private final ItemCatalog items;
  private final UserPopulation users;
  private final long startMillis;
  private final long endMillis;
  private final long eventSeed;
  private final TimeGrid grid;
  private final long[] joinedAt;
  private final long[] appearedAt;
  private final int[] cluster;
  private final PrefixSampler userSampler;
  private final PrefixSampler itemSampler;
  private final int[][] clusterItems; // per cluster: items of its categories, in index order
  private final PrefixSampler[] clusterSamplers; // null where clusterItems is empty

  private SyntheticData(SyntheticConfig config) {
    this.config = config;
    this.startMillis = config.startMillis();
    this.endMillis = config.endMillis();
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom itemRng = root.split();
    SplittableRandom userRng = root.split();
    SplittableRandom tasteRng = root.split();
    this.eventSeed = root.nextLong();
    this.grid = new TimeGrid(startMillis, endMillis, config.weekendFactor());

    // Items: category, price, popularity rank, appearance time.
    int numItems = config.items();
    int numCategories = config.categories();
    int[] category = new int[numItems];
    for (int i = 0; i < numItems; i++) {
      category[i] = Rand.below(itemRng, numCategories);
    }
    double logMin = StrictMath.log(config.medianPriceMin());
    double logMax = StrictMath.log(config.medianPriceMax());
    double[] logMedian = new double[numCategories];
    for (int c = 0; c < numCategories; c++) {
      logMedian[c] = logMin + Rand.uniform(itemRng) * (logMax - logMin);
    }
    double[] price = new double[numItems];
    for (int i = 0; i < numItems; i++) {
      double p = StrictMath.exp(logMedian[category[i]] + config.priceSigma() * Rand.gaussian(itemRng));
      price[i] = Math.max(0.01, Math.round(p * 100) / 100.0);
    }
    int[] rank = new int[numItems];
    for (int i = 0; i < numItems; i++) {
      rank[i] = i + 1;
    }
    Rand.shuffle(itemRng, rank);
    double[] zipf = new double[numItems];
    for (int i = 0; i < numItems; i++) {
      zipf[i] = StrictMath.pow(rank[i], -config.zipfExponent());
    }
    this.appearedAt = arrivals(itemRng, numItems, config.initialItems());
    this.items = new ItemCatalog(numCategories, category, price, appearedAt, rank, startMillis);
    this.itemSampler = new PrefixSampler(zipf);

    // Users: cluster, activity, join time.
    int numUsers = config.users();
    int numClusters = config.clusters();
    this.cluster = new int[numUsers];
    double[] activity = new double[numUsers];
    for (int u = 0; u < numUsers; u++) {
      cluster[u] = Rand.below(userRng, numClusters);
    }
    for (int u = 0; u < numUsers; u++) {
      activity[u] = StrictMath.exp(config.userActivitySigma() * Rand.gaussian(userRng));
    }
    this.joinedAt = arrivals(userRng, numUsers, config.initialUsers());
    this.userSampler = new PrefixSampler(activity);

    // Clusters: preferred categories (a shuffled round robin, so clusters overlap as little as
    // the counts allow) and a taste table over the items of those categories.
    int perCluster = config.categoriesPerCluster();
    int[] order = new int[numCategories];
    for (int c = 0; c < numCategories; c++) {
      order[c] = c;
    }
    Rand.shuffle(tasteRng, order);
    int[][] preferred = new int[numClusters][perCluster];
    this.clusterItems = new int[numClusters][];
    this.clusterSamplers = new PrefixSampler[numClusters];
    boolean[] liked = new boolean[numCategories];
    for (int k = 0; k < numClusters; k++) {
      Arrays.fill(liked, false);
      for (int j = 0; j < perCluster; j++) {
        int c = order[(int) (((long) k * perCluster + j) % numCategories)];
        preferred[k][j] = c;
        liked[c] = true;
      }
      int count = 0;
      for (int i = 0; i < numItems; i++) {
        if (liked[category[i]]) {
          count++;
        }
      }
      int[] members = new int[count];
      double[] weights = new double[count];
      int m = 0;
      for (int i = 0; i < numItems; i++) {
        if (liked[category[i]]) {
          members[m] = i;
          weights[m] = zipf[i] * StrictMath.exp(config.clusterTasteSigma() * Rand.gaussian(tasteRng));
          m++;
        }
      }
      clusterItems[k] = members;
      clusterSamplers[k] = count == 0 ? null : new PrefixSampler(weights);
    }
    this.users = new UserPopulation(cluster, activity, joinedAt, preferred, startMillis);
  }

  /**
   * Arrival times of {@code n} entities: the first {@code initial} at the start, the others at
   * sorted uniform times in {@code [start + 1, end - 1]}.
   */
  private long[] arrivals(SplittableRandom rng, int n, int initial) {
    long[] t = new long[n];
    Arrays.fill(t, 0, initial, startMillis);
    long span = endMillis - startMillis - 1; // >= 999: the period lasts at least a second
    for (int k = initial; k < n; k++) {
      t[k] = startMillis + 1 + (long) (Rand.uniform(rng) * span);
    }
    Arrays.sort(t, initial, n);
    return t;
  }

  /**
   * Builds the catalog, users and samplers of a configuration. Events are produced later, on
   * each {@link #forEach} call.
   *
   * @param config the validated configuration
   * @return the data set
   * @throws NullPointerException if {@code config} is null
   */
  public static SyntheticData generate(SyntheticConfig config) {
    return new SyntheticData(Objects.requireNonNull(config, "config"));
  }

  /** Returns the configuration this data set was generated from. */
  public SyntheticConfig config() {
    return config;
  }

  /** Returns the item catalog. */
  public ItemCatalog items() {
    return items;
  }

  /** Returns the users, their clusters and the clusters' preferred categories. */
  public UserPopulation users() {
    return users;
  }

  /** Returns the number of events every stream holds, {@code config().events()}. */
  public long events() {
    return config.events();
  }

  /**
   * Streams every event, in non-decreasing time order, into a sink. Each call replays the same
   * stream; the only allocation is a small queue of pending funnel events.
   *
   * @param sink receives {@link #events()} events
   * @throws NullPointerException if {@code sink} is null
   * @throws RuntimeException whatever the sink throws, which ends the stream
   */
  public void forEach(EventSink sink) {
    Objects.requireNonNull(sink, "sink");
    new EventStream().run(sink);
  }

  /**
   * Collects the stream into an {@link Interactions} table whose user and item indexes are
   * {@code users().ids()} and {@code items().ids()} (every user and item, including those without
   * events), with timestamps, event-type names ({@link EventType#label()}) and the values of
   * {@link EventType#value()}. With {@link DuplicatePolicy#KEEP_ALL} the rows are the events in
   * stream order; a merging policy keeps one row per (user, item) pair.
   *
   * @param policy the duplicate policy
   * @return the table
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if {@code events} exceeds what a table can hold ({@code
   *     Integer.MAX_VALUE - 8} rows); stream with {@link #forEach} or {@link #writeCsv} instead
   */
  public Interactions toInteractions(DuplicatePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    long n = config.events();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("events = " + n + "; toInteractions holds at most "
          + (Integer.MAX_VALUE - 8) + " rows, stream with forEach or writeCsv instead");
    }
    Interactions.Builder builder = Interactions.builder(policy)
        .userIndex(users.ids())
        .itemIndex(items.ids())
        .expectedSize((int) n);
    forEach((u, i, t, type, v) -> builder.addIndexed(u, i, v, t, type.label()));
    return builder.build();
  }

  /**
   * Writes the stream as UTF-8 CSV with the header {@code user,item,timestamp,event,value}: ids,
   * epoch milliseconds, {@link EventType#label()} and the value ({@code 1}, {@code 2} or
   * {@code 4}). The writer is flushed, not closed.
   *
   * @param out the destination
   * @throws IOException if writing fails
   * @throws NullPointerException if {@code out} is null
   */
  public void writeCsv(Writer out) throws IOException {
    Objects.requireNonNull(out, "out");
    CsvEventWriter csv = new CsvEventWriter(out, users.idFormat(), items.idFormat());
    csv.writeHeader();
    try {
      forEach(csv);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  /**
   * Writes the stream as CSV (see {@link #writeCsv(Writer)}) to a file, replacing it if it
   * exists. The data goes to a temporary file in the same directory that is moved into place
   * only when complete, so a failure never leaves a partial file at {@code path}.
   *
   * @param path the file to write
   * @throws IOException if writing or moving fails; the temporary file is then deleted
   * @throws NullPointerException if {@code path} is null
   */
  public void writeCsv(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    boolean done = false;
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        writeCsv(w);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  @Override
  public String toString() {
    return "SyntheticData[users=" + users.size() + ", items=" + items.size() + ", events="
        + config.events() + ", seed=" + config.seed() + "]";
  }

  /** One replay of the event stream: the per-stream random state, cursors and pending queue. */
  private final class EventStream {
    void run(EventSink sink) {
      SplittableRandom events = new SplittableRandom(eventSeed);
      SplittableRandom timeRng = events.split();
      SplittableRandom choiceRng = events.split();
      SplittableRandom funnelRng = events.split();
      EventType[] types = EventType.values();
      PendingQueue pending = new PendingQueue();
      int[] clusterPrefix = new int[clusterItems.length];
      long[] joined = joinedAt;
      long[] appeared = appearedAt;
      int numUsers = joined.length;
      int numItems = appeared.length;
      double affinity = config.clusterAffinity();
      double cartP = config.cartProbability();
      double purchaseP = config.purchaseProbability();
      double delayMean = config.funnelDelay().toMillis();
      long n = config.events();
      int activeUsers = 0;
      int activeItems = 0;
      int segment = 0;
      double q = 0; // quantile of the previous event time
      long last = startMillis;
      for (long k = 0; k < n; k++) {
        // Minimum of the (n - k) remaining uniforms on [q, 1): q + (1 - q)(1 - V^(1/(n-k))).
        double e = -Rand.log(1 - Rand.uniform(timeRng));
        q += (1 - q) * Rand.oneMinusExpNeg(e / (n - k));
        segment = grid.segmentOf(q, segment);
        long t = Math.max(last, grid.timeAt(q, segment));
        last = t;
        if (!pending.isEmpty() && pending.peekDue() <= t) {
          int u = pending.peekUser();
          int i = pending.peekItem();
          EventType type = types[pending.peekType()];
          pending.poll();
          if (type == EventType.ADD_TO_CART && Rand.uniform(funnelRng) < purchaseP) {
            pending.add(t + delay(funnelRng, delayMean), u, i, EventType.PURCHASE.ordinal());
          }
          sink.accept(u, i, t, type, type.value());
          continue;
        }
        while (activeUsers < numUsers && joined[activeUsers] <= t) {
          activeUsers++;
        }
        while (activeItems < numItems && appeared[activeItems] <= t) {
          activeItems++;
        }
        int u = userSampler.sample(choiceRng, activeUsers);
        int i = -1;
        if (Rand.uniform(choiceRng) < affinity) {
          int c = cluster[u];
          PrefixSampler table = clusterSamplers[c];
          if (table != null) {
            int[] members = clusterItems[c];
            int p = clusterPrefix[c];
            while (p < members.length && appeared[members[p]] <= t) {
              p++;
            }
            clusterPrefix[c] = p;
            if (p > 0) {
              i = members[table.sample(choiceRng, p)];
            }
          }
        }
        if (i < 0) {
          i = itemSampler.sample(choiceRng, activeItems);
        }
        if (Rand.uniform(funnelRng) < cartP) {
          pending.add(t + delay(funnelRng, delayMean), u, i, EventType.ADD_TO_CART.ordinal());
        }
        sink.accept(u, i, t, EventType.VIEW, EventType.VIEW.value());
      }
    }

    private long delay(SplittableRandom rng, double mean) {
      return (long) Rand.exponential(rng, mean);
    }
  }
}
