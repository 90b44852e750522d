package dev.reco.features.transform;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3 x86_32 (Austin Appleby's public-domain reference, {@code MurmurHash3_x86_32} in
 * smhasher's MurmurHash3.cpp): a seeded 32-bit hash of a byte sequence, bit-for-bit equal to the
 * reference and to scikit-learn's {@code sklearn.utils.murmurhash3_32}, so hashed features are
 * stable across JVMs, processes and languages (unlike {@link String#hashCode}, which is stable
 * but not what other tools compute). Strings are hashed as their UTF-8 bytes; an unpaired
 * surrogate is encoded as {@code '?'}, as {@link String#getBytes} does.
 */
public final class MurmurHash3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private MurmurHash3() {}

  /**
   * Hashes a byte range.
   *
   * @param data the bytes
   * @param offset the first byte
   * @param length the number of bytes
   * @param seed the seed (an unsigned 32-bit value held in an int)
   * @return the hash as a signed int (its bits are the reference's uint32 result)
   * @throws IndexOutOfBoundsException if the range lies outside {@code data}
   */
  public static int hash32(byte[] data, int offset, int length, int seed) {
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    int h1 = seed;
    int blocks = length >>> 2;
    for (int i = 0; i < blocks; i++) {
      int p = offset + (i << 2);
      int k1 = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16
          | (data[p + 3] & 0xff) << 24;
      h1 = mixH1(h1, mixK1(k1));
    }
    int tail = offset + (blocks << 2);
    int k1 = 0;
    switch (length & 3) {
      case 3:
        k1 ^= (data[tail + 2] & 0xff) << 16;
        // fall through
      case 2:
        k1 ^= (data[tail + 1] & 0xff) << 8;
        // fall through
      case 1:
        k1 ^= data[tail] & 0xff;
        h1 ^= mixK1(k1);
        break;
      default:
        break;
    }
    return fmix(h1 ^ length);
  }

  /**
   * Hashes the UTF-8 bytes of a string.
   *
   * @param s the string
   * @param seed the seed
   * @return the hash
   */
  public static int hash32(String s, int seed) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return hash32(b, 0, b.length, seed);
  }

  /**
   * Hashes the UTF-8 bytes of {@code first + second} without building the string or a byte
   * array: the serving path of feature hashing, which hashes {@code "column=" + value}.
   *
   * @param first the first part (may be empty)
   * @param second the second part
   * @param seed the seed
   * @return the same value as {@code hash32(first + second, seed)}
   */
  public static int hash32(String first, String second, int seed) {
    int h1 = seed;
    int k = 0; // pending bytes, little-endian
    int pending = 0;
    int length = 0;
    int n1 = first.length();
    int n = n1 + second.length();
    for (int i = 0; i < n; i++) {
      char c = i < n1 ? first.charAt(i) : second.charAt(i - n1);
      int enc;
      int m;
      if (c < 0x80) {
        enc = c;
        m = 1;
      } else if (c < 0x800) {
        enc = (0xc0 | c >> 6) | (0x80 | c & 0x3f) << 8;
        m = 2;
      } else if (Character.isSurrogate(c)) {
        char d = i + 1 < n ? (i + 1 < n1 ? first.charAt(i + 1) : second.charAt(i + 1 - n1)) : 0;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(d)) {
          int cp = Character.toCodePoint(c, d);
          enc = (0xf0 | cp >> 18) | (0x80 | cp >> 12 & 0x3f) << 8 | (0x80 | cp >> 6 & 0x3f) << 16
              | (0x80 | cp & 0x3f) << 24;
          m = 4;
          i++;
        } else {
          enc = '?';
          m = 1;
        }
      } else {
        enc = (0xe0 | c >> 12) | (0x80 | c >> 6 & 0x3f) << 8 | (0x80 | c & 0x3f) << 16;
        m = 3;
      }
      for (int b = 0; b < m; b++) {
        k |= (enc >>> (b << 3) & 0xff) << (pending << 3);
        length++;
        if (++pending == 4) {
          h1 = mixH1(h1, mixK1(k));
          k = 0;
          pending = 0;
        }
      }
    }
    if (pending > 0) {
      h1 ^= mixK1(k);
    }
    return fmix(h1 ^ length);
  }

  private static int mixK1(int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * C2;
  }

  private static int mixH1(int h1, int k1) {
    h1 ^= k1;
    h1 = Integer.rotateLeft(h1, 13);
    return h1 * 5 + 0xe6546b64;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
