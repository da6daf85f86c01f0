package io.camelpcluster.benchmarks;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.ParallelClusterClientBuilder;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.StackEvent;
import io.camelpcluster.pcluster.wait.ClusterTarget;
import io.camelpcluster.pcluster.wait.WaitService;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One run for N clusters in a fresh emulator whose transitions take ten minutes of emulator time. A
 * setup client creates the clusters and reads from their stack events when each operation started,
 * hence when each will change state. Then a new {@code WaitService} (with its own client and
 * scheduler, as the component has) waits on all of them; the steady state is measured; the
 * emulator's clock jumps to one interval before the first change, and the clusters change state one
 * after the other, in the order and at the pace they were created, while the waits complete. The
 * same again for their deletion.
 */
final class Scenario {
  private static final Duration TRANSITION = Duration.ofMinutes(10);
  private static final Duration WAIT_TIMEOUT = Duration.ofHours(1);
  private static final int SETUP_CONCURRENCY = 16;
  private static final String CONFIG =
      """
      Image:
        Os: alinux2023
      HeadNode:
        InstanceType: t3.medium
        Networking:
          SubnetId: subnet-0a1b2c3d4e5f67890
      Scheduling:
        Scheduler: slurm
        SlurmQueues:
          - Name: batch
            Networking:
              SubnetIds:
                - subnet-0a1b2c3d4e5f67890
            ComputeResources:
              - Name: cr1
                InstanceType: c6i.large
                MinCount: 0
                MaxCount: 4
      """;

  private final Duration interval;
  private final int pageSize;
  private final int window;

  Scenario(Duration interval, int pageSize, int window) {
    this.interval = interval;
    this.pageSize = pageSize;
    this.window = window;
  }

  /** What one phase measured. */
  record Result(
      int clusters,
      String phase,
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

  List<Result> run(int n) throws Exception {
    JumpClock clock = new JumpClock();
    EmulatorConfig config =
        EmulatorConfig.builder()
            .clock(clock)
            .createDuration(TRANSITION)
            .deleteDuration(TRANSITION)
            .pageSize(pageSize)
            .build();
    try (PclusterEmulator emulator = PclusterEmulator.start(config);
        ParallelClusterAsyncClient setup = setupClient(emulator, clock)) {
      System.out.printf("N=%,d: creating the clusters%n", n);
      inBatches(n, i -> setup.createCluster(CreateClusterRequest.of(name(i), CONFIG)));
      Instant[] created = operationStarts(setup, n);
      emulator.requests().clear();
      ThreadCensus before = ThreadCensus.take();

      ScheduledThreadPoolExecutor scheduler =
          new ScheduledThreadPoolExecutor(2, named("pcluster-wait-"));
      scheduler.setRemoveOnCancelPolicy(true);
      try (ParallelClusterAsyncClient client = client(emulator, clock, scheduler);
          WaitService waits = new WaitService(scheduler)) {
        Phase creation = new Phase(n, "create", ClusterTarget.created(), created);
        Result create = creation.run(emulator, clock, client, waits, before);

        System.out.printf("N=%,d: deleting the clusters%n", n);
        inBatches(n, i -> setup.deleteCluster(DeleteClusterRequest.of(name(i))));
        Instant[] deleted = operationStarts(setup, n);
        emulator.requests().clear();
        Phase deletion = new Phase(n, "delete", ClusterTarget.deleted(), deleted);
        Result delete = deletion.run(emulator, clock, client, waits, before);
        return List.of(create, delete);
      } finally {
        scheduler.shutdownNow();
      }
    }
  }

  /** Waiting on every cluster for one target. */
  private final class Phase {
    private final int n;
    private final String name;
    private final ClusterTarget target;
    private final Instant[] operationStarts;

    Phase(int n, String name, ClusterTarget target, Instant[] operationStarts) {
      this.n = n;
      this.name = name;
      this.target = target;
      this.operationStarts = operationStarts;
    }

    Result run(
        PclusterEmulator emulator,
        JumpClock clock,
        ParallelClusterAsyncClient client,
        WaitService waits,
        ThreadCensus before)
        throws Exception {
      System.out.printf("N=%,d: waiting (%s)%n", n, name);
      double heapBefore = Heap.usedAfterGcMb();
      Instant[] completedAt = new Instant[n];
      AtomicInteger failures = new AtomicInteger();
      CompletableFuture<?>[] all = new CompletableFuture<?>[n];
      for (int i = 0; i < n; i++) {
        int index = i;
        all[i] =
            waits
                .awaitCluster(client, null, name(i), target, interval, WAIT_TIMEOUT)
                .whenComplete(
                    (cluster, error) -> {
                      completedAt[index] = Instant.now();
                      if (error != null) {
                        failures.incrementAndGet();
                      }
                    });
      }
      // a window of the steady state (nothing changes) after the walk in flight at registration:
      // at least `window` intervals and three complete walks
      TimeUnit.NANOSECONDS.sleep(interval.multipliedBy(2).toNanos());
      Instant steadyFrom = clock.instant();
      TimeUnit.NANOSECONDS.sleep(interval.multipliedBy(window).toNanos());
      while (CallRate.walksStartedSince(emulator.requests().all(), steadyFrom) < 4) {
        TimeUnit.NANOSECONDS.sleep(interval.toNanos());
      }
      Instant steadyTo = clock.instant();
      int threadsDuring = ThreadCensus.take().total();
      int added = ThreadCensus.addedSince(before);
      double heapDuring = Heap.usedAfterGcMb();

      Instant[] changes =
          Arrays.stream(operationStarts).map(t -> t.plus(TRANSITION)).toArray(Instant[]::new);
      Instant first = Arrays.stream(changes).min(Instant::compareTo).orElseThrow();
      clock.jump(Duration.between(clock.instant(), first).minus(interval));
      Instant changingFrom = clock.instant();
      CompletableFuture.allOf(all).handle((done, error) -> null).get(10, TimeUnit.MINUTES);
      Instant changingTo = clock.instant();
      long[] latencies = new long[n];
      for (int i = 0; i < n; i++) {
        latencies[i] = Duration.between(clock.toWall(changes[i]), completedAt[i]).toNanos();
      }
      List<io.camelpcluster.emulator.RecordedRequest> log = emulator.requests().all();
      CallRate calls =
          CallRate.over(log, steadyFrom, steadyTo, interval)
              .withMaxOf(CallRate.over(log, changingFrom, changingTo, interval));
      // once idle for an interval, the poller retires
      TimeUnit.NANOSECONDS.sleep(interval.multipliedBy(3).toNanos());
      int threadsAfter = ThreadCensus.take().total();
      double heapAfter = Heap.usedAfterGcMb();
      return new Result(
          n,
          name,
          (n + pageSize - 1) / pageSize,
          calls,
          before,
          threadsDuring,
          threadsAfter,
          added,
          heapBefore,
          heapDuring,
          heapAfter,
          Latencies.of(latencies),
          failures.get());
    }
  }

  /**
   * When each cluster's last operation started: the newest event of its stack itself (the emulator
   * schedules the transition from that instant).
   */
  private static Instant[] operationStarts(ParallelClusterAsyncClient setup, int n)
      throws InterruptedException {
    Instant[] starts = new Instant[n];
    inBatches(
        n,
        i ->
            setup
                .getClusterStackEvents(new GetClusterStackEventsRequest(name(i), null, null))
                .thenAccept(
                    page -> {
                      StackEvent newest =
                          page.events().stream()
                              .filter(e -> e.logicalResourceId().equals(e.stackName()))
                              .findFirst()
                              .orElseThrow();
                      starts[i] = newest.timestamp();
                    }));
    return starts;
  }

  private static String name(int i) {
    return "bench-" + i;
  }

  /** One call per cluster, a few at a time; returns once all are answered. */
  private static void inBatches(int n, IntFunction<CompletableFuture<?>> call)
      throws InterruptedException {
    Semaphore permits = new Semaphore(SETUP_CONCURRENCY);
    CompletableFuture<?>[] calls = new CompletableFuture<?>[n];
    for (int i = 0; i < n; i++) {
      permits.acquire();
      calls[i] = call.apply(i).whenComplete((r, e) -> permits.release());
    }
    CompletableFuture.allOf(calls).join();
  }

  /** A client for the setup calls, whose threads are named so that they are not counted. */
  private static ParallelClusterAsyncClient setupClient(
      PclusterEmulator emulator, JumpClock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .executor(Executors.newCachedThreadPool(named(ThreadCensus.SETUP_PREFIX)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return builder(emulator, clock).httpClient(http).buildAsync();
  }

  /** A client as the component builds it, sharing the wait scheduler for its retry delays. */
  private static ParallelClusterAsyncClient client(
      PclusterEmulator emulator, JumpClock clock, ScheduledThreadPoolExecutor scheduler) {
    return builder(emulator, clock).scheduler(scheduler).buildAsync();
  }

  private static ParallelClusterClientBuilder builder(PclusterEmulator emulator, JumpClock clock) {
    return ParallelClusterAsyncClient.builder()
        .endpoint(emulator.endpoint())
        .region(emulator.region())
        .clock(clock)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                    EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory defaults = Executors.defaultThreadFactory();
    return runnable -> {
      Thread thread = defaults.newThread(runnable);
      thread.setName(prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
