package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {
  private static final double NAN = Double.NaN;

  private static Table training() {
    BitSet missing = new BitSet();
    missing.set(2);
    return Table.of(
        DoubleColumn.of("x", 1, NAN, 5),
        LongColumn.of("n", new long[] {3, 7, 0}, missing),
        CategoricalColumn.of("city", "rome", null, "paris"),
        BooleanColumn.of("member", true, false, true),
        DoubleColumn.of("unused", 0, 0, 0));
  }

  @Test
  void eachStepIsFittedOnTheOutputOfThePreviousSteps() {
    FittedPipeline p = FeaturePipeline.builder()
        .add(Impute.mean("x"))
        .add(StandardScale.of("x").as("z"))
        .build()
        .fit(training());
    // impute: mean (1 + 5) / 2 = 3 -> x = [1, 3, 5]; the scaler then sees [1, 3, 5]:
    // mean 3, population variance (4 + 0 + 4) / 3 = 8/3 -> z(5) = 2 / sqrt(8/3) = 1.2247...
    // (fitted on the raw column it would be mean 3, std 2 and z(5) = 1)
    double[] f = p.features(Table.of(DoubleColumn.of("x", 5, NAN)));
    assertEquals(List.of("x", "z"), p.outputNames());
    assertEquals(5, f[0]);
    assertEquals(2 / Math.sqrt(8.0 / 3), f[1], 1e-15);
    assertEquals(3, f[2]);
    assertEquals(0, f[3], "the imputed mean scales to 0");
  }

  @Test
  void inputSchemaHoldsOnlyWhatTheCallerProvides() {
    FittedPipeline p = FeaturePipeline.builder()
        .add(Impute.mostFrequent("city"))
        .add(Impute.median("n").as("n_filled").withIndicator("n_missing"))
        .add(MinMaxScale.of("n_filled"))
        .output("n_filled", "n_missing", "city", "member")
        .build()
        .fit(training());
    assertEquals(TableSchema.of(
        new TableSchema.Field("city", ColumnType.CATEGORICAL),
        new TableSchema.Field("n", ColumnType.LONG),
        new TableSchema.Field("member", ColumnType.BOOLEAN)), p.inputSchema());
    assertEquals(List.of(ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.BOOLEAN),
        p.outputTypes());
  }

  @Test
  void featuresConvertEveryTypeAndCategoriesUseTheFittedDictionary() {
    FittedPipeline p = FeaturePipeline.builder()
        .add(Impute.mostFrequent("city"))
        .add(Impute.constant("n", -1).withIndicator("n_missing"))
        .output("n", "n_missing", "city", "member")
        .build()
        .fit(training());
    // training city: rome (code 0), paris (1); the most frequent (tie) is paris < rome
    assertEquals(List.of("rome", "paris"), p.categories("city").ids());
    BitSet missing = new BitSet();
    missing.set(1);
    Table scoring = Table.of(
        LongColumn.of("n", new long[] {4, 0, 2}, missing),
        CategoricalColumn.of("city", "paris", null, "oslo"),
        BooleanColumn.of("member", new boolean[] {true, false, false}, bitSet(2)));
    double[] f = p.features(scoring);
    assertArrayEquals(new double[] {
        4, 0, 1, 1,     // paris is code 1 in the fitted dictionary (its own is 0)
        -1, 1, 1, 0,    // missing n filled with -1 and flagged; missing city -> paris
        2, 0, NAN, NAN  // oslo was never seen -> NaN; missing boolean -> NaN
    }, f);
    assertRowPathEquals(p, scoring, f);
  }

  @Test
  void rowPathKeepsTheCallersInputsWhenAStepReplacesAColumn() {
    // x is replaced in place (and n changes type LONG -> DOUBLE): the row keeps a slot per version
    FittedPipeline p = FeaturePipeline.builder()
        .add(StandardScale.of("x"))
        .add(Impute.mean("n"))
        .add(Clip.of("x", -1, 1))
        .build()
        .fit(training());
    RowTransformer rt = p.newRowTransformer();
    RowBuffer in = rt.input();
    assertEquals(List.of("x", "n", "x#2", "n#2", "x#3"), in.schema().names());
    in.setDouble(0, 5);
    in.setMissing(1);
    double[] out = new double[2];
    rt.transform(out);
    // x: mean 3, std 2 -> (5 - 3) / 2 = 1, clipped at 1; n: mean (3 + 7) / 2 = 5
    assertArrayEquals(new double[] {1, 5}, out);
    rt.transform(out);
    assertArrayEquals(new double[] {1, 5}, out, "a second call sees the same inputs");
    assertEquals(5, in.getDouble(0));
  }

  @Test
  void badConfigurationsAreRejectedWithTheirValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().build());
    assertEquals("steps = []; expected at least one step", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().output("a").output("b"));
    assertTrue(e.getMessage().contains("already set to [a]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeaturePipeline.builder().output("a", "a"));
    assertEquals("output 'a' appears twice; expected unique names", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeaturePipeline.builder()
        .add(Log1p.of("x")).add(StandardScale.of("nope")).build().fit(training()));
    assertTrue(e.getMessage().startsWith("step 1 (standard_scale) reads column 'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeaturePipeline.builder()
        .add(StandardScale.of("city")).build().fit(training()));
    assertTrue(e.getMessage().startsWith("step 0 (standard_scale): standard_scale: column 'city' is CATEGORICAL"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeaturePipeline.builder()
        .add(Log1p.of("x")).output("ghost").build().fit(training()));
    assertTrue(e.getMessage().contains("output reads column 'ghost'"), e.getMessage());
    FittedPipeline p = FeaturePipeline.builder().add(Log1p.of("x")).build().fit(training());
    e = assertThrows(IllegalArgumentException.class, () -> p.newRowTransformer().transform(new double[2]));
    assertEquals("features.length = 2; expected 1 (the number of outputs)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.transform(Table.of(LongColumn.of("x", 1))));
    assertEquals("column 'x' is LONG; expected DOUBLE", e.getMessage());
  }

  /** The serving path allocates nothing per call (measured with the JVM's per-thread counter). */
  @Test
  void rowTransformAllocatesNothingPerCall() {
    var bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter");
    var counter = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
    FittedPipeline p = FeaturePipeline.builder()
        .add(Impute.median("x").withIndicator("x_missing"))
        .add(Log1p.of("x"))
        .add(StandardScale.of("x"))
        .add(QuantileBin.of("n", 2).as("n_bin"))
        .add(Impute.mostFrequent("city"))
        .add(Impute.mostFrequent("n"))
        .output("x", "x_missing", "n_bin", "n", "city", "member")
        .build()
        .fit(training());
    RowTransformer rt = p.newRowTransformer();
    RowBuffer in = rt.input();
    double[] out = new double[p.outputNames().size()];
    String[] cities = {"rome", "paris", "oslo", null};
    long tid = Thread.currentThread().getId();
    for (int round = 0; round < 2; round++) { // the first round warms up
      long before = counter.getThreadAllocatedBytes(tid);
      for (int i = 0; i < 10_000; i++) {
        in.setDouble(0, (i & 3) == 0 ? NAN : i * 0.5);
        in.setLong(1, i);
        in.setCategory(2, cities[i & 3]);
        in.setBoolean(3, (i & 1) == 0);
        rt.transform(out);
      }
      long allocated = counter.getThreadAllocatedBytes(tid) - before;
      if (round == 1) {
        assertTrue(allocated < 10_000, allocated + " bytes over 10,000 calls; expected < 1 byte per call");
      }
    }
  }

  @Test
  void oneFittedPipelineServesSeveralThreads() throws Exception {
    FittedPipeline p = FeaturePipeline.builder()
        .add(Impute.median("d").withIndicator("d_missing"))
        .add(RobustScale.of("d"))
        .add(QuantileBin.of("n", 5).as("n_bin"))
        .add(Impute.mostFrequent("c"))
        .build()
        .fit(BatchRowPropertyTest.randomTable(1, 300));
    Table scoring = BatchRowPropertyTest.randomTable(2, 2_000);
    double[] batch = p.features(scoring);
    int k = p.outputNames().size();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          RowTransformer rt = p.newRowTransformer();
          double[] all = new double[scoring.rows() * k];
          double[] row = new double[k];
          for (int r = 0; r < scoring.rows(); r++) {
            rt.read(scoring, r);
            rt.transform(row);
            System.arraycopy(row, 0, all, r * k, k);
          }
          return all;
        }));
      }
      for (Future<double[]> f : results) {
        assertArrayEquals(batch, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static void assertRowPathEquals(FittedPipeline p, Table table, double[] batch) {
    RowTransformer rt = p.newRowTransformer();
    int k = p.outputNames().size();
    double[] row = new double[k];
    for (int r = 0; r < table.rows(); r++) {
      rt.read(table, r);
      rt.transform(row);
      for (int j = 0; j < k; j++) {
        assertEquals(Double.doubleToLongBits(batch[r * k + j]), Double.doubleToLongBits(row[j]),
            "row " + r + " output " + p.outputNames().get(j) + ": batch " + batch[r * k + j] + ", row " + row[j]);
      }
    }
  }

  private static BitSet bitSet(int... bits) {
    BitSet b = new BitSet();
    for (int i : bits) {
      b.set(i);
    }
    return b;
  }
}
