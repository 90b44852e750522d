package dev.reco.monitoring.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.reco.core.format.AtomicFiles;
import dev.reco.monitoring.drift.ColumnDrift;
import dev.reco.monitoring.drift.ColumnType;
import dev.reco.monitoring.drift.DatasetDrift;
import dev.reco.monitoring.drift.DriftFrame;
import dev.reco.monitoring.drift.DriftResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A drift report: a {@link DatasetDrift} comparison with the distributions behind it, written as
 * JSON ({@link #toJson()}) or as one self-contained HTML page ({@link #toHtml()}).
 *
 * <p>Both forms hold a summary line ("drift detected in k of n columns"), then one row per
 * column sorted with drifted columns first (then by adjusted p-value, then by name): type, test,
 * statistic, p-value (as corrected for multiple testing), effect size and its threshold, missing
 * shares and the verdict. When the two {@link DriftFrame}s are given, every column also gets its
 * reference and current distribution on shared bins, drawn in the HTML as an inline SVG chart.
 * The HTML references nothing outside itself (no scripts, fonts or style sheets).
 *
 * <p>Immutable and thread-safe. Example:
 *
 * <pre>{@code
 * DatasetDrift drift = DatasetDrift.compare(reference, current, DatasetDriftConfig.defaults());
 * DriftReport report = DriftReport.builder(drift).title("features, week 47")
 *     .frames(reference, current).build();
 * report.writeHtml(Path.of("drift.html"));
 * report.writeJson(Path.of("drift.json"));
 * }</pre>
 */
public final class DriftReport {
  /** Format name written into the JSON report. */
  public static final String FORMAT = "reco-drift-report";
  /** Version of the JSON layout; bumped on any incompatible change. */
  public static final int VERSION = 1;

  private final DatasetDrift drift;
  private final String title;
  private final Instant generatedAt;
  private final List<ColumnDrift> rows;
  private final List<Distribution> distributions;

  private DriftReport(Builder b) {
    this.drift = b.drift;
    this.title = b.title;
    this.generatedAt = b.generatedAt != null ? b.generatedAt : Instant.now();
    List<ColumnDrift> sorted = new ArrayList<>(drift.columns());
    sorted.sort(ORDER);
    this.rows = List.copyOf(sorted);
    List<Distribution> dists = new ArrayList<>(rows.size());
    for (ColumnDrift c : rows) {
      dists.add(b.reference == null ? null : distribution(c, b));
    }
    this.distributions = java.util.Collections.unmodifiableList(dists);
  }

  /** Drifted first, then ascending adjusted p-value (missing last), then name. */
  private static final Comparator<ColumnDrift> ORDER = Comparator
      .comparing((ColumnDrift c) -> !c.drifted())
      .thenComparingDouble(c -> Double.isNaN(c.valuesAdjustedPValue()) ? 2.0
          : c.valuesAdjustedPValue())
      .thenComparing(ColumnDrift::column);

  private static Distribution distribution(ColumnDrift c, Builder b) {
    if (c.type() == ColumnType.NUMERIC) {
      return Distribution.numeric(b.reference.numeric(c.column()), b.current.numeric(c.column()),
          b.histogramBins);
    }
    return Distribution.categorical(b.reference.categorical(c.column()),
        b.current.categorical(c.column()), b.maxCategories);
  }

  /**
   * Starts a report on a comparison.
   *
   * @param drift the comparison
   * @return a builder
   * @throws NullPointerException if {@code drift} is null
   */
  public static Builder builder(DatasetDrift drift) {
    return new Builder(drift);
  }

  /**
   * Returns the comparison this report shows.
   *
   * @return the comparison
   */
  public DatasetDrift drift() {
    return drift;
  }

  /**
   * Returns the column names in report order: drifted first, then by adjusted p-value, then by
   * name.
   *
   * @return the ordered names
   */
  public List<String> columnOrder() {
    return rows.stream().map(ColumnDrift::column).toList();
  }

  /**
   * Returns the summary line, {@link DatasetDrift#summary()}.
   *
   * @return the summary
   */
  public String summary() {
    return drift.summary();
  }

  /**
   * Renders the report as pretty-printed JSON (UTF-8). {@code NaN} numbers are written as
   * {@code null}. Layout: see {@code docs/drift-reports.md}.
   *
   * @return the JSON text
   */
  public String toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the JSON report to a stream (UTF-8), leaving the stream open.
   *
   * @param out the stream
   * @throws IOException if writing fails
   */
  public void writeJson(OutputStream out) throws IOException {
    JsonFactory factory = new JsonFactory();
    factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeStringField("title", title);
      g.writeStringField("generatedAt", generatedAt.toString());
      g.writeStringField("summary", drift.summary());
      g.writeNumberField("columns", drift.columns().size());
      g.writeNumberField("driftedColumns", drift.driftedColumns());
      number(g, "driftedShare", drift.driftedShare());
      number(g, "driftShareThreshold", drift.config().driftShare());
      g.writeBooleanField("datasetDrift", drift.datasetDrift());
      number(g, "alpha", drift.config().alpha());
      g.writeStringField("correction", drift.config().correction().name());
      g.writeArrayFieldStart("results");
      for (int i = 0; i < rows.size(); i++) {
        ColumnDrift c = rows.get(i);
        g.writeStartObject();
        g.writeStringField("column", c.column());
        g.writeStringField("type", c.type().name());
        g.writeBooleanField("drifted", c.drifted());
        g.writeBooleanField("valuesDrifted", c.valuesDrifted());
        g.writeBooleanField("missingDrifted", c.missingDrifted());
        g.writeFieldName("values");
        result(g, c.values(), c.valuesAdjustedPValue());
        g.writeFieldName("missing");
        result(g, c.missing(), c.missingAdjustedPValue());
        Distribution d = distributions.get(i);
        if (d != null) {
          g.writeObjectFieldStart("distribution");
          g.writeStringField("kind", d.numeric() ? "histogram" : "categories");
          if (d.numeric()) {
            array(g, "edges", d.edges());
          } else {
            g.writeArrayFieldStart("labels");
            for (String label : d.labels()) {
              g.writeString(label);
            }
            g.writeEndArray();
          }
          array(g, "reference", d.reference());
          array(g, "current", d.current());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void result(JsonGenerator g, DriftResult r, double adjusted) throws IOException {
    g.writeStartObject();
    g.writeStringField("test", r.test());
    number(g, "statistic", r.statistic());
    number(g, "pValue", r.pValue());
    number(g, "adjustedPValue", adjusted);
    g.writeStringField("effect", r.effect());
    number(g, "effectSize", r.effectSize());
    number(g, "effectThreshold", r.effectThreshold());
    g.writeStringField("verdict", r.verdict().name());
    g.writeNumberField("referenceCount", r.referenceCount());
    g.writeNumberField("currentCount", r.currentCount());
    g.writeNumberField("referenceMissing", r.referenceMissing());
    g.writeNumberField("currentMissing", r.currentMissing());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }

  private static void array(JsonGenerator g, String name, double[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (double v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  /**
   * Atomically writes the JSON report to a file.
   *
   * @param file the target; its directory must exist
   * @throws IOException if writing fails; an existing file is then left unchanged
   */
  public void writeJson(Path file) throws IOException {
    AtomicFiles.write(file, this::writeJson);
  }

  /**
   * Atomically writes the HTML report to a file.
   *
   * @param file the target; its directory must exist
   * @throws IOException if writing fails; an existing file is then left unchanged
   */
  public void writeHtml(Path file) throws IOException {
    byte[] html = toHtml().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(html));
  }

  /**
   * Renders the report as one self-contained HTML page.
   *
   * @return the HTML text
   */
  public String toHtml() {
    StringBuilder h = new StringBuilder(16384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    h.append("<p class=\"summary ").append(drift.driftedColumns() > 0 ? "alert" : "ok")
        .append("\" id=\"summary\">").append(Html.escape(drift.summary())).append("</p>\n");
    h.append("<p class=\"meta\">Generated ").append(Html.escape(generatedAt.toString()))
        .append(" · alpha ").append(num(drift.config().alpha())).append(" · correction ")
        .append(Html.escape(drift.config().correction().name().toLowerCase(Locale.ROOT)
            .replace('_', '-')))
        .append(" · a column drifts when its corrected p-value is at most alpha and its effect"
            + " size reaches the threshold.</p>\n");
    h.append("<table id=\"columns\">\n<thead><tr><th>Column</th><th>Type</th><th>Test</th>"
        + "<th>Statistic</th><th>p-value (corrected)</th><th>Effect</th><th>Threshold</th>"
        + "<th>Missing ref / cur</th><th>Verdict</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      ColumnDrift c = rows.get(i);
      DriftResult v = c.values();
      h.append("<tr class=\"").append(c.drifted() ? "drift" : "nodrift").append("\"><td><a href=\"#c")
          .append(i).append("\">").append(Html.escape(c.column())).append("</a></td><td>")
          .append(c.type().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(Html.escape(v.test())).append("</td><td>").append(num(v.statistic()))
          .append("</td><td>").append(num(c.valuesAdjustedPValue())).append("</td><td>")
          .append(Html.escape(v.effect())).append(" = ").append(num(v.effectSize()))
          .append("</td><td>").append(num(v.effectThreshold())).append("</td><td>")
          .append(missingShare(v.referenceMissing(), v.referenceCount())).append(" / ")
          .append(missingShare(v.currentMissing(), v.currentCount()))
          .append(c.missingDrifted() ? " <b>(drift)</b>" : "").append("</td><td class=\"verdict\">")
          .append(verdict(c)).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    for (int i = 0; i < rows.size(); i++) {
      ColumnDrift c = rows.get(i);
      h.append("<section class=\"column\" id=\"c").append(i).append("\">\n<h2>")
          .append(Html.escape(c.column())).append(" <span class=\"")
          .append(c.drifted() ? "tag drift" : "tag nodrift").append("\">").append(verdict(c))
          .append("</span></h2>\n");
      Distribution d = distributions.get(i);
      if (d != null) {
        h.append(SvgChart.render(d, c.column())).append('\n');
      } else {
        h.append("<p class=\"meta\">No distribution to draw.</p>\n");
      }
      h.append("</section>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String verdict(ColumnDrift c) {
    if (c.drifted()) {
      return "drift";
    }
    return c.values().verdict() == dev.reco.monitoring.drift.Verdict.NOT_TESTED
        ? "not tested" : "no drift";
  }

  private static String missingShare(long missing, long present) {
    long rows = missing + present;
    return rows == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * missing / rows);
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v == 0) {
      return "0";
    }
    if ((Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5)) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;\
      margin:24px;color:#222;max-width:1060px}
      h1{font-size:22px;margin:0 0 8px}
      h2{font-size:16px;margin:18px 0 4px}
      .summary{font-size:16px;font-weight:600;padding:8px 12px;border-radius:4px}
      .summary.alert{background:#fdecea;color:#8a1c12}
      .summary.ok{background:#e8f5e9;color:#1b5e20}
      .meta{color:#666;font-size:12px}
      table{border-collapse:collapse;font-size:13px;margin-top:12px}
      th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}
      th:first-child,td:first-child,td:nth-child(2),td:nth-child(3){text-align:left}
      tr.drift td{background:#fdecea}
      td.verdict{font-weight:600}
      .tag{font-size:12px;padding:1px 6px;border-radius:3px}
      .tag.drift{background:#c62828;color:#fff}
      .tag.nodrift{background:#e0e0e0;color:#333}
      section.column{display:inline-block;vertical-align:top;margin-right:24px}
      svg.chart{font-size:10px;font-family:inherit}
      svg .axis{stroke:#888;stroke-width:1}
      svg .tick{fill:#555}
      """;

  /** Collects a report's settings; not thread-safe, single use. */
  public static final class Builder {
    private final DatasetDrift drift;
    private String title = "Drift report";
    private Instant generatedAt;
    private DriftFrame reference;
    private DriftFrame current;
    private int histogramBins = 30;
    private int maxCategories = 12;

    private Builder(DatasetDrift drift) {
      this.drift = Objects.requireNonNull(drift, "drift");
    }

    /**
     * Sets the title (default "Drift report").
     *
     * @param value the title
     * @return this builder
     */
    public Builder title(String value) {
      this.title = Objects.requireNonNull(value, "title");
      return this;
    }

    /**
     * Sets the time stamp written into the report (default: when {@link #build()} runs).
     *
     * @param value the time
     * @return this builder
     */
    public Builder generatedAt(Instant value) {
      this.generatedAt = Objects.requireNonNull(value, "generatedAt");
      return this;
    }

    /**
     * Supplies the frames that were compared, so the report can chart every column.
     *
     * @param referenceFrame the reference frame
     * @param currentFrame the current frame
     * @return this builder
     */
    public Builder frames(DriftFrame referenceFrame, DriftFrame currentFrame) {
      this.reference = Objects.requireNonNull(referenceFrame, "reference");
      this.current = Objects.requireNonNull(currentFrame, "current");
      return this;
    }

    /**
     * Sets the number of histogram bins of numeric charts (default 30).
     *
     * @param value bins, in {@code [2, 200]}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder histogramBins(int value) {
      if (value < 2 || value > 200) {
        throw new IllegalArgumentException(
            "histogramBins = " + value + "; expected 2 <= histogramBins <= 200");
      }
      this.histogramBins = value;
      return this;
    }

    /**
     * Sets how many categories a categorical chart shows, the rest pooled as "(other)"
     * (default 12).
     *
     * @param value categories, in {@code [2, 100]}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxCategories(int value) {
      if (value < 2 || value > 100) {
        throw new IllegalArgumentException(
            "maxCategories = " + value + "; expected 2 <= maxCategories <= 100");
      }
      this.maxCategories = value;
      return this;
    }

    /**
     * Builds the report.
     *
     * @return the report
     * @throws IllegalArgumentException if the frames lack a column of the comparison or differ
     *     from it in type
     */
    public DriftReport build() {
      if (reference != null) {
        for (ColumnDrift c : drift.columns()) {
          for (DriftFrame f : new DriftFrame[] {reference, current}) {
            if (!f.columns().contains(c.column()) || f.type(c.column()) != c.type()) {
              throw new IllegalArgumentException("column '" + c.column() + "' (" + c.type()
                  + ") of the comparison is not in the frames as " + c.type()
                  + "; expected the frames that were compared");
            }
          }
        }
      }
      return new DriftReport(this);
    }
  }
}
