package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PayloadIoTest {
  /** Writes with {@link PayloadOutput} through a real envelope and returns a reader of the payload. */
  private static PayloadInput roundTrip(long size, Body body) {
    byte[] envelope = Envelope.toBytes(FormatType.FEATURE_PIPELINE, 1, TestEnvelopes.provenance(),
        new PayloadWriter() {
          @Override
          public long size() {
            return size;
          }

          @Override
          public void writeTo(PayloadOutput out) throws IOException {
            body.write(out);
          }
        });
    return Envelope.fromBytes(envelope, FormatType.FEATURE_PIPELINE, 1).payloadInput();
  }

  interface Body {
    void write(PayloadOutput out) throws IOException;
  }

  @Property(tries = 100, seed = "4242")
  void primitivesAndArraysRoundTrip(@ForAll byte b, @ForAll int i, @ForAll long l, @ForAll float f,
      @ForAll double d, @ForAll int[] ints, @ForAll long[] longs, @ForAll double[] doubles,
      @ForAll byte[] bytes) {
    long size = 1 + 4 + 8 + 4 + 8 + 4L * ints.length + 8L * longs.length + 8L * doubles.length + bytes.length;
    PayloadInput in = roundTrip(size, out -> {
      out.writeByte(b);
      out.writeInt(i);
      out.writeLong(l);
      out.writeFloat(f);
      out.writeDouble(d);
      out.writeInts(ints);
      out.writeLongs(longs);
      out.writeDoubles(doubles);
      out.writeBytes(bytes);
    });
    assertEquals(b & 0xFF, in.readUnsignedByte());
    assertEquals(i, in.readInt());
    assertEquals(l, in.readLong());
    assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(in.readFloat()));
    assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(in.readDouble()));
    assertArrayEquals(ints, in.readInts(ints.length));
    assertArrayEquals(longs, in.readLongs(longs.length));
    assertArrayEquals(doubles, in.readDoubles(doubles.length));
    assertArrayEquals(bytes, in.readBytes(bytes.length));
    in.expectEnd();
  }

  @Test
  void numbersAreLittleEndian() {
    PayloadInput in = roundTrip(4 + 8 + 4, out -> {
      out.writeInt(0x01020304);
      out.writeLong(0x0102030405060708L);
      out.writeFloat(1f); // 0x3F800000
    });
    assertArrayEquals(new byte[] {4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, (byte) 0x80, 0x3F},
        in.readBytes(16));
  }

  @Test
  void stringsAreLengthPrefixedUtf8() {
    String s = "a\u00e9\u65e5\ud83d\ude00"; // 1 + 2 + 3 + 4 = 10 bytes
    assertEquals(14, PayloadOutput.stringSize(s));
    PayloadInput in = roundTrip(14, out -> out.writeString(s));
    ByteBuffer copy = ByteBuffer.wrap(in.readBytes(14)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(10, copy.getInt());
    in = roundTrip(14, out -> out.writeString(s));
    assertEquals(s, in.readString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PayloadOutput.stringSize("x\udc00"));
    assertTrue(e.getMessage().contains("U+DC00 at char 1"), e.getMessage());
  }

  @Test
  void readsPastTheEndAreFormatExceptions() {
    PayloadInput in = roundTrip(3, out -> out.writeBytes(new byte[] {1, 2, 3}, 0, 3));
    FormatException e = assertThrows(FormatException.class, in::readInt);
    assertTrue(e.getMessage().contains("FEATURE_PIPELINE payload version 1"), e.getMessage());
    assertThrows(FormatException.class, () -> in.readInts(-1));
    assertThrows(FormatException.class, () -> in.readLongs(1));
    assertThrows(FormatException.class, () -> in.readBytes(Integer.MAX_VALUE));
    assertEquals(3, in.remaining());
    FormatException count = assertThrows(FormatException.class, () -> in.readCount("rows", 2));
    // bytes 01 02 03 are not enough for a count: 4 bytes are needed
    assertTrue(count.getMessage().contains("expected 4 more bytes"), count.getMessage());
    FormatException end = assertThrows(FormatException.class,
        () -> roundTrip(4, out -> out.writeInt(7)).readCount("rows", 1));
    // count 7 of 1-byte elements, but no bytes remain after the count
    assertTrue(end.getMessage().contains("count of rows = 7"), end.getMessage());
  }
}
