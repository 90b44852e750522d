package dev.reco.core.store;

import dev.reco.core.format.AtomicFiles;
import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The directory of a file-backed store (a registry or a tracker): opening it, creating it when it
 * is empty, its write lock, and I/O failures turned into {@link UncheckedIOException}s that name
 * the store. The directory holds a layout marker (a JSON file written through
 * {@link AtomicFiles}), a lock file ({@link FileLocking}) and one data directory; anything else in
 * a directory without a marker is refused, so a store is never created over unrelated files.
 * Immutable and thread-safe.
 */
public final class StoreDirectory {
  private final Path root;
  private final Path data;
  private final Path lockFile;
  private final Duration lockTimeout;
  private final String kind;

  private StoreDirectory(Path root, Layout layout, Duration lockTimeout) {
    this.root = root;
    this.data = root.resolve(layout.data());
    this.lockFile = root.resolve(layout.lock());
    this.lockTimeout = lockTimeout;
    this.kind = layout.kind();
  }

  /**
   * What tells one kind of store's directory apart.
   *
   * @param kind how messages name the store, e.g. {@code "registry"}
   * @param marker the file name of the layout marker, e.g. {@code "registry.json"}
   * @param lock the file name of the lock file, e.g. {@code "registry.lock"}
   * @param data the name of the data directory, e.g. {@code "models"}
   * @param marks reads and writes the marker
   */
  public record Layout(String kind, String marker, String lock, String data, Marker marks) {
    /**
     * Checks the components.
     *
     * @param kind how messages name the store
     * @param marker the file name of the layout marker
     * @param lock the file name of the lock file
     * @param data the name of the data directory
     * @param marks reads and writes the marker
     * @throws NullPointerException if one is null
     */
    public Layout {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(marker, "marker");
      Objects.requireNonNull(lock, "lock");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(marks, "marks");
    }
  }

  /** How a store reads and writes its layout marker, and words a missing data directory. */
  public interface Marker {
    /**
     * Checks an existing marker.
     *
     * @param bytes the marker's content
     * @param file the marker file
     * @throws FormatException if it is not this kind of store's marker in a supported version
     */
    void check(byte[] bytes, Path file);

    /**
     * Returns the content of a new marker.
     *
     * @return the bytes to write
     */
    byte[] create();

    /**
     * Returns the exception for a marked directory whose data directory is missing.
     *
     * @param message the message, naming the directory
     * @param dir the missing directory
     * @return the exception to throw
     */
    FormatException missingData(String message, Path dir);
  }

  /**
   * An I/O step of a store.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface IoAction<T> {
    /**
     * Runs the step.
     *
     * @return its result
     * @throws IOException if the step fails
     */
    T run() throws IOException;
  }

  /**
   * Opens the store in {@code root}, creating it if {@code root} does not exist or is empty.
   *
   * @param root the store's directory
   * @param lockTimeout how long a change waits for the write lock
   * @param layout the kind of store
   * @return the opened directory
   * @throws IllegalArgumentException if {@code lockTimeout} is not positive, or {@code root} is
   *     a file, or a directory that holds other things and no marker
   * @throws FormatException if the marker is damaged, of another kind or newer, or the data
   *     directory is missing
   * @throws UncheckedIOException if the directory cannot be read or created
   */
  public static StoreDirectory open(Path root, Duration lockTimeout, Layout layout) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(layout, "layout");
    if (lockTimeout.isZero() || lockTimeout.isNegative()) {
      throw new IllegalArgumentException("lockTimeout = " + lockTimeout
          + "; expected a positive duration");
    }
    Path abs = root.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IllegalArgumentException("root = " + abs + " is not a directory; expected a "
          + layout.kind() + " directory, an empty directory or a path that does not exist yet");
    }
    StoreDirectory d = new StoreDirectory(abs, layout, lockTimeout);
    try {
      Files.createDirectories(abs);
      Path marker = abs.resolve(layout.marker());
      if (Files.isRegularFile(marker)) {
        layout.marks().check(Files.readAllBytes(marker), marker);
        if (!Files.isDirectory(d.data)) {
          throw layout.marks().missingData(d.data + " is missing; expected the " + layout.data()
              + " directory of the " + layout.kind(), d.data);
        }
      } else {
        d.initialize(layout, marker);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the " + layout.kind() + " at " + abs + ": " + e,
          e);
    }
    return d;
  }

  private void initialize(Layout layout, Path marker) throws IOException {
    try (FileLocking.Held ignored = FileLocking.acquire(lockFile, lockTimeout)) {
      if (Files.isRegularFile(marker)) {
        layout.marks().check(Files.readAllBytes(marker), marker);
        return;
      }
      for (String name : Dirs.names(root)) {
        boolean ours = name.equals(layout.lock()) || name.equals(layout.data())
            || (name.startsWith("." + layout.marker() + ".") && name.endsWith(".tmp"));
        if (!ours) {
          throw new IllegalArgumentException("root = " + root + " is not empty and holds no "
              + layout.marker() + " (found " + Names.quote(name) + "); expected an empty"
              + " directory or an existing " + layout.kind());
        }
      }
      Files.createDirectories(data);
      Dirs.forceDirectory(root);
      byte[] bytes = layout.marks().create();
      AtomicFiles.write(marker, out -> out.write(bytes));
    }
  }

  /**
   * Returns the store's directory.
   *
   * @return the absolute, normalized root
   */
  public Path root() {
    return root;
  }

  /**
   * Returns the data directory.
   *
   * @return {@code root} resolved against the layout's data name
   */
  public Path data() {
    return data;
  }

  /**
   * Runs a change under the write lock.
   *
   * @param <T> the result type
   * @param what what the change does, for the message of a failure
   * @param action the change
   * @return its result
   * @throws UncheckedIOException if the lock cannot be taken or the change fails with an
   *     {@link IOException}; the message names {@code what} and the store
   */
  public <T> T write(String what, IoAction<T> action) {
    try (FileLocking.Held ignored = FileLocking.acquire(lockFile, lockTimeout)) {
      return action.run();
    } catch (IOException e) {
      throw failed(what, e);
    }
  }

  /**
   * Runs a read, which takes no lock.
   *
   * @param <T> the result type
   * @param what what the read does, for the message of a failure
   * @param action the read
   * @return its result
   * @throws UncheckedIOException if the read fails with an {@link IOException}; the message
   *     names {@code what} and the store
   */
  public <T> T read(String what, IoAction<T> action) {
    try {
      return action.run();
    } catch (IOException e) {
      throw failed(what, e);
    }
  }

  private UncheckedIOException failed(String what, IOException e) {
    return new UncheckedIOException(what + " failed in the " + kind + " at " + root + ": " + e, e);
  }
}
