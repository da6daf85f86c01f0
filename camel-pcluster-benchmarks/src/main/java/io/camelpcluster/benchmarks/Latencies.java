package io.camelpcluster.benchmarks;

import java.time.Duration;
import java.util.Arrays;

/** Percentiles of a set of durations (nanoseconds). */
record Latencies(Duration min, Duration p50, Duration p95, Duration max) {

  static Latencies of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(
        Duration.ofNanos(sorted[0]),
        Duration.ofNanos(percentile(sorted, 50)),
        Duration.ofNanos(percentile(sorted, 95)),
        Duration.ofNanos(sorted[sorted.length - 1]));
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
