package dev.reco.examples;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.baseline.CategoryPopularity;
import dev.reco.core.baseline.MostPopular;
import dev.reco.core.baseline.MostPopularConfig;
import dev.reco.core.baseline.RandomRecommender;
import dev.reco.core.baseline.RandomRecommenderConfig;
import dev.reco.core.baseline.RecencyPopularity;
import dev.reco.core.baseline.RecencyPopularityConfig;
import dev.reco.core.eval.ComparisonConfig;
import dev.reco.core.eval.EvaluationResult;
import dev.reco.core.eval.Evaluator;
import dev.reco.core.eval.Measure;
import dev.reco.core.eval.Metric;
import dev.reco.core.eval.OfflineComparison;
import dev.reco.core.io.Column;
import dev.reco.core.io.DelimitedFormat;
import dev.reco.core.io.DelimitedLoader;
import dev.reco.core.io.LoadOptions;
import dev.reco.core.io.LoadResult;
import dev.reco.core.io.TimestampFormat;
import dev.reco.core.recommend.FallbackRecommender;
import dev.reco.core.recommend.ItemCategories;
import dev.reco.core.recommend.Recommendations;
import dev.reco.core.recommend.RecommendOptions;
import dev.reco.core.recommend.Recommender;
import dev.reco.core.split.Split;
import dev.reco.core.split.SplitReport;
import dev.reco.core.split.Splitter;
import dev.reco.core.synth.ItemCatalog;
import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.models.als.AlsConfig;
import dev.reco.models.als.AlsTrainer;
import dev.reco.models.mf.FitOptions;
import dev.reco.models.mf.MatrixFactorizationFormat;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end demo on generated data: generate an e-commerce event log, write it as CSV, load
 * it back, split it by time, fit the baselines and implicit ALS, evaluate them, and compare ALS
 * with popularity and the best model with random.
 *
 * <p>Run from a clean clone with {@code ./mvnw -q -Pdemo package -DskipTests}. Arguments:
 * {@code --users N --items N --events N --seed N} override the synthetic data's defaults.
 */
public final class Demo {
  private Demo() {}

  /** What the demo computed, for callers (and tests) that want more than the printout. */
  public record Outcome(Interactions data, Split split, List<EvaluationResult> results,
      OfflineComparison alsVersusPopularity, OfflineComparison bestVersusRandom) {}

  /**
   * The ALS settings the demo uses: 8 factors for the data's 8 planted taste clusters, strong
   * regularization, confidence 1 + 10·r (docs/als.md shows the search that chose them).
   */
  public static final AlsConfig ALS = AlsConfig.implicitDefaults()
      .withFactors(8)
      .withRegularization(100)
      .withConfidence(AlsConfig.Confidence.ONE_PLUS_LINEAR)
      .withAlpha(10)
      .withIterations(15)
      .withSeed(42);

  /**
   * Runs the demo with the default synthetic data (or the sizes given as arguments).
   *
   * @param args {@code --users N --items N --events N --seed N}, all optional
   * @throws IOException if the temporary CSV cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    SyntheticConfig config = SyntheticConfig.defaults().withSeed(42);
    for (int a = 0; a < args.length; a++) {
      String flag = args[a];
      if (flag.isBlank()) {
        continue;
      }
      if (a + 1 >= args.length) {
        throw new IllegalArgumentException("argument " + flag + " needs a value");
      }
      String value = args[++a];
      switch (flag) {
        case "--users" -> config = config.withUsers(Integer.parseInt(value));
        case "--items" -> config = config.withItems(Integer.parseInt(value));
        case "--events" -> config = config.withEvents(Long.parseLong(value));
        case "--seed" -> config = config.withSeed(Long.parseLong(value));
        default -> throw new IllegalArgumentException(
            "unknown argument " + flag + "; expected --users, --items, --events or --seed");
      }
    }
    run(config, System.out, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs every step and prints the tables.
   *
   * @param config the synthetic data to generate
   * @param out where to print
   * @param threads evaluation threads
   * @return what was computed
   * @throws IOException if the temporary CSV cannot be written or read
   */
  public static Outcome run(SyntheticConfig config, PrintStream out, int threads) throws IOException {
    long started = System.nanoTime();
    out.println("reco demo: the whole loop on a generated e-commerce event log");
    out.println();
    Progress progress = new Progress(out, 6);

    // 1. Generate events and write them as CSV, counting lines for the progress bar.
    progress.start(String.format(Locale.ROOT, "Generating %,d events", config.events()));
    SyntheticData synthetic = SyntheticData.generate(config);
    Path csv = Files.createTempFile("reco-demo-events", ".csv");
    try {
      try (Writer writer = new LineCountingWriter(
          Files.newBufferedWriter(csv, StandardCharsets.UTF_8), config.events(), progress)) {
        synthetic.writeCsv(writer);
      }
      progress.done();

      // 2. Load the CSV back, as a user would load their own export.
      progress.start("Loading the CSV back with DelimitedLoader");
      DelimitedFormat format = DelimitedFormat.csv("user", "item")
          .withValue(Column.named("value"))
          .withTimestamp(Column.named("timestamp"), TimestampFormat.UNIX_MILLIS)
          .withEventType(Column.named("event"));
      LoadResult loaded = DelimitedLoader.load(csv, format, LoadOptions.strict(DuplicatePolicy.SUM));
      progress.done();
      Interactions data = loaded.interactions();
      printDataset(out, synthetic, data, loaded);

      // 3. Split by time: the last 20% of the time range is the test period.
      progress.start("Splitting by time (last 20% -> test)");
      Split split = Splitter.globalTimeFraction(0.2).split(data);
      progress.done();
      printSplit(out, split.report());

      // 4. Fit the baselines.
      ItemCategories categories = categoriesOf(synthetic.items(), data);
      Instant reference = Instant.ofEpochMilli(latest(split.train()));
      List<String> names = List.of("popularity", "popularity-14d", "recency-category",
          "category-popularity", "random");
      progress.start("Fitting " + names.size() + " baselines");
      MostPopular popular = MostPopular.fit(split.train());
      List<Recommender> models = new ArrayList<>();
      models.add(popular);
      progress.update(0.2);
      models.add(MostPopular.fit(split.train(),
          MostPopularConfig.defaults().withWindow(Duration.ofDays(14))));
      progress.update(0.4);
      models.add(RecencyPopularity.fit(split.train(), categories,
          RecencyPopularityConfig.defaults().withReference(reference)));
      progress.update(0.6);
      models.add(FallbackRecommender.filling(CategoryPopularity.fit(split.train(), categories), popular));
      progress.update(0.8);
      models.add(RandomRecommender.fit(split.train(), RandomRecommenderConfig.withSeed(7)));
      progress.done();

      // 5. Train implicit ALS; the listener drives the progress bar.
      progress.start("Training implicit ALS (k=" + ALS.factors() + ", " + ALS.iterations() + " iterations)");
      MatrixFactorizationModel als = new AlsTrainer(ALS).fit(split.train(), FitOptions.defaults()
          .withThreads(threads)
          .withListener(report -> progress.update(report.fractionDone())));
      progress.done();
      names = new ArrayList<>(names);
      names.add(0, "als (+popularity)");
      models.add(0, FallbackRecommender.filling(als, popular));

      // 6. Evaluate them on the test period.
      progress.start("Evaluating on " + threads + " thread(s)");
      Evaluator evaluator = Evaluator.builder()
          .metrics(Metric.precision(10), Metric.recall(10), Metric.ndcg(10),
              Metric.at(Measure.COVERAGE, 10))
          .beyondAccuracy(false)
          .threads(threads)
          .build();
      List<EvaluationResult> results = new ArrayList<>();
      for (int m = 0; m < models.size(); m++) {
        results.add(evaluator.evaluate(names.get(m), models.get(m), split));
        progress.update((m + 1.0) / models.size());
      }
      progress.done();

      out.println();
      out.println("Models on the test period (relevant = any test event; seen items excluded):");
      out.print(EvaluationResult.table(results));

      EvaluationResult alsResult = results.get(0);
      EvaluationResult popularResult = results.get(1);
      OfflineComparison alsVersusPopularity = OfflineComparison.compare(alsResult, popularResult,
          Metric.ndcg(10), ComparisonConfig.withSeed(1));
      out.println();
      out.println("Offline A/B: ALS vs most popular, per user, paired bootstrap (2,000 resamples):");
      out.print(alsVersusPopularity);
      out.println(alsVersusPopularity.aIsBetter()
          ? "ALS is better than popularity: the 95% interval lies above zero."
          : "No significant difference at 95%.");

      EvaluationResult best = results.stream()
          .filter(r -> !r.name().equals("random"))
          .max(Comparator.comparingDouble(r -> r.value(Metric.ndcg(10))))
          .orElseThrow();
      EvaluationResult random = results.get(results.size() - 1);
      OfflineComparison comparison = OfflineComparison.compare(best, random, Metric.ndcg(10),
          ComparisonConfig.withSeed(1));
      out.println();
      out.println("Offline A/B: " + best.name() + " vs random:");
      out.print(comparison);
      out.println(comparison.aIsBetter()
          ? best.name() + " is better than random: the 95% interval lies above zero."
          : "No significant difference at 95%.");

      String user = data.users().idOf(split.testUsers()[0]);
      Recommendations top = best.name().equals("random") ? null
          : models.get(names.indexOf(best.name())).recommend(user, 5);
      if (top != null) {
        out.println();
        out.println("Top 5 for user " + user + " from " + best.name() + " (source: " + top.source().name() + "):");
        for (int r = 0; r < top.size(); r++) {
          int item = synthetic.items().ids().indexOf(top.itemId(r));
          out.printf(Locale.ROOT, "  %d. %-8s %-14s score %.3f%n", r + 1, top.itemId(r),
              synthetic.items().categoryName(synthetic.items().category(item)), top.score(r));
        }
      }
      printSimilarItems(out, als, synthetic.items(), user);
      printSaveAndLoad(out, als, user);
      out.println();
      out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
      return new Outcome(data, split, List.copyOf(results), alsVersusPopularity, comparison);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Items closest (cosine of ALS item vectors) to the user's top ALS recommendation. */
  private static void printSimilarItems(PrintStream out, MatrixFactorizationModel als,
      ItemCatalog catalog, String user) {
    Recommendations forUser = als.recommend(user, 1);
    if (forUser.size() == 0) {
      return;
    }
    String item = forUser.itemId(0);
    Recommendations similar = als.similarItems(item, 5, RecommendOptions.defaults());
    out.println();
    out.println("Items similar to " + item + " (" + categoryOf(catalog, item)
        + "), cosine of ALS item vectors:");
    for (int r = 0; r < similar.size(); r++) {
      out.printf(Locale.ROOT, "  %d. %-8s %-14s cosine %.3f%n", r + 1, similar.itemId(r),
          categoryOf(catalog, similar.itemId(r)), similar.score(r));
    }
  }

  private static String categoryOf(ItemCatalog catalog, String itemId) {
    return catalog.categoryName(catalog.category(catalog.ids().indexOf(itemId)));
  }

  /** Saves the ALS model in the binary envelope, loads it back and checks it serves the same. */
  private static void printSaveAndLoad(PrintStream out, MatrixFactorizationModel als, String user)
      throws IOException {
    Path file = Files.createTempFile("reco-demo-als", ".reco");
    try {
      MatrixFactorizationFormat.write(file, als);
      MatrixFactorizationModel loaded = MatrixFactorizationFormat.read(file);
      boolean same = loaded.equals(als)
          && loaded.recommend(user, 10).equals(als.recommend(user, 10));
      out.println();
      out.printf(Locale.ROOT, "ALS model saved (%,d bytes, SHA-256 checked on load) and loaded"
          + " back: %s%n", Files.size(file), same ? "bit-identical, same recommendations"
          : "DIFFERENT");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static ItemCategories categoriesOf(ItemCatalog catalog, Interactions data) {
    ItemCategories.Builder builder = ItemCategories.builder(data.items());
    for (int i = 0; i < data.numItems(); i++) {
      int item = catalog.ids().indexOf(data.items().idOf(i));
      builder.put(i, catalog.categoryName(catalog.category(item)));
    }
    return builder.build();
  }

  private static long latest(Interactions data) {
    long max = Long.MIN_VALUE;
    for (int r = 0; r < data.size(); r++) {
      max = Math.max(max, data.timestamp(r));
    }
    return max;
  }

  private static void printDataset(PrintStream out, SyntheticData synthetic, Interactions data,
      LoadResult loaded) {
    long[] perType = new long[data.eventTypes().size()];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int r = 0; r < data.size(); r++) {
      perType[data.eventType(r)]++;
      first = Math.min(first, data.timestamp(r));
      last = Math.max(last, data.timestamp(r));
    }
    out.println();
    out.println("Dataset");
    row(out, "events (lines loaded)", String.format(Locale.ROOT, "%,d", loaded.report().rowsAccepted()));
    row(out, "user-item pairs (duplicates summed)", String.format(Locale.ROOT, "%,d (%,d merged)",
        data.size(), loaded.report().duplicatesMerged()));
    row(out, "users with events / generated", String.format(Locale.ROOT, "%,d / %,d",
        data.activeUsers(), synthetic.users().size()));
    row(out, "items with events / catalog", String.format(Locale.ROOT, "%,d / %,d",
        data.activeItems(), synthetic.items().size()));
    row(out, "density", String.format(Locale.ROOT, "%.3f%%",
        100.0 * data.size() / ((double) data.numUsers() * data.numItems())));
    row(out, "categories", Integer.toString(synthetic.items().categories()));
    row(out, "new users / new items (cold start)", String.format(Locale.ROOT, "%,d / %,d",
        synthetic.users().newUsers(), synthetic.items().newItems()));
    row(out, "period", Instant.ofEpochMilli(first) + " .. " + Instant.ofEpochMilli(last));
    StringBuilder types = new StringBuilder();
    for (int t = 0; t < perType.length; t++) {
      types.append(t == 0 ? "" : ", ").append(data.eventTypes().idOf(t)).append(' ')
          .append(String.format(Locale.ROOT, "%,d", perType[t]));
    }
    row(out, "latest event type per pair", types.toString());
    row(out, "heap held by the columns", String.format(Locale.ROOT, "%,d bytes (%.0f per pair)",
        data.columnBytes(), (double) data.columnBytes() / data.size()));
    out.println();
  }

  private static void printSplit(PrintStream out, SplitReport report) {
    out.println();
    out.println("Split " + report.description());
    row(out, "train rows / test rows", String.format(Locale.ROOT, "%,d / %,d", report.trainRows(), report.testRows()));
    row(out, "test users (cold: no train rows)", String.format(Locale.ROOT, "%,d (%,d)",
        report.testUsers(), report.testOnlyUsers()));
    row(out, "test items (cold: no train rows)", String.format(Locale.ROOT, "%,d (%,d)",
        report.testItems(), report.testOnlyItems()));
    out.println();
  }

  private static void row(PrintStream out, String label, String value) {
    out.printf(Locale.ROOT, "  %-36s %s%n", label, value);
  }

  /** Counts written lines and moves the progress bar toward the expected line count. */
  private static final class LineCountingWriter extends FilterWriter {
    private final long expectedLines;
    private final Progress progress;
    private long lines;

    LineCountingWriter(Writer out, long expectedLines, Progress progress) {
      super(out);
      this.expectedLines = Math.max(1, expectedLines);
      this.progress = progress;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      super.write(buf, off, len);
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          lines++;
        }
      }
      progress.update((double) lines / expectedLines);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      super.write(s, off, len);
      for (int i = off; i < off + len; i++) {
        if (s.charAt(i) == '\n') {
          lines++;
        }
      }
      progress.update((double) lines / expectedLines);
    }

    @Override
    public void write(int c) {
      try {
        super.write(c);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (c == '\n') {
        lines++;
      }
    }
  }
}
