package dev.reco.core.serving;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model that checks how it is used: every call verifies that the model is open and that all its
 * parts belong to one version, and closing it verifies that no call is running and that it is
 * closed only once. Violations are collected, not thrown, so worker threads keep going and the
 * test sees them all.
 */
final class FakeModel implements AutoCloseable {
  final int version;
  private final int[] parts;
  private final AtomicInteger inUse = new AtomicInteger();
  private final Queue<String> violations;
  private volatile boolean closed;
  private final AtomicInteger closes = new AtomicInteger();

  FakeModel(int version, Queue<String> violations) {
    this.version = version;
    this.parts = new int[64];
    Arrays.fill(parts, version);
    this.violations = violations;
  }

  /** Serves a call: returns the version every part agrees on. */
  int serve() {
    inUse.incrementAndGet();
    try {
      if (closed) {
        violations.add("version " + version + " called after it was closed");
      }
      int v = parts[0];
      for (int p : parts) {
        if (p != v) {
          violations.add("version " + version + " has parts of version " + p);
        }
      }
      if (closed) {
        violations.add("version " + version + " closed during a call");
      }
      return v;
    } finally {
      inUse.decrementAndGet();
    }
  }

  boolean isClosed() {
    return closed;
  }

  int closes() {
    return closes.get();
  }

  @Override
  public void close() {
    if (inUse.get() != 0) {
      violations.add("version " + version + " closed while " + inUse.get() + " calls use it");
    }
    if (closes.incrementAndGet() > 1) {
      violations.add("version " + version + " closed twice");
    }
    closed = true;
  }
}
