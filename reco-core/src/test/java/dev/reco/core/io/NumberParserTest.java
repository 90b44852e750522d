package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast parsers must agree bit for bit with the JDK, including on which inputs throw. */
class NumberParserTest {

  /** Float.parseFloat's answer as raw bits, or null when it throws. */
  private static Integer jdkFloat(String s) {
    try {
      return Float.floatToRawIntBits(Float.parseFloat(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer fastFloat(String s) {
    // embed the text in a larger array to check that offsets are honoured
    char[] a = ("#|" + s + "|#").toCharArray();
    try {
      return Float.floatToRawIntBits(NumberParser.parseFloat(a, 2, s.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long jdkLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long fastLong(String s) {
    char[] a = ("9" + s + "9").toCharArray();
    try {
      return NumberParser.parseLong(a, 1, s.length());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Test
  void edgeCasesMatchFloatParseFloat() {
    List<String> cases = List.of("0", "-0", "0.0", "-0.0", "00", "007", "-007", ".5", "-.5", "5.",
        "5.0", "1e3", "1E3", "1e-3", "-1e39", "1e39", "1e-46", "3.4028235e38", "1.4e-45", "+5",
        "+.5", "", "-", "+", ".", "-.", "e5", "1e", "1e+", "NaN", "-NaN", "Infinity", "-Infinity",
        "inf", "nan", " 3", "3 ", "\t3\n", "3f", "3d", "3F", "0x1p3", "0x1.8p1", "1,5", "1.2.3",
        "--1", "9999999", "99999999", "16777217", "16777216", "0.1", "0.3", "2.675", "4.35",
        "0.0000001", "0.00000000001", "123.4567", "1234567.8", "1.0000000", "0.000000000",
        "9999999.", ".9999999", "1000000000", "3.14159265358979", "٣", "1_000");
    for (String s : cases) {
      assertEquals(jdkFloat(s), fastFloat(s), () -> "parseFloat('" + s + "')");
    }
  }

  @Test
  void edgeCasesMatchLongParseLong() {
    List<String> cases = List.of("0", "-0", "007", "+5", "-", "+", "", "1.0", "1e3", " 1", "1 ",
        "978300760", "-978300760", "999999999999999999", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "00000000000000000000001", "١٢", "0x10", "12a");
    for (String s : cases) {
      assertEquals(jdkLong(s), fastLong(s), () -> "parseLong('" + s + "')");
    }
  }

  /** Dense sweep of the fast path's domain: up to 7 significant digits, 0-10 fraction digits. */
  @Test
  void sweepOfShortDecimalsMatchesFloatParseFloat() {
    SplittableRandom random = new SplittableRandom(20261123);
    for (int k = 0; k < 200_000; k++) {
      int digits = 1 + random.nextInt(7);
      long m = random.nextLong((long) Math.pow(10, digits));
      String text = Long.toString(m);
      int point = random.nextInt(text.length() + 4) - 2; // sometimes before or after the digits
      if (point > 0 && point < text.length()) {
        text = text.substring(0, point) + "." + text.substring(point);
      } else if (point <= 0) {
        text = "0." + "0".repeat(-point) + text;
      }
      if (random.nextInt(4) == 0) {
        text = "-" + text;
      }
      String s = text;
      assertEquals(jdkFloat(s), fastFloat(s), () -> "parseFloat('" + s + "')");
    }
  }

  @Property(tries = 3000, seed = "20261123")
  void randomNumericTextMatchesFloatParseFloat(@ForAll("numericText") String s) {
    assertEquals(jdkFloat(s), fastFloat(s), () -> "parseFloat('" + s + "')");
  }

  @Property(tries = 2000, seed = "20261123")
  void randomIntegerTextMatchesLongParseLong(@ForAll("integerText") String s) {
    assertEquals(jdkLong(s), fastLong(s), () -> "parseLong('" + s + "')");
  }

  @Provide
  Arbitrary<String> numericText() {
    Arbitrary<String> sign = Arbitraries.of("", "", "", "-", "+");
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(12);
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
        digits.map(d -> "." + d), digits.map(d -> "." + d));
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
        Arbitraries.just(""), Combinators.combine(Arbitraries.of("e", "E"), sign,
            Arbitraries.strings().withCharRange('0', '9').ofMaxLength(3)).as((e, s, d) -> e + s + d));
    Arbitrary<String> suffix = Arbitraries.of("", "", "", "", "", "", " ", "x", "f", "..", "e",
        "-", "NaN", "\u0663");
    return Combinators.combine(sign, digits, fraction, exponent, suffix)
        .as((s, d, f, e, x) -> s + d + f + e + x);
  }

  @Provide
  Arbitrary<String> integerText() {
    Arbitrary<String> sign = Arbitraries.of("", "", "-", "+", "--");
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(21);
    Arbitrary<String> suffix = Arbitraries.of("", "", "", "", " ", ".0", "x", "\u0661");
    return Combinators.combine(sign, digits, suffix).as((s, d, x) -> s + d + x);
  }

  @Test
  void namesNonFiniteSpellingsTheJdkRejects() {
    for (String s : List.of("inf", "-inf", "+INF", "nan", "NAN", " Infinity ", "-infinity")) {
      assertTrue(NumberParser.namesNonFinite(s), s);
    }
    for (String s : List.of("", "in", "abc", "1", "infinite", "nana")) {
      assertFalse(NumberParser.namesNonFinite(s), s);
    }
  }
}
