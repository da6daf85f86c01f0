package io.camelpcluster.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that can jump forward: the emulator computes cluster states from
 * its clock, so a jump brings every cluster's transition close without waiting for it.
 */
final class JumpClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  void jump(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  /** The wall-clock instant at which this clock shows {@code instant}. */
  Instant toWall(Instant instant) {
    return instant.minus(offset.get());
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
