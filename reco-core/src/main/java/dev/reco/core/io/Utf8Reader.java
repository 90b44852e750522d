package dev.reco.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict UTF-8 reader that hands out every character decoded before a malformed sequence and
 * throws only on the following read, so the loader has consumed all complete lines before the
 * bad bytes when it learns of them, and can name the exact line. ({@code InputStreamReader}
 * throws as soon as any chunk holds bad bytes and drops what it decoded, so the error surfaces
 * many lines early.)
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes;
  private final char[] pair = new char[2]; // for reads of one char: a surrogate pair needs two
  private boolean hasCarry;
  private char carry;
  private boolean endOfBytes;
  private boolean flushed;
  private CharacterCodingException pending;

  Utf8Reader(InputStream in, int bufferBytes) {
    this.in = in;
    this.bytes = ByteBuffer.allocate(Math.max(8, bufferBytes)); // room for any UTF-8 sequence
    bytes.flip(); // empty, ready to be read from
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (hasCarry) {
      hasCarry = false;
      cbuf[off] = carry;
      return 1;
    }
    if (pending != null) {
      throw pending;
    }
    if (len == 1) {
      int n = decode(pair, 0, 2);
      if (n > 0) {
        cbuf[off] = pair[0];
        if (n == 2) {
          carry = pair[1];
          hasCarry = true;
        }
      }
      return n < 0 ? n : Math.min(n, 1);
    }
    return decode(cbuf, off, len);
  }

  /** Decodes into {@code cbuf[off, off + len)}, {@code len >= 2}. */
  private int decode(char[] cbuf, int off, int len) throws IOException {
    if (flushed) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfBytes);
      if (result.isError()) {
        try {
          result.throwException();
        } catch (CharacterCodingException e) {
          pending = e;
        }
        return produced(out, off);
      }
      if (result.isOverflow()) {
        return produced(out, off);
      }
      // underflow: all bytes decoded (up to an incomplete sequence kept for the next round)
      if (endOfBytes) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        int n = out.position() - off;
        return n == 0 ? -1 : n;
      }
      if (out.position() > off && bytes.remaining() == 0) {
        return out.position() - off; // hand out what we have before blocking on more input
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfBytes = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
  }

  private int produced(CharBuffer out, int off) throws CharacterCodingException {
    int n = out.position() - off;
    if (n == 0) {
      if (pending != null) {
        throw pending;
      }
      throw new IllegalStateException("decoder made no progress");
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
