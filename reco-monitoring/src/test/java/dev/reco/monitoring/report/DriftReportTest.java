package dev.reco.monitoring.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reco.monitoring.drift.DatasetDrift;
import dev.reco.monitoring.drift.DatasetDriftConfig;
import dev.reco.monitoring.drift.DriftFrame;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DriftReportTest {
  private static final Instant WHEN = Instant.parse("2026-11-23T12:00:00Z");
  private static final String EVIL = "<script>alert('x')</script>&\"";

  /** Four numeric and two categorical columns; "shifted" (+1 sd) and "mix" (new shares) drift. */
  private static DriftFrame frame(long seed, boolean drifted, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] stable = new double[n];
    double[] shifted = new double[n];
    double[] withMissing = new double[n];
    double[] evil = new double[n];
    String[] mix = new String[n];
    String[] colour = new String[n];
    String[] labels = {"a", "b", "c"};
    for (int i = 0; i < n; i++) {
      stable[i] = gaussian(r);
      shifted[i] = gaussian(r) + (drifted ? 1.0 : 0.0);
      withMissing[i] = i % 10 == 0 ? Double.NaN : gaussian(r) * 3 + 10;
      evil[i] = r.nextDouble();
      double u = r.nextDouble();
      mix[i] = drifted ? (u < 0.6 ? "a" : u < 0.8 ? "b" : "c") : (u < 0.2 ? "a" : u < 0.5 ? "b" : "c");
      colour[i] = i % 50 == 0 ? null : labels[r.nextInt(3)];
    }
    return DriftFrame.builder().numeric("stable", stable).numeric("shifted", shifted)
        .numeric("with_missing", withMissing).numeric(EVIL, evil).categorical("mix", mix)
        .categorical("colour", colour).build();
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static DriftReport report() {
    DriftFrame ref = frame(1, false, 2000);
    DriftFrame cur = frame(2, true, 2000);
    DatasetDrift drift = DatasetDrift.compare(ref, cur, DatasetDriftConfig.defaults());
    return DriftReport.builder(drift).title("weekly " + EVIL).generatedAt(WHEN).frames(ref, cur)
        .build();
  }

  @Test
  void drifted_columns_come_first_and_the_summary_counts_them() {
    DriftReport report = report();
    assertEquals(List.of("mix", "shifted"), report.drift().driftedColumnNames().stream().sorted()
        .toList());
    List<String> order = report.columnOrder();
    assertEquals(6, order.size());
    assertEquals(List.of("mix", "shifted"), order.subList(0, 2).stream().sorted().toList());
    assertTrue(report.summary().startsWith("drift detected in 2 of 6 columns"), report.summary());
  }

  @Test
  void json_holds_the_summary_every_column_and_null_for_missing_numbers() throws Exception {
    DriftReport report = report();
    JsonNode root = new ObjectMapper().readTree(report.toJson());
    assertEquals(DriftReport.FORMAT, root.get("format").asText());
    assertEquals(1, root.get("version").asInt());
    assertEquals("2026-11-23T12:00:00Z", root.get("generatedAt").asText());
    assertEquals(2, root.get("driftedColumns").asInt());
    assertEquals(6, root.get("columns").asInt());
    assertEquals(report.summary(), root.get("summary").asText());
    JsonNode results = root.get("results");
    assertEquals(6, results.size());
    List<String> names = new ArrayList<>();
    for (JsonNode r : results) {
      names.add(r.get("column").asText());
      JsonNode d = r.get("distribution");
      assertNotNull(d, r.get("column").asText());
      double refSum = 0;
      double curSum = 0;
      for (int i = 0; i < d.get("reference").size(); i++) {
        refSum += d.get("reference").get(i).asDouble();
        curSum += d.get("current").get(i).asDouble();
      }
      assertEquals(1.0, refSum, 1e-9);
      assertEquals(1.0, curSum, 1e-9);
    }
    assertEquals(report.columnOrder(), names);
    // "stable" has no missing value on either side: its missing-rate test is outside the family.
    JsonNode stable = results.get(names.indexOf("stable"));
    assertTrue(stable.get("missing").get("adjustedPValue").isNull());
    assertFalse(stable.get("drifted").asBoolean());
    JsonNode withMissing = results.get(names.indexOf("with_missing"));
    assertEquals(200, withMissing.get("values").get("referenceMissing").asLong());
    assertEquals("histogram", withMissing.get("distribution").get("kind").asText());
    assertEquals(31, withMissing.get("distribution").get("edges").size());
    assertEquals("categories", results.get(names.indexOf("mix")).get("distribution")
        .get("kind").asText());
  }

  @Test
  void html_is_well_formed_self_contained_and_escapes_names() throws Exception {
    String html = report().toHtml();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertEquals(6, svgs.getLength());
    NodeList rows = doc.getElementsByTagName("tr");
    assertEquals(7, rows.getLength()); // header + one per column
    // Drifted rows first.
    assertEquals("drift", ((Element) rows.item(1)).getAttribute("class"));
    assertEquals("drift", ((Element) rows.item(2)).getAttribute("class"));
    assertEquals("nodrift", ((Element) rows.item(3)).getAttribute("class"));
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"));
    assertFalse(html.contains("src="));
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("url("));
    NodeList links = doc.getElementsByTagName("a");
    for (int i = 0; i < links.getLength(); i++) {
      String href = ((Element) links.item(i)).getAttribute("href");
      assertTrue(href.startsWith("#c"), href);
      assertNotNull(findById(doc, href.substring(1)), href);
    }
    assertEquals(report().summary(), doc.getElementsByTagName("p").item(0).getTextContent());
  }

  private static Element findById(Document doc, String id) {
    NodeList all = doc.getElementsByTagName("section");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("id").equals(id)) {
        return e;
      }
    }
    return null;
  }

  @Test
  void without_frames_the_report_has_no_charts() throws Exception {
    DriftFrame ref = frame(1, false, 300);
    DriftFrame cur = frame(1, false, 300);
    DriftReport report = DriftReport.builder(
        DatasetDrift.compare(ref, cur, DatasetDriftConfig.defaults())).generatedAt(WHEN).build();
    assertTrue(report.summary().startsWith("drift detected in 0 of 6 columns"));
    assertFalse(report.toHtml().contains("<svg"));
    JsonNode root = new ObjectMapper().readTree(report.toJson());
    assertTrue(root.get("results").get(0).path("distribution").isMissingNode());
  }

  @Test
  void writes_files_atomically_with_the_rendered_content(@TempDir Path dir) throws Exception {
    DriftReport report = report();
    Path html = dir.resolve("r.html");
    Path json = dir.resolve("r.json");
    report.writeHtml(html);
    report.writeJson(json);
    assertEquals(report.toHtml(), Files.readString(html));
    assertEquals(report.toJson(), Files.readString(json));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void frames_that_do_not_match_the_comparison_are_refused() {
    DriftFrame ref = frame(1, false, 200);
    DatasetDrift drift = DatasetDrift.compare(ref, frame(2, false, 200),
        DatasetDriftConfig.defaults());
    DriftFrame other = DriftFrame.builder().numeric("x", new double[] {1, 2}).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DriftReport.builder(drift).frames(other, other).build());
    assertTrue(e.getMessage().contains("'stable'"), e.getMessage());
    IllegalArgumentException bins = assertThrows(IllegalArgumentException.class,
        () -> DriftReport.builder(drift).histogramBins(1));
    assertTrue(bins.getMessage().contains("histogramBins = 1"), bins.getMessage());
  }
}
