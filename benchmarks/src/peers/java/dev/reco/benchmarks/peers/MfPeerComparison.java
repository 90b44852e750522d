package dev.reco.benchmarks.peers;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.baseline.MostPopular;
import dev.reco.core.eval.EvaluationResult;
import dev.reco.core.eval.Evaluator;
import dev.reco.core.eval.Metric;
import dev.reco.core.eval.RatingMetrics;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.split.KFold;
import dev.reco.core.split.PerUserFraction;
import dev.reco.core.split.Split;
import dev.reco.core.split.Splitter;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.core.io.DelimitedLoader;
import dev.reco.core.io.LoadOptions;
import dev.reco.core.io.LoadResult;
import dev.reco.core.io.MovieLens;
import dev.reco.models.als.AlsConfig;
import dev.reco.models.linalg.VectorOps;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Compares reco's matrix factorisation with its peers in one JVM run: Spark MLlib ALS against
 * reco's ALS on implicit feedback (time per iteration and Precision@10 under reco's
 * {@link Evaluator}), and Mahout's {@code RatingSGDFactorizer} and Spark's explicit ALS against
 * reco's BiasedSVD and explicit ALS on ratings (train time and held-out RMSE). Every side trains
 * on the very same {@link Interactions} and split.
 *
 * <p>Run with {@code tools/bench/run-peers.sh [options]} (it adds the JDK 17 flags Spark needs);
 * {@code --help} lists the options. docs/peers.md describes the protocol.
 */
public final class MfPeerComparison {
  private static final List<Metric> METRICS =
      List.of(Metric.precision(10), Metric.recall(10), Metric.ndcg(10));

  private final Options options;
  private final PrintStream out;
  private final RecoSide reco;
  private SparkAlsPeer spark;

  private MfPeerComparison(Options options, PrintStream out, RecoSide reco) {
    this.options = options;
    this.out = out;
    this.reco = reco;
  }

  /**
   * Runs the comparison and prints the tables to standard output.
   *
   * @param args options, see {@code --help}
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    MfPeerComparison run = new MfPeerComparison(options, System.out,
        new RecoTrainers(options.recoSolver, options.cgSteps));
    try {
      run.run();
    } finally {
      run.close();
    }
  }

  private void run() {
    boolean recoAls = options.reco && reco.hasAls();
    boolean recoSvd = options.reco && reco.hasBiasedSvd();
    out.println("# reco matrix factorisation vs peers");
    out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %,d MB; threads %d%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, options.threads);
    out.printf(Locale.ROOT, "reco VectorOps: %s; reco ALS: %s; reco BiasedSVD: %s%n",
        VectorOps.best().name(), availability(recoAls), availability(recoSvd));
    if (options.spark) {
      spark = SparkAlsPeer.start(options.threads);
      out.printf(Locale.ROOT, "Spark %s (Scala %s), local[%d]: session start-up %s%n",
          spark.version(), scala.util.Properties.versionNumberString(), options.threads,
          format(spark.startup()));
    }
    if (options.mahout) {
      out.printf(Locale.ROOT, "Mahout %s (mahout-mr, Taste RatingSGDFactorizer)%n",
          mavenVersion("org.apache.mahout", "mahout-mr"));
    }
    if (options.warmup) {
      warmUp(recoAls, recoSvd);
    }
    if (options.implicitSize != null) {
      implicit(recoAls);
    }
    if (options.ratingsSize != null) {
      explicit(recoAls, recoSvd);
    }
  }

  private void close() {
    if (spark != null) {
      spark.close();
    }
  }

  private static String availability(boolean on) {
    return on ? "yes" : "not run (--reco off)";
  }

  /** Fits every side once on small data so that class loading and JIT are not timed later. */
  private void warmUp(boolean recoAls, boolean recoSvd) {
    long t0 = System.nanoTime();
    Interactions events = SyntheticData.generate(SyntheticConfig.defaults().withSeed(7))
        .toInteractions(DuplicatePolicy.SUM);
    AlsSettings als = options.implicitSettings.withIterations(2);
    Interactions ratings = SyntheticRatings.generate(new SyntheticRatings.Config(300, 600,
        20_000, 4, 3.55, 0.35, 0.45, 0.5, 0.8, 0.9, 20, 7L)).ratings();
    AlsSettings explicitAls = options.explicitSettings.withIterations(2);
    if (spark != null) {
      spark.fit(events, als);
      spark.fit(ratings, explicitAls);
    }
    if (recoAls) {
      reco.fitAls(events, als, options.threads);
      reco.fitAls(ratings, explicitAls, options.threads);
    }
    if (recoSvd) {
      reco.fitBiasedSvd(ratings, options.svdPreset, options.svdOverrides, options.seed, options.threads);
    }
    if (options.mahout) {
      MahoutSgdPeer.fit(ratings, new MahoutSgdPeer.Settings(options.mahoutSettings.factors(),
          2, options.mahoutSettings.learningRate(), options.mahoutSettings.regularization(),
          options.mahoutSettings.initNoise(), options.mahoutSettings.learningRateDecay()));
    }
    out.printf(Locale.ROOT, "warm-up fits on small data: %s%n", format(elapsed(t0)));
  }

  // ---------------------------------------------------------------- implicit feedback

  private void implicit(boolean recoAls) {
    long t0 = System.nanoTime();
    Interactions data;
    String title;
    if (options.implicitFile != null) {
      // Every rating is one interaction whose value (1..5) enters the confidence.
      data = loadMovieLens(options.implicitFile);
      title = String.format(Locale.ROOT, "%s, %,d users x %,d items, ratings as confidences",
          options.implicitFile.getFileName(), data.activeUsers(), data.activeItems());
    } else {
      SyntheticConfig config = options.implicitSize.equals("large")
          ? SyntheticConfig.defaults().withUsers(1_000_000).withItems(100_000)
              .withEvents(10_000_000)
          : SyntheticConfig.defaults().withUsers(100_000).withItems(20_000)
              .withEvents(1_000_000);
      config = config.withSeed(options.seed);
      data = SyntheticData.generate(config).toInteractions(DuplicatePolicy.SUM);
      title = String.format(Locale.ROOT, "synthetic %,d users x %,d items x %,d events",
          config.users(), config.items(), config.events());
    }
    Split split = Splitter.perUserFraction(0.2, options.seed, PerUserFraction.Order.BY_TIME)
        .split(data);
    Split evaluated = sampleTestUsers(split, options.evalUsers, options.seed);
    AlsSettings settings = options.implicitSettings;
    out.println();
    out.printf(Locale.ROOT, "## Implicit ALS: %s%n", title);
    out.printf(Locale.ROOT, "%,d (user, item) pairs; split %s: "
        + "train %,d rows, test %,d rows; P@10 over %,d test users; prepared in %s%n",
        data.size(), split.report().description(), split.train().size(), split.test().size(),
        evaluated.testUsers().length, format(elapsed(t0)));
    out.printf(Locale.ROOT, "settings: %s (confidence 1 + alpha * r, weighted lambda)%n",
        settings);

    Evaluator evaluator = Evaluator.builder().metrics(METRICS.toArray(new Metric[0]))
        .beyondAccuracy(false).threads(options.threads).build();
    List<Row> rows = new ArrayList<>();
    EvaluationResult popular = evaluator.evaluate("popularity",
        MostPopular.fit(split.train()), evaluated);
    rows.add(new Row("most popular (baseline)", null, null, null, popular));

    Duration sparkIteration = null;
    Duration recoIteration = null;
    // reco fits first: in one JVM, whichever side runs second shares the machine with the
    // first one's leftovers (Spark's idle threads, its garbage), which would tilt the ratio
    // towards Spark. A full GC before each timed fit starts both from a clean heap.
    Row recoRow = null;
    if (recoAls) {
      System.gc();
      RecoSide.Trained trained = reco.fitAls(split.train(), settings, options.threads);
      recoIteration = trained.typicalIteration(settings.iterations());
      EvaluationResult result = evaluator.evaluate("reco-als", trained.model(), evaluated);
      recoRow = new Row("reco ALS, " + options.threads + " threads", null, trained.fit(),
          recoIteration, result);
      out.printf(Locale.ROOT, "reco ALS config: %s; per-iteration times %s%n", trained.config(),
          Arrays.stream(trained.iterationTimes()).map(MfPeerComparison::format).toList());
    }
    if (spark != null) {
      System.gc();
      SparkAlsPeer.Fit fit = spark.fit(split.train(), settings);
      sparkIteration = fit.perIteration();
      if (settings.iterations() >= 2 && options.sparkMarginal) {
        // (fit(N) - fit(1)) / (N - 1): the cost of one more sweep, without Spark's per-fit
        // set-up (partitioning the ratings into blocks) and the final factor materialisation.
        System.gc();
        SparkAlsPeer.Fit one = spark.fit(split.train(), settings.withIterations(1));
        Duration marginal = fit.fit().minus(one.fit()).dividedBy(settings.iterations() - 1);
        out.printf(Locale.ROOT, "Spark fit with %d iterations %s, with 1 iteration %s: "
            + "%s per additional iteration (fit / iterations: %s)%n", settings.iterations(),
            format(fit.fit()), format(one.fit()), format(marginal), format(sparkIteration));
        if (!marginal.isNegative() && !marginal.isZero()) {
          sparkIteration = marginal;
        }
      }
      EvaluationResult result = evaluator.evaluate("spark-als", fit.model(), evaluated);
      rows.add(new Row("Spark MLlib ALS, local[" + options.threads + "]", fit.load(), fit.fit(),
          sparkIteration, result));
      checkSparkLists(fit, split, evaluated.testUsers());
    }
    if (recoRow != null) {
      rows.add(recoRow);
    }

    List<String> header = List.of("model", "load", "fit", "per iteration", "x reco ALS",
        "P@10", "Recall@10", "nDCG@10");
    List<List<String>> table = new ArrayList<>();
    for (Row row : rows) {
      table.add(List.of(row.name, format(row.load), format(row.fit), format(row.perIteration),
          ratio(row.perIteration, recoIteration), metric(row.result, Metric.precision(10)),
          metric(row.result, Metric.recall(10)), metric(row.result, Metric.ndcg(10))));
    }
    out.println();
    out.print(table(header, table));
    if (sparkIteration != null && recoIteration != null) {
      out.printf(Locale.ROOT, "Spark / reco time per iteration: %.1fx%n",
          ratioValue(sparkIteration, recoIteration));
    }
  }

  /**
   * Asks Spark for its own top-10 of some users (recommendForUserSubset, seen items included)
   * and checks them against the reco model built from Spark's factors, without seen-item
   * exclusion: they must agree, or the factor copy is wrong.
   */
  private void checkSparkLists(SparkAlsPeer.Fit fit, Split split, int[] testUsers) {
    int n = Math.min(1_000, testUsers.length);
    int[] users = Arrays.copyOf(testUsers, n);
    SparkAlsPeer.TopLists lists = fit.recommendForUsers(users, 10);
    RecommendOptions all = RecommendOptions.builder().excludeSeen(false).build();
    long same = 0;
    long total = 0;
    for (int r = 0; r < lists.users().length; r++) {
      String id = split.train().users().idOf(lists.users()[r]);
      Recommendations ours = fit.model().recommend(id, 10, all);
      for (int item : lists.items()[r]) {
        total++;
        if (ours.contains(item)) {
          same++;
        }
      }
    }
    out.printf(Locale.ROOT, "Spark recommendForUserSubset(%,d users, 10): %s; %,d lists, "
        + "%.2f%% of their items also in the top-10 scored from the copied factors%n",
        n, format(lists.elapsed()), lists.users().length,
        total == 0 ? 0.0 : 100.0 * same / total);
  }

  /** Keeps the test rows of a seeded sample of test users (all when fewer than {@code n}). */
  static Split sampleTestUsers(Split split, int n, long seed) {
    int[] users = split.testUsers();
    if (users.length <= n) {
      return split;
    }
    int[] shuffled = users.clone();
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int k = 0; k < n; k++) {
      int j = k + random.nextInt(shuffled.length - k);
      int t = shuffled[k];
      shuffled[k] = shuffled[j];
      shuffled[j] = t;
    }
    boolean[] keep = new boolean[split.test().numUsers()];
    for (int k = 0; k < n; k++) {
      keep[shuffled[k]] = true;
    }
    Interactions test = split.test();
    int[] rows = new int[test.size()];
    int m = 0;
    for (int r = 0; r < test.size(); r++) {
      if (keep[test.user(r)]) {
        rows[m++] = r;
      }
    }
    return Split.of(split.report().description() + " + " + n + " sampled test users",
        split.train(), test.select(Arrays.copyOf(rows, m)));
  }

  // ---------------------------------------------------------------- explicit ratings

  private void explicit(boolean recoAls, boolean recoSvd) {
    Interactions ratings;
    List<Split> splits;
    out.println();
    if (options.ratingsFile != null) {
      long t0 = System.nanoTime();
      ratings = loadMovieLens(options.ratingsFile);
      splits = KFold.of(options.folds, options.seed).folds(ratings);
      out.printf(Locale.ROOT, "## Ratings: %s, %,d users x %,d items x %,d ratings; %d-fold "
          + "cross-validation; loaded in %s%n", options.ratingsFile.getFileName(),
          ratings.activeUsers(), ratings.activeItems(), ratings.size(), splits.size(),
          format(elapsed(t0)));
      out.printf(Locale.ROOT, "mean %.3f, sd %.3f%n", mean(ratings), sd(ratings));
    } else {
      boolean large = options.ratingsSize.equals("1m");
      SyntheticRatings.Config config = (large ? SyntheticRatings.Config.movieLens1m()
          : SyntheticRatings.Config.movieLens100k()).withSeed(options.seed);
      SyntheticRatings generated = SyntheticRatings.generate(config);
      ratings = generated.ratings();
      splits = large
          ? List.of(Splitter.random(0.2, options.seed).split(ratings))
          : KFold.of(options.folds, options.seed).folds(ratings);
      out.printf(Locale.ROOT, "## Ratings: synthetic %,d users x %,d items x %,d ratings (1-5, "
          + "planted rank %d); %s%n", config.users(), config.items(), config.ratings(),
          config.rank(), large ? "random 80/20 split" : splits.size() + "-fold cross-validation");
      out.printf(Locale.ROOT, "mean %.3f, sd %.3f; RMSE of the planted model (noise floor) "
          + "%.4f%n", mean(ratings), sd(ratings), generated.plantedRmse());
    }
    out.printf(Locale.ROOT, "Mahout: %s; Spark and reco ALS: %s; reco BiasedSVD: %s()%s%n",
        options.mahoutSettings, options.explicitSettings, options.svdPreset,
        options.svdOverrides.isEmpty() ? "" : " with " + options.svdOverrides);

    Map<String, List<double[]>> results = new LinkedHashMap<>(); // name -> [seconds, rmse]
    String recoSvdName = "reco BiasedSVD, " + options.threads + " threads";
    for (int f = 0; f < splits.size(); f++) {
      Split split = splits.get(f);
      Interactions train = split.train();
      Interactions test = split.test();
      double mu = mean(train);
      int[] userCounts = train.userCounts();
      int[] itemCounts = train.itemCounts();
      add(results, "global mean (baseline)", 0,
          rmse(test, userCounts, itemCounts, mu, (u, i) -> mu));
      if (options.mahout) {
        MahoutSgdPeer.Fit fit = MahoutSgdPeer.fit(train, options.mahoutSettings);
        add(results, "Mahout RatingSGDFactorizer, 1 thread", seconds(fit.train()),
            rmse(test, userCounts, itemCounts, mu, fit::predict));
      }
      if (spark != null) {
        SparkAlsPeer.Fit fit = spark.fit(train, options.explicitSettings);
        MatrixFactorizationModel m = fit.model();
        add(results, "Spark MLlib ALS explicit, local[" + options.threads + "]",
            seconds(fit.fit()), rmse(test, userCounts, itemCounts, mu, m::predict));
      }
      if (recoAls) {
        RecoSide.Trained trained = reco.fitAls(train, options.explicitSettings, options.threads);
        MatrixFactorizationModel m = trained.model();
        add(results, "reco ALS explicit, " + options.threads + " threads",
            seconds(trained.fit()), rmse(test, userCounts, itemCounts, mu, m::predict));
        if (f == 0) {
          out.printf(Locale.ROOT, "reco ALS config: %s%n", trained.config());
          trained.notes().forEach(n -> out.printf(Locale.ROOT, "  note: %s%n", n));
        }
      }
      if (recoSvd) {
        RecoSide.Trained trained =
            reco.fitBiasedSvd(train, options.svdPreset, options.svdOverrides, options.seed, options.threads);
        MatrixFactorizationModel m = trained.model();
        add(results, recoSvdName, seconds(trained.fit()),
            rmse(test, userCounts, itemCounts, mu, m::predict));
        if (f == 0) {
          out.printf(Locale.ROOT, "reco BiasedSVD config: %s%n", trained.config());
          trained.notes().forEach(n -> out.printf(Locale.ROOT, "  note: %s%n", n));
        }
      }
    }
    double svdSeconds = results.containsKey(recoSvdName) ? meanOf(results.get(recoSvdName), 0)
        : Double.NaN;
    List<String> header = List.of("model", "train per fold (mean)", "x reco BiasedSVD",
        "RMSE (mean)", "RMSE (sd)", "RMSE per fold");
    List<List<String>> table = new ArrayList<>();
    for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
      List<double[]> v = e.getValue();
      double s = meanOf(v, 0);
      StringBuilder perFold = new StringBuilder();
      for (double[] x : v) {
        perFold.append(perFold.length() == 0 ? "" : " ").append(String.format(Locale.ROOT,
            "%.4f", x[1]));
      }
      table.add(List.of(e.getKey(), s == 0 ? "-" : format(Duration.ofNanos((long) (s * 1e9))),
          s == 0 || Double.isNaN(svdSeconds) ? "-" : String.format(Locale.ROOT, "%.2f",
              s / svdSeconds),
          String.format(Locale.ROOT, "%.4f", meanOf(v, 1)),
          String.format(Locale.ROOT, "%.4f", sdOf(v, 1)), perFold.toString()));
    }
    out.println();
    out.print(table(header, table));
  }

  /**
   * Loads a MovieLens 100K {@code u.data} file with reco's loader (strict: a malformed line stops
   * the run; a repeated (user, item) pair keeps the last rating).
   */
  private static Interactions loadMovieLens(Path file) {
    try {
      LoadResult result = DelimitedLoader.load(file, MovieLens.uData(),
          LoadOptions.strict(DuplicatePolicy.LAST));
      return result.interactions();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A prediction by dense indexes, for (user, item) pairs that both have training rows. */
  @FunctionalInterface
  interface Predictor {
    double predict(int user, int item);
  }

  /**
   * RMSE over every test row under one rule for all models: a pair whose user or item has no
   * training row is predicted as the training mean; every prediction is clipped to [1, 5].
   */
  static double rmse(Interactions test, int[] userCounts, int[] itemCounts, double mean,
      Predictor predictor) {
    double[] actual = new double[test.size()];
    double[] predicted = new double[test.size()];
    for (int r = 0; r < test.size(); r++) {
      int u = test.user(r);
      int i = test.item(r);
      double p = userCounts[u] > 0 && itemCounts[i] > 0 ? predictor.predict(u, i) : mean;
      actual[r] = test.value(r);
      predicted[r] = Math.max(1, Math.min(5, p));
    }
    return RatingMetrics.rmse(actual, predicted);
  }

  private static void add(Map<String, List<double[]>> results, String name, double seconds,
      double rmse) {
    results.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {seconds, rmse});
  }

  private static double meanOf(List<double[]> values, int column) {
    double s = 0;
    for (double[] v : values) {
      s += v[column];
    }
    return s / values.size();
  }

  private static double sdOf(List<double[]> values, int column) {
    if (values.size() < 2) {
      return 0;
    }
    double m = meanOf(values, column);
    double s = 0;
    for (double[] v : values) {
      s += (v[column] - m) * (v[column] - m);
    }
    return Math.sqrt(s / (values.size() - 1));
  }

  private static double mean(Interactions data) {
    double s = 0;
    for (int r = 0; r < data.size(); r++) {
      s += data.value(r);
    }
    return s / data.size();
  }

  private static double sd(Interactions data) {
    double m = mean(data);
    double s = 0;
    for (int r = 0; r < data.size(); r++) {
      s += (data.value(r) - m) * (data.value(r) - m);
    }
    return Math.sqrt(s / data.size());
  }

  // ---------------------------------------------------------------- output helpers

  private record Row(String name, Duration load, Duration fit, Duration perIteration,
      EvaluationResult result) {}

  private static String metric(EvaluationResult result, Metric metric) {
    return String.format(Locale.ROOT, "%.4f", result.value(metric));
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  static String format(Duration d) {
    if (d == null) {
      return "-";
    }
    double ms = d.toNanos() / 1e6;
    if (ms < 1_000) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f s", ms / 1_000);
  }

  private static String ratio(Duration value, Duration reference) {
    if (value == null || reference == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f", ratioValue(value, reference));
  }

  private static double ratioValue(Duration value, Duration reference) {
    return (double) value.toNanos() / reference.toNanos();
  }

  /** Renders a Markdown table with padded columns. */
  static String table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(sb, rule, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    sb.append('|');
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      sb.append(' ').append(c == 0 ? pad(cell, width[c], false) : pad(cell, width[c], true))
          .append(" |");
    }
    sb.append('\n');
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private static String mavenVersion(String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = MahoutSgdPeer.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  // ---------------------------------------------------------------- options

  /** Command-line options; see {@link #USAGE}. */
  static final class Options {
    static final String USAGE = String.join("\n",
        "Usage: tools/bench/run-peers.sh [options]",
        "  small|large            same as --size",
        "  --size small|large     both parts at once (default small): small = implicit 100k x 20k"
            + " x 1M and ratings 100k (5-fold); large = implicit 1M x 100k x 10M and ratings 1M",
        "  --implicit small|large|off   the implicit ALS part only at this size",
        "  --ratings 100k|1m|off  the ratings part (100k: k-fold CV, 1m: one 80/20 split)",
        "  --ratings-file PATH    k-fold CV on a MovieLens u.data file instead of synthetic"
            + " ratings",
        "  --implicit-file PATH   the implicit ALS part on a MovieLens u.data file (ratings as"
            + " confidences, per-user 20% by time held out) instead of synthetic events",
        "  --peers spark,mahout   which peers to run (default both; 'none' for reco only)",
        "  --reco auto|off        run reco's trainers when present in the build (default auto)",
        "  --threads N            Spark local[N] and reco threads (default 2)",
        "  --iterations N         implicit ALS iterations (default 10)",
        "  --reco-solver cg|cholesky  reco's implicit ALS solver (default cg; Spark is exact)",
        "  --cg-steps N           reco's conjugate-gradient steps per row (default 3)",
        "  --factors N            implicit ALS rank (default 64)",
        "  --reg X --alpha X      implicit ALS lambda (default 0.1) and alpha (default 1.0)",
        "  --explicit-factors N --explicit-iterations N --explicit-reg X   explicit ALS"
            + " (default 20, 15, 0.1)",
        "  --mahout-epochs N      Mahout epochs (default 40; 100 factors, reg 0.05)",
        "  --svd-preset NAME      static factory of reco's BiasedSvdConfig (default defaults)",
        "  --svd name=value,...   then BiasedSvdConfig.withName(value) for each, e.g."
            + " --svd factors=50,epochs=40,learningRate=0.01,regularization=0.05;"
            + " several doubles separated by ':', e.g. learningRates=0.005:0.005:0.01:0.01",
        "  --folds K              folds for the 100k ratings (default 5)",
        "  --eval-users N         test users sampled for P@10 (default 10000)",
        "  --seed S               data, split and model seed (default 42)",
        "  --no-warmup            skip the warm-up fits on small data",
        "  --spark-fit-per-iteration   Spark's time per iteration = fit / iterations, without the"
            + " extra 1-iteration fit that otherwise gives (fit(N) - fit(1)) / (N - 1)");

    boolean help;
    String implicitSize = "small";
    String ratingsSize = "100k";
    boolean spark = true;
    boolean mahout = true;
    boolean reco = true;
    boolean warmup = true;
    boolean sparkMarginal = true;
    int threads = 2;
    int folds = 5;
    int evalUsers = 10_000;
    long seed = 42;
    String svdPreset = "defaults";
    Map<String, String> svdOverrides = new LinkedHashMap<>();
    Path ratingsFile;
    Path implicitFile;
    AlsConfig.Solver recoSolver = AlsConfig.Solver.CONJUGATE_GRADIENT;
    int cgSteps = 3;
    AlsSettings implicitSettings = AlsSettings.implicitDefaults();
    AlsSettings explicitSettings = AlsSettings.explicitDefaults();
    MahoutSgdPeer.Settings mahoutSettings = MahoutSgdPeer.Settings.issueDefaults();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int a = 0; a < args.length; a++) {
        String name = args[a];
        if (name.equals("--help") || name.equals("-h")) {
          o.help = true;
          continue;
        }
        if (name.equals("--no-warmup")) {
          o.warmup = false;
          continue;
        }
        if (name.equals("--spark-fit-per-iteration")) {
          o.sparkMarginal = false;
          continue;
        }
        if (name.equals("small") || name.equals("large")) {
          o.implicitSize = name;
          o.ratingsSize = name.equals("large") ? "1m" : "100k";
          continue;
        }
        if (a + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String v = args[++a];
        switch (name) {
          case "--size" -> {
            o.implicitSize = oneOf(name, v, "small", "large");
            o.ratingsSize = v.equals("large") ? "1m" : "100k";
          }
          case "--implicit" -> o.implicitSize = off(oneOf(name, v, "small", "large", "off"));
          case "--ratings" -> o.ratingsSize = off(oneOf(name, v, "100k", "1m", "off"));
          case "--peers" -> {
            List<String> peers = List.of(v.split(","));
            for (String p : peers) {
              oneOf(name, p, "spark", "mahout", "none");
            }
            o.spark = peers.contains("spark");
            o.mahout = peers.contains("mahout");
          }
          case "--reco" -> o.reco = oneOf(name, v, "auto", "off").equals("auto");
          case "--threads" -> o.threads = positive(name, v);
          case "--iterations" ->
              o.implicitSettings = o.implicitSettings.withIterations(positive(name, v));
          case "--factors" -> o.implicitSettings = o.implicitSettings.withFactors(positive(name, v));
          case "--reg" ->
              o.implicitSettings = o.implicitSettings.withRegularization(number(name, v));
          case "--alpha" -> o.implicitSettings = o.implicitSettings.withAlpha(number(name, v));
          case "--explicit-factors" ->
              o.explicitSettings = o.explicitSettings.withFactors(positive(name, v));
          case "--explicit-iterations" ->
              o.explicitSettings = o.explicitSettings.withIterations(positive(name, v));
          case "--explicit-reg" ->
              o.explicitSettings = o.explicitSettings.withRegularization(number(name, v));
          case "--mahout-epochs" -> {
            MahoutSgdPeer.Settings m = o.mahoutSettings;
            o.mahoutSettings = new MahoutSgdPeer.Settings(m.factors(), positive(name, v),
                m.learningRate(), m.regularization(), m.initNoise(), m.learningRateDecay());
          }
          case "--svd-preset" -> o.svdPreset = v;
          case "--svd" -> {
            for (String pair : v.split(",")) {
              int eq = pair.indexOf('=');
              if (eq < 1 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(
                    "--svd = " + v + "; expected name=value[,name=value...]");
              }
              o.svdOverrides.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
          }
          case "--ratings-file" -> {
            o.ratingsFile = Path.of(v);
            if (!Files.isRegularFile(o.ratingsFile)) {
              throw new IllegalArgumentException(
                  "--ratings-file = " + v + "; expected a readable MovieLens u.data file");
            }
          }
          case "--implicit-file" -> {
            o.implicitFile = Path.of(v);
            if (!Files.isRegularFile(o.implicitFile)) {
              throw new IllegalArgumentException(
                  "--implicit-file = " + v + "; expected a readable MovieLens u.data file");
            }
            o.implicitSize = "file";
          }
          case "--reco-solver" -> o.recoSolver = oneOf(name, v, "cg", "cholesky").equals("cg")
              ? AlsConfig.Solver.CONJUGATE_GRADIENT : AlsConfig.Solver.CHOLESKY;
          case "--cg-steps" -> o.cgSteps = positive(name, v);
          case "--folds" -> {
            o.folds = positive(name, v);
            if (o.folds < 2) {
              throw new IllegalArgumentException("--folds = " + v + "; expected >= 2");
            }
          }
          case "--eval-users" -> o.evalUsers = positive(name, v);
          case "--seed" -> o.seed = parseLong(name, v);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (o.ratingsFile != null && o.ratingsSize == null) {
        o.ratingsSize = "100k";
      }
      o.implicitSettings = withSeed(o.implicitSettings, o.seed);
      o.explicitSettings = withSeed(o.explicitSettings, o.seed);
      return o;
    }

    private static AlsSettings withSeed(AlsSettings s, long seed) {
      return new AlsSettings(s.factors(), s.iterations(), s.regularization(), s.alpha(),
          s.implicit(), seed);
    }

    private static String off(String v) {
      return v.equals("off") ? null : v;
    }

    private static String oneOf(String name, String v, String... allowed) {
      if (!List.of(allowed).contains(v)) {
        throw new IllegalArgumentException(
            name + " = " + v + "; expected one of " + String.join(", ", allowed));
      }
      return v;
    }

    private static int positive(String name, String v) {
      try {
        int n = Integer.parseInt(v);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " = " + v + "; expected an integer >= 1");
    }

    private static double number(String name, String v) {
      try {
        double x = Double.parseDouble(v);
        if (x >= 0 && x < Double.POSITIVE_INFINITY) {
          return x;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " = " + v + "; expected a finite number >= 0");
    }

    private static long parseLong(String name, String v) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " = " + v + "; expected an integer", e);
      }
    }
  }
}
