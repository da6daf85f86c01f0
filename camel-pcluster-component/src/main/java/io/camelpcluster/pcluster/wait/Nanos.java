package io.camelpcluster.pcluster.wait;

import java.time.Duration;

/** Durations as nanoseconds, capped so that {@link System#nanoTime()} arithmetic stays exact. */
final class Nanos {
  /** About 100 years: longer waits are as good as endless. */
  static final long MAX = Duration.ofDays(36_500).toNanos();

  private Nanos() {}

  static long of(Duration duration) {
    return duration.compareTo(Duration.ofNanos(MAX)) >= 0 ? MAX : duration.toNanos();
  }
}
