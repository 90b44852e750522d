package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serving path of every categorical step allocates nothing per row. */
class RowPathAllocationTest {
  private static final int CALLS = 20_000;

  @Test
  void transformRowAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(mx.isThreadAllocatedMemorySupported());
    mx.setThreadAllocatedMemoryEnabled(true);
    Table t = Table.of(CategoricalColumn.of("device", "ios", "web", "ios", "caf\u00e9", null),
        CategoricalColumn.of("country", "DE", "FR", "DE", "\u65e5\u672c", "FR"),
        DoubleColumn.of("y", 1, 0, 1, 0, 1));
    List<FittedStep> steps = List.of(
        OneHotStep.of("device").withUnseen(UnseenCategoryPolicy.OTHER).withMissingIndicator(true).fit(t),
        OrdinalStep.of("device").fit(t),
        FeatureHashingStep.of(16, "device", "country").fit(t),
        TargetEncodingStep.of("device", "y").fit(t),
        FeatureCrossStep.of("device", "country").withUnseen(UnseenCategoryPolicy.OTHER).fit(t));
    String[] devices = {"ios", "web", "tv", "caf\u00e9", null};
    String[] countries = {"DE", "FR", "\u65e5\u672c", "US", "FR"};
    for (FittedStep step : steps) {
      List<TableSchema.Field> fields = new ArrayList<>(List.of(
          new TableSchema.Field("device", ColumnType.CATEGORICAL),
          new TableSchema.Field("country", ColumnType.CATEGORICAL)));
      fields.addAll(step.outputs());
      RowBuffer row = new RowBuffer(TableSchema.of(fields));
      int[] in = new int[step.inputs().size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = step.inputs().get(i).equals("device") ? 0 : 1;
      }
      int[] out = new int[step.outputs().size()];
      for (int j = 0; j < out.length; j++) {
        out[j] = 2 + j;
      }
      run(step, row, in, out, devices, countries); // warm up
      long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
      run(step, row, in, out, devices, countries);
      long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
      // a few hundred bytes of measurement noise at most, far below one byte per call
      assertTrue(allocated < CALLS / 4, step + " allocated " + allocated + " bytes in " + CALLS + " rows");
    }
  }

  private static void run(FittedStep step, RowBuffer row, int[] in, int[] out, String[] devices,
      String[] countries) {
    for (int i = 0; i < CALLS; i++) {
      row.setCategory(0, devices[i % devices.length]);
      row.setCategory(1, countries[i % countries.length]);
      step.transformRow(row, in, out);
    }
  }
}
