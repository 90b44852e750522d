package dev.reco.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeTest {
  private static final byte[] PAYLOAD = "payload bytes \u00e9".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  private static byte[] sample() {
    return Envelope.toBytes(FormatType.ID_INDEX, 3, TestEnvelopes.provenance(),
        PayloadWriter.ofBytes(PAYLOAD));
  }

  private static void assertMessageContains(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
    }
  }

  @Test
  void writerFollowsTheDocumentedLayout() {
    byte[] provenance = TestEnvelopes.provenance().toJson().getBytes(StandardCharsets.UTF_8);
    byte[] expected = TestEnvelopes.build(1, 2, 3, provenance, PAYLOAD);
    assertArrayEquals(expected, sample());
  }

  @Test
  void headerBytesAreFixed() {
    byte[] bytes = sample();
    int p = TestEnvelopes.provenance().toJson().getBytes(StandardCharsets.UTF_8).length;
    // magic, layout 1, type ID_INDEX = 2, payload version 3, then P and L, all little-endian
    byte[] expected = {
        (byte) 0x89, 'R', 'E', 'C', 'O', '\r', '\n', 0x1A,
        1, 0,
        2, 0,
        3, 0, 0, 0,
        (byte) p, (byte) (p >>> 8), 0, 0,
        (byte) PAYLOAD.length, 0, 0, 0, 0, 0, 0, 0};
    assertArrayEquals(expected, Arrays.copyOf(bytes, 28));
    assertEquals(28 + p + PAYLOAD.length + 32, bytes.length);
    assertArrayEquals(TestEnvelopes.sha256(bytes, bytes.length - 32),
        Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length));
  }

  @Test
  void roundTripInMemory() {
    EnvelopeContents c = Envelope.fromBytes(sample(), FormatType.ID_INDEX, 3);
    assertEquals(FormatType.ID_INDEX, c.type());
    assertEquals(3, c.formatVersion());
    assertEquals(TestEnvelopes.provenance(), c.provenance());
    assertEquals(PAYLOAD.length, c.payloadSize());
    ByteBuffer payload = c.payload();
    assertTrue(payload.isReadOnly());
    assertEquals(ByteOrder.LITTLE_ENDIAN, payload.order());
    byte[] read = new byte[payload.remaining()];
    payload.get(read);
    assertArrayEquals(PAYLOAD, read);
    // every call is a fresh view positioned at 0
    assertEquals(0, c.payload().position());
    assertEquals("in-memory envelope", c.source());
  }

  @Test
  void fromBytesCopiesItsInput() {
    byte[] bytes = sample();
    EnvelopeContents c = Envelope.fromBytes(bytes, FormatType.ID_INDEX, 3);
    Arrays.fill(bytes, (byte) 0);
    assertEquals('p', c.payload().get(0));
  }

  @Test
  void roundTripOnDiskWithEmptyPayload() throws IOException {
    Path file = dir.resolve("empty.reco");
    Envelope.write(file, FormatType.DRIFT_PROFILE, 1, TestEnvelopes.provenance(),
        PayloadWriter.ofBytes(new byte[0]));
    EnvelopeContents c = Envelope.read(file, FormatType.DRIFT_PROFILE, 1);
    assertEquals(0, c.payloadSize());
    assertEquals(TestEnvelopes.provenance(), c.provenance());
    assertEquals(file.toString(), c.source());
    assertArrayEquals(Envelope.toBytes(FormatType.DRIFT_PROFILE, 1, TestEnvelopes.provenance(),
        PayloadWriter.ofBytes(new byte[0])), Files.readAllBytes(file));
  }

  @Test
  void largePayloadStreamsThroughTheBufferAndReadsBack() throws IOException {
    // 300,000 ints = 1.2 MB, many times the 64 KiB write buffer
    int[] values = new int[300_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 31 - 7;
    }
    PayloadWriter writer = new PayloadWriter() {
      @Override
      public long size() {
        return 1 + 4L * values.length + PayloadOutput.stringSize("end");
      }

      @Override
      public void writeTo(PayloadOutput out) throws IOException {
        out.writeByte(7);
        out.writeInts(values);
        out.writeString("end");
      }
    };
    Path file = dir.resolve("large.reco");
    Envelope.write(file, FormatType.LINEAR_MODEL, 1, TestEnvelopes.provenance(), writer);
    assertArrayEquals(Envelope.toBytes(FormatType.LINEAR_MODEL, 1, TestEnvelopes.provenance(), writer),
        Files.readAllBytes(file));
    PayloadInput in = Envelope.read(file, FormatType.LINEAR_MODEL, 1).payloadInput();
    assertEquals(7, in.readUnsignedByte());
    assertArrayEquals(values, in.readInts(values.length));
    assertEquals("end", in.readString());
    in.expectEnd();
  }

  @Test
  void badMagicIsNotAnEnvelope() {
    byte[] text = "{\"this is\": \"json, not an envelope\"}".getBytes(StandardCharsets.UTF_8);
    NotAnEnvelopeException e = assertThrows(NotAnEnvelopeException.class,
        () -> Envelope.fromBytes(text, FormatType.INTERACTIONS, 1));
    assertMessageContains(e, "in-memory envelope", "7B 22 74 68 69 73 20 69", "89 52 45 43 4F 0D 0A 1A");
    // a short file that is not a prefix of the magic is not an envelope either
    assertThrows(NotAnEnvelopeException.class,
        () -> Envelope.fromBytes(new byte[] {1, 2}, FormatType.INTERACTIONS, 1));
  }

  @Test
  void readingAFileNamesThePath() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "plain text, long enough to have a header's worth of bytes in it");
    NotAnEnvelopeException e = assertThrows(NotAnEnvelopeException.class,
        () -> Envelope.read(file, FormatType.INTERACTIONS, 1));
    assertMessageContains(e, file.toString());
  }

  @Test
  void everyTruncationIsReportedAsTruncated() throws IOException {
    byte[] full = sample();
    for (int length = 0; length < full.length; length++) {
      byte[] cut = Arrays.copyOf(full, length);
      TruncatedFileException e = assertThrows(TruncatedFileException.class,
          () -> Envelope.fromBytes(cut, FormatType.ID_INDEX, 3), "length " + length);
      assertEquals(length, e.actualSize());
      assertMessageContains(e, "truncated", "has " + length + " bytes");
      if (length >= 28) {
        assertEquals(full.length, e.declaredSize());
        assertMessageContains(e, "= " + full.length + " bytes");
      }
    }
    // the same through a file, for a few lengths
    for (int length : new int[] {0, 5, 27, 28, full.length - 1}) {
      Path file = dir.resolve("cut" + length + ".reco");
      Files.write(file, Arrays.copyOf(full, length));
      TruncatedFileException e = assertThrows(TruncatedFileException.class,
          () -> Envelope.read(file, FormatType.ID_INDEX, 3));
      assertMessageContains(e, file.toString(), "truncated");
    }
  }

  @Test
  void everyFlippedByteIsDetected() {
    byte[] full = sample();
    for (int pos = 0; pos < full.length; pos++) {
      for (int mask : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bad = full.clone();
        bad[pos] ^= (byte) mask;
        FormatException e = assertThrows(FormatException.class,
            () -> Envelope.fromBytes(bad, FormatType.ID_INDEX, 3), "pos " + pos);
        Class<?> expected;
        if (pos < 8) {
          expected = NotAnEnvelopeException.class;
        } else if (pos < 10) {
          expected = UnsupportedFormatVersionException.class;
        } else if (pos >= 16 && pos < 28) {
          // a length field: a larger length is a truncation, a smaller one leaves extra bytes
          long declared = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).getInt(16) & 0xFFFFFFFFL;
          long payload = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).getLong(20);
          boolean larger = payload < 0 || 28 + declared + payload + 32 > full.length;
          expected = larger ? TruncatedFileException.class : FormatException.class;
        } else {
          expected = ChecksumMismatchException.class;
        }
        assertEquals(expected, e.getClass(), "pos " + pos + " mask " + mask + ": " + e.getMessage());
      }
    }
  }

  @Test
  void checksumMismatchNamesBothDigests() {
    byte[] bad = sample();
    bad[bad.length - 40] ^= 1; // a payload byte
    ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
        () -> Envelope.fromBytes(bad, FormatType.ID_INDEX, 3));
    String stored = Envelope.hexDigest(bad, bad.length - 32);
    String actual = Envelope.hexDigest(TestEnvelopes.sha256(bad, bad.length - 32), 0);
    assertMessageContains(e, "corrupted", stored, actual, "[0, " + (bad.length - 32) + ")");
  }

  @Test
  void checksumIsVerifiedBeforeTheTypeAndProvenance() {
    // a corrupted type code is reported as corruption, not as a wrong or unknown type
    byte[] bad = sample();
    bad[10] = 99;
    assertThrows(ChecksumMismatchException.class, () -> Envelope.fromBytes(bad, FormatType.ID_INDEX, 3));
    byte[] badJson = sample();
    badJson[28] = '[';
    assertThrows(ChecksumMismatchException.class,
        () -> Envelope.fromBytes(badJson, FormatType.ID_INDEX, 3));
  }

  @Test
  void wrongTypeNamesExpectedAndFound() {
    WrongFormatTypeException e = assertThrows(WrongFormatTypeException.class,
        () -> Envelope.fromBytes(sample(), FormatType.MATRIX_FACTORIZATION, 9));
    assertEquals(FormatType.MATRIX_FACTORIZATION, e.expected());
    assertEquals(FormatType.ID_INDEX, e.found());
    assertMessageContains(e, "holds ID_INDEX (code 2)", "expected MATRIX_FACTORIZATION (code 3)");
  }

  @Test
  void unknownTypeCodeIsNamed() {
    byte[] bytes = TestEnvelopes.reseal(TestEnvelopes.patch(sample(), 10, 2, 999));
    UnknownFormatTypeException e = assertThrows(UnknownFormatTypeException.class,
        () -> Envelope.fromBytes(bytes, FormatType.ID_INDEX, 3));
    assertEquals(999, e.code());
    assertMessageContains(e, "type code 999", "1 (INTERACTIONS)", "8 (DRIFT_PROFILE)");
    byte[] zero = TestEnvelopes.reseal(TestEnvelopes.patch(sample(), 10, 2, 0));
    assertThrows(UnknownFormatTypeException.class, () -> Envelope.fromBytes(zero, FormatType.ID_INDEX, 3));
  }

  @Test
  void newerEnvelopeLayoutIsUnsupported() {
    byte[] bytes = TestEnvelopes.reseal(TestEnvelopes.patch(sample(), 8, 2, 2));
    UnsupportedFormatVersionException e = assertThrows(UnsupportedFormatVersionException.class,
        () -> Envelope.fromBytes(bytes, FormatType.ID_INDEX, 3));
    assertEquals(2, e.found());
    assertEquals(1, e.maxSupported());
    assertMessageContains(e, "envelope layout version 2", "supports versions 1 to 1", "newer");
    // a newer layout is recognised from its first 10 bytes, whatever follows
    byte[] prefix = Arrays.copyOf(bytes, 10);
    assertThrows(UnsupportedFormatVersionException.class,
        () -> Envelope.fromBytes(prefix, FormatType.ID_INDEX, 3));
  }

  @Test
  void newerPayloadVersionIsUnsupported() {
    UnsupportedFormatVersionException e = assertThrows(UnsupportedFormatVersionException.class,
        () -> Envelope.fromBytes(sample(), FormatType.ID_INDEX, 2));
    assertEquals(3, e.found());
    assertEquals(2, e.maxSupported());
    assertMessageContains(e, "ID_INDEX payload format version 3", "supports versions 1 to 2");
    // version 0 was never written
    byte[] zero = TestEnvelopes.build(1, 2, 0, new byte[] {'{', '}'}, PAYLOAD);
    assertThrows(UnsupportedFormatVersionException.class,
        () -> Envelope.fromBytes(zero, FormatType.ID_INDEX, 2));
    // an unsigned version above 2^31 is reported as such, not as a negative number
    byte[] huge = TestEnvelopes.reseal(TestEnvelopes.patch(sample(), 12, 4, 0xFFFF_FFFFL));
    UnsupportedFormatVersionException h = assertThrows(UnsupportedFormatVersionException.class,
        () -> Envelope.fromBytes(huge, FormatType.ID_INDEX, 2));
    assertEquals(4294967295L, h.found());
  }

  @Test
  void absurdLengthsFailWithoutAllocating() throws IOException {
    long[][] lengths = {
        {0xFFFF_FFFFL, 0}, // provenance 4 GiB - 1
        {2, Long.MAX_VALUE}, // payload 2^63 - 1
        {2, -1}, // payload 2^64 - 1 unsigned
        {2, Integer.MAX_VALUE}, // 2 GiB payload in a tiny file
    };
    for (long[] l : lengths) {
      byte[] bytes = TestEnvelopes.patch(TestEnvelopes.patch(sample(), 16, 4, l[0]), 20, 8, l[1]);
      TruncatedFileException e = assertThrows(TruncatedFileException.class,
          () -> Envelope.fromBytes(bytes, FormatType.ID_INDEX, 3));
      assertMessageContains(e, l[0] + " (provenance)", Long.toUnsignedString(l[1]) + " (payload)",
          "has " + bytes.length + " bytes");
      Path file = dir.resolve("absurd.reco");
      Files.write(file, bytes);
      assertThrows(TruncatedFileException.class, () -> Envelope.read(file, FormatType.ID_INDEX, 3));
    }
  }

  @Test
  void extraBytesAfterTheChecksumAreRejected() {
    byte[] full = sample();
    byte[] longer = Arrays.copyOf(full, full.length + 3);
    FormatException e = assertThrows(FormatException.class,
        () -> Envelope.fromBytes(longer, FormatType.ID_INDEX, 3));
    assertEquals(FormatException.class, e.getClass());
    assertMessageContains(e, "has " + longer.length + " bytes", "= " + full.length + " bytes", "3 extra bytes");
  }

  @Test
  void malformedProvenanceInsideAValidChecksumIsAFormatException() {
    String[] bad = {"{not json", "[1,2]", "", "{\"producer\":\"p\"}", "{} {}"};
    for (String json : bad) {
      byte[] bytes = TestEnvelopes.build(1, 2, 1, json.getBytes(StandardCharsets.UTF_8), PAYLOAD);
      FormatException e = assertThrows(FormatException.class,
          () -> Envelope.fromBytes(bytes, FormatType.ID_INDEX, 1), json);
      assertEquals(FormatException.class, e.getClass(), json);
      assertMessageContains(e, "in-memory envelope", "provenance");
    }
    byte[] notUtf8 = TestEnvelopes.build(1, 2, 1, new byte[] {'{', (byte) 0xC3, '}'}, PAYLOAD);
    FormatException e = assertThrows(FormatException.class,
        () -> Envelope.fromBytes(notUtf8, FormatType.ID_INDEX, 1));
    assertMessageContains(e, "not valid UTF-8");
  }

  @Test
  void payloadWriterMustWriteItsDeclaredSize() throws IOException {
    PayloadWriter tooShort = new PayloadWriter() {
      @Override
      public long size() {
        return 8;
      }

      @Override
      public void writeTo(PayloadOutput out) throws IOException {
        out.writeInt(1);
      }
    };
    IllegalStateException shortE = assertThrows(IllegalStateException.class,
        () -> Envelope.toBytes(FormatType.ID_INDEX, 1, TestEnvelopes.provenance(), tooShort));
    assertMessageContains(shortE, "wrote 4 bytes", "declared 8");
    PayloadWriter tooLong = new PayloadWriter() {
      @Override
      public long size() {
        return 3;
      }

      @Override
      public void writeTo(PayloadOutput out) throws IOException {
        out.writeInt(1);
      }
    };
    IllegalStateException longE = assertThrows(IllegalStateException.class,
        () -> Envelope.toBytes(FormatType.ID_INDEX, 1, TestEnvelopes.provenance(), tooLong));
    assertMessageContains(longE, "more than the 3 bytes");
    Path file = dir.resolve("never.reco");
    assertThrows(IllegalStateException.class,
        () -> Envelope.write(file, FormatType.ID_INDEX, 1, TestEnvelopes.provenance(), tooShort));
    assertThrows(IllegalStateException.class,
        () -> Envelope.write(file, FormatType.ID_INDEX, 1, TestEnvelopes.provenance(), tooLong));
    try (var listing = Files.list(dir)) {
      assertEquals(0, listing.count(), "no file and no temporary file remain");
    }
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> Envelope.toBytes(FormatType.ID_INDEX, 0, TestEnvelopes.provenance(),
            PayloadWriter.ofBytes(PAYLOAD)));
    assertMessageContains(v, "formatVersion = 0");
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
        () -> Envelope.fromBytes(sample(), FormatType.ID_INDEX, 0));
    assertMessageContains(m, "maxSupportedVersion = 0");
    PayloadWriter negative = new PayloadWriter() {
      @Override
      public long size() {
        return -5;
      }

      @Override
      public void writeTo(PayloadOutput out) {}
    };
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> Envelope.toBytes(FormatType.ID_INDEX, 1, TestEnvelopes.provenance(), negative));
    assertMessageContains(n, "size() = -5");
  }
}
