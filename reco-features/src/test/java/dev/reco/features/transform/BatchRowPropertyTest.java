package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * For random tables with missing values: the batch path ({@link FittedPipeline#features}) and
 * the row path ({@link RowTransformer}) agree bit for bit, for every step type and for whole
 * pipelines, and a pipeline read back from its JSON gives the same features.
 */
class BatchRowPropertyTest {
  private static final String[] CITIES = {"rome", "paris", "oslo", "lima", "kyiv"};

  /** Every step type of this package, on the random table's columns. */
  private static final List<Supplier<FeatureStep>> STEPS = List.of(
      () -> StandardScale.of("d"),
      () -> StandardScale.of("n").as("n_z"),
      () -> MinMaxScale.of("d").as("d01"),
      () -> RobustScale.of("n"),
      () -> Log1p.of("p"),
      () -> Clip.of("d", -1, 2.5),
      () -> Winsorize.of("d", 0.1, 0.8).as("dw"),
      () -> EqualWidthBin.of("d", 4).as("d_bin"),
      () -> QuantileBin.of("n", 3),
      () -> Impute.mean("d").withIndicator("d_missing"),
      () -> Impute.median("n").as("n_med"),
      () -> Impute.mostFrequent("n"),
      () -> Impute.constant("d", 0.5),
      () -> Impute.mostFrequent("c").withIndicator("c_missing"),
      () -> Impute.constant("c", "other"),
      () -> OneHotStep.of("c"),
      () -> OrdinalStep.of("c"),
      () -> FeatureHashingStep.of(8, "c"),
      () -> TargetEncodingStep.of("c", "d"),
      () -> FeatureCrossStep.of("c", "k"));

  /**
   * A random table: d DOUBLE, p DOUBLE >= 0, n LONG, c CATEGORICAL, b BOOLEAN, k CATEGORICAL,
   * ~20% missing.
   */
  static Table randomTable(long seed, int rows) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] d = new double[rows];
    double[] p = new double[rows];
    long[] n = new long[rows];
    BitSet nMissing = new BitSet();
    String[] c = new String[rows];
    String[] k = new String[rows];
    boolean[] b = new boolean[rows];
    BitSet bMissing = new BitSet();
    for (int r = 0; r < rows; r++) {
      boolean present = r == 0 || rnd.nextInt(5) != 0; // row 0 always present: something to fit
      // a few distinct values (ties, bin edges hit exactly) mixed with continuous ones
      d[r] = !present ? Double.NaN
          : rnd.nextBoolean() ? rnd.nextInt(-3, 4) * 0.5 : rnd.nextDouble(-5, 5);
      p[r] = r > 0 && rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextDouble() * 100;
      n[r] = rnd.nextInt(-5, 20);
      if (r > 0 && rnd.nextInt(5) == 0) {
        nMissing.set(r);
      }
      c[r] = r > 0 && rnd.nextInt(5) == 0 ? null : CITIES[rnd.nextInt(CITIES.length)];
      k[r] = rnd.nextInt(6) == 0 ? null : rnd.nextBoolean() ? "web" : "app";
      b[r] = rnd.nextBoolean();
      if (rnd.nextInt(5) == 0) {
        bMissing.set(r);
      }
    }
    return Table.of(DoubleColumn.of("d", d), DoubleColumn.of("p", p),
        LongColumn.of("n", n, nMissing), CategoricalColumn.of("c", c),
        BooleanColumn.of("b", b, bMissing), CategoricalColumn.of("k", k));
  }

  private static void check(FittedPipeline p, Table scoring) {
    double[] batch = p.features(scoring);
    FeaturePipelineTest.assertRowPathEquals(p, scoring, batch);
    FittedPipeline loaded = PipelineJson.read(PipelineJson.write(p));
    assertArrayEquals(batch, loaded.features(scoring), "after a JSON round trip");
    FeaturePipelineTest.assertRowPathEquals(loaded, scoring, batch);
  }

  /** The property below covers every registered step type (add new types to STEPS). */
  @Test
  void stepsCoverEveryRegisteredType() {
    Set<String> covered = new TreeSet<>();
    for (Supplier<FeatureStep> s : STEPS) {
      covered.add(s.get().type());
    }
    assertEquals(new TreeSet<>(StepRegistry.types()), covered);
  }

  @Property(tries = 40, seed = "42")
  void everyStepTypeGivesTheSameBatchAndRowResults(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 25) int rows) {
    Table train = randomTable(seed, rows);
    Table scoring = randomTable(seed ^ 0x9E3779B97F4A7C15L, rows + 3);
    for (Supplier<FeatureStep> s : STEPS) {
      FeatureStep step = s.get();
      FittedPipeline p = FeaturePipeline.builder().add(step).build().fit(train);
      check(p, scoring);
    }
  }

  @Property(tries = 60, seed = "7")
  void wholePipelinesGiveTheSameBatchAndRowResults(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int rows) {
    FittedPipeline p = FeaturePipeline.builder()
        .add(Impute.median("d").withIndicator("d_missing"))
        .add(Winsorize.of("d", 0.05, 0.95).as("dw"))
        .add(StandardScale.of("dw"))
        .add(EqualWidthBin.of("dw", 5).as("dw_bin"))
        .add(Log1p.of("p"))
        .add(MinMaxScale.of("p").as("p01"))
        .add(Impute.mean("n"))              // LONG -> DOUBLE in place
        .add(QuantileBin.of("n", 4).as("n_bin"))
        .add(RobustScale.of("n"))
        .add(Impute.mostFrequent("c"))
        .add(Clip.of("d", -2, 2))
        .output("d", "d_missing", "dw", "dw_bin", "p", "p01", "n", "n_bin", "c", "b")
        .build()
        .fit(randomTable(seed, rows));
    check(p, randomTable(seed + 1, rows + 5));
  }
}
