package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
  // 1-, 2-, 3- and 4-byte sequences; the emoji decodes to a surrogate pair
  private static final String TEXT = "a\u00e9\u65e5\ud83d\ude00b\n".repeat(7) + "end";

  private static String readAll(Reader reader, int chunk) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk + 3];
    int n;
    while ((n = reader.read(buf, 1, chunk)) >= 0) {
      sb.append(buf, 1, n);
    }
    return sb.toString();
  }

  @Test
  void decodesAcrossEveryByteAndCharBoundary() throws IOException {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    for (int byteBuffer = 1; byteBuffer <= 12; byteBuffer++) {
      for (int chunk = 1; chunk <= 5; chunk++) {
        Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), byteBuffer);
        assertEquals(TEXT, readAll(reader, chunk), "bytes " + byteBuffer + ", chunk " + chunk);
        assertEquals(-1, reader.read(new char[4], 0, 4));
      }
    }
  }

  @Test
  void handsOutTheValidPrefixBeforeFailing() throws IOException {
    byte[] bytes = {'o', 'k', '\n', 'x', (byte) 0xFF, 'y'};
    Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), 64);
    char[] buf = new char[16];
    assertEquals(4, reader.read(buf, 0, 16));
    assertEquals("ok\nx", new String(buf, 0, 4));
    assertThrows(MalformedInputException.class, () -> reader.read(buf, 0, 16));
    assertThrows(MalformedInputException.class, () -> reader.read(buf, 0, 16));
  }

  @Test
  void aTruncatedSequenceAtTheEndIsMalformed() throws IOException {
    byte[] bytes = {'a', (byte) 0xC3};
    Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), 64);
    char[] buf = new char[8];
    assertEquals(1, reader.read(buf, 0, 8));
    assertThrows(MalformedInputException.class, () -> reader.read(buf, 0, 8));
  }
}
