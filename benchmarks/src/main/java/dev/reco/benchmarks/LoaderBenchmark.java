package dev.reco.benchmarks;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import dev.reco.core.io.DelimitedLoader;
import dev.reco.core.io.LoadOptions;
import dev.reco.core.io.LoadResult;
import dev.reco.core.io.MovieLens;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to load a MovieLens {@code u.data}-style file (tab-separated user, item, rating, unix
 * seconds; about 100k users, 20k items with a skewed item popularity) with
 * {@link DelimitedLoader}, against a naive in-JVM baseline (BufferedReader, String.split,
 * HashMap id maps). Peer outside the JVM: {@code tools/bench/pandas_load.py} on a file written by
 * {@code main write}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoaderBenchmark} (sizes with
 * {@code -p rows=10000000}); heap per row: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * dev.reco.benchmarks.LoaderBenchmark heap 10000000}; write a file for the pandas peer:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.reco.benchmarks.LoaderBenchmark write
 * 10000000 /tmp/u10m.data}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LoaderBenchmark {
  static final int USERS = 100_000;
  static final int ITEMS = 20_000;
  static final long SEED = 20261123L;

  /** Number of lines in the synthetic file. */
  @Param({"1000000", "10000000"})
  public int rows;

  /** Duplicate policy of the reco loader; KEEP_ALL does no merging, like the baselines. */
  @Param({"KEEP_ALL"})
  public DuplicatePolicy policy;

  private Path dir;
  private Path file;

  /** Writes the seeded synthetic file once per trial. */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    dir = Files.createTempDirectory("reco-loader-bench");
    file = dir.resolve("u.data");
    writeSynthetic(file, rows, SEED);
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  /** The library loader: streaming scan, ids looked up without a String per line. */
  @Benchmark
  public Interactions reco() throws IOException {
    return DelimitedLoader.load(file, MovieLens.uData(), LoadOptions.strict(policy)).interactions();
  }

  /** Peer: what a hand-rolled loader usually looks like. Same output columns, no validation. */
  @Benchmark
  public NaiveColumns naiveSplit() throws IOException {
    return naiveLoad(file);
  }

  /** Columns produced by the naive loader (kept so the JIT cannot drop the work). */
  public record NaiveColumns(int[] user, int[] item, float[] value, long[] timestamp,
      Map<String, Integer> users, Map<String, Integer> items) {}

  static NaiveColumns naiveLoad(Path file) throws IOException {
    Map<String, Integer> users = new HashMap<>();
    Map<String, Integer> items = new HashMap<>();
    int n = 0;
    int[] user = new int[1024];
    int[] item = new int[1024];
    float[] value = new float[1024];
    long[] time = new long[1024];
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t");
        if (n == user.length) {
          int cap = n * 2;
          user = Arrays.copyOf(user, cap);
          item = Arrays.copyOf(item, cap);
          value = Arrays.copyOf(value, cap);
          time = Arrays.copyOf(time, cap);
        }
        user[n] = users.computeIfAbsent(f[0], k -> users.size());
        item[n] = items.computeIfAbsent(f[1], k -> items.size());
        value[n] = Float.parseFloat(f[2]);
        time[n] = Long.parseLong(f[3]) * 1000;
        n++;
      }
    }
    return new NaiveColumns(Arrays.copyOf(user, n), Arrays.copyOf(item, n),
        Arrays.copyOf(value, n), Arrays.copyOf(time, n), users, items);
  }

  /**
   * Writes {@code rows} lines {@code user\titem\trating\tseconds}: users uniform over 100k,
   * items skewed toward low ids (item = 20000 * u^3 for uniform u), ratings 1-5, seven months
   * of timestamps from 1997-09-20.
   */
  static void writeSynthetic(Path file, int rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder line = new StringBuilder(48);
      for (int r = 0; r < rows; r++) {
        double u = random.nextDouble();
        int item = (int) (ITEMS * u * u * u);
        line.setLength(0);
        line.append(1 + random.nextInt(USERS)).append('\t').append(1 + item).append('\t')
            .append(1 + random.nextInt(5)).append('\t')
            .append(874_724_710L + random.nextInt(18_000_000)).append('\n');
        out.append(line);
      }
    }
  }

  /**
   * {@code write ROWS PATH}: writes the synthetic file (for the pandas peer). {@code heap ROWS}:
   * loads a synthetic file and prints the retained heap per row after a full GC.
   *
   * @param args the command
   * @throws IOException if the file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("write")) {
      writeSynthetic(Paths.get(args[2]), Integer.parseInt(args[1]), SEED);
      return;
    }
    if (args.length != 2 || !args[0].equals("heap")) {
      System.err.println("usage: LoaderBenchmark write ROWS PATH | heap ROWS");
      System.exit(2);
    }
    int n = Integer.parseInt(args[1]);
    Path tmp = Files.createTempFile("reco-loader-heap", ".data");
    try {
      writeSynthetic(tmp, n, SEED);
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long before = usedAfterGc(memory);
      long start = System.nanoTime();
      LoadResult result = DelimitedLoader.load(tmp, MovieLens.uData(),
          LoadOptions.strict(DuplicatePolicy.KEEP_ALL));
      long millis = (System.nanoTime() - start) / 1_000_000;
      long after = usedAfterGc(memory);
      Interactions x = result.interactions();
      System.out.printf("rows=%d users=%d items=%d load=%d ms (single cold run)%n", x.size(),
          x.numUsers(), x.numItems(), millis);
      System.out.printf("retained heap %d bytes = %.1f bytes/row (columns alone: %.1f bytes/row)%n",
          after - before, (after - before) / (double) x.size(),
          x.columnBytes() / (double) x.size());
      java.lang.ref.Reference.reachabilityFence(result);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
