package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSplitterTest {
  private static List<String> split(FieldSplitter s, String line, int limit) {
    char[] buf = ("##" + line + "##").toCharArray(); // fields are found inside a larger buffer
    int n = s.split(buf, 2, 2 + line.length(), limit);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(s.text(buf, k));
    }
    return n < 0 ? null : out;
  }

  @Test
  void splitsPlainAndQuotedFields() {
    FieldSplitter csv = new FieldSplitter(',', true);
    assertEquals(List.of("a", "b,c", "say \"hi\"", ""), split(csv, "a,\"b,c\",\"say \"\"hi\"\"\",", 10));
    assertEquals(List.of(""), split(csv, "", 10));
    assertEquals(List.of("a", "b"), split(csv, "a,b,\"broken", 2), "the rest is not looked at");
    assertEquals(List.of("\"x\"", "y"), split(new FieldSplitter(',', false), "\"x\",y", 10));
    assertEquals(List.of("1", "2", "3"), split(new FieldSplitter('\t', false), "1\t2\t3", 10));
  }

  @Test
  void malformedQuotesAreNamedByCharacter() {
    FieldSplitter csv = new FieldSplitter(',', true);
    assertEquals(null, split(csv, "a,\"open", 10));
    assertEquals("quoted field at character 3 is not closed on this line; expected a closing '\"'",
        csv.problem());
    assertEquals(null, split(csv, "\"x\"y,z", 10));
    assertEquals("'y' after the closing quote at character 3; expected the delimiter or the end of the line",
        csv.problem());
  }

  @Test
  void manyFieldsGrowTheBoundaries() {
    FieldSplitter csv = new FieldSplitter(',', true);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      line.append(i == 0 ? "" : ",").append(i);
    }
    List<String> fields = split(csv, line.toString(), Integer.MAX_VALUE);
    assertEquals(40, fields.size());
    assertEquals("39", fields.get(39));
  }
}
