package dev.reco.benchmarks;

import dev.reco.features.table.Column;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.transform.Clip;
import dev.reco.features.transform.EqualWidthBin;
import dev.reco.features.transform.FeaturePipeline;
import dev.reco.features.transform.FittedPipeline;
import dev.reco.features.transform.Impute;
import dev.reco.features.transform.Log1p;
import dev.reco.features.transform.MinMaxScale;
import dev.reco.features.transform.QuantileBin;
import dev.reco.features.transform.RobustScale;
import dev.reco.features.transform.RowTransformer;
import dev.reco.features.transform.StandardScale;
import dev.reco.features.transform.Winsorize;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A fitted feature pipeline of 10 numeric steps (median imputation with a missing indicator,
 * standard, min-max and robust scaling, log1p, clipping, winsorizing, equal-width and quantile
 * binning, mean imputation) over a table of {@code rows} x 50 DOUBLE columns (seeded, 10%
 * missing), whose outputs are all 50 columns plus the indicator:
 * <ul>
 *   <li>{@code transform}: the batch path on the whole table (targets: 1M rows ≤ 1 s on 2 cores);
 *   <li>{@code features}: the same plus the row-major double matrix of the 51 outputs;
 *   <li>{@code row}: one serving row, 50 inputs set and 51 features written (target ≤ 5 µs).
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FeaturePipelineBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeaturePipelineBenchmark {
  static final int COLUMNS = 50;
  private static final int ROW_POOL = 1024;

  @Param({"1000000"})
  int rows;

  private Table table;
  private FittedPipeline pipeline;
  private RowTransformer rowTransformer;
  private double[][] rowPool;
  private double[] out;
  private int next;

  /** Builds the table and fits the pipeline once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    table = table(rows, 42);
    pipeline = pipeline().fit(table);
    rowTransformer = pipeline.newRowTransformer();
    for (int c = 0; c < COLUMNS; c++) { // row() sets input position c from column c
      if (!pipeline.inputSchema().names().get(c).equals(name(c))) {
        throw new IllegalStateException("input " + c + " is " + pipeline.inputSchema().names().get(c));
      }
    }
    out = new double[pipeline.outputNames().size()];
    Table sample = table(ROW_POOL, 43);
    rowPool = new double[ROW_POOL][COLUMNS];
    for (int r = 0; r < ROW_POOL; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        rowPool[r][c] = sample.doubleColumn(name(c)).get(r);
      }
    }
  }

  static String name(int c) {
    return "c" + c;
  }

  /** {@code rows} x 50 doubles: lognormal-ish positive values, 10% missing. */
  static Table table(int rows, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Column> cols = new ArrayList<>(COLUMNS);
    for (int c = 0; c < COLUMNS; c++) {
      double[] v = new double[rows];
      for (int r = 0; r < rows; r++) {
        v[r] = rnd.nextInt(10) == 0 ? Double.NaN : Math.exp(rnd.nextDouble() * 4) - 1;
      }
      cols.add(DoubleColumn.of(name(c), v));
    }
    return Table.of(cols);
  }

  /** The 10 steps on columns c0..c9; outputs: every column plus the indicator. */
  static FeaturePipeline pipeline() {
    String[] outputs = new String[COLUMNS + 1];
    for (int c = 0; c < COLUMNS; c++) {
      outputs[c] = name(c);
    }
    outputs[COLUMNS] = "c0_missing";
    return FeaturePipeline.builder()
        .add(Impute.median("c0").withIndicator("c0_missing"))
        .add(StandardScale.of("c1"))
        .add(MinMaxScale.of("c2"))
        .add(RobustScale.of("c3"))
        .add(Log1p.of("c4"))
        .add(Clip.of("c5", 1, 20))
        .add(Winsorize.of("c6", 0.01, 0.99))
        .add(EqualWidthBin.of("c7", 10))
        .add(QuantileBin.of("c8", 10))
        .add(Impute.mean("c9"))
        .output(outputs)
        .build();
  }

  /** Batch: the 10 steps over the whole table. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Table transform() {
    return pipeline.transform(table);
  }

  /** Batch: the 10 steps and the row-major matrix of the 51 outputs. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] features() {
    return pipeline.features(table);
  }

  /** Serving: set the 50 inputs of one row and transform it into the reused output array. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double[] row() {
    double[] values = rowPool[next++ & (ROW_POOL - 1)];
    RowBuffer in = rowTransformer.input();
    for (int c = 0; c < COLUMNS; c++) {
      in.setDouble(c, values[c]);
    }
    rowTransformer.transform(out);
    return out;
  }
}
