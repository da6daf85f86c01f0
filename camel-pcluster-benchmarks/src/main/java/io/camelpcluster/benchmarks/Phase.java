package io.camelpcluster.benchmarks;

import io.camelpcluster.emulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Waiting on every cluster at once, measured: the waits start, the steady state is measured (no
 * cluster changes), then the emulator's clock jumps to one interval before the first change and the
 * clusters change state one after the other, at the pace their operations were started, while the
 * waits complete.
 */
final class Phase {
  /**
   * What one phase measured.
   *
   * @param threadsAdded the most threads alive, while waiting or once done, that were not before
   *     the component existed (the emulator's and the setup calls' excepted)
   */
  record Result(
      int clusters,
      String label,
      int pagesPerWalk,
      CallRate calls,
      ThreadCensus threadsBefore,
      int threadsDuring,
      int threadsAfter,
      int threadsAdded,
      double heapBeforeMb,
      double heapDuringMb,
      double heapAfterMb,
      Latencies latency,
      int failures) {}

  private static final Duration MAX_STEP = Duration.ofMinutes(4);

  private final Duration interval;
  private final int pageSize;
  private final int window;

  Phase(Duration interval, int pageSize, int window) {
    this.interval = interval;
    this.pageSize = pageSize;
    this.window = window;
  }

  /**
   * Moves the clock to {@code target} in steps of at most four minutes, a second apart: a request
   * signed just before a step is then still within the emulator's five minutes of clock skew.
   */
  private static void jumpTo(JumpClock clock, Instant target) throws InterruptedException {
    Duration left = Duration.between(clock.instant(), target);
    while (left.compareTo(MAX_STEP) > 0) {
      clock.jump(MAX_STEP);
      TimeUnit.SECONDS.sleep(1);
      left = Duration.between(clock.instant(), target);
    }
    if (!left.isNegative()) {
      clock.jump(left);
    }
  }

  /**
   * @param label what is waited on, through what
   * @param changes when each cluster changes state (emulator time)
   * @param startWait starts the wait on cluster i; the future completes with it
   * @param before the threads before the component existed
   */
  Result run(
      EmulatedClusters clusters,
      String label,
      Instant[] changes,
      IntFunction<CompletableFuture<?>> startWait,
      ThreadCensus before)
      throws Exception {
    int n = clusters.n;
    JumpClock clock = clusters.clock;
    System.out.printf("N=%,d: waiting (%s)%n", n, label);
    double heapBefore = Heap.usedAfterGcMb();
    Instant[] completedAt = new Instant[n];
    AtomicInteger failures = new AtomicInteger();
    CompletableFuture<?>[] all = new CompletableFuture<?>[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      all[i] =
          startWait
              .apply(i)
              .whenComplete(
                  (result, error) -> {
                    completedAt[index] = Instant.now();
                    if (error != null) {
                      failures.incrementAndGet();
                    }
                  });
    }
    // the steady state after the walk in flight at the start: `window` intervals, 3 whole walks
    TimeUnit.NANOSECONDS.sleep(interval.multipliedBy(2).toNanos());
    Instant steadyFrom = clock.instant();
    TimeUnit.NANOSECONDS.sleep(interval.multipliedBy(window).toNanos());
    while (CallRate.walksStartedSince(clusters.emulator.requests().all(), steadyFrom) < 4) {
      TimeUnit.NANOSECONDS.sleep(interval.toNanos());
    }
    Instant steadyTo = clock.instant();
    int threadsDuring = ThreadCensus.take().total();
    int added = ThreadCensus.addedSince(before);
    double heapDuring = Heap.usedAfterGcMb();

    Instant first = Arrays.stream(changes).min(Instant::compareTo).orElseThrow();
    jumpTo(clock, first.minus(interval));
    Instant changingFrom = clock.instant();
    CompletableFuture.allOf(all).handle((done, error) -> null).get(10, TimeUnit.MINUTES);
    Instant changingTo = clock.instant();
    long[] latencies = new long[n];
    for (int i = 0; i < n; i++) {
      latencies[i] = Duration.between(clock.toWall(changes[i]), completedAt[i]).toNanos();
    }
    List<RecordedRequest> log = clusters.emulator.requests().all();
    CallRate calls =
        CallRate.over(log, steadyFrom, steadyTo, interval)
            .withMaxOf(CallRate.over(log, changingFrom, changingTo, interval));
    // once idle for an interval, the poller retires
    TimeUnit.NANOSECONDS.sleep(interval.multipliedBy(3).toNanos());
    int threadsAfter = ThreadCensus.take().total();
    int addedAfter = ThreadCensus.addedSince(before);
    double heapAfter = Heap.usedAfterGcMb();
    return new Result(
        n,
        label,
        (n + pageSize - 1) / pageSize,
        calls,
        before,
        threadsDuring,
        threadsAfter,
        Math.max(added, addedAfter),
        heapBefore,
        heapDuring,
        heapAfter,
        Latencies.of(latencies),
        failures.get());
  }
}
