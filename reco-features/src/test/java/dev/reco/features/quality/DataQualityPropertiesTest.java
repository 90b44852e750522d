package dev.reco.features.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.features.quality.DataQualityReport.ColumnReport;
import dev.reco.features.quality.DataQualityReport.Example;
import dev.reco.features.quality.DataQualityReport.Problem;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Completeness, validity and uniqueness counts against a naive reference (boxed hash sets, one
 * rule at a time) on random columns with missing values and many repeats.
 */
class DataQualityPropertiesTest {

  @Property(tries = 200, seed = "5150")
  void countsEqualANaiveReference(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int rows,
      @ForAll @IntRange(min = 1, max = 60) int distinct) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double missingRate = rnd.nextDouble(0.0, 0.5);
    long[] longs = new long[rows];
    BitSet longMissing = new BitSet();
    double[] doubles = new double[rows];
    String[] cats = new String[rows];
    boolean[] bools = new boolean[rows];
    BitSet boolMissing = new BitSet();
    for (int r = 0; r < rows; r++) {
      longs[r] = rnd.nextInt(distinct) - distinct / 2;
      if (rnd.nextDouble() < missingRate) {
        longMissing.set(r);
      }
      // few distinct doubles, including both zeros; NaN is missing
      int d = rnd.nextInt(distinct + 1);
      doubles[r] = rnd.nextDouble() < missingRate ? Double.NaN
          : d == 0 ? (rnd.nextBoolean() ? 0.0 : -0.0) : d * 0.5 - 3;
      cats[r] = rnd.nextDouble() < missingRate ? null : "c" + rnd.nextInt(distinct);
      bools[r] = rnd.nextBoolean();
      if (rnd.nextDouble() < missingRate) {
        boolMissing.set(r);
      }
    }
    Table t = Table.of(LongColumn.of("l", longs, longMissing), DoubleColumn.of("d", doubles),
        CategoricalColumn.of("c", cats), BooleanColumn.of("b", bools, boolMissing));
    double maxMissing = rnd.nextDouble();
    QualitySchema schema = QualitySchema.of(
        ColumnRule.of("l", ColumnType.LONG).range(-3, 4).maxMissing(maxMissing).requireUnique(),
        ColumnRule.of("d", ColumnType.DOUBLE).range(-1, 2.5).requireUnique(),
        ColumnRule.of("c", ColumnType.CATEGORICAL).categories("c0", "c2", "c3").requireUnique(),
        ColumnRule.of("b", ColumnType.BOOLEAN).requireUnique())
        .withKey("l", "c");
    int examples = 3;
    DataQualityReport report = DataQuality.check(t, schema, examples);

    // reference for the long column
    Set<Long> seenL = new HashSet<>();
    int missL = 0;
    int rangeL = 0;
    int dupL = 0;
    List<Example> dupExL = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (longMissing.get(r)) {
        missL++;
        continue;
      }
      if (longs[r] < -3 || longs[r] > 4) {
        rangeL++;
      }
      if (!seenL.add(longs[r])) {
        dupL++;
        if (dupExL.size() < examples) {
          dupExL.add(new Example(r, Long.toString(longs[r])));
        }
      }
    }
    check(report.column("l"), rows, missL, rangeL, 0, dupL);
    assertEquals(rows > 0 && (double) missL / rows > maxMissing,
        !report.problems(ProblemKind.TOO_MANY_MISSING).isEmpty());
    if (dupL > 0) {
      Problem p = report.problems(ProblemKind.DUPLICATE).get(0);
      assertEquals(List.of("l"), p.columns());
      assertEquals(dupExL, p.examples());
    }

    // doubles: -0.0 and 0.0 are one value (Double.equals tells them apart, so normalize)
    Set<Double> seenD = new HashSet<>();
    int missD = 0;
    int rangeD = 0;
    int dupD = 0;
    for (int r = 0; r < rows; r++) {
      double v = doubles[r];
      if (Double.isNaN(v)) {
        missD++;
        continue;
      }
      if (v < -1 || v > 2.5) {
        rangeD++;
      }
      if (!seenD.add(v == 0.0 ? 0.0 : v)) {
        dupD++;
      }
    }
    check(report.column("d"), rows, missD, rangeD, 0, dupD);

    Set<String> seenC = new HashSet<>();
    Set<String> allowed = Set.of("c0", "c2", "c3");
    int missC = 0;
    int unseenC = 0;
    int dupC = 0;
    for (int r = 0; r < rows; r++) {
      if (cats[r] == null) {
        missC++;
        continue;
      }
      if (!allowed.contains(cats[r])) {
        unseenC++;
      }
      if (!seenC.add(cats[r])) {
        dupC++;
      }
    }
    check(report.column("c"), rows, missC, 0, unseenC, dupC);

    Set<Boolean> seenB = new HashSet<>();
    int missB = 0;
    int dupB = 0;
    for (int r = 0; r < rows; r++) {
      if (boolMissing.get(r)) {
        missB++;
      } else if (!seenB.add(bools[r])) {
        dupB++;
      }
    }
    check(report.column("b"), rows, missB, 0, 0, dupB);

    // composite key (l, c): rows with either value missing are not compared
    Set<List<Object>> seenK = new HashSet<>();
    long dupK = 0;
    for (int r = 0; r < rows; r++) {
      if (!longMissing.get(r) && cats[r] != null && !seenK.add(List.of(longs[r], cats[r]))) {
        dupK++;
      }
    }
    List<Problem> keyProblems = report.problems(ProblemKind.DUPLICATE_KEY);
    assertEquals(dupK, keyProblems.isEmpty() ? 0 : keyProblems.get(0).count());
    assertEquals(report.problems().isEmpty(), report.passed());
    assertEquals(report, DataQualityReport.fromJson(report.toJson()));
  }

  private static void check(ColumnReport c, int rows, int missing, int outOfRange, int unseen,
      int duplicates) {
    int present = rows - missing;
    assertEquals(missing, c.missing(), c.name());
    assertEquals(present, c.present(), c.name());
    assertEquals(rows == 0 ? 1.0 : (double) present / rows, c.completeness(), c.name());
    assertEquals(outOfRange, c.outOfRange(), c.name());
    assertEquals(unseen, c.unseenCategories(), c.name());
    assertEquals(present - outOfRange - unseen, c.valid(), c.name());
    assertEquals(duplicates, c.duplicates(), c.name());
  }

  @Property(tries = 50, seed = "8088")
  void longHashSetAgreesWithHashSet(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 5000) int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    LongHashSet set = new LongHashSet(rnd.nextInt(4)); // tiny start: forces rehashing
    Set<Long> reference = new HashSet<>();
    long[] pool = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32};
    for (int i = 0; i < n; i++) {
      long v = rnd.nextInt(10) == 0 ? pool[rnd.nextInt(pool.length)] : rnd.nextLong(n + 1);
      assertEquals(reference.add(v), set.add(v));
    }
    assertEquals(reference.size(), set.size());
  }
}
