package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumericIdCacheTest {

  private static int value(String s) {
    char[] a = ("x" + s + "x").toCharArray();
    return NumericIdCache.canonicalValue(a, 1, s.length());
  }

  @Test
  void onlyCanonicalDecimalTextHasAValue() {
    assertEquals(0, value("0"));
    assertEquals(7, value("7"));
    assertEquals(123456789, value("123456789"));
    // not canonical: another text with the same value exists, so these must use the hash path
    for (String s : new String[] {"", "00", "007", "-1", "+1", "1.0", " 1", "1 ", "1a", "٣",
        "1234567890"}) {
      assertEquals(NumericIdCache.NOT_NUMERIC, value(s), s);
    }
  }

  @Test
  void cachesWithinTheMemoryBoundOnly() {
    NumericIdCache cache = new NumericIdCache();
    assertEquals(-1, cache.get(5));
    assertEquals(-1, cache.get(NumericIdCache.NOT_NUMERIC));
    cache.put(5, 0, 1);
    assertEquals(0, cache.get(5));
    // bound with 1 distinct id: 8 * 1 + 4096 = 4104, so 4103 is cached and 4104 is not
    cache.put(4103, 1, 1);
    cache.put(4104, 2, 1);
    assertEquals(1, cache.get(4103));
    assertEquals(-1, cache.get(4104));
    // with more distinct ids the bound grows: 8 * 1000 + 4096 = 12096
    cache.put(12095, 3, 1000);
    assertEquals(3, cache.get(12095));
    cache.put(NumericIdCache.NOT_NUMERIC, 4, 1000);
    assertEquals(0, cache.get(5));
  }
}
