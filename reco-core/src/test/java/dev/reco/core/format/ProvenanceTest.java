package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DataFingerprint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  record AlsConfig(int factors, double regularization, List<String> tags) {}

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:34:56.789Z"), ZoneOffset.UTC);
  private static final DataFingerprint DATA = new DataFingerprint(10, 3, 4, "0123456789abcdef".repeat(4));

  @Test
  void captureRecordsConfigDataSeedEnvironmentAndClockTime() {
    Provenance p = Provenance.capture("AlsTrainer", new AlsConfig(64, 0.01, List.of("a", "b")),
        DATA, 7L, CLOCK);
    assertEquals("AlsTrainer", p.producer());
    // a record serializes its components in declaration order
    assertEquals("{\"factors\":64,\"regularization\":0.01,\"tags\":[\"a\",\"b\"]}", p.configJson());
    assertEquals(DATA, p.data());
    assertEquals(7L, p.seed());
    assertEquals(Instant.parse("2024-05-01T12:34:56.789Z"), p.createdAt());
    assertEquals(Runtime.version().toString(), p.javaVersion());
    assertEquals(System.getProperty("os.name") + " " + System.getProperty("os.version"), p.os());
    assertEquals(System.getProperty("os.arch"), p.arch());
    // filled in from the build's project.version by resource filtering
    assertTrue(p.libraryVersion().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), p.libraryVersion());
  }

  @Test
  void configConvertsBackToItsRecord() {
    AlsConfig config = new AlsConfig(8, 0.5, List.of("x"));
    Provenance p = Provenance.capture("AlsTrainer", config, null, null, CLOCK);
    assertEquals(config, p.configAs(AlsConfig.class));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.configAs(Integer.class));
    assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
  }

  @Test
  void mapConfigsAreWrittenInKeyOrder() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("zeta", 1);
    config.put("alpha", Map.of("y", 2, "b", 3));
    Provenance p = Provenance.capture("Pipeline", config, null, null, CLOCK);
    assertEquals("{\"alpha\":{\"b\":3,\"y\":2},\"zeta\":1}", p.configJson());
  }

  @Test
  void configThatJacksonCannotSerializeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Provenance.capture("X", new Object(), null, null, CLOCK));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  @Test
  void jsonFormIsFixed() {
    Provenance p = new Provenance("AlsTrainer", "{ \"factors\" : 64 }", DATA, -3L, "0.1.0",
        "17.0.15+6", "Linux 6.1.0", "amd64", Instant.parse("2024-05-01T12:00:00Z"));
    assertEquals("{\"factors\":64}", p.configJson(), "normalized to compact JSON");
    assertEquals("{\"producer\":\"AlsTrainer\",\"config\":{\"factors\":64},"
        + "\"data\":{\"rows\":10,\"users\":3,\"items\":4,\"contentHash\":\""
        + "0123456789abcdef".repeat(4) + "\"},\"seed\":-3,\"libraryVersion\":\"0.1.0\","
        + "\"javaVersion\":\"17.0.15+6\",\"os\":\"Linux 6.1.0\",\"arch\":\"amd64\","
        + "\"createdAt\":\"2024-05-01T12:00:00Z\"}", p.toJson());
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    Provenance full = Provenance.capture("AlsTrainer", new AlsConfig(64, 1e-3, List.of()), DATA,
        Long.MIN_VALUE, Clock.fixed(Instant.parse("1969-12-31T23:59:59.123456789Z"), ZoneOffset.UTC));
    assertEquals(full, Provenance.fromJson(full.toJson()));
    Provenance nulls = Provenance.capture("Popularity", Map.of(), null, null, CLOCK);
    Provenance back = Provenance.fromJson(nulls.toJson());
    assertEquals(nulls, back);
    assertNull(back.data());
    assertNull(back.seed());
    assertTrue(nulls.toJson().contains("\"data\":null,\"seed\":null"), nulls.toJson());
  }

  @Test
  void unknownFieldsAreIgnored() {
    Provenance p = TestEnvelopes.provenance();
    String withExtra = p.toJson().replace("{\"producer\"", "{\"hostname\":\"build-7\",\"extra\":{\"a\":[1]},\"producer\"");
    assertNotEquals(p.toJson(), withExtra);
    assertEquals(p, Provenance.fromJson(withExtra));
  }

  @Test
  void missingOrMistypedFieldsNameTheField() {
    String json = TestEnvelopes.provenance().toJson();
    String[][] cases = {
        {json.replace("\"producer\":\"TestProducer\",", ""), "'producer'"},
        {json.replace("\"seed\":42", "\"seed\":\"42\""), "'seed'"},
        {json.replace("\"seed\":42", "\"seed\":1.5"), "'seed'"},
        {json.replace("\"seed\":42,", ""), "'seed'"},
        {json.replace("\"createdAt\":\"2024-05-01T12:00:00Z\"", "\"createdAt\":\"yesterday\""), "'yesterday'"},
        {json.replace("\"rows\":2", "\"rows\":-2"), "rows=-2"},
        {json.replace("\"users\":1", "\"users\":1e40"), "'data.users'"},
        {json.replace("\"config\":{\"k\":3,\"name\":\"x\"}", "\"config\":null"), "'config'"},
        {json.replace("\"producer\":\"TestProducer\"", "\"producer\":\"  \""), "producer = '  '"},
        {json.replace("\"arch\":\"amd64\"", "\"arch\":7"), "'arch'"},
        {json.replace("\"producer\":\"TestProducer\"", "\"producer\":\"a\",\"producer\":\"b\""), "producer"},
        {"{", "not valid JSON"},
        {"42", "expected a JSON object"},
    };
    for (String[] c : cases) {
      FormatException e = assertThrows(FormatException.class, () -> Provenance.fromJson(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[1] + " not in: " + e.getMessage());
    }
  }

  @Test
  void constructorValidates() {
    Instant t = Instant.EPOCH;
    assertThrows(IllegalArgumentException.class,
        () -> new Provenance(" ", "{}", null, null, "v", "j", "o", "a", t));
    IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
        () -> new Provenance("p", "{oops", null, null, "v", "j", "o", "a", t));
    assertTrue(json.getMessage().contains("'{oops'"), json.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Provenance("p", "null", null, null, "v", "j", "o", "a", t));
    assertThrows(IllegalArgumentException.class,
        () -> new Provenance("p", "", null, null, "v", "j", "o", "a", t));
    assertThrows(NullPointerException.class,
        () -> new Provenance("p", "{}", null, null, "v", "j", "o", "a", null));
  }
}
