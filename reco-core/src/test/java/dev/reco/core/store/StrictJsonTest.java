package dev.reco.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.FormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a store's {@link StrictJson.Reader} words refusals, and the typed field readers. */
class StrictJsonTest {
  /** A FormatException subclass, as the registry's UnsupportedMetadataVersionException is. */
  static final class Newer extends FormatException {
    private static final long serialVersionUID = 1L;
    final Path file;
    final long found;
    final int max;

    Newer(String message, Path file, long found, int max) {
      super(message);
      this.file = file;
      this.found = found;
      this.max = max;
    }
  }

  private static final StrictJson.Reader READER =
      new StrictJson.Reader("test files are read strictly", Newer::new);
  private static final List<String> FIELDS = List.of("formatVersion", "name", "tags", "v");
  private static final Path FILE = Path.of("store", "x.json");

  private static StrictJson parse(String json) {
    return READER.parse(json.getBytes(UTF_8), FILE, "x.json", 2, FIELDS);
  }

  @Test
  void aNewerVersionRaisesTheReadersOwnException() {
    Newer e = assertThrows(Newer.class, () -> parse("{\"formatVersion\":3}"));
    assertEquals("x.json: formatVersion = 3; this reader supports 1 to 2 (the file was probably"
        + " written by a newer version of reco)", e.getMessage());
    assertSame(FILE, e.file);
    assertEquals(3, e.found);
    assertEquals(2, e.max);
    FormatException old = assertThrows(FormatException.class,
        () -> parse("{\"formatVersion\":0}"));
    assertTrue(old.getMessage().contains("formatVersion = 0; expected a version from 1 to 2"),
        old.getMessage());
  }

  @Test
  void anUnknownFieldIsRefusedWithTheReadersNote() {
    FormatException e = assertThrows(FormatException.class,
        () -> parse("{\"formatVersion\":1,\"owner\":\"x\"}"));
    assertEquals("x.json: unknown field 'owner'; expected only the fields formatVersion, name,"
        + " tags, v (test files are read strictly)", e.getMessage());
  }

  @Test
  void nestedObjectsNeedNoVersionButKeepTheFieldCheck() {
    StrictJson outer = parse("{\"formatVersion\":1,\"v\":{\"size\":3}}");
    StrictJson inner = READER.nested(outer.object("v"), FILE, "x.json: v", List.of("size"));
    assertEquals(3, inner.nonNegativeLong("size"));
    FormatException e = assertThrows(FormatException.class, () -> READER.nested(
        outer.object("v"), FILE, "x.json: v", List.of("bytes")));
    assertTrue(e.getMessage().startsWith("x.json: v: unknown field 'size'"), e.getMessage());
    FormatException notObject = assertThrows(FormatException.class,
        () -> parse("[1]"));
    assertEquals("x.json holds a JSON ARRAY; expected a JSON object", notObject.getMessage());
  }

  @Test
  void fieldReadersNameTheFieldAndTheValue() {
    StrictJson j = parse("{\"formatVersion\":1,\"name\":null,\"tags\":{\"a\":\"1\",\"b\":2},"
        + "\"v\":\"-Infinity\"}");
    assertNull(j.textOrNull("name"));
    assertEquals(Double.NEGATIVE_INFINITY, j.number("v"));
    FormatException tags = assertThrows(FormatException.class, () -> j.stringMap("tags"));
    assertEquals("x.json: field 'tags.b' = 2; expected a string", tags.getMessage());
    FormatException versions = assertThrows(FormatException.class, () -> j.versionMap("tags"));
    assertEquals("x.json: field 'tags.a' = \"1\"; expected a version number >= 1",
        versions.getMessage());
    FormatException number = assertThrows(FormatException.class, () -> j.intAtLeast("name", 1));
    assertEquals("x.json: field 'name' = null; expected a 32-bit integer >= 1",
        number.getMessage());
    FormatException missing = assertThrows(FormatException.class, () -> j.raw("absent"));
    assertEquals("x.json: missing field 'absent'; expected it", missing.getMessage());
    assertEquals(Map.of("x", 1.5), parse("{\"formatVersion\":1,\"tags\":{\"x\":1.5}}")
        .numberMap("tags"));
  }
}
