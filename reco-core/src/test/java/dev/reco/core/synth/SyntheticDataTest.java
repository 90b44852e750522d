package dev.reco.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Statistical specification of the generator on 2,000 users x 500 items x 100,000 events with
 * the default model settings and seed 42. Bounds are several standard errors wide but far from
 * what a broken model would give (each test says what the broken value would be).
 */
class SyntheticDataTest {
  private static final SyntheticConfig CONFIG =
      SyntheticConfig.defaults().withUsers(2_000).withItems(500).withEvents(100_000);
  private static final SyntheticData DATA = SyntheticData.generate(CONFIG);
  private static final EventLog LOG = EventLog.of(DATA);
  private static final long DAY = 86_400_000L;

  // ---- determinism -------------------------------------------------------------------------

  @Test
  void sameSeedGivesTheSameData() {
    SyntheticData again = SyntheticData.generate(CONFIG);
    assertTrue(LOG.sameAs(EventLog.of(again)));
    assertTrue(LOG.sameAs(EventLog.of(DATA)), "a second forEach replays the same stream");
    assertEquals(DATA.toInteractions(DuplicatePolicy.KEEP_ALL).fingerprint(),
        again.toInteractions(DuplicatePolicy.KEEP_ALL).fingerprint());
    assertArrayEquals(DATA.items().priceColumn(), again.items().priceColumn());
    assertArrayEquals(DATA.users().clusterColumn(), again.users().clusterColumn());
  }

  @Test
  void differentSeedGivesDifferentData() {
    SyntheticData other = SyntheticData.generate(CONFIG.withSeed(43));
    assertNotEquals(DATA.toInteractions(DuplicatePolicy.KEEP_ALL).fingerprint(),
        other.toInteractions(DuplicatePolicy.KEEP_ALL).fingerprint());
    assertFalse(Arrays.equals(DATA.items().categoryColumn(), other.items().categoryColumn()));
    assertFalse(Arrays.equals(LOG.times(), EventLog.of(other).times()));
  }

  @Test
  void randomStreamsAreIndependentPerPurpose() {
    // The funnel has its own stream: other funnel probabilities leave the catalog and the event
    // times untouched (only which slots hold funnel events changes).
    SyntheticData other = SyntheticData.generate(CONFIG.withCartProbability(0.3));
    assertArrayEquals(LOG.times(), EventLog.of(other).times());
    assertArrayEquals(DATA.items().priceColumn(), other.items().priceColumn());
    assertArrayEquals(DATA.users().joinColumn(), other.users().joinColumn());
    // More events do not change the catalog either.
    SyntheticData more = SyntheticData.generate(CONFIG.withEvents(150_000));
    assertArrayEquals(DATA.items().categoryColumn(), more.items().categoryColumn());
    assertArrayEquals(DATA.users().clusterColumn(), more.users().clusterColumn());
  }

  // ---- shape of the stream -----------------------------------------------------------------

  @Test
  void emitsExactlyTheConfiguredNumberOfEvents() {
    assertEquals(100_000, LOG.size);
    assertEquals(100_000, DATA.events());
    for (long n : new long[] {1, 2, 12_345}) {
      EventLog log = EventLog.of(SyntheticData.generate(CONFIG.withEvents(n)));
      assertEquals(n, log.size);
    }
  }

  @Test
  void timestampsAreNonDecreasingAndInsideThePeriod() {
    long start = CONFIG.start().toEpochMilli();
    long end = start + 90 * DAY;
    for (int k = 0; k < LOG.size; k++) {
      assertTrue(LOG.time[k] >= start && LOG.time[k] < end, "event " + k);
      if (k > 0) {
        assertTrue(LOG.time[k] >= LOG.time[k - 1], "event " + k + " goes back in time");
      }
    }
    // the period is covered: first and last day both have events
    assertTrue(LOG.time[0] < start + DAY);
    assertTrue(LOG.time[LOG.size - 1] >= end - DAY);
  }

  @Test
  void valuesFollowTheEventType() {
    for (int k = 0; k < LOG.size; k++) {
      assertEquals(LOG.type[k].value(), LOG.value[k]);
    }
    assertEquals(1f, EventType.VIEW.value());
    assertEquals(2f, EventType.ADD_TO_CART.value());
    assertEquals(4f, EventType.PURCHASE.value());
  }

  // ---- cold start ----------------------------------------------------------------------------

  @Test
  void noEventPrecedesItsUsersJoinOrItsItemsAppearance() {
    for (int k = 0; k < LOG.size; k++) {
      assertTrue(LOG.time[k] >= DATA.users().joinedAt(LOG.user[k]), "event " + k);
      assertTrue(LOG.time[k] >= DATA.items().appearedAt(LOG.item[k]), "event " + k);
    }
  }

  @Test
  void newUsersAndItemsAppearInTheConfiguredFractions() {
    // 2,000 users * 0.2 = 400 new users; 500 items * 0.1 = 50 new items
    assertEquals(400, DATA.users().newUsers());
    assertEquals(50, DATA.items().newItems());
    long start = CONFIG.start().toEpochMilli();
    int lateJoins = 0;
    for (int u = 0; u < 2_000; u++) {
      boolean isNew = u >= 1_600; // indexes follow join order
      assertEquals(isNew, DATA.users().isNew(u), "user " + u);
      assertEquals(isNew, DATA.users().joinedAt(u) > start);
      if (DATA.users().joinedAt(u) >= start + 45 * DAY) {
        lateJoins++;
      }
    }
    // join times are uniform over the period: about half of the 400 join in the second half
    // (binomial sd 10); a model adding all users at the start would give 0
    assertTrue(lateJoins > 160 && lateJoins < 240, "late joins " + lateJoins);
    for (int i = 0; i < 500; i++) {
      assertEquals(i >= 450, DATA.items().isNew(i), "item " + i);
    }
    // cold-start entities really show up in the stream: 375 of the 400 new users and 47 of
    // the 50 new items have events (those arriving in the last days may have none)
    Set<Integer> activeNewUsers = new HashSet<>();
    Set<Integer> activeNewItems = new HashSet<>();
    for (int k = 0; k < LOG.size; k++) {
      if (DATA.users().isNew(LOG.user[k])) {
        activeNewUsers.add(LOG.user[k]);
      }
      if (DATA.items().isNew(LOG.item[k])) {
        activeNewItems.add(LOG.item[k]);
      }
    }
    assertTrue(activeNewUsers.size() > 320, "active new users " + activeNewUsers.size());
    assertTrue(activeNewItems.size() > 25, "active new items " + activeNewItems.size());
  }

  // ---- popularity ----------------------------------------------------------------------------

  /** Share of views of the top 10% of items by true rank, and of the bottom 50%. */
  private static double[] viewShares(SyntheticData data, EventLog log) {
    int n = data.items().size();
    long top = 0;
    long bottom = 0;
    long views = 0;
    for (int k = 0; k < log.size; k++) {
      if (log.type[k] != EventType.VIEW) {
        continue;
      }
      int rank = data.items().popularityRank(log.item[k]);
      views++;
      top += rank <= n / 10 ? 1 : 0;
      bottom += rank > n / 2 ? 1 : 0;
    }
    return new double[] {top / (double) views, bottom / (double) views};
  }

  @Test
  void popularityIsZipf() {
    // Pure Zipf(1) on 500 items: top 50 get H(50)/H(500) = 4.499/6.793 = 0.66 of the views,
    // the bottom 250 get (H(500) - H(250))/H(500) = 0.69/6.79 = 0.10. Cluster tastes flatten
    // this a little: observed 0.60 and 0.14. Uniform popularity would give 0.10 and 0.50.
    double[] shares = viewShares(DATA, LOG);
    assertTrue(shares[0] > 0.5, "top 10% share " + shares[0]);
    assertTrue(shares[1] < 0.2, "bottom 50% share " + shares[1]);
    int[] ranks = new int[500];
    for (int i = 0; i < 500; i++) {
      ranks[i] = DATA.items().popularityRank(i);
    }
    Arrays.sort(ranks);
    for (int r = 0; r < 500; r++) {
      assertEquals(r + 1, ranks[r], "ranks are a permutation of 1..500");
    }
  }

  @Test
  void zipfExponentZeroMakesPopularityFlat() {
    SyntheticData flat = SyntheticData.generate(CONFIG.withZipfExponent(0));
    double[] shares = viewShares(flat, EventLog.of(flat));
    // observed 0.104 and 0.539: the top 10% get about 10%, the bottom half about half
    assertEquals(0.10, shares[0], 0.03);
    assertEquals(0.50, shares[1], 0.06);
  }

  // ---- planted clusters ----------------------------------------------------------------------

  /** Mean Jaccard similarity of item sets of user pairs, {same cluster, different clusters}. */
  private static double[] meanJaccard(SyntheticData data, EventLog log) {
    int users = data.users().size();
    int[][] sets = new int[users][];
    int[] counts = new int[users];
    for (int k = 0; k < log.size; k++) {
      counts[log.user[k]]++;
    }
    for (int u = 0; u < users; u++) {
      sets[u] = new int[counts[u]];
      counts[u] = 0;
    }
    for (int k = 0; k < log.size; k++) {
      sets[log.user[k]][counts[log.user[k]]++] = log.item[k];
    }
    int[] chosen = new int[400];
    int m = 0;
    for (int u = 0; u < users && m < chosen.length; u++) {
      sets[u] = Arrays.stream(sets[u]).sorted().distinct().toArray();
      if (sets[u].length >= 5) {
        chosen[m++] = u;
      }
    }
    double[] sum = new double[2];
    int[] pairs = new int[2];
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        int[] x = sets[chosen[a]];
        int[] y = sets[chosen[b]];
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
          if (x[i] == y[j]) {
            common++;
            i++;
            j++;
          } else if (x[i] < y[j]) {
            i++;
          } else {
            j++;
          }
        }
        int same = data.users().cluster(chosen[a]) == data.users().cluster(chosen[b]) ? 0 : 1;
        sum[same] += common / (double) (x.length + y.length - common);
        pairs[same]++;
      }
    }
    return new double[] {sum[0] / pairs[0], sum[1] / pairs[1]};
  }

  @Test
  void usersOfTheSameClusterShareFarMoreItems() {
    // observed: 0.200 within clusters vs 0.054 across (10k and 70k pairs of 400 users)
    double[] jaccard = meanJaccard(DATA, LOG);
    assertTrue(jaccard[0] > 3 * jaccard[1], Arrays.toString(jaccard));
    // Without cluster affinity the structure disappears: observed 0.122 vs 0.123
    SyntheticData flat = SyntheticData.generate(CONFIG.withClusterAffinity(0));
    double[] flatJaccard = meanJaccard(flat, EventLog.of(flat));
    assertEquals(1.0, flatJaccard[0] / flatJaccard[1], 0.05, Arrays.toString(flatJaccard));
  }

  @Test
  void clustersViewMostlyTheirPreferredCategories() {
    // A view follows the cluster with probability 0.8 (preferred categories only); the other
    // 0.2 follow global popularity, of which 3 of 20 categories hold about 15%:
    // expected share about 0.8 + 0.2 * 0.15 = 0.83 (observed 0.817 .. 0.879 per cluster).
    UserPopulation users = DATA.users();
    long[] inPreferred = new long[users.clusters()];
    long[] views = new long[users.clusters()];
    boolean[][] liked = new boolean[users.clusters()][DATA.items().categories()];
    for (int c = 0; c < users.clusters(); c++) {
      int[] preferred = users.preferredCategories(c);
      assertEquals(3, preferred.length);
      assertEquals(3, Arrays.stream(preferred).distinct().count());
      for (int p : preferred) {
        liked[c][p] = true;
      }
    }
    for (int k = 0; k < LOG.size; k++) {
      if (LOG.type[k] == EventType.VIEW) {
        int c = users.cluster(LOG.user[k]);
        views[c]++;
        inPreferred[c] += liked[c][DATA.items().category(LOG.item[k])] ? 1 : 0;
      }
    }
    for (int c = 0; c < users.clusters(); c++) {
      double share = inPreferred[c] / (double) views[c];
      assertTrue(share > 0.78 && share < 0.92, "cluster " + c + " share " + share);
    }
  }

  @Test
  void clustersPreferDisjointCategoriesWhenThereAreEnough() {
    // 5 clusters x 4 categories = 20 = categories: a partition of the 20 categories
    SyntheticData d = SyntheticData.generate(
        CONFIG.withClusters(5).withCategoriesPerCluster(4).withEvents(10));
    Set<Integer> seen = new HashSet<>();
    for (int c = 0; c < 5; c++) {
      for (int p : d.users().preferredCategories(c)) {
        assertTrue(seen.add(p), "category " + p + " preferred twice");
      }
    }
    assertEquals(20, seen.size());
  }

  // ---- funnel --------------------------------------------------------------------------------

  @Test
  void funnelRatiosAreTheConfiguredOnes() {
    int views = LOG.count(EventType.VIEW);
    int carts = LOG.count(EventType.ADD_TO_CART);
    int purchases = LOG.count(EventType.PURCHASE);
    assertEquals(100_000, views + carts + purchases);
    // observed 83,273 / 12,389 / 4,338: cart/view 0.1488 (binomial sd 0.0012),
    // purchase/cart 0.3501 (sd 0.0043)
    assertEquals(0.15, carts / (double) views, 0.006);
    assertEquals(0.35, purchases / (double) carts, 0.02);
  }

  @Test
  void funnelStepsFollowTheirPredecessorAfterTheConfiguredDelay() {
    // per (user, item): views not yet carted, carts not yet purchased
    Map<Long, int[]> open = new HashMap<>();
    Map<Long, Long> lastView = new HashMap<>();
    double gapSum = 0;
    int carts = 0;
    for (int k = 0; k < LOG.size; k++) {
      long key = (long) LOG.user[k] * 1_000_000 + LOG.item[k];
      int[] o = open.computeIfAbsent(key, x -> new int[2]);
      switch (LOG.type[k]) {
        case VIEW:
          o[0]++;
          lastView.put(key, LOG.time[k]);
          break;
        case ADD_TO_CART:
          assertTrue(o[0] > 0, "add-to-cart without an earlier view, event " + k);
          o[0]--;
          o[1]++;
          gapSum += LOG.time[k] - lastView.get(key);
          carts++;
          break;
        default:
          assertTrue(o[1] > 0, "purchase without an earlier add-to-cart, event " + k);
          o[1]--;
      }
    }
    // mean delay 10 min plus the wait for the next event slot (about 78 s at 100k events in
    // 90 days): observed 11.6 min; no delay would give ~1.3 min
    double meanGapMinutes = gapSum / carts / 60_000;
    assertTrue(meanGapMinutes > 9 && meanGapMinutes < 14, "mean gap " + meanGapMinutes);
  }

  // ---- seasonality ---------------------------------------------------------------------------

  /** Mean events per weekend day divided by mean events per weekday (UTC). */
  private static double weekendRatio(SyntheticConfig config, EventLog log) {
    long start = config.start().toEpochMilli();
    int days = (int) (config.duration().toMillis() / DAY);
    long[] perDay = new long[days];
    for (int k = 0; k < log.size; k++) {
      perDay[(int) ((log.time[k] - start) / DAY)]++;
    }
    double weekend = 0;
    double weekday = 0;
    int weekendDays = 0;
    for (int d = 0; d < days; d++) {
      DayOfWeek dow = Instant.ofEpochMilli(start + d * DAY).atZone(ZoneOffset.UTC).getDayOfWeek();
      if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
        weekend += perDay[d];
        weekendDays++;
      } else {
        weekday += perDay[d];
      }
    }
    return (weekend / weekendDays) / (weekday / (days - weekendDays));
  }

  @Test
  void weekendsHaveTheConfiguredIntensity() {
    // ~1,000 events a day; the ratio of means over 26 weekend and 64 weekdays has sd ~0.01
    assertEquals(1.4, weekendRatio(CONFIG, LOG), 0.05); // observed 1.401
    SyntheticConfig strong = CONFIG.withWeekendFactor(2.5);
    assertEquals(2.5, weekendRatio(strong, EventLog.of(SyntheticData.generate(strong))), 0.1);
    SyntheticConfig flat = CONFIG.withWeekendFactor(1.0);
    assertEquals(1.0, weekendRatio(flat, EventLog.of(SyntheticData.generate(flat))), 0.04);
  }

  // ---- catalog -------------------------------------------------------------------------------

  @Test
  void pricesArePositiveCentsAndDifferByCategory() {
    ItemCatalog items = DATA.items();
    int categories = items.categories();
    double[] logSum = new double[categories];
    int[] count = new int[categories];
    for (int i = 0; i < items.size(); i++) {
      double p = items.price(i);
      assertTrue(p >= 0.01, "price " + p);
      assertEquals(Math.round(p * 100), p * 100, 1e-6, "cents");
      logSum[items.category(i)] += Math.log(p);
      count[items.category(i)]++;
    }
    double[] logMean = new double[categories];
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int c = 0; c < categories; c++) {
      logMean[c] = logSum[c] / count[c];
      lo = Math.min(lo, Math.exp(logMean[c]));
      hi = Math.max(hi, Math.exp(logMean[c]));
    }
    // category medians are log-uniform in [5, 500]: observed geometric means 6.0 .. 491
    assertTrue(lo < 20 && hi > 150, lo + " .. " + hi);
    double ss = 0;
    int df = 0;
    for (int i = 0; i < items.size(); i++) {
      double d = Math.log(items.price(i)) - logMean[items.category(i)];
      ss += d * d;
    }
    for (int c = 0; c < categories; c++) {
      df += count[c] - 1;
    }
    // within a category, log prices have sd priceSigma = 0.5 (observed pooled 0.487, se ~0.016)
    assertEquals(0.5, Math.sqrt(ss / df), 0.05);
  }

  @Test
  void idsAreZeroPaddedIndexes() {
    assertEquals("u000123", DATA.users().id(123));
    assertEquals("i00042", DATA.items().id(42));
    assertEquals(2_000, DATA.users().ids().size());
    assertEquals(500, DATA.items().ids().size());
    assertEquals(123, DATA.users().ids().indexOf("u000123"));
    assertEquals("i00499", DATA.items().ids().idOf(499));
    assertSame(DATA.items().ids(), DATA.items().ids(), "cached");
    assertEquals("u0001234", new IdFormat('u', 6, 10_000_000).format(1234));
    assertEquals("i7", new IdFormat('i', 1, 10).format(7));
    assertThrows(IndexOutOfBoundsException.class, () -> DATA.users().id(2_000));
  }

  @Test
  void categoryNamesAreWordsOrNumbered() {
    assertEquals("electronics", DATA.items().categoryName(0));
    assertEquals(20, DATA.items().categoryNames().size());
    assertEquals(20, new HashSet<>(DATA.items().categoryNames()).size());
    SyntheticData many = SyntheticData.generate(CONFIG.withCategories(30).withEvents(1));
    assertEquals("category-07", many.items().categoryName(7));
    assertEquals("category-29", many.items().categoryName(29));
  }

  @Test
  void accessorsReturnCopies() {
    int[] categories = DATA.items().categoryColumn();
    int before = DATA.items().category(0);
    categories[0] = before + 1;
    assertEquals(before, DATA.items().category(0));
    int[] preferred = DATA.users().preferredCategories(0);
    preferred[0] = -1;
    assertTrue(DATA.users().preferredCategories(0)[0] >= 0);
    long[] joins = DATA.users().joinColumn();
    joins[0] = -1;
    assertTrue(DATA.users().joinedAt(0) > 0);
  }

  /** Share of all events held by the 10% most active users. */
  private static double topUserShare(EventLog log, int users) {
    int[] counts = new int[users];
    for (int k = 0; k < log.size; k++) {
      counts[log.user[k]]++;
    }
    Arrays.sort(counts);
    long top = 0;
    for (int u = users - users / 10; u < users; u++) {
      top += counts[u];
    }
    return top / (double) log.size;
  }

  @Test
  void userActivityIsHeavyTailed() {
    // log-normal(sigma = 1) weights: the top 10% of users hold 0.422 of the events
    double share = topUserShare(LOG, 2_000);
    assertTrue(share > 0.3 && share < 0.55, "top 10% user share " + share);
    // equal weights: 0.142 (10%, plus Poisson noise and late joiners having less time)
    SyntheticData equal = SyntheticData.generate(CONFIG.withUserActivitySigma(0));
    double flat = topUserShare(EventLog.of(equal), 2_000);
    assertTrue(flat > 0.1 && flat < 0.2, "top 10% user share " + flat);
  }

  // ---- conversions ---------------------------------------------------------------------------

  @Test
  void keepAllInteractionsAreTheStream() {
    Interactions x = DATA.toInteractions(DuplicatePolicy.KEEP_ALL);
    assertEquals(LOG.size, x.size());
    assertEquals(DATA.users().ids(), x.users());
    assertEquals(DATA.items().ids(), x.items());
    for (int k = 0; k < LOG.size; k++) {
      assertEquals(LOG.user[k], x.user(k));
      assertEquals(LOG.item[k], x.item(k));
      assertEquals(LOG.time[k], x.timestamp(k));
      assertEquals(LOG.value[k], x.value(k));
      assertEquals(LOG.type[k].label(), x.eventTypes().idOf(x.eventType(k)));
    }
  }

  @Test
  void sumInteractionsMergePairs() {
    Interactions x = DATA.toInteractions(DuplicatePolicy.SUM);
    Set<Long> pairs = new HashSet<>();
    double total = 0;
    for (int k = 0; k < LOG.size; k++) {
      pairs.add((long) LOG.user[k] << 32 | LOG.item[k]);
      total += LOG.value[k];
    }
    assertEquals(pairs.size(), x.size());
    double merged = 0;
    for (int r = 0; r < x.size(); r++) {
      merged += x.value(r);
    }
    assertEquals(total, merged, 1e-6);
  }

  @Test
  void sinkFailuresPropagateAndLeaveTheDataUsable() {
    IllegalStateException stop = new IllegalStateException("stop");
    int[] seen = new int[1];
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DATA.forEach((u, i, t, type, v) -> {
          if (++seen[0] == 10) {
            throw stop;
          }
        }));
    assertSame(stop, e);
    assertTrue(LOG.sameAs(EventLog.of(DATA)));
    assertThrows(NullPointerException.class, () -> DATA.forEach(null));
    assertThrows(NullPointerException.class, () -> SyntheticData.generate(null));
  }

  @Test
  void eventTypeLabelsRoundTrip() {
    for (EventType t : EventType.values()) {
      assertSame(t, EventType.fromLabel(t.label()));
    }
    assertEquals("add_to_cart", EventType.ADD_TO_CART.label());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventType.fromLabel("cart"));
    assertTrue(e.getMessage().contains("'cart'"), e.getMessage());
  }
}
