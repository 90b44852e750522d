package dev.reco.examples;

import dev.reco.monitoring.drift.DatasetDrift;
import dev.reco.monitoring.drift.DatasetDriftConfig;
import dev.reco.monitoring.drift.DriftFrame;
import dev.reco.monitoring.report.DriftReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a drift report (HTML and JSON) comparing two synthetic feature tables, where the
 * current table has a planted shift in two features: {@code basket_value} (order values 25 %
 * higher) and {@code device} (mobile share up from 55 % to 70 %). The other five features,
 * including one with 5 % missing values on both sides, come from the same distributions.
 *
 * <p>Run: {@code java -cp ... dev.reco.examples.DriftReportExample [output-dir]}; the report
 * lands in {@code output-dir} (default {@code target/drift-report}) as {@code drift.html} and
 * {@code drift.json}.
 */
public final class DriftReportExample {
  private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
  private static final String[] COUNTRIES = {"DE", "FR", "GB", "ES", "IT", "NL", "PL", "SE"};

  private DriftReportExample() {}

  /**
   * Runs the example.
   *
   * @param args optional output directory
   * @throws IOException if the report cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/drift-report");
    DriftReport report = run(dir, 50_000, 20261123L);
    System.out.println(report.summary());
    System.out.println("drifted: " + report.drift().driftedColumnNames());
    System.out.println("wrote " + dir.resolve("drift.html").toAbsolutePath() + " and drift.json");
  }

  /**
   * Compares a reference and a shifted current table of {@code rows} rows each and writes the
   * report into {@code dir}.
   *
   * @param dir output directory, created if absent
   * @param rows rows per table
   * @param seed random seed
   * @return the report
   * @throws IOException if the report cannot be written
   */
  public static DriftReport run(Path dir, int rows, long seed) throws IOException {
    DriftFrame reference = features(rows, new SplittableRandom(seed), false);
    DriftFrame current = features(rows, new SplittableRandom(seed + 1), true);
    DatasetDrift drift = DatasetDrift.compare(reference, current, DatasetDriftConfig.defaults());
    DriftReport report = DriftReport.builder(drift).title("Feature drift: last week vs training")
        .frames(reference, current).build();
    Files.createDirectories(dir);
    report.writeHtml(dir.resolve("drift.html"));
    report.writeJson(dir.resolve("drift.json"));
    return report;
  }

  /** One feature table; {@code shifted} plants the two shifts. */
  static DriftFrame features(int rows, SplittableRandom r, boolean shifted) {
    double[] sessions = new double[rows];
    double[] basket = new double[rows];
    double[] recency = new double[rows];
    double[] age = new double[rows];
    double[] score = new double[rows];
    String[] device = new String[rows];
    String[] country = new String[rows];
    double mobileShare = shifted ? 0.70 : 0.55;
    for (int i = 0; i < rows; i++) {
      sessions[i] = poisson(r, 4.0);
      basket[i] = Math.exp(3.5 + 0.6 * gaussian(r)) * (shifted ? 1.25 : 1.0);
      recency[i] = -Math.log(1.0 - r.nextDouble()) * 9.0;
      age[i] = r.nextDouble() < 0.05 ? Double.NaN : 38 + 11 * gaussian(r);
      double u = r.nextDouble();
      score[i] = u * u;
      double d = r.nextDouble();
      device[i] = d < mobileShare ? DEVICES[0]
          : d < mobileShare + (1 - mobileShare) * 0.75 ? DEVICES[1] : DEVICES[2];
      country[i] = COUNTRIES[Math.min(COUNTRIES.length - 1,
          (int) (-Math.log(1.0 - r.nextDouble()) * 2.5))];
    }
    return DriftFrame.builder().numeric("sessions_7d", sessions).numeric("basket_value", basket)
        .numeric("days_since_last", recency).numeric("age", age).numeric("model_score", score)
        .categorical("device", device).categorical("country", country).build();
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static int poisson(SplittableRandom r, double mean) {
    double limit = Math.exp(-mean);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }
}
