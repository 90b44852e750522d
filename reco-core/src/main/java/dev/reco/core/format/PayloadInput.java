package dev.reco.core.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a payload written with {@link PayloadOutput}: little-endian primitives, primitive arrays
 * and length-prefixed UTF-8 strings. Every read checks the bytes that remain first, so a
 * malformed count or length fails with a {@link FormatException} naming the source and the value,
 * before anything is allocated. Not thread-safe; each {@link EnvelopeContents#payloadInput()}
 * call returns a new, independent reader.
 */
public final class PayloadInput {
  private final ByteBuffer buf;
  private final String context;

  PayloadInput(ByteBuffer payload, String context) {
    this.buf = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.context = context;
  }

  /** Returns the number of payload bytes read so far. */
  public long position() {
    return buf.position();
  }

  /** Returns the number of payload bytes not yet read. */
  public long remaining() {
    return buf.remaining();
  }

  /**
   * Reads one byte.
   *
   * @return the byte as an unsigned value in {@code [0, 255]}
   * @throws FormatException if the payload has ended
   */
  public int readUnsignedByte() {
    need(1, "a byte");
    return buf.get() & 0xFF;
  }

  /**
   * Reads a little-endian 32-bit integer.
   *
   * @return the value
   * @throws FormatException if fewer than 4 bytes remain
   */
  public int readInt() {
    need(4, "an int");
    return buf.getInt();
  }

  /**
   * Reads a little-endian unsigned 32-bit integer.
   *
   * @return the value in {@code [0, 2^32)}
   * @throws FormatException if fewer than 4 bytes remain
   */
  public long readUnsignedInt() {
    return readInt() & 0xFFFF_FFFFL;
  }

  /**
   * Reads a little-endian 64-bit integer.
   *
   * @return the value
   * @throws FormatException if fewer than 8 bytes remain
   */
  public long readLong() {
    need(8, "a long");
    return buf.getLong();
  }

  /**
   * Reads a little-endian binary32 float.
   *
   * @return the value
   * @throws FormatException if fewer than 4 bytes remain
   */
  public float readFloat() {
    need(4, "a float");
    return Float.intBitsToFloat(buf.getInt());
  }

  /**
   * Reads a little-endian binary64 double.
   *
   * @return the value
   * @throws FormatException if fewer than 8 bytes remain
   */
  public double readDouble() {
    need(8, "a double");
    return Double.longBitsToDouble(buf.getLong());
  }

  /**
   * Reads an element count written as an unsigned 32-bit integer and checks that that many
   * elements of at least {@code minBytesEach} bytes fit in the remaining payload, so the caller can
   * allocate for it safely.
   *
   * @param what what is counted, for the message, e.g. {@code "user ids"}
   * @param minBytesEach the smallest number of bytes one element takes, {@code >= 1}
   * @return the count, in {@code [0, Integer.MAX_VALUE - 8]}
   * @throws FormatException if the count cannot fit in the remaining bytes
   * @throws IllegalArgumentException if {@code minBytesEach < 1}
   */
  public int readCount(String what, int minBytesEach) {
    if (minBytesEach < 1) {
      throw new IllegalArgumentException("minBytesEach = " + minBytesEach + "; expected >= 1");
    }
    long count = readUnsignedInt();
    if (count > Integer.MAX_VALUE - 8 || count * minBytesEach > buf.remaining()) {
      throw malformed("count of " + what + " = " + count + " needs at least " + count * minBytesEach
          + " bytes but only " + buf.remaining() + " remain at payload offset " + buf.position());
    }
    return (int) count;
  }

  /**
   * Reads bytes.
   *
   * @param n the number of bytes
   * @return a new array
   * @throws FormatException if {@code n} is negative or more than the remaining bytes
   */
  public byte[] readBytes(int n) {
    need(n, 1, "bytes");
    byte[] a = new byte[n];
    buf.get(a);
    return a;
  }

  /**
   * Reads little-endian 32-bit integers.
   *
   * @param n the number of values
   * @return a new array
   * @throws FormatException if {@code n} is negative or the values do not fit in the remaining bytes
   */
  public int[] readInts(int n) {
    need(n, 4, "ints");
    int[] a = new int[n];
    buf.asIntBuffer().get(a);
    buf.position(buf.position() + 4 * n);
    return a;
  }

  /**
   * Reads little-endian 64-bit integers.
   *
   * @param n the number of values
   * @return a new array
   * @throws FormatException if {@code n} is negative or the values do not fit in the remaining bytes
   */
  public long[] readLongs(int n) {
    need(n, 8, "longs");
    long[] a = new long[n];
    buf.asLongBuffer().get(a);
    buf.position(buf.position() + 8 * n);
    return a;
  }

  /**
   * Reads little-endian binary32 floats.
   *
   * @param n the number of values
   * @return a new array
   * @throws FormatException if {@code n} is negative or the values do not fit in the remaining bytes
   */
  public float[] readFloats(int n) {
    need(n, 4, "floats");
    float[] a = new float[n];
    buf.asFloatBuffer().get(a);
    buf.position(buf.position() + 4 * n);
    return a;
  }

  /**
   * Reads little-endian binary64 doubles.
   *
   * @param n the number of values
   * @return a new array
   * @throws FormatException if {@code n} is negative or the values do not fit in the remaining bytes
   */
  public double[] readDoubles(int n) {
    need(n, 8, "doubles");
    double[] a = new double[n];
    buf.asDoubleBuffer().get(a);
    buf.position(buf.position() + 8 * n);
    return a;
  }

  /**
   * Reads a string written by {@link PayloadOutput#writeString}: an unsigned 32-bit byte length,
   * then that many bytes of UTF-8.
   *
   * @return the string
   * @throws FormatException if the length exceeds the remaining bytes or the bytes are not
   *     valid UTF-8
   */
  public String readString() {
    long offset = buf.position();
    long length = readUnsignedInt();
    if (length > buf.remaining()) {
      throw malformed("string length = " + length + " at payload offset " + offset
          + "; expected at most the " + buf.remaining() + " bytes that remain");
    }
    ByteBuffer bytes = buf.slice().limit((int) length);
    buf.position(buf.position() + (int) length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw malformed("string of " + length + " bytes at payload offset " + offset
          + " is not valid UTF-8; expected UTF-8 text");
    }
  }

  /**
   * Checks that the whole payload has been read.
   *
   * @throws FormatException if bytes remain
   */
  public void expectEnd() {
    if (buf.hasRemaining()) {
      throw malformed(buf.remaining() + " unexpected bytes after the end of the content at payload offset "
          + buf.position() + "; expected the payload to end there");
    }
  }

  /**
   * Returns an exception for malformed payload content, with the source and format in its message,
   * for format readers to throw when a value read is invalid.
   *
   * @param detail what is wrong, naming the value and what was expected
   * @return the exception to throw
   */
  public FormatException malformed(String detail) {
    return new FormatException(context + ": " + detail);
  }

  /**
   * Returns an exception for malformed payload content, with a cause.
   *
   * @param detail what is wrong, naming the value and what was expected
   * @param cause the underlying failure, e.g. a validation error from a constructor
   * @return the exception to throw
   */
  public FormatException malformed(String detail, Throwable cause) {
    return new FormatException(context + ": " + detail, cause);
  }

  private void need(int bytes, String what) {
    if (buf.remaining() < bytes) {
      throw malformed("payload ends at offset " + buf.limit() + " while reading " + what
          + " at offset " + buf.position() + "; expected " + bytes + " more bytes");
    }
  }

  private void need(int n, int bytesEach, String what) {
    if (n < 0 || (long) n * bytesEach > buf.remaining()) {
      throw malformed("cannot read " + n + " " + what + " (" + (long) n * bytesEach
          + " bytes) at payload offset " + buf.position() + "; expected a count in [0, "
          + buf.remaining() / bytesEach + "] for the bytes that remain");
    }
  }
}
