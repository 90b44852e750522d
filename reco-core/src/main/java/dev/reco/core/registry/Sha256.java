package dev.reco.core.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests and their lower-case hex form. */
final class Sha256 {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  static String hex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  static String of(byte[] bytes) {
    return hex(newDigest().digest(bytes));
  }

  static boolean isHex(String s) {
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
