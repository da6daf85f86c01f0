package io.camelpcluster.pcluster.wait;

import java.time.Duration;

/**
 * Durations as people read them in logs: {@code 850ms}, {@code 4.2s}, {@code 4m12s}, {@code
 * 2h0m5s}.
 */
final class Elapsed {
  private Elapsed() {}

  static String format(Duration elapsed) {
    long millis = Math.max(0, elapsed.toMillis());
    if (millis < 1_000) {
      return millis + "ms";
    }
    if (millis < 10_000) {
      return String.format("%d.%ds", millis / 1_000, millis % 1_000 / 100);
    }
    long seconds = millis / 1_000;
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3_600) {
      return seconds / 60 + "m" + seconds % 60 + "s";
    }
    return seconds / 3_600 + "h" + seconds % 3_600 / 60 + "m" + seconds % 60 + "s";
  }

  /** The time from {@code startNanos} to {@code nowNanos} ({@link System#nanoTime()} readings). */
  static Duration between(long startNanos, long nowNanos) {
    return Duration.ofNanos(nowNanos - startNanos);
  }
}
