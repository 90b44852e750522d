package dev.reco.examples;

import dev.reco.core.synth.SyntheticConfig;
import dev.reco.core.synth.SyntheticData;
import dev.reco.features.events.EventLog;
import dev.reco.features.events.RfmScorer;
import dev.reco.features.events.TrainingSet;
import dev.reco.features.events.WindowFeatures;
import dev.reco.features.quality.ColumnRule;
import dev.reco.features.quality.DataQuality;
import dev.reco.features.quality.DataQualityReport;
import dev.reco.features.quality.QualitySchema;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Customer features from the synthetic event log: windowed counts and sums per event type, days
 * since the last event, a trend, RFM with quintile scores fitted on the population, a
 * leakage-free training set ("will the customer purchase in the next 14 days", features strictly
 * before the cutoff, label strictly after), and a data-quality report over the result.
 *
 * <p>Run with {@code ./mvnw -q -Pdemo package -DskipTests -Ddemo.mainClass=dev.reco.examples.FeaturesExample}.
 */
public final class FeaturesExample {
  private FeaturesExample() {}

  /**
   * What the example built.
   *
   * @param training the training table: entity, as_of, features, RFM scores, the label
   * @param report the data-quality report of the training table
   * @param cutoff the cutoff: features use events before it, the label events after it
   */
  public record Outcome(Table training, DataQualityReport report, long cutoff) {}

  /**
   * Runs the example on 5,000 customers and 200,000 events.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(SyntheticConfig.defaults().withUsers(5_000).withItems(1_000).withEvents(200_000)
        .withSeed(42), System.out);
  }

  /**
   * Builds the features and the report and prints them.
   *
   * @param config the synthetic data to generate
   * @param out where to print
   * @return what was built
   */
  public static Outcome run(SyntheticConfig config, PrintStream out) {
    out.println("reco features: windowed counts, RFM, a leakage-free label, data quality");
    EventLog log = EventLog.fromSynthetic(SyntheticData.generate(config));
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < log.size(); i++) {
      first = Math.min(first, log.time(i));
      last = Math.max(last, log.time(i));
    }
    Duration horizon = Duration.ofDays(14);
    long cutoff = last - horizon.toMillis();
    out.printf(Locale.ROOT, "%,d events of %,d customers from %s to %s; cutoff %s%n%n", log.size(),
        log.entities().size(), Instant.ofEpochMilli(first), Instant.ofEpochMilli(last),
        Instant.ofEpochMilli(cutoff));

    WindowFeatures spec = WindowFeatures.builder()
        .windows(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90))
        .eventTypes("view", "add_to_cart", "purchase")
        .aggregations(WindowFeatures.Aggregation.COUNT, WindowFeatures.Aggregation.SUM)
        .trend(Duration.ofDays(7), Duration.ofDays(30))
        .rfm("purchase", Duration.ofDays(90))
        .build();
    List<String> customers = new ArrayList<>(log.entities().size());
    for (int e = 0; e < log.entities().size(); e++) {
      customers.add(log.entities().idOf(e));
    }
    Table training = TrainingSet.builder(log, spec)
        .rows(customers, cutoff)
        .didWithin("purchase", horizon)
        .threads(2)
        .build();
    RfmScorer rfm = RfmScorer.fit(training);
    training = rfm.apply(training);
    out.printf(Locale.ROOT, "%d columns per customer: %s ...%n", training.schema().size(),
        training.schema().names().subList(0, 8));
    for (Column label : training.columns()) {
      if (!(label instanceof BooleanColumn b)) {
        continue;
      }
      int positives = 0;
      for (int r = 0; r < b.size(); r++) {
        positives += b.get(r) ? 1 : 0;
      }
      out.printf(Locale.ROOT, "label %s: %d of %d customers (%.1f%%)%n", b.name(), positives,
          b.size(), 100.0 * positives / b.size());
    }
    out.printf(Locale.ROOT, "RFM quintile cuts: recency %s, frequency %s, monetary %s%n%n",
        format(rfm.recencyCuts()), format(rfm.frequencyCuts()), format(rfm.monetaryCuts()));

    QualitySchema schema = QualitySchema.of(
        ColumnRule.of("entity", ColumnType.CATEGORICAL).required().requireUnique(),
        ColumnRule.of("purchase_count_30d", ColumnType.DOUBLE).required().range(0, 1_000),
        ColumnRule.of("view_count_7d", ColumnType.DOUBLE).required().range(0, 10_000),
        ColumnRule.of("purchase_sum_90d", ColumnType.DOUBLE).required().range(0, 1e7),
        ColumnRule.of("days_since_last", ColumnType.DOUBLE).maxMissing(0.05).range(0, 3_650),
        ColumnRule.of("trend_7d_30d", ColumnType.DOUBLE).maxMissing(0.5).range(0, 10));
    DataQualityReport report = DataQuality.check(training, schema);
    out.println(report.toText());
    out.println("(days_since_last is missing for customers whose first event comes after the "
        + "cutoff: filter them out or impute before training)");
    return new Outcome(training, report, cutoff);
  }

  private static String format(double[] cuts) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < cuts.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", cuts[i]));
    }
    return sb.append(']').toString();
  }

  /** The values of a double column, for tests. */
  static double[] values(Table table, String column) {
    DoubleColumn c = table.doubleColumn(column);
    return c.toArray();
  }
}
