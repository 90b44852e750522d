package dev.reco.models.mf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lays out payload bytes field by field as docs/mf-model.md documents them, independently of
 * {@link MatrixFactorizationFormat}'s writer, to cross-check the writer and to craft malformed
 * payloads.
 */
final class Layout {
  private final ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

  Layout u8(int v) {
    b.put((byte) v);
    return this;
  }

  Layout u32(long v) {
    b.putInt((int) v);
    return this;
  }

  Layout f32(float... values) {
    for (float v : values) {
      b.putFloat(v);
    }
    return this;
  }

  Layout i32(int... values) {
    for (int v : values) {
      b.putInt(v);
    }
    return this;
  }

  Layout str(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    b.putInt(utf8.length);
    b.put(utf8);
    return this;
  }

  Layout ids(String... ids) {
    u32(ids.length);
    for (String id : ids) {
      str(id);
    }
    return this;
  }

  byte[] bytes() {
    return Arrays.copyOf(b.array(), b.position());
  }
}
