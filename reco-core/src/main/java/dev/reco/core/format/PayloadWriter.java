package dev.reco.core.format;

import java.io.IOException;
import java.util.Objects;

/**
 * Writes the payload of an envelope. The size is declared before any byte is written, so the
 * envelope header can be written first and the whole file streamed once while its SHA-256 is
 * computed, without holding the payload in memory.
 *
 * <p>Implementations must write exactly {@link #size()} bytes; the envelope checks this and fails
 * the write (leaving no file) if they do not.
 */
public interface PayloadWriter {
  /**
   * Returns the exact number of bytes {@link #writeTo} will write. Called once, before writing;
   * this is the place to validate the content, since nothing has been written yet.
   *
   * @return the payload size in bytes, {@code >= 0}
   * @throws IllegalArgumentException if the content cannot be written
   */
  long size();

  /**
   * Writes the payload.
   *
   * @param out the sink; little-endian
   * @throws IOException if the underlying file cannot be written
   */
  void writeTo(PayloadOutput out) throws IOException;

  /**
   * Returns a writer of the given bytes. The array is not copied: it must not change until the
   * write returns.
   *
   * @param payload the payload
   * @return a writer of exactly these bytes
   */
  static PayloadWriter ofBytes(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return new PayloadWriter() {
      @Override
      public long size() {
        return payload.length;
      }

      @Override
      public void writeTo(PayloadOutput out) throws IOException {
        out.writeBytes(payload);
      }
    };
  }
}
