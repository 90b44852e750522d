package dev.reco.core.eval;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.split.Split;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link Recommender} over the test users of a {@link Split} and computes ranking and
 * beyond-accuracy metrics. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <p><b>Protocol.</b> The recommender must have been fitted on {@code split.train()} (its
 * {@link Recommender#items() item index} must equal the split's). For every user with at least one
 * relevant test item, the evaluator asks for {@code maxK} items (the largest cutoff of its
 * metrics) with the evaluator's {@link RecommendOptions}, by default excluding the user's training
 * items. Relevant items are the user's distinct test items whose summed test value is at least the
 * {@linkplain Builder#relevanceThreshold threshold}; when training items are excluded from the
 * ranking, relevant items the user already has in train are dropped too, since they can never be
 * recommended (the result counts such pairs). Users left with no relevant item are skipped and
 * counted. Metric definitions are those of {@link RankingMetrics} and
 * {@link BeyondAccuracyMetrics}; {@code docs/metrics.md} gives the formulas.
 *
 * <p><b>Determinism.</b> Users are scored in batches, on {@link Builder#threads threads} workers
 * of a pool created for the call (or on a caller's {@link Builder#executor executor}); per-user
 * values land in arrays by user position and are averaged by {@link MeanAccumulator}, which sums
 * exactly. Results are therefore bit-identical whatever the thread count or batch size, provided
 * the recommender itself is deterministic (the contract requires it).
 */
public final class Evaluator {
  /** The ranking metrics an evaluator computes when none are given: all six at K = 10. */
  public static final List<Metric> DEFAULT_METRICS = List.of(Metric.precision(10),
      Metric.recall(10), Metric.ndcg(10), Metric.map(10), Metric.mrr(10), Metric.hitRate(10));

  private final List<Metric> ranking;
  private final List<Metric> beyond;
  private final int maxK;
  private final RecommendOptions options;
  private final float relevanceThreshold;
  private final boolean graded;
  private final int threads;
  private final ExecutorService executor;
  private final int batchSize;
  private final ItemCategories categories;

  private Evaluator(Builder b) {
    List<Metric> metrics = b.metrics == null ? DEFAULT_METRICS : b.metrics;
    List<Metric> r = new ArrayList<>();
    List<Metric> x = new ArrayList<>();
    int max = 1;
    for (Metric m : metrics) {
      (m.measure().family() == Measure.Family.RANKING ? r : x).add(m);
      max = Math.max(max, m.k());
    }
    if (b.beyondAccuracy == null || b.beyondAccuracy) {
      int k = rankingCutoff(r, max);
      for (Measure measure : new Measure[] {Measure.COVERAGE, Measure.NOVELTY, Measure.ARP, Measure.GINI}) {
        addIfAbsent(x, Metric.at(measure, k));
      }
      if (b.categories != null) {
        addIfAbsent(x, Metric.at(Measure.ILD_CATEGORY, Math.max(2, k)));
      }
    }
    for (Metric m : x) {
      max = Math.max(max, m.k());
    }
    this.ranking = List.copyOf(r);
    this.beyond = List.copyOf(x);
    this.maxK = max;
    this.options = b.options != null ? b.options
        : RecommendOptions.builder().excludeSeen(b.excludeTrainItems == null || b.excludeTrainItems).build();
    this.relevanceThreshold = b.relevanceThreshold == null ? Float.NEGATIVE_INFINITY : b.relevanceThreshold;
    this.graded = b.graded != null && b.graded;
    this.threads = b.threads == null ? 1 : b.threads;
    this.executor = b.executor;
    this.batchSize = b.batchSize == null ? 256 : b.batchSize;
    this.categories = b.categories;
  }

  private static int rankingCutoff(List<Metric> ranking, int fallback) {
    for (Metric m : ranking) {
      if (m.measure() == Measure.NDCG || m.measure() == Measure.PRECISION) {
        return m.k();
      }
    }
    return ranking.isEmpty() ? fallback : ranking.get(0).k();
  }

  private static void addIfAbsent(List<Metric> list, Metric m) {
    for (Metric existing : list) {
      if (existing.measure() == m.measure()) {
        return;
      }
    }
    list.add(m);
  }

  /** Returns a builder with the defaults: {@link #DEFAULT_METRICS}, beyond-accuracy on, 1 thread. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the metrics this evaluator computes, ranking metrics first. */
  public List<Metric> metrics() {
    List<Metric> all = new ArrayList<>(ranking);
    all.addAll(beyond);
    return List.copyOf(all);
  }

  /** Returns the number of items requested per user: the largest cutoff of the metrics. */
  public int maxK() {
    return maxK;
  }

  /**
   * Evaluates a recommender on a split.
   *
   * @param name a label for the recommender in tables and JSON
   * @param recommender a recommender fitted on {@code split.train()}
   * @param split the split
   * @return the immutable result
   * @throws IllegalArgumentException if the recommender's item index differs from the split's
   * @throws IllegalStateException if the split has no user with a relevant test item
   */
  public EvaluationResult evaluate(String name, Recommender recommender, Split split) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(recommender, "recommender");
    Objects.requireNonNull(split, "split");
    Interactions train = split.train();
    IdIndex items = train.items();
    if (!recommender.items().equals(items)) {
      throw new IllegalArgumentException("recommender '" + name + "' has an item index of "
          + recommender.items().size() + " items that differs from the split's " + items.size()
          + " items; expected a recommender fitted on split.train()");
    }
    if (categories != null && !categories.covers(items)) {
      throw new IllegalArgumentException("itemCategories do not cover the split's item index; "
          + "expected categories built for the same items (see ItemCategories.alignTo)");
    }
    long started = System.nanoTime();
    Relevance relevance = relevance(split);
    int n = relevance.users.length;
    if (n == 0) {
      throw new IllegalStateException("split '" + split.report().description()
          + "' has no test user with a relevant item (threshold " + relevanceThreshold
          + "); expected at least one");
    }
    ItemPopularity popularity = ItemPopularity.fromInteractions(train);
    int[] itemCategory = categories == null ? null : categories.categoryColumn();

    double[][] rankingValues = new double[ranking.size()][n];
    double[][] beyondValues = new double[beyond.size()][n];
    String[] sources = new String[n];
    int batches = (n + batchSize - 1) / batchSize;
    RecommendationCounts[] counts = new RecommendationCounts[batches];
    int countsK = cutoffOf(Measure.COVERAGE);
    Runnable[] tasks = new Runnable[batches];
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      int to = Math.min(n, from + batchSize);
      int batch = b;
      tasks[b] = () -> counts[batch] = scoreBatch(recommender, relevance, from, to, popularity,
          itemCategory, rankingValues, beyondValues, sources, countsK, items.size());
    }
    run(tasks);

    RecommendationCounts total = new RecommendationCounts(items.size(), countsK);
    for (RecommendationCounts c : counts) {
      total.merge(c);
    }
    Map<Metric, Double> values = new LinkedHashMap<>();
    Map<Metric, double[]> perUser = new LinkedHashMap<>();
    for (int m = 0; m < ranking.size(); m++) {
      values.put(ranking.get(m), MeanAccumulator.mean(rankingValues[m]));
      perUser.put(ranking.get(m), rankingValues[m]);
    }
    for (int m = 0; m < beyond.size(); m++) {
      Metric metric = beyond.get(m);
      switch (metric.measure()) {
        case COVERAGE:
          values.put(metric, total.coverage());
          break;
        case GINI:
          values.put(metric, total.gini());
          break;
        default:
          values.put(metric, meanIgnoringNaN(beyondValues[m]));
          perUser.put(metric, beyondValues[m]);
      }
    }
    Map<String, Integer> served = new TreeMap<>();
    for (String s : sources) {
      served.merge(s, 1, Integer::sum);
    }
    return new EvaluationResult(name, split.report().description(), relevance.users, values,
        perUser, served, relevance.skipped, relevance.coldUsers, relevance.droppedSeen,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private int cutoffOf(Measure measure) {
    for (Metric m : beyond) {
      if (m.measure() == measure) {
        return m.k();
      }
    }
    return maxK;
  }

  private static double meanIgnoringNaN(double[] values) {
    MeanAccumulator acc = new MeanAccumulator();
    for (double v : values) {
      if (!Double.isNaN(v)) {
        acc.add(v);
      }
    }
    return acc.count() == 0 ? Double.NaN : acc.mean();
  }

  private RecommendationCounts scoreBatch(Recommender recommender, Relevance relevance, int from,
      int to, ItemPopularity popularity, int[] itemCategory, double[][] rankingValues,
      double[][] beyondValues, String[] sources, int countsK, int catalogSize) {
    List<String> ids = new ArrayList<>(to - from);
    IdIndex users = relevance.userIds;
    for (int p = from; p < to; p++) {
      ids.add(users.idOf(relevance.users[p]));
    }
    List<Recommendations> lists = recommender.recommend(ids, maxK, options);
    if (lists.size() != ids.size()) {
      throw new IllegalStateException("recommender returned " + lists.size() + " lists for "
          + ids.size() + " users; expected one list per user");
    }
    RankingScorer scorer = new RankingScorer(maxK);
    RecommendationCounts counts = new RecommendationCounts(catalogSize, countsK);
    for (int p = from; p < to; p++) {
      Recommendations list = lists.get(p - from);
      int[] ranked = list.itemIndexes();
      int length = ranked.length;
      int[] relevant = relevance.relevant(p);
      float[] grades = graded ? relevance.grades(p) : null;
      scorer.reset(ranked, length, relevant, grades);
      for (int m = 0; m < ranking.size(); m++) {
        rankingValues[m][p] = scorer.value(ranking.get(m));
      }
      for (int m = 0; m < beyond.size(); m++) {
        Metric metric = beyond.get(m);
        int k = metric.k();
        int usable = Math.min(k, length);
        double v;
        switch (metric.measure()) {
          case NOVELTY:
            v = usable == 0 ? Double.NaN : BeyondAccuracyMetrics.novelty(ranked, length, k, popularity);
            break;
          case ARP:
            v = usable == 0 ? Double.NaN
                : BeyondAccuracyMetrics.averagePopularity(ranked, length, k, popularity);
            break;
          case ILD_CATEGORY:
            v = usable < 2 ? Double.NaN
                : BeyondAccuracyMetrics.intraListCategoryDiversity(ranked, length, k, itemCategory);
            break;
          default:
            v = Double.NaN; // aggregate-only metrics (coverage, Gini)
        }
        beyondValues[m][p] = v;
      }
      counts.add(ranked, length);
      sources[p] = list.source().name();
    }
    return counts;
  }

  private void run(Runnable[] tasks) {
    if (executor == null && threads == 1) {
      for (Runnable task : tasks) {
        task.run();
      }
      return;
    }
    ExecutorService pool = executor != null ? executor : Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<Future<?>> futures = new ArrayList<>(tasks.length);
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
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
          throw new IllegalStateException("evaluation task failed", cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("evaluation was interrupted", e);
        }
      }
    } finally {
      if (executor == null) {
        pool.shutdownNow();
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "reco-evaluator-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Relevant test items per evaluated user, in a CSR-like layout. */
  private static final class Relevance {
    final IdIndex userIds;
    final int[] users;
    final int[] start;
    final int[] items;
    final float[] grades;
    final int skipped;
    final int coldUsers;
    final long droppedSeen;

    Relevance(IdIndex userIds, int[] users, int[] start, int[] items, float[] grades, int skipped,
        int coldUsers, long droppedSeen) {
      this.userIds = userIds;
      this.users = users;
      this.start = start;
      this.items = items;
      this.grades = grades;
      this.skipped = skipped;
      this.coldUsers = coldUsers;
      this.droppedSeen = droppedSeen;
    }

    int[] relevant(int p) {
      return Arrays.copyOfRange(items, start[p], start[p + 1]);
    }

    float[] grades(int p) {
      return Arrays.copyOfRange(grades, start[p], start[p + 1]);
    }
  }

  private Relevance relevance(Split split) {
    CsrMatrix test = split.test().byUser();
    CsrMatrix train = split.train().byUser();
    boolean dropSeen = options.excludeSeen();
    int[] users = new int[test.numRows()];
    int[] start = new int[test.numRows() + 1];
    int[] items = new int[test.nnz()];
    float[] grades = new float[test.nnz()];
    int n = 0;
    int q = 0;
    int skipped = 0;
    int cold = 0;
    long droppedSeen = 0;
    for (int u = 0; u < test.numRows(); u++) {
      if (test.rowLength(u) == 0) {
        continue;
      }
      int begin = q;
      for (int p = test.rowStart(u); p < test.rowEnd(u); p++) {
        int item = test.columnAt(p);
        float value = test.valueAt(p);
        if (!(value >= relevanceThreshold) || (graded && !(value > 0))) {
          continue;
        }
        if (dropSeen && train.contains(u, item)) {
          droppedSeen++;
          continue;
        }
        items[q] = item;
        grades[q] = value;
        q++;
      }
      if (q == begin) {
        skipped++;
        continue;
      }
      if (train.rowLength(u) == 0) {
        cold++;
      }
      users[n] = u;
      start[n + 1] = q;
      n++;
    }
    return new Relevance(split.test().users(), Arrays.copyOf(users, n), Arrays.copyOf(start, n + 1),
        items, grades, skipped, cold, droppedSeen);
  }

  /**
   * Configures an {@link Evaluator}. Each setting may be given once; a repeated or invalid setting
   * is rejected with the value in the message.
   */
  public static final class Builder {
    private List<Metric> metrics;
    private Boolean beyondAccuracy;
    private Boolean excludeTrainItems;
    private RecommendOptions options;
    private Float relevanceThreshold;
    private Boolean graded;
    private Integer threads;
    private ExecutorService executor;
    private Integer batchSize;
    private ItemCategories categories;

    private Builder() {}

    private static void once(Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set; set it once");
      }
    }

    /**
     * Sets the metrics: ranking metrics (Precision, Recall, NDCG, NDCG-exp, MAP, MRR, HitRate) at
     * any cutoffs, and beyond-accuracy metrics (Coverage, Novelty, ARP, Gini, ILD-category).
     *
     * @param metrics one or more metrics
     * @return this builder
     * @throws IllegalArgumentException if empty, repeated, or a metric is not a ranking or
     *     supported beyond-accuracy metric
     */
    public Builder metrics(Metric... metrics) {
      once(this.metrics, "metrics");
      if (metrics.length == 0) {
        throw new IllegalArgumentException("metrics is empty; expected at least one metric");
      }
      List<Metric> list = new ArrayList<>();
      for (Metric m : metrics) {
        Objects.requireNonNull(m, "metric");
        boolean supported = m.measure().family() == Measure.Family.RANKING
            || m.measure() == Measure.COVERAGE || m.measure() == Measure.NOVELTY
            || m.measure() == Measure.ARP || m.measure() == Measure.GINI
            || m.measure() == Measure.ILD_CATEGORY;
        if (!supported) {
          throw new IllegalArgumentException("metric " + m + " is not computed by the evaluator; "
              + "expected a ranking metric or Coverage, Novelty, ARP, Gini, ILD-category");
        }
        if (list.contains(m)) {
          throw new IllegalArgumentException("metric " + m + " is listed twice");
        }
        list.add(m);
      }
      this.metrics = List.copyOf(list);
      return this;
    }

    /**
     * Whether to add Coverage, Novelty, ARP and Gini at the main cutoff (and ILD-category when
     * {@link #itemCategories} are given) to the metrics. Default true.
     *
     * @param on whether to add them
     * @return this builder
     */
    public Builder beyondAccuracy(boolean on) {
      once(beyondAccuracy, "beyondAccuracy");
      beyondAccuracy = on;
      return this;
    }

    /**
     * Whether the ranking excludes the user's training items (default true). When true, relevant
     * test items the user also has in train are dropped from the relevant set.
     *
     * @param exclude whether to exclude training items
     * @return this builder
     * @throws IllegalStateException if {@link #options} was set
     */
    public Builder excludeTrainItems(boolean exclude) {
      once(excludeTrainItems, "excludeTrainItems");
      if (options != null) {
        throw new IllegalStateException("set excludeTrainItems or options, not both");
      }
      excludeTrainItems = exclude;
      return this;
    }

    /**
     * Sets the options of every request (filters, category caps). Their {@code excludeSeen()}
     * plays the role of {@link #excludeTrainItems}.
     *
     * @param options request options
     * @return this builder
     * @throws IllegalStateException if {@link #excludeTrainItems} was set
     */
    public Builder options(RecommendOptions options) {
      once(this.options, "options");
      if (excludeTrainItems != null) {
        throw new IllegalStateException("set excludeTrainItems or options, not both");
      }
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Counts a test item as relevant only when the user's summed test value for it is at least
     * {@code threshold} (e.g. 4 for "liked" on a 1–5 scale). Default: every test item is relevant.
     *
     * @param threshold a finite threshold
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    public Builder relevanceThreshold(float threshold) {
      once(relevanceThreshold, "relevanceThreshold");
      if (!Float.isFinite(threshold)) {
        throw new IllegalArgumentException("relevanceThreshold = " + threshold + "; expected a finite number");
      }
      relevanceThreshold = threshold;
      return this;
    }

    /**
     * Uses the summed test values as graded relevance for NDCG (items with a value {@code <= 0}
     * are then not relevant). Default false: binary relevance.
     *
     * @param on whether relevance is graded
     * @return this builder
     */
    public Builder gradedRelevance(boolean on) {
      once(graded, "gradedRelevance");
      graded = on;
      return this;
    }

    /**
     * Sets the number of worker threads of the pool created per evaluation. Default 1 (the
     * calling thread).
     *
     * @param threads {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws IllegalStateException if an executor was set
     */
    public Builder threads(int threads) {
      once(this.threads, "threads");
      if (executor != null) {
        throw new IllegalStateException("set threads or executor, not both");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads = " + threads + "; expected threads >= 1");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Runs batches on the caller's executor instead of a pool created per call. The evaluator
     * never shuts it down.
     *
     * @param executor the executor
     * @return this builder
     * @throws IllegalStateException if threads were set
     */
    public Builder executor(ExecutorService executor) {
      once(this.executor, "executor");
      if (threads != null) {
        throw new IllegalStateException("set threads or executor, not both");
      }
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how many users go to the recommender's batch method at once. Default 256.
     *
     * @param users {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code users < 1}
     */
    public Builder batchSize(int users) {
      once(batchSize, "batchSize");
      if (users < 1) {
        throw new IllegalArgumentException("batchSize = " + users + "; expected batchSize >= 1");
      }
      batchSize = users;
      return this;
    }

    /**
     * Gives item categories, which adds intra-list category diversity to beyond-accuracy metrics.
     *
     * @param categories categories of the split's items
     * @return this builder
     */
    public Builder itemCategories(ItemCategories categories) {
      once(this.categories, "itemCategories");
      this.categories = Objects.requireNonNull(categories, "categories");
      return this;
    }

    /**
     * Builds the evaluator.
     *
     * @return the immutable evaluator
     * @throws IllegalArgumentException if ILD-category is requested without item categories
     */
    public Evaluator build() {
      if (metrics != null && categories == null) {
        for (Metric m : metrics) {
          if (m.measure() == Measure.ILD_CATEGORY) {
            throw new IllegalArgumentException("metric " + m + " needs itemCategories(...)");
          }
        }
      }
      return new Evaluator(this);
    }
  }
}
