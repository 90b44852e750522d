package dev.reco.core.registry;

import dev.reco.core.store.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The stream an {@link ArtifactWriter} writes to: buffered, counting, computing the SHA-256.
 * Closing only flushes and marks it closed; the registry closes the file. Not thread-safe.
 */
final class ArtifactOutput extends OutputStream {
  private final FileChannel channel;
  private final MessageDigest digest = Sha256.newDigest();
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long count;
  private boolean closed;

  ArtifactOutput(FileChannel channel) {
    this.channel = channel;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("artifact stream is closed; expected writes before close()");
    }
    digest.update(b, off, len);
    count += len;
    while (len > 0) {
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      if (!buffer.hasRemaining()) {
        drain();
      }
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  @Override
  public void flush() throws IOException {
    drain();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      drain();
      closed = true;
    }
  }

  /** Flushes, then returns the SHA-256 of everything written; call once, at the end. */
  String finish() throws IOException {
    drain();
    closed = true;
    return Sha256.hex(digest.digest());
  }

  long count() {
    return count;
  }
}
