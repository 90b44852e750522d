package dev.reco.benchmarks;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures retained heap per interaction for {@link Interactions} and, in the same run, for the
 * obvious object-per-row peer ({@code ArrayList} of records).
 *
 * <p>Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.reco.benchmarks.MemoryFootprint
 * [rows] [users] [items]} (defaults 10,000,000 rows, 100,000 users, 20,000 items).
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /** One interaction as an object: what a naive loader keeps per row. */
  record Row(int user, int item, float value, long timestamp) {}

  /**
   * Runs the measurement and prints bytes per interaction.
   *
   * @param args optional rows, users, items
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int items = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    IdIndex.Builder ub = IdIndex.builder(users);
    for (int u = 0; u < users; u++) {
      ub.add("u" + u);
    }
    IdIndex.Builder ib = IdIndex.builder(items);
    for (int i = 0; i < items; i++) {
      ib.add("i" + i);
    }
    IdIndex userIndex = ub.build();
    IdIndex itemIndex = ib.build();

    long base = usedAfterGc();
    Interactions.Builder builder = Interactions.builder(DuplicatePolicy.KEEP_ALL)
        .userIndex(userIndex).itemIndex(itemIndex).expectedSize(rows);
    SplittableRandom random = new SplittableRandom(42);
    for (int r = 0; r < rows; r++) {
      builder.addIndexed(random.nextInt(users), random.nextInt(items), 1 + random.nextInt(5),
          1_600_000_000_000L + r * 1000L, r % 10 == 0 ? "purchase" : "view");
    }
    Interactions data = builder.build();
    builder = null;
    long withColumns = usedAfterGc() - base;
    data.byUser();
    data.byItem();
    long withViews = usedAfterGc() - base;
    System.out.printf("rows=%,d users=%,d items=%,d%n", rows, users, items);
    System.out.printf("Interactions (user,item,value,timestamp,eventType): %,d bytes = %.2f bytes/interaction%n",
        withColumns, (double) withColumns / rows);
    System.out.printf("  + byUser and byItem CSR views: %,d bytes = %.2f bytes/interaction%n",
        withViews, (double) withViews / rows);
    if (data.size() != rows) {
      throw new AssertionError("row count " + data.size());
    }
    data = null;

    long base2 = usedAfterGc();
    List<Row> objects = new ArrayList<>(rows);
    random = new SplittableRandom(42);
    for (int r = 0; r < rows; r++) {
      objects.add(new Row(random.nextInt(users), random.nextInt(items), 1 + random.nextInt(5),
          1_600_000_000_000L + r * 1000L));
    }
    long peer = usedAfterGc() - base2;
    System.out.printf("peer ArrayList<record Row(int,int,float,long)>: %,d bytes = %.2f bytes/interaction (ratio peer/reco %.2f)%n",
        peer, (double) peer / rows, (double) peer / withColumns);
    if (objects.size() != rows) {
      throw new AssertionError();
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
