package dev.reco.core.tracking;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A deterministic clock for tests: every reading is one second after the previous one. */
final class TestClock implements InstantSource {
  static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

  private final AtomicLong calls = new AtomicLong();

  @Override
  public Instant instant() {
    return START.plusSeconds(calls.getAndIncrement());
  }
}
