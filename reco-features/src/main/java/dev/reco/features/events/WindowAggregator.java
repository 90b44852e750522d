package dev.reco.features.events;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one-pass computation behind {@link WindowFeatures#compute}.
 *
 * <p>Requests are sorted by (entity, asOf) with {@link GroupSort}. For each entity the sweep
 * keeps one pointer {@code hi} (first event with time >= asOf) and, per window {@code w}, a
 * pointer {@code lo[w]} (first event with time >= asOf - w); both only move forward as asOf
 * grows. Entering and leaving events update running counts, valued counts, sums and per-category
 * counts (hence distinct counts and shares) in O(1); minima and maxima come from monotonic
 * deques of event positions (each event is pushed and popped at most once per deque). Cost:
 * O((events of the requested entities) × W × S + requests × F) after the O(R + entities) request
 * sort, with W tracked windows, S tracked event types and F features; memory per worker
 * O(W × categories + W × S × longest entity run).
 *
 * <p>Sums are running sums: entering adds the value, leaving subtracts it, and a window without
 * valued events resets its sum to exactly 0, so the rounding error stays within a few ulps of the
 * window's largest partial sum.
 */
final class WindowAggregator {
  private final WindowFeatures spec;
  private final EventLog log;
  private final long[] windowMillis;
  private final int[] specWindow;
  private final int trendShort;
  private final int trendLong;
  private final int rfmWindow;
  private final int slots;
  private final int[] codeSlot;
  private final int rfmSlot;
  private final int[] shareCode;
  private final boolean minMax;
  private final WindowFeatures.Aggregation[] aggregations;
  private final int specTypes;
  private final int features;

  WindowAggregator(WindowFeatures spec, EventLog log) {
    this.spec = spec;
    this.log = log;
    List<Long> tracked = new ArrayList<>();
    specWindow = new int[spec.windows().size()];
    for (int i = 0; i < specWindow.length; i++) {
      specWindow[i] = track(tracked, spec.windows().get(i));
    }
    trendShort = spec.trendShort() == null ? -1 : track(tracked, spec.trendShort());
    trendLong = spec.trendLong() == null ? -1 : track(tracked, spec.trendLong());
    rfmWindow = spec.rfmWindow() == null ? -1 : track(tracked, spec.rfmWindow());
    windowMillis = new long[tracked.size()];
    for (int i = 0; i < windowMillis.length; i++) {
      windowMillis[i] = tracked.get(i);
    }
    List<String> slotNames = new ArrayList<>(spec.eventTypes());
    int rfm = -1;
    if (spec.rfmEventType() != null) {
      rfm = slotNames.indexOf(spec.rfmEventType());
      if (rfm < 0) {
        rfm = slotNames.size();
        slotNames.add(spec.rfmEventType());
      }
    }
    rfmSlot = rfm;
    slots = slotNames.size();
    codeSlot = new int[log.eventTypes().size()];
    Arrays.fill(codeSlot, -1);
    for (int s = 0; s < slots; s++) {
      int code = log.eventTypes().indexOf(slotNames.get(s));
      if (code >= 0) {
        codeSlot[code] = s;
      }
    }
    shareCode = new int[spec.shareCategories().size()];
    for (int k = 0; k < shareCode.length; k++) {
      shareCode[k] = log.categories().indexOf(spec.shareCategories().get(k));
    }
    minMax = spec.aggregations().contains(WindowFeatures.Aggregation.MIN)
        || spec.aggregations().contains(WindowFeatures.Aggregation.MAX);
    aggregations = spec.aggregations().toArray(new WindowFeatures.Aggregation[0]);
    specTypes = spec.eventTypes().size();
    features = featureNames(spec).size();
  }

  private static int track(List<Long> tracked, Duration d) {
    long ms = d.toMillis();
    int i = tracked.indexOf(ms);
    if (i >= 0) {
      return i;
    }
    tracked.add(ms);
    return tracked.size() - 1;
  }

  /** The feature column names, in the order {@link Sweep#emit} writes them. */
  static List<String> featureNames(WindowFeatures spec) {
    List<String> names = new ArrayList<>();
    for (Duration w : spec.windows()) {
      String l = WindowFeatures.label(w);
      names.add("count_" + l);
      names.add("frequency_" + l);
      names.add("distinct_categories_" + l);
    }
    for (String type : spec.eventTypes()) {
      for (Duration w : spec.windows()) {
        for (WindowFeatures.Aggregation a : spec.aggregations()) {
          names.add(type + "_" + a.name().toLowerCase(java.util.Locale.ROOT) + "_"
              + WindowFeatures.label(w));
        }
      }
    }
    names.add("days_since_last");
    for (String type : spec.eventTypes()) {
      names.add(type + "_days_since_last");
    }
    if (spec.trendShort() != null) {
      String suffix = "trend_" + WindowFeatures.label(spec.trendShort()) + "_"
          + WindowFeatures.label(spec.trendLong());
      names.add(suffix);
      for (String type : spec.eventTypes()) {
        names.add(type + "_" + suffix);
      }
    }
    if (spec.rfmEventType() != null) {
      names.add("rfm_recency_days");
      names.add("rfm_frequency");
      names.add("rfm_monetary");
    }
    for (String c : spec.shareCategories()) {
      for (Duration w : spec.windows()) {
        names.add("share_" + c + "_" + WindowFeatures.label(w));
      }
    }
    return names;
  }

  Table run(List<String> entities, long[] asOf, int threads) {
    int n = asOf.length;
    int numEntities = log.entities().size();
    int[] code = new int[n];
    int[] key = new int[n];
    for (int r = 0; r < n; r++) {
      String id = Objects.requireNonNull(entities.get(r), "entities[" + r + "]");
      code[r] = log.entities().indexOf(id);
      key[r] = code[r] + 1;
    }
    int[] perm = GroupSort.sort(key, asOf, numEntities + 1, new int[numEntities + 2]);
    double[][] out = new double[features][n];
    int chunks = threads == 1 ? 1 : threads * 8;
    int[] bounds = new int[chunks + 1];
    for (int c = 1; c <= chunks; c++) {
      int b = (int) ((long) n * c / chunks);
      while (b > bounds[c - 1] && b < n && code[perm[b]] == code[perm[b - 1]]) {
        b++;
      }
      bounds[c] = Math.max(b, bounds[c - 1]);
    }
    bounds[chunks] = n;
    if (threads == 1) {
      new Sweep(code, asOf, perm, out).process(0, n);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
          int from = bounds[c];
          int to = bounds[c + 1];
          Callable<Void> task = () -> {
            new Sweep(code, asOf, perm, out).process(from, to);
            return null;
          };
          futures.add(pool.submit(task));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while computing window features", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("window feature computation failed", cause);
      } finally {
        pool.shutdownNow();
      }
    }
    List<Column> columns = new ArrayList<>(features + 2);
    boolean allKnown = true;
    for (int r = 0; r < n && allKnown; r++) {
      allKnown = code[r] >= 0;
    }
    // Entities of the log keep its dictionary (no string hashing); others get their own.
    columns.add(allKnown ? CategoricalColumn.of("entity", code, log.entities())
        : CategoricalColumn.of("entity", entities.toArray(new String[0])));
    columns.add(LongColumn.of("as_of", asOf));
    List<String> names = featureNames(spec);
    for (int f = 0; f < features; f++) {
      columns.add(DoubleColumn.of(names.get(f), out[f]));
    }
    return Table.of(columns);
  }

  /** One worker's sweep state; reused across the entities of its range. */
  private final class Sweep {
    private final int[] code;
    private final long[] asOf;
    private final int[] perm;
    private final double[][] out;
    private final int windows = windowMillis.length;
    private final int categories = log.categories().size();
    private final int[] lo = new int[windows];
    private final int[] allCount = new int[windows];
    private final int[] distinct = new int[windows];
    private final int[] categoryCount;
    private final int[] count;
    private final int[] valued;
    private final double[] sum;
    private final long[] lastType = new long[slots];
    private final boolean[] hasLastType = new boolean[slots];
    private int[][] deque;
    private final int[] head;
    private final int[] tail;
    private int start;
    private int hi;
    private long lastAll;
    private boolean hasLastAll;

    Sweep(int[] code, long[] asOf, int[] perm, double[][] out) {
      this.code = code;
      this.asOf = asOf;
      this.perm = perm;
      this.out = out;
      categoryCount = new int[windows * categories];
      count = new int[windows * slots];
      valued = new int[windows * slots];
      sum = new double[windows * slots];
      int deques = minMax ? windows * slots * 2 : 0;
      deque = new int[deques][0];
      head = new int[deques];
      tail = new int[deques];
    }

    void process(int from, int to) {
      int p = from;
      while (p < to) {
        int e = code[perm[p]];
        int q = p + 1;
        while (q < to && code[perm[q]] == e) {
          q++;
        }
        start = e < 0 ? 0 : log.start(e);
        int end = e < 0 ? 0 : log.end(e);
        hi = start;
        Arrays.fill(lo, start);
        if (minMax && deque.length > 0 && deque[0].length < end - start) {
          int cap = Math.max(end - start, deque[0].length * 2);
          for (int d = 0; d < deque.length; d++) {
            deque[d] = new int[cap];
          }
        }
        for (int k = p; k < q; k++) {
          int r = perm[k];
          advance(asOf[r], end);
          emit(r, asOf[r]);
        }
        clear();
        p = q;
      }
    }

    private void advance(long t, int end) {
      while (hi < end && log.time(hi) < t) {
        enter(hi);
        hi++;
      }
      for (int w = 0; w < windows; w++) {
        long from = t - windowMillis[w];
        if (from > t) {
          from = Long.MIN_VALUE; // underflow: the window reaches back past the first instant
        }
        int l = lo[w];
        while (l < hi && log.time(l) < from) {
          leave(w, l);
          l++;
        }
        lo[w] = l;
      }
    }

    private void enter(int i) {
      int slot = codeSlot[log.type(i)];
      int c = log.category(i);
      double v = log.value(i);
      boolean hasValue = !Double.isNaN(v);
      for (int w = 0; w < windows; w++) {
        allCount[w]++;
        if (c >= 0 && categoryCount[w * categories + c]++ == 0) {
          distinct[w]++;
        }
        if (slot >= 0) {
          int j = w * slots + slot;
          count[j]++;
          if (hasValue) {
            valued[j]++;
            sum[j] += v;
            if (minMax) {
              push(2 * j, i, v, true);
              push(2 * j + 1, i, v, false);
            }
          }
        }
      }
      lastAll = log.time(i);
      hasLastAll = true;
      if (slot >= 0) {
        lastType[slot] = log.time(i);
        hasLastType[slot] = true;
      }
    }

    private void push(int d, int i, double v, boolean min) {
      int[] q = deque[d];
      int h = head[d];
      int t = tail[d];
      while (t > h && (min ? log.value(q[t - 1] + start) >= v : log.value(q[t - 1] + start) <= v)) {
        t--;
      }
      q[t++] = i - start;
      tail[d] = t;
    }

    private double front(int d, int w) {
      int[] q = deque[d];
      int h = head[d];
      int t = tail[d];
      int l = lo[w] - start;
      while (h < t && q[h] < l) {
        h++;
      }
      head[d] = h;
      return h < t ? log.value(q[h] + start) : Double.NaN;
    }

    private void leave(int w, int i) {
      allCount[w]--;
      int c = log.category(i);
      if (c >= 0 && --categoryCount[w * categories + c] == 0) {
        distinct[w]--;
      }
      int slot = codeSlot[log.type(i)];
      if (slot >= 0) {
        int j = w * slots + slot;
        count[j]--;
        double v = log.value(i);
        if (!Double.isNaN(v)) {
          if (--valued[j] == 0) {
            sum[j] = 0.0;
          } else {
            sum[j] -= v;
          }
        }
      }
    }

    private void clear() {
      for (int w = 0; w < windows; w++) {
        for (int i = lo[w]; i < hi; i++) {
          int c = log.category(i);
          if (c >= 0) {
            categoryCount[w * categories + c] = 0;
          }
        }
      }
      Arrays.fill(allCount, 0);
      Arrays.fill(distinct, 0);
      Arrays.fill(count, 0);
      Arrays.fill(valued, 0);
      Arrays.fill(sum, 0.0);
      Arrays.fill(head, 0);
      Arrays.fill(tail, 0);
      Arrays.fill(hasLastType, false);
      hasLastAll = false;
    }

    private void emit(int r, long t) {
      int f = 0;
      for (int i = 0; i < specWindow.length; i++) {
        int w = specWindow[i];
        out[f++][r] = allCount[w];
        out[f++][r] = allCount[w] / days(w);
        out[f++][r] = distinct[w];
      }
      for (int s = 0; s < specTypes; s++) {
        for (int i = 0; i < specWindow.length; i++) {
          int w = specWindow[i];
          int j = w * slots + s;
          for (WindowFeatures.Aggregation a : aggregations) {
            double v;
            switch (a) {
              case COUNT -> v = count[j];
              case SUM -> v = sum[j];
              case MEAN -> v = valued[j] == 0 ? Double.NaN : sum[j] / valued[j];
              case MIN -> v = front(2 * j, w);
              default -> v = front(2 * j + 1, w);
            }
            out[f++][r] = v;
          }
        }
      }
      out[f++][r] = hasLastAll ? daysBetween(lastAll, t) : Double.NaN;
      for (int s = 0; s < specTypes; s++) {
        out[f++][r] = hasLastType[s] ? daysBetween(lastType[s], t) : Double.NaN;
      }
      if (trendShort >= 0) {
        out[f++][r] = trend(allCount[trendShort], allCount[trendLong]);
        for (int s = 0; s < specTypes; s++) {
          out[f++][r] = trend(count[trendShort * slots + s], count[trendLong * slots + s]);
        }
      }
      if (rfmSlot >= 0) {
        out[f++][r] = hasLastType[rfmSlot] ? daysBetween(lastType[rfmSlot], t) : Double.NaN;
        out[f++][r] = count[rfmWindow * slots + rfmSlot];
        out[f++][r] = sum[rfmWindow * slots + rfmSlot];
      }
      for (int k = 0; k < shareCode.length; k++) {
        int c = shareCode[k];
        for (int i = 0; i < specWindow.length; i++) {
          int w = specWindow[i];
          int in = c < 0 ? 0 : categoryCount[w * categories + c];
          out[f++][r] = allCount[w] == 0 ? Double.NaN : (double) in / allCount[w];
        }
      }
    }

    private double trend(int shortCount, int longCount) {
      if (longCount == 0) {
        return Double.NaN;
      }
      return (shortCount / days(trendShort)) / (longCount / days(trendLong));
    }

    private double days(int w) {
      return windowMillis[w] / (double) WindowFeatures.DAY_MILLIS;
    }

    private double daysBetween(long last, long t) {
      return (t - last) / (double) WindowFeatures.DAY_MILLIS;
    }
  }
}
