package dev.reco.core.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests and their lower-case hex form, as stores record them for artifacts. */
public final class Sha256 {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  /**
   * Returns a new SHA-256 digest, for hashing bytes as they stream past.
   *
   * @return a fresh digest, not shared
   */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /**
   * Writes bytes (usually a digest) as lower-case hex.
   *
   * @param digest the bytes
   * @return two hex digits per byte
   */
  public static String hex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Returns the SHA-256 of {@code bytes} in lower-case hex.
   *
   * @param bytes the bytes to hash
   * @return 64 hex digits
   */
  public static String of(byte[] bytes) {
    return hex(newDigest().digest(bytes));
  }

  /**
   * Tells whether {@code s} has the form of a SHA-256 in lower-case hex.
   *
   * @param s the text
   * @return whether it is exactly 64 characters from {@code 0-9 a-f}
   */
  public static boolean isHex(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
