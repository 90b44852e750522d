package dev.reco.core.registry;

import dev.reco.core.store.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Reads an artifact and checks it against its recorded size and SHA-256 on the way. The read
 * that reaches the recorded size verifies the digest before it returns: on a mismatch it throws
 * {@link CorruptArtifactException} instead of delivering the last bytes, so whoever reads the
 * whole artifact never finishes on wrong bytes. Bytes beyond the recorded size, or fewer, are
 * reported the same way. Not thread-safe.
 */
final class VerifyingInputStream extends InputStream {
  private final InputStream in;
  private final long expectedSize;
  private final String expectedSha;
  private final Path file;
  private final String what;
  private final MessageDigest digest = Sha256.newDigest();
  private long count;
  private boolean verified;

  VerifyingInputStream(InputStream in, long expectedSize, String expectedSha, Path file,
      String what) {
    this.in = Objects.requireNonNull(in, "in");
    this.expectedSize = expectedSize;
    this.expectedSha = expectedSha;
    this.file = file;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n = in.read(b, off, len);
    if (n < 0) {
      if (count < expectedSize) {
        throw new CorruptArtifactException(what + " (" + file + ") ended after " + count
            + " bytes; expected " + expectedSize + " bytes as recorded", file);
      }
      verify();
      return -1;
    }
    count += n;
    if (count > expectedSize) {
      throw new CorruptArtifactException(what + " (" + file + ") has more than the "
          + expectedSize + " bytes recorded; expected exactly " + expectedSize, file);
    }
    digest.update(b, off, n);
    if (count == expectedSize) {
      verify();
    }
    return n;
  }

  private void verify() {
    if (verified) {
      return;
    }
    String actual = Sha256.hex(digest.digest());
    if (!actual.equals(expectedSha)) {
      throw new CorruptArtifactException(what + " (" + file + ") is corrupted: its SHA-256 is "
          + actual + "; expected " + expectedSha + " as recorded at registration", file);
    }
    verified = true;
  }

  @Override
  public long skip(long n) throws IOException {
    // read instead of skipping, so that every byte goes through the digest
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
