package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MurmurHash3Test {
  private static int hash(int seed, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return MurmurHash3.hash32(b, 0, b.length, seed);
  }

  /** The widely published MurmurHash3_x86_32 verification values (smhasher's reference). */
  @Test
  void publishedReferenceVectors() {
    assertEquals(0, hash(0));
    assertEquals(0x514E28B7, hash(1));
    assertEquals(0x81F16F39, hash(0xffffffff));
    assertEquals(0x76293B50, hash(0, 0xff, 0xff, 0xff, 0xff));
    assertEquals(0xF55B516B, hash(0, 0x21, 0x43, 0x65, 0x87));
    assertEquals(0x2362F9DE, hash(0x5082EDEE, 0x21, 0x43, 0x65, 0x87));
    assertEquals(0x7E4A8634, hash(0, 0x21, 0x43, 0x65));
    assertEquals(0xA0F7B07A, hash(0, 0x21, 0x43));
    assertEquals(0x72661CF4, hash(0, 0x21));
    assertEquals(0x2362F9DE, hash(0, 0, 0, 0, 0));
    assertEquals(0x85F0B427, hash(0, 0, 0, 0));
    assertEquals(0x30F4C306, hash(0, 0, 0));
    assertEquals(0x514E28B7, hash(0, 0));
    int seed = 0x9747b28c;
    assertEquals(0x5A97808A, MurmurHash3.hash32("aaaa", seed));
    assertEquals(0x283E0130, MurmurHash3.hash32("aaa", seed));
    assertEquals(0x5D211726, MurmurHash3.hash32("aa", seed));
    assertEquals(0x7FA09EA6, MurmurHash3.hash32("a", seed));
    assertEquals(0xF0478627, MurmurHash3.hash32("abcd", seed));
    assertEquals(0xC84A62DD, MurmurHash3.hash32("abc", seed));
    assertEquals(0x74875592, MurmurHash3.hash32("ab", seed));
    assertEquals(0x24884CBA, MurmurHash3.hash32("Hello, world!", seed));
    assertEquals(0xD58063C1, MurmurHash3.hash32("\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0", seed));
    assertEquals(0x2FA826CD, MurmurHash3.hash32("The quick brown fox jumps over the lazy dog", seed));
  }

  /** Values of sklearn.utils.murmurhash3_32 from tools/fixtures/feature_hashing_sklearn.py. */
  @Test
  void equalsScikitLearn() throws IOException {
    JsonNode doc = fixture();
    int n = 0;
    for (JsonNode c : doc.get("murmurhash3_32")) {
      String s = c.get("string").asText();
      int seed = (int) c.get("seed").asLong();
      assertEquals(c.get("signed").asInt(), MurmurHash3.hash32(s, seed), s + " seed " + seed);
      assertEquals(c.get("unsigned").asLong(), Integer.toUnsignedLong(MurmurHash3.hash32(s, seed)));
      // the streaming two-part form agrees at every split point
      for (int k = 0; k <= s.length(); k++) {
        assertEquals(MurmurHash3.hash32(s, seed), MurmurHash3.hash32(s.substring(0, k), s.substring(k), seed));
      }
      n++;
    }
    assertTrue(n >= 80, "cases = " + n);
  }

  @Property(tries = 300, seed = "11")
  void streamingEqualsByteArray(@ForAll String a, @ForAll String b, @ForAll int seed) {
    byte[] bytes = (a + b).getBytes(StandardCharsets.UTF_8);
    assertEquals(MurmurHash3.hash32(bytes, 0, bytes.length, seed), MurmurHash3.hash32(a, b, seed));
  }

  static JsonNode fixture() throws IOException {
    try (InputStream in = MurmurHash3Test.class.getResourceAsStream("/fixtures/feature-hashing-sklearn.json")) {
      return StepAssertions.MAPPER.readTree(in);
    }
  }
}
