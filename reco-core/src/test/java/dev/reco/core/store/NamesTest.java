package dev.reco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The name rules the registry and the tracker share, against a regular-expression reference. */
class NamesTest {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern LETTER_FIRST = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM5",
      "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "COM2",
      "COM3", "COM4", "COM6", "COM7", "COM8");

  /** The rules written out plainly: pattern, length, no final dot, no device base name. */
  private static boolean valid(String s, int max, boolean letterFirst) {
    if (s.isEmpty() || s.length() > max || s.endsWith(".")) {
      return false;
    }
    if (!(letterFirst ? LETTER_FIRST : NAME).matcher(s).matches()) {
      return false;
    }
    String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
    return !DEVICES.contains(base.toUpperCase(Locale.ROOT));
  }

  @Provide
  Arbitrary<String> candidates() {
    // few characters, so valid names, dots, device names and bad characters all come up often
    Arbitrary<String> good = Arbitraries.strings().withChars("aZ09._-nulcomNULCOM1")
        .ofMinLength(0).ofMaxLength(70);
    Arbitrary<String> any = Arbitraries.strings().withChars("aZ09._-/ \u0435nulcomNULCOM1")
        .ofMinLength(0).ofMaxLength(70);
    return Arbitraries.oneOf(good, any);
  }

  @Property(tries = 2000, seed = "20261123")
  void checkAcceptsExactlyTheNamesTheReferenceAccepts(@ForAll("candidates") String s) {
    for (boolean letterFirst : new boolean[] {false, true}) {
      boolean expected = valid(s, 64, letterFirst);
      Statistics.label(letterFirst ? "letter first" : "letter or digit first").collect(expected);
      try {
        assertEquals(s, Names.check("name", s, 64, letterFirst));
        assertTrue(expected, "accepted " + Names.quote(s));
      } catch (IllegalArgumentException e) {
        assertTrue(!expected, "refused " + Names.quote(s) + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("name = " + Names.quote(s)), e.getMessage());
      }
    }
  }

  @Test
  void boundsDifferForNamesAndKeys() {
    String k64 = "k".repeat(64);
    String k65 = "k".repeat(65);
    assertEquals(k64, Names.runId(k64));
    IllegalArgumentException runId = assertThrows(IllegalArgumentException.class,
        () -> Names.runId(k65));
    assertTrue(runId.getMessage().contains("run id = '" + k65 + "' (65 chars)"),
        runId.getMessage());
    assertEquals(k65, Names.key("tag key", k65));
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> Names.key("tag key", "k".repeat(129)));
    assertTrue(key.getMessage().contains("expected 1 to 128 characters"), key.getMessage());
  }

  @Test
  void textRefusesUnpairedSurrogatesAndLongValuesButKeepsPairs() {
    String pair = "a\uD83D\uDE00b"; // U+1F600 as a surrogate pair: encodable
    assertEquals(pair, Names.text("tag 't'", pair, 8));
    IllegalArgumentException lone = assertThrows(IllegalArgumentException.class,
        () -> Names.text("tag 't'", "a\uD83Db", 8));
    assertTrue(lone.getMessage().contains("tag 't' = 'a\\uD83Db' has an unpaired surrogate at"
        + " index 1"), lone.getMessage());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> Names.text("tag 't'", "123456789", 8));
    assertTrue(tooLong.getMessage().contains("'123456789' (9 chars); expected at most 8"),
        tooLong.getMessage());
  }

  @Test
  void textMapSortsAndNamesTheBadEntry() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("b", "2");
    in.put("a", "1");
    assertEquals(List.of("a", "b"), List.copyOf(Names.textMap("tag", in).keySet()));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Names.textMap("param", Map.of("../x", "1")));
    assertTrue(bad.getMessage().startsWith("param key = '../x'"), bad.getMessage());
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> Names.textMap("param", Map.of("lr", "x".repeat(Names.MAX_VALUE_LENGTH + 1))));
    assertTrue(value.getMessage().startsWith("param 'lr' = 'xxx"), value.getMessage());
  }

  @Test
  void quoteEscapesNonAsciiAndShortensLongValues() {
    assertEquals("'mod\\u0435l'", Names.quote("mod\u0435l"));
    assertEquals("'" + "a".repeat(100) + "'...", Names.quote("a".repeat(101)));
    assertEquals("null", Names.quote(null));
  }
}
