package dev.reco.core.format;

import dev.reco.core.DataFingerprint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Builds envelopes straight from the layout in docs/formats.md, independently of {@link Envelope},
 * so tests can craft headers the writer never produces and cross-check the writer against the
 * documented layout.
 */
final class TestEnvelopes {
  static final byte[] MAGIC = {(byte) 0x89, 0x52, 0x45, 0x43, 0x4F, 0x0D, 0x0A, 0x1A};

  private TestEnvelopes() {}

  /** A fixed provenance, independent of the machine running the tests. */
  static Provenance provenance() {
    return new Provenance("TestProducer", "{\"k\":3,\"name\":\"x\"}",
        new DataFingerprint(2, 1, 1, "ab".repeat(32)), 42L, "0.1.0", "17.0.15+6", "Linux 6.1.0",
        "amd64", Instant.parse("2024-05-01T12:00:00Z"));
  }

  /** An envelope laid out as documented, with a correct SHA-256 of everything before it. */
  static byte[] build(int layoutVersion, int typeCode, long payloadVersion, byte[] provenance,
      byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(28 + provenance.length + payload.length + 32)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC);
    b.putShort((short) layoutVersion);
    b.putShort((short) typeCode);
    b.putInt((int) payloadVersion);
    b.putInt(provenance.length);
    b.putLong(payload.length);
    b.put(provenance);
    b.put(payload);
    return reseal(b.array());
  }

  /** A version-1 envelope of the given type and payload version, with the fixed provenance. */
  static byte[] build(FormatType type, int payloadVersion, byte[] payload) {
    return build(1, type.code(), payloadVersion,
        provenance().toJson().getBytes(StandardCharsets.UTF_8), payload);
  }

  /** Rewrites the last 32 bytes as the SHA-256 of the bytes before them (modifies and returns). */
  static byte[] reseal(byte[] envelope) {
    int body = envelope.length - 32;
    MessageDigest sha = sha256();
    sha.update(envelope, 0, body);
    System.arraycopy(sha.digest(), 0, envelope, body, 32);
    return envelope;
  }

  static byte[] sha256(byte[] bytes, int length) {
    MessageDigest sha = sha256();
    sha.update(bytes, 0, length);
    return sha.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Sets a little-endian field of {@code size} bytes at {@code offset} (modifies and returns). */
  static byte[] patch(byte[] envelope, int offset, int size, long value) {
    for (int i = 0; i < size; i++) {
      envelope[offset + i] = (byte) (value >>> (8 * i));
    }
    return envelope;
  }
}
