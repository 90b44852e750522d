package dev.reco.benchmarks.peers;

import dev.reco.core.Interactions;
import dev.reco.core.format.Provenance;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's ALS ({@code org.apache.spark.ml.recommendation.ALS}) run in this JVM on
 * {@code local[threads]}, fed from reco {@link Interactions} columns, so that its fit time and
 * quality can be set beside reco's trainers on the same data.
 *
 * <p>The session is local and quiet: no UI, driver bound to 127.0.0.1 (no traffic beyond
 * loopback), log level WARN, {@code spark.sql.shuffle.partitions = threads}. Its start-up is
 * timed separately ({@link #startup()}), and so is turning the interactions into a cached
 * DataFrame ({@link Fit#load()}: the three columns are broadcast and each partition of at most a
 * million rows builds its rows from them, so no row list is held on the driver); {@link Fit#fit()} covers {@code ALS.fit} plus materialising
 * both factor tables. Spark's own defaults stay in force otherwise (10 user and 10 item blocks,
 * intermediate RDDs {@code MEMORY_AND_DISK}).
 *
 * <p>Needs JDK 17's {@code --add-opens} flags (see {@code tools/bench/run-peers.sh}). Not
 * thread-safe: one fit at a time per instance.
 */
public final class SparkAlsPeer implements AutoCloseable {
  /** The source name of models built from Spark's factors. */
  public static final Source SOURCE = new Source("spark-als");

  private static final StructType RATINGS = new StructType()
      .add("user", DataTypes.IntegerType, false)
      .add("item", DataTypes.IntegerType, false)
      .add("rating", DataTypes.FloatType, false);
  private static final StructType USERS = new StructType()
      .add("user", DataTypes.IntegerType, false);

  /** Rows per partition of the input DataFrame. */
  private static final int ROWS_PER_SLICE = 1_000_000;

  private final SparkSession spark;
  private final int threads;
  private final Duration startup;

  private SparkAlsPeer(SparkSession spark, int threads, Duration startup) {
    this.spark = spark;
    this.threads = threads;
    this.startup = startup;
  }

  /**
   * Starts a local Spark session with {@code threads} worker threads and runs one trivial job so
   * that the first fit does not pay for the scheduler's start.
   *
   * @param threads worker threads ({@code local[threads]}), {@code >= 1}
   * @return the running peer; close it to stop Spark
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static SparkAlsPeer start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + "; expected threads >= 1");
    }
    long t0 = System.nanoTime();
    SparkSession spark = SparkSession.builder()
        .master("local[" + threads + "]")
        .appName("reco-peers")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", Integer.toString(threads))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    spark.range(1).count();
    return new SparkAlsPeer(spark, threads, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Returns how long starting the session (and its first trivial job) took. */
  public Duration startup() {
    return startup;
  }

  /** Returns Spark's version string. */
  public String version() {
    return spark.version();
  }

  /** Returns the number of local worker threads. */
  public int threads() {
    return threads;
  }

  /**
   * Fits ALS on the interactions: implicit ({@code implicitPrefs = true}, confidence
   * {@code 1 + alpha * r}) or explicit, with Spark's weighted-λ regularisation.
   *
   * @param train the training rows; values are the ratings or implicit strengths
   * @param settings what to learn
   * @return the fit, with its timings and the factors as a reco model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code train} is empty
   */
  public Fit fit(Interactions train, AlsSettings settings) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(settings, "settings");
    if (train.isEmpty()) {
      throw new IllegalArgumentException("train has 0 rows; expected at least one");
    }
    long t0 = System.nanoTime();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<int[]> users = context.broadcast(train.userColumn());
    Broadcast<int[]> items = context.broadcast(train.itemColumn());
    Broadcast<float[]> values = context.broadcast(train.valueColumn());
    int slices = Math.max(threads, (train.size() + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
    JavaRDD<Row> rowRdd = rowRdd(context, train.size(), slices, users, items, values);
    Dataset<Row> ratings = spark.createDataFrame(rowRdd, RATINGS).cache();
    long rows = ratings.count();
    if (rows != train.size()) {
      throw new IllegalStateException(
          "Spark holds " + rows + " rows; expected " + train.size());
    }
    long t1 = System.nanoTime();
    ALS als = new ALS()
        .setRank(settings.factors())
        .setMaxIter(settings.iterations())
        .setRegParam(settings.regularization())
        .setAlpha(settings.alpha())
        .setImplicitPrefs(settings.implicit())
        .setSeed(settings.seed())
        .setUserCol("user")
        .setItemCol("item")
        .setRatingCol("rating")
        .setColdStartStrategy("drop");
    ALSModel model = als.fit(ratings);
    model.userFactors().count();
    model.itemFactors().count();
    long t2 = System.nanoTime();
    // The broadcasts stay: the model's lineage refers to them; Spark's ContextCleaner drops them
    // once the Fit is garbage.
    ratings.unpersist();
    MatrixFactorizationModel factors = toModel(model, train, settings);
    return new Fit(this, model, factors, settings, Duration.ofNanos(t1 - t0),
        Duration.ofNanos(t2 - t1));
  }

  @Override
  public void close() {
    spark.stop();
  }

  /**
   * Rows built inside each partition from the broadcast columns; static so that the function
   * Spark ships captures only the broadcasts and bounds.
   */
  private static JavaRDD<Row> rowRdd(JavaSparkContext context, int n, int slices,
      Broadcast<int[]> users, Broadcast<int[]> items, Broadcast<float[]> values) {
    List<Integer> sliceIds = new ArrayList<>(slices);
    for (int s = 0; s < slices; s++) {
      sliceIds.add(s);
    }
    return context.parallelize(sliceIds, slices).flatMap(s -> rows(
        (int) ((long) n * s / slices), (int) ((long) n * (s + 1) / slices),
        users.value(), items.value(), values.value()));
  }

  private static Iterator<Row> rows(int from, int to, int[] user, int[] item, float[] value) {
    return new Iterator<>() {
      private int r = from;

      @Override
      public boolean hasNext() {
        return r < to;
      }

      @Override
      public Row next() {
        if (r >= to) {
          throw new NoSuchElementException();
        }
        Row row = RowFactory.create(user[r], item[r], value[r]);
        r++;
        return row;
      }
    };
  }

  /** Copies Spark's factor tables into a reco model (users without factors marked unknown). */
  private static MatrixFactorizationModel toModel(ALSModel model, Interactions train,
      AlsSettings settings) {
    int rank = model.rank();
    int users = train.numUsers();
    int items = train.numItems();
    float[] userFactors = new float[Math.multiplyExact(users, rank)];
    float[] itemFactors = new float[Math.multiplyExact(items, rank)];
    boolean[] known = new boolean[users];
    copyFactors(model.userFactors(), rank, userFactors, known);
    copyFactors(model.itemFactors(), rank, itemFactors, new boolean[items]);
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel
        .builder(train.users(), train.items(), rank)
        .userFactors(userFactors)
        .itemFactors(itemFactors)
        .seen(train.byUser())
        .knownUsers(known)
        .provenance(Provenance.capture("spark-mllib-als", settings, train.fingerprint(),
            settings.seed(), Clock.systemUTC()))
        .source(SOURCE);
    return b.build();
  }

  private static void copyFactors(Dataset<Row> table, int rank, float[] out, boolean[] present) {
    Iterator<Row> it = table.toLocalIterator();
    while (it.hasNext()) {
      Row row = it.next();
      int id = row.getInt(0);
      List<Float> features = row.getList(1);
      if (features.size() != rank) {
        throw new IllegalStateException(
            "factor row " + id + " has " + features.size() + " values; expected " + rank);
      }
      for (int f = 0; f < rank; f++) {
        out[id * rank + f] = features.get(f);
      }
      present[id] = true;
    }
  }

  /** A fitted Spark model with its timings, and its factors as a reco model. */
  public static final class Fit {
    private final SparkAlsPeer peer;
    private final ALSModel model;
    private final MatrixFactorizationModel factors;
    private final AlsSettings settings;
    private final Duration load;
    private final Duration fit;

    private Fit(SparkAlsPeer peer, ALSModel model, MatrixFactorizationModel factors,
        AlsSettings settings, Duration load, Duration fit) {
      this.peer = peer;
      this.model = model;
      this.factors = factors;
      this.settings = settings;
      this.load = load;
      this.fit = fit;
    }

    /** Returns the time to build and cache the input DataFrame (not part of {@link #fit()}). */
    public Duration load() {
      return load;
    }

    /** Returns the time of {@code ALS.fit} plus materialising both factor tables. */
    public Duration fit() {
      return fit;
    }

    /** Returns {@link #fit()} divided by the number of iterations. */
    public Duration perIteration() {
      return fit.dividedBy(settings.iterations());
    }

    /** Returns the settings the model was fitted with. */
    public AlsSettings settings() {
      return settings;
    }

    /**
     * Returns Spark's factors as a reco model over the training data's indexes: scores are the
     * same dot products Spark ranks by, seen items are excluded by reco's recommend, and users
     * without Spark factors are unknown (unserved). Used to evaluate Spark with reco's
     * {@code Evaluator} under exactly reco's protocol.
     *
     * @return the model
     */
    public MatrixFactorizationModel model() {
      return factors;
    }

    /**
     * Asks Spark for its own top-k lists ({@code ALSModel.recommendForUserSubset}); Spark does
     * not exclude training items. Timed from building the user DataFrame to the collected result.
     *
     * @param users dense user indexes of the training data
     * @param k items per user, {@code >= 1}
     * @return the lists (users without Spark factors get none) and the elapsed time
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public TopLists recommendForUsers(int[] users, int k) {
      if (k < 1) {
        throw new IllegalArgumentException("k = " + k + "; expected k >= 1");
      }
      long t0 = System.nanoTime();
      int[] ids = users.clone();
      List<Row> rows = new AbstractList<>() {
        @Override
        public Row get(int r) {
          return RowFactory.create(ids[r]);
        }

        @Override
        public int size() {
          return ids.length;
        }
      };
      Dataset<Row> subset = peer.spark.createDataFrame(rows, USERS);
      List<Row> result = model.recommendForUserSubset(subset, k).collectAsList();
      long t1 = System.nanoTime();
      int[] user = new int[result.size()];
      int[][] item = new int[result.size()][];
      float[][] score = new float[result.size()][];
      for (int r = 0; r < result.size(); r++) {
        Row row = result.get(r);
        user[r] = row.getInt(0);
        List<Row> recs = row.getList(1);
        item[r] = new int[recs.size()];
        score[r] = new float[recs.size()];
        for (int j = 0; j < recs.size(); j++) {
          item[r][j] = recs.get(j).getInt(0);
          score[r][j] = recs.get(j).getFloat(1);
        }
      }
      return new TopLists(user, item, score, Duration.ofNanos(t1 - t0));
    }
  }

  /**
   * Top-k lists as Spark returned them, in Spark's order of users.
   *
   * @param users the user of each list
   * @param items the items of each list, best first
   * @param scores the scores aligned with {@code items}
   * @param elapsed time of the request including collection
   */
  public record TopLists(int[] users, int[][] items, float[][] scores, Duration elapsed) {}
}
