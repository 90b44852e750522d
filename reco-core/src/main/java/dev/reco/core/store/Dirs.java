package dev.reco.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File-system steps of the registry and the tracker: new files written and forced to storage,
 * directories forced after renames, staging directories, and removal of what an interrupted
 * writer left behind. Leftovers are entries whose name starts with {@code .tmp-} (a staged
 * directory), {@code .del-} (a directory being deleted), or starts with {@code '.'} and ends with
 * {@code .tmp} (an unfinished {@link dev.reco.core.format.AtomicFiles} write); they are removed
 * only by a writer that holds the store's lock, so they never belong to a live writer.
 */
public final class Dirs {
  private static final Logger LOG = LoggerFactory.getLogger(Dirs.class);

  private Dirs() {}

  /**
   * Creates {@code file} (which must not exist), writes {@code bytes} and forces them.
   *
   * @param file the new file
   * @param bytes its content
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
   * @throws IOException if the file cannot be written
   */
  public static void writeNewFile(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  /**
   * Forces a directory's entries (a rename into it) to storage, where the platform allows; where
   * it does not, does nothing.
   *
   * @param dir the directory
   */
  public static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force directory {} to storage on this platform", dir, e);
    }
  }

  /**
   * Creates a new, empty directory {@code .<prefix>-<hex>} in {@code parent}.
   *
   * @param parent the directory to create it in
   * @param prefix {@code tmp} for a staged directory (see {@link #isLeftover})
   * @return the new directory
   * @throws IOException if it cannot be created
   */
  public static Path createStaging(Path parent, String prefix) throws IOException {
    long stamp = System.nanoTime();
    while (true) {
      Path dir = parent.resolve("." + prefix + "-" + Long.toHexString(stamp));
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        stamp++;
      }
    }
  }

  /**
   * Returns a path {@code .<prefix>-<hex>} in {@code parent} that does not exist yet.
   *
   * @param parent the directory of the path
   * @param prefix {@code del} for a directory being deleted (see {@link #isLeftover})
   * @return a path free when checked
   */
  public static Path freshName(Path parent, String prefix) {
    long stamp = System.nanoTime();
    while (true) {
      Path p = parent.resolve("." + prefix + "-" + Long.toHexString(stamp));
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
      stamp++;
    }
  }

  /**
   * Tells whether a directory entry is a leftover of an interrupted writer.
   *
   * @param name the entry's file name
   * @return whether it starts with {@code .tmp-} or {@code .del-}, or starts with {@code '.'} and
   *     ends with {@code .tmp}
   */
  public static boolean isLeftover(String name) {
    return name.startsWith(".tmp-") || name.startsWith(".del-")
        || (name.startsWith(".") && name.endsWith(".tmp"));
  }

  /**
   * Deletes the leftovers of interrupted writers in {@code dir}; call only under the store's lock.
   *
   * @param dir the directory; nothing happens if it does not exist
   * @throws IOException if a leftover cannot be deleted
   */
  public static void cleanLeftovers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> isLeftover(p.getFileName().toString())).forEach(found::add);
    }
    for (Path p : found) {
      LOG.info("removing {}, left behind by an interrupted write", p);
      deleteRecursively(p);
    }
  }

  /**
   * Deletes a file or a directory tree; missing entries are ignored.
   *
   * @param path the file or directory
   * @throws IOException if an entry cannot be deleted
   */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        if (exc instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw exc;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null && !(exc instanceof NoSuchFileException)) {
          throw exc;
        }
        try {
          Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
          throw new IOException("cannot delete " + dir + ": it is not empty", e);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Lists the names of the entries of a directory, sorted; empty if it does not exist.
   *
   * @param dir the directory
   * @return the file names of its entries in {@link String} order
   * @throws IOException if the directory cannot be listed
   */
  public static List<String> names(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> out.add(p.getFileName().toString()));
    } catch (NoSuchFileException e) {
      return out;
    }
    Collections.sort(out);
    return out;
  }
}
