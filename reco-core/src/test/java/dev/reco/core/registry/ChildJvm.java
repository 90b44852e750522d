package dev.reco.core.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RegistryChild} running in its own JVM (the current {@code java} binary and the test
 * class path), its stdout lines collected by a reader thread and its stderr kept in a file for
 * failure messages.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final Thread reader;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final List<String> lines = new ArrayList<>();

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::drain, "child-" + process.pid() + "-stdout");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Starts {@code RegistryChild} with {@code args}; stderr goes to {@code stderrFile}. */
  static ChildJvm start(Path stderrFile, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a short-lived writer: start fast rather than run fast
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RegistryChild.class.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectError(stderrFile.toFile())
        .start();
    return new ChildJvm(p, stderrFile);
  }

  private void drain() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("ready")) {
          ready.countDown();
        } else {
          synchronized (lines) {
            lines.add(line);
          }
        }
      }
    } catch (IOException e) {
      // the child was killed while we read: what arrived is kept
    }
  }

  Process process() {
    return process;
  }

  /** Waits until the child has opened the registry; fails with its stderr if it died. */
  void awaitReady(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ready.await(50, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        throw new AssertionError("child exited with " + process.exitValue()
            + " before it was ready; stderr:\n" + stderr());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("child not ready within " + seconds + " s; stderr:\n" + stderr());
      }
    }
  }

  /** Sends one line to the child's stdin. */
  void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** Kills the child with SIGKILL (no shutdown hooks, no cleanup) and waits for it to die. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    reader.join(10_000);
  }

  /** Waits for a normal exit and returns the exit code; fails if it takes longer. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child still running after " + seconds + " s; stderr:\n"
          + stderr());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** The stdout lines after {@code ready}. */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String stderr() {
    try {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
