package dev.reco.core.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a reader sees either the previous file or the complete new one, never a
 * partly written file under the final name.
 *
 * <p>{@link #write} writes to a temporary file {@code .<name>.<hex>.tmp} in the target's
 * directory, forces it to the storage device, renames it over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}, then forces the directory so the rename itself is
 * durable. If the file system cannot move atomically (rare: some network and FUSE file systems),
 * it falls back to {@link StandardCopyOption#REPLACE_EXISTING}, which on those file systems may
 * briefly expose a missing or partial target. Forcing the directory is skipped where the platform
 * cannot open directories (Windows); there the rename is durable once the OS flushes its metadata.
 *
 * <p>If the content writer throws, or anything before the rename fails, the temporary file is
 * deleted and the previous target is left untouched. A process crash before the rename can leave
 * a temporary file behind; it is never mistaken for the target and may be deleted.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private AtomicFiles() {}

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface ContentWriter {
    /**
     * Writes the content.
     *
     * @param out the temporary file's stream, unbuffered; closing it is allowed but not needed
     * @throws IOException if writing fails; the target is then left untouched
     */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Atomically replaces (or creates) {@code target} with the content {@code writer} writes.
   *
   * @param target the file to write; its directory must exist
   * @param writer writes the whole content
   * @throws IOException if the temporary file cannot be written, forced or renamed, or the
   *     writer throws it; the target is then unchanged
   */
  public static void write(Path target, ContentWriter writer) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(writer, "writer");
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || absolute.getFileName() == null) {
      throw new IllegalArgumentException("target = " + target + "; expected a file path with a directory");
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException(target + " is a directory; expected a file path");
    }
    String name = absolute.getFileName().toString();
    Path temp = null;
    FileChannel channel = null;
    try {
      long stamp = System.nanoTime();
      while (channel == null) {
        temp = dir.resolve("." + name + "." + Long.toHexString(stamp) + ".tmp");
        try {
          channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          stamp++;
        }
      }
      writer.write(new ChannelStream(channel));
      channel.force(true);
      channel.close();
      channel = null;
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.debug("atomic move unsupported for {}; replacing non-atomically", absolute, e);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException | Error e) {
      cleanUp(channel, temp, e);
      throw e;
    }
    forceDirectory(dir);
  }

  private static void cleanUp(FileChannel channel, Path temp, Throwable failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force directory {} to storage on this platform", dir, e);
    }
  }

  /** An unbuffered stream onto the channel; close only marks it closed. */
  private static final class ChannelStream extends OutputStream {
    private final FileChannel channel;
    private boolean closed;

    ChannelStream(FileChannel channel) {
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
        throw new IOException("stream is closed");
      }
      ByteBuffer src = ByteBuffer.wrap(b, off, len);
      while (src.hasRemaining()) {
        channel.write(src);
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
