package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Reference model: writing random valid rows as delimited text and loading them gives the same
 * table as adding the same rows to a builder directly, whatever the layout, quoting, line
 * endings and buffer size.
 */
class DelimitedLoaderPropertyTest {
  // numeric-looking ids exercise the numeric cache: "7", "07" and "007" are different ids
  private static final String[] PLAIN_IDS = {"1", "42", "7", "07", "007", "0", "00", "4104",
      "70000", "999999999", "1000000000", "u-9", "é", "日本", "#x", "a b"};
  private static final String[] AWKWARD_IDS = {"a,b", "q\"x", "\"lead", "semi;colon", "tab\there",
      "pipe|d", " pad "};
  private static final char[] DELIMITERS = {',', '\t', ';', '|'};
  private static final String[] NAMES = {"u", "i", "v", "t", "extra"};

  @Property(tries = 300, seed = "20261123")
  void loadingWrittenRowsEqualsBuildingThemDirectly(
      @ForAll @IntRange(min = 1, max = 60) int rows,
      @ForAll long seed,
      @ForAll DuplicatePolicy policy,
      @ForAll boolean header,
      @ForAll boolean quoted,
      @ForAll boolean withValue,
      @ForAll boolean withTime,
      @ForAll boolean crlf,
      @ForAll @IntRange(min = 2, max = 80) int bufferChars) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    char delimiter = DELIMITERS[random.nextInt(DELIMITERS.length)];
    // random column order; role k sits at position[k]
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.shuffle(order, new Random(seed));
    int[] position = new int[5];
    for (int p = 0; p < 5; p++) {
      position[order.get(p)] = p;
    }
    DelimitedFormat format = DelimitedFormat.of(delimiter, header,
            column(header, 0, position), column(header, 1, position))
        .withQuotes(quoted)
        .withValue(withValue ? column(header, 2, position) : null)
        .withTimestamp(withTime ? column(header, 3, position) : null, TimestampFormat.UNIX_SECONDS);

    StringBuilder text = new StringBuilder();
    String eol = crlf ? "\r\n" : "\n";
    if (header) {
      String[] fields = new String[5];
      for (int k = 0; k < 5; k++) {
        fields[position[k]] = NAMES[k];
      }
      appendLine(text, fields, delimiter, quoted, random, eol);
    }
    Interactions.Builder expected = Interactions.builder(policy);
    for (int r = 0; r < rows; r++) {
      String user = id(random, quoted);
      String item = id(random, quoted);
      String value = valueText(random);
      long seconds = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
      String[] fields = new String[5];
      fields[position[0]] = user;
      fields[position[1]] = item;
      fields[position[2]] = value;
      fields[position[3]] = Long.toString(seconds);
      fields[position[4]] = "noise" + random.nextInt(9);
      appendLine(text, fields, delimiter, quoted, random, eol);
      float v = withValue ? Float.parseFloat(value) : 1f;
      if (withTime) {
        expected.add(user, item, v, seconds * 1000);
      } else {
        expected.add(user, item, v);
      }
    }
    if (random.nextBoolean()) {
      text.setLength(text.length() - eol.length()); // last line without a line break
    }
    LoadResult loaded = DelimitedLoader.load(new StringReader(text.toString()), "prop", format,
        LoadOptions.strict(policy), bufferChars);
    assertEquals(expected.build(), loaded.interactions(), text::toString);
    assertEquals(rows, loaded.report().rowsAccepted());
    assertEquals(expected.mergedDuplicates(), loaded.report().duplicatesMerged());
    assertEquals(rows + (header ? 1 : 0), loaded.report().linesRead());
  }

  private static Column column(boolean header, int role, int[] position) {
    return header ? Column.named(NAMES[role]) : Column.at(position[role]);
  }

  private static String id(SplittableRandom random, boolean quoted) {
    if (quoted && random.nextInt(3) == 0) {
      return AWKWARD_IDS[random.nextInt(AWKWARD_IDS.length)];
    }
    return PLAIN_IDS[random.nextInt(PLAIN_IDS.length)];
  }

  private static String valueText(SplittableRandom random) {
    switch (random.nextInt(5)) {
      case 0:
        return Integer.toString(1 + random.nextInt(5));
      case 1:
        return (1 + random.nextInt(9)) / 2.0 + ""; // 0.5 .. 4.5
      case 2:
        return Float.toString((float) (random.nextDouble() * 2000 - 1000));
      case 3:
        return random.nextInt(100) + "e" + (random.nextInt(7) - 3);
      default:
        return String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 10);
    }
  }

  /** Writes one line; in quoted mode a field is quoted when it must be, and sometimes anyway. */
  private static void appendLine(StringBuilder out, String[] fields, char delimiter,
      boolean quoted, SplittableRandom random, String eol) {
    for (int f = 0; f < fields.length; f++) {
      if (f > 0) {
        out.append(delimiter);
      }
      String s = fields[f];
      boolean mustQuote = s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0;
      if (quoted && (mustQuote || random.nextInt(4) == 0)) {
        out.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else if (!mustQuote) {
        out.append(s);
      } else {
        throw new AssertionError("unquoted mode never draws ids that need quotes: " + s);
      }
    }
    out.append(eol);
  }
}
