package dev.reco.features.transform;

import static dev.reco.features.transform.StepAssertions.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FeatureHashingTest {
  /** Dense FeatureHasher(input_type="dict") outputs from tools/fixtures/feature_hashing_sklearn.py. */
  @Test
  void equalsScikitLearnFeatureHasher() throws IOException {
    JsonNode doc = MurmurHash3Test.fixture().get("feature_hasher");
    List<String> names = List.of("device", "country", "plan");
    List<CategoricalColumn> columns = new ArrayList<>();
    for (String name : names) {
      List<String> values = new ArrayList<>();
      for (JsonNode row : doc.get("rows")) {
        values.add(row.has(name) ? row.get(name).asText() : null);
      }
      columns.add(StepAssertions.cat(name, values));
    }
    Table t = Table.of(columns.toArray(new CategoricalColumn[0]));
    int cases = 0;
    for (JsonNode c : doc.get("cases")) {
      int n = c.get("n_features").asInt();
      FeatureHashingFitted f = FeatureHashingStep.of(n, "device", "country", "plan")
          .withAlternateSign(c.get("alternate_sign").asBoolean()).fit(t);
      Table out = f.transform(t);
      for (int r = 0; r < t.rows(); r++) {
        for (int j = 0; j < n; j++) {
          assertEquals(c.get("output").get(r).get(j).asDouble(), out.doubleColumn("hash_" + j).get(r),
              "n " + n + " row " + r + " bucket " + j);
        }
      }
      StepAssertions.assertBatchEqualsRow(f, t);
      cases++;
    }
    assertEquals(6, cases);
  }

  @Test
  void bucketFollowsScikitLearnIncludingIntMin() {
    assertEquals(3, FeatureHashingFitted.bucket(-13, 5)); // |-13| = 13, 13 mod 5 = 3
    assertEquals(3, FeatureHashingFitted.bucket(13, 5));
    // |-2^31| taken as (2^31 - 1 - (5 - 1)) mod 5 = 2147483643 mod 5 = 3
    assertEquals(3, FeatureHashingFitted.bucket(Integer.MIN_VALUE, 5));
  }

  @Test
  void handComputedCountsAndSigns() {
    Table t = Table.of(CategoricalColumn.of("a", "x", null, "y"), CategoricalColumn.of("b", "x", "z", null));
    // one bucket without signs: the count of present values per row: 2, 1, 1
    FeatureHashingFitted one = FeatureHashingStep.of(1, "a", "b").withAlternateSign(false).fit(t);
    assertArrayEquals(new double[] {2, 1, 1}, doubles(one.transform(t), "hash_0"));
    // key VALUE: a=x and b=x hash the same string "x", so row 0 adds 2 * sign("x") into one bucket
    int h = MurmurHash3.hash32("x", 7);
    int bucket = FeatureHashingFitted.bucket(h, 4);
    FeatureHashingFitted v = FeatureHashingStep.of(4, "a", "b").withSeed(7)
        .withKey(FeatureHashingStep.Key.VALUE).fit(t);
    assertEquals(h < 0 ? -2.0 : 2.0, v.transform(t).doubleColumn("hash_" + bucket).get(0));
    // key COLUMN_AND_VALUE hashes "a=x": its bucket receives its sign
    int ha = MurmurHash3.hash32("a=x", 7);
    FeatureHashingFitted cv = FeatureHashingStep.of(1024, "a").withSeed(7).withPrefix("h").fit(t);
    assertEquals(ha < 0 ? -1.0 : 1.0, cv.transform(t).doubleColumn("h_" + FeatureHashingFitted.bucket(ha, 1024)).get(0));
  }

  @Test
  void badInputsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureHashingStep.of(0, "a"));
    assertTrue(e.getMessage().contains("nFeatures = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureHashingStep.of(4));
    assertTrue(e.getMessage().contains("inputs = []"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureHashingStep.of(4, "a", "a"));
    assertTrue(e.getMessage().contains("[a, a]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FeatureHashingStep.of(4, "s").fit(Table.of(DoubleColumn.of("s", 1.0))));
    assertTrue(e.getMessage().contains("'s' is DOUBLE"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FeatureHashingStep.of(4, "q").fit(Table.of(DoubleColumn.of("s", 1.0))));
    assertTrue(e.getMessage().contains("'q'"), e.getMessage());
  }

  @Test
  void readRejectsBadParams() {
    FeatureHashingFitted f = FeatureHashingStep.of(4, "a").withSeed(0x9747b28c).fit(
        Table.of(CategoricalColumn.of("a", "x")));
    com.fasterxml.jackson.databind.node.ObjectNode p = StepAssertions.MAPPER.createObjectNode();
    f.writeParams(p);
    assertEquals(2538058380L, p.get("seed").asLong()); // written unsigned
    p.put("seed", -1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeatureHashingFitted.read(f.inputs(), f.outputs(), p));
    assertTrue(e.getMessage().contains("params.seed = -1"), e.getMessage());
    p.put("seed", 1);
    p.put("n_features", 5);
    e = assertThrows(IllegalArgumentException.class, () -> FeatureHashingFitted.read(f.inputs(), f.outputs(), p));
    assertTrue(e.getMessage().contains("outputs"), e.getMessage());
    p.remove("key");
    e = assertThrows(IllegalArgumentException.class, () -> FeatureHashingFitted.read(f.inputs(), f.outputs(), p));
    assertTrue(e.getMessage().contains("field 'params.key' is missing"), e.getMessage());
  }

  @Property(tries = 100, seed = "5")
  void batchEqualsRowAndJsonRoundTrip(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = -1, max = 12) Integer> a,
      @ForAll @IntRange(min = 1, max = 9) int n, @ForAll int seed, @ForAll boolean alternate,
      @ForAll FeatureHashingStep.Key key) {
    List<String> b = new ArrayList<>();
    for (int x : a) {
      b.add(x == 3 ? null : "\u00e9t\u00e9" + (x * 7 % 5));
    }
    Table t = OneHotTest.randomTable(a).with(StepAssertions.cat("y", b));
    FeatureHashingFitted f = FeatureHashingStep.of(n, "x", "y").withSeed(seed)
        .withAlternateSign(alternate).withKey(key).fit(t);
    StepAssertions.assertBatchEqualsRow(f, t);
    FittedStep back = StepAssertions.roundTrip(f, FeatureHashingFitted::read);
    StepAssertions.assertSameOutputs(f.outputs(), f.transform(t), back.transform(t));
    // the absolute values of a row add up to at most its number of present values
    Table out = f.transform(t);
    for (int r = 0; r < t.rows(); r++) {
      double abs = 0;
      for (int j = 0; j < n; j++) {
        abs += Math.abs(out.doubleColumn("hash_" + j).get(r));
      }
      int present = (t.column("x").isMissing(r) ? 0 : 1) + (t.column("y").isMissing(r) ? 0 : 1);
      assertTrue(abs <= present);
      if (!alternate) {
        assertEquals(present, abs);
      }
    }
  }
}
