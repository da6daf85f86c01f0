package io.camelpcluster.benchmarks;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.ParallelClusterClientBuilder;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.StackEvent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * N clusters in a fresh emulator whose transitions take ten minutes of emulator time, created and
 * deleted by a setup client whose threads are named apart. After each operation it reads from the
 * stack events when each cluster's operation started, hence when each will change state.
 */
final class EmulatedClusters implements AutoCloseable {
  static final Duration TRANSITION = Duration.ofMinutes(10);
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

  final int n;
  final JumpClock clock = new JumpClock();
  final PclusterEmulator emulator;
  private final ParallelClusterAsyncClient setup;

  EmulatedClusters(int n, int pageSize) {
    this.n = n;
    this.emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .clock(clock)
                .createDuration(TRANSITION)
                .deleteDuration(TRANSITION)
                .pageSize(pageSize)
                .build());
    HttpClient http =
        HttpClient.newBuilder()
            .executor(Executors.newCachedThreadPool(named(ThreadCensus.SETUP_PREFIX)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.setup = clientBuilder().httpClient(http).buildAsync();
  }

  static String name(int i) {
    return "bench-" + i;
  }

  /** Creates every cluster; returns when each will be CREATE_COMPLETE (emulator time). */
  Instant[] create() throws InterruptedException {
    inBatches(i -> setup.createCluster(CreateClusterRequest.of(name(i), CONFIG)));
    return changes();
  }

  /** Deletes every cluster; returns when each will be gone (emulator time). */
  Instant[] delete() throws InterruptedException {
    inBatches(i -> setup.deleteCluster(DeleteClusterRequest.of(name(i))));
    return changes();
  }

  /** A client of the emulator, signing with its clock, sharing {@code scheduler} for retries. */
  ParallelClusterAsyncClient client(ScheduledExecutorService scheduler) {
    return clientBuilder().scheduler(scheduler).buildAsync();
  }

  private ParallelClusterClientBuilder clientBuilder() {
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

  /** The newest event of each cluster's stack itself starts the operation under way. */
  private Instant[] changes() throws InterruptedException {
    Instant[] changes = new Instant[n];
    inBatches(
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
                      changes[i] = newest.timestamp().plus(TRANSITION);
                    }));
    emulator.requests().clear();
    return changes;
  }

  /** One call per cluster, a few at a time; returns once all are answered. */
  private void inBatches(IntFunction<CompletableFuture<?>> call) throws InterruptedException {
    Semaphore permits = new Semaphore(SETUP_CONCURRENCY);
    CompletableFuture<?>[] calls = new CompletableFuture<?>[n];
    for (int i = 0; i < n; i++) {
      permits.acquire();
      calls[i] = call.apply(i).whenComplete((r, e) -> permits.release());
    }
    CompletableFuture.allOf(calls).join();
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory defaults = Executors.defaultThreadFactory();
    return runnable -> {
      Thread thread = defaults.newThread(runnable);
      thread.setName(prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    setup.close();
    emulator.close();
  }
}
