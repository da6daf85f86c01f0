package io.camelpcluster.pcluster.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock moved by the test, shared by the emulator and the client (which signs with it). */
final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock at the current time, so that the signatures stay within SigV4's skew. */
  static ManualClock now() {
    return new ManualClock(Instant.now());
  }

  void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
