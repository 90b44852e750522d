package dev.reco.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The sink a {@link PayloadWriter} writes to: little-endian primitives, primitive arrays written
 * in bulk, and length-prefixed UTF-8 strings. Not thread-safe; valid only during
 * {@link PayloadWriter#writeTo}.
 *
 * <p>Writing more bytes than the writer declared in {@link PayloadWriter#size()} fails at once
 * with {@link IllegalStateException}, before the excess reaches the file.
 */
public final class PayloadOutput {
  /** Receives the buffer when it is full; must leave it cleared and ready for writing. */
  interface Drain {
    void drain(ByteBuffer buffer) throws IOException;
  }

  private final ByteBuffer buf;
  private final Drain drain;
  private long count;
  private long limit = Long.MAX_VALUE;

  PayloadOutput(ByteBuffer buf, Drain drain) {
    this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    this.drain = drain;
  }

  /** Starts counting a payload of {@code size} bytes. */
  void startPayload(long size) {
    count = 0;
    limit = size;
  }

  /** Ends the payload, checking it had its declared size, and lifts the limit. */
  void endPayload() {
    if (count != limit) {
      throw new IllegalStateException("payload writer wrote " + count
          + " bytes but its size() declared " + limit + "; expected exactly the declared size");
    }
    limit = Long.MAX_VALUE;
  }

  /** Hands buffered bytes to the drain. */
  void flush() throws IOException {
    if (buf.position() > 0) {
      drain.drain(buf);
    }
  }

  /**
   * Returns the number of bytes of a {@link #writeString string}: 4 for its length, plus its UTF-8
   * encoding.
   *
   * @param s the string
   * @return its size in bytes
   * @throws IllegalArgumentException if {@code s} contains an unpaired surrogate, which UTF-8
   *     cannot represent (it would be read back as a different string)
   */
  public static long stringSize(String s) {
    return 4L + utf8Length(s);
  }

  /** Returns the number of bytes written to the payload so far. */
  public long written() {
    return count;
  }

  /**
   * Writes one byte.
   *
   * @param v the byte, in its low 8 bits
   * @throws IOException if the file cannot be written
   */
  public void writeByte(int v) throws IOException {
    reserve(1);
    buf.put((byte) v);
  }

  /**
   * Writes a 32-bit integer, little-endian.
   *
   * @param v the value
   * @throws IOException if the file cannot be written
   */
  public void writeInt(int v) throws IOException {
    reserve(4);
    buf.putInt(v);
  }

  /**
   * Writes a 64-bit integer, little-endian.
   *
   * @param v the value
   * @throws IOException if the file cannot be written
   */
  public void writeLong(long v) throws IOException {
    reserve(8);
    buf.putLong(v);
  }

  /**
   * Writes an IEEE 754 binary32 float, little-endian, bits unchanged (NaN payloads included).
   *
   * @param v the value
   * @throws IOException if the file cannot be written
   */
  public void writeFloat(float v) throws IOException {
    reserve(4);
    buf.putInt(Float.floatToRawIntBits(v));
  }

  /**
   * Writes an IEEE 754 binary64 double, little-endian, bits unchanged.
   *
   * @param v the value
   * @throws IOException if the file cannot be written
   */
  public void writeDouble(double v) throws IOException {
    reserve(8);
    buf.putLong(Double.doubleToRawLongBits(v));
  }

  /**
   * Writes bytes as they are.
   *
   * @param bytes the bytes
   * @throws IOException if the file cannot be written
   */
  public void writeBytes(byte[] bytes) throws IOException {
    writeBytes(bytes, 0, bytes.length);
  }

  /**
   * Writes a range of bytes as they are.
   *
   * @param bytes the source array
   * @param offset first index to write
   * @param length number of bytes
   * @throws IndexOutOfBoundsException if the range is outside the array
   * @throws IOException if the file cannot be written
   */
  public void writeBytes(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    count(length);
    while (length > 0) {
      ensureSpace(1);
      int chunk = Math.min(length, buf.remaining());
      buf.put(bytes, offset, chunk);
      offset += chunk;
      length -= chunk;
    }
  }

  /**
   * Writes 32-bit integers, little-endian.
   *
   * @param values the values
   * @throws IOException if the file cannot be written
   */
  public void writeInts(int[] values) throws IOException {
    count(4L * values.length);
    for (int off = 0; off < values.length; ) {
      ensureSpace(4);
      int chunk = Math.min(values.length - off, buf.remaining() / 4);
      buf.asIntBuffer().put(values, off, chunk);
      buf.position(buf.position() + 4 * chunk);
      off += chunk;
    }
  }

  /**
   * Writes 64-bit integers, little-endian.
   *
   * @param values the values
   * @throws IOException if the file cannot be written
   */
  public void writeLongs(long[] values) throws IOException {
    count(8L * values.length);
    for (int off = 0; off < values.length; ) {
      ensureSpace(8);
      int chunk = Math.min(values.length - off, buf.remaining() / 8);
      buf.asLongBuffer().put(values, off, chunk);
      buf.position(buf.position() + 8 * chunk);
      off += chunk;
    }
  }

  /**
   * Writes binary32 floats, little-endian. Bits are kept, except that a NaN may be written as
   * another NaN.
   *
   * @param values the values
   * @throws IOException if the file cannot be written
   */
  public void writeFloats(float[] values) throws IOException {
    count(4L * values.length);
    for (int off = 0; off < values.length; ) {
      ensureSpace(4);
      int chunk = Math.min(values.length - off, buf.remaining() / 4);
      buf.asFloatBuffer().put(values, off, chunk);
      buf.position(buf.position() + 4 * chunk);
      off += chunk;
    }
  }

  /**
   * Writes binary64 doubles, little-endian. Bits are kept, except that a NaN may be written as
   * another NaN.
   *
   * @param values the values
   * @throws IOException if the file cannot be written
   */
  public void writeDoubles(double[] values) throws IOException {
    count(8L * values.length);
    for (int off = 0; off < values.length; ) {
      ensureSpace(8);
      int chunk = Math.min(values.length - off, buf.remaining() / 8);
      buf.asDoubleBuffer().put(values, off, chunk);
      buf.position(buf.position() + 8 * chunk);
      off += chunk;
    }
  }

  /**
   * Writes a string as its UTF-8 byte length (unsigned 32-bit, little-endian) followed by the
   * UTF-8 bytes; {@link #stringSize(String)} bytes in all.
   *
   * @param s the string
   * @throws IllegalArgumentException if {@code s} contains an unpaired surrogate
   * @throws IOException if the file cannot be written
   */
  public void writeString(String s) throws IOException {
    int length = utf8Length(s);
    writeInt(length);
    writeBytes(s.getBytes(StandardCharsets.UTF_8), 0, length);
  }

  private void reserve(int n) throws IOException {
    count(n);
    ensureSpace(n);
  }

  private void count(long n) {
    if (n > limit - count) {
      throw new IllegalStateException("payload writer wrote more than the " + limit
          + " bytes its size() declared (" + count + " written, " + n
          + " more requested); expected exactly the declared size");
    }
    count += n;
  }

  private void ensureSpace(int n) throws IOException {
    if (buf.remaining() < n) {
      drain.drain(buf);
      if (buf.remaining() < n) {
        throw new IllegalStateException("output buffer has " + buf.remaining()
            + " bytes free after draining; expected at least " + n);
      }
    }
  }

  /** UTF-8 length of {@code s}, rejecting unpaired surrogates. */
  static int utf8Length(String s) {
    long length = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          length += 4;
          i++;
        } else {
          throw new IllegalArgumentException("string has an unpaired surrogate U+"
              + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at char " + i
              + "; expected valid Unicode, which UTF-8 can represent");
        }
      } else {
        length += 3;
      }
    }
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("string encodes to " + length
          + " UTF-8 bytes; expected at most " + Integer.MAX_VALUE);
    }
    return (int) length;
  }
}
